"""1Ticket workflows: the sales query builder, date filters, and PDF downloads."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from oneticket import OneTicketClient
from oneticket.errors import ArgumentError, NotFoundError
from oneticket.models import PdfSeat
from oneticket.queries import SalesQuery, on_or_after, on_or_before
from tests.conftest import ONETICKET_TOKEN, sample
from tests.local_server import LocalServer

EMPTY = {"result": {"status": "success", "message": "", "messageid": ""}, "output": []}


def test_the_builder_renders_the_documents_example() -> None:
    query = SalesQuery(status="unfulfilled", marketplace="vivid", next_days=3)

    assert str(query) == "unfulfilled vivid next 3 days"


def test_a_built_query_is_sent_as_q(http: LocalServer, oneticket: OneTicketClient) -> None:
    http.reply(200, sample("oneticket", "sales.query"))

    sales = oneticket.sales.query(
        query=SalesQuery(marketplace="vivid", next_days=7, status="unfilled")
    )

    assert http.last.target == "/v2/sales/?q=unfilled%20vivid%20next%207%20days"
    assert [s.order_id for s in sales] == ["22009999", "22005555"]


def test_a_raw_string_query_still_works(http: LocalServer, oneticket: OneTicketClient) -> None:
    http.reply(200, EMPTY)

    oneticket.sales.query(query="next 7 days vivid unfilled")

    assert http.last.target == "/v2/sales/?q=next%207%20days%20vivid%20unfilled"


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"status": "lost"}, "status must be one of"),
        ({"marketplace": "ebay"}, "marketplace must be one of"),
        ({"next_days": 0}, "next_days must be a positive number"),
        ({}, "at least one term"),
    ],
)
def test_a_builder_term_outside_the_documented_ones_is_refused(
    arguments: dict[str, object], message: str
) -> None:
    with pytest.raises(ArgumentError, match=message):
        SalesQuery(**arguments)  # type: ignore[arg-type]


def test_date_arguments_are_sent_as_mm_dd_yyyy(
    http: LocalServer, oneticket: OneTicketClient
) -> None:
    http.reply(200, EMPTY)

    oneticket.purchases.list(
        event_date_start=dt.date(2018, 7, 1),
        event_date_end=dt.date(2018, 7, 31),
        date_first_seen=on_or_after(dt.date(2018, 6, 15)),
    )

    assert http.last.query == [
        ("datefirstseen", ">=06/15/2018"),
        ("eventdatestart", "07/01/2018"),
        ("eventdateend", "07/31/2018"),
    ]
    assert "datefirstseen=%3E%3D06%2F15%2F2018" in http.last.raw_query


def test_on_or_before_uses_the_vendor_comparison() -> None:
    assert on_or_before(dt.date(2020, 1, 7)) == "<=01/07/2020"


def test_a_pdf_is_saved_atomically_without_the_token_on_another_host(
    http: LocalServer, oneticket: OneTicketClient, tmp_path: Path
) -> None:
    pdf = b"%PDF-1.4 ticket"
    http.reply(200, pdf, headers={"Content-Type": "application/pdf"})
    other_host = http.url.replace("127.0.0.1", "localhost")
    seat = PdfSeat(
        seat_id="55847443", status="live", has_pdf="", obstructions=[], ticket_stock="eticket",
        print_date="", oneticket_id="16990019", seat_number="35", section="SEC H", row="2",
        pdf_guid="{ABCD}", barcode="1353136914970530", pdf_url=f"{other_host}/pdf/{{ABCD}}",
    )  # fmt: skip
    target = tmp_path / "ticket.pdf"

    size = oneticket.purchases.download_pdf(seat, target)

    assert (size, target.read_bytes()) == (len(pdf), pdf)
    assert http.last.header("x-api-token") is None
    assert http.last.target == "/pdf/%7BABCD%7D"


def test_a_pdf_on_the_clients_own_server_gets_the_token(
    http: LocalServer, oneticket: OneTicketClient, tmp_path: Path
) -> None:
    http.reply(200, b"%PDF")

    oneticket.purchases.download_pdf(f"{http.url}/v2/pdf/1", tmp_path / "a.pdf")

    assert http.last.header("x-api-token") == ONETICKET_TOKEN


def test_a_missing_pdf_raises_and_leaves_no_file(
    http: LocalServer, oneticket: OneTicketClient, tmp_path: Path
) -> None:
    http.reply(404, b"no such pdf")

    with pytest.raises(NotFoundError):
        oneticket.purchases.download_pdf(f"{http.url}/pdf/x", tmp_path / "a.pdf")

    assert list(tmp_path.iterdir()) == []
