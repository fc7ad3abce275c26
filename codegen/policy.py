"""The generated runtime's policy, read from the runtime itself (`codegen/runtime/`).

The runtime's modules are the one home of which statuses are retried and which error class each status
raises; the reference (`reference.py`) documents what this module reads from them, so the two cannot
drift apart.
"""

from __future__ import annotations

from codegen.runtime import _constants, errors

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
