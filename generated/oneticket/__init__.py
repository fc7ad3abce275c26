# Generated from endpoints.yaml (sha256 d91feaf3631e665d84a735c403b392e5ae61e81e50b1b511815a997b8133b302) by `python -m codegen generate`. Do not edit.
"""1Ticket legacy API: a typed client generated from `endpoints.yaml`.

    from oneticket import OneTicketClient

    with OneTicketClient(api_token=...) as client:
        ...

Models live in `oneticket.models`; errors in `oneticket.errors` (all derive from `ApiError`).
"""

from ._runtime import FilePart, MultipartDocument, RawResponse, Timeout, capture_responses
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
