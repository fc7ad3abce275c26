"""Faults a test asks for, per operation: what to do instead of (or on top of) the normal answer.

A fault applies to the next `times` requests of its operation, then normal answers resume. Faults queued
for the same operation apply one after the other, in the order they were injected.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import Any, Literal

import msgspec

from ticketing_emulator.drift import DRIFT_KINDS, DriftKind

Drop = Literal["before_read", "after_read"]
DROPS: tuple[Drop, ...] = ("before_read", "after_read")
# A fault's delay or slow body is at most this many seconds: a handler thread sleeps through it.
MAX_FAULT_SECONDS = 600.0


@dataclass(frozen=True)
class Fault:
    """What goes wrong. `delay` and `slow_body` combine with anything; the others exclude each other."""

    status: int | None = None  # answer this status with a vendor-shaped error body
    retry_after: str | None = None  # sent verbatim as `Retry-After` (with `status`; 429 when none)
    delay: float = 0.0  # seconds before the status line
    slow_body: float = (
        0.0  # the body is sent in small pieces, with pauses totalling this many seconds
    )
    # Close the connection without an answer: before reading the request (it never reached the API),
    # or after reading and acting on it (its effects happen, e.g. a checkout is recorded).
    drop: Drop | None = None
    truncated_gzip: bool = False  # `Content-Encoding: gzip` with the gzip stream cut off
    invalid_json: bool = False  # 200 application/json whose body is not JSON
    html: bool = False  # 200 text/html: an error page from a proxy
    envelope_error: bool = False  # 200 with the vendor envelope reporting a failure (1Ticket)
    # The normal body, drifted (`drift.py`): an added field, a new enum value, a missing field.
    drift: tuple[DriftKind, ...] = ()
    drift_depth: int = 1  # where the added field goes and the missing field was (0: the body)

    def __post_init__(self) -> None:
        if self.status is not None and not 100 <= self.status <= 599:
            raise ValueError(f"status must be an HTTP status (100-599), got {self.status}")
        # Written so that NaN fails too.
        if not (0 <= self.delay <= MAX_FAULT_SECONDS and 0 <= self.slow_body <= MAX_FAULT_SECONDS):
            raise ValueError(f"delay and slow_body are seconds, from 0 to {MAX_FAULT_SECONDS:g}")
        if self.retry_after is not None and not _one_header_line(self.retry_after):
            raise ValueError(
                f"retry_after must be one header line of Latin-1 text, got {self.retry_after!r}"
            )
        unknown_drift = [kind for kind in self.drift if kind not in DRIFT_KINDS]
        if unknown_drift or self.drift_depth < 0:
            raise ValueError(
                f"drift takes {', '.join(DRIFT_KINDS)} and a drift_depth of 0 or more, "
                f"got {list(self.drift)} at depth {self.drift_depth}"
            )
        if self.drop is not None and self.drop not in DROPS:
            raise ValueError(f"drop must be one of {', '.join(DROPS)}, got {self.drop!r}")
        kinds = [
            name
            for name, on in (
                ("status/retry_after", self.status is not None or self.retry_after is not None),
                ("drop", self.drop is not None),
                ("truncated_gzip", self.truncated_gzip),
                ("invalid_json", self.invalid_json),
                ("html", self.html),
                ("envelope_error", self.envelope_error),
                ("drift", bool(self.drift)),
            )
            if on
        ]
        if len(kinds) > 1:
            raise ValueError(
                f"choose one of {', '.join(kinds)} per fault (inject them one after another)"
            )

    @property
    def answer_status(self) -> int | None:
        """The status of the error answer, if this fault replaces the answer with an error."""
        if self.status is None and self.retry_after is not None:
            return 429
        return self.status

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Fault:
        """A fault from the keys of `POST /_emulator/faults`; unknown keys and wrong types are errors."""
        known = {field.name for field in fields(cls)}
        unknown = sorted(set(data) - known)
        if unknown:
            raise ValueError(
                f"unknown fault keys: {', '.join(unknown)}; known: {', '.join(sorted(known))}"
            )
        return msgspec.convert(data, cls)


def _one_header_line(value: str) -> bool:
    """Whether a header value goes out as it is: Latin-1 (as http.server writes it), no CR, LF or NUL
    (which would end the line and start another header, or another answer)."""
    try:
        value.encode("latin-1")
    except UnicodeEncodeError:
        return False
    return not any(character in value for character in "\r\n\x00")


@dataclass
class _Pending:
    fault: Fault
    remaining: int


class FaultBoard:
    """Faults waiting for the next requests of each (vendor, operation); thread-safe."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._pending: dict[tuple[str, str], deque[_Pending]] = {}

    def add(self, vendor: str, operation: str, fault: Fault, times: int) -> None:
        if not isinstance(times, int) or isinstance(times, bool) or times < 1:
            raise ValueError(f"times must be a whole number, 1 or more, got {times!r}")
        with self._lock:
            self._pending.setdefault((vendor, operation), deque()).append(_Pending(fault, times))

    def take(self, vendor: str, operation: str) -> Fault | None:
        """The fault for this request, counting one use of it; None when none is waiting."""
        with self._lock:
            queue = self._pending.get((vendor, operation))
            if not queue:
                return None
            entry = queue[0]
            entry.remaining -= 1
            if entry.remaining == 0:
                queue.popleft()
            return entry.fault

    def clear(self) -> None:
        with self._lock:
            self._pending.clear()
