"""Injected faults, as the generated clients see them."""

from __future__ import annotations

import time
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime

import pytest

from oneticket import OneTicketClient
from oneticket.errors import DecodeError as OneTicketDecodeError
from oneticket.errors import EnvelopeError, ServerError
from paciolan import PaciolanClient
from paciolan.errors import (
    ApiConnectionError,
    ApiTimeoutError,
    DecodeError,
    RateLimitError,
)
from paciolan.errors import (
    ServerError as PaciolanServerError,
)
from tests.local_server import PACIOLAN_HEADERS, send
from ticketing_emulator import Emulator

SYSINFO = "/paciolan/pdi/v1/util/sysinfo"

POLICY = "WEB"
OFFER = {"seasonCode": "F19", "itemCode": "F01", "quantity": 1}
CHECKOUT = {"patron": None, "delivery": {"method": "PAH"}}


def test_a_status_comes_with_retry_after_in_seconds(
    emulator: Emulator, emulated_paciolan: PaciolanClient
) -> None:
    emulator.inject("util.sysinfo", vendor="paciolan", status=429, retry_after="7")

    with pytest.raises(RateLimitError) as raised:
        emulated_paciolan.util.sysinfo()

    assert raised.value.status == 429
    assert raised.value.headers["Retry-After"] == "7"
    assert raised.value.retry_after == 7.0


def test_retry_after_may_be_a_date(emulator: Emulator, emulated_paciolan: PaciolanClient) -> None:
    when = format_datetime(datetime.now(timezone.utc) + timedelta(seconds=120), usegmt=True)
    emulator.inject("util.sysinfo", vendor="paciolan", status=503, retry_after=when)

    with pytest.raises(PaciolanServerError) as raised:
        emulated_paciolan.util.sysinfo()

    assert raised.value.headers["Retry-After"] == when
    assert raised.value.retry_after is not None and 100 < raised.value.retry_after <= 120


def test_a_status_on_1ticket_is_a_status_error(
    emulator: Emulator, emulated_oneticket: OneTicketClient
) -> None:
    emulator.inject("token.verify", vendor="oneticket", status=502)

    with pytest.raises(ServerError) as raised:
        emulated_oneticket.token.verify()

    assert raised.value.status == 502


def test_a_fault_applies_to_the_next_requests_then_answers_are_normal(
    emulator: Emulator, emulated_paciolan: PaciolanClient
) -> None:
    emulator.inject("util.sysinfo", vendor="paciolan", status=500, times=2)

    statuses = [
        send(
            emulator.servers("paciolan")["default"] + "/util/sysinfo", headers=PACIOLAN_HEADERS
        ).status
        for _ in range(3)
    ]

    assert statuses == [500, 500, 200]
    assert emulator.hits("paciolan", "util.sysinfo") == 3


def test_a_delay_holds_the_answer_back(
    emulator: Emulator, emulated_paciolan: PaciolanClient
) -> None:
    emulator.inject("util.sysinfo", vendor="paciolan", delay=0.3)

    started = time.monotonic()
    emulated_paciolan.util.sysinfo()

    assert time.monotonic() - started >= 0.3


def test_a_delay_longer_than_the_read_timeout_is_a_timeout(
    emulator: Emulator, emulated_paciolan: PaciolanClient
) -> None:
    emulator.inject("util.sysinfo", vendor="paciolan", delay=0.5)

    with pytest.raises(ApiTimeoutError):
        emulated_paciolan.with_options(timeout=0.1).util.sysinfo()


def test_a_slow_body_arrives_whole_but_late(
    emulator: Emulator, emulated_paciolan: PaciolanClient
) -> None:
    emulator.inject("util.sysinfo", vendor="paciolan", slow_body=0.3)

    started = time.monotonic()
    info = emulated_paciolan.util.sysinfo()

    assert time.monotonic() - started >= 0.3
    assert info.pdi_version


def test_a_connection_dropped_before_the_request_is_read(
    emulator: Emulator, emulated_paciolan: PaciolanClient
) -> None:
    emulator.inject("cart.create", vendor="paciolan", drop="before_read")

    with pytest.raises(ApiConnectionError):
        emulated_paciolan.cart.create(policy_code=POLICY, body=OFFER)

    (request,) = emulator.requests
    assert (request.operation, request.body) == ("cart.create", b"")


def test_a_connection_dropped_after_the_request_is_read(
    emulator: Emulator, emulated_paciolan: PaciolanClient
) -> None:
    emulator.inject("cart.create", vendor="paciolan", drop="after_read")

    with pytest.raises(ApiConnectionError):
        emulated_paciolan.cart.create(policy_code=POLICY, body=OFFER)

    (request,) = emulator.requests
    assert request.json() == OFFER


def test_a_truncated_gzip_body_is_a_decode_error(
    emulator: Emulator, emulated_paciolan: PaciolanClient
) -> None:
    # urllib3 does not notice the missing end of the gzip stream: the client sees a cut-off JSON document.
    emulator.inject("catalog.get_item", vendor="paciolan", truncated_gzip=True)

    with pytest.raises(DecodeError):
        emulated_paciolan.catalog.get_item(season_code="F19", item_code="F01", policy_code=POLICY)


def test_invalid_json_is_a_decode_error(
    emulator: Emulator, emulated_paciolan: PaciolanClient
) -> None:
    emulator.inject("util.sysinfo", vendor="paciolan", invalid_json=True)

    with pytest.raises(DecodeError) as raised:
        emulated_paciolan.util.sysinfo()

    assert raised.value.status == 200


def test_an_html_page_with_200_is_a_decode_error(
    emulator: Emulator, emulated_oneticket: OneTicketClient
) -> None:
    emulator.inject("marketplaces.list", vendor="oneticket", html=True)

    with pytest.raises(OneTicketDecodeError) as raised:
        emulated_oneticket.marketplaces.list()

    assert raised.value.body.startswith(b"<!DOCTYPE html>")


def test_an_envelope_failure_is_an_envelope_error(
    emulator: Emulator, emulated_oneticket: OneTicketClient
) -> None:
    emulator.inject("purchases.list", vendor="oneticket", envelope_error=True)

    with pytest.raises(EnvelopeError) as raised:
        emulated_oneticket.purchases.list()

    assert raised.value.message_id == "EMU-FAULT"


def test_an_idempotent_call_is_retried_past_a_503(
    emulator: Emulator, emulated_paciolan: PaciolanClient
) -> None:
    emulator.inject("util.sysinfo", vendor="paciolan", status=503, retry_after="0")

    emulated_paciolan.with_options(max_retries=1).util.sysinfo()

    assert emulator.hits("paciolan", "util.sysinfo") == 2


def test_a_checkout_is_not_retried_past_a_dropped_connection(
    emulator: Emulator, emulated_paciolan: PaciolanClient
) -> None:
    cart = emulated_paciolan.cart.create(policy_code=POLICY, body=OFFER)
    emulator.inject("cart.checkout", vendor="paciolan", drop="after_read")

    with pytest.raises(ApiConnectionError):
        emulated_paciolan.with_options(max_retries=2).cart.checkout(
            cart_id=str(cart.id), policy_code=POLICY, body=CHECKOUT
        )

    assert emulator.hits("paciolan", "cart.checkout") == 1


def test_an_envelope_failure_needs_a_vendor_with_an_envelope(emulator: Emulator) -> None:
    with pytest.raises(ValueError, match="no response envelope"):
        emulator.inject("util.sysinfo", vendor="paciolan", envelope_error=True)


def test_a_fault_for_an_unknown_operation_is_refused(emulator: Emulator) -> None:
    with pytest.raises(KeyError, match=r"no operation `cart\.chekout`"):
        emulator.inject("cart.chekout", vendor="paciolan", status=500)


def test_two_kinds_of_answer_in_one_fault_are_refused(emulator: Emulator) -> None:
    with pytest.raises(ValueError, match="choose one of"):
        emulator.inject("util.sysinfo", vendor="paciolan", html=True, invalid_json=True)


def _inject_over_http(emulator: Emulator, body: bytes) -> int:
    headers = {"Content-Type": "application/json"}
    return send(emulator.url + "/_emulator/faults", "POST", headers=headers, body=body).status


@pytest.mark.parametrize("seconds", ["NaN", "Infinity", "1e999", "-1", "86400"])
def test_a_fault_delay_that_is_not_a_sensible_number_of_seconds_is_refused(
    emulator: Emulator, seconds: str
) -> None:
    fault = f'{{"vendor": "paciolan", "operation": "util.sysinfo", "delay": {seconds}}}'

    assert _inject_over_http(emulator, fault.encode()) == 400
    assert send(emulator.url + SYSINFO, headers=PACIOLAN_HEADERS).status == 200


@pytest.mark.parametrize("times", ["1e999", "1.5", "true", '"2"'])
def test_fault_times_that_are_not_a_whole_number_are_refused(
    emulator: Emulator, times: str
) -> None:
    fault = '{"vendor": "paciolan", "operation": "util.sysinfo", "status": 503, "times": %s}'

    assert _inject_over_http(emulator, (fault % times).encode()) == 400


def test_a_fault_request_nested_too_deeply_is_400(emulator: Emulator) -> None:
    assert _inject_over_http(emulator, b"[" * 100_000 + b"]" * 100_000) == 400


@pytest.mark.parametrize("retry_after", ["1\r\nX-Injected: y", "1\nX", "1\x00", "٣"])
def test_a_retry_after_that_is_not_one_latin_1_header_line_is_refused(
    emulator: Emulator, retry_after: str
) -> None:
    with pytest.raises(ValueError, match="retry_after"):
        emulator.inject("util.sysinfo", vendor="paciolan", retry_after=retry_after)

    assert send(emulator.url + SYSINFO, headers=PACIOLAN_HEADERS).status == 200


def test_a_retry_after_with_a_latin_1_digit_is_sent_as_it_is(emulator: Emulator) -> None:
    emulator.inject("util.sysinfo", vendor="paciolan", retry_after="²")

    reply = send(emulator.url + SYSINFO, headers=PACIOLAN_HEADERS)

    assert (reply.status, reply.header("Retry-After")) == (429, "²")
