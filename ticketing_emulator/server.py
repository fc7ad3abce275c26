"""The HTTP side: a threaded `http.server` that reads each request and writes the emulator's answer.

What to answer is decided by `Emulator` (`arrive`, then `respond`); this module only does what happens on
the wire: keep-alive (HTTP/1.1, a Content-Length on every answer), reading the whole body (unless a fault
drops the connection first), the delay before the status line and the slow body of a fault. Bodies go
out in pieces, a file body straight from the file (`socket.sendfile`), so a large export file is never
copied into memory.

What a client may cost is bounded (`Limits`): a request is read within the limits of `framing` or
refused unread (the connection is then closed, after the client has had a chance to read why); a
connection that sends nothing for the idle timeout is closed, and so is one that takes longer than the
request deadline to send a request (a byte now and then); at most `max_connections` are served at once
(the others wait, unaccepted, in the listen backlog); and when accept() fails for want of file
descriptors the server pauses instead of retrying at once.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import socket
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Protocol, TypeVar

from ticketing_emulator.faults import Fault
from ticketing_emulator.framing import (
    HeadReader,
    UnreadableRequest,
    body_length,
    check_header_lines,
    origin_form,
    read_chunked,
    read_sized,
)
from ticketing_emulator.limits import Limits
from ticketing_emulator.responses import Answer

log = logging.getLogger("ticketing_emulator")

# A slow body goes out in this many pieces (fewer when the body is shorter).
SLOW_BODY_PIECES = 10
# Other bodies go out in pieces of this size (views of the body, not copies).
BODY_PIECE = 256 * 1024
# accept() errors that mean "no file descriptor or buffer free now": pause, doubling up to the maximum.
ACCEPT_EXHAUSTED = frozenset({errno.EMFILE, errno.ENFILE, errno.ENOBUFS, errno.ENOMEM})
ACCEPT_PAUSE_FIRST = 0.05
ACCEPT_PAUSE_MAX = 0.5
# After refusing a request unread, what the client still sends is read and discarded for up to this
# long and this many bytes, so that it can finish sending and read the answer.
LINGER_SECONDS = 2.0
LINGER_BYTES = 64 * 1024 * 1024
# How often a full server looks whether it is stopping while it waits for a free connection slot.
SLOT_POLL = 0.05


class Arrival(Protocol):
    """A request whose line and headers have been read (the emulator's `Arrival`)."""

    @property
    def fault(self) -> Fault | None: ...


_A = TypeVar("_A", bound=Arrival)


class Answerer(Protocol[_A]):
    """What decides the answers (`Emulator`); this module only puts them on the wire."""

    def arrive(self, method: str, target: str, headers: dict[str, str]) -> _A: ...

    def dropped(self, arrival: _A) -> None: ...

    def unreadable(self, arrival: _A, reason: str, status: int = 400) -> Answer: ...

    def refused(self, method: str, target: str, headers: dict[str, str], reason: str) -> Answer: ...

    def respond(self, arrival: _A, body: bytes) -> Answer: ...


class EmulatorHTTPServer(ThreadingHTTPServer):
    """Serves one `Emulator` on 127.0.0.1; remembers open connections so `close_connections` ends them."""

    daemon_threads = True
    allow_reuse_address = True
    # Connections wait here, accepted by the kernel but not yet by the server, while every slot is taken.
    request_queue_size = 128

    def __init__(self, port: int, emulator: Answerer[Any], limits: Limits) -> None:
        self.emulator = emulator
        self.limits = limits
        self._connections: set[socket.socket] = set()
        self._connections_lock = threading.Lock()
        # One slot per connection being served (its handler thread): taken before accept(), given back
        # when the connection ends.
        self._slots = threading.BoundedSemaphore(limits.max_connections)
        self._stopping = threading.Event()
        self._accept_pause = 0.0
        # Connections reading a request -> when that request must have arrived (monotonic clock).
        self._deadlines: dict[socket.socket, float] = {}
        super().__init__(("127.0.0.1", port), EmulatorHandler)

    def reading(self, connection: socket.socket) -> None:
        """The connection waits for its next request: its deadline starts now."""
        with self._connections_lock:
            self._deadlines[connection] = time.monotonic() + self.limits.request_deadline

    def read(self, connection: socket.socket) -> None:
        """The request has been read (or refused): answering it is not on the clock."""
        with self._connections_lock:
            self._deadlines.pop(connection, None)

    def service_actions(self) -> None:
        # Called by serve_forever between polls (and by get_request while it waits for a slot).
        self._end_overdue_requests()

    def _end_overdue_requests(self) -> None:
        now = time.monotonic()
        with self._connections_lock:
            overdue = [c for c, deadline in self._deadlines.items() if deadline < now]
            for connection in overdue:
                del self._deadlines[connection]
        for connection in overdue:
            log.info(
                "closing a connection that took over %g s to send a request",
                self.limits.request_deadline,
            )
            with contextlib.suppress(OSError):
                connection.shutdown(socket.SHUT_RDWR)  # its handler's read ends; the handler ends

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A connection that broke under its handler (closed by the client, or by a deadline) is routine.
        if isinstance(sys.exc_info()[1], OSError):
            log.debug("connection from %s ended: %s", client_address, sys.exc_info()[1])
            return
        super().handle_error(request, client_address)

    def get_request(self) -> tuple[socket.socket, Any]:
        while not self._slots.acquire(timeout=SLOT_POLL):
            if self._stopping.is_set():
                raise OSError("the emulator is stopping")  # socketserver ignores it and stops
            self._end_overdue_requests()  # every slot may be held by a client that drips
        try:
            request = super().get_request()
        except OSError as exc:
            self._slots.release()
            self._pause_after(exc)
            raise
        self._accept_pause = 0.0
        return request

    def _pause_after(self, exc: OSError) -> None:
        """Out of descriptors, accept() fails at once on every try: wait instead of spinning the CPU."""
        if exc.errno not in ACCEPT_EXHAUSTED:
            return
        if not self._accept_pause:
            log.warning("cannot accept connections (%s): pausing until some close", exc)
        self._accept_pause = min(max(self._accept_pause * 2, ACCEPT_PAUSE_FIRST), ACCEPT_PAUSE_MAX)
        self._stopping.wait(self._accept_pause)

    def process_request(self, request: Any, client_address: Any) -> None:
        with self._connections_lock:
            self._connections.add(request)
        super().process_request(request, client_address)

    def shutdown_request(self, request: Any) -> None:
        # socketserver calls this exactly once for every request `get_request` returned.
        with self._connections_lock:
            self._connections.discard(request)
            self._deadlines.pop(request, None)
        try:
            super().shutdown_request(request)
        finally:
            self._slots.release()

    def shutdown(self) -> None:
        self._stopping.set()
        super().shutdown()

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

    def setup(self) -> None:
        super().setup()
        # Every read and write on the connection waits at most this long; a connection idle between
        # requests is then closed by `handle_one_request`, one stalled inside a request gets a 408.
        self.connection.settimeout(self.server.limits.idle_timeout)

    def handle_one_request(self) -> None:
        self.server.reading(self.connection)
        try:
            super().handle_one_request()
        finally:
            self.server.read(self.connection)

    def parse_request(self) -> bool:
        # The headers are read through a budget: past the limit, http.server answers 431 itself, before
        # a hundred 64 KB header lines are in memory.
        reader = self.rfile
        line: bytes = getattr(self, "raw_requestline", b"")  # set by handle_one_request
        budget = self.server.limits.max_request_head_bytes - len(line)
        self.rfile = HeadReader(reader, budget)  # type: ignore[assignment]
        try:
            return super().parse_request()
        finally:
            self.rfile = reader

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
        headers = dict(self.headers.items())
        if not origin_form(self.path):
            # An absolute URL (`GET http://elsewhere/...`) is a proxy's request: never served.
            self.server.read(self.connection)
            self.close_connection = True
            reason = f"target: {self.path!r} is not a path (origin-form: /path?query)"
            self._write(emulator.refused(self.command, self.path, headers, reason))
            self._linger()
            return
        arrival = emulator.arrive(self.command, self.path, headers)
        fault = arrival.fault
        if fault is not None and fault.drop == "before_read":
            emulator.dropped(arrival)
            self._drop()
            return
        try:
            check_header_lines(self.headers)
            body = self._read_body()
        except UnreadableRequest as exc:
            self.server.read(self.connection)
            self.close_connection = True
            self._write(emulator.unreadable(arrival, str(exc), exc.status))
            self._linger()
            return
        self.server.read(self.connection)
        answer = emulator.respond(arrival, body)
        if fault is not None and fault.drop == "after_read":
            # The request was read and acted on (a checkout is recorded); only the answer is lost.
            self._drop()
            return
        if fault is not None and fault.delay:
            time.sleep(fault.delay)
        self._write(answer, slow_body=fault.slow_body if fault is not None else 0.0)

    def handle_expect_100(self) -> bool:
        # A body that will be refused is not asked for: the 413 or 400 comes instead of 100 Continue.
        try:
            body_length(self.headers, self.server.limits.max_request_body_bytes)
        except UnreadableRequest:
            return True
        return super().handle_expect_100()

    def _read_body(self) -> bytes:
        """The body, framed as the headers say; nothing is read when the framing is refused."""
        limit = self.server.limits.max_request_body_bytes
        length = body_length(self.headers, limit)
        try:
            if length is None:
                return read_chunked(self.rfile, limit)
            return read_sized(self.rfile, length) if length else b""
        except TimeoutError:
            raise UnreadableRequest(
                f"the body stopped arriving for {self.server.limits.idle_timeout:g} s", status=408
            ) from None

    def _linger(self) -> None:
        """After refusing a request unread: say so, then read and discard what the client still sends
        (bounded), so that it receives the answer instead of a reset for writing to a closed socket."""
        with contextlib.suppress(OSError):
            self.connection.shutdown(socket.SHUT_WR)
            deadline = time.monotonic() + LINGER_SECONDS
            left = LINGER_BYTES
            while left > 0 and (remaining := deadline - time.monotonic()) > 0:
                self.connection.settimeout(remaining)
                data = self.connection.recv(min(BODY_PIECE, left))
                if not data:
                    return
                left -= len(data)

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
            if self.close_connection:
                self.send_header("Connection", "close")
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
