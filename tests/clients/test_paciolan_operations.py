"""Every Paciolan PDI operation, specified from the vendor document and the registry's recorded decisions.

Each test queues the vendor's response sample (or, where the document shows none, a plausible body) on a
local HTTP server on 127.0.0.1, calls the generated client over a real socket (nothing is mocked), then
checks what the server received byte for byte (method, raw target, headers, JSON body) and the typed value
the client returned.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any, Final

import pytest
from msgspec import UNSET

from paciolan import PaciolanClient, errors
from paciolan.models import (
    Availability,
    BatchJob,
    BatchJobStatus,
    BatchStatus,
    Cart,
    CatalogItem,
    CatalogItemSummary,
    Checkout,
    CodeAmount,
    CodeName,
    Delivery,
    DeliveryMethodType,
    EmailAddress,
    Manifest,
    OfferRequest,
    OfferSeat,
    OfferUpdate,
    PassTickets,
    PassType,
    Patron,
    PatronAuthentication,
    PatronCredentials,
    PatronOrder,
    PatronSeasons,
    Payment,
    PricingProfile,
    PrintFormat,
    SeatRow,
    SeatStatus,
    SeatStatusChange,
    SeatStatusUpdate,
    SystemInfo,
    Ticket,
    UserDefinedField,
    VoidResult,
)
from tests.conftest import PACIOLAN_KEY, exact_json, sample
from tests.local_server import LocalServer, Received

# The credentials the `paciolan` fixture (tests/conftest.py) gives the client.
APPLICATION_ID: Final = "com.example.tests"
CHANNEL_CODE: Final = "TESTCHAN"
ORGANIZATION_ID: Final = "999"  # int32 on the client, decimal text on the wire
USER_AGENT: Final = "TicketingTests/1.0.0"

# The HTTP-date of the vendor's curl samples for If-Unmodified-Since.
HTTP_DATE: Final = "Wed, 11 Aug 2023 00:00:00 GMT"
BASIC_AUTH: Final = "Basic dGVzdDp0ZXN0"
BEARER_AUTH: Final = "Bearer YOUR_TOKEN"
CARD_NUMBER: Final = "4111111111111111"
TICKET_ID: Final = "1234567890123456"

JSON: Final = {"Content-Type": "application/json"}
NO_BODY: Final = object()  # the request must carry no body and no Content-Type


# -- helpers ------------------------------------------------------------------------------------------


def reply_sample(http: LocalServer, operation: str, **options: Any) -> None:
    """Queue the vendor's response sample of `operation` as a 200 JSON response."""
    http.reply(200, sample("paciolan", operation), headers=JSON, **options)


def assert_request_id(value: str | None) -> str:
    """A Request-ID is a UUID4 in canonical text form."""
    assert value is not None, "no Request-ID header was sent"
    parsed = uuid.UUID(value)
    assert parsed.version == 4
    assert parsed.variant == uuid.RFC_4122
    assert str(parsed) == value
    return value


def assert_sent(
    received: Received,
    method: str,
    target: str,
    *,
    body: object = NO_BODY,
    gzip: bool = True,
    accept: str = "application/json",
    headers: Mapping[str, str | None] | None = None,
) -> None:
    """The request as the server received it.

    `headers` names operation-specific headers: a value must be sent exactly, None must be absent.
    """
    assert received.method == method
    assert received.target == target
    # The five credential headers go on every call (registry decision), whatever an operation's table omits.
    assert received.header("PAC-API-Key") == PACIOLAN_KEY
    assert received.header("PAC-Application-ID") == APPLICATION_ID
    assert received.header("PAC-Channel-Code") == CHANNEL_CODE
    assert received.header("PAC-Organization-ID") == ORGANIZATION_ID
    assert received.header("User-Agent") == USER_AGENT
    assert received.header("Accept") == accept
    assert_request_id(received.header("Request-ID"))
    if gzip:
        assert received.header("Accept-Encoding") == "gzip"
    else:
        # No compression asked for: the header is left out (http.client may send `identity`).
        assert received.header("Accept-Encoding") in (None, "identity")
    if body is NO_BODY:
        assert received.body == b""
        assert received.header("Content-Type") is None
    else:
        assert received.header("Content-Type") == "application/json"
        assert exact_json(received.body) == body
    for name, value in (headers or {}).items():
        assert received.header(name) == value, name


def assert_secret_free(error: BaseException, *secrets: str) -> None:
    """Neither the API key nor any other secret given appears in an error's text or repr."""
    for secret in (PACIOLAN_KEY, *secrets):
        assert secret not in str(error)
        assert secret not in repr(error)
        assert all(secret not in str(arg) for arg in error.args)


def assert_sample_cart(cart: Cart) -> None:
    """The cart of the vendor's cart samples (cart.get, add_offer, update_offer, replace_offer, checkout)."""
    assert isinstance(cart, Cart)
    assert cart.id == 324139
    assert cart.account == "a"
    assert cart.balance == Decimal("54")
    assert cart.paid == Decimal("0")
    assert cart.comments is None
    offer = cart.offers[0]
    assert offer.event.seats[0].section == "A:A"
    assert offer.event.facility_fee is None
    assert offer.unit_price == Decimal("40")
    assert offer.item_surcharge == CodeAmount(code="ISC", amount=Decimal("12"))
    assert offer.price_type.class_ is None
    assert cart.charges[0].charge_amount == Decimal("2")
    assert cart.sale_code.group == CodeName(code="3RD", name="THIRD PARTY")
    mobile = cart.available_delivery_methods[2]
    assert mobile.type is DeliveryMethodType.MOBILE
    assert mobile.mobile_format == "PASSBOOK_ONLY"
    assert cart.available_delivery_methods[0].mobile_format is UNSET


def assert_sample_ticket(ticket: Ticket) -> None:
    """The ticket of the vendor's ticket samples (get, get_by_barcode, print, reprint)."""
    assert isinstance(ticket, Ticket)
    assert ticket.ticket_id == TICKET_ID
    assert ticket.barcode == "75813167566966"
    assert ticket.section == "U:100"
    assert ticket.price == Decimal("1.23")
    assert ticket.item_charge is None
    assert ticket.is_rrenewable is True
    assert ticket.will_call_customer == "12345678"


# -- catalog ------------------------------------------------------------------------------------------


def test_catalog_list_items_repeats_season_code_and_encodes_the_date(
    http: LocalServer, paciolan: PaciolanClient
) -> None:
    reply_sample(http, "catalog.list_items")

    items = paciolan.catalog.list_items(
        policy_code="WEB",
        start_date="2023-08-15T00:00:00+02:00",
        season_code=["F17", "F18"],
        facility_code="STA",
        item_basis="SINGLE",
    )

    # A literal `+` would read as a space: the offset must go out as %2B.
    assert_sent(
        http.last,
        "GET",
        "/catalog/items?policyCode=WEB&startDate=2023-08-15T00%3A00%3A00%2B02%3A00"
        "&seasonCode=F17&seasonCode=F18&facilityCode=STA&itemBasis=SINGLE",
    )
    assert isinstance(items, list)
    assert all(isinstance(item, CatalogItemSummary) for item in items)
    assert [item.item_code for item in items] == ["F01", "F02"]
    assert items[0].end_date is None
    assert items[0].onsale is True
    assert items[1].item_groups[1] == CodeName(code="SOCALM", name="SoCal Mobile Group")


def test_catalog_get_item_returns_the_detailed_item(
    http: LocalServer, paciolan: PaciolanClient
) -> None:
    reply_sample(http, "catalog.get_item")

    item = paciolan.catalog.get_item(season_code="FB16", item_code="FB01", policy_code="WEB")

    assert_sent(http.last, "GET", "/catalog/FB16/FB01?policyCode=WEB")
    assert isinstance(item, CatalogItem)
    assert item.code == "FB01"
    assert item.class_ == CodeName(code="FOO", name="Class FOO")
    assert item.facility.address2 is None
    assert item.facility.time_zone == "PST8PDT"
    assert item.non_allocatable is not None
    assert item.non_allocatable.price == Decimal("12.34")
    assert item.keywords == ["FOOTBALL", "YAY", "MARTY"]
    assert item.offers[0].price == Decimal("75")
    assert item.offers[1].facility_fee is None


# -- inventory ----------------------------------------------------------------------------------------


def test_inventory_get_availability_sends_booleans_in_lowercase(
    http: LocalServer, paciolan: PaciolanClient
) -> None:
    reply_sample(http, "inventory.get_availability")

    availability = paciolan.inventory.get_availability(
        season_code="FB16",
        item_code="FB01",
        policy_code="WEB",
        seat_status_code="available",
        price_levels_only=True,
    )

    assert_sent(
        http.last,
        "GET",
        "/inventory/availability/FB16/FB01?policyCode=WEB&seatStatusCode=available&priceLevelsOnly=true",
    )
    assert isinstance(availability, Availability)
    assert availability.availability == 1000
    assert availability.price_levels[1].price_level == 2
    assert availability.price_levels[1].sections[0].section == "LB:200"
    assert availability.price_levels[1].sections[0].availability == 250


def test_inventory_get_seat_status_percent_encodes_level_and_section(
    http: LocalServer, paciolan: PaciolanClient
) -> None:
    reply_sample(http, "inventory.get_seat_status")

    status = paciolan.inventory.get_seat_status(
        season_code="FB16", item_code="FB01", policy_code="WEB", section=["UB:100", "LB:200"]
    )

    # The document insists on level%3Asection; the registry repeats the parameter.
    assert_sent(
        http.last,
        "GET",
        "/inventory/status/FB16/FB01?policyCode=WEB&section=UB%3A100,LB%3A200",
    )
    assert isinstance(status, SeatStatus)
    row = status.price_levels[0].sections[0].rows[0]
    assert status.price_levels[0].sections[0].section == "UB:100"
    assert row.row == "AA"
    assert row.seats[:3] == ["1", "11", "13"]
    assert row.statuses[7] == "&"


def test_inventory_update_seat_status_posts_one_list_of_changes(
    http: LocalServer, paciolan: PaciolanClient
) -> None:
    reply_sample(http, "inventory.update_seat_status")

    result = paciolan.inventory.update_seat_status(
        season_code="FB16",
        item_code="FB01",
        policy_code="WEB",
        debug="true",
        body=[
            SeatStatusChange(
                section="UB:100",
                rows=[SeatRow(row="AA", seats=["1", "3"]), SeatRow(row="BB", seats=["5"])],
                seat_status="O",
            ),
            SeatStatusChange(
                section="UB:100", rows=[SeatRow(row="CC", seats=["7"])], seat_status="p"
            ),
        ],
    )

    # POST (registry decision: the document gives no method); the sample's outer list is an artifact.
    assert_sent(
        http.last,
        "POST",
        "/inventory/status/FB16/FB01?policyCode=WEB&debug=true",
        body=[
            {
                "section": "UB:100",
                "rows": [{"row": "AA", "seats": ["1", "3"]}, {"row": "BB", "seats": ["5"]}],
                "seatStatus": "O",
            },
            {"section": "UB:100", "rows": [{"row": "CC", "seats": ["7"]}], "seatStatus": "p"},
        ],
    )
    assert isinstance(result, SeatStatusUpdate)
    assert result.seats_updated == 2
    assert result.exceptions[0].section == "L3:S319"
    assert result.exceptions[0].rows[0].seats == ["1", "2", "3", "4", "5", "6"]
    assert result.exceptions[0].rows[0].reason == "STATUS_ALREADY_CHANGED"


# -- cart ---------------------------------------------------------------------------------------------


def test_cart_create_posts_the_offer_without_seats_for_a_non_allocatable_item(
    http: LocalServer, paciolan: PaciolanClient
) -> None:
    # The document shows no response: the new cart is returned (registry decision).
    reply_sample(http, "cart.get")

    cart = paciolan.cart.create(
        policy_code="WEB", body=OfferRequest(season_code="FB16", item_code="HOTDOG", quantity=1)
    )

    assert_sent(
        http.last,
        "POST",
        "/cart?policyCode=WEB",
        body={"seasonCode": "FB16", "itemCode": "HOTDOG", "quantity": 1},
        headers={"If-Unmodified-Since": None},
    )
    assert_sample_cart(cart)


def test_cart_get_returns_the_typed_cart(http: LocalServer, paciolan: PaciolanClient) -> None:
    reply_sample(http, "cart.get")

    cart = paciolan.cart.get(cart_id="324139", policy_code="WEB")

    assert_sent(http.last, "GET", "/cart/324139?policyCode=WEB")
    assert_sample_cart(cart)


def test_cart_delete_sends_if_unmodified_since_and_returns_none(
    http: LocalServer, paciolan: PaciolanClient
) -> None:
    http.reply(204)

    result = paciolan.cart.delete(
        cart_id="324139", policy_code="WEB", if_unmodified_since=HTTP_DATE
    )

    assert_sent(
        http.last,
        "DELETE",
        "/cart/324139?policyCode=WEB",
        headers={"If-Unmodified-Since": HTTP_DATE},
    )
    assert result is None


def test_cart_checkout_posts_the_checkout_model_with_its_payment(
    http: LocalServer, paciolan: PaciolanClient
) -> None:
    reply_sample(http, "cart.checkout")
    checkout = Checkout(
        patron=Patron(
            account="23456789",
            last_name="Avalos",
            first_name="Marty",
            is_organization=False,
            email_address=EmailAddress(type="HOME", address="marty@example.com"),
        ),
        delivery=Delivery(method="PAH", email_address="marty@example.com"),
        comments="Gate 4",
        tags=["APP"],
        user_defined_fields=[UserDefinedField(index=1, value="blue")],
        payments=[
            Payment(
                payment_method="V",
                cardholder_name="Marty Avalos",
                account_number=CARD_NUMBER,
                expiration_month=12,
                expiration_year=2030,
                card_verification_number="123",
                billing_postal_code="92617",
                amount=Decimal("54.00"),
            )
        ],
    )

    cart = paciolan.cart.checkout(
        cart_id="324139", policy_code="WEB", if_unmodified_since=HTTP_DATE, body=checkout
    )

    assert_sent(
        http.last,
        "POST",
        "/cart/324139/checkout?policyCode=WEB",
        body={
            "patron": {
                "account": "23456789",
                "lastName": "Avalos",
                "firstName": "Marty",
                "isOrganization": False,
                "emailAddress": {"type": "HOME", "address": "marty@example.com"},
            },
            "comments": "Gate 4",
            "tags": ["APP"],
            "userDefinedFields": [{"index": 1, "value": "blue"}],
            "delivery": {"method": "PAH", "emailAddress": "marty@example.com"},
            "payments": [
                {
                    "paymentMethod": "V",
                    "cardholderName": "Marty Avalos",
                    "accountNumber": CARD_NUMBER,
                    "expirationMonth": 12,
                    "expirationYear": 2030,
                    "cardVerificationNumber": "123",
                    "billingPostalCode": "92617",
                    "amount": Decimal("54.00"),
                }
            ],
        },
        headers={"If-Unmodified-Since": HTTP_DATE},
    )
    assert_sample_cart(cart)
    assert CARD_NUMBER not in repr(checkout)


def test_cart_checkout_accepts_a_plain_dict_with_wire_names_and_a_null_patron(
    http: LocalServer, paciolan: PaciolanClient
) -> None:
    reply_sample(http, "cart.checkout")
    body: dict[str, Any] = {
        "patron": None,  # required but nullable: an anonymous (house account) sale
        "delivery": {"method": "WC", "ID": "WC-1"},
        "payments": [
            {"paymentMethod": "V", "accountNumber": CARD_NUMBER, "amount": Decimal("54.25")}
        ],
    }

    cart = paciolan.cart.checkout(cart_id="324139", policy_code="WEB", body=body)

    assert_sent(
        http.last,
        "POST",
        "/cart/324139/checkout?policyCode=WEB",
        body={
            "patron": None,
            "delivery": {"method": "WC", "ID": "WC-1"},
            "payments": [
                {"paymentMethod": "V", "accountNumber": CARD_NUMBER, "amount": Decimal("54.25")}
            ],
        },
        headers={"If-Unmodified-Since": None},
    )
    assert_sample_cart(cart)


def test_cart_add_offer_posts_the_offer_with_its_seats(
    http: LocalServer, paciolan: PaciolanClient
) -> None:
    reply_sample(http, "cart.add_offer")

    cart = paciolan.cart.add_offer(
        cart_id="324139",
        policy_code="WEB",
        if_unmodified_since=HTTP_DATE,
        body=OfferRequest(
            season_code="F19",
            item_code="F01",
            quantity=1,
            referral_source="WEB",
            referral_data="GOOGLE",
            item_priority=1,
            note="This is an order line note.",
            seats=[OfferSeat(price_level=1, price_type="A", section="A:A", row="7", seat="1")],
        ),
    )

    assert_sent(
        http.last,
        "POST",
        "/cart/324139/offers?policyCode=WEB",
        body={
            "seasonCode": "F19",
            "itemCode": "F01",
            "quantity": 1,
            "referralSource": "WEB",
            "referralData": "GOOGLE",
            "itemPriority": 1,
            "note": "This is an order line note.",
            "seats": [
                {"priceLevel": 1, "priceType": "A", "section": "A:A", "row": "7", "seat": "1"}
            ],
        },
        headers={"If-Unmodified-Since": HTTP_DATE},
    )
    assert_sample_cart(cart)


def test_cart_remove_offer_deletes_the_offer_and_returns_the_cart(
    http: LocalServer, paciolan: PaciolanClient
) -> None:
    # The document shows no response: the updated cart is returned (registry decision).
    reply_sample(http, "cart.get")

    cart = paciolan.cart.remove_offer(
        cart_id="324139", offer_id="1", policy_code="WEB", if_unmodified_since=HTTP_DATE
    )

    # The operation's header table (and curl sample) lists no Accept-Encoding: compression unsupported.
    assert_sent(
        http.last,
        "DELETE",
        "/cart/324139/offers/1?policyCode=WEB",
        gzip=False,
        headers={"If-Unmodified-Since": HTTP_DATE},
    )
    assert_sample_cart(cart)


def test_cart_update_offer_patches_the_offer(http: LocalServer, paciolan: PaciolanClient) -> None:
    reply_sample(http, "cart.update_offer")

    cart = paciolan.cart.update_offer(
        cart_id="324139",
        offer_id="1",
        policy_code="WEB",
        if_unmodified_since=HTTP_DATE,
        body={"itemCode": "F02"},
    )

    assert_sent(
        http.last,
        "PATCH",
        "/cart/324139/offers/1?policyCode=WEB",
        body={"itemCode": "F02"},
        headers={"If-Unmodified-Since": HTTP_DATE},
    )
    assert_sample_cart(cart)


def test_cart_replace_offer_puts_the_offer(http: LocalServer, paciolan: PaciolanClient) -> None:
    reply_sample(http, "cart.replace_offer")

    cart = paciolan.cart.replace_offer(
        cart_id="324139",
        offer_id="1",
        policy_code="WEB",
        if_unmodified_since=HTTP_DATE,
        body=OfferUpdate(item_code="F02"),
    )

    assert_sent(
        http.last,
        "PUT",
        "/cart/324139/offers/1?policyCode=WEB",
        body={"itemCode": "F02"},
        headers={"If-Unmodified-Since": HTTP_DATE},
    )
    assert_sample_cart(cart)


# -- tickets ------------------------------------------------------------------------------------------


def test_tickets_get_returns_the_ticket(http: LocalServer, paciolan: PaciolanClient) -> None:
    reply_sample(http, "tickets.get")

    ticket = paciolan.tickets.get(ticket_id=TICKET_ID)

    assert_sent(http.last, "GET", f"/tickets/{TICKET_ID}", headers={"Authorization": None})
    assert_sample_ticket(ticket)


def test_tickets_get_by_barcode_returns_the_ticket(
    http: LocalServer, paciolan: PaciolanClient
) -> None:
    reply_sample(http, "tickets.get_by_barcode")

    ticket = paciolan.tickets.get_by_barcode(barcode="75813167566966")

    assert_sent(http.last, "GET", "/tickets/barcode/75813167566966")
    assert_sample_ticket(ticket)


def test_tickets_print_posts_an_empty_json_object(
    http: LocalServer, paciolan: PaciolanClient
) -> None:
    reply_sample(http, "tickets.print")

    ticket = paciolan.tickets.print(
        ticket_id=TICKET_ID, policy_code="WEB", format=PrintFormat.MOBILE
    )

    assert_sent(
        http.last,
        "POST",
        f"/tickets/{TICKET_ID}/print?policyCode=WEB&format=MOBILE",
        body={},
        headers={"Authorization": None},
    )
    assert_sample_ticket(ticket)


def test_tickets_reprint_sends_the_authorization(
    http: LocalServer, paciolan: PaciolanClient
) -> None:
    reply_sample(http, "tickets.reprint")

    ticket = paciolan.tickets.reprint(
        ticket_id=TICKET_ID, authorization=BASIC_AUTH, policy_code="WEB", format="BOTH"
    )

    assert_sent(
        http.last,
        "POST",
        f"/tickets/{TICKET_ID}/reprint?policyCode=WEB&format=BOTH",
        body={},
        headers={"Authorization": BASIC_AUTH},
    )
    assert_sample_ticket(ticket)


def test_tickets_void_posts_to_the_tickets_path(
    http: LocalServer, paciolan: PaciolanClient
) -> None:
    reply_sample(http, "tickets.void")

    result = paciolan.tickets.void(ticket_id=TICKET_ID, policy_code="WEB")

    # /tickets/{id}/void although the curl sample omits `tickets/` (registry decision).
    assert_sent(http.last, "POST", f"/tickets/{TICKET_ID}/void?policyCode=WEB", body={})
    assert isinstance(result, VoidResult)
    assert result.season_code == "FB17"
    assert result.transaction == "FB17:17771"


def test_tickets_reissue_asks_for_a_google_pass(
    http: LocalServer, paciolan: PaciolanClient
) -> None:
    reply_sample(http, "tickets.reissue")

    passes = paciolan.tickets.reissue(
        ticket_id=TICKET_ID, policy_code="SG_Control", authorization=BEARER_AUTH
    )

    # The header table lists no Accept-Encoding: compression unsupported (registry decision).
    assert_sent(
        http.last,
        "POST",
        f"/tickets/{TICKET_ID}/reissue?policyCode=SG_Control",
        body={},
        gzip=False,
        accept="application/vnd.google-apps.pass",
        headers={"Authorization": BEARER_AUTH},
    )
    assert isinstance(passes, PassTickets)
    assert len(passes.tickets) == 1
    assert passes.tickets[0].ticket_id == "string"
    assert passes.tickets[0].jwt == "string"


def test_tickets_reprint_pass_asks_for_the_pass_type(
    http: LocalServer, paciolan: PaciolanClient
) -> None:
    # No sample in the document: the registry assumes the reissue shape.
    jwt = "eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJwYWNpb2xhbiJ9.c2lnbmF0dXJl"
    http.reply(200, {"tickets": [{"ticketId": TICKET_ID, "jwt": jwt}]})

    passes = paciolan.tickets.reprint_pass(
        ticket_id=TICKET_ID,
        policy_code="SG_Control",
        passtype=PassType.GOOGLE,
        authorization=BEARER_AUTH,
    )

    assert_sent(
        http.last,
        "POST",
        f"/tickets/{TICKET_ID}/reprint/pass?policyCode=SG_Control&passtype=google",
        body={},
        gzip=False,
        headers={"Authorization": BEARER_AUTH},
    )
    assert isinstance(passes, PassTickets)
    assert passes.tickets[0].ticket_id == TICKET_ID
    assert passes.tickets[0].jwt == jwt
    # The JWT is the ticket itself: secret.
    assert jwt not in repr(passes)


# -- patron -------------------------------------------------------------------------------------------


def test_patron_authenticate_sends_the_credentials_as_a_json_body_never_in_the_url(
    http: LocalServer, paciolan: PaciolanClient
) -> None:
    reply_sample(http, "patron.authenticate")
    password = "5f4dcc3b5aa765d61d8327deb882cf99"  # encrypted, lowercase hex
    credentials = PatronCredentials(
        distributor_code="DISTRIBUTOR_CODE", user_name="marty@example.com", password=password
    )

    result = paciolan.patron.authenticate(body=credentials)

    assert_sent(
        http.last,
        "POST",
        "/patron/auth",
        body={
            "distributorCode": "DISTRIBUTOR_CODE",
            "userName": "marty@example.com",
            "password": password,
        },
        gzip=False,
    )
    assert password not in http.last.target
    assert password not in repr(credentials)
    assert isinstance(result, PatronAuthentication)
    assert result.authenticated is True
    assert result.account == "12345678"


def test_patron_get_orders_returns_the_season_order(
    http: LocalServer, paciolan: PaciolanClient
) -> None:
    reply_sample(http, "patron.get_orders")

    order = paciolan.patron.get_orders(account="23456789", season="FB17", policy_code="WEB")

    assert_sent(http.last, "GET", "/patron/23456789/orders/FB17?policyCode=WEB")
    assert isinstance(order, PatronOrder)
    assert order.order_item_value == Decimal("750")
    assert order.order_priority is None
    assert order.season == CodeName(code="FB17", name="Football 2017")
    assert len(order.order_line_items) == 6
    first = order.order_line_items[0]
    assert first.sequence == "FB17:278151:1"
    assert first.events[0].seats[0].ticket_id == "4316482555934982"
    assert first.events[0].seats[0].barcode is None
    comp = order.order_line_items[2].price_type.class_
    assert comp == CodeName(code="COMP", name="Complimentary")
    disposition = order.order_line_items[4].disposition
    assert disposition is not None
    assert disposition.type is DeliveryMethodType.PRINT_AT_HOME


def test_patron_get_seasons_does_not_ask_for_compression(
    http: LocalServer, paciolan: PaciolanClient
) -> None:
    reply_sample(http, "patron.get_seasons")

    seasons = paciolan.patron.get_seasons(account="23456789")

    # "Compression is not supported for this endpoint."
    assert_sent(http.last, "GET", "/patron/23456789/seasons", gzip=False)
    assert isinstance(seasons, PatronSeasons)
    assert seasons.seasons == [
        CodeName(code="F18", name="Football 18"),
        CodeName(code="MB18", name="Basketball 18"),
    ]


# -- batch --------------------------------------------------------------------------------------------


def test_batch_get_status_reads_the_status_key_with_its_trailing_space(
    http: LocalServer, paciolan: PaciolanClient
) -> None:
    reply_sample(http, "batch.get_status")
    batch_id = "1529-27274785-37d4-46ec-bbe2-8755c686df77"

    status = paciolan.batch.get_status(batch_id=batch_id)

    assert_sent(http.last, "GET", f"/batch/status/{batch_id}", gzip=False)
    assert isinstance(status, BatchStatus)
    assert status.status is BatchJobStatus.COMPLETED
    assert status.batch_id is UNSET
    assert status.download_url is UNSET


def test_batch_export_orders_schedules_a_job(http: LocalServer, paciolan: PaciolanClient) -> None:
    reply_sample(http, "batch.export_orders")

    job = paciolan.batch.export_orders(
        season_code="FB17", item_code="F01", since="2023-08-15T00:00:00Z"
    )

    assert_sent(
        http.last,
        "GET",
        "/batch/export/orders?seasonCode=FB17&itemCode=F01&since=2023-08-15T00%3A00%3A00Z",
        gzip=False,
    )
    assert isinstance(job, BatchJob)
    assert job.status is BatchJobStatus.SCHEDULED
    assert job.batch_id == "1529-27274785-37d4-46ec-bbe2-8755c686df77"


# -- manifest -----------------------------------------------------------------------------------------


def test_manifest_get_decodes_a_gzip_compressed_response(
    http: LocalServer, paciolan: PaciolanClient
) -> None:
    reply_sample(http, "manifest.get", gzip=True)

    manifest = paciolan.manifest.get(
        season_code="ARTS16",
        facility_code="DEMO",
        configuration_code="BRD",
        policy_code="WEB",
        event="E01",
    )

    # "Response compression is required for this endpoint."
    assert_sent(http.last, "GET", "/manifest/ARTS16/DEMO/BRD?policyCode=WEB&event=E01")
    assert isinstance(manifest, Manifest)
    assert manifest.capacity == 1234
    assert manifest.configuration == CodeName(code="BRD", name="Broadway")
    area = manifest.price_levels[0].areas[0]
    assert area.seat_value == Decimal("75")
    row = area.sections[0].rows[0]
    assert area.sections[0].section == "U:ORCH"
    assert [seat.label for seat in row.seats] == ["1", "3", "5", "7", "9", "11", "13", "15"]
    assert row.seats[7].is_aisle is True


# -- pricing ------------------------------------------------------------------------------------------


def test_pricing_get_profile_sends_if_modified_since(
    http: LocalServer, paciolan: PaciolanClient
) -> None:
    reply_sample(http, "pricing.get_profile")

    profile = paciolan.pricing.get_profile(
        profile_code="SH",
        season_code="FB17",
        item_code="F01",
        policy_code="WEB",
        include_all_seats=False,
        debug=True,
        if_modified_since=HTTP_DATE,
    )

    assert_sent(
        http.last,
        "GET",
        "/pricing/SH/FB17/F01?policyCode=WEB&includeAllSeats=false&debug=true",
        headers={"If-Modified-Since": HTTP_DATE},
    )
    assert isinstance(profile, PricingProfile)
    assert profile.pricing_profile == CodeName(code="SH", name="StubHub")
    assert profile.item.event_name == ""
    seat = profile.sections[0].rows[1].seats[0]
    assert profile.sections[0].rows[1].row == "BB"
    assert (seat.low_price, seat.price, seat.high_price) == (
        Decimal("1.23"),
        Decimal("2.34"),
        Decimal("4.56"),
    )


# -- util ---------------------------------------------------------------------------------------------


def test_util_sysinfo_reads_the_dotted_key(http: LocalServer, paciolan: PaciolanClient) -> None:
    reply_sample(http, "util.sysinfo")

    info = paciolan.util.sysinfo()

    assert_sent(http.last, "GET", "/util/sysinfo", gzip=False)
    assert isinstance(info, SystemInfo)
    assert info.t_res_version == "7.20.150"
    assert info.pdi_version == "7.20.175"
    assert info.default_currency_code == "USD"
    assert info.organization.id == 999


def test_util_echo_posts_any_json_and_returns_none_for_null(
    http: LocalServer, paciolan: PaciolanClient
) -> None:
    reply_sample(http, "util.echo")
    body: dict[str, Any] = {"hello": "world", "n": 1, "nested": {"list": [1, "two", None, True]}}

    result = paciolan.util.echo(body=body)

    assert_sent(http.last, "POST", "/util/echo", body=body)
    assert result is None


# -- cross-cutting ------------------------------------------------------------------------------------


def _get_ticket(client: PaciolanClient) -> object:
    return client.tickets.get(ticket_id=TICKET_ID)


def _add_offer(client: PaciolanClient) -> object:
    return client.cart.add_offer(
        cart_id="324139",
        policy_code="WEB",
        body={"seasonCode": "F19", "itemCode": "F01", "quantity": 1},
    )


def _delete_cart(client: PaciolanClient) -> object:
    client.cart.delete(cart_id="324139", policy_code="WEB", if_unmodified_since=HTTP_DATE)
    return None


def _list_items(client: PaciolanClient) -> object:
    return client.catalog.list_items(policy_code="WEB")


@pytest.mark.parametrize(
    ("status", "error_class", "call"),
    [
        (404, errors.NotFoundError, _get_ticket),
        (409, errors.ConflictError, _add_offer),
        (412, errors.PreconditionFailedError, _delete_cart),
        (503, errors.ServerError, _list_items),
    ],
    ids=["404-not-found", "409-conflict", "412-precondition-failed", "503-server-error"],
)
def test_a_non_2xx_status_raises_its_status_error_with_the_response(
    http: LocalServer,
    paciolan: PaciolanClient,
    status: int,
    error_class: type[errors.StatusError],
    call: Callable[[PaciolanClient], object],
) -> None:
    body = b'{"error": "refused", "code": 17}'
    http.reply(status, body, headers={"Content-Type": "application/json", "X-Trace": "t-1"})

    with pytest.raises(errors.StatusError) as caught:
        call(paciolan)

    error = caught.value
    assert type(error) is error_class
    assert isinstance(error, errors.ApiError)
    assert error.status == status
    assert error.headers["X-Trace"] == "t-1"
    assert error.body == body
    assert error.request_id == assert_request_id(http.last.header("Request-ID"))
    assert len(http.requests) == 1
    assert_secret_free(error)


def test_an_html_page_with_200_raises_a_decode_error_naming_the_operation(
    http: LocalServer, paciolan: PaciolanClient
) -> None:
    page = b"<html><body>Service temporarily unavailable</body></html>"
    http.reply(200, page, headers={"Content-Type": "text/html"})

    with pytest.raises(errors.DecodeError) as caught:
        paciolan.cart.get(cart_id="324139", policy_code="WEB")

    error = caught.value
    assert error.operation == "cart.get"
    assert "cart.get" in str(error)
    assert error.body == page
    assert error.status == 200
    assert_secret_free(error)


def test_a_body_dict_of_the_wrong_shape_raises_argument_error_and_sends_nothing(
    http: LocalServer, paciolan: PaciolanClient
) -> None:
    with pytest.raises(errors.ArgumentError) as caught:
        paciolan.cart.add_offer(
            cart_id="324139",
            policy_code="WEB",
            body={"seasonCode": "F19", "itemCode": "F01", "quantity": "two"},
        )

    assert "cart.add_offer" in str(caught.value)
    assert http.requests == []
    assert_secret_free(caught.value)


def test_a_checkout_dict_missing_delivery_is_refused_without_echoing_the_card_number(
    http: LocalServer, paciolan: PaciolanClient
) -> None:
    body = {"patron": None, "payments": [{"accountNumber": CARD_NUMBER, "amount": 54}]}

    with pytest.raises(errors.ArgumentError) as caught:
        paciolan.cart.checkout(cart_id="324139", policy_code="WEB", body=body)

    assert http.requests == []
    assert_secret_free(caught.value, CARD_NUMBER)


def _delete_with_injected_header(client: PaciolanClient) -> object:
    client.cart.delete(
        cart_id="324139", policy_code="WEB", if_unmodified_since=f"{HTTP_DATE}\r\nX-Injected: 1"
    )
    return None


def _reprint_with_injected_header(client: PaciolanClient) -> object:
    return client.tickets.reprint(ticket_id=TICKET_ID, authorization=f"{BASIC_AUTH}\nX-Injected: 1")


@pytest.mark.parametrize(
    "call",
    [_delete_with_injected_header, _reprint_with_injected_header],
    ids=["if-unmodified-since-crlf", "authorization-lf"],
)
def test_a_header_argument_with_cr_or_lf_raises_argument_error_and_sends_nothing(
    http: LocalServer, paciolan: PaciolanClient, call: Callable[[PaciolanClient], object]
) -> None:
    with pytest.raises(errors.ArgumentError) as caught:
        call(paciolan)

    assert http.requests == []
    assert_secret_free(caught.value, BASIC_AUTH)


def test_an_empty_path_parameter_raises_argument_error_and_sends_nothing(
    http: LocalServer, paciolan: PaciolanClient
) -> None:
    with pytest.raises(errors.ArgumentError) as caught:
        paciolan.cart.get(cart_id="", policy_code="WEB")

    assert "cart_id" in str(caught.value)
    assert http.requests == []
    assert_secret_free(caught.value)


@pytest.mark.parametrize(
    ("ticket_id", "segment"),
    [
        ("12/34", "12%2F34"),
        ("12?policyCode=X", "12%3FpolicyCode%3DX"),
        ("12#frag", "12%23frag"),
        ("12 34", "12%2034"),
        ("..", "%2E%2E"),
        (".", "%2E"),
    ],
)
def test_a_path_parameter_is_percent_encoded_so_it_cannot_change_the_route(
    http: LocalServer, paciolan: PaciolanClient, ticket_id: str, segment: str
) -> None:
    reply_sample(http, "tickets.void")

    paciolan.tickets.void(ticket_id=ticket_id, policy_code="WEB")

    assert http.last.target == f"/tickets/{segment}/void?policyCode=WEB"


def test_an_argument_outside_a_documented_enum_raises_argument_error_and_sends_nothing(
    http: LocalServer, paciolan: PaciolanClient
) -> None:
    with pytest.raises(errors.ArgumentError) as caught:
        paciolan.tickets.reprint_pass(
            ticket_id=TICKET_ID,
            policy_code="SG_Control",
            passtype="samsung",  # type: ignore[arg-type]
            authorization=BEARER_AUTH,
        )

    assert "passtype" in str(caught.value)
    assert http.requests == []
    assert_secret_free(caught.value, BEARER_AUTH)


def test_batch_export_orders_without_season_code_or_patron_raises_argument_error(
    http: LocalServer, paciolan: PaciolanClient
) -> None:
    reply_sample(http, "batch.export_orders")

    with pytest.raises(errors.ArgumentError) as caught:
        paciolan.batch.export_orders(item_code="F01")

    assert http.requests == []
    assert_secret_free(caught.value)


def test_pricing_get_profile_treats_304_not_modified_as_a_result(
    http: LocalServer, paciolan: PaciolanClient
) -> None:
    http.reply(304, headers={"Last-Modified": HTTP_DATE})

    profile, raw = paciolan.pricing.get_profile.with_response(
        profile_code="SH",
        season_code="FB17",
        item_code="F01",
        policy_code="WEB",
        if_modified_since=HTTP_DATE,
    )

    assert profile is None
    assert raw.status == 304
    assert http.last.header("If-Modified-Since") == HTTP_DATE


def test_a_checkout_is_never_sent_twice(http: LocalServer, paciolan: PaciolanClient) -> None:
    http.reply(503, b"", headers={"Retry-After": "0"})
    http.reply(503, b"", headers={"Retry-After": "0"})
    retrying = paciolan.with_options(max_retries=2)

    with pytest.raises(errors.ServerError) as caught:
        retrying.cart.checkout(
            cart_id="324139", policy_code="WEB", body={"patron": None, "delivery": {"method": "WC"}}
        )

    # A POST that may have reached the server is not repeated, even on a retryable status.
    assert len(http.requests) == 1
    assert_secret_free(caught.value)


def test_the_client_repr_does_not_show_the_api_key(paciolan: PaciolanClient) -> None:
    assert PACIOLAN_KEY not in repr(paciolan)
    assert PACIOLAN_KEY not in str(paciolan)


def test_with_response_returns_the_cart_and_the_raw_response(
    http: LocalServer, paciolan: PaciolanClient
) -> None:
    reply_sample(http, "cart.get")

    cart, raw = paciolan.cart.get.with_response(cart_id="324139", policy_code="WEB")

    assert_sample_cart(cart)
    assert raw.status == 200
    assert raw.request_id == assert_request_id(http.last.header("Request-ID"))
    assert raw.body == sample("paciolan", "cart.get")
    assert raw.headers["Content-Type"] == "application/json"
    assert raw.method == "GET"
    assert PACIOLAN_KEY not in repr(raw)


def test_options_apply_to_operations_read_before_the_options_were_set(
    http: LocalServer, paciolan: PaciolanClient
) -> None:
    # Each group keeps its bound operations: a clone's groups must bind to the clone, not the original.
    original_get = paciolan.tickets.get
    http.reply(503, b"", headers={"Retry-After": "0"})
    http.reply(200, b"{}")
    retrying = paciolan.with_options(max_retries=1)

    with pytest.raises(errors.DecodeError):
        retrying.tickets.get(ticket_id="1")

    assert len(http.requests) == 2
    assert paciolan.tickets.get is original_get
    assert retrying.tickets.get is not original_get
