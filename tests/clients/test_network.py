"""How the clients reach a server: proxies (explicit, with credentials, or from the environment), TLS
settings, a pool the user owns, `with_options(base_url=, headers=)`, and the User-Agent they send."""

from __future__ import annotations

import logging
import shutil
import ssl
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
import urllib3

import oneticket
from oneticket import OneTicketClient
from paciolan import ArgumentError, PaciolanClient, StatusError
from tests.conftest import ONETICKET_TOKEN, PACIOLAN_KEY, paciolan_at, sample
from tests.local_proxy import ForwardProxy
from tests.local_server import LocalServer

PROXY_PASSWORD = "pr0xy-SECRET:@"  # characters that must be percent-encoded in a URL
PROXY_VARIABLES = ("HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY", "ALL_PROXY")


@pytest.fixture(autouse=True)
def no_proxy_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test starts with no proxy variable set, whatever the machine's environment has."""
    for name in PROXY_VARIABLES:
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)


@pytest.fixture
def proxy() -> Iterator[ForwardProxy]:
    local = ForwardProxy().start()
    yield local
    local.stop()


@pytest.fixture
def guarded_proxy() -> Iterator[ForwardProxy]:
    local = ForwardProxy(username="proxyuser", password=PROXY_PASSWORD).start()
    yield local
    local.stop()


def get_cart(client: PaciolanClient) -> None:
    assert client.cart.get(cart_id="324139", policy_code="WEB").id == 324139


# -- proxies -----------------------------------------------------------------------------------


def test_proxy_sends_every_request_through_it(http: LocalServer, proxy: ForwardProxy) -> None:
    http.reply(200, sample("paciolan", "cart.get"))
    http.reply(200, sample("paciolan", "cart.get"))
    with paciolan_at(http.url, proxy=proxy.url) as client:
        get_cart(client)
        get_cart(client)
    assert proxy.hits == 2
    assert proxy.targets[0].startswith(f"{http.url}/cart/324139")
    assert len(http.requests) == 2
    assert http.last.header("PAC-API-Key") == PACIOLAN_KEY


def test_proxy_credentials_in_the_url_are_sent_as_proxy_authorization(
    http: LocalServer, guarded_proxy: ForwardProxy
) -> None:
    http.reply(200, sample("paciolan", "cart.get"))
    quoted = PROXY_PASSWORD.replace(":", "%3A").replace("@", "%40")
    address = guarded_proxy.url.replace("http://", f"http://proxyuser:{quoted}@")
    with paciolan_at(http.url, proxy=address) as client:
        get_cart(client)
    assert (guarded_proxy.hits, guarded_proxy.refused) == (1, 0)
    # The proxy's credentials stay with the proxy.
    assert http.last.header("Proxy-Authorization") is None


def test_wrong_proxy_credentials_are_a_407_that_never_shows_the_password(
    http: LocalServer, guarded_proxy: ForwardProxy, caplog: pytest.LogCaptureFixture
) -> None:
    address = guarded_proxy.url.replace("http://", "http://proxyuser:wrong-SECRET@")
    caplog.set_level(logging.DEBUG)
    with paciolan_at(http.url, proxy=address) as client:
        with pytest.raises(StatusError) as raised:
            get_cart(client)
        shown = f"{raised.value} {raised.value!r} {client!r} {client._transport.network!r}"
    assert raised.value.status == 407
    assert guarded_proxy.refused == 1 and http.requests == []
    assert "wrong-SECRET" not in shown + caplog.text


def test_http_proxy_from_the_environment_is_honoured_by_default(
    http: LocalServer, proxy: ForwardProxy, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HTTP_PROXY", proxy.url)
    http.reply(200, sample("paciolan", "cart.get"))
    with paciolan_at(http.url) as client:
        get_cart(client)
    assert proxy.hits == 1


def test_no_proxy_sends_matching_hosts_directly(
    http: LocalServer, proxy: ForwardProxy, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HTTP_PROXY", proxy.url)
    monkeypatch.setenv("NO_PROXY", "example.com,127.0.0.1")
    http.reply(200, sample("paciolan", "cart.get"))
    with paciolan_at(http.url) as client:
        get_cart(client)
    assert proxy.hits == 0 and len(http.requests) == 1


def test_trust_env_false_ignores_the_proxy_variables(
    http: LocalServer, proxy: ForwardProxy, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("http_proxy", proxy.url)
    http.reply(200, sample("paciolan", "cart.get"))
    with paciolan_at(http.url, trust_env=False) as client:
        get_cart(client)
    assert proxy.hits == 0 and len(http.requests) == 1


def test_an_explicit_proxy_wins_over_no_proxy(
    http: LocalServer, proxy: ForwardProxy, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_PROXY", "*")
    http.reply(200, sample("paciolan", "cart.get"))
    with paciolan_at(http.url, proxy=proxy.url) as client:
        get_cart(client)
    assert proxy.hits == 1


def test_a_proxy_that_is_not_an_http_url_is_refused_before_sending() -> None:
    with pytest.raises(ArgumentError, match="proxy= must be an http"):
        paciolan_at("http://127.0.0.1:9", proxy="socks5://127.0.0.1:1080")


# -- the user's own pool -----------------------------------------------------------------------


def test_your_own_proxy_manager_is_used_and_left_open(
    http: LocalServer, proxy: ForwardProxy
) -> None:
    own = urllib3.ProxyManager(proxy.url)
    http.reply(200, sample("paciolan", "cart.get"))
    with paciolan_at(http.url, pool=own) as client:
        get_cart(client)
    assert proxy.hits == 1
    assert len(own.pools) == 1  # close() left the user's pool alone
    own.clear()


def test_your_own_pool_excludes_the_settings_it_replaces() -> None:
    with pytest.raises(ArgumentError, match="pool= replaces"):
        paciolan_at("http://127.0.0.1:9", pool=urllib3.PoolManager(), ca_certs="ca.pem")


# -- TLS -------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1 and its key (made with the openssl command)."""
    if shutil.which("openssl") is None:
        pytest.skip("the openssl command is needed to make a certificate")
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        [
            *("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1"),
            *("-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"),
            *("-keyout", str(key), "-out", str(cert)),
        ],
        check=True,
        capture_output=True,
        timeout=60,
    )
    return cert, key


@pytest.fixture
def https(certificate: tuple[Path, Path]) -> Iterator[LocalServer]:
    cert, key = certificate
    server = LocalServer()
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server._httpd.socket = context.wrap_socket(server._httpd.socket, server_side=True)
    server.start()
    yield server
    server.stop()


def https_url(server: LocalServer) -> str:
    return server.url.replace("http://", "https://")


def test_an_unknown_certificate_authority_is_refused_by_default(https: LocalServer) -> None:
    from paciolan import ApiConnectionError

    with paciolan_at(https_url(https)) as client, pytest.raises(ApiConnectionError):
        get_cart(client)


def test_ca_certs_trusts_your_certificate_authority(
    https: LocalServer, certificate: tuple[Path, Path]
) -> None:
    https.reply(200, sample("paciolan", "cart.get"))
    with paciolan_at(https_url(https), ca_certs=str(certificate[0])) as client:
        get_cart(client)
    assert len(https.requests) == 1


def test_ssl_context_is_used_for_the_connections(
    https: LocalServer, certificate: tuple[Path, Path]
) -> None:
    https.reply(200, sample("paciolan", "cart.get"))
    context = ssl.create_default_context(cafile=str(certificate[0]))
    with paciolan_at(https_url(https), ssl_context=context) as client:
        get_cart(client)
    assert len(https.requests) == 1


def test_https_proxy_from_the_environment_tunnels_with_connect(
    https: LocalServer,
    certificate: tuple[Path, Path],
    proxy: ForwardProxy,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("HTTPS_PROXY", proxy.url)
    https.reply(200, sample("paciolan", "cart.get"))
    with paciolan_at(https_url(https), ca_certs=str(certificate[0])) as client:
        get_cart(client)
    port = https.url.rsplit(":", 1)[1]
    assert proxy.targets == [f"CONNECT 127.0.0.1:{port}"]
    # Inside the tunnel the request line is the path, as the server expects.
    assert https.last.path == "/cart/324139"


def test_an_explicit_proxy_with_credentials_tunnels_https_too(
    https: LocalServer, certificate: tuple[Path, Path], guarded_proxy: ForwardProxy
) -> None:
    https.reply(200, sample("paciolan", "cart.get"))
    address = guarded_proxy.url.replace("http://", "http://proxyuser:pr0xy-SECRET%3A%40@")
    with paciolan_at(https_url(https), proxy=address, ca_certs=str(certificate[0])) as client:
        get_cart(client)
    assert (guarded_proxy.hits, guarded_proxy.refused) == (1, 0)
    assert https.last.header("Proxy-Authorization") is None


# -- with_options ------------------------------------------------------------------------------


@pytest.fixture
def other_server() -> Iterator[LocalServer]:
    local = LocalServer().start()
    yield local
    local.stop()


def test_with_options_base_url_sends_elsewhere_and_leaves_the_original_alone(
    http: LocalServer, other_server: LocalServer, paciolan: PaciolanClient
) -> None:
    other_server.reply(200, sample("paciolan", "cart.get"))
    http.reply(200, sample("paciolan", "cart.get"))
    get_cart(paciolan.with_options(base_url=other_server.url))
    get_cart(paciolan)
    assert len(other_server.requests) == 1 and len(http.requests) == 1
    assert other_server.last.header("PAC-API-Key") == PACIOLAN_KEY


def test_with_options_headers_are_added_to_that_client_only(
    http: LocalServer, paciolan: PaciolanClient
) -> None:
    http.reply(200, sample("paciolan", "cart.get"))
    http.reply(200, sample("paciolan", "cart.get"))
    get_cart(paciolan.with_options(headers={"X-Trace": "abc"}))
    assert http.last.header("X-Trace") == "abc"
    get_cart(paciolan)
    assert http.last.header("X-Trace") is None


def test_with_options_headers_are_checked_like_every_header(paciolan: PaciolanClient) -> None:
    with pytest.raises(ArgumentError):
        paciolan.with_options(headers={"X-Trace": "a\r\nInjected: 1"})


# -- User-Agent --------------------------------------------------------------------------------


def test_a_client_without_a_prescribed_user_agent_names_itself_and_its_version(
    http: LocalServer,
) -> None:
    http.reply(200, sample("oneticket", "token.verify"))
    with OneTicketClient(api_token=ONETICKET_TOKEN, base_url=http.url, max_retries=0) as client:
        client.token.verify()
    assert http.last.header("User-Agent") == f"OneTicketClient/{oneticket.__version__}"


def test_a_vendor_prescribed_user_agent_is_the_callers(
    http: LocalServer, paciolan: PaciolanClient
) -> None:
    http.reply(200, sample("paciolan", "cart.get"))
    get_cart(paciolan)
    assert http.last.header("User-Agent") == "TicketingTests/1.0.0"
