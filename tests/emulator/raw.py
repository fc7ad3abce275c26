"""Raw HTTP requests to the emulator (http.client), for what a generated client would refuse to send."""

from __future__ import annotations

import http.client
import json
import socket
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

PACIOLAN_HEADERS = {
    "PAC-API-Key": "key-raw",
    "PAC-Application-ID": "com.example.raw",
    "PAC-Channel-Code": "RAW",
    "PAC-Organization-ID": "999",
    "User-Agent": "RawTests/1.0.0",
    "Accept": "application/json",
}
ONETICKET_HEADERS = {"x-api-token": "tok-raw", "Accept": "application/json"}


@dataclass(frozen=True)
class Reply:
    status: int
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)

    def header(self, name: str) -> str | None:
        return next((v for k, v in self.headers.items() if k.lower() == name.lower()), None)


def send(
    url: str,
    method: str = "GET",
    *,
    headers: dict[str, str] | None = None,
    body: bytes | None = None,
) -> Reply:
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.netloc, timeout=5)
    try:
        target = parts.path + (f"?{parts.query}" if parts.query else "")
        connection.request(method, target, body=body, headers=headers or {})
        response = connection.getresponse()
        return Reply(response.status, dict(response.getheaders()), response.read())
    finally:
        connection.close()


def send_json(url: str, method: str, payload: Any, headers: dict[str, str]) -> Reply:
    data = json.dumps(payload).encode()
    return send(url, method, headers={**headers, "Content-Type": "application/json"}, body=data)


def exchange(port: int, data: bytes, *, timeout: float = 5) -> Reply:
    """Send raw bytes on a new connection to the emulator and read one answer (framing as written)."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as connection:
        connection.sendall(data)
        response = http.client.HTTPResponse(connection)
        response.begin()
        return Reply(response.status, dict(response.getheaders()), response.read())
