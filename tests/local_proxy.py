"""A small HTTP forward proxy on 127.0.0.1 for tests: forwards plain-http requests and tunnels CONNECT
(https) to servers on 127.0.0.1 only, counts what it forwards, and can demand Basic credentials (answering
407 without them)."""

from __future__ import annotations

import base64
import contextlib
import http.client
import select
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import urlsplit

from tests.local_server import write_reply

# Headers that belong to one hop (RFC 9110 7.6.1): not passed on in either direction.
HOP_BY_HOP = frozenset(
    {
        "connection",
        "keep-alive",
        "proxy-authenticate",
        "proxy-authorization",
        "proxy-connection",
        "te",
        "trailer",
        "transfer-encoding",
        "upgrade",
    }
)
LOOPBACK = frozenset({"127.0.0.1", "localhost"})
# A tunnel closes after this long without traffic either way.
TUNNEL_IDLE_SECONDS = 30


class ForwardProxy:
    """Threaded forward proxy on a free port of 127.0.0.1; `targets` lists every URL it forwarded."""

    def __init__(self, username: str | None = None, password: str | None = None) -> None:
        self.targets: list[str] = []
        self.refused = 0  # requests answered 407 for missing or wrong credentials
        expected = None
        if username is not None:
            token = base64.b64encode(f"{username}:{password or ''}".encode()).decode()
            expected = f"Basic {token}"
        self._lock = threading.Lock()
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:
                pass

            def _forward(self) -> None:
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    self._answer()

            def _authorized(self) -> bool:
                if expected is None or self.headers.get("Proxy-Authorization") == expected:
                    return True
                with proxy._lock:
                    proxy.refused += 1
                write_reply(self, 407, {"Proxy-Authenticate": 'Basic realm="tests"'}, b"")
                return False

            def do_CONNECT(self) -> None:
                """An https tunnel: bytes relayed both ways until either side closes or goes idle."""
                host, _, port = self.path.rpartition(":")
                if not self._authorized():
                    return
                if host not in LOOPBACK:
                    write_reply(self, 403, {}, b"this proxy tunnels only to 127.0.0.1")
                    return
                with proxy._lock:
                    proxy.targets.append(f"CONNECT {self.path}")
                upstream = socket.create_connection((host, int(port)), timeout=TUNNEL_IDLE_SECONDS)
                self.send_response(200, "Connection established")
                self.end_headers()
                self.close_connection = True
                ends = [self.connection, upstream]
                try:
                    last = time.monotonic()
                    while time.monotonic() - last < TUNNEL_IDLE_SECONDS:
                        readable, _, _ = select.select(ends, [], [], 1.0)
                        for end in readable:
                            data = end.recv(65536)
                            if not data:
                                return
                            (upstream if end is self.connection else self.connection).sendall(data)
                            last = time.monotonic()
                except OSError:
                    return
                finally:
                    upstream.close()

            def _answer(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else None
                if not self._authorized():
                    return
                target = urlsplit(self.path)
                if target.scheme != "http" or target.hostname not in LOOPBACK:
                    write_reply(self, 403, {}, b"this proxy forwards only to http://127.0.0.1")
                    return
                with proxy._lock:
                    proxy.targets.append(self.path)
                headers = {
                    name: value
                    for name, value in self.headers.items()
                    if name.lower() not in HOP_BY_HOP
                }
                upstream = http.client.HTTPConnection(target.hostname, target.port, timeout=30)
                try:
                    path = target.path + (f"?{target.query}" if target.query else "")
                    upstream.request(self.command, path or "/", body=body, headers=headers)
                    answer = upstream.getresponse()
                    payload = answer.read()
                    passed = {
                        name: value
                        for name, value in answer.getheaders()
                        if name.lower() not in HOP_BY_HOP and name.lower() != "content-length"
                    }
                    write_reply(self, answer.status, passed, payload)
                finally:
                    upstream.close()

            do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = _forward

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host!s}:{port}"

    @property
    def hits(self) -> int:
        with self._lock:
            return len(self.targets)

    def start(self) -> ForwardProxy:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
