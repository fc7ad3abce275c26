"""Every 1Ticket operation over real HTTP on 127.0.0.1, specified from the vendor document.

Each test queues the operation's vendor sample (or an empty-output envelope where the document shows no
response), calls the client, then checks what went on the wire (method, request target byte for byte,
the `x-api-token` and `Accept` headers, the JSON body) and what came back (type and vendor values).
"""

from __future__ import annotations

from typing import Any

import pytest

from oneticket import OneTicketClient
from oneticket.errors import (
    ApiConnectionError,
    ArgumentError,
    DecodeError,
    EnvelopeError,
    NotFoundError,
    ServerError,
    StatusError,
)
from oneticket.models import (
    Account,
    AccountStatus,
    CompanyInfo,
    CompleteSale,
    DeliveryFormat,
    Disclosure,
    Domain,
    Marketplace,
    PdfSeat,
    PosUsed,
    Purchase,
    PurchaseAttributes,
    PurchaseItems,
    PurchaseReceipt,
    Sale,
    SaleRecord,
    SaleRecordEvent,
    SaleRecordPricePerSale,
    SaleRecordPricePerSeat,
    SaleRecordSeat,
    SalesMarketplaceId,
)
from tests.conftest import ONETICKET_TOKEN, exact_json, sample
from tests.local_server import LocalServer, free_port

JSON = {"Content-Type": "application/json"}

# The document shows no response for crawl, sales/add and the accounts POSTs: the usual envelope.
EMPTY_OUTPUT: dict[str, Any] = {
    "result": {"status": "success", "message": "", "messageid": ""},
    "output": [],
}

# The sale record of the document's POST /v2/sales/add example, exactly as it goes on the wire
# (the vendor's "10/15/s2018" typo included: the client must not touch values).
VENDOR_SALE_RECORD: dict[str, Any] = {
    "saleid": "234234324",
    "credid": "4444",
    "posused": "ticketnetworkapi",
    "deliveryformat": "eticket",
    "saledatetime": "10/15/s2018 4:55 PM",
    "marketplaceid": "1",
    "ticketgroupid": "12345678",
    "invoiceid": "99999",
    "inhanddate": "5/25/2019",
    "confirmed": True,
    "fulfilled": False,
    "priceperseat": {"list": "200.55", "face": "99.20", "cost": "125.00"},
    "pricepersale": {"total": "608.00", "fees": "45.00", "payout": "590.00"},
    "event": {
        "name": "taylor swift",
        "venue": "verizon center",
        "state": "DC",
        "datetimelocal": "1/1/2020 7:30 PM",
    },
    "section": "ORCH",
    "row": "AA",
    "seats": [
        {"seatnumber": "1", "seatid": "1000"},
        {"seatnumber": "2", "seatid": "1001"},
        {"seatnumber": "3", "seatid": "1003"},
    ],
}


def reply_sample(http: LocalServer, operation: str) -> None:
    http.reply(200, sample("oneticket", operation), headers=JSON)


def assert_sent(http: LocalServer, method: str, target: str) -> None:
    """Exactly one request, with this method and target, carrying the API token and Accept."""
    assert len(http.requests) == 1
    received = http.last
    assert (received.method, received.target) == (method, target)
    assert received.header("x-api-token") == ONETICKET_TOKEN
    assert received.header("Accept") == "application/json"


# -- purchases ---------------------------------------------------------------------------------------


def test_purchases_get_pdf_returns_the_seats_of_the_group(
    http: LocalServer, oneticket: OneTicketClient
) -> None:
    reply_sample(http, "purchases.get_pdf")

    seats = oneticket.purchases.get_pdf(rid=16990019)

    assert_sent(http, "GET", "/v2/getpdf/?rid=16990019")
    assert http.last.body == b""
    assert len(seats) == 1
    seat = seats[0]
    assert isinstance(seat, PdfSeat)
    assert seat.oneticket_id == "16990019"
    assert seat.seat_id == "55847443"
    assert (seat.section, seat.row, seat.seat_number) == ("SEC H", "2", "35")
    assert seat.barcode == "1353136914970530"
    assert seat.has_pdf == ""
    assert seat.pdf_url == "http://balance.1ticket.com/pdf/{ABCD1234-AAAA-4C4B-AA04-8A31212A3AAA}"


def test_purchases_list_sends_every_filter_encoded_and_returns_the_purchases(
    http: LocalServer, oneticket: OneTicketClient
) -> None:
    reply_sample(http, "purchases.list")

    purchases = oneticket.purchases.list(
        rid=17016286,
        date_first_seen=">=06/15/2018",
        event_date="07/11/2018",
        event_date_start="07/01/2018",
        event_date_end="07/31/2018",
        purchase_date="06/15/2018",
        event_name="Sugarland & Friends",
        venue_name="Smart Financial Centre",
        confirmation_number="2712824-1234567",
        confirmation_region="TEVO",
        purchase_date_start="06/01/2018",
        purchase_date_end="06/30/2018",
        po_ids=["7654", "PO 9876/B"],
        cc_digits=["1234", "5678"],
        elig_refund="true",
        username="test@test.com",
        status="Active",
    )

    assert_sent(
        http,
        "GET",
        "/v2/purchases/?rid=17016286"
        "&datefirstseen=%3E%3D06%2F15%2F2018"
        "&eventdate=07%2F11%2F2018"
        "&eventdatestart=07%2F01%2F2018"
        "&eventdateend=07%2F31%2F2018"
        "&purchasedate=06%2F15%2F2018"
        "&eventname=Sugarland%20%26%20Friends"
        "&venuename=Smart%20Financial%20Centre"
        "&confirmationnumber=2712824-1234567"
        "&confirmationregion=TEVO"
        "&purchasedatestart=06%2F01%2F2018"
        "&purchaseenddate=06%2F30%2F2018"
        "&poid=7654,PO%209876%2FB"
        "&ccdigits=1234,5678"
        "&elig_refund=true"
        "&username=test%40test.com"
        "&status=Active",
    )
    assert len(purchases) == 2
    assert all(isinstance(purchase, Purchase) for purchase in purchases)
    first, second = purchases
    assert first.rid == 17016286
    assert isinstance(first.receipt, PurchaseReceipt)
    assert first.receipt.cost_group == "65.34"
    assert first.receipt.confirmation_number_1ticket == "2712824-1234567"
    assert isinstance(first.attributes, PurchaseAttributes)
    assert first.attributes.refund == "true"
    assert isinstance(first.items, PurchaseItems)
    assert (first.items.seat_first, first.items.seat_last) == ("5", "6")
    assert first.disclosures == [45, 22, 88]
    assert second.rid == 17190790
    assert isinstance(second.receipt, PurchaseReceipt)
    assert second.receipt.cost_group == "64"
    assert second.receipt.status == "active"
    assert second.rotating_barcodes is True


def test_purchases_crawl_sends_the_order_number_encoded(
    http: LocalServer, oneticket: OneTicketClient
) -> None:
    http.reply(200, EMPTY_OUTPUT)

    output = oneticket.purchases.crawl(
        source="joebroker app #2",
        username="joe@example.com",
        conf_num="1-2345/ABC",
        account_id=377806,
        marketplace_id=1,
    )

    assert_sent(
        http,
        "GET",
        "/v2/crawl/?username=joe%40example.com&confnum=1-2345%2FABC"
        "&source=joebroker%20app%20%232&id=377806&marketplaceid=1",
    )
    assert output == []


def test_purchases_record_po_sends_its_parameters_in_the_query_and_returns_none(
    http: LocalServer, oneticket: OneTicketClient
) -> None:
    reply_sample(http, "purchases.record_po")

    result = oneticket.purchases.record_po(rid=23332571, pos_name="skybox", po="PO 123/456")

    # `pos`, as in the document's only concrete request (the table's name is `posname`).
    assert_sent(http, "POST", "/v2/purchases/recordpo/?rid=23332571&pos=skybox&po=PO%20123%2F456")
    assert http.last.body == b""
    assert result is None


# -- token -------------------------------------------------------------------------------------------


def test_token_verify_returns_the_company_of_the_token(
    http: LocalServer, oneticket: OneTicketClient
) -> None:
    reply_sample(http, "token.verify")

    company = oneticket.token.verify()

    assert_sent(http, "GET", "/v2/verify/")
    assert isinstance(company, CompanyInfo)
    assert company.company_name == "Test Comapny Name"


# -- sales -------------------------------------------------------------------------------------------


def test_sales_query_sends_q_percent_encoded_and_returns_the_sales(
    http: LocalServer, oneticket: OneTicketClient
) -> None:
    reply_sample(http, "sales.query")

    sales = oneticket.sales.query(query="next 7 days vivid unfilled")

    # Byte for byte the document's example request.
    assert_sent(http, "GET", "/v2/sales/?q=next%207%20days%20vivid%20unfilled")
    assert len(sales) == 2
    assert all(isinstance(sale, Sale) for sale in sales)
    first = sales[0]
    assert first.order_id == "22009999"
    assert first.marketplace_id == 4
    assert first.tickets.quantity == 2
    assert (first.tickets.total_order, first.tickets.total_payment) == ("200", "190")
    assert first.processing[2].invoice == "success"
    assert first.processing[2].message == "19033333"
    assert first.processing[3].fulfill == "error"
    assert first.hold_details.received == "8/30/2018 8:28:45 PM"
    assert sales[1].event.name == "Phantom Of The Opera"


def test_sales_add_sends_a_sale_record_struct_as_the_documented_json(
    http: LocalServer, oneticket: OneTicketClient
) -> None:
    http.reply(200, EMPTY_OUTPUT)
    record = SaleRecord(
        sale_id="234234324",
        cred_id="4444",
        pos_used=PosUsed.TICKETNETWORKAPI,
        delivery_format=DeliveryFormat.ETICKET,
        sale_datetime="10/15/s2018 4:55 PM",
        marketplace_id="1",
        ticket_group_id="12345678",
        invoice_id="99999",
        in_hand_date="5/25/2019",
        confirmed=True,
        fulfilled=False,
        price_per_seat=SaleRecordPricePerSeat(list_price="200.55", face="99.20", cost="125.00"),
        price_per_sale=SaleRecordPricePerSale(total="608.00", fees="45.00", payout="590.00"),
        event=SaleRecordEvent(
            name="taylor swift",
            venue="verizon center",
            state="DC",
            datetime_local="1/1/2020 7:30 PM",
        ),
        section="ORCH",
        row="AA",
        seats=[
            SaleRecordSeat(seat_number="1", seat_id="1000"),
            SaleRecordSeat(seat_number="2", seat_id="1001"),
            SaleRecordSeat(seat_number="3", seat_id="1003"),
        ],
    )

    output = oneticket.sales.add(body=record)

    assert_sent(http, "POST", "/v2/sales/add")
    assert http.last.header("Content-Type") == "application/json"
    assert exact_json(http.last.body) == VENDOR_SALE_RECORD
    assert output == []


def test_sales_add_sends_a_plain_dict_with_wire_names_unchanged(
    http: LocalServer, oneticket: OneTicketClient
) -> None:
    http.reply(200, EMPTY_OUTPUT)

    output = oneticket.sales.add(body=VENDOR_SALE_RECORD)

    assert_sent(http, "POST", "/v2/sales/add")
    assert http.last.header("Content-Type") == "application/json"
    assert exact_json(http.last.body) == VENDOR_SALE_RECORD
    assert output == []


def test_sales_fulfill_sends_order_and_marketplace_and_returns_none(
    http: LocalServer, oneticket: OneTicketClient
) -> None:
    reply_sample(http, "sales.fulfill")

    result = oneticket.sales.fulfill(order_id="VS 22009999/1", marketplace_id=SalesMarketplaceId(4))

    assert_sent(http, "GET", "/v2/fulfill/?orderid=VS%2022009999%2F1&marketplaceid=4")
    assert result is None


def test_sales_complete_posts_a_json_list_to_the_sales_server_without_envelope(
    http: LocalServer, oneticket: OneTicketClient
) -> None:
    # The response format is not documented: whatever JSON comes back is returned as it is.
    http.reply(200, [{"order_id": "247927697", "status": "filled"}])

    result = oneticket.sales.complete(
        body=[
            CompleteSale(user_id="9003", order_id="247927697", marketplace_id=1),
            CompleteSale(user_id="9003", order_id="247927698", marketplace_id=4),
        ]
    )

    assert_sent(http, "POST", "/sales/v1/complete-sale")
    assert http.last.header("Content-Type") == "application/json"
    assert exact_json(http.last.body) == [
        {"user_id": "9003", "order_id": "247927697", "marketplace_id": 1},
        {"user_id": "9003", "order_id": "247927698", "marketplace_id": 4},
    ]
    assert result == [{"order_id": "247927697", "status": "filled"}]


# -- marketplaces, disclosures -----------------------------------------------------------------------


def test_marketplaces_list_returns_the_marketplaces(
    http: LocalServer, oneticket: OneTicketClient
) -> None:
    reply_sample(http, "marketplaces.list")

    marketplaces = oneticket.marketplaces.list()

    assert_sent(http, "GET", "/v2/marketplaces")
    assert len(marketplaces) == 3
    assert all(isinstance(marketplace, Marketplace) for marketplace in marketplaces)
    assert (marketplaces[0].id, marketplaces[0].name) == ("395", "Mesa Arts Center")
    assert marketplaces[0].password_required is False
    assert marketplaces[2].url == "https://am.ticketmaster.com/baabal/"
    assert marketplaces[2].password_required is True


def test_disclosures_list_returns_the_disclosures_of_the_first_output(
    http: LocalServer, oneticket: OneTicketClient
) -> None:
    reply_sample(http, "disclosures.list")

    disclosures = oneticket.disclosures.list()

    assert_sent(http, "GET", "/v2/disclosures")
    assert len(disclosures) == 2
    assert all(isinstance(disclosure, Disclosure) for disclosure in disclosures)
    assert (disclosures[0].id, disclosures[0].description_short) == (1, "NOENTRY")
    assert disclosures[1].description_dti == "Side View (printed on ticket)"


# -- accounts ----------------------------------------------------------------------------------------


def test_accounts_list_sends_the_filters_and_returns_the_accounts(
    http: LocalServer, oneticket: OneTicketClient
) -> None:
    reply_sample(http, "accounts.list")

    accounts = oneticket.accounts.list(
        username="johndoe@gmail.com",
        marketplace_id=55,
        marketplace_name="ticketmaster",
        account_status=AccountStatus.BADPASSWORD,
        active=True,
    )

    assert_sent(
        http,
        "GET",
        "/v2/accounts/list/?username=johndoe%40gmail.com&marketplaceid=55"
        "&marketplacename=ticketmaster&accountstatus=badpassword&active=true",
    )
    assert len(accounts) == 1
    account = accounts[0]
    assert isinstance(account, Account)
    assert (account.account_id, account.user_id) == ("847387", "4492")
    assert account.active is True
    assert account.account_username == "sales@anytickets.com"
    assert account.marketplace.name == "OSSHouston Texans"
    assert account.quick_po_settings.cust_id_skybox == ""
    assert account.quick_po_settings.auto_po_settings.auto_po_skybox is False


def test_accounts_add_sends_username_and_password_in_the_query(
    http: LocalServer, oneticket: OneTicketClient
) -> None:
    http.reply(200, EMPTY_OUTPUT)

    output = oneticket.accounts.add(
        username="johndoe@gmail.com", marketplace_id=1, password="your pass&word"
    )

    assert_sent(
        http,
        "POST",
        "/v2/accounts/add/?username=johndoe%40gmail.com&marketplaceid=1&password=your%20pass%26word",
    )
    assert http.last.body == b""
    assert output == []


def test_accounts_update_sends_the_per_pos_ids_and_note(
    http: LocalServer, oneticket: OneTicketClient
) -> None:
    http.reply(200, EMPTY_OUTPUT)

    output = oneticket.accounts.update(
        account_id=1000,
        cust_id_skybox="123456",
        credit_card_id_skybox="32266",
        cust_id_ticketnetwork="TN/77",
        note="moved to SkyBox #2",
    )

    assert_sent(
        http,
        "POST",
        "/v2/accounts/update/?id=1000&custid_skybox=123456&creditcardid_skybox=32266"
        "&custid_ticketnetwork=TN%2F77&note=moved%20to%20SkyBox%20%232",
    )
    assert http.last.body == b""
    assert output == []


def test_accounts_update_v2_sends_the_pos_settings_and_returns_the_account(
    http: LocalServer, oneticket: OneTicketClient
) -> None:
    reply_sample(http, "accounts.update_v2")

    accounts = oneticket.accounts.update_v2(
        account_id=377806, pos_id=2, auto_po=True, auto_po_date_after="1/7/2020"
    )

    # The document's example request, with the date's slashes percent-encoded.
    assert_sent(
        http,
        "POST",
        "/v2/accounts/update/v2/?id=377806&posid=2&autopo=true&autopodateafter=1%2F7%2F2020",
    )
    assert len(accounts) == 1
    account = accounts[0]
    assert isinstance(account, Account)
    assert account.account_id == "377806"
    assert account.marketplace.name == "Ticketmaster"
    assert account.quick_po_settings.cust_id_skybox == "3000"
    assert account.quick_po_settings.credit_card_id_ticketnetwork == "2001"
    settings = account.quick_po_settings.auto_po_settings
    assert settings.auto_po_ticketnetwork is True
    assert settings.auto_po_tradedeskpos_date_after == "11/15/2021"


# -- domains -----------------------------------------------------------------------------------------


def test_domains_list_sends_the_domain_and_returns_the_domains(
    http: LocalServer, oneticket: OneTicketClient
) -> None:
    reply_sample(http, "domains.list")

    domains = oneticket.domains.list(domain="my domain.org")

    assert_sent(http, "GET", "/v2/domains/list?domain=my%20domain.org")
    assert len(domains) == 2
    assert all(isinstance(domain, Domain) for domain in domains)
    assert (domains[0].domain_id, domains[0].domain) == ("154", "partycentral.com")
    assert domains[1].defaults.customer_id == "1111"
    assert domains[1].defaults.credit_card_id == "2222"


# -- cross-cutting -----------------------------------------------------------------------------------


def test_an_error_envelope_on_http_200_raises_with_the_vendor_message_and_id(
    http: LocalServer, oneticket: OneTicketClient
) -> None:
    http.reply(
        200,
        {
            "result": {"status": "error", "message": "Invalid API token", "messageid": "1001"},
            "output": [],
        },
    )

    with pytest.raises(EnvelopeError) as caught:
        oneticket.token.verify()

    assert "Invalid API token" in str(caught.value)
    assert caught.value.message == "Invalid API token"
    assert caught.value.message_id == "1001"
    assert caught.value.status == "error"
    assert caught.value.operation == "token.verify"


def test_an_error_envelope_whose_output_has_another_shape_still_raises_the_envelope_error(
    http: LocalServer, oneticket: OneTicketClient
) -> None:
    http.reply(
        200,
        {
            "result": {"status": "error", "message": "rid not found", "messageid": "404"},
            "output": None,
        },
    )

    with pytest.raises(EnvelopeError) as caught:
        oneticket.purchases.list(rid=1)

    assert "rid not found" in str(caught.value)
    assert caught.value.message_id == "404"


def test_a_404_raises_not_found_with_status_and_body(
    http: LocalServer, oneticket: OneTicketClient
) -> None:
    http.reply(404, b"no such group", headers={"Content-Type": "text/plain"})

    with pytest.raises(NotFoundError) as caught:
        oneticket.purchases.get_pdf(rid=1)

    assert isinstance(caught.value, StatusError)
    assert caught.value.status == 404
    assert caught.value.body == b"no such group"


def test_an_enum_argument_outside_the_documented_values_is_refused_before_sending(
    http: LocalServer, oneticket: OneTicketClient
) -> None:
    with pytest.raises(ArgumentError) as caught:
        oneticket.purchases.list(elig_refund="maybe")  # type: ignore[arg-type]

    assert "maybe" in str(caught.value)
    assert http.requests == []


def test_a_failed_call_never_shows_the_password_or_the_token(
    http: LocalServer, oneticket: OneTicketClient
) -> None:
    password = "hunter2 s3cret&pw"
    http.reply(500, b"internal error")

    with pytest.raises(ServerError) as caught:
        oneticket.accounts.add(username="johndoe@gmail.com", password=password)

    assert ("password", password) in http.last.query  # it was sent, so it could have leaked
    shown = f"{caught.value} {caught.value!r} {caught.value.args}"
    for secret in (password, "hunter2%20s3cret%26pw", "s3cret", ONETICKET_TOKEN):
        assert secret not in shown


def test_a_connection_error_never_shows_the_password_or_the_token() -> None:
    password = "hunter2 s3cret&pw"
    unreachable = f"http://127.0.0.1:{free_port()}"
    with (
        OneTicketClient(api_token=ONETICKET_TOKEN, base_url=unreachable, max_retries=0) as client,
        pytest.raises(ApiConnectionError) as caught,
    ):
        client.accounts.add(username="johndoe@gmail.com", password=password)

    shown = f"{caught.value} {caught.value!r} {caught.value.args}"
    for secret in (password, "hunter2%20s3cret%26pw", "s3cret", ONETICKET_TOKEN):
        assert secret not in shown


def test_with_response_returns_the_value_and_the_raw_response(
    http: LocalServer, oneticket: OneTicketClient
) -> None:
    body = sample("oneticket", "token.verify")
    http.reply(200, body, headers={"Content-Type": "application/json", "X-Trace": "abc-123"})

    company, raw = oneticket.token.verify.with_response()

    assert company == CompanyInfo(company_name="Test Comapny Name")
    assert raw.status == 200
    assert raw.body == body
    assert raw.headers["X-Trace"] == "abc-123"


def test_with_response_of_an_operation_returning_none_still_gives_the_raw_response(
    http: LocalServer, oneticket: OneTicketClient
) -> None:
    body = sample("oneticket", "sales.fulfill")
    http.reply(200, body, headers=JSON)

    result, raw = oneticket.sales.fulfill.with_response(order_id="22009999", marketplace_id=4)

    assert result is None
    assert (raw.status, raw.body) == (200, body)


def test_an_error_envelope_without_a_messageid_still_raises_the_envelope_error(
    http: LocalServer, oneticket: OneTicketClient
) -> None:
    http.reply(200, {"result": {"status": "error", "message": "Locked"}, "output": None})

    with pytest.raises(EnvelopeError) as caught:
        oneticket.purchases.list()

    assert caught.value.message == "Locked"
    assert caught.value.message_id == ""


def test_an_empty_output_where_one_item_is_documented_is_a_decode_error_keeping_the_body(
    http: LocalServer, oneticket: OneTicketClient
) -> None:
    body = b'{"result": {"status": "success", "message": "", "messageid": ""}, "output": []}'
    http.reply(200, body)

    with pytest.raises(DecodeError) as caught:
        oneticket.token.verify()

    assert caught.value.path == "$.output"
    assert caught.value.body == body


def test_sales_complete_with_an_empty_success_body_returns_none(
    http: LocalServer, oneticket: OneTicketClient
) -> None:
    http.reply(200, b"")

    result = oneticket.sales.complete(
        body=[CompleteSale(user_id="9003", order_id="247927697", marketplace_id=1)]
    )

    assert result is None
    assert len(http.requests) == 1
