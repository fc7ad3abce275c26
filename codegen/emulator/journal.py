"""What the emulator received: every request, the hits per operation and the rejection messages."""

from __future__ import annotations

import json
import threading
from collections import Counter
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit


@dataclass(frozen=True)
class ReceivedRequest:
    """One request as it arrived (faulted and rejected ones included)."""

    vendor: str | None  # None outside every vendor's mount
    operation: str | None  # None when no operation matched
    method: str
    target: str  # path and raw query, exactly as sent
    headers: dict[str, str]
    body: bytes  # empty when the connection was dropped before the request was read
    # The credential headers that arrived (names as sent): the vendors' (User-Agent aside), any PAC-*,
    # Authorization, Proxy-Authorization, Cookie.
    credentials: tuple[str, ...] = ()

    @property
    def path(self) -> str:
        return urlsplit(self.target).path

    def header(self, name: str) -> str | None:
        """A header by name, case-insensitively."""
        lowered = name.lower()
        return next((v for k, v in self.headers.items() if k.lower() == lowered), None)

    def json(self) -> Any:
        return json.loads(self.body)

    def to_dict(self) -> dict[str, Any]:
        """The request as JSON for `GET /_emulator/requests` (the body as text)."""
        return {
            "vendor": self.vendor,
            "operation": self.operation,
            "method": self.method,
            "target": self.target,
            "headers": self.headers,
            "body": self.body.decode("utf-8", errors="replace"),
            "credentials": list(self.credentials),
        }


class Journal:
    """Thread-safe record of the requests received since the last reset."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._requests: list[ReceivedRequest] = []
        self._hits: Counter[tuple[str | None, str | None]] = Counter()
        self._problems: list[str] = []

    def record(self, request: ReceivedRequest) -> None:
        with self._lock:
            self._requests.append(request)
            self._hits[(request.vendor, request.operation)] += 1

    def problem(self, message: str) -> None:
        with self._lock:
            self._problems.append(message)

    def hits(self, vendor: str, operation: str) -> int:
        with self._lock:
            return self._hits[(vendor, operation)]

    @property
    def requests(self) -> list[ReceivedRequest]:
        with self._lock:
            return list(self._requests)

    @property
    def problems(self) -> list[str]:
        with self._lock:
            return list(self._problems)

    def clear(self) -> None:
        with self._lock:
            self._requests.clear()
            self._hits.clear()
            self._problems.clear()
