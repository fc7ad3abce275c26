"""The emulator's limits: what one client (or a hostile one) may cost it in memory, threads and time.

Every limit is generous for real use (a test suite, a demo) and small enough that a flood, a huge declared
length or a thousand idle connections cannot exhaust the machine. `Emulator(limits=Limits(...))` changes
them; the tests use small ones.
"""

from __future__ import annotations

from dataclasses import dataclass

# A request body (Content-Length, or the sum of its chunks) larger than this is a 413, refused before any
# of it is read. The largest documented request bodies are a few kilobytes.
MAX_REQUEST_BODY_BYTES = 8 * 1024 * 1024
# The request line and headers together, as read; more is a 431 (http.server alone allows 100 header
# lines of 64 KB each). The clients' own are under a kilobyte.
MAX_REQUEST_HEAD_BYTES = 32 * 1024
# A connection that sends nothing for this long (between requests, or in the middle of one) is closed.
IDLE_TIMEOUT_SECONDS = 30.0
# Reading one request (its line, headers and body) takes at most this long, counted from when the
# connection is ready for it: a client that sends a byte now and then, each within the idle timeout, is
# closed too. Longer than the idle timeout, which ends a connection that sends nothing first.
REQUEST_DEADLINE_SECONDS = 60.0
# Connections served at once (one handler thread each); more wait in the listen backlog for a free slot.
MAX_CONNECTIONS = 256
# The journal keeps the latest requests (and rejection messages) only, and at most this much of each body:
# with the head limit, at most about 64 MB however many requests arrive.
JOURNAL_MAX_REQUESTS = 1000
JOURNAL_MAX_BODY_BYTES = 32 * 1024


@dataclass(frozen=True)
class Limits:
    """What one client may cost the emulator (each default is the constant of the same name above)."""

    max_request_body_bytes: int = MAX_REQUEST_BODY_BYTES
    max_request_head_bytes: int = MAX_REQUEST_HEAD_BYTES
    idle_timeout: float = IDLE_TIMEOUT_SECONDS
    request_deadline: float = REQUEST_DEADLINE_SECONDS
    max_connections: int = MAX_CONNECTIONS
    journal_max_requests: int = JOURNAL_MAX_REQUESTS
    journal_max_body_bytes: int = JOURNAL_MAX_BODY_BYTES

    def __post_init__(self) -> None:
        for name in (
            "max_request_body_bytes",
            "max_request_head_bytes",
            "max_connections",
            "journal_max_requests",
        ):
            if getattr(self, name) < 1:
                raise ValueError(f"Limits.{name} must be at least 1, got {getattr(self, name)}")
        if self.journal_max_body_bytes < 0:
            raise ValueError("Limits.journal_max_body_bytes must not be negative")
        for name in ("idle_timeout", "request_deadline"):
            if not getattr(self, name) > 0:  # NaN fails too
                raise ValueError(f"Limits.{name} must be positive, got {getattr(self, name)}")
