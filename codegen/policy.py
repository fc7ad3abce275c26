"""The generated runtime's policy: what may be repeated, which statuses are retried, which error class
each status raises.

One place for the resolver (idempotency), the templates that implement it (`_runtime.py.j2`,
`errors.py.j2`) and the reference that documents it (`reference.py`), so they cannot drift apart.
"""

from __future__ import annotations

# HTTP methods whose repetition is safe by definition (RFC 9110, 9.2.2); the registry may say otherwise.
IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "PUT", "DELETE"})


def is_idempotent(method: str, declared: bool | None) -> bool:
    """Whether an operation may be sent again: the registry's `idempotent:`, else by its method."""
    return declared if declared is not None else method in IDEMPOTENT_METHODS


# Statuses after which an idempotent operation is repeated (with backoff and `Retry-After`).
RETRY_STATUSES = (408, 429, 500, 502, 503, 504)

# (class name, status, what it means), one `StatusError` subclass each.
STATUS_ERRORS = (
    ("BadRequestError", 400, "the server rejected the request."),
    ("AuthenticationError", 401, "the credentials are missing or wrong."),
    ("PermissionDeniedError", 403, "the credentials do not allow this operation."),
    ("NotFoundError", 404, "no such resource."),
    ("ConflictError", 409, "the request conflicts with the resource's state."),
    (
        "PreconditionFailedError",
        412,
        "the resource changed since the time given in `If-Unmodified-Since`.",
    ),
    ("UnprocessableEntityError", 422, "the request was understood but its content is invalid."),
    ("RateLimitError", 429, "too many requests."),
)
# Every 5xx status raises this one.
SERVER_ERROR = ("ServerError", "the server failed.")
