# Generated from endpoints.yaml (sha256 ebc95d4baae576ed108f8559465dd9ecdfbd188f64bda9ce1d809748c23072eb) by `ticketing-codegen generate`. Do not edit.
"""What a failed attempt or an unreadable answer becomes: the package's own errors.

Loaded with the first failure, not with the package (urllib3 is loaded by then).
"""

from __future__ import annotations

from typing import Any

import msgspec
from urllib3.exceptions import ConnectTimeoutError, NewConnectionError, ReadTimeoutError

from . import errors
from ._endpoint import Endpoint
from ._responses import RawResponse


def is_connect_timeout(exc: Exception) -> bool:
    return isinstance(exc, ConnectTimeoutError)


def attempt_failure(
    endpoint: Endpoint[Any],
    exc: Exception,
    method: str,
    display: str,
    attempt: int,
    request_id: str | None,
) -> errors.ApiConnectionError:
    """The package's error for a failed attempt: refused is a connection error, slow is a timeout."""
    if isinstance(exc, NewConnectionError):
        return errors.ApiConnectionError(
            f"{endpoint.name}: cannot connect to {display}: {type(exc).__name__}",
            attempts=attempt,
            request_id=request_id,
        )
    if is_connect_timeout(exc):
        return errors.ApiTimeoutError(
            f"{endpoint.name}: cannot connect to {display} in time: {type(exc).__name__}",
            attempts=attempt,
            request_id=request_id,
        )
    error_class = (
        errors.ApiTimeoutError if isinstance(exc, ReadTimeoutError) else errors.ApiConnectionError
    )
    return error_class(
        f"{endpoint.name}: {method} {display} failed after the request was sent: "
        f"{type(exc).__name__}",
        attempts=attempt,
        request_id=request_id,
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
