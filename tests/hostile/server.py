"""A raw-socket HTTP server on 127.0.0.1 that answers however a test scripts it: lies, stalls, drips, floods.

Each accepted connection is handed to the test's `script(connection)` in its own thread. Every server is
bounded: a connection's socket times out after `lifetime` seconds, a request is read to at most
`MAX_REQUEST` bytes, and leaving the `with` block closes the listener and every connection.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from types import TracebackType

MAX_REQUEST = 1024 * 1024


@dataclass
class Request:
    method: str
    target: str
    headers: dict[str, str]
    body: bytes

    def header(self, name: str) -> str | None:
        return next((v for k, v in self.headers.items() if k.lower() == name.lower()), None)


@dataclass
class Connection:
    """One accepted connection: read requests from it, write raw bytes to it."""

    sock: socket.socket
    server: HostileServer
    _buffer: bytes = field(default=b"", repr=False)

    def read_request(self) -> Request | None:
        """The next request on this connection, or None when the client closed it."""
        while b"\r\n\r\n" not in self._buffer:
            data = self._recv()
            if not data:
                return None
        head, self._buffer = self._buffer.split(b"\r\n\r\n", 1)
        lines = head.decode("latin-1").split("\r\n")
        method, target, _ = lines[0].split(" ", 2)
        headers = dict(line.split(": ", 1) for line in lines[1:])
        length = int(next((v for k, v in headers.items() if k.lower() == "content-length"), 0))
        while len(self._buffer) < length:
            if not self._recv():
                return None
        body, self._buffer = self._buffer[:length], self._buffer[length:]
        request = Request(method, target, headers, body)
        self.server.requests.append(request)
        return request

    def _recv(self) -> bytes:
        if len(self._buffer) > MAX_REQUEST:
            raise ConnectionError("request too large for a test")
        data = self.sock.recv(65536)
        self._buffer += data
        return data

    def send(self, data: bytes) -> None:
        self.sock.sendall(data)

    def answer(self, status: int, body: bytes = b"", headers: dict[str, str] | None = None) -> None:
        """A complete response with a Content-Length."""
        lines = [f"HTTP/1.1 {status} X"]
        lines += [f"{name}: {value}" for name, value in (headers or {}).items()]
        lines.append(f"Content-Length: {len(body)}")
        self.send(("\r\n".join(lines) + "\r\n\r\n").encode() + body)

    def drip(self, data: bytes, interval: float) -> None:
        """Send `data` one byte at a time, `interval` seconds apart (until the client gives up)."""
        for byte in data:
            self.send(bytes([byte]))
            time.sleep(interval)


Script = Callable[[Connection], None]


class HostileServer:
    """Serves every connection with `script`; use it as a context manager."""

    def __init__(self, script: Script, *, lifetime: float = 10.0) -> None:
        self.script = script
        self.lifetime = lifetime
        self.requests: list[Request] = []
        self.connections = 0
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.2)
        self._sockets: list[socket.socket] = []
        self._threads: list[threading.Thread] = []
        self._stopped = threading.Event()
        self._accepting = threading.Thread(target=self._accept, daemon=True)

    @property
    def url(self) -> str:
        host, port = self._listener.getsockname()[:2]
        return f"http://{host}:{port}"

    def __enter__(self) -> HostileServer:
        self._accepting.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self._stopped.set()
        self._accepting.join(2)
        self._listener.close()
        for sock in self._sockets:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()
        for thread in self._threads:
            thread.join(2)

    def _accept(self) -> None:
        started = time.monotonic()
        while not self._stopped.is_set() and time.monotonic() - started < self.lifetime:
            try:
                sock, _ = self._listener.accept()
            except (TimeoutError, OSError):
                continue
            sock.settimeout(self.lifetime)
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            self.connections += 1
            self._sockets.append(sock)
            thread = threading.Thread(target=self._serve, args=(sock,), daemon=True)
            self._threads.append(thread)
            thread.start()

    def _serve(self, sock: socket.socket) -> None:
        try:
            with contextlib.suppress(OSError, ConnectionError, ValueError):
                self.script(Connection(sock, self))
        finally:
            sock.close()


@contextlib.contextmanager
def serving(script: Script, *, lifetime: float = 10.0) -> Iterator[HostileServer]:
    with HostileServer(script, lifetime=lifetime) as server:
        yield server


def each_request(answer: Callable[[Connection, Request], None]) -> Script:
    """A script answering every request of a keep-alive connection with `answer`."""

    def script(connection: Connection) -> None:
        for _ in range(100):
            request = connection.read_request()
            if request is None:
                return
            answer(connection, request)

    return script


def answering(status: int, body: bytes, headers: dict[str, str] | None = None) -> Script:
    """A script answering every request with the same status, body and headers."""
    return each_request(lambda connection, _: connection.answer(status, body, headers or {}))
