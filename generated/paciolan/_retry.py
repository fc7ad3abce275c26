# Generated from endpoints.yaml (sha256 3750acddfbb35d332c19e57261e2fb4db0cd75297ec40220e5e2d195ab230ba7) by `ticketing-codegen generate`. Do not edit.
"""When a failed attempt is repeated, and after how long: small named decisions, one rule each.

- A connection that failed before the request left may always be repeated (`after_connect_failure`).
- Once the request may have reached the server, only an idempotent operation is repeated
  (`after_send_failure`): a checkout is never sent twice.
- A retryable status (`RETRY_STATUSES`) is repeated for idempotent operations, unless the server asks
  for a longer wait than `RETRY_AFTER_MAX` (`after_status`).
"""

from __future__ import annotations

import time
from collections.abc import Mapping

from ._constants import (
    BACKOFF_INITIAL,
    BACKOFF_MAX,
    RETRY_AFTER_MAX,
    RETRY_AFTER_UNREADABLE,
    RETRY_STATUSES,
)


def after_connect_failure(attempt: int, max_retries: int) -> bool:
    """The request never left: safe to send again whatever the method."""
    return attempt <= max_retries


def after_send_failure(attempt: int, max_retries: int, *, idempotent: bool) -> bool:
    """The request may have reached the server: only an idempotent operation is repeated."""
    return idempotent and attempt <= max_retries


def after_status(
    status: int, headers: Mapping[str, str], attempt: int, max_retries: int, *, idempotent: bool
) -> float | None:
    """Seconds to wait before repeating after `status`, or None when the answer stands."""
    if status not in RETRY_STATUSES or not idempotent or attempt > max_retries:
        return None
    wait = retry_after_seconds(headers.get("Retry-After"))
    if wait is None:
        return backoff_delay(attempt)
    return wait if wait <= RETRY_AFTER_MAX else None


def backoff_delay(attempt: int) -> float:
    """Exponential backoff with jitter: half to all of 0.5 s, 1 s, 2 s, ... capped at 8 s."""
    import random

    backoff = min(BACKOFF_MAX, BACKOFF_INITIAL * 2.0 ** (attempt - 1))
    return backoff * (0.5 + random.random() / 2)


def retry_after_seconds(value: str | None) -> float | None:
    """`Retry-After` in seconds, given as ASCII digits or an HTTP date; None when absent or unreadable.

    Unreadable includes digits of other scripts (`٣`, `²`, which Python's `float` would take), dates
    no calendar holds (year 99999999999) and numbers too large to mean anything.
    """
    if value is None:
        return None
    value = value.strip()
    if value.isascii() and value.isdigit():
        seconds = float(value)
        return seconds if seconds < RETRY_AFTER_UNREADABLE else None
    from email.utils import parsedate_to_datetime

    try:
        when = parsedate_to_datetime(value)
        return max(0.0, when.timestamp() - time.time())
    except (TypeError, ValueError, OverflowError, OSError, IndexError):
        return None
