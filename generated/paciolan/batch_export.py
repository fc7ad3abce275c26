# Generated from endpoints.yaml (sha256 3750acddfbb35d332c19e57261e2fb4db0cd75297ec40220e5e2d195ab230ba7) by `ticketing-codegen generate`. Do not edit.
"""Batch order export: start a job, wait for it, then download the file or stream it as typed rows.

    job = client.batch.export_orders(season_code="F17")
    status = client.batch.wait(job, timeout=600)
    for row in client.batch.iter_order_rows(status):
        print(row.account, row.qty)

The export file is gzip-compressed, tab-separated, with CRLF line ends (LF or CR are read too) and the 44 columns of
`OrderExportRow` in order. Rows are parsed one at a time while the file downloads, so memory stays constant
whatever the size of the export.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import time
from collections.abc import Callable, Iterator
from decimal import Decimal, InvalidOperation
from os import PathLike
from typing import TYPE_CHECKING

from ._constants import GUNZIP_PIECE, MAX_EXPORT_LINE
from ._lazy import LazyModule
from ._money import read_money
from .errors import ApiError, ApiTimeoutError, ArgumentError

if TYPE_CHECKING:
    from . import models
    from .client import PaciolanClient
else:
    models = LazyModule(f"{__package__}.models")  # imported with the first export, not the package

# The columns of the export file, in file order (their wire names).
COLUMNS: tuple[str, ...] = (
    "account",
    "isOrganization",
    "companyName",
    "lastName",
    "firstName",
    "email",
    "mobile",
    "currencyCode",
    "season",
    "orderID",
    "sequence",
    "item",
    "itemBasis",
    "qty",
    "price",
    "itemCharge",
    "itemChargeAmount",
    "itemFee",
    "itemFeeAmount",
    "itemDiscount",
    "itemDiscountAmount",
    "itemSurcharge",
    "itemSurchargeAmount",
    "extendedPrice",
    "event",
    "priceLevel",
    "priceType",
    "level",
    "section",
    "row",
    "seat",
    "barcode",
    "renewable",
    "itemBalance",
    "itemDate",
    "mark",
    "disposition",
    "specialHandling",
    "itemGroup",
    "priority",
    "billPlan",
    "priceTypeName",
    "itemQuantity",
    "ticketID",
)
_HEADER = "\t".join(COLUMNS).encode()
_TRUE = frozenset({"true", "y", "yes", "1"})
_FALSE = frozenset({"false", "n", "no", "0"})


class BatchJobFailed(ApiError):
    """The export job ended with status `ERROR`."""

    def __init__(self, message: str, *, batch_id: str, status: models.BatchStatus) -> None:
        super().__init__(message)
        self.batch_id = batch_id
        self.status = status


class BatchJobTimeout(ApiTimeoutError):
    """The export job was not done before the deadline given to `wait`."""

    def __init__(
        self, message: str, *, batch_id: str, last_status: models.BatchStatus | None
    ) -> None:
        super().__init__(message)
        self.batch_id = batch_id
        self.last_status = last_status


class ExportRowError(ApiError):
    """A line of the export file cannot be read; the rows before it were already given."""

    def __init__(self, message: str, *, line_number: int, column: str | None) -> None:
        super().__init__(message)
        self.line_number = line_number
        self.column = column


def _text(cell: str) -> str | None:
    return cell or None


def _int(cell: str) -> int | None:
    return int(cell) if cell else None


def _decimal(cell: str) -> Decimal | None:
    return read_money(cell) if cell else None


def _bool(cell: str) -> bool | None:
    if not cell:
        return None
    lowered = cell.lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    raise ValueError(f"not a boolean: {cell!r}")


def _date(cell: str) -> dt.date | None:
    return dt.date.fromisoformat(cell) if cell else None


# Amounts, dates and flags repeat from row to row: each distinct cell text is converted (and an amount
# checked) once, in bounded caches (memory stays constant); a cell that cannot be converted raises every
# time. The rows themselves do not check their money again when built.
_cached_decimal = functools.lru_cache(maxsize=4096)(read_money)
_cached_date = functools.lru_cache(maxsize=4096)(dt.date.fromisoformat)
_cached_bool = functools.lru_cache(maxsize=64)(_bool)


_PARSERS: tuple[Callable[[str], object], ...] = (
    _text,
    _bool,
    _text,
    _text,
    _text,
    _text,
    _text,
    _text,
    _text,
    _text,
    _text,
    _text,
    _text,
    _text,
    _decimal,
    _text,
    _decimal,
    _text,
    _decimal,
    _text,
    _decimal,
    _text,
    _decimal,
    _decimal,
    _text,
    _int,
    _text,
    _text,
    _text,
    _text,
    _text,
    _text,
    _text,
    _decimal,
    _date,
    _text,
    _text,
    _text,
    _text,
    _text,
    _text,
    _text,
    _int,
    _text,
)


def parse_row(line: bytes, line_number: int) -> models.OrderExportRow:
    """One line of the export file (without its CRLF) as a typed row."""
    try:
        cells = line.decode("utf-8").split("\t")
    except UnicodeDecodeError as exc:
        raise ExportRowError(
            f"line {line_number}: not UTF-8 text ({exc.reason})",
            line_number=line_number,
            column=None,
        ) from None
    if len(cells) != 44:
        raise ExportRowError(
            f"line {line_number}: expected 44 columns, found {len(cells)}",
            line_number=line_number,
            column=None,
        )
    # The conversions are written out per column (no call per cell), and the row is built
    # positionally, in column order (keyword arguments cost a name lookup each): once per row.
    try:
        return models.OrderExportRow(
            cells[0] or None,  # account
            _cached_bool(cells[1]),  # is_organization
            cells[2] or None,  # company_name
            cells[3] or None,  # last_name
            cells[4] or None,  # first_name
            cells[5] or None,  # email
            cells[6] or None,  # mobile
            cells[7] or None,  # currency_code
            cells[8] or None,  # season
            cells[9] or None,  # order_id
            cells[10] or None,  # sequence
            cells[11] or None,  # item
            cells[12] or None,  # item_basis
            cells[13] or None,  # qty
            _cached_decimal(cells[14]) if cells[14] else None,  # price
            cells[15] or None,  # item_charge
            _cached_decimal(cells[16]) if cells[16] else None,  # item_charge_amount
            cells[17] or None,  # item_fee
            _cached_decimal(cells[18]) if cells[18] else None,  # item_fee_amount
            cells[19] or None,  # item_discount
            _cached_decimal(cells[20]) if cells[20] else None,  # item_discount_amount
            cells[21] or None,  # item_surcharge
            _cached_decimal(cells[22]) if cells[22] else None,  # item_surcharge_amount
            _cached_decimal(cells[23]) if cells[23] else None,  # extended_price
            cells[24] or None,  # event
            int(cells[25]) if cells[25] else None,  # price_level
            cells[26] or None,  # price_type
            cells[27] or None,  # level
            cells[28] or None,  # section
            cells[29] or None,  # row
            cells[30] or None,  # seat
            cells[31] or None,  # barcode
            cells[32] or None,  # renewable
            _cached_decimal(cells[33]) if cells[33] else None,  # item_balance
            _cached_date(cells[34]) if cells[34] else None,  # item_date
            cells[35] or None,  # mark
            cells[36] or None,  # disposition
            cells[37] or None,  # special_handling
            cells[38] or None,  # item_group
            cells[39] or None,  # priority
            cells[40] or None,  # bill_plan
            cells[41] or None,  # price_type_name
            int(cells[42]) if cells[42] else None,  # item_quantity
            cells[43] or None,  # ticket_id
        )
    except (ValueError, InvalidOperation):
        # Find the culprit only now: naming the column costs a second pass, paid on bad lines only.
        for column, parser, cell in zip(COLUMNS, _PARSERS, cells, strict=True):
            try:
                parser(cell)
            except (ValueError, InvalidOperation):
                raise ExportRowError(
                    f"line {line_number}: column {column}: cannot read {cell!r}",
                    line_number=line_number,
                    column=column,
                ) from None
        raise


def iter_lines(chunks: Iterator[bytes]) -> Iterator[bytes]:
    """The lines of a gzip (or already decompressed) byte stream, without their line ends.

    CRLF, LF and CR all end a line, so memory stays constant whatever the file uses; a line longer than
    MAX_EXPORT_LINE is an `ExportRowError` (a file that never ends a line cannot fill memory). The
    work per byte is constant: a line's pieces are joined once, when it ends.
    """
    parts: list[bytes] = []  # the pieces of the line not ended yet
    held = 0
    line_number = 0
    after_cr = False  # the previous piece ended with CR: a LF starting this one belongs to it
    for piece in _gunzipped(_gunzipped(chunks)):
        if after_cr and piece[:1] == b"\n":
            piece = piece[1:]
        if not piece:
            continue
        after_cr = piece[-1:] == b"\r"
        # bytes.splitlines ends lines at CRLF, LF and CR alike (and at nothing else), in one pass.
        lines = piece.splitlines()
        unfinished = b"" if after_cr or piece[-1:] == b"\n" else lines.pop()
        if not lines:  # no line ends in this piece
            held += len(piece)
            if held > MAX_EXPORT_LINE:
                raise _line_too_long(line_number + 1)
            parts.append(piece)
            continue
        if parts:
            parts.append(lines[0])
            lines[0] = b"".join(parts)
            parts, held = [], 0
        for line in lines:
            line_number += 1
            if len(line) > MAX_EXPORT_LINE:
                raise _line_too_long(line_number)
            yield line
        if unfinished:
            parts, held = [unfinished], len(unfinished)
    if parts:
        yield b"".join(parts)


def _line_too_long(line_number: int) -> ExportRowError:
    return ExportRowError(
        f"line {line_number}: longer than {MAX_EXPORT_LINE} bytes (not an export row)",
        line_number=line_number,
        column=None,
    )


def _gunzipped(chunks: Iterator[bytes]) -> Iterator[bytes]:
    """`chunks` decompressed when they start with the gzip magic (even split across chunks), else as is.

    Each step gives at most GUNZIP_PIECE bytes, so a small compressed chunk cannot expand in memory at
    once. Applied twice, a gzip file sent with `Content-Encoding: gzip` on top is read too.
    """
    import zlib  # here, not with the package: only an export needs it

    head = b""
    for chunk in chunks:
        head += chunk
        if len(head) >= 2:
            break
    if head[:2] != b"\x1f\x8b":
        if head:
            yield head
        yield from chunks
        return
    decompressor = zlib.decompressobj(wbits=31)
    try:
        for data in itertools.chain((head,), chunks):
            while data:
                if decompressor.eof:  # another gzip member follows
                    decompressor = zlib.decompressobj(wbits=31)
                piece = decompressor.decompress(data, GUNZIP_PIECE)
                data = (
                    decompressor.unused_data if decompressor.eof else decompressor.unconsumed_tail
                )
                if piece:
                    yield piece
    except zlib.error as exc:
        raise ExportRowError(
            f"the export file is not a readable gzip stream ({exc})", line_number=0, column=None
        ) from None
    if not decompressor.eof:
        raise ExportRowError(
            "the export file ends before its gzip stream does (truncated download)",
            line_number=0,
            column=None,
        )


class BatchExport:
    """The batch export workflow, mixed into `client.batch`."""

    _client: PaciolanClient

    def wait(
        self,
        job: models.BatchJob | str,
        *,
        timeout: float = 600.0,
        poll_interval: float = 2.0,
        max_poll_interval: float = 30.0,
    ) -> models.BatchStatus:
        """Poll the job's status until it is `COMPLETED`; return that status (with the download URL).

        Raises `BatchJobFailed` when the job ends in `ERROR`, and `BatchJobTimeout` when it is not
        done after `timeout` seconds of wall-clock time. The pause between polls starts at
        `poll_interval` and grows by half each time, up to `max_poll_interval`.
        """
        batch_id = job if isinstance(job, str) else job.batch_id
        if not batch_id:
            raise ArgumentError("batch.wait: the job has no batch id")
        deadline = time.monotonic() + timeout
        pause = poll_interval
        status: models.BatchStatus | None = None
        while True:
            status = self._client.batch.get_status(batch_id=batch_id)
            if status.status == models.BatchJobStatus.COMPLETED:
                return status
            if status.status == models.BatchJobStatus.ERROR:
                raise BatchJobFailed(
                    f"batch job {batch_id} failed", batch_id=batch_id, status=status
                )
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise BatchJobTimeout(
                    f"batch job {batch_id} not done after {timeout:g}s "
                    f"(last status: {status.status!r})",
                    batch_id=batch_id,
                    last_status=status,
                )
            time.sleep(min(pause, remaining))
            pause = min(pause * 1.5, max_poll_interval)

    def download(self, source: models.BatchStatus | str, path: str | PathLike[str]) -> int:
        """Save the export file (still gzip-compressed) to `path`, atomically; return its size in bytes."""
        from ._files import save_atomically  # loaded with the first download, not the package

        url = _download_url(source)
        with self._client._stream("batch.download", url) as chunks:
            return save_atomically(chunks, path)

    def iter_order_rows(self, source: models.BatchStatus | str) -> Iterator[models.OrderExportRow]:
        """Download the export file and give its rows one at a time, typed, in constant memory.

        A line that cannot be read raises `ExportRowError` naming its line number; the rows before it
        have already been given.
        """
        url = _download_url(source)
        with self._client._stream("batch.iter_order_rows", url) as chunks:
            for line_number, line in enumerate(iter_lines(chunks), start=1):
                if not line or (line_number == 1 and line == _HEADER):
                    continue
                yield parse_row(line, line_number)


def _download_url(source: models.BatchStatus | str) -> str:
    if isinstance(source, str):
        return source
    url = source.download_url
    if not isinstance(url, str) or not url:
        raise ArgumentError(
            "the batch status has no download URL yet: wait for the job to be COMPLETED"
        )
    return url
