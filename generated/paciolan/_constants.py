# Generated from endpoints.yaml (sha256 3750acddfbb35d332c19e57261e2fb4db0cd75297ec40220e5e2d195ab230ba7) by `ticketing-codegen generate`. Do not edit.
"""The runtime's fixed numbers, in one place: retrying, timeouts and how much of an error body is kept."""

from __future__ import annotations

# Statuses after which an idempotent operation is repeated (with backoff and `Retry-After`).
RETRY_STATUSES = frozenset({408, 429, 500, 502, 503, 504})

# Exponential backoff between attempts, in seconds: 0.5, 1, 2, ... up to 8, each with jitter.
BACKOFF_INITIAL = 0.5
BACKOFF_MAX = 8.0

# A server asking to wait longer than this gets the error at once, carrying the value it asked for.
RETRY_AFTER_MAX = 60.0
# A `Retry-After` of more seconds than this (about 30 years) is unreadable, treated as absent.
RETRY_AFTER_UNREADABLE = 1e9

# Seconds to wait for a connection, for each read of the response, and for a whole call (all attempts).
CONNECT_TIMEOUT = 5.0
READ_TIMEOUT = 30.0
TOTAL_TIMEOUT = 120.0

# A status error keeps at most this much of the response body, so a huge error page cannot fill memory.
MAX_ERROR_BODY = 64 * 1024
# `str(error)` of a status error shows this much of the vendor's own message at most.
MAX_VENDOR_MESSAGE = 200

# Interim answers (102 Processing, 103 Early Hints) skipped before the real one; more end the connection.
MAX_INTERIM_ANSWERS = 10
# Header lines of one interim answer (http.client allows as many in a final one).
MAX_HEADER_LINES = 100

# The most a response body may hold, counted decompressed while reading (the client's `max_response_bytes`
# default). The largest documented payloads (a 60,000-seat manifest, a long purchase list) are a few
# megabytes; 64 MiB leaves room for ten times that and still stops a gzip bomb early.
MAX_RESPONSE_BYTES = 64 * 1024 * 1024
# The most a downloaded file (a PDF, an export) may hold, as stored (`max_download_bytes` default).
MAX_DOWNLOAD_BYTES = 4 * 1024 * 1024 * 1024
# Bytes asked of the socket per read while a body is read or streamed.
READ_PIECE = 64 * 1024

# The longest line of a batch export file (rows are under 1 KB); a longer one is an `ExportRowError`.
MAX_EXPORT_LINE = 1024 * 1024
# The most bytes one decompression step of an export stream gives at once.
GUNZIP_PIECE = 64 * 1024
