# Generated from endpoints.yaml (sha256 3750acddfbb35d332c19e57261e2fb4db0cd75297ec40220e5e2d195ab230ba7) by `ticketing-codegen generate`. Do not edit.
"""The connections under the pool: each answer read is the final answer to its own request, read in time.

urllib3 takes the first status line it reads as the answer. An interim `102 Processing` or `103 Early
Hints` would then be returned as the answer, and the real one left on the pooled connection for the next
call, which would receive another call's answer. Here interim answers are read and skipped (a bounded
number of them), and a `101 Switching Protocols` nobody asked for ends the connection.

Every socket read also honours the attempt's deadline (`read_deadline`): urllib3's read timeout applies to
each read, so a server sending one byte per second would otherwise keep a call waiting forever.

This module imports urllib3 and is itself imported only with the first request.
"""

from __future__ import annotations

import http.client
import io
import socket
import time
from contextvars import ContextVar
from typing import Any

from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

from ._constants import MAX_HEADER_LINES, MAX_INTERIM_ANSWERS

# The `time.monotonic()` by which every socket read of the current attempt must be done (None: no
# deadline but the socket's own read timeout). The transport sets it around each attempt.
read_deadline: ContextVar[float | None] = ContextVar(f"{__package__}.read_deadline", default=None)

_MAX_LINE = 65536


_deadline_of_attempt = read_deadline.get
_monotonic = time.monotonic
_socket_readinto = socket.SocketIO.readinto  # called directly: `super()` costs more on every read


class _DeadlineSocketIO(socket.SocketIO):
    """A socket reader whose every read ends by the deadline, however slowly the bytes arrive."""

    def __init__(self, sock: socket.socket) -> None:
        super().__init__(sock, "rb")
        self._socket = sock
        self._read_timeout = sock.gettimeout()
        self._shortened = False

    def readinto(self, buffer: Any) -> int | None:
        deadline = _deadline_of_attempt()
        if deadline is not None:
            remaining = deadline - _monotonic()
            if remaining <= 0:
                raise TimeoutError("the deadline passed")
            read_timeout = self._read_timeout
            if read_timeout is None or remaining < read_timeout:
                self._socket.settimeout(remaining)
                self._shortened = True
        elif self._shortened:
            self._socket.settimeout(self._read_timeout)
            self._shortened = False
        return _socket_readinto(self, buffer)


class _DeadlineSocket:
    """What `http.client.HTTPResponse` is given instead of the socket: its `makefile` reads by deadline."""

    __slots__ = ("_sock",)

    def __init__(self, sock: socket.socket) -> None:
        self._sock = sock

    def makefile(self, mode: str) -> io.BufferedReader:
        reader = _DeadlineSocketIO(self._sock)
        # As `socket.makefile` does: the reader holds a reference, so that the connection closing
        # the socket (a `Connection: close` answer hands it to the response) leaves it open to read.
        self._sock._io_refs += 1  # type: ignore[attr-defined]
        return io.BufferedReader(reader)


class FinalResponse(http.client.HTTPResponse):
    """The response to a request: interim (1xx) answers before it are skipped."""

    def __init__(
        self, sock: Any, debuglevel: int = 0, method: str | None = None, url: str | None = None
    ) -> None:
        super().__init__(_DeadlineSocket(sock), debuglevel, method, url)  # type: ignore[arg-type]

    def _read_status(self) -> tuple[str, int, str]:
        version, status, reason = super()._read_status()  # type: ignore[misc]
        if status >= 200:
            return version, status, reason
        for _ in range(MAX_INTERIM_ANSWERS):
            if status == 101:
                raise http.client.HTTPException("101 Switching Protocols, which was not asked for")
            _skip_headers(self.fp)
            version, status, reason = super()._read_status()  # type: ignore[misc]
            if status >= 200:
                return version, status, reason
        raise http.client.HTTPException(f"more than {MAX_INTERIM_ANSWERS} interim (1xx) answers")


def _skip_headers(reader: Any) -> None:
    """Read the header lines of an interim answer up to its blank line, within http.client's limits."""
    for _ in range(MAX_HEADER_LINES + 1):
        line = reader.readline(_MAX_LINE + 1)
        if len(line) > _MAX_LINE:
            raise http.client.LineTooLong("header line")
        if line in (b"\r\n", b"\n", b""):
            return
    raise http.client.HTTPException(f"more than {MAX_HEADER_LINES} header lines")


class _HTTPConnection(HTTPConnection):
    response_class = FinalResponse


class _HTTPSConnection(HTTPSConnection):
    response_class = FinalResponse


class _HTTPConnectionPool(HTTPConnectionPool):
    ConnectionCls = _HTTPConnection


class _HTTPSConnectionPool(HTTPSConnectionPool):
    ConnectionCls = _HTTPSConnection


# For `PoolManager.pool_classes_by_scheme`: every pool the client opens uses these connections.
POOL_CLASSES: dict[str, type[HTTPConnectionPool]] = {
    "http": _HTTPConnectionPool,
    "https": _HTTPSConnectionPool,
}
