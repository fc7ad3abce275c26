"""What schemathesis found in the emulator (tests/tooling/test_schemathesis.py), each pinned as one case."""

from __future__ import annotations

from tests.local_server import PACIOLAN_HEADERS, send, send_json
from ticketing_emulator import Emulator


def _paciolan(emulator: Emulator, path: str) -> str:
    return emulator.servers("paciolan")["default"] + path


def test_trace_on_a_known_path_is_405_with_allow(emulator: Emulator) -> None:
    reply = send(_paciolan(emulator, "/cart/1"), "TRACE", headers=PACIOLAN_HEADERS)

    assert reply.status == 405
    assert "GET" in (reply.header("Allow") or "")


def test_query_on_a_known_path_is_405(emulator: Emulator) -> None:
    reply = send(_paciolan(emulator, "/cart/1"), "QUERY", headers=PACIOLAN_HEADERS)

    assert reply.status == 405


def test_an_empty_body_operation_refuses_an_object_with_members(emulator: Emulator) -> None:
    url = _paciolan(emulator, "/tickets/1234567890123456/void?policyCode=WEB")
    reply = send_json(url, "POST", {"reason": "x"}, PACIOLAN_HEADERS)

    assert reply.status == 400
    assert "empty JSON object" in reply.json()["message"]


def test_an_offer_with_seats_that_leave_out_fields_is_answered(emulator: Emulator) -> None:
    offer = {"seasonCode": "F17", "itemCode": "F01", "quantity": 1, "seats": [{"priceType": "A"}]}
    reply = send_json(_paciolan(emulator, "/cart?policyCode=WEB"), "POST", offer, PACIOLAN_HEADERS)

    assert reply.status == 200
    seats = reply.json()["offers"][-1]["event"]["seats"]
    assert seats == [{"section": "", "row": "", "seat": "", "sequence": 1}]


def test_a_cart_id_of_non_ascii_digits_is_not_found(emulator: Emulator) -> None:
    url = _paciolan(emulator, "/cart/%C2%B3/checkout?policyCode=WEB")
    reply = send_json(url, "POST", {"patron": None, "delivery": {}}, PACIOLAN_HEADERS)

    assert reply.status == 404


def test_a_sample_is_labelled_with_the_operation_media_type(emulator: Emulator) -> None:
    url = _paciolan(emulator, "/tickets/1234567890123456/reissue?policyCode=WEB")
    headers = {**PACIOLAN_HEADERS, "Authorization": "Bearer t"}
    reply = send_json(url, "POST", {}, headers)

    assert reply.status == 200
    assert reply.header("Content-Type") == "application/vnd.google-apps.pass"


def test_an_optional_int_or_bool_query_value_sent_empty_is_refused(emulator: Emulator) -> None:
    url = _paciolan(emulator, "/inventory/availability/FB16/FB01?policyCode=WEB&priceLevelsOnly=")
    reply = send(url, headers=PACIOLAN_HEADERS)

    assert reply.status == 400
    assert "priceLevelsOnly" in reply.json()["message"]
