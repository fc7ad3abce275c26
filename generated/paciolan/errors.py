# Generated from endpoints.yaml (sha256 3750acddfbb35d332c19e57261e2fb4db0cd75297ec40220e5e2d195ab230ba7) by `ticketing-codegen generate`. Do not edit.
"""Errors raised by the client.

Every error derives from `ApiError`. Catch a subclass for one situation (`NotFoundError`), or `ApiError`
for anything the client raises. Error texts never contain credentials or other secrets.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any

import msgspec

from ._constants import MAX_ERROR_BODY, MAX_VENDOR_MESSAGE


class ApiError(Exception):
    """Base class of every error the client raises."""

    def __reduce__(self) -> tuple[Any, ...]:
        # Keyword-only fields do not survive the default pickling (`cls(*args)`): rebuild from the
        # message and the fields, so errors cross process pools.
        return (_rebuild, (type(self), self.args, self.__dict__))


def _rebuild(cls: type[ApiError], args: tuple[Any, ...], fields: dict[str, Any]) -> ApiError:
    error = cls.__new__(cls)
    error.args = args
    error.__dict__.update(fields)
    return error


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
        secrets: Collection[str] = (),
    ) -> None:
        body = body[:MAX_ERROR_BODY]
        self.vendor_message: str | None = vendor_message(
            body, headers.get("Content-Type") or "", secrets
        )
        """The server's own explanation (the body's `message`, or its text), shortened; or None."""
        if self.vendor_message:
            message = f"{message}: {self.vendor_message}"
        super().__init__(message)
        self.status = status
        self.headers: dict[str, str] = dict(headers)
        self.body: bytes = body
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


# Where vendors put the explanation of an error, in the order looked for (one level of nesting too:
# `{"error": {"message": ...}}`, `{"result": {"message": ...}}`).
_MESSAGE_KEYS = ("message", "error_description", "errorMessage", "detail", "title", "error", "msg")
_NESTING_KEYS = ("error", "result", "errors")


def vendor_message(body: bytes, content_type: str, secrets: Collection[str] = ()) -> str | None:
    """The explanation in an error body, on one line and at most MAX_VENDOR_MESSAGE characters.

    `secrets` (the client's credentials) are masked, should the server echo one.
    """
    if not body:
        return None
    text: object = None
    if "json" in content_type or body.lstrip()[:1] in (b"{", b"["):
        try:
            text = _message_in(msgspec.json.decode(body), depth=0)
        except (msgspec.DecodeError, RecursionError):
            text = None
    elif content_type.startswith("text/plain") or not content_type:
        text = body.decode("utf-8", "replace")
    if not isinstance(text, str):
        return None
    line = " ".join("".join(c if c.isprintable() else " " for c in text[:1000]).split())
    for secret in secrets:
        line = line.replace(secret, "***")
    if len(line) > MAX_VENDOR_MESSAGE:
        line = line[: MAX_VENDOR_MESSAGE - 1] + "…"
    return line or None


def _message_in(document: object, depth: int) -> object:
    if isinstance(document, list) and document and depth < 2:
        return _message_in(document[0], depth + 1)
    if not isinstance(document, dict):
        return None
    for key in _MESSAGE_KEYS:
        value = document.get(key)
        if isinstance(value, str) and value.strip():
            return value
    if depth < 2:
        for key in _NESTING_KEYS:
            found = _message_in(document.get(key), depth + 1)
            if found:
                return found
    return None


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
        self.body: bytes = body[:MAX_ERROR_BODY]  # a 50 MB body that is not JSON is not kept whole
        self.status = status
        self.request_id = request_id


class ResponseTooLargeError(ApiError):
    """The response (or downloaded file) passed its size limit; reading stopped there.

    `setting` names the client setting that holds the limit (`max_response_bytes` or
    `max_download_bytes`); `limit` is its value in bytes.
    """

    def __init__(
        self, message: str, *, limit: int, setting: str, request_id: str | None = None
    ) -> None:
        super().__init__(message)
        self.limit = limit
        self.setting = setting
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
