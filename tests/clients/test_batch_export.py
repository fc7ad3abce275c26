"""The Paciolan batch order export, end to end over HTTP: export -> wait -> rows, and the file download."""

from __future__ import annotations

import datetime as dt
import gzip
import json
from decimal import Decimal
from pathlib import Path

import msgspec
import pytest

from paciolan import PaciolanClient
from paciolan.batch_export import (
    COLUMNS,
    BatchJobFailed,
    BatchJobTimeout,
    ExportRowError,
)
from paciolan.errors import ArgumentError
from paciolan.models import BatchStatus, OrderExportRow
from tests.conftest import PACIOLAN_KEY
from tests.local_server import LocalServer

ROW = [
    "23456789",
    "true",
    "",
    "Avalos",
    "Marty",
    "marty@example.com",
    "",
    "USD",
    "F17",
    "278151",
    "1",
    "F01",
    "SINGLE",
    "2",
    "75.00",
    "TC",
    "1.50",
    "",
    "",
    "",
    "",
    "",
    "",
    "151.50",
    "F01",
    "1",
    "R",
    "K",
    "115",
    "31",
    "0004",
    "043125975439416",
    "Y",
    "0",
    "2017-08-09",
    "",
    "PAH",
    "",
    "FB",
    "1",
    "",
    "Regular",
    "2",
    "4316482555934982",
]


def export_file(rows: list[list[str]], *, header: bool = False) -> bytes:
    lines = (["\t".join(COLUMNS)] if header else []) + ["\t".join(row) for row in rows]
    return gzip.compress(("\r\n".join(lines) + "\r\n").encode())


def status(value: str, url: str | None = None) -> bytes:
    body: dict[str, str] = {"status ": value, "batchID": "job-1"}
    if url:
        body["downloadUrl"] = url
    return json.dumps(body).encode()


def test_the_file_has_the_44_documented_columns_in_order() -> None:
    assert len(COLUMNS) == 44
    assert (COLUMNS[0], COLUMNS[5], COLUMNS[13], COLUMNS[43]) == (
        "account",
        "email",
        "qty",
        "ticketID",
    )


def test_export_wait_and_rows_end_to_end(http: LocalServer, paciolan: PaciolanClient) -> None:
    file_url = f"{http.url}/files/job-1.tsv.gz"
    http.reply(200, {"status": "SCHEDULED", "batchID": "job-1"})
    http.reply(200, status("PENDING"))
    http.reply(200, status("PENDING"))
    http.reply(200, status("COMPLETED", file_url))
    second = list(ROW)
    second[13], second[14], second[33] = "1", "", "12.34"
    http.reply(200, export_file([ROW, second]), headers={"Content-Type": "application/gzip"})

    job = paciolan.batch.export_orders(season_code="F17")
    done = paciolan.batch.wait(job, timeout=30, poll_interval=0.01)
    rows = list(paciolan.batch.iter_order_rows(done))

    assert [r.target for r in http.requests[:4]] == [
        "/batch/export/orders?seasonCode=F17",
        "/batch/status/job-1",
        "/batch/status/job-1",
        "/batch/status/job-1",
    ]
    first = rows[0]
    assert isinstance(first, OrderExportRow)
    assert first.account == "23456789"
    assert first.is_organization is True
    assert first.company_name is None
    assert first.qty == "2"
    assert first.price == Decimal("75.00")
    assert first.seat == "0004"
    assert first.barcode == "043125975439416"
    assert first.renewable == "Y"
    assert first.item_date == dt.date(2017, 8, 9)
    assert first.ticket_id == "4316482555934982"
    assert (rows[1].qty, rows[1].price, rows[1].item_balance) == ("1", None, Decimal("12.34"))


def test_wait_raises_when_the_job_fails(http: LocalServer, paciolan: PaciolanClient) -> None:
    http.reply(200, status("PENDING"))
    http.reply(200, status("ERROR"))

    with pytest.raises(BatchJobFailed) as caught:
        paciolan.batch.wait("job-1", poll_interval=0.01)

    assert caught.value.batch_id == "job-1"
    assert len(http.requests) == 2


def test_wait_raises_at_the_deadline(http: LocalServer, paciolan: PaciolanClient) -> None:
    http.default = type(http.default)(200, status("PENDING"), {"Content-Type": "application/json"})
    try:
        with pytest.raises(BatchJobTimeout) as caught:
            paciolan.batch.wait("job-1", timeout=0.3, poll_interval=0.05)
    finally:
        http.default = type(http.default)(200, b"{}", {"Content-Type": "application/json"})

    assert caught.value.last_status is not None
    assert 2 <= len(http.requests) <= 12


def test_the_file_host_never_receives_the_credentials(
    http: LocalServer, paciolan: PaciolanClient
) -> None:
    other_origin = http.url.replace("127.0.0.1", "localhost")
    http.reply(200, export_file([ROW]))

    rows = list(paciolan.batch.iter_order_rows(f"{other_origin}/files/x.gz"))

    assert len(rows) == 1
    assert http.last.header("PAC-API-Key") is None
    assert PACIOLAN_KEY not in json.dumps(http.last.headers)


def test_a_header_row_is_skipped(http: LocalServer, paciolan: PaciolanClient) -> None:
    http.reply(200, export_file([ROW], header=True))

    assert len(list(paciolan.batch.iter_order_rows(f"{http.url}/f.gz"))) == 1


def test_a_malformed_row_names_its_line_and_the_rows_before_it_are_kept(
    http: LocalServer, paciolan: PaciolanClient
) -> None:
    bad = list(ROW)
    bad[25] = "two"  # priceLevel
    http.reply(200, export_file([ROW, ROW, bad, ROW]))
    received: list[OrderExportRow] = []

    with pytest.raises(ExportRowError) as caught:
        for row in paciolan.batch.iter_order_rows(f"{http.url}/f.gz"):
            received.append(row)

    assert len(received) == 2
    assert caught.value.line_number == 3
    assert caught.value.column == "priceLevel"
    assert "line 3: column priceLevel" in str(caught.value)


def test_a_row_with_missing_columns_is_an_error(
    http: LocalServer, paciolan: PaciolanClient
) -> None:
    http.reply(200, export_file([ROW[:40]]))

    with pytest.raises(ExportRowError, match="line 1: expected 44 columns, found 40"):
        list(paciolan.batch.iter_order_rows(f"{http.url}/f.gz"))


def test_a_truncated_download_is_an_error_not_a_short_export(
    http: LocalServer, paciolan: PaciolanClient
) -> None:
    whole = export_file([ROW] * 200)
    http.reply(200, whole[: len(whole) // 2])

    with pytest.raises(ExportRowError, match="truncated"):
        list(paciolan.batch.iter_order_rows(f"{http.url}/f.gz"))


def test_download_saves_the_raw_file_atomically(
    http: LocalServer, paciolan: PaciolanClient, tmp_path: Path
) -> None:
    data = export_file([ROW, ROW])
    http.reply(200, data)
    target = tmp_path / "orders.tsv.gz"

    size = paciolan.batch.download(f"{http.url}/f.gz", target)

    assert size == len(data)
    assert target.read_bytes() == data
    assert [p.name for p in tmp_path.iterdir()] == ["orders.tsv.gz"]


def test_a_failed_download_leaves_no_file(
    http: LocalServer, paciolan: PaciolanClient, tmp_path: Path
) -> None:
    http.reply(404, b"gone")
    target = tmp_path / "orders.tsv.gz"

    with pytest.raises(Exception, match="404"):
        paciolan.batch.download(f"{http.url}/f.gz", target)

    assert list(tmp_path.iterdir()) == []


def test_rows_need_a_completed_status_with_a_url(paciolan: PaciolanClient) -> None:
    with pytest.raises(ArgumentError, match="no download URL"):
        list(paciolan.batch.iter_order_rows(BatchStatus()))


def test_each_cell_lands_in_the_field_of_its_column() -> None:
    # Rows are built positionally: a column order that drifted from the fields' would swap values.
    from paciolan.batch_export import _PARSERS, _text, parse_row

    text_columns = {index for index, parser in enumerate(_PARSERS) if parser is _text}
    cells = [f"cell {index}" if index in text_columns else cell for index, cell in enumerate(ROW)]
    row = parse_row("\t".join(cells).encode(), 1)

    by_wire_name = json.loads(msgspec.json.encode(row))
    assert list(by_wire_name) == list(COLUMNS)
    for index in sorted(text_columns):
        assert by_wire_name[COLUMNS[index]] == f"cell {index}"


def test_a_bad_amount_is_an_error_every_time_it_appears() -> None:
    # Conversions are cached per distinct cell text: a failure must not be cached as a value.
    from paciolan.batch_export import parse_row

    cells = list(ROW)
    cells[14] = "12,50"
    line = "\t".join(cells).encode()
    for line_number in (1, 2):
        with pytest.raises(ExportRowError) as caught:
            parse_row(line, line_number)
        assert (caught.value.line_number, caught.value.column) == (line_number, COLUMNS[14])


@pytest.mark.parametrize("amount", ["NaN", "sNaN", "Infinity", "-Infinity", "1e999999", "1E-40"])
def test_an_amount_no_vendor_sends_names_its_column(amount: str) -> None:
    # Decimal reads these; they are refused as an ExportRowError that names the column, like any
    # unreadable cell (never a bare ValueError).
    from paciolan.batch_export import parse_row

    cells = list(ROW)
    cells[23] = amount  # extendedPrice
    with pytest.raises(ExportRowError) as caught:
        parse_row("\t".join(cells).encode(), 7)
    assert (caught.value.line_number, caught.value.column) == (7, COLUMNS[23])
    assert f"line 7: column {COLUMNS[23]}: cannot read {amount!r}" in str(caught.value)
