"""Every failure is one of the package's own errors, never a ValueError, OverflowError or RecursionError
from inside; money that is not a finite, sensible number is a DecodeError."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from oneticket import errors as oneticket_errors
from paciolan import errors
from tests.conftest import oneticket_at, paciolan_at, sample
from tests.hostile.server import answering, serving
from tests.local_server import free_port

JSON = {"Content-Type": "application/json"}
CHECKOUT = {"patron": None, "delivery": {"method": "PAH"}}
DEEP = b"[" * 1000 + b"]" * 1000


@pytest.mark.parametrize(
    "retry_after", ["٣", "²", "Mon, 01 Jan 99999999999 00:00:00 GMT", "9" * 400, "-1", "1e9"]
)
def test_an_unreadable_retry_after_on_a_checkouts_409_is_treated_as_absent(
    retry_after: str,
) -> None:
    headers = {**JSON, "Retry-After": retry_after}
    with (
        serving(answering(409, b"{}", headers)) as server,
        paciolan_at(server.url) as client,
        pytest.raises(errors.ConflictError) as caught,
    ):
        client.cart.checkout(cart_id="8", policy_code="WEB", body=CHECKOUT)

    assert caught.value.retry_after is None


@pytest.mark.parametrize("retry_after", ["²", "Mon, 01 Jan 99999999999 00:00:00 GMT"])
def test_an_unreadable_retry_after_on_a_503_is_retried_with_backoff(retry_after: str) -> None:
    headers = {**JSON, "Retry-After": retry_after}
    with (
        serving(answering(503, b"{}", headers)) as server,
        paciolan_at(server.url, max_retries=1) as client,
        pytest.raises(errors.ServerError),
    ):
        client.util.sysinfo()

    assert len(server.requests) == 2


@pytest.mark.parametrize(
    "retry_after", ["٣", "²", "Mon, 01 Jan 99999999999 00:00:00 GMT", "9" * 400, "nonsense", ""]
)
def test_retry_after_seconds_reads_an_unreadable_value_as_absent(retry_after: str) -> None:
    from paciolan._retry import retry_after_seconds

    assert retry_after_seconds(retry_after) is None


def test_json_nested_1000_deep_is_a_decode_error() -> None:
    with (
        serving(answering(200, DEEP, JSON)) as server,
        paciolan_at(server.url) as client,
        pytest.raises(errors.DecodeError),
    ):
        client.util.sysinfo()


def test_json_nested_1000_deep_in_an_envelope_is_a_decode_error() -> None:
    body = b'{"result": {"status": "success"}, "output": ' + DEEP + b"}"
    with (
        serving(answering(200, body, JSON)) as server,
        oneticket_at(server.url) as client,
        pytest.raises(oneticket_errors.DecodeError),
    ):
        client.token.verify()


def test_plain_json_labelled_gzip_is_a_decode_error_sent_once() -> None:
    headers = {**JSON, "Content-Encoding": "gzip"}
    with (
        serving(answering(200, sample("paciolan", "util.sysinfo"), headers)) as server,
        paciolan_at(server.url, max_retries=2) as client,
        pytest.raises(errors.DecodeError),
    ):
        client.util.sysinfo()

    assert len(server.requests) == 1


def test_a_truncated_gzip_body_is_a_decode_error() -> None:
    body = gzip.compress(sample("paciolan", "util.sysinfo"))[:-12]
    headers = {**JSON, "Content-Encoding": "gzip"}
    with (
        serving(answering(200, body, headers)) as server,
        paciolan_at(server.url) as client,
        pytest.raises(errors.DecodeError),
    ):
        client.util.sysinfo()


def test_a_refused_connection_is_a_connection_error_not_a_timeout() -> None:
    with (
        paciolan_at(f"http://127.0.0.1:{free_port()}") as client,
        pytest.raises(errors.ApiConnectionError) as caught,
    ):
        client.util.sysinfo()

    assert type(caught.value) is errors.ApiConnectionError


def _cart_with_balance(balance: str) -> bytes:
    text = sample("paciolan", "cart.get").decode()
    cart = json.loads(text)
    return text.replace(f'"balance": {cart["balance"]}', f'"balance": {balance}', 1).encode()


@pytest.mark.parametrize(
    "balance", ['"NaN"', '"Infinity"', '"-Infinity"', '"sNaN"', "1e99999999", '"1e99999999"']
)
def test_money_that_is_not_a_sensible_finite_number_is_a_decode_error(balance: str) -> None:
    body = _cart_with_balance(balance)
    assert balance.encode() in body
    with (
        serving(answering(200, body, JSON)) as server,
        paciolan_at(server.url) as client,
        pytest.raises(errors.DecodeError, match="balance"),
    ):
        client.cart.get(cart_id="8", policy_code="WEB")


def test_ordinary_money_still_decodes_exactly() -> None:
    with (
        serving(answering(200, _cart_with_balance("54.10"), JSON)) as server,
        paciolan_at(server.url) as client,
    ):
        assert str(client.cart.get(cart_id="8", policy_code="WEB").balance) == "54.10"


def test_a_refused_download_is_a_connection_error_not_a_timeout(tmp_path: Path) -> None:
    with (
        oneticket_at("http://127.0.0.1:9") as client,
        pytest.raises(oneticket_errors.ApiConnectionError) as caught,
    ):
        client.purchases.download_pdf(f"http://127.0.0.1:{free_port()}/x.pdf", tmp_path / "x.pdf")

    assert type(caught.value) is oneticket_errors.ApiConnectionError
