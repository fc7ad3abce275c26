# Generated from endpoints.yaml (sha256 4351ed15912ba5b4183a09621d482cd17cd9c2b41bcff903f0b6de6a59f0a3d9) by `python -m codegen generate`. Do not edit.
"""Errors raised by the client.

Every error derives from `ApiError`. Catch a subclass for one situation (`NotFoundError`), or `ApiError`
for anything the client raises. Error texts never contain credentials or other secrets.
"""

from __future__ import annotations

from collections.abc import Mapping

from ._constants import MAX_ERROR_BODY


class ApiError(Exception):
    """Base class of every error the client raises."""


class ArgumentError(ApiError, ValueError):
    """An argument was rejected before anything was sent."""


class ApiConnectionError(ApiError):
    """The server could not be reached, or the connection failed before a response arrived."""

    def __init__(self, message: str, *, attempts: int = 1, request_id: str | None = None) -> None:
        super().__init__(message)
        self.attempts = attempts
        self.request_id = request_id


class ApiTimeoutError(ApiConnectionError):
    """The server did not answer within the timeout."""


class StatusError(ApiError):
    """The server answered with a status that is not a success."""

    def __init__(
        self,
        message: str,
        *,
        status: int,
        headers: Mapping[str, str],
        body: bytes,
        request_id: str | None = None,
        attempts: int = 1,
        retry_after: float | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.headers: dict[str, str] = dict(headers)
        self.body: bytes = body[:MAX_ERROR_BODY]
        self.request_id = request_id
        self.attempts = attempts
        self.retry_after = retry_after


class BadRequestError(StatusError):
    """400: the server rejected the request."""


class AuthenticationError(StatusError):
    """401: the credentials are missing or wrong."""


class PermissionDeniedError(StatusError):
    """403: the credentials do not allow this operation."""


class NotFoundError(StatusError):
    """404: no such resource."""


class ConflictError(StatusError):
    """409: the request conflicts with the resource's state."""


class PreconditionFailedError(StatusError):
    """412: the resource changed since the time given in `If-Unmodified-Since`."""


class UnprocessableEntityError(StatusError):
    """422: the request was understood but its content is invalid."""


class RateLimitError(StatusError):
    """429: too many requests."""


class ServerError(StatusError):
    """5xx: the server failed."""


STATUS_ERRORS: dict[int, type[StatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    412: PreconditionFailedError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}


def status_error_class(status: int) -> type[StatusError]:
    """The class raised for an HTTP status that is not a success."""
    if status >= 500:
        return ServerError
    return STATUS_ERRORS.get(status, StatusError)


class DecodeError(ApiError):
    """The response body does not have the documented shape."""

    def __init__(
        self,
        message: str,
        *,
        operation: str,
        path: str,
        body: bytes,
        status: int,
        request_id: str | None = None,
    ) -> None:
        super().__init__(message)
        self.operation = operation
        self.path = path
        self.body = body
        self.status = status
        self.request_id = request_id


class EnvelopeError(ApiError):
    """The response envelope reports a failure (`result.status` is not the vendor's success value).

    Raised even with HTTP 200; only vendors whose responses are enveloped raise it.
    """

    def __init__(
        self, text: str, *, status: str, message: str, message_id: str, operation: str, body: bytes
    ) -> None:
        super().__init__(text)
        self.status = status
        self.message = message
        self.message_id = message_id
        self.operation = operation
        self.body = body
