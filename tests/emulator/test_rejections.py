"""A request that breaks the registry gets the vendor's error shape and a log line naming the rule."""

from __future__ import annotations

import logging

import pytest

from tests.local_server import ONETICKET_HEADERS, PACIOLAN_HEADERS, RawReply, send, send_json
from ticketing_codegen import resolve
from ticketing_codegen.typeexpr import Named
from ticketing_emulator import DEFAULT_REGISTRY, Emulator
from ticketing_emulator.shapes import Shapes

VENDORS = {vendor.name: vendor for vendor in resolve.load(DEFAULT_REGISTRY)}
OFFER = {"seasonCode": "F19", "itemCode": "F01", "quantity": 1}


def _paciolan(emulator: Emulator, path: str) -> str:
    return emulator.servers("paciolan")["default"] + path


def _oneticket(emulator: Emulator, path: str) -> str:
    return emulator.servers("oneticket")["default"] + path


def _paciolan_error(reply: RawReply, status: int = 400) -> str:
    assert reply.status == status
    assert reply.header("Content-Type") == "application/json"
    body = reply.json()
    assert body["status"] == status
    message: str = body["message"]
    return message


def _oneticket_error(reply: RawReply) -> str:
    assert reply.status == 200
    body = reply.json()
    assert body["result"]["status"] == "error"
    assert body["result"]["messageid"] == "EMU-400"
    assert body["output"] == []
    message: str = body["result"]["message"]
    return message


def test_a_missing_required_query_parameter_is_a_paciolan_400(emulator: Emulator) -> None:
    reply = send(_paciolan(emulator, "/cart/1"), headers=PACIOLAN_HEADERS)

    assert _paciolan_error(reply) == "cart.get: required query parameter: `policyCode` is missing"


def test_a_missing_required_query_parameter_is_a_1ticket_error_envelope(emulator: Emulator) -> None:
    reply = send(_oneticket(emulator, "/v2/getpdf/"), headers=ONETICKET_HEADERS)

    assert (
        _oneticket_error(reply) == "purchases.get_pdf: required query parameter: `rid` is missing"
    )


def test_a_query_value_outside_the_enum_is_rejected(emulator: Emulator) -> None:
    reply = send(
        _oneticket(emulator, "/v2/purchases/?elig_refund=maybe"), headers=ONETICKET_HEADERS
    )

    message = _oneticket_error(reply)
    assert message.startswith("purchases.list: query enum: `elig_refund` must be one of")
    assert "'maybe'" in message


def test_an_int_enum_takes_its_values_as_text(emulator: Emulator) -> None:
    url = _oneticket(emulator, "/v2/fulfill/?orderid=1&marketplaceid=5")

    message = _oneticket_error(send(url, headers=ONETICKET_HEADERS))

    assert message.startswith("sales.fulfill: query enum: `marketplaceid` must be one of '1', '2'")


def test_a_paciolan_query_enum_is_rejected_with_400(emulator: Emulator) -> None:
    url = _paciolan(emulator, "/tickets/1/print?format=PDF")

    reply = send_json(url, "POST", {}, PACIOLAN_HEADERS)

    assert _paciolan_error(reply).startswith("tickets.print: query enum: `format` must be one of")


def test_a_query_value_of_the_wrong_type_is_rejected(emulator: Emulator) -> None:
    reply = send(_oneticket(emulator, "/v2/getpdf/?rid=abc"), headers=ONETICKET_HEADERS)

    assert (
        _oneticket_error(reply) == "purchases.get_pdf: query type: `rid` must be an int, got 'abc'"
    )


def test_a_missing_credential_header_is_rejected(emulator: Emulator) -> None:
    headers = {k: v for k, v in PACIOLAN_HEADERS.items() if k != "PAC-API-Key"}

    reply = send(_paciolan(emulator, "/util/sysinfo"), headers=headers)

    assert _paciolan_error(reply).startswith(
        "util.sysinfo: credential header: `PAC-API-Key` is missing"
    )


def test_a_missing_1ticket_token_is_rejected(emulator: Emulator) -> None:
    reply = send(_oneticket(emulator, "/v2/verify/"))

    assert _oneticket_error(reply).startswith(
        "token.verify: credential header: `x-api-token` is missing"
    )


def test_a_query_int_in_digits_other_than_ascii_is_rejected(emulator: Emulator) -> None:
    reply = send(_oneticket(emulator, "/v2/getpdf/?rid=%D9%A3"), headers=ONETICKET_HEADERS)

    assert _oneticket_error(reply) == "purchases.get_pdf: query type: `rid` must be an int, got '٣'"


def test_the_organization_id_must_be_an_int(emulator: Emulator) -> None:
    headers = {**PACIOLAN_HEADERS, "PAC-Organization-ID": "ACME"}

    reply = send(_paciolan(emulator, "/util/sysinfo"), headers=headers)

    assert _paciolan_error(reply) == (
        "util.sysinfo: credential type: `PAC-Organization-ID` must be an int, got 'ACME'"
    )


def test_one_parameter_of_a_one_of_group_is_required(emulator: Emulator) -> None:
    reply = send(_paciolan(emulator, "/batch/export/orders?itemCode=F01"), headers=PACIOLAN_HEADERS)

    assert (
        _paciolan_error(reply)
        == "batch.export_orders: one of: give at least one of `seasonCode`, `patron`"
    )


def test_a_missing_required_header_is_rejected(emulator: Emulator) -> None:
    reply = send_json(
        _paciolan(emulator, "/tickets/1/reprint?policyCode=WEB"), "POST", {}, PACIOLAN_HEADERS
    )

    # Authorization carries credentials: its absence is HTTP's 401, not 400.
    assert (
        _paciolan_error(reply, 401)
        == "tickets.reprint: required header: `Authorization` is missing"
    )


def test_a_body_of_the_wrong_shape_is_rejected(emulator: Emulator) -> None:
    offer = {"seasonCode": "F19", "itemCode": "F01"}

    reply = send_json(_paciolan(emulator, "/cart?policyCode=WEB"), "POST", offer, PACIOLAN_HEADERS)

    message = _paciolan_error(reply)
    assert message.startswith("cart.create: body shape: the body is not a JSON `OfferRequest`")
    assert "`quantity`" in message


def test_a_body_field_of_the_wrong_type_is_rejected(emulator: Emulator) -> None:
    url = _paciolan(emulator, "/inventory/status/F19/F01?policyCode=WEB")
    change = [{"section": "A:A", "rows": [{"row": "7", "seats": ["1"]}], "seatStatus": 3}]

    message = _paciolan_error(send_json(url, "POST", change, PACIOLAN_HEADERS))

    assert message.startswith("inventory.update_seat_status: body shape:")
    assert "$[0].seatStatus" in message


def test_a_body_enum_value_outside_the_registry_is_rejected(emulator: Emulator) -> None:
    sale = {**Shapes(VENDORS["oneticket"]).minimal(Named("SaleRecord")), "posused": "spreadsheet"}

    message = _oneticket_error(
        send_json(_oneticket(emulator, "/v2/sales/add"), "POST", sale, ONETICKET_HEADERS)
    )

    assert message.startswith("sales.add: body shape:")
    assert "Invalid enum value 'spreadsheet' - at `$.posused`" in message


def test_a_missing_body_is_rejected(emulator: Emulator) -> None:
    url = _paciolan(emulator, "/cart?policyCode=WEB")

    reply = send(url, "POST", headers={**PACIOLAN_HEADERS, "Content-Type": "application/json"})

    assert _paciolan_error(reply).startswith("cart.create: body required:")


def test_a_body_that_is_not_json_is_rejected(emulator: Emulator) -> None:
    headers = {**PACIOLAN_HEADERS, "Content-Type": "text/plain"}

    reply = send(
        _paciolan(emulator, "/cart?policyCode=WEB"), "POST", headers=headers, body=b"seats"
    )

    assert _paciolan_error(reply).startswith("cart.create: content type:")


def test_an_operation_that_requires_compression_refuses_a_plain_request(emulator: Emulator) -> None:
    reply = send(_paciolan(emulator, "/manifest/F19/STADIUM/FB"), headers=PACIOLAN_HEADERS)

    assert _paciolan_error(reply).startswith("manifest.get: compression required:")


def test_an_unknown_route_is_a_404(emulator: Emulator) -> None:
    reply = send(_paciolan(emulator, "/carts"), headers=PACIOLAN_HEADERS)

    assert _paciolan_error(reply, 404) == "route: no operation at /paciolan/pdi/v1/carts"


def test_a_known_path_with_another_method_is_a_405(emulator: Emulator) -> None:
    reply = send(_paciolan(emulator, "/cart"), headers=PACIOLAN_HEADERS)

    assert _paciolan_error(reply, 405) == "method: /paciolan/pdi/v1/cart takes POST, not GET"
    assert reply.header("Allow") == "POST"


def test_an_unknown_1ticket_route_is_a_404_with_an_error_envelope(emulator: Emulator) -> None:
    reply = send(_oneticket(emulator, "/v2/nothing/"), headers=ONETICKET_HEADERS)

    assert reply.status == 404
    assert reply.json()["result"]["status"] == "error"


def test_a_rejection_logs_one_line_naming_the_rule(
    emulator: Emulator, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="ticketing_emulator"):
        send(_paciolan(emulator, "/cart/1"), headers=PACIOLAN_HEADERS)

    (record,) = caplog.records
    assert record.getMessage() == (
        "GET /paciolan/pdi/v1/cart/1 -> 400: cart.get: required query parameter: `policyCode` is missing"
    )


def test_a_log_line_masks_secret_query_values(
    emulator: Emulator, caplog: pytest.LogCaptureFixture
) -> None:
    url = _oneticket(
        emulator, "/v2/accounts/add/?username=a%40b.c&password=hunter2&marketplaceid=x"
    )

    with caplog.at_level(logging.WARNING, logger="ticketing_emulator"):
        send(url, "POST", headers=ONETICKET_HEADERS)

    (record,) = caplog.records
    assert "password=***" in record.getMessage()
    assert "hunter2" not in record.getMessage()


def test_rejections_are_kept_as_problems_and_counted_as_hits(emulator: Emulator) -> None:
    send(_paciolan(emulator, "/cart/1"), headers=PACIOLAN_HEADERS)

    assert emulator.problems == ["cart.get: required query parameter: `policyCode` is missing"]
    assert emulator.hits("paciolan", "cart.get") == 1


def test_a_valid_request_leaves_no_problem(emulator: Emulator) -> None:
    reply = send_json(_paciolan(emulator, "/cart?policyCode=WEB"), "POST", OFFER, PACIOLAN_HEADERS)

    assert reply.status == 200
    assert emulator.problems == []


def test_a_body_nested_too_deeply_is_rejected(emulator: Emulator) -> None:
    body = b'{"a":' * 50_000 + b"1" + b"}" * 50_000

    reply = send(
        _paciolan(emulator, "/util/echo"),
        "POST",
        headers={**PACIOLAN_HEADERS, "Content-Type": "application/json"},
        body=body,
    )

    assert _paciolan_error(reply).startswith("util.echo: body shape: the body is not")
