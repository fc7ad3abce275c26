# Generated from endpoints.yaml (sha256 3750acddfbb35d332c19e57261e2fb4db0cd75297ec40220e5e2d195ab230ba7) by `ticketing-codegen generate`. Do not edit.
"""Reading a response body within a limit, counted on decompressed bytes while reading.

A 3.5 KB body compressed twice can expand to gigabytes, and a chunked body may never end: the body is read
in pieces, decompressed with a bounded output per step, and reading stops as soon as the limit is passed.
Only `identity` and one `gzip` are accepted as `Content-Encoding` (the client asks for gzip only);
stacked or unknown encodings are refused rather than guessed at.
"""

from __future__ import annotations

import zlib
from typing import Any, NamedTuple

from ._constants import READ_PIECE

_GZIP = frozenset({"gzip", "x-gzip"})


class BodyTooLarge(Exception):
    """The body passed the limit (decompressed); the connection must not be reused."""


class UnreadableBody(Exception):
    """The body cannot be decoded as its headers say (an unknown encoding, a broken gzip stream)."""


class Body(NamedTuple):
    data: bytes
    complete: (
        bool  # False: cut at the limit, the rest left unread (the connection cannot be reused)
    )


def read_body(response: Any, limit: int, *, cut: bool = False) -> Body:
    """The decoded body of a urllib3 response opened with `preload_content=False`.

    Past `limit` decompressed bytes: `BodyTooLarge`, or with `cut`, the first `limit` bytes (an error
    body is kept only in part).
    """
    headers = response.headers
    # `in` first: urllib3's `get` of an absent header raises and catches KeyError, the common case.
    sent = headers["Content-Encoding"] if "Content-Encoding" in headers else ""  # noqa: SIM401
    encoding = sent.strip().lower()
    if not encoding or encoding == "identity":
        length = response.length_remaining
        if length is not None and length <= limit:
            # The common case: a Content-Length within the limit, read at once.
            return Body(response.read(decode_content=False), True)
        if length is not None and not cut:
            raise BodyTooLarge  # announced larger than the limit: not a byte of it is read
        return _read_plain(response, limit, cut)
    if encoding in _GZIP:
        return _read_gzip(response, limit, cut)
    raise UnreadableBody(
        f"the response's Content-Encoding {sent[:100]!r} is not supported (only one gzip)"
    )


class _Pieces:
    """The body's pieces as they are read: past `limit` bytes, `BodyTooLarge` or (with `cut`) the end."""

    __slots__ = ("cut", "limit", "parts", "size")

    def __init__(self, limit: int, cut: bool) -> None:
        self.limit = limit
        self.cut = cut
        self.parts: list[bytes] = []
        self.size = 0

    def add(self, piece: bytes) -> Body | None:
        """Keep `piece`; the body cut at the limit once it is passed (None: go on reading)."""
        self.size += len(piece)
        if self.size > self.limit:
            if not self.cut:
                raise BodyTooLarge
            self.parts.append(piece[: len(piece) - (self.size - self.limit)])
            return Body(b"".join(self.parts), False)
        self.parts.append(piece)
        return None

    def whole(self) -> Body:
        return Body(b"".join(self.parts), True)


def _read_plain(response: Any, limit: int, cut: bool) -> Body:
    pieces = _Pieces(limit, cut)
    while True:
        piece = response.read(READ_PIECE, decode_content=False)
        if not piece:
            return pieces.whole()
        if (ended := pieces.add(piece)) is not None:
            return ended


def _read_gzip(response: Any, limit: int, cut: bool) -> Body:
    decompressor = zlib.decompressobj(wbits=31)
    pieces = _Pieces(limit, cut)
    fed = False
    try:
        while True:
            data = response.read(READ_PIECE, decode_content=False)
            if not data:
                break
            fed = True
            while data:
                if decompressor.eof:
                    # Another gzip member follows (concatenated members are one valid gzip stream).
                    decompressor = zlib.decompressobj(wbits=31)
                # At most one byte past the limit per step: a bomb never expands further than that.
                piece = decompressor.decompress(data, limit - pieces.size + 1)
                if (ended := pieces.add(piece)) is not None:
                    return ended
                data = (
                    decompressor.unused_data if decompressor.eof else decompressor.unconsumed_tail
                )
    except zlib.error as exc:
        raise UnreadableBody(f"the response says gzip but is not a gzip stream ({exc})") from None
    if fed and not decompressor.eof:
        raise UnreadableBody("the response's gzip stream ends early (truncated)")
    return pieces.whole()
