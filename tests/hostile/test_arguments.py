"""Arguments are checked against their declared type before anything is sent; bodies against their model;
client settings when the client is built."""

from __future__ import annotations

import datetime as dt
import math
from decimal import Decimal
from typing import Any

import pytest

from oneticket import OneTicketClient
from paciolan import PaciolanClient, Timeout, errors
from paciolan.models import Checkout, Delivery, OfferRequest
from tests.conftest import ONETICKET_TOKEN, oneticket_at, paciolan_at, sample
from tests.hostile.server import HostileServer, answering, serving

CHECKOUT = {"patron": None, "delivery": {"method": "PAH"}}


CART = sample("paciolan", "cart.get")


@pytest.fixture
def server() -> Any:
    with serving(answering(200, CART)) as running:
        yield running


@pytest.mark.parametrize("cart_id", [object(), b"8", ["8"], {"id": "8"}, 8.0, True])
def test_a_path_argument_of_another_type_is_refused_before_sending(
    server: HostileServer, cart_id: object
) -> None:
    with paciolan_at(server.url) as client, pytest.raises(errors.ArgumentError, match="cart_id"):
        client.cart.get(cart_id=cart_id, policy_code="WEB")  # type: ignore[arg-type]

    assert server.requests == []


@pytest.mark.parametrize("rid", [True, False, "12", 1.5, object(), [1]])
def test_bool_and_other_types_are_not_an_int(rid: object) -> None:
    with serving(answering(200, b"{}")) as server:
        with oneticket_at(server.url) as client, pytest.raises(Exception) as caught:
            client.purchases.get_pdf(rid=rid)  # type: ignore[arg-type]
        assert server.requests == []

    assert type(caught.value).__name__ == "ArgumentError"


@pytest.mark.parametrize("value", ["Wed, 11 Aug 2023\x00", "a\x1fb", "x\x7f", "a\rb", "a\nb"])
def test_a_header_argument_with_control_characters_is_refused(
    server: HostileServer, value: str
) -> None:
    with paciolan_at(server.url) as client, pytest.raises(errors.ArgumentError, match="control"):
        client.cart.delete(cart_id="8", policy_code="WEB", if_unmodified_since=value)

    assert server.requests == []


def test_a_datetime_if_unmodified_since_is_sent_as_an_http_date(server: HostileServer) -> None:
    moment = dt.datetime(2020, 1, 1, 13, 5, 9, tzinfo=dt.timezone(dt.timedelta(hours=2)))
    with paciolan_at(server.url) as client:
        client.cart.delete(cart_id="8", policy_code="WEB", if_unmodified_since=moment)

    assert server.requests[0].header("If-Unmodified-Since") == "Wed, 01 Jan 2020 11:05:09 GMT"


def test_a_naive_datetime_is_taken_as_utc(server: HostileServer) -> None:
    with paciolan_at(server.url) as client:
        client.cart.delete(
            cart_id="8", policy_code="WEB", if_unmodified_since=dt.datetime(2023, 8, 11)
        )

    assert server.requests[0].header("If-Unmodified-Since") == "Fri, 11 Aug 2023 00:00:00 GMT"


def test_a_date_that_is_not_a_datetime_is_refused_for_an_http_date(server: HostileServer) -> None:
    with paciolan_at(server.url) as client, pytest.raises(errors.ArgumentError):
        client.cart.delete(
            cart_id="8",
            policy_code="WEB",
            if_unmodified_since=dt.date(2020, 1, 1),  # type: ignore[arg-type]
        )


def test_a_dict_body_with_an_unknown_key_names_it_with_a_suggestion(server: HostileServer) -> None:
    body = {**CHECKOUT, "payment": []}
    with (
        paciolan_at(server.url) as client,
        pytest.raises(errors.ArgumentError, match=r"'payment' \(did you mean 'payments'\?\)"),
    ):
        client.cart.checkout(cart_id="8", policy_code="WEB", body=body)

    assert server.requests == []


def test_an_unknown_key_in_a_nested_dict_is_named(server: HostileServer) -> None:
    body = {"patron": None, "delivery": {"method": "PAH", "adress": "x"}}
    with paciolan_at(server.url) as client, pytest.raises(errors.ArgumentError, match="adress"):
        client.cart.checkout(cart_id="8", policy_code="WEB", body=body)


def test_a_python_name_in_a_dict_body_suggests_the_wire_name(server: HostileServer) -> None:
    body = {**CHECKOUT, "user_defined_fields": []}
    with (
        paciolan_at(server.url) as client,
        pytest.raises(errors.ArgumentError, match="did you mean 'userDefinedFields'"),
    ):
        client.cart.checkout(cart_id="8", policy_code="WEB", body=body)


def test_a_body_of_the_wrong_model_is_refused(server: HostileServer) -> None:
    wrong = OfferRequest(season_code="F17", item_code="F01", quantity=1)
    with paciolan_at(server.url) as client, pytest.raises(errors.ArgumentError, match="Checkout"):
        client.cart.checkout(cart_id="8", policy_code="WEB", body=wrong)  # type: ignore[arg-type]

    assert server.requests == []


def _payment(amount: object) -> dict[str, object]:
    return {**CHECKOUT, "payments": [{"amount": amount}]}


@pytest.mark.parametrize("amount", [0.1 + 0.2, 1.5, math.nan, "NaN", "Infinity", "1e99999999"])
def test_money_refuses_floats_and_non_finite_amounts(server: HostileServer, amount: object) -> None:
    with paciolan_at(server.url) as client, pytest.raises(errors.ArgumentError):
        client.cart.checkout(cart_id="8", policy_code="WEB", body=_payment(amount))

    assert server.requests == []


@pytest.mark.parametrize("amount", [Decimal("0.30"), 3, "0.30"])
def test_money_accepts_decimals_ints_and_decimal_strings(
    server: HostileServer, amount: object
) -> None:
    with paciolan_at(server.url) as client:
        client.cart.checkout(cart_id="8", policy_code="WEB", body=_payment(amount))

    assert b'"amount":' + str(amount).encode() in server.requests[0].body


def test_a_model_body_with_a_float_amount_is_refused(server: HostileServer) -> None:
    from paciolan.models import Payment

    body = Checkout(
        patron=None,
        delivery=Delivery(method="PAH"),
        payments=[Payment(amount=0.1 + 0.2)],  # type: ignore[arg-type]
    )
    with paciolan_at(server.url) as client, pytest.raises(errors.ArgumentError, match="float"):
        client.cart.checkout(cart_id="8", policy_code="WEB", body=body)


def test_a_lone_surrogate_in_a_body_is_an_argument_error(server: HostileServer) -> None:
    body = {**CHECKOUT, "comments": "x\ud800"}
    with paciolan_at(server.url) as client, pytest.raises(errors.ArgumentError):
        client.cart.checkout(cart_id="8", policy_code="WEB", body=body)


PACIOLAN = {
    "api_key": "k",
    "application_id": "a",
    "channel_code": "c",
    "organization_id": 1,
    "user_agent": "T/1.0.0",
}


@pytest.mark.parametrize(
    "options",
    [
        {"api_key": None},
        {"api_key": ""},
        {"api_key": "k\x00"},
        {"organization_id": "1"},
        {"organization_id": True},
        {"timeout": 0},
        {"timeout": -1},
        {"timeout": math.inf},
        {"timeout": math.nan},
        {"timeout": "5"},
        {"timeout": True},
        {"timeout": Timeout(1.0, 0)},
        {"base_url": "127.0.0.1:8000"},
        {"base_url": "ftp://example.com"},
        {"base_url": "http://"},
        {"base_url": "http://example.com/?x=1"},
        {"base_url": "http://exa mple.com"},
        {"base_url": "http://example.com:99999"},
        {"base_url": 5},
        {"servers": {"nowhere": "http://example.com"}},
        {"max_retries": 2.5},
        {"max_retries": -1},
        {"max_retries": True},
        {"max_response_bytes": 0},
        {"max_download_bytes": 1.5},
    ],
    ids=repr,
)
def test_a_wrong_client_setting_fails_when_the_client_is_built(options: dict[str, Any]) -> None:
    with pytest.raises(errors.ArgumentError) as caught:
        PaciolanClient(**{**PACIOLAN, **options})

    assert "k\x00" not in str(caught.value)


def test_a_none_token_fails_when_the_client_is_built() -> None:
    from oneticket import errors as oneticket_errors

    with pytest.raises(oneticket_errors.ArgumentError, match="api_token"):
        OneTicketClient(api_token=None)  # type: ignore[arg-type]


def test_the_token_never_appears_in_a_setting_error() -> None:
    from oneticket import errors as oneticket_errors

    with pytest.raises(oneticket_errors.ArgumentError) as caught:
        OneTicketClient(api_token=ONETICKET_TOKEN + "\n")

    assert ONETICKET_TOKEN not in str(caught.value)


@pytest.mark.parametrize(
    "options",
    [
        {"timeout": 0},
        {"timeout": "5"},
        {"max_retries": 2.5},
        {"base_url": "ftp://example.com"},
        {"base_url": "http://example.com/?x=1"},
        {"base_url": 5},
        {"headers": {"X-Note": "a\r\nInjected: 1"}},
    ],
    ids=repr,
)
def test_with_options_checks_its_settings(options: dict[str, Any]) -> None:
    client = PaciolanClient(**PACIOLAN)
    with pytest.raises(errors.ArgumentError):
        client.with_options(**options)
