# Generated from endpoints.yaml (sha256 3750acddfbb35d332c19e57261e2fb4db0cd75297ec40220e5e2d195ab230ba7) by `ticketing-codegen generate`. Do not edit.
"""What a failed attempt or an unreadable answer becomes: the package's own errors.

Loaded with the first failure, not with the package (urllib3 is loaded by then).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import msgspec
from urllib3.exceptions import ConnectTimeoutError, NewConnectionError, ReadTimeoutError

from . import errors
from ._endpoint import Endpoint
from ._responses import RawResponse


def is_connect_timeout(exc: Exception) -> bool:
    return isinstance(exc, ConnectTimeoutError)


def attempt_failure(
    operation: str,
    exc: Exception,
    method: str,
    display: str,
    attempt: int,
    request_id: str | None,
) -> errors.ApiConnectionError:
    """The package's error for a failed attempt: refused is a connection error, slow is a timeout."""
    if isinstance(exc, NewConnectionError):
        return errors.ApiConnectionError(
            f"{operation}: cannot connect to {display}: {type(exc).__name__}",
            attempts=attempt,
            request_id=request_id,
        )
    if is_connect_timeout(exc):
        return errors.ApiTimeoutError(
            f"{operation}: cannot connect to {display} in time: {type(exc).__name__}",
            attempts=attempt,
            request_id=request_id,
        )
    error_class = (
        errors.ApiTimeoutError if isinstance(exc, ReadTimeoutError) else errors.ApiConnectionError
    )
    return error_class(
        f"{operation}: {method} {display} failed after the request was sent: {type(exc).__name__}",
        attempts=attempt,
        request_id=request_id,
    )


def status_error(
    operation: str,
    method: str,
    display: str,
    status: int,
    headers: Mapping[str, str],
    body: bytes,
    secrets: tuple[str, ...],
    *,
    request_id: str | None = None,
    attempts: int = 1,
) -> errors.StatusError:
    """The error of an answer with a failure status: its class by status, `Retry-After` read."""
    from . import _retry

    return errors.status_error_class(status)(
        f"{operation}: {method} {display} returned HTTP {status}",
        status=status,
        headers=headers,
        body=body,
        request_id=request_id,
        attempts=attempts,
        retry_after=_retry.retry_after_seconds(headers.get("Retry-After")),
        secrets=secrets,
    )


def decode_error(
    endpoint: Endpoint[Any], response: RawResponse, exc: msgspec.DecodeError | RecursionError
) -> errors.DecodeError:
    """The `DecodeError` of an answer that is not the documented shape, with its JSON path."""
    # msgspec raises RecursionError for JSON nested deeper than it follows: a shape problem too.
    text = "nested too deeply" if isinstance(exc, RecursionError) else str(exc)
    path = text.rsplit(" - at `", 1)[1].rstrip("`") if " - at `" in text else "$"
    content_type = response.headers.get("Content-Type", "unknown")
    return response.decode_error(
        endpoint.name,
        f"the response (HTTP {response.status}, {content_type}) is not the documented shape: {text}",
        path,
    )
