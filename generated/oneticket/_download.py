# Generated from endpoints.yaml (sha256 3750acddfbb35d332c19e57261e2fb4db0cd75297ec40220e5e2d195ab230ba7) by `ticketing-codegen generate`. Do not edit.
"""Files the API points at (an export, a PDF), streamed: their bytes as sent, never held in memory.

Loaded with the first download, not with the package.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

import urllib3
from urllib3.exceptions import HTTPError, ReadTimeoutError

from . import errors
from ._connections import read_deadline
from ._constants import MAX_ERROR_BODY, READ_PIECE
from ._endpoint import Timeout
from ._failures import attempt_failure, status_error
from ._files import on_own_server

if TYPE_CHECKING:
    from ._runtime import Transport


@contextmanager
def stream(
    transport: Transport, operation: str, url: str, timeout: Timeout
) -> Iterator[Iterator[bytes]]:
    """GET `url` and give its body in chunks as sent (never decoded), without holding it in memory.

    The vendor's credential headers go only to the client's own servers (below a base URL): a file
    host named in a response (a PDF or export URL) never sees them. The headers must arrive within
    `timeout.total`; then each chunk within `timeout.read` (an idle timeout). The file may hold at
    most the transport's `max_download_bytes`.
    """
    pool = transport._connection_pool(url)
    headers = dict(transport.headers) if on_own_server(url, transport.base_urls) else {}
    headers["Accept"] = "*/*"
    display = url.split("?", 1)[0]
    token = read_deadline.set(time.monotonic() + timeout.total)
    try:
        response = pool.request(
            "GET",
            url,
            headers=headers,
            timeout=urllib3.Timeout(connect=timeout.connect, read=timeout.read),
            redirect=False,
            retries=False,
            preload_content=False,
            decode_content=False,
        )
        # An error's body is read by the same deadline as the headers.
        failure = (
            status_error(
                operation,
                "GET",
                display,
                response.status,
                response.headers,
                _error_body(response),
                transport._secret_values,
            )
            if response.status >= 300
            else None
        )
    except HTTPError as exc:
        raise attempt_failure(operation, exc, "GET", display, 1, None) from None
    finally:
        read_deadline.reset(token)
    try:
        if failure is not None:
            raise failure
        yield _chunks(operation, display, response, timeout.read, transport.max_download_bytes)
    finally:
        # A body read to its end has given its connection back already; one left half-read makes
        # the connection unusable: close it, then give the slot back.
        response.close()
        response.release_conn()


def _chunks(
    operation: str, display: str, response: Any, idle_timeout: float, limit: int
) -> Iterator[bytes]:
    if (response.length_remaining or 0) > limit:
        # Announced larger than the limit: refused before a byte is written.
        raise _too_large(operation, display, limit)
    size = 0
    while True:
        token = read_deadline.set(time.monotonic() + idle_timeout)
        try:
            chunk = response.read(READ_PIECE, decode_content=False)
        except ReadTimeoutError:
            raise errors.ApiTimeoutError(
                f"{operation}: {display} did not send its next {READ_PIECE // 1024} KiB "
                f"within {idle_timeout:g}s"
            ) from None
        except HTTPError as exc:
            raise errors.ApiConnectionError(
                f"{operation}: the download of {display} failed: {type(exc).__name__}"
            ) from None
        finally:
            read_deadline.reset(token)
        if not chunk:
            return
        size += len(chunk)
        if size > limit:
            raise _too_large(operation, display, limit)
        yield chunk


def _too_large(operation: str, display: str, limit: int) -> errors.ResponseTooLargeError:
    return errors.ResponseTooLargeError(
        f"{operation}: {display} is larger than max_download_bytes={limit}",
        limit=limit,
        setting="max_download_bytes",
    )


def _error_body(response: Any) -> bytes:
    """The first MAX_ERROR_BODY bytes of an error's body; nothing when it cannot be decoded."""
    from ._body import UnreadableBody, read_body

    try:
        return read_body(response, MAX_ERROR_BODY, cut=True).data
    except UnreadableBody:
        return b""
