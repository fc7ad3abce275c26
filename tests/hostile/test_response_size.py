"""A response can take only `max_response_bytes` (counted decompressed, while reading): bombs, floods and
endless bodies stop early, in little memory, with a `ResponseTooLargeError` naming the limit."""

from __future__ import annotations

import os
import time
import tracemalloc
from pathlib import Path

import pytest

from oneticket import errors as oneticket_errors
from paciolan import ResponseTooLargeError, Timeout, errors
from tests.conftest import oneticket_at, paciolan_at
from tests.hostile.bodies import MIB, endless_chunks, gzip_bomb
from tests.hostile.server import Connection, Request, answering, each_request, serving

JSON = {"Content-Type": "application/json"}
GZIP = {"Content-Type": "application/json", "Content-Encoding": "gzip"}
BOMB = gzip_bomb(64 * MIB)


def _peak_memory_of(call: object) -> int:
    tracemalloc.start()
    try:
        call()  # type: ignore[operator]
    finally:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    return peak


def test_the_default_limit_is_64_mib() -> None:
    from paciolan._constants import MAX_RESPONSE_BYTES

    assert MAX_RESPONSE_BYTES == 64 * MIB


def test_a_gzip_bomb_stops_at_the_limit_in_little_memory() -> None:
    with (
        serving(answering(200, BOMB, GZIP)) as server,
        paciolan_at(server.url, max_response_bytes=MIB) as client,
    ):
        caught: list[BaseException] = []

        def call() -> None:
            try:
                client.util.sysinfo()
            except errors.ApiError as exc:
                caught.append(exc)

        peak = _peak_memory_of(call)

    assert isinstance(caught[0], ResponseTooLargeError)
    assert caught[0].limit == MIB
    assert "max_response_bytes" in str(caught[0]) and str(MIB) in str(caught[0])
    assert peak < 8 * MIB


def test_the_limit_is_counted_on_decompressed_bytes() -> None:
    body = gzip_bomb(2 * MIB)  # 2 KiB on the wire
    with (
        serving(answering(200, body, GZIP)) as server,
        paciolan_at(server.url, max_response_bytes=MIB) as client,
        pytest.raises(ResponseTooLargeError),
    ):
        client.util.sysinfo()


def test_stacked_content_encodings_are_refused() -> None:
    import gzip

    body = gzip.compress(gzip.compress(b'{"serverName": "x"}'))
    headers = {"Content-Type": "application/json", "Content-Encoding": "gzip, gzip"}
    with (
        serving(answering(200, body, headers)) as server,
        paciolan_at(server.url) as client,
        pytest.raises(errors.DecodeError, match="Content-Encoding"),
    ):
        client.util.sysinfo()


def test_an_unknown_content_encoding_is_refused() -> None:
    headers = {"Content-Type": "application/json", "Content-Encoding": "br"}
    with (
        serving(answering(200, b"\x0b\x02\x80{}\x03", headers)) as server,
        paciolan_at(server.url) as client,
        pytest.raises(errors.DecodeError, match="Content-Encoding"),
    ):
        client.util.sysinfo()


def test_an_error_body_is_read_only_to_the_error_cap_in_little_memory() -> None:
    from paciolan._constants import MAX_ERROR_BODY

    with serving(answering(500, BOMB, GZIP)) as server, paciolan_at(server.url) as client:
        caught: list[errors.ServerError] = []

        def call() -> None:
            try:
                client.util.sysinfo()
            except errors.ServerError as exc:
                caught.append(exc)

        peak = _peak_memory_of(call)

    assert len(caught[0].body) == MAX_ERROR_BODY
    assert peak < 8 * MIB


def test_a_never_ending_chunked_body_ends_in_response_too_large() -> None:
    with (
        serving(each_request(lambda c, r: endless_chunks(c))) as server,
        paciolan_at(server.url, max_response_bytes=MIB) as client,
        pytest.raises(ResponseTooLargeError),
    ):
        client.util.sysinfo()


def test_a_response_too_large_is_an_api_error_of_each_package() -> None:
    assert issubclass(ResponseTooLargeError, errors.ApiError)
    assert issubclass(oneticket_errors.ResponseTooLargeError, oneticket_errors.ApiError)


def test_a_decode_error_keeps_only_a_bounded_part_of_the_body() -> None:
    from paciolan._constants import MAX_ERROR_BODY

    body = b"[" + b"1," * (4 * MIB) + b"x]"
    with (
        serving(answering(200, body, JSON)) as server,
        paciolan_at(server.url) as client,
        pytest.raises(errors.DecodeError) as caught,
    ):
        client.util.sysinfo()

    assert len(caught.value.body) <= MAX_ERROR_BODY


def _pdf_flood(connection: Connection, request: Request) -> None:
    connection.answer(200, b"%PDF" + b"0" * (3 * MIB), {"Content-Type": "application/pdf"})


def test_a_download_is_capped_by_its_own_setting_and_leaves_no_file(tmp_path: Path) -> None:
    target = tmp_path / "ticket.pdf"
    with (
        serving(each_request(_pdf_flood)) as server,
        oneticket_at(server.url, max_download_bytes=MIB) as client,
        pytest.raises(oneticket_errors.ResponseTooLargeError, match="max_download_bytes"),
    ):
        client.purchases.download_pdf(f"{server.url}/x.pdf", target)

    assert os.listdir(tmp_path) == []


def test_a_download_is_not_capped_by_max_response_bytes(tmp_path: Path) -> None:
    target = tmp_path / "ticket.pdf"
    with (
        serving(each_request(_pdf_flood)) as server,
        oneticket_at(server.url, max_response_bytes=MIB) as client,
    ):
        size = client.purchases.download_pdf(f"{server.url}/x.pdf", target)

    assert size == target.stat().st_size == 3 * MIB + 4


def _announce_huge(connection: Connection, request: Request) -> None:
    # Announces 93 GB, then sends nothing: waiting for it would end in a timeout, not the size error.
    connection.send(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n")
    connection.send(b"Content-Length: 99999999999\r\n\r\n")
    time.sleep(3)


def test_an_announced_length_over_the_limit_is_refused_without_reading() -> None:
    with (
        serving(each_request(_announce_huge)) as server,
        paciolan_at(server.url, timeout=Timeout(2.0, 2.0, 2.0)) as client,
    ):
        started = time.monotonic()
        with pytest.raises(ResponseTooLargeError):
            client.util.sysinfo()

        assert time.monotonic() - started < 1.0


def test_a_download_announced_over_its_limit_is_refused_before_writing(tmp_path: Path) -> None:
    with (
        serving(each_request(_announce_huge)) as server,
        oneticket_at(server.url, max_download_bytes=MIB) as client,
        pytest.raises(oneticket_errors.ResponseTooLargeError),
    ):
        client.purchases.download_pdf(f"{server.url}/x.pdf", tmp_path / "x.pdf")

    assert os.listdir(tmp_path) == []
