"""Export streaming: CRLF, LF or CR line ends in constant memory and linear time; a line over the cap is an
ExportRowError; gzip is recognised even when its magic bytes arrive split; `batch.download` stores the
file's own bytes."""

from __future__ import annotations

import gzip
import itertools
import time
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from paciolan._constants import MAX_EXPORT_LINE
from paciolan.batch_export import ExportRowError, iter_lines
from tests.clients.test_batch_export import ROW
from tests.conftest import paciolan_at
from tests.hostile.bodies import MIB
from tests.hostile.server import Connection, Request, each_request, serving

LINE = "\t".join(ROW).encode()


def _pieces(data: bytes, size: int) -> Iterator[bytes]:
    for start in range(0, len(data), size):
        yield data[start : start + size]


def _export(rows: int, end: bytes) -> bytes:
    return (LINE + end) * rows


@pytest.mark.parametrize("end", [b"\r\n", b"\n", b"\r"], ids=["CRLF", "LF", "CR"])
def test_every_line_end_gives_the_same_rows(end: bytes) -> None:
    data = _export(1000, end)
    lines = list(iter_lines(_pieces(data, 997)))

    assert lines == [LINE] * 1000


@pytest.mark.parametrize("end", [b"\r\n", b"\n", b"\r"], ids=["CRLF", "LF", "CR"])
def test_a_gzip_export_with_any_line_end_gives_the_same_rows(end: bytes) -> None:
    data = gzip.compress(_export(1000, end))

    assert list(iter_lines(_pieces(data, 1000))) == [LINE] * 1000


def test_a_crlf_split_across_chunks_is_one_line_end() -> None:
    data = b"a\r\nb\r\nc"
    pieces = [b"a\r", b"\nb", b"\r", b"\n", b"c"]

    assert list(iter_lines(iter(pieces))) == list(iter_lines(iter([data]))) == [b"a", b"b", b"c"]


def test_mixed_line_ends_are_each_one_line_end() -> None:
    assert list(iter_lines(iter([b"a\nb\r\nc\rd\n\re"]))) == [b"a", b"b", b"c", b"d", b"", b"e"]


@given(
    lines=st.lists(st.binary(max_size=12).filter(lambda b: b"\r" not in b and b"\n" not in b)),
    ends=st.lists(st.sampled_from([b"\r\n", b"\n", b"\r"]), min_size=1),
    cuts=st.lists(st.integers(min_value=0, max_value=200)),
)
def test_any_chunking_of_any_line_ends_gives_the_lines_of_the_whole(
    lines: list[bytes], ends: list[bytes], cuts: list[int]
) -> None:
    data = b"".join(line + ends[i % len(ends)] for i, line in enumerate(lines))
    if data[:2] == b"\x1f\x8b":  # gzip's magic: another test's case
        return
    positions = sorted({0, len(data), *(c for c in cuts if c < len(data))})
    chunks = [data[a:b] for a, b in itertools.pairwise(positions)]
    assert list(iter_lines(iter(chunks))) == data.splitlines()


def test_gzip_magic_split_across_the_first_two_chunks_is_recognised() -> None:
    data = gzip.compress(_export(3, b"\r\n"))
    pieces = [data[:1], data[1:2], data[2:]]

    assert list(iter_lines(iter(pieces))) == [LINE] * 3


def test_a_line_over_the_cap_is_an_export_row_error_naming_its_line() -> None:
    data = LINE + b"\n" + b"x" * (MAX_EXPORT_LINE + 1) + b"\n"

    lines = iter_lines(_pieces(data, 65536))
    assert next(lines) == LINE
    with pytest.raises(ExportRowError) as caught:
        next(lines)
    assert caught.value.line_number == 2


def _peak_and_time(run: object) -> tuple[int, float]:
    tracemalloc.start()
    started = time.monotonic()
    try:
        run()  # type: ignore[operator]
    finally:
        elapsed = time.monotonic() - started
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    return peak, elapsed


@pytest.mark.parametrize("end", [b"\r\n", b"\n", b"\r"], ids=["CRLF", "LF", "CR"])
def test_lines_stream_in_constant_memory_whatever_the_line_end(end: bytes) -> None:
    data = gzip.compress(_export(20_000, end))  # 5 MB of text

    def run() -> None:
        count = sum(1 for _ in iter_lines(_pieces(data, 65536)))
        assert count == 20_000

    peak, _ = _peak_and_time(run)
    assert peak < 4 * MIB


def test_a_gzip_body_without_line_ends_stops_at_the_cap_quickly_in_little_memory() -> None:
    data = gzip.compress(b"x" * (32 * MIB))

    def run() -> None:
        with pytest.raises(ExportRowError):
            for _ in iter_lines(_pieces(data, 65536)):
                pass

    peak, elapsed = _peak_and_time(run)
    assert peak < 4 * MAX_EXPORT_LINE
    assert elapsed < 2.0


def test_a_gzip_bomb_of_short_lines_streams_in_constant_memory() -> None:
    data = gzip.compress(b"\n" * MIB)

    def run() -> None:
        count = sum(1 for _ in iter_lines(_pieces(data, 65536)))
        assert count == MIB

    peak, _ = _peak_and_time(run)
    assert peak < 2 * MIB


def _served_gzip_file(data: bytes) -> object:
    def answer(connection: Connection, request: Request) -> None:
        connection.answer(
            200, data, {"Content-Type": "application/gzip", "Content-Encoding": "gzip"}
        )

    return each_request(answer)


def test_batch_download_stores_a_gzip_file_served_with_content_encoding_gzip(
    tmp_path: Path,
) -> None:
    data = gzip.compress(_export(10, b"\r\n"))
    target = tmp_path / "export.tsv.gz"
    with serving(_served_gzip_file(data)) as server, paciolan_at(server.url) as client:  # type: ignore[arg-type]
        client.batch.download(f"{server.url}/export.tsv.gz", target)

    assert target.read_bytes() == data


def test_iter_order_rows_reads_a_gzip_file_served_with_content_encoding_gzip() -> None:
    data = gzip.compress(_export(10, b"\n"))
    with serving(_served_gzip_file(data)) as server, paciolan_at(server.url) as client:  # type: ignore[arg-type]
        rows = list(client.batch.iter_order_rows(f"{server.url}/export.tsv.gz"))

    assert len(rows) == 10
