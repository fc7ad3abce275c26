# Generated from endpoints.yaml (sha256 8cea78c481bb0c898454448e69acce3338305be08f656d0e05a18e28682411ae) by `python -m codegen generate`. Do not edit.
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
