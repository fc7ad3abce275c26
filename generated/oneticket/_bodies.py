# Generated from endpoints.yaml (sha256 ebc95d4baae576ed108f8559465dd9ecdfbd188f64bda9ce1d809748c23072eb) by `ticketing-codegen generate`. Do not edit.
"""Request bodies checked against their declared model before sending.

msgspec alone would ignore a misspelled key in a dict (`payment` for `payments` is silently dropped), send a
model of another type as it is, and turn a float amount into `0.30000000000000004`. Here a body is walked
along its declared type first: unknown keys are named (with the closest known key), a model must be the
declared one, and money takes `Decimal`, `int` or a decimal string, never a float.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

import msgspec

from . import errors
from ._serde import encode

# The fields of each model: wire name -> (Python name, type), read once per class.
_FIELDS: dict[type, dict[str, tuple[str, Any]]] = {}


def encode_body(operation: str, body: object, body_type: Any) -> bytes:
    """The JSON of `body` (a model, or a dict with the wire names) once checked against `body_type`."""
    _walk(operation, body, body_type, "body")
    try:
        if isinstance(body, msgspec.Struct):
            # A model built by hand is not validated by msgspec: a round trip checks every field.
            msgspec.convert(msgspec.to_builtins(body), type(body))
        else:
            body = msgspec.convert(body, body_type)
        return encode(body)
    except msgspec.ValidationError as exc:
        raise errors.ArgumentError(f"{operation}: invalid body: {exc}") from None
    except (TypeError, ValueError, OverflowError, RecursionError) as exc:
        # Lone surrogates, values msgspec cannot encode, nesting beyond its depth.
        raise errors.ArgumentError(f"{operation}: the body cannot be sent as JSON: {exc}") from None


def _walk(operation: str, value: object, declared: Any, where: str) -> None:
    if value is None or value is msgspec.UNSET:
        return  # absent or null: msgspec checks whether the field allows it
    declared = _without_none(declared)
    if isinstance(declared, type) and issubclass(declared, msgspec.Struct):
        _walk_model(operation, value, declared, where)
    elif declared is Decimal:
        if isinstance(value, float):
            raise errors.ArgumentError(
                f"{operation}: `{where}` is money: give a Decimal, an int or a decimal string, "
                f"not a float ({value!r})"
            )
    elif typing.get_origin(declared) is list:
        if not isinstance(value, (list, tuple)):
            # msgspec would take a set or a frozenset for a list, in no particular order.
            raise errors.ArgumentError(
                f"{operation}: `{where}` must be a list, got {type(value).__name__}"
            )
        (item_type,) = typing.get_args(declared)
        for index, item in enumerate(value):
            _walk(operation, item, item_type, f"{where}[{index}]")
    elif typing.get_origin(declared) is dict and isinstance(value, Mapping):
        item_type = typing.get_args(declared)[1]
        for key, item in value.items():
            _walk(operation, item, item_type, f"{where}[{key!r}]")


def _walk_model(operation: str, value: object, model: type[msgspec.Struct], where: str) -> None:
    fields = _fields(model)
    if isinstance(value, msgspec.Struct):
        if not isinstance(value, model):
            raise errors.ArgumentError(
                f"{operation}: `{where}` must be a {model.__name__} (or a dict with its wire names), "
                f"got a {type(value).__name__}"
            )
        for name, field_type in fields.values():
            _walk(operation, getattr(value, name), field_type, f"{where}.{name}")
    elif isinstance(value, Mapping):
        unknown = [key for key in value if key not in fields]
        if unknown:
            raise errors.ArgumentError(
                f"{operation}: `{where}` has keys {model.__name__} does not have: "
                + ", ".join(_with_suggestion(key, fields) for key in unknown)
            )
        for key, item in value.items():
            _walk(operation, item, fields[key][1], f"{where}.{key}")


def _with_suggestion(key: object, fields: Mapping[str, tuple[str, Any]]) -> str:
    text = repr(key)[:60]
    if not isinstance(key, str):
        return text
    # A Python name given where the wire name belongs is the likeliest slip of all.
    wire = next((w for w, (name, _) in fields.items() if name == key), None)
    if wire is None:
        import difflib  # only when a body is refused

        close = difflib.get_close_matches(key, list(fields), n=1)
    else:
        close = [wire]
    return f"{text} (did you mean {close[0]!r}?)" if close else text


def _fields(model: type[msgspec.Struct]) -> dict[str, tuple[str, Any]]:
    found = _FIELDS.get(model)
    if found is None:
        found = _FIELDS[model] = {
            field.encode_name: (field.name, field.type) for field in msgspec.structs.fields(model)
        }
    return found


def _without_none(declared: Any) -> Any:
    """`Model | None` (or `| UnsetType`) as `Model`: the part of a union a value is checked against."""
    if typing.get_origin(declared) in (typing.Union, types.UnionType):
        kept = [
            arg
            for arg in typing.get_args(declared)
            if arg is not type(None) and arg is not msgspec.UnsetType
        ]
        if len(kept) == 1:
            return kept[0]
    return declared
