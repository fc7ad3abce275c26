"""Local HTTP for the tests, on 127.0.0.1 only: a scripted server, and raw requests.

`LocalServer` records every request and answers with scripted responses: tests queue responses
(`server.reply(...)`), call the real client over a real socket, then read what was received
(`server.requests`). Nothing in urllib3 is mocked.

`send` and `send_json` make raw requests (http.client) for what a generated client would refuse to send,
e.g. to the emulator; both sides are `HttpMessage`s (headers and body).
"""

from __future__ import annotations

import contextlib
import gzip
import http.client
import json
import socket
import threading
import time
from collections import deque
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit

# Headers a raw request needs to pass the emulator's credential checks.
PACIOLAN_HEADERS = {
    "PAC-API-Key": "key-raw",
    "PAC-Application-ID": "com.example.raw",
    "PAC-Channel-Code": "RAW",
    "PAC-Organization-ID": "999",
    "User-Agent": "RawTests/1.0.0",
    "Accept": "application/json",
}
ONETICKET_HEADERS = {"x-api-token": "tok-raw", "Accept": "application/json"}


@dataclass(frozen=True, kw_only=True)
class HttpMessage:
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)

    def header(self, name: str) -> str | None:
        return next((v for k, v in self.headers.items() if k.lower() == name.lower()), None)


@dataclass(frozen=True, kw_only=True)
class Received(HttpMessage):
    """A request the local server received."""

    method: str
    target: str  # the request target exactly as sent: path and raw query

    @property
    def path(self) -> str:
        return urlsplit(self.target).path

    @property
    def raw_query(self) -> str:
        return urlsplit(self.target).query

    @property
    def query(self) -> list[tuple[str, str]]:
        """Decoded (name, value) pairs in the order sent."""
        return parse_qsl(self.raw_query, keep_blank_values=True)


@dataclass(frozen=True, kw_only=True)
class RawReply(HttpMessage):
    """The answer to a raw request."""

    status: int


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before the status line
    drop: bool = False  # close the connection without answering
    gzip: bool = False


def write_reply(
    handler: BaseHTTPRequestHandler, status: int, headers: Mapping[str, str], payload: bytes
) -> None:
    """An answer with its Content-Length, from a handler of `http.server` (no body for HEAD)."""
    handler.send_response(status)
    for name, value in headers.items():
        handler.send_header(name, value)
    handler.send_header("Content-Length", str(len(payload)))
    handler.end_headers()
    if handler.command != "HEAD":
        handler.wfile.write(payload)


class LocalServer:
    """Threaded HTTP server on a free port of 127.0.0.1."""

    def __init__(self) -> None:
        self.requests: list[Received] = []
        self._replies: deque[Reply] = deque()
        self.default = Reply(200, b"{}", {"Content-Type": "application/json"})
        self._lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            # Headers and body go out as two writes: without this, the second waits ~40 ms for an ACK.
            disable_nagle_algorithm = True

            def log_message(self, format: str, *args: Any) -> None:
                pass

            def _handle(self) -> None:
                # The client may give up first (a timeout test): then there is nothing left to answer.
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    self._answer()

            def _answer(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                received = Received(
                    method=self.command,
                    target=self.path,
                    headers=dict(self.headers.items()),
                    body=body,
                )
                with server._lock:
                    server.requests.append(received)
                    reply = server._replies.popleft() if server._replies else server.default
                if reply.delay:
                    time.sleep(reply.delay)
                if reply.drop:
                    self.close_connection = True
                    self.connection.shutdown(2)
                    return
                headers = dict(reply.headers)
                if reply.gzip:
                    headers["Content-Encoding"] = "gzip"
                payload = gzip.compress(reply.body) if reply.gzip else reply.body
                write_reply(self, reply.status, headers, payload)

            do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = _handle

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host!s}:{port}"

    def start(self) -> LocalServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    def reply(self, status: int = 200, body: bytes | Any = b"", **options: Any) -> None:
        """Queue the next response. A non-bytes body is sent as JSON."""
        headers = dict(options.pop("headers", {}))
        if not isinstance(body, bytes):
            body = json.dumps(body).encode()
            headers.setdefault("Content-Type", "application/json")
        with self._lock:
            self._replies.append(Reply(status, body, headers, **options))

    def reset(self) -> None:
        with self._lock:
            self.requests.clear()
            self._replies.clear()

    @property
    def last(self) -> Received:
        assert self.requests, "the server received no request"
        return self.requests[-1]


def free_port() -> int:
    """A port of 127.0.0.1 nothing listens on (for connection-refused tests)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


def send(
    url: str,
    method: str = "GET",
    *,
    headers: dict[str, str] | None = None,
    body: bytes | None = None,
) -> RawReply:
    """One raw request, sent exactly as given."""
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.netloc, timeout=5)
    try:
        target = parts.path + (f"?{parts.query}" if parts.query else "")
        connection.request(method, target, body=body, headers=headers or {})
        response = connection.getresponse()
        return RawReply(
            status=response.status, headers=dict(response.getheaders()), body=response.read()
        )
    finally:
        connection.close()


def send_json(url: str, method: str, payload: Any, headers: dict[str, str]) -> RawReply:
    data = json.dumps(payload).encode()
    return send(url, method, headers={**headers, "Content-Type": "application/json"}, body=data)


def raw_request(
    method: str, target: str, extra: Sequence[str] = (), body: bytes = b"", **headers: str
) -> bytes:
    """The bytes of a Paciolan request as written: the request line, the client's headers (and
    `headers`, with `_` for `-`), `Host`, then `extra` header lines exactly as given, and `body`."""
    fields = {
        **PACIOLAN_HEADERS,
        **{name.replace("_", "-"): value for name, value in headers.items()},
        "Host": "127.0.0.1",
    }
    lines = [f"{method} {target} HTTP/1.1", *(f"{k}: {v}" for k, v in fields.items()), *extra]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("utf-8") + body


def exchange(port: int, data: bytes, *, timeout: float = 5) -> RawReply:
    """Send raw bytes on a new connection to 127.0.0.1:`port` and read one answer (framing as written)."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as connection:
        connection.sendall(data)
        response = http.client.HTTPResponse(connection)
        response.begin()
        return RawReply(
            status=response.status, headers=dict(response.getheaders()), body=response.read()
        )
