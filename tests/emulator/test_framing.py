"""How a request's body is framed: one Content-Length or chunked, within the emulator's limit, or refused.

Raw sockets: every request here is one a careful client would never send.
"""

from __future__ import annotations

import contextlib
import http.client
import socket
import threading
import tracemalloc
from urllib.parse import urlsplit

import pytest

from tests.local_server import PACIOLAN_HEADERS, RawReply, exchange, raw_request
from ticketing_emulator import Emulator, Limits, framing, running

SMALL = Limits(max_request_body_bytes=1024)


def _echo_request(emulator: Emulator, framing: list[str], body: bytes = b"") -> bytes:
    """A POST to Paciolan's echo with the given framing headers (and body bytes as they are)."""
    path = urlsplit(emulator.servers("paciolan")["default"]).path + "/util/echo"
    return raw_request("POST", path, framing, body, Content_Type="application/json")


def _send(emulator: Emulator, framing: list[str], body: bytes = b"") -> RawReply:
    return exchange(emulator.port, _echo_request(emulator, framing, body))


def _message(reply: RawReply) -> str:
    message: str = reply.json()["message"]
    return message


def test_a_valid_content_length_body_is_echoed(emulator: Emulator) -> None:
    reply = _send(emulator, ["Content-Length: 8"], b'{"a": 1}')

    assert (reply.status, reply.body) == (200, b'{"a": 1}')


def test_a_valid_chunked_body_with_an_extension_and_a_trailer_is_echoed(
    emulator: Emulator,
) -> None:
    chunks = b'3;note=x\r\n{"a\r\n5\r\n": 1}\r\n0\r\nX-Trailer: y\r\n\r\n'

    reply = _send(emulator, ["Transfer-Encoding: chunked"], chunks)

    assert (reply.status, reply.body) == (200, b'{"a": 1}')


def test_a_huge_content_length_is_413_without_reading_or_allocating(emulator: Emulator) -> None:
    reply = _send(emulator, ["Content-Length: 99999999999"])

    assert reply.status == 413
    assert "99999999999" in _message(reply)
    assert reply.header("Connection") == "close"


def test_a_declared_length_over_the_limit_allocates_nothing(emulator: Emulator) -> None:
    tracemalloc.start()
    try:
        reply = exchange(emulator.port, _echo_request(emulator, ["Content-Length: 200000000"]))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert reply.status == 413
    assert peak < 1_000_000


def test_a_client_sending_a_body_over_the_limit_reads_the_413() -> None:
    body = b"x" * (
        20 * 1024 * 1024
    )  # more than the socket buffers hold: it must be read to be sent
    with running(limits=SMALL) as emulator:
        connection = http.client.HTTPConnection("127.0.0.1", emulator.port, timeout=5)
        try:
            connection.request("POST", "/paciolan/pdi/v1/util/echo", body, PACIOLAN_HEADERS)
            status = connection.getresponse().status
        finally:
            connection.close()

    assert status == 413


def test_a_content_length_over_the_limit_is_refused_before_the_body_is_sent() -> None:
    with running(limits=SMALL) as emulator:
        # Only the headers are sent: the answer comes without waiting for a body.
        reply = _send(emulator, ["Content-Length: 1025"])

    assert reply.status == 413
    assert "1024 bytes" in _message(reply)


def test_a_body_over_the_limit_is_not_asked_for_with_100_continue() -> None:
    with (
        running(limits=SMALL) as emulator,
        socket.create_connection(("127.0.0.1", emulator.port), timeout=5) as connection,
    ):
        connection.sendall(
            _echo_request(emulator, ["Expect: 100-continue", "Content-Length: 1025"])
        )
        first = connection.recv(1024)

    assert first.startswith(b"HTTP/1.1 413 ")


def test_a_body_within_the_limit_is_asked_for_with_100_continue() -> None:
    with (
        running(limits=SMALL) as emulator,
        socket.create_connection(("127.0.0.1", emulator.port), timeout=5) as connection,
    ):
        connection.sendall(_echo_request(emulator, ["Expect: 100-continue", "Content-Length: 8"]))
        interim = connection.recv(1024)
        connection.sendall(b'{"a": 1}')
        final = connection.recv(65536)

    assert interim.startswith(b"HTTP/1.1 100 ")
    assert final.startswith(b"HTTP/1.1 200 ")


def test_a_body_at_the_limit_is_read() -> None:
    body = b'{"a": "' + b"x" * (1024 - 9) + b'"}'
    with running(limits=SMALL) as emulator:
        reply = _send(emulator, ["Content-Length: 1024"], body)

    assert (reply.status, reply.body) == (200, body)


def test_a_content_length_of_thousands_of_digits_is_413(emulator: Emulator) -> None:
    reply = _send(emulator, ["Content-Length: " + "9" * 5000])

    assert reply.status == 413


@pytest.mark.parametrize("length", ["²", "٣", "+8", "0x8", "8, 8", "-8", ""])
def test_a_content_length_that_is_not_ascii_digits_is_400(emulator: Emulator, length: str) -> None:
    reply = _send(emulator, [f"Content-Length: {length}"], b'{"a": 1}')

    assert reply.status == 400
    assert "Content-Length" in _message(reply)


def test_two_content_length_headers_are_400(emulator: Emulator) -> None:
    reply = _send(emulator, ["Content-Length: 8", "Content-Length: 8"], b'{"a": 1}')

    assert reply.status == 400
    assert "Content-Length" in _message(reply)


def test_content_length_with_chunked_transfer_encoding_is_400(emulator: Emulator) -> None:
    framing = ["Content-Length: 8", "Transfer-Encoding: chunked"]

    reply = _send(emulator, framing, b'8\r\n{"a": 1}\r\n0\r\n\r\n')

    assert reply.status == 400
    assert "Transfer-Encoding" in _message(reply)


@pytest.mark.parametrize("encoding", ["gzip, chunked", "identity", "chunked, gzip"])
def test_a_transfer_encoding_other_than_chunked_is_400(emulator: Emulator, encoding: str) -> None:
    reply = _send(emulator, [f"Transfer-Encoding: {encoding}"], b"0\r\n\r\n")

    assert reply.status == 400
    assert "Transfer-Encoding" in _message(reply)


def test_a_huge_chunk_size_is_413_without_allocating(emulator: Emulator) -> None:
    reply = _send(emulator, ["Transfer-Encoding: chunked"], b"ffffffffffff\r\n")

    assert reply.status == 413


def test_chunks_that_add_up_past_the_limit_are_413() -> None:
    chunk = b"200\r\n" + b" " * 0x200 + b"\r\n"  # 512 bytes: the third one passes 1024
    with running(limits=SMALL) as emulator:
        reply = _send(emulator, ["Transfer-Encoding: chunked"], chunk * 3 + b"0\r\n\r\n")

    assert reply.status == 413


def test_a_negative_chunk_size_is_400(emulator: Emulator) -> None:
    reply = _send(emulator, ["Transfer-Encoding: chunked"], b"-5\r\nhello\r\n0\r\n\r\n")

    assert reply.status == 400
    assert "chunk size" in _message(reply)


@pytest.mark.parametrize("size", [b"0x8", b"+8", b"8_0", b" 8", b"zz", b"", b"\xc2\xb2"])
def test_a_chunk_size_that_is_not_hex_digits_is_400(emulator: Emulator, size: bytes) -> None:
    reply = _send(emulator, ["Transfer-Encoding: chunked"], size + b'\r\n{"a": 1}\r\n0\r\n\r\n')

    assert reply.status == 400
    assert "chunk size" in _message(reply)


def test_chunk_data_not_followed_by_crlf_is_400(emulator: Emulator) -> None:
    reply = _send(emulator, ["Transfer-Encoding: chunked"], b'3\r\n{"a": 1}\r\n0\r\n\r\n')

    assert reply.status == 400


def test_a_chunk_size_line_without_end_is_400(emulator: Emulator) -> None:
    reply = _send(emulator, ["Transfer-Encoding: chunked"], b"8" + b";x" * 4096)

    assert reply.status == 400


def test_more_chunks_than_the_limit_are_400(
    emulator: Emulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(framing, "MAX_CHUNKS", 10)

    reply = _send(emulator, ["Transfer-Encoding: chunked"], b"1\r\n \r\n" * 11 + b"0\r\n\r\n")

    assert reply.status == 400
    assert "more than 10 chunks" in _message(reply)


def test_chunks_up_to_the_limit_are_read(
    emulator: Emulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(framing, "MAX_CHUNKS", 8)
    chunks = b"".join(b"1\r\n%c\r\n" % byte for byte in b'{"a": 1}')  # 8 chunks of one byte

    reply = _send(emulator, ["Transfer-Encoding: chunked"], chunks + b"0\r\n\r\n")

    assert (reply.status, reply.body) == (200, b'{"a": 1}')


def test_endless_trailers_are_400(emulator: Emulator) -> None:
    trailers = b"".join(b"X-T%d: y\r\n" % n for n in range(1000))

    reply = _send(emulator, ["Transfer-Encoding: chunked"], b"0\r\n" + trailers + b"\r\n")

    assert reply.status == 400


def test_request_headers_over_the_limit_are_431() -> None:
    with running(limits=Limits(max_request_head_bytes=4096)) as emulator:
        reply = _send(
            emulator, ["Content-Length: 2", *(f"X-Pad-{n}: {'p' * 200}" for n in range(30))], b"{}"
        )

    assert reply.status == 431


def test_a_flood_of_long_header_lines_is_not_kept_in_memory(emulator: Emulator) -> None:
    # 100 header lines of 60 KB each: http.server's own limits (100 lines of 64 KB) let them all in.
    flood = _echo_request(emulator, [f"X-Pad-{n}: {'p' * 60_000}" for n in range(100)])

    def send_flood() -> None:
        with (
            contextlib.suppress(OSError),
            socket.create_connection(("127.0.0.1", emulator.port), timeout=5) as connection,
        ):
            connection.sendall(flood)
            connection.recv(1024)

    tracemalloc.start()
    try:
        sender = threading.Thread(target=send_flood)
        sender.start()
        sender.join(timeout=5)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert not sender.is_alive()
    assert peak < 1_000_000  # the flood is 6 MB; the head limit is 32 KB


def test_the_connection_is_closed_after_a_framing_error(emulator: Emulator) -> None:
    request = _echo_request(emulator, ["Content-Length: 8", "Content-Length: 8"], b'{"a": 1}')
    with socket.create_connection(("127.0.0.1", emulator.port), timeout=5) as connection:
        connection.sendall(request)
        received = b""
        while chunk := connection.recv(65536):  # ends when the emulator closes the connection
            received += chunk

    assert received.startswith(b"HTTP/1.1 400 ")
    assert b"\r\nConnection: close\r\n" in received


def test_a_refused_body_is_listed_as_a_problem(emulator: Emulator) -> None:
    _send(emulator, ["Content-Length: 99999999999"])

    (problem,) = emulator.problems
    assert "Content-Length" in problem


def test_a_folded_header_line_is_400(emulator: Emulator) -> None:
    # An obsolete line fold; echoed back as Request-ID, it would have become a second header line.
    reply = _send(emulator, ["Request-ID: abc", "\tX-Injected: 1", "Content-Length: 2"], b"{}")

    assert reply.status == 400
    assert reply.header("X-Injected") is None
    assert "fold" in _message(reply)
