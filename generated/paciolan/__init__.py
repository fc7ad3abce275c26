# Generated from endpoints.yaml (sha256 d91feaf3631e665d84a735c403b392e5ae61e81e50b1b511815a997b8133b302) by `python -m codegen generate`. Do not edit.
"""Paciolan PDI: a typed client generated from `endpoints.yaml`.

    from paciolan import PaciolanClient

    with PaciolanClient(api_key=..., application_id=..., channel_code=..., organization_id=..., user_agent=...) as client:
        ...

Models live in `paciolan.models`; errors in `paciolan.errors` (all derive from `ApiError`).
"""

from ._runtime import FilePart, MultipartDocument, RawResponse, Timeout, capture_responses
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
    "ServerError",
    "StatusError",
    "Timeout",
    "UnprocessableEntityError",
    "capture_responses",
    "decode",
    "encode",
]
