# Generated from endpoints.yaml (sha256 f43ab3e3cce8bce900723ba1965b99a1cd46607bbf91a2ee3d4173fb0b187811) by `python -m codegen generate`. Do not edit.
"""1Ticket legacy API: a typed client generated from `endpoints.yaml`.

    from oneticket import OneTicketClient

    with OneTicketClient(api_token=...) as client:
        ...

Models live in `oneticket.models`; errors in `oneticket.errors` (all derive from `ApiError`).
"""

from ._endpoint import Timeout
from ._multipart import FilePart, MultipartDocument
from ._responses import RawResponse, capture_responses
from ._serde import decode, encode
from .client import OneTicketClient
from .errors import (
    ApiConnectionError,
    ApiError,
    ApiTimeoutError,
    ArgumentError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    DecodeError,
    EnvelopeError,
    NotFoundError,
    PermissionDeniedError,
    PreconditionFailedError,
    RateLimitError,
    ResponseTooLargeError,
    ServerError,
    StatusError,
    UnprocessableEntityError,
)

__all__ = [
    "ApiConnectionError",
    "ApiError",
    "ApiTimeoutError",
    "ArgumentError",
    "AuthenticationError",
    "BadRequestError",
    "ConflictError",
    "DecodeError",
    "EnvelopeError",
    "FilePart",
    "MultipartDocument",
    "NotFoundError",
    "OneTicketClient",
    "PermissionDeniedError",
    "PreconditionFailedError",
    "RateLimitError",
    "RawResponse",
    "ResponseTooLargeError",
    "ServerError",
    "StatusError",
    "Timeout",
    "UnprocessableEntityError",
    "capture_responses",
    "decode",
    "encode",
]
