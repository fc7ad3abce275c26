# Generated from endpoints.yaml (sha256 4351ed15912ba5b4183a09621d482cd17cd9c2b41bcff903f0b6de6a59f0a3d9) by `python -m codegen generate`. Do not edit.
"""The runtime's fixed numbers, in one place: retrying, timeouts and how much of an error body is kept."""

from __future__ import annotations

# Statuses after which an idempotent operation is repeated (with backoff and `Retry-After`).
RETRY_STATUSES = frozenset({408, 429, 500, 502, 503, 504})

# Exponential backoff between attempts, in seconds: 0.5, 1, 2, ... up to 8, each with jitter.
BACKOFF_INITIAL = 0.5
BACKOFF_MAX = 8.0

# A server asking to wait longer than this gets the error at once, carrying the value it asked for.
RETRY_AFTER_MAX = 60.0

# Seconds to wait for a connection, and for each read of the response.
CONNECT_TIMEOUT = 5.0
READ_TIMEOUT = 30.0

# A status error keeps at most this much of the response body, so a huge error page cannot fill memory.
MAX_ERROR_BODY = 64 * 1024
