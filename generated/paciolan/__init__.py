# Generated from endpoints.yaml (sha256 f43ab3e3cce8bce900723ba1965b99a1cd46607bbf91a2ee3d4173fb0b187811) by `python -m codegen generate`. Do not edit.
"""Paciolan PDI: a typed client generated from `endpoints.yaml`.

    from paciolan import PaciolanClient

    with PaciolanClient(api_key=..., application_id=..., channel_code=..., organization_id=..., user_agent=...) as client:
        ...

Models live in `paciolan.models`; errors in `paciolan.errors` (all derive from `ApiError`).
"""

from ._endpoint import Timeout
from ._multipart import FilePart, MultipartDocument
from ._responses import RawResponse, capture_responses
from ._serde import decode, encode
from .client import PaciolanClient
from .errors import (
    ApiConnectionError,
    ApiError,
    ApiTimeoutError,
    ArgumentError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    DecodeError,
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
    "FilePart",
    "MultipartDocument",
    "NotFoundError",
    "PaciolanClient",
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
