"""A call ends by its total deadline, whatever the server does: dripping headers or body, slow retries.
Downloads and export streams honour the client's timeouts (`with_options` included) with an idle timeout."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from oneticket import Timeout as OneTicketTimeout
from oneticket import errors as oneticket_errors
from paciolan import Timeout, errors
from tests.conftest import oneticket_at, paciolan_at, sample
from tests.hostile.server import Connection, Request, each_request, serving

SYSINFO = sample("paciolan", "util.sysinfo")
MARGIN = 1.0


def _drip_body(connection: Connection, request: Request) -> None:
    """Headers at once, then the body one byte per 0.5 s (each read is well within the read timeout)."""
    connection.send(
        f"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
        f"Content-Length: {len(SYSINFO)}\r\n\r\n".encode()
    )
    connection.drip(SYSINFO, 0.5)


def _drip_headers(connection: Connection, request: Request) -> None:
    connection.drip(b"HTTP/1.1 200 OK\r\n" + b"X-Slow: " + b"a" * 1000 + b"\r\n\r\n{}", 0.5)


def _timed(call: object) -> float:
    started = time.monotonic()
    call()  # type: ignore[operator]
    return time.monotonic() - started


def test_a_dripping_body_ends_in_a_timeout_within_the_total_deadline() -> None:
    timeout = Timeout(connect=1.0, read=1.0, total=2.0)
    with serving(each_request(_drip_body)) as server, paciolan_at(server.url) as client:

        def call() -> None:
            with pytest.raises(errors.ApiTimeoutError):
                client.with_options(timeout=timeout).util.sysinfo()

        assert _timed(call) < timeout.total + MARGIN


def test_dripping_headers_end_in_a_timeout_within_the_total_deadline() -> None:
    with serving(each_request(_drip_headers)) as server, paciolan_at(server.url) as client:

        def call() -> None:
            with pytest.raises(errors.ApiTimeoutError):
                client.with_options(timeout=Timeout(1.0, 1.0, 2.0)).util.sysinfo()

        assert _timed(call) < 2.0 + MARGIN


def test_a_number_timeout_is_also_the_total_deadline() -> None:
    with serving(each_request(_drip_body)) as server, paciolan_at(server.url, timeout=2) as client:

        def call() -> None:
            with pytest.raises(errors.ApiTimeoutError):
                client.util.sysinfo()

        assert _timed(call) < 2.0 + MARGIN


def test_timeout_keeps_connect_and_read_as_its_first_two_positions() -> None:
    assert Timeout(1.0, 2.0) == Timeout(connect=1.0, read=2.0)
    assert Timeout(1.0, 2.0).total == Timeout().total


def test_retries_stop_at_the_total_deadline() -> None:
    def unavailable(connection: Connection, request: Request) -> None:
        connection.answer(503, b"{}", {"Retry-After": "1"})

    with (
        serving(each_request(unavailable)) as server,
        paciolan_at(server.url, max_retries=10, timeout=Timeout(1.0, 1.0, 2.5)) as client,
    ):

        def call() -> None:
            with pytest.raises(errors.ServerError):
                client.util.sysinfo()

        assert _timed(call) < 2.5 + MARGIN
        assert len(server.requests) <= 3


def _drip_file(connection: Connection, request: Request) -> None:
    connection.send(b"HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n")
    connection.drip(b"0" * 100, 0.3)


def test_download_pdf_honours_with_options_timeout(tmp_path: Path) -> None:
    timeout = OneTicketTimeout(connect=1.0, read=1.0, total=30.0)
    with serving(each_request(_drip_file)) as server, oneticket_at(server.url) as client:

        def call() -> None:
            with pytest.raises(oneticket_errors.ApiTimeoutError):
                client.with_options(timeout=timeout).purchases.download_pdf(
                    f"{server.url}/x.pdf", tmp_path / "x.pdf"
                )

        # The idle timeout: a 64 KiB piece does not arrive within `read`.
        assert _timed(call) < timeout.read + MARGIN


def test_batch_download_honours_with_options_timeout(tmp_path: Path) -> None:
    with serving(each_request(_drip_file)) as server, paciolan_at(server.url) as client:

        def call() -> None:
            with pytest.raises(errors.ApiTimeoutError):
                client.with_options(timeout=Timeout(1.0, 1.0, 30.0)).batch.download(
                    f"{server.url}/export.gz", tmp_path / "export.gz"
                )

        assert _timed(call) < 1.0 + MARGIN


def test_iter_order_rows_honours_with_options_timeout() -> None:
    with serving(each_request(_drip_file)) as server, paciolan_at(server.url) as client:

        def call() -> None:
            with pytest.raises(errors.ApiTimeoutError):
                list(
                    client.with_options(timeout=Timeout(1.0, 1.0, 30.0)).batch.iter_order_rows(
                        f"{server.url}/export.gz"
                    )
                )

        assert _timed(call) < 1.0 + MARGIN


def test_a_download_whose_headers_drip_ends_by_the_total_deadline(tmp_path: Path) -> None:
    with serving(each_request(_drip_headers)) as server, oneticket_at(server.url) as client:

        def call() -> None:
            with pytest.raises(oneticket_errors.ApiTimeoutError):
                client.with_options(timeout=OneTicketTimeout(1.0, 1.0, 2.0)).purchases.download_pdf(
                    f"{server.url}/x.pdf", tmp_path / "x.pdf"
                )

        assert _timed(call) < 2.0 + MARGIN


def test_a_stalled_answer_after_a_good_one_does_not_reuse_its_deadline() -> None:
    """Each call has its own deadline: two calls of 0.8 s each pass under a 1.5 s total."""
    answer = json.dumps(json.loads(SYSINFO)).encode()

    def slow(connection: Connection, request: Request) -> None:
        time.sleep(0.8)
        connection.answer(200, answer, {"Content-Type": "application/json"})

    with (
        serving(each_request(slow)) as server,
        paciolan_at(server.url, timeout=Timeout(1.0, 1.5, 1.5)) as client,
    ):
        client.util.sysinfo()
        client.util.sysinfo()


def test_a_download_error_body_that_drips_ends_by_the_total_deadline(tmp_path: Path) -> None:
    def drip_error(connection: Connection, request: Request) -> None:
        connection.send(b"HTTP/1.1 404 Not Found\r\nContent-Length: 1000\r\n\r\n")
        connection.drip(b"x" * 1000, 0.3)

    with serving(each_request(drip_error)) as server, oneticket_at(server.url) as client:

        def call() -> None:
            with pytest.raises(oneticket_errors.ApiTimeoutError):
                client.with_options(timeout=OneTicketTimeout(1.0, 1.0, 2.0)).purchases.download_pdf(
                    f"{server.url}/x.pdf", tmp_path / "x.pdf"
                )

        assert _timed(call) < 2.0 + MARGIN
