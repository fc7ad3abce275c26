"""The transport under real network conditions: retries that never double-charge, timeouts, HEAD, logs."""

from __future__ import annotations

import logging
import time

import pytest

from oneticket import OneTicketClient
from paciolan import PaciolanClient, Timeout
from paciolan import errors as paciolan_errors
from tests.conftest import ONETICKET_TOKEN, PACIOLAN_KEY, sample
from tests.local_server import LocalServer

CHECKOUT = {"patron": None, "delivery": {"method": "WC"}}


@pytest.fixture
def retrying(paciolan: PaciolanClient) -> PaciolanClient:
    return paciolan.with_options(max_retries=2)


def test_a_get_is_retried_after_503_with_retry_after_zero(
    http: LocalServer, retrying: PaciolanClient
) -> None:
    http.reply(503, b"busy", headers={"Retry-After": "0"})
    http.reply(200, sample("paciolan", "cart.get"))

    cart = retrying.cart.get(cart_id="324139", policy_code="WEB")

    assert cart.id == 324139
    assert [r.method for r in http.requests] == ["GET", "GET"]


def test_a_get_gives_up_after_max_retries_and_says_how_many_attempts(
    http: LocalServer, retrying: PaciolanClient
) -> None:
    for _ in range(3):
        http.reply(503, b"busy", headers={"Retry-After": "0"})

    with pytest.raises(paciolan_errors.ServerError) as caught:
        retrying.cart.get(cart_id="1", policy_code="WEB")

    assert len(http.requests) == 3
    assert caught.value.attempts == 3
    assert caught.value.status == 503


def test_a_checkout_is_sent_once_after_a_503(http: LocalServer, retrying: PaciolanClient) -> None:
    http.reply(503, b"busy", headers={"Retry-After": "0"})

    with pytest.raises(paciolan_errors.ServerError):
        retrying.cart.checkout(cart_id="1", policy_code="WEB", body=CHECKOUT)

    assert len(http.requests) == 1


def test_a_checkout_is_sent_once_after_the_connection_drops(
    http: LocalServer, retrying: PaciolanClient
) -> None:
    http.reply(drop=True)

    with pytest.raises(paciolan_errors.ApiConnectionError) as caught:
        retrying.cart.checkout(cart_id="1", policy_code="WEB", body=CHECKOUT)

    assert len(http.requests) == 1
    assert caught.value.attempts == 1


def test_a_get_is_retried_after_the_connection_drops(
    http: LocalServer, retrying: PaciolanClient
) -> None:
    http.reply(drop=True)
    http.reply(200, sample("paciolan", "util.sysinfo"))

    info = retrying.util.sysinfo()

    assert info.pdi_version == "7.20.175"
    assert len(http.requests) == 2


def test_a_retry_after_beyond_the_cap_is_raised_at_once_with_its_value(
    http: LocalServer, retrying: PaciolanClient
) -> None:
    http.reply(429, b"slow down", headers={"Retry-After": "3600"})

    started = time.monotonic()
    with pytest.raises(paciolan_errors.RateLimitError) as caught:
        retrying.cart.get(cart_id="1", policy_code="WEB")

    assert time.monotonic() - started < 30  # not slept: the error came at once
    assert caught.value.retry_after == 3600
    assert len(http.requests) == 1


def test_a_retry_after_http_date_in_the_past_retries_at_once(
    http: LocalServer, retrying: PaciolanClient
) -> None:
    http.reply(503, b"", headers={"Retry-After": "Wed, 21 Oct 2015 07:28:00 GMT"})
    http.reply(200, sample("paciolan", "util.sysinfo"))

    retrying.util.sysinfo()

    assert len(http.requests) == 2


def test_a_slow_server_raises_a_timeout_error(http: LocalServer, paciolan: PaciolanClient) -> None:
    http.reply(200, b"{}", delay=2.0)

    started = time.monotonic()
    with pytest.raises(paciolan_errors.ApiTimeoutError):
        paciolan.with_options(timeout=Timeout(connect=1.0, read=0.3)).util.sysinfo()

    assert time.monotonic() - started < 1.9


def test_a_refused_connection_is_a_connection_error(paciolan: PaciolanClient) -> None:
    closed = PaciolanClient(
        api_key=PACIOLAN_KEY,
        application_id="a",
        channel_code="c",
        organization_id=1,
        user_agent="T/1.0.0",
        base_url="http://127.0.0.1:9",
        max_retries=0,
    )
    with pytest.raises(paciolan_errors.ApiConnectionError) as caught:
        closed.util.sysinfo()
    assert PACIOLAN_KEY not in str(caught.value)


def test_a_redirect_is_not_followed(http: LocalServer, paciolan: PaciolanClient) -> None:
    http.reply(302, b"", headers={"Location": "http://elsewhere.invalid/steal"})

    with pytest.raises(paciolan_errors.StatusError) as caught:
        paciolan.util.sysinfo()

    assert caught.value.status == 302
    assert len(http.requests) == 1


def test_head_sends_head_and_returns_status_and_headers(
    http: LocalServer, paciolan: PaciolanClient
) -> None:
    http.reply(200, b"", headers={"Last-Modified": "Wed, 11 Aug 2023 00:00:00 GMT"})

    raw = paciolan.cart.get.head(cart_id="324139", policy_code="WEB")

    assert http.last.method == "HEAD"
    assert http.last.target == "/cart/324139?policyCode=WEB"
    assert raw.status == 200
    assert raw.headers["Last-Modified"] == "Wed, 11 Aug 2023 00:00:00 GMT"


def test_head_on_an_operation_without_head_is_refused_before_sending(
    http: LocalServer, paciolan: PaciolanClient
) -> None:
    with pytest.raises(paciolan_errors.ArgumentError):
        paciolan.util.sysinfo.head()
    assert http.requests == []


def test_debug_logs_name_method_url_status_and_attempt_but_no_secret(
    http: LocalServer, oneticket: OneTicketClient, caplog: pytest.LogCaptureFixture
) -> None:
    http.reply(200, {"result": {"status": "success", "message": "", "messageid": ""}, "output": []})
    password = "hunter2-SECRET"

    with caplog.at_level(logging.DEBUG, logger="oneticket"):
        oneticket.accounts.add(username="fan@example.com", password=password)

    (record,) = [r for r in caplog.records if r.name == "oneticket"]
    text = record.getMessage()
    assert text.startswith("POST ")
    assert "/v2/accounts/add/?username=fan%40example.com&password=***" in text
    assert "-> 200" in text and "attempt 1" in text
    assert password not in text and ONETICKET_TOKEN not in text
    assert password in http.last.target  # the real request carried it


def test_a_required_argument_given_as_none_is_refused_before_sending(
    http: LocalServer, paciolan: PaciolanClient
) -> None:
    with pytest.raises(paciolan_errors.ArgumentError, match=r"cart\.get: `cart_id` is required"):
        paciolan.cart.get(cart_id=None, policy_code="WEB")  # type: ignore[arg-type]
    with pytest.raises(paciolan_errors.ArgumentError, match="`policy_code` is required"):
        paciolan.cart.get(cart_id="1", policy_code=None)  # type: ignore[arg-type]
    assert http.requests == []


def test_decode_and_connection_errors_carry_the_request_id_sent(
    http: LocalServer, paciolan: PaciolanClient
) -> None:
    http.reply(200, b"<html>maintenance</html>", headers={"Content-Type": "text/html"})
    with pytest.raises(paciolan_errors.DecodeError) as decoding:
        paciolan.util.sysinfo()
    sent = http.last.header("Request-ID")

    http.reply(drop=True)
    with pytest.raises(paciolan_errors.ApiConnectionError) as dropped:
        paciolan.util.sysinfo()

    assert decoding.value.request_id == sent
    assert dropped.value.request_id == http.last.header("Request-ID")
    assert dropped.value.request_id != sent
