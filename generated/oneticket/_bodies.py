# Generated from endpoints.yaml (sha256 3750acddfbb35d332c19e57261e2fb4db0cd75297ec40220e5e2d195ab230ba7) by `ticketing-codegen generate`. Do not edit.
"""Request bodies checked against their declared model before sending.

msgspec alone would ignore a misspelled key in a dict (`payment` for `payments` is silently dropped), send a
model of another type as it is, and turn a float amount into `0.30000000000000004`. Here a body is walked
along its declared type first: unknown keys are named (with the closest known key), a model must be the
declared one, and money takes `Decimal`, `int` or a decimal string, never a float.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any

import msgspec

from . import errors
from ._serde import encode

# A check: (operation, value, where) -> None, raising ArgumentError.
_Check = Callable[[str, object, str], None]

# The fields of each model: wire name -> (Python name, type), read once per class.
_FIELDS: dict[type, dict[str, tuple[str, Any]]] = {}
# The check of each declared type, worked out once (None: nothing msgspec would not check itself).
_CHECKS: dict[Any, _Check | None] = {}


def encode_body(operation: str, body: object, body_type: Any) -> bytes:
    """The JSON of `body` (a model, or a dict with the wire names) once checked against `body_type`."""
    _check(operation, body, body_type, "body")
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


def _check(operation: str, value: object, declared: Any, where: str) -> None:
    if value is None or value is msgspec.UNSET:
        return  # absent or null: msgspec checks whether the field allows it
    check = _check_of(declared)
    if check is not None:
        check(operation, value, where)


def _check_of(declared: Any) -> _Check | None:
    """The check of a declared type, made on first use: a body walks only what needs checking."""
    try:
        return _CHECKS[declared]
    except KeyError:
        pass
    kept = _without_none(declared)
    check: _Check | None = None
    if isinstance(kept, type) and issubclass(kept, msgspec.Struct):
        check = _ModelCheck(kept)
    elif kept is Decimal:
        check = _check_money
    elif typing.get_origin(kept) is list:
        check = _ListCheck(typing.get_args(kept)[0])
    elif typing.get_origin(kept) is dict and _check_of(typing.get_args(kept)[1]) is not None:
        check = _DictCheck(typing.get_args(kept)[1])
    _CHECKS[declared] = check
    return check


def _check_money(operation: str, value: object, where: str) -> None:
    if isinstance(value, float):
        raise errors.ArgumentError(
            f"{operation}: `{where}` is money: give a Decimal, an int or a decimal string, "
            f"not a float ({value!r})"
        )


class _ListCheck:
    def __init__(self, item_type: Any) -> None:
        self.item_type = item_type

    def __call__(self, operation: str, value: object, where: str) -> None:
        if not isinstance(value, (list, tuple)):
            # msgspec would take a set or a frozenset for a list, in no particular order.
            raise errors.ArgumentError(
                f"{operation}: `{where}` must be a list, got {type(value).__name__}"
            )
        if _check_of(self.item_type) is not None:
            for index, item in enumerate(value):
                _check(operation, item, self.item_type, f"{where}[{index}]")


class _DictCheck:
    def __init__(self, item_type: Any) -> None:
        self.item_type = item_type

    def __call__(self, operation: str, value: object, where: str) -> None:
        if isinstance(value, Mapping):
            for key, item in value.items():
                _check(operation, item, self.item_type, f"{where}[{key!r}]")


class _ModelCheck:
    """A model, or a dict with its wire names: the declared class, known keys, then the fields that
    need a check of their own (worked out on the first body, so that a model may contain itself)."""

    def __init__(self, model: type[msgspec.Struct]) -> None:
        self.model = model
        self._checked: list[tuple[str, str, Any]] | None = None

    def checked(self) -> list[tuple[str, str, Any]]:
        """(wire name, Python name, type) of each field whose values need a check."""
        if self._checked is None:
            self._checked = [
                (wire, name, field_type)
                for wire, (name, field_type) in _fields(self.model).items()
                if _check_of(field_type) is not None
            ]
        return self._checked

    def __call__(self, operation: str, value: object, where: str) -> None:
        model = self.model
        if isinstance(value, msgspec.Struct):
            if not isinstance(value, model):
                raise errors.ArgumentError(
                    f"{operation}: `{where}` must be a {model.__name__} (or a dict with its wire "
                    f"names), got a {type(value).__name__}"
                )
            for _, name, field_type in self.checked():
                _check(operation, getattr(value, name), field_type, f"{where}.{name}")
        elif isinstance(value, Mapping):
            fields = _fields(model)
            unknown = [key for key in value if key not in fields]
            if unknown:
                raise errors.ArgumentError(
                    f"{operation}: `{where}` has keys {model.__name__} does not have: "
                    + ", ".join(_with_suggestion(key, fields) for key in unknown)
                )
            for wire, _, field_type in self.checked():
                if wire in value:
                    _check(operation, value[wire], field_type, f"{where}.{wire}")


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
