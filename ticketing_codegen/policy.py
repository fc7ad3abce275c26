"""The generated runtime's policy: what may be repeated, which statuses are retried, which error class
each status raises.

Idempotency is decided here for the resolver; the retry statuses and status classes are read from the
runtime itself (`ticketing_codegen/runtime/`), their one home, so the reference (`reference.py`) that documents
them cannot drift from what the clients do.
"""

from __future__ import annotations

from ticketing_codegen.runtime import _constants, errors

# HTTP methods whose repetition is safe by definition (RFC 9110, 9.2.2); the registry may say otherwise.
# (In the order the reference lists them.)
IDEMPOTENT_METHODS = ("GET", "HEAD", "PUT", "DELETE")


def is_idempotent(method: str, declared: bool | None) -> bool:
    """Whether an operation may be sent again: the registry's `idempotent:`, else by its method."""
    return declared if declared is not None else method in IDEMPOTENT_METHODS


# Statuses after which an idempotent operation is repeated (with backoff and `Retry-After`).
RETRY_STATUSES = tuple(sorted(_constants.RETRY_STATUSES))


def _meaning(cls: type[errors.StatusError]) -> str:
    """`NotFoundError`'s docstring is "404: no such resource.": the part after the status."""
    return (cls.__doc__ or "").split(": ", 1)[-1].strip()


# (class name, status, what it means), one `StatusError` subclass each.
STATUS_ERRORS = tuple(
    (cls.__name__, status, _meaning(cls)) for status, cls in errors.STATUS_ERRORS.items()
)
# Every 5xx status raises this one.
SERVER_ERROR = (errors.ServerError.__name__, _meaning(errors.ServerError))
