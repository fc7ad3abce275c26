# Generated from endpoints.yaml (sha256 3750acddfbb35d332c19e57261e2fb4db0cd75297ec40220e5e2d195ab230ba7) by `ticketing-codegen generate`. Do not edit.
"""Credentials the caller did not pass, read from the environment variables the registry names for them.

The error for a missing or malformed one names the argument and the variable, never a value.
"""

from __future__ import annotations

import os
from typing import TypeVar

from . import errors

_Value = TypeVar("_Value", str, int)


def from_environment(
    argument: str, given: _Value | None, variable: str, kind: type[_Value]
) -> _Value:
    """`given`, or else the environment variable `variable` converted to `kind`."""
    if given is not None:
        return given
    value = os.environ.get(variable, "")
    if not value:
        raise errors.ArgumentError(
            f"{argument} is required: pass it, or set the environment variable {variable}"
        )
    try:
        return kind(value)
    except ValueError:
        raise errors.ArgumentError(
            f"the environment variable {variable} ({argument}) is not a valid {kind.__name__}"
        ) from None
