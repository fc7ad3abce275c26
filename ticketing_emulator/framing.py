"""How a request is delimited on the wire, read within the emulator's limits or refused unread.

A request target is a path (origin-form, `/path?query`); the headers are read within a byte budget; a body
is framed by one Content-Length (ASCII digits) or by chunks, never both, and its size is checked against
the limit before any of it is read. Anything else raises `UnreadableRequest`, whose status says why: 400
malformed, 408 stalled, 413 too large (the head's 431 comes from http.server, through `HeadReader`).
"""

from __future__ import annotations

import http.client
import re
from email.message import Message
from io import BufferedIOBase
from typing import Any

# A chunk-size line (size and extensions), and a trailer line, longer than this is malformed.
CHUNK_LINE_LIMIT = 4096
# More trailer lines than this after the last chunk are malformed.
MAX_TRAILERS = 100
# More chunks than this in one body are refused: a body of one-byte chunks costs a read per byte.
MAX_CHUNKS = 100_000

_ASCII_DIGITS = re.compile(r"[0-9]+")
_HEX_DIGITS = re.compile(rb"[0-9A-Fa-f]+")


class UnreadableRequest(Exception):
    """The request is not read: its framing is malformed (400), stalled (408) or too large (413)."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.status = status


class HeadReader:
    """The connection's reader while the headers are parsed, raising `LineTooLong` past the budget."""

    def __init__(self, reader: Any, budget: int) -> None:
        self._reader = reader
        self._budget = budget

    def readline(self, limit: int = -1) -> bytes:
        most = self._budget + 1 if limit < 0 else min(limit, self._budget + 1)
        line: bytes = self._reader.readline(max(most, 0))
        self._budget -= len(line)
        if self._budget < 0:
            raise http.client.LineTooLong("request headers: over the emulator's limit")
        return line


def origin_form(target: str) -> bool:
    """Whether a request target is a path with an optional query (`/path?query`), nothing else."""
    return target.startswith("/") and not target.startswith("//")


def check_header_lines(headers: Message) -> None:
    """Every header value is one line: RFC 9112 5.2 says reject (or unfold) an obsolete line fold;
    kept, it would go back out as a second header line in an echoed header."""
    if any("\n" in value for value in headers.values()):
        raise UnreadableRequest("a header line is folded (obsolete line folding)")


def body_length(headers: Message, limit: int) -> int | None:
    """The body's length as its one Content-Length says (0 without), None when it is chunked;
    refused when the framing is ambiguous, malformed or over the limit."""
    lengths = headers.get_all("Content-Length") or []
    encodings = headers.get_all("Transfer-Encoding") or []
    if encodings:
        # Both framings at once is how requests are smuggled past a proxy: refused.
        if lengths:
            raise UnreadableRequest("Content-Length and Transfer-Encoding: send one of them")
        if [e.strip().lower() for e in encodings] != ["chunked"]:
            raise UnreadableRequest(
                f"Transfer-Encoding {', '.join(encodings)!r}: only `chunked` is understood"
            )
        return None
    if not lengths:
        return 0
    return _content_length(lengths, limit)


def read_sized(reader: BufferedIOBase, length: int) -> bytes:
    body = reader.read(length)
    if len(body) != length:
        raise UnreadableRequest(f"the body ended after {len(body)} of {length} bytes")
    return body


def read_chunked(reader: BufferedIOBase, limit: int) -> bytes:
    # One buffer, not a list of chunks: a million one-byte chunks cost a megabyte, not 40.
    body = bytearray()
    for _ in range(MAX_CHUNKS + 1):  # the last one is the empty chunk
        line = reader.readline(CHUNK_LINE_LIMIT + 1)
        if not line.endswith(b"\n"):
            raise UnreadableRequest("a chunk size line is cut off or too long")
        text = line.split(b";", 1)[0].rstrip(b" \t\r\n")
        if not _HEX_DIGITS.fullmatch(text):
            raise UnreadableRequest(f"bad chunk size {text!r}: hex digits expected")
        size = int(text, 16)  # no digit limit in base 16; the line length bounds it
        if size == 0:
            _skip_trailers(reader)
            return bytes(body)
        if len(body) + size > limit:
            raise UnreadableRequest(
                f"chunks of more than the emulator's limit of {limit} bytes", status=413
            )
        data = reader.read(size)
        if len(data) != size:
            raise UnreadableRequest(f"a chunk ended after {len(data)} of {size} bytes")
        body += data
        if reader.readline(3) not in (b"\r\n", b"\n"):
            raise UnreadableRequest(f"a chunk of {size} bytes is not followed by CRLF")
    raise UnreadableRequest(f"more than {MAX_CHUNKS} chunks in one body")


def _skip_trailers(reader: BufferedIOBase) -> None:
    for _ in range(MAX_TRAILERS + 1):
        line = reader.readline(CHUNK_LINE_LIMIT + 1)
        if not line.endswith(b"\n"):
            raise UnreadableRequest("a trailer line is cut off or too long")
        if not line.strip():
            return
    raise UnreadableRequest(f"more than {MAX_TRAILERS} trailer lines")


def _content_length(values: list[str], limit: int) -> int:
    """The one Content-Length, in ASCII digits and within the limit; never converts a huge number."""
    if len(values) > 1:
        raise UnreadableRequest(f"{len(values)} Content-Length headers: send one")
    text = values[0].strip()
    if not _ASCII_DIGITS.fullmatch(text):
        raise UnreadableRequest(f"Content-Length {text!r} is not a number")
    digits = text.lstrip("0") or "0"
    if len(digits) > len(str(limit)) or int(digits) > limit:
        shown = digits if len(digits) <= 20 else f"{digits[:20]}... ({len(digits)} digits)"
        raise UnreadableRequest(
            f"Content-Length {shown} is over the emulator's limit of {limit} bytes", status=413
        )
    return int(digits)
