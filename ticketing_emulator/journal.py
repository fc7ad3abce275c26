"""What the emulator received: the latest requests, the hits per operation and the rejection messages.

The journal is bounded, so a long session or a flood cannot grow it without end: it keeps the latest
`max_requests` requests and messages (the hit counts stay exact) and the first `max_body_bytes` of each
body (`ReceivedRequest.body_size` says how large it was). Its JSON (`GET /_emulator/requests`) shows the
values of secret headers, query parameters and body fields as `***` (`masking.Secrets`); the Python
objects keep them, for tests that check what a client sent.
"""

from __future__ import annotations

import json
import threading
from collections import Counter, deque
from dataclasses import dataclass, replace
from typing import Any

from ticketing_emulator.masking import NO_SECRETS, Secrets


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
    # The body's length as received; more than len(body) when the journal kept only its start.
    body_size: int = -1

    def __post_init__(self) -> None:
        if self.body_size < 0:
            object.__setattr__(self, "body_size", len(self.body))

    @property
    def body_cut(self) -> bool:
        """Whether the journal kept only the start of the body."""
        return self.body_size > len(self.body)

    @property
    def path(self) -> str:
        """The target's path (a refused target that is not a path, `http://host/x`, is all path)."""
        return self.target.partition("?")[0]

    def header(self, name: str) -> str | None:
        """A header by name, case-insensitively."""
        lowered = name.lower()
        return next((v for k, v in self.headers.items() if k.lower() == lowered), None)

    def json(self) -> Any:
        if self.body_cut:
            raise ValueError(
                f"the journal kept {len(self.body)} of the body's {self.body_size} bytes "
                "(Limits.journal_max_body_bytes)"
            )
        return json.loads(self.body)

    def to_dict(self, secrets: Secrets = NO_SECRETS) -> dict[str, Any]:
        """The request as JSON for `GET /_emulator/requests` (the body as text), secrets masked."""
        return {
            "vendor": self.vendor,
            "operation": self.operation,
            "method": self.method,
            "target": secrets.target(self.target),
            "headers": {name: secrets.header(name, value) for name, value in self.headers.items()},
            "body": secrets.body(self.body.decode("utf-8", errors="replace")),
            "body_size": self.body_size,
            "credentials": list(self.credentials),
        }


class Journal:
    """Thread-safe record of the latest requests received since the last reset."""

    def __init__(self, max_requests: int, max_body_bytes: int) -> None:
        self._lock = threading.Lock()
        self._max_body_bytes = max_body_bytes
        self._requests: deque[ReceivedRequest] = deque(maxlen=max_requests)
        self._hits: Counter[tuple[str | None, str | None]] = Counter()
        self._problems: deque[str] = deque(maxlen=max_requests)

    def record(self, request: ReceivedRequest) -> None:
        if len(request.body) > self._max_body_bytes:
            # A copy of the start: the whole body is freed when the request has been answered.
            request = replace(
                request, body=request.body[: self._max_body_bytes], body_size=len(request.body)
            )
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
