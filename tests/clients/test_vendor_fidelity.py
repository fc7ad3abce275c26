"""The findings of a line-by-line reading of both vendor documents (issue 12), one test each.

Each test names the document lines it rests on (1T = 1ticket-legacy-api.txt, PAC = paciolan-pdi-api.txt)
and shows the wire form or the behaviour the registry decided, over real HTTP on 127.0.0.1.
"""

from __future__ import annotations

import datetime as dt
import gzip
from typing import Any, Final

import msgspec
import pytest
from msgspec import UNSET

from oneticket import OneTicketClient
from oneticket import decode as oneticket_decode
from oneticket.errors import ArgumentError as OneTicketArgumentError
from oneticket.errors import ServerError as OneTicketServerError
from oneticket.models import Purchase
from paciolan import PaciolanClient
from paciolan import decode as paciolan_decode
from paciolan import encode as paciolan_encode
from paciolan.batch_export import COLUMNS
from paciolan.errors import ArgumentError as PaciolanArgumentError
from paciolan.models import BatchJobStatus, BatchStatus, Payment
from tests.clients.test_oneticket_operations import VENDOR_SALE_RECORD
from tests.conftest import ONETICKET_TOKEN, oneticket_at, paciolan_at, sample
from tests.local_server import LocalServer

JSON: Final = {"Content-Type": "application/json"}
EMPTY_OUTPUT: Final[dict[str, Any]] = {
    "result": {"status": "success", "message": "", "messageid": ""},
    "output": [],
}


def reply_envelope(http: LocalServer, output: list[Any] | None = None) -> None:
    http.reply(200, {**EMPTY_OUTPUT, "output": output or []}, headers=JSON)


def doc(method: object) -> str:
    """A method's docstring on one line, so a phrase wrapped over two lines still matches."""
    return " ".join((getattr(method, "__doc__", None) or "").split())


# -- 1. Trailing slashes: the path of the document's example request (1T 487-533, 600-653, 755-809) ------


@pytest.mark.parametrize(
    ("call", "target"),
    [
        (lambda c: c.marketplaces.list(), "/v2/marketplaces"),
        (lambda c: c.disclosures.list(), "/v2/disclosures"),
        (lambda c: c.domains.list(), "/v2/domains/list"),
        # The headings lack the slash here, the example requests have it (1T 254-265, 823-834).
        (lambda c: c.purchases.crawl(source="s"), "/v2/crawl/?source=s"),
        (lambda c: c.accounts.add(username="u"), "/v2/accounts/add/?username=u"),
        # The HTTP Request lines lack the slash here, the example requests have it (1T 545, 571; 665, 733).
        (
            lambda c: c.sales.fulfill(order_id="1", marketplace_id=4),
            "/v2/fulfill/?orderid=1&marketplaceid=4",
        ),
        (lambda c: c.accounts.list(), "/v2/accounts/list/"),
    ],
)
def test_a_oneticket_path_is_the_path_of_the_documents_example_request(
    http: LocalServer, oneticket: OneTicketClient, call: Any, target: str
) -> None:
    reply_envelope(http)

    call(oneticket)

    assert http.last.target == target
    assert http.last.header("x-api-token") == ONETICKET_TOKEN


# -- 3. Export cells typed from what the document shows (PAC 1775 and the export spec) ----------------


def test_an_order_line_sequence_as_the_document_writes_it_streams_as_text(
    http: LocalServer, paciolan: PaciolanClient
) -> None:
    row = [""] * len(COLUMNS)
    row[COLUMNS.index("sequence")] = (
        "FB17:278151:1"  # the only order-line sequence the document shows
    )
    row[COLUMNS.index("qty")] = "2"
    row[COLUMNS.index("priority")] = "A"  # nothing in the document says what a priority cell holds
    row[COLUMNS.index("renewable")] = "R"
    http.reply(200, gzip.compress(("\t".join(row) + "\r\n").encode()))

    rows = list(paciolan.batch.iter_order_rows(f"{http.url}/f.gz"))

    assert rows[0].sequence == "FB17:278151:1"
    assert (rows[0].qty, rows[0].priority, rows[0].renewable) == ("2", "A", "R")


# -- 4. Request bodies are lenient where the document marks nothing required (PAC 1720-1722, 364-366, 871)


def test_patron_authenticate_sends_the_credentials_given_without_requiring_all_three(
    http: LocalServer, paciolan: PaciolanClient
) -> None:
    http.reply(200, sample("paciolan", "patron.authenticate"), headers=JSON)

    paciolan.patron.authenticate(body={"userName": "fan@example.com", "password": "pw"})

    assert http.last.json() == {"userName": "fan@example.com", "password": "pw"}


def test_update_seat_status_sends_a_change_without_the_fields_left_out(
    http: LocalServer, paciolan: PaciolanClient
) -> None:
    http.reply(200, sample("paciolan", "inventory.update_seat_status"), headers=JSON)

    paciolan.inventory.update_seat_status(
        season_code="F17",
        item_code="F01",
        policy_code="WEB",
        body=[{"section": "UB:100", "seatStatus": "O"}, {"rows": [{"row": "AA"}]}],
    )

    assert http.last.json() == [{"section": "UB:100", "seatStatus": "O"}, {"rows": [{"row": "AA"}]}]


def test_add_offer_sends_a_seat_with_only_the_fields_given(
    http: LocalServer, paciolan: PaciolanClient
) -> None:
    http.reply(200, sample("paciolan", "cart.add_offer"), headers=JSON)
    offer = {"seasonCode": "F17", "itemCode": "F01", "quantity": 1, "seats": [{"priceLevel": 1}]}

    paciolan.cart.add_offer(cart_id="1", policy_code="WEB", body=offer)

    assert http.last.json() == offer


# -- 5. purchases.list status: the table's casing and the sample's both go out as given (1T 252, 187) ---


@pytest.mark.parametrize("status", ["Active", "active", "Canceled", "canceled"])
def test_purchases_list_sends_the_status_in_the_casing_given(
    http: LocalServer, oneticket: OneTicketClient, status: str
) -> None:
    reply_envelope(http, [{"purchases": []}])

    oneticket.purchases.list(status=status)  # type: ignore[arg-type]

    assert http.last.target == f"/v2/purchases/?status={status}"


def test_purchases_list_still_refuses_a_status_in_no_documented_spelling(
    http: LocalServer, oneticket: OneTicketClient
) -> None:
    with pytest.raises(OneTicketArgumentError, match="status"):
        oneticket.purchases.list(status="ACTIVE")  # type: ignore[arg-type]
    assert http.requests == []


# -- 6. The card verification number is text: a leading zero survives -------------------------------


def test_a_card_verification_number_keeps_its_leading_zero_on_the_wire(
    http: LocalServer, paciolan: PaciolanClient
) -> None:
    http.reply(200, sample("paciolan", "cart.checkout"), headers=JSON)
    payment = {"cardVerificationNumber": "012", "amount": 10}
    checkout = {"patron": None, "delivery": {"method": "PAH"}, "payments": [payment]}

    paciolan.cart.checkout(cart_id="1", policy_code="WEB", body=checkout)

    assert http.last.json()["payments"] == [payment]
    # And the model reads it back as text: a number type would have dropped the zero.
    decoded = paciolan_decode(b'{"cardVerificationNumber": "012", "amount": 10}', Payment)
    assert decoded.card_verification_number == "012"


# -- 7. purchases.record_po: `pos=` in the query, as the example (1T 1045, 1051; table 1078-1083) -----


def test_record_po_sends_pos_in_the_query_and_its_docstring_says_so(
    http: LocalServer, oneticket: OneTicketClient
) -> None:
    reply_envelope(http)

    oneticket.purchases.record_po(rid=23332571, pos_name="skybox", po="123456")

    assert http.last.target == "/v2/purchases/recordpo/?rid=23332571&pos=skybox&po=123456"
    assert "query" in doc(type(oneticket.purchases).record_po)
    assert "posname" in doc(type(oneticket.purchases).record_po)


# -- 8. get_seat_status `section`: one string, several sections joined by commas (PAC 261, 274) --------


def test_get_seat_status_sends_several_sections_as_one_comma_separated_value(
    http: LocalServer, paciolan: PaciolanClient
) -> None:
    http.reply(200, sample("paciolan", "inventory.get_seat_status"), headers=JSON)

    paciolan.inventory.get_seat_status(
        season_code="F17", item_code="F01", policy_code="WEB", section=["UB:100", "LB:200"]
    )

    assert http.last.target == "/inventory/status/F17/F01?policyCode=WEB&section=UB%3A100,LB%3A200"


# -- 9. tickets.void under /tickets/ (PAC 1648 against 1330, 1401, 1487, 1575, 1676, 1711) ------------


def test_tickets_void_posts_under_tickets_and_its_docstring_gives_the_evidence(
    http: LocalServer, paciolan: PaciolanClient
) -> None:
    http.reply(200, sample("paciolan", "tickets.void"), headers=JSON)

    paciolan.tickets.void(ticket_id="1234567890123456")

    assert http.last.target == "/tickets/1234567890123456/void"
    assert "curl" in doc(type(paciolan.tickets).void)


# -- 10. GETs with side effects are not retried, like batch.export_orders (1T 567, 270) ---------------


@pytest.mark.parametrize(
    "call",
    [
        lambda c: c.sales.fulfill(order_id="1", marketplace_id=4),
        lambda c: c.purchases.crawl(source="s"),
    ],
)
def test_a_get_that_queues_work_is_never_sent_twice(http: LocalServer, call: Any) -> None:
    http.reply(503, b"busy", headers={"Retry-After": "0"})
    http.reply(503, b"busy", headers={"Retry-After": "0"})
    with oneticket_at(http.url, max_retries=2) as client, pytest.raises(OneTicketServerError):
        call(client)

    assert len(http.requests) == 1


# -- 11. What the documents leave open, decided and said where a caller reads it ----------------------


def test_sales_add_sends_json_with_a_json_content_type(
    http: LocalServer, oneticket: OneTicketClient
) -> None:
    reply_envelope(http)

    oneticket.sales.add(body=VENDOR_SALE_RECORD)

    assert http.last.header("Content-Type") == "application/json"
    assert http.last.json() == VENDOR_SALE_RECORD
    assert "application/json" in doc(type(oneticket.sales).add)


def test_if_unmodified_since_goes_out_as_given_and_no_412_is_claimed_for_the_vendor(
    http: LocalServer, paciolan: PaciolanClient
) -> None:
    http.reply(204)

    paciolan.cart.delete(
        cart_id="1", policy_code="WEB", if_unmodified_since="2023-06-14T07:23:05.281+0000"
    )

    assert http.last.header("If-Unmodified-Since") == "2023-06-14T07:23:05.281+0000"
    text = doc(type(paciolan.cart).delete)
    assert "sent as given" in text
    assert "fails with 412" not in text


def test_the_request_id_is_sent_and_the_client_says_the_document_does_not_name_it(
    http: LocalServer, paciolan: PaciolanClient
) -> None:
    paciolan.util.echo(body={})

    assert http.last.header("Request-ID")
    assert "not in the vendor document" in doc(PaciolanClient)


def test_a_date_argument_goes_out_zero_padded(
    http: LocalServer, oneticket: OneTicketClient
) -> None:
    reply_envelope(http, [{"purchases": []}])

    oneticket.purchases.list(event_date=dt.date(2020, 1, 7), date_first_seen=">=1/7/2020")

    # The date goes out zero-padded; the vendor's own text (1T 1090 writes 1/7/2020) goes out as given.
    assert (
        http.last.target
        == "/v2/purchases/?datefirstseen=%3E%3D1%2F7%2F2020&eventdate=01%2F07%2F2020"
    )
    assert "zero-padded" in doc(type(oneticket.purchases).list)


def test_a_purchase_is_optional_per_field_not_at_type_level() -> None:
    purchase = msgspec.json.decode(sample("oneticket", "purchases.list"), type=dict)["output"][0][
        "purchases"
    ][1]
    decoded = oneticket_decode(msgspec.json.encode(purchase), Purchase)
    assert decoded.purchase_orders is UNSET  # missing from this sample purchase: optional

    del purchase["rid"]  # in both sample purchases: required
    with pytest.raises(msgspec.ValidationError, match="rid"):
        oneticket_decode(msgspec.json.encode(purchase), Purchase)
    assert "optional" in doc(Purchase)


@pytest.mark.parametrize("authorization", ["Basic dGVzdDp0ZXN0", "Bearer YOUR_TOKEN"])
def test_authorization_goes_out_as_given_in_either_scheme(
    http: LocalServer, paciolan: PaciolanClient, authorization: str
) -> None:
    http.reply(200, sample("paciolan", "tickets.reissue"), headers=JSON)

    paciolan.tickets.reissue(ticket_id="1", policy_code="WEB", authorization=authorization)

    assert http.last.header("Authorization") == authorization
    assert "sent as given" in doc(type(paciolan.tickets).reissue)


# -- 2. Batch status: `"status "` (PAC 2242) and `"status"` (PAC 2323) both read ----------------------


def test_wait_ends_on_a_completed_status_spelled_without_the_trailing_space(
    http: LocalServer, paciolan: PaciolanClient
) -> None:
    http.reply(200, {"status": "PENDING", "batchID": "job-1"}, headers=JSON)
    http.reply(200, {"status": "COMPLETED", "batchID": "job-1", "downloadUrl": "u"}, headers=JSON)

    done = paciolan.batch.wait("job-1", timeout=5, poll_interval=0.01)

    assert done.status == BatchJobStatus.COMPLETED
    assert len(http.requests) == 2


@pytest.mark.parametrize("key", ["status ", "status"])
def test_a_batch_status_decodes_either_key_and_encodes_the_status_samples_key(key: str) -> None:
    status = paciolan_decode(f'{{"{key}": "ERROR"}}'.encode(), BatchStatus)

    assert status.status == BatchJobStatus.ERROR
    assert paciolan_encode(status) == b'{"status ":"ERROR"}'


def test_the_batch_status_sample_round_trips_exactly() -> None:
    raw = sample("paciolan", "batch.get_status")

    assert msgspec.json.decode(
        paciolan_encode(paciolan_decode(raw, BatchStatus))
    ) == msgspec.json.decode(raw)


# -- 12. Paciolan credentials checked when the client is built (PAC 16, 20) --------------------------

UNUSED_URL = "http://127.0.0.1:9"  # the clients below are built, never used


@pytest.mark.parametrize(
    "user_agent",
    ["YourApplication/1.0.0", "my-app/2.10.3-beta.1+build.7", "App_2/0.0.1"],
)
def test_a_user_agent_in_product_semver_form_is_accepted(user_agent: str) -> None:
    paciolan_at(UNUSED_URL, user_agent=user_agent).close()


@pytest.mark.parametrize(
    "user_agent",
    ["YourApplication", "YourApplication/1.0", "Your Application/1.0.0", "App/01.0.0", ""],
)
def test_a_user_agent_not_in_product_semver_form_is_refused(user_agent: str) -> None:
    with pytest.raises(PaciolanArgumentError, match=r"user_agent.*YourApplication/1\.0\.0"):
        paciolan_at(UNUSED_URL, user_agent=user_agent)


@pytest.mark.parametrize("organization_id", [0, 999, 2**31 - 1])
def test_an_int32_organization_id_is_accepted(organization_id: int) -> None:
    paciolan_at(UNUSED_URL, organization_id=organization_id).close()


@pytest.mark.parametrize("organization_id", [2**31, -(2**31) - 1, "999", 9.5])
def test_an_organization_id_outside_int32_is_refused(organization_id: object) -> None:
    with pytest.raises(PaciolanArgumentError, match="organization_id"):
        paciolan_at(UNUSED_URL, organization_id=organization_id)


def test_a_refused_secret_credential_is_not_shown() -> None:
    with pytest.raises(PaciolanArgumentError) as caught:
        paciolan_at(UNUSED_URL, user_agent="bad agent", api_key="key-SECRET-x")
    assert "key-SECRET-x" not in str(caught.value)


# -- 13. A start date needs its end date (1T 241, 247) -----------------------------------------------


@pytest.mark.parametrize(
    ("given", "missing"),
    [
        ({"event_date_start": dt.date(2018, 7, 1)}, "event_date_end"),
        ({"purchase_date_start": "06/01/2018"}, "purchase_date_end"),
    ],
)
def test_a_start_date_without_its_end_date_is_refused_before_sending(
    http: LocalServer, oneticket: OneTicketClient, given: dict[str, Any], missing: str
) -> None:
    with pytest.raises(OneTicketArgumentError, match=missing):
        oneticket.purchases.list(**given)

    assert http.requests == []


def test_a_start_date_with_its_end_date_is_sent(
    http: LocalServer, oneticket: OneTicketClient
) -> None:
    reply_envelope(http, [{"purchases": []}])

    oneticket.purchases.list(event_date_start="07/01/2018", event_date_end="07/31/2018")

    assert (
        http.last.target
        == "/v2/purchases/?eventdatestart=07%2F01%2F2018&eventdateend=07%2F31%2F2018"
    )
