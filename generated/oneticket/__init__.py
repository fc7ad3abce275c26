# Generated from endpoints.yaml (sha256 3750acddfbb35d332c19e57261e2fb4db0cd75297ec40220e5e2d195ab230ba7) by `ticketing-codegen generate`. Do not edit.
"""1Ticket legacy API: a typed client generated from `endpoints.yaml`.

    from oneticket import OneTicketClient

    with OneTicketClient(api_token=...) as client:
        ...

Models live in `oneticket.models`; errors in `oneticket.errors` (all derive from `ApiError`).
"""

import importlib
from typing import TYPE_CHECKING

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

# The release of this package (`version:` in the registry) and the registry it was generated from.
__version__ = "0.1.0"
__registry_sha256__ = "3750acddfbb35d332c19e57261e2fb4db0cd75297ec40220e5e2d195ab230ba7"

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

if TYPE_CHECKING:
    from . import models as models
else:

    def __getattr__(name: str) -> object:
        # `oneticket.models` works without importing it first, as it did before the models were
        # imported lazily (by the first call that needs them).
        if name == "models":
            return importlib.import_module(f"{__name__}.models")
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
