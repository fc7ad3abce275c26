# Generated from endpoints.yaml (sha256 f43ab3e3cce8bce900723ba1965b99a1cd46607bbf91a2ee3d4173fb0b187811) by `python -m codegen generate`. Do not edit.
"""Client settings, checked when the client is built: a wrong value fails there, named, not later.

A `None` token, `timeout=0`, `timeout="5"`, a base URL without a scheme or `max_retries=2.5` would
otherwise fail on the first request with urllib3's or Python's own errors, or never at all.
"""

from __future__ import annotations

import math

from . import errors
from ._endpoint import Timeout


def _seconds(name: str, value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise errors.ArgumentError(
            f"{name} must be a number of seconds, got {type(value).__name__}"
        )
    seconds = float(value)
    if not (math.isfinite(seconds) and seconds > 0):
        raise errors.ArgumentError(
            f"{name} must be a finite number of seconds above 0, got {value!r}"
        )
    return seconds


def timeout_from(value: object) -> Timeout:
    """A `Timeout` from a number (connect, read and total alike) or a `Timeout`, checked."""
    if isinstance(value, Timeout):
        return Timeout(
            _seconds("timeout.connect", value.connect),
            _seconds("timeout.read", value.read),
            _seconds("timeout.total", value.total),
        )
    seconds = _seconds("timeout", value)
    return Timeout(seconds, seconds, seconds)
