"""Closed clients hold no sockets; errors survive pickling (process pools); error text carries the vendor's
message; the rich repr masks secrets; downloaded files get the usual permissions."""

from __future__ import annotations

import json
import os
import pickle
from decimal import Decimal
from pathlib import Path

import pytest

from oneticket import errors as oneticket_errors
from paciolan import errors
from paciolan.models import Payment
from tests.conftest import PACIOLAN_KEY, oneticket_at, paciolan_at, sample
from tests.hostile.server import Connection, Request, answering, each_request, serving

SYSINFO = sample("paciolan", "util.sysinfo")
JSON = {"Content-Type": "application/json"}


def _open_sockets() -> int:
    return sum(
        os.readlink(f"/proc/self/fd/{fd}").startswith("socket:")
        for fd in os.listdir("/proc/self/fd")
        if os.path.exists(f"/proc/self/fd/{fd}")
    )


def _sysinfo(connection: Connection, request: Request) -> None:
    connection.answer(200, SYSINFO, JSON)


@pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="counts file descriptors in /proc")
def test_closed_clients_hold_no_sockets() -> None:
    with serving(each_request(_sysinfo), lifetime=30) as server:
        before = _open_sockets()
        for _ in range(300):
            client = paciolan_at(server.url)
            client.util.sysinfo()
            client.close()
        after_close = _open_sockets()
        for _ in range(50):
            with paciolan_at(server.url) as client:
                client.util.sysinfo()
        after_with = _open_sockets()

    # The server's own ends of the connections are counted too: allow a few still closing.
    assert after_close - before < 20
    assert after_with - after_close < 10


def _status_error() -> errors.StatusError:
    return errors.ConflictError(
        "cart.checkout: POST /cart/8 returned HTTP 409",
        status=409,
        headers={"Content-Type": "application/json"},
        body=b'{"message": "cart expired"}',
        request_id="r-1",
        attempts=2,
        retry_after=1.5,
    )


def test_a_status_error_pickles_with_its_fields() -> None:
    copy = pickle.loads(pickle.dumps(_status_error()))

    assert type(copy) is errors.ConflictError
    assert (copy.status, copy.body, copy.request_id, copy.attempts, copy.retry_after) == (
        409,
        b'{"message": "cart expired"}',
        "r-1",
        2,
        1.5,
    )
    assert str(copy) == str(_status_error())


@pytest.mark.parametrize(
    "error",
    [
        errors.ApiConnectionError("x", attempts=3, request_id="r"),
        errors.ApiTimeoutError("x", attempts=3, request_id="r"),
        errors.DecodeError("x", operation="util.sysinfo", path="$.a", body=b"{", status=200),
        errors.ResponseTooLargeError("x", limit=10, setting="max_response_bytes"),
        errors.ArgumentError("x"),
        oneticket_errors.EnvelopeError(
            "x", status="error", message="m", message_id="1", operation="o", body=b"{}"
        ),
    ],
    ids=type,
)
def test_every_error_pickles_with_its_fields(error: errors.ApiError) -> None:
    copy = pickle.loads(pickle.dumps(error))

    assert type(copy) is type(error)
    assert vars(copy) == vars(error)
    assert str(copy) == str(error)


def test_str_of_a_status_error_includes_the_vendors_message() -> None:
    body = json.dumps({"message": "payment declined: card expired"}).encode()
    with (
        serving(answering(402, body, JSON)) as server,
        paciolan_at(server.url) as client,
        pytest.raises(errors.StatusError) as caught,
    ):
        client.util.sysinfo()

    assert "payment declined: card expired" in str(caught.value)


def test_the_vendors_message_in_str_is_bounded() -> None:
    body = json.dumps({"message": "x" * 50_000}).encode()
    with (
        serving(answering(500, body, JSON)) as server,
        paciolan_at(server.url) as client,
        pytest.raises(errors.ServerError) as caught,
    ):
        client.util.sysinfo()

    assert "xxxx" in str(caught.value)
    assert len(str(caught.value)) < 400


def test_str_of_a_status_error_includes_a_plain_text_body() -> None:
    with (
        serving(answering(503, b"upstream down", {"Content-Type": "text/plain"})) as server,
        paciolan_at(server.url) as client,
        pytest.raises(errors.ServerError) as caught,
    ):
        client.util.sysinfo()

    assert "upstream down" in str(caught.value)


def test_the_rich_repr_masks_secrets_like_repr() -> None:
    payment = Payment(
        account_number="4111111111111111", card_verification_number=737, amount=Decimal("5")
    )

    shown = repr(list(payment.__rich_repr__()))
    assert "4111111111111111" not in shown and "737" not in shown
    assert "4111111111111111" not in repr(payment) and "737" not in repr(payment)
    assert "amount" in shown


def test_a_downloaded_file_gets_the_usual_permissions(tmp_path: Path) -> None:
    def pdf(connection: Connection, request: Request) -> None:
        connection.answer(200, b"%PDF-1.4", {"Content-Type": "application/pdf"})

    previous = os.umask(0o022)
    try:
        with serving(each_request(pdf)) as server, oneticket_at(server.url) as client:
            client.purchases.download_pdf(f"{server.url}/x.pdf", tmp_path / "x.pdf")
    finally:
        os.umask(previous)

    assert (tmp_path / "x.pdf").stat().st_mode & 0o777 == 0o644


def test_a_credential_echoed_in_the_vendors_message_is_masked() -> None:
    body = json.dumps({"message": f"unknown key {PACIOLAN_KEY} for this organization"}).encode()
    with (
        serving(answering(401, body, JSON)) as server,
        paciolan_at(server.url) as client,
        pytest.raises(errors.AuthenticationError) as caught,
    ):
        client.util.sysinfo()

    assert "unknown key *** for this organization" in str(caught.value)
    assert PACIOLAN_KEY not in str(caught.value)


def test_a_credential_given_to_with_options_is_masked_when_echoed_too() -> None:
    replaced = "ReplacedKey-7f3a9c"
    body = json.dumps({"message": f"unknown key {replaced} for this organization"}).encode()
    with (
        serving(answering(401, body, JSON)) as server,
        paciolan_at(server.url) as client,
        pytest.raises(errors.AuthenticationError) as caught,
    ):
        client.with_options(headers={"PAC-API-Key": replaced}).util.sysinfo()

    assert server.requests[-1].header("PAC-API-Key") == replaced
    assert "unknown key *** for this organization" in str(caught.value)
    assert replaced not in str(caught.value)


def test_a_refused_download_says_when_to_come_back_as_a_call_does(tmp_path: Path) -> None:
    def busy(connection: Connection, request: Request) -> None:
        connection.answer(429, b"slow down", {"Retry-After": "7"})

    with (
        serving(each_request(busy)) as server,
        oneticket_at(server.url) as client,
        pytest.raises(oneticket_errors.RateLimitError) as caught,
    ):
        client.purchases.download_pdf(f"{server.url}/x.pdf", tmp_path / "x.pdf")

    assert caught.value.retry_after == 7
    assert caught.value.status == 429
