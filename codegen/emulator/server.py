"""The HTTP side: a threaded `http.server` that reads each request and writes the emulator's answer.

What to answer is decided by `Emulator` (`arrive`, then `respond`); this module only does what happens on
the wire: keep-alive (HTTP/1.1, a Content-Length on every answer), reading the whole body (unless a fault
drops the connection first), the delay before the status line and the slow body of a fault. Bodies go
out in pieces, a file body straight from the file (`socket.sendfile`), so a large export file is never
copied into memory.
"""

from __future__ import annotations

import contextlib
import logging
import os
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Protocol, TypeVar

from codegen.emulator.faults import Fault
from codegen.emulator.responses import Answer

log = logging.getLogger("codegen.emulator")

# A slow body goes out in this many pieces (fewer when the body is shorter).
SLOW_BODY_PIECES = 10
# Other bodies go out in pieces of this size (views of the body, not copies).
BODY_PIECE = 256 * 1024


class Arrival(Protocol):
    """A request whose line and headers have been read (the emulator's `Arrival`)."""

    @property
    def fault(self) -> Fault | None: ...


_A = TypeVar("_A", bound=Arrival)


class Answerer(Protocol[_A]):
    """What decides the answers (`Emulator`); this module only puts them on the wire."""

    def arrive(self, method: str, target: str, headers: dict[str, str]) -> _A: ...

    def dropped(self, arrival: _A) -> None: ...

    def unreadable(self, arrival: _A, reason: str) -> Answer: ...

    def respond(self, arrival: _A, body: bytes) -> Answer: ...


class BadRequestBody(Exception):
    """The body cannot be read as the headers announce it."""


class EmulatorHTTPServer(ThreadingHTTPServer):
    """Serves one `Emulator` on 127.0.0.1; remembers open connections so `close_connections` ends them."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, port: int, emulator: Answerer[Any]) -> None:
        self.emulator = emulator
        self._connections: set[socket.socket] = set()
        self._connections_lock = threading.Lock()
        super().__init__(("127.0.0.1", port), EmulatorHandler)

    def process_request(self, request: Any, client_address: Any) -> None:
        with self._connections_lock:
            self._connections.add(request)
        super().process_request(request, client_address)

    def shutdown_request(self, request: Any) -> None:
        with self._connections_lock:
            self._connections.discard(request)
        super().shutdown_request(request)

    def close_connections(self) -> None:
        """End every kept-alive connection, so no handler thread outlives the server."""
        with self._connections_lock:
            connections = list(self._connections)
        for connection in connections:
            with contextlib.suppress(OSError):
                connection.shutdown(socket.SHUT_RDWR)


class EmulatorHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # The headers and the body are separate writes: with Nagle's algorithm the body waits for the
    # client's delayed ACK of the headers, about 40 ms per answer on loopback.
    disable_nagle_algorithm = True
    server: EmulatorHTTPServer

    def log_message(self, format: str, *args: Any) -> None:
        log.debug("%s " + format, self.address_string(), *args)

    def do_GET(self) -> None:
        try:
            self._exchange()
        except Exception:  # a bug of the emulator: say so, rather than drop the connection
            log.exception("the emulator failed on %s %s", self.command, self.path)
            self.close_connection = True
            self._write(Answer(500, b'{"status": 500, "message": "emulator error: see its log"}'))

    do_HEAD = do_POST = do_PUT = do_PATCH = do_DELETE = do_OPTIONS = do_GET
    # TRACE and QUERY go to the route table too: 405 with Allow on a known path (not 501).
    do_TRACE = do_QUERY = do_GET

    def _exchange(self) -> None:
        emulator = self.server.emulator
        arrival = emulator.arrive(self.command, self.path, dict(self.headers.items()))
        fault = arrival.fault
        if fault is not None and fault.drop == "before_read":
            emulator.dropped(arrival)
            self._drop()
            return
        try:
            body = self._read_body()
        except BadRequestBody as exc:
            self.close_connection = True
            self._write(emulator.unreadable(arrival, str(exc)))
            return
        answer = emulator.respond(arrival, body)
        if fault is not None and fault.drop == "after_read":
            # The request was read and acted on (a checkout is recorded); only the answer is lost.
            self._drop()
            return
        if fault is not None and fault.delay:
            time.sleep(fault.delay)
        self._write(answer, slow_body=fault.slow_body if fault is not None else 0.0)

    def _read_body(self) -> bytes:
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            return self._read_chunked()
        text = self.headers.get("Content-Length")
        if text is None:
            return b""
        if not text.strip().isdigit():
            raise BadRequestBody(f"Content-Length {text!r} is not a number")
        length = int(text)
        body = self.rfile.read(length)
        if len(body) != length:
            raise BadRequestBody(f"the body ended after {len(body)} of {length} bytes")
        return body

    def _read_chunked(self) -> bytes:
        parts: list[bytes] = []
        while True:
            line = self.rfile.readline(1024).split(b";")[0].strip()
            try:
                size = int(line, 16)
            except ValueError:
                raise BadRequestBody(f"bad chunk size {line!r}") from None
            if size == 0:
                while self.rfile.readline(1024).strip():  # trailers
                    pass
                return b"".join(parts)
            parts.append(self.rfile.read(size))
            self.rfile.readline(1024)

    def _drop(self) -> None:
        """Close the connection without a word."""
        self.close_connection = True
        with contextlib.suppress(OSError):
            self.connection.shutdown(socket.SHUT_RDWR)

    def _write(self, answer: Answer, *, slow_body: float = 0.0) -> None:
        # Opened before the status line: a file that cannot be read is the emulator's error (a 500),
        # not a client that went away.
        file = answer.body_file.open("rb") if answer.body_file is not None else None
        try:
            length = os.fstat(file.fileno()).st_size if file is not None else len(answer.body)
            self.send_response(answer.status)
            if answer.content_type is not None:
                self.send_header("Content-Type", answer.content_type)
            for name, value in answer.headers:
                self.send_header(name, value)
            if answer.status >= 200 and answer.status not in (204, 304):
                self.send_header("Content-Length", str(length))
            self.end_headers()
            if self.command == "HEAD" or not length:
                return
            if file is not None:
                # The headers are on the wire already (the writer is unbuffered): the file follows.
                self.connection.sendfile(file, 0, length)
            elif slow_body > 0:
                self._write_slowly(answer.body, slow_body)
            else:
                view = memoryview(answer.body)
                for start in range(0, length, BODY_PIECE):
                    self.wfile.write(view[start : start + BODY_PIECE])
        except OSError as exc:  # the client went away (a timeout on its side, a test that gave up)
            log.debug("could not answer %s %s: %s", self.command, self.path, exc)
            self.close_connection = True
        finally:
            if file is not None:
                file.close()

    def _write_slowly(self, body: bytes, seconds: float) -> None:
        pieces = min(SLOW_BODY_PIECES, len(body))
        size = -(-len(body) // pieces)
        pause = seconds / pieces
        for start in range(0, len(body), size):
            time.sleep(pause)
            self.wfile.write(body[start : start + size])
