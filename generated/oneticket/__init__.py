# Generated from endpoints.yaml (sha256 e9842a658987fccd5e86d670148ffa1b4be99622169dbd2298a01f82e14944a7) by `python -m codegen generate`. Do not edit.
"""1Ticket legacy API: a typed client generated from `endpoints.yaml`.

    from oneticket import OneTicketClient

    with OneTicketClient(api_token=...) as client:
        ...

Models live in `oneticket.models`; errors in `oneticket.errors` (all derive from `ApiError`).
"""

from ._multipart import FilePart, MultipartDocument
from ._responses import RawResponse, capture_responses
from ._runtime import Timeout
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
    "ServerError",
    "StatusError",
    "Timeout",
    "UnprocessableEntityError",
    "capture_responses",
    "decode",
    "encode",
]
