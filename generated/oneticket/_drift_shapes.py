# Generated from endpoints.yaml (sha256 3750acddfbb35d332c19e57261e2fb4db0cd75297ec40220e5e2d195ab230ba7) by `ticketing-codegen generate`. Do not edit.
"""A response body against its declared type: the findings of a walk over the untyped JSON, and a strict
copy of the type (unknown fields forbidden, enums closed) that tells in one decode whether a walk is needed.

Both read the generated models through `msgspec.inspect` (wire names, required and optional fields,
nullability, enum values).
"""

from __future__ import annotations

import datetime
import decimal
import re
import uuid
from dataclasses import dataclass
from typing import Any, Literal

import msgspec
import msgspec.inspect as mi

from ._drift_masking import MASK, looks_secret, short_example

MAX_FINDINGS_PER_RESPONSE = 200  # a response with more is still walked no further
_SIMPLE_KEY = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


Kind = Literal[
    "unknown_field",  # a key the type does not declare
    "unknown_enum_value",  # a value the enum does not list
    "missing_field",  # a field declared present (not optional) is absent
    "null",  # null where the type is not nullable
    "wrong_type",  # another JSON type than declared
    "status",  # an HTTP status the runtime has no meaning for
    "content_type",  # another content type than the operation's
    "undecodable",  # a body that is not JSON (its first characters are kept)
]
# Besides the findings, one record per operation says that its cap was reached: "overflow".


@dataclass(frozen=True)
class Finding:
    """One way a response differs from the registry, before it is written."""

    kind: (
        str  # unknown_field | unknown_enum_value | missing_field | null | wrong_type | status | ...
    )
    path: str  # JSON path with list indices and object keys normalized: $.offers[].seats[].status
    type: str | None  # the registry type to change (the object's, or the enum's)
    field: str | None = None  # the wire name concerned
    example: Any = None  # masked and truncated
    expected: str | None = None  # what the registry declares, for the reader

    @property
    def key(self) -> str:
        """The dedup key (besides vendor and operation); a new enum value is a fact of its own."""
        value = (
            msgspec.json.encode(self.example).decode() if self.kind == "unknown_enum_value" else ""
        )
        return f"{self.kind}\n{self.path}\n{value}"


class StrictCopy:
    """A strict copy of a `msgspec.inspect` type: unknown fields forbidden, enums closed (`Literal`)."""

    def __init__(self) -> None:
        self._structs: dict[Any, Any] = {}

    def type_of(self, info: Any) -> Any:
        kind = type(info)
        if kind is mi.StructType:
            return self._struct(info)
        if kind is mi.UnionType:
            members = [self.type_of(t) for t in info.types]
            union = members[0]
            for member in members[1:]:
                union = union | member
            return union
        if kind in _LIST_TYPES:
            return list[self.type_of(info.item_type)]  # type: ignore[misc]
        if kind is mi.DictType:
            return dict[str, self.type_of(info.value_type)]  # type: ignore[misc]
        if kind is mi.EnumType or kind is mi.LiteralType:
            return Literal[tuple(_enum_values(info))]
        if kind in _STRICT_SCALARS:
            return _STRICT_SCALARS[kind]
        raise TypeError(f"no strict copy of {kind.__name__}")

    def _struct(self, info: Any) -> Any:
        built = self._structs.get(info.cls)
        if built is not None:
            return built
        self._structs[info.cls] = Any  # a type that contains itself: anything below, not a loop
        fields: list[Any] = []
        rename: dict[str, str] = {}
        for index, declared in enumerate(info.fields):
            attribute = f"f{index}"
            rename[attribute] = declared.encode_name
            field_type = self.type_of(declared.type)
            if declared.required:
                fields.append((attribute, field_type))
            else:
                fields.append((attribute, field_type | msgspec.UnsetType, msgspec.UNSET))
        built = msgspec.defstruct(
            _struct_name(info), fields, rename=rename, kw_only=True, forbid_unknown_fields=True
        )
        self._structs[info.cls] = built
        return built


class Walker:
    """Walks untyped JSON against a `msgspec.inspect` type, collecting findings."""

    def __init__(self, secret_names: frozenset[str]) -> None:
        self.findings: list[Finding] = []
        self._secret_names = secret_names

    def check(self, info: Any, value: Any, path: str, owner: str | None, field: str | None) -> None:
        if len(self.findings) >= MAX_FINDINGS_PER_RESPONSE:
            return
        if value is None:
            if not _nullable(info):
                self._add("null", path, owner, field, None, _describe(info))
            return
        kind = type(info)
        if kind is mi.StructType:
            self._struct(info, value, path, owner, field)
        elif kind is mi.UnionType:
            self._union(info, value, path, owner, field)
        elif kind in _LIST_TYPES:
            if not isinstance(value, list):
                self._add("wrong_type", path, owner, field, value, _describe(info))
                return
            item = info.item_type
            for element in value:
                self.check(item, element, path + "[]", owner, field)
        elif kind is mi.DictType:
            if not isinstance(value, dict):
                self._add("wrong_type", path, owner, field, value, _describe(info))
                return
            for element in value.values():
                self.check(info.value_type, element, path + "{}", owner, field)
        elif kind is mi.EnumType or kind is mi.LiteralType:
            values = _enum_values(info)
            if value not in values or isinstance(value, bool):
                if _scalar_matches(type(next(iter(values), "")), value):
                    name = info.cls.__name__ if kind is mi.EnumType else owner
                    self._add("unknown_enum_value", path, name, field, value, _describe(info))
                else:
                    self._add("wrong_type", path, owner, field, value, _describe(info))
        elif kind in _SCALAR_JSON and not _scalar_fits(kind, value):
            self._add("wrong_type", path, owner, field, value, _describe(info))

    def _struct(
        self, info: Any, value: Any, path: str, owner: str | None, field: str | None
    ) -> None:
        if not isinstance(value, dict):
            self._add("wrong_type", path, owner, field, value, _describe(info))
            return
        name = _struct_name(info)
        known = set()
        for declared in info.fields:
            wire = declared.encode_name
            known.add(wire)
            if wire in value:
                self.check(declared.type, value[wire], _child(path, wire), name, wire)
            elif declared.required:
                self._add(
                    "missing_field", _child(path, wire), name, wire, None, _describe(declared.type)
                )
        for key in value.keys() - known:
            example = MASK if looks_secret(key) else short_example(value[key], self._secret_names)
            self._add("unknown_field", _child(path, key), name, key, example, None)

    def _union(
        self, info: Any, value: Any, path: str, owner: str | None, field: str | None
    ) -> None:
        for member in info.types:
            if _json_kind_matches(member, value):
                self.check(member, value, path, owner, field)
                return
        self._add("wrong_type", path, owner, field, value, _describe(info))

    def _add(
        self,
        kind: Kind,
        path: str,
        type_name: str | None,
        field: str | None,
        example: Any,
        expected: str | None,
    ) -> None:
        if kind == "wrong_type":
            example = (
                short_example(example, self._secret_names)
                if field not in self._secret_names
                else MASK
            )
        self.findings.append(Finding(kind, path, type_name, field, example, expected))


_LIST_TYPES = (mi.ListType, mi.VarTupleType, mi.SetType, mi.FrozenSetType)
_SCALAR_JSON: dict[Any, Any] = {
    mi.StrType: str,
    mi.IntType: int,
    mi.FloatType: (int, float),
    mi.BoolType: bool,
    mi.DecimalType: (int, float, str),
    mi.DateType: str,
    mi.DateTimeType: str,
    mi.TimeType: str,
    mi.UUIDType: str,
    mi.NoneType: type(None),
}


_STRICT_SCALARS: dict[Any, Any] = {
    mi.AnyType: Any,
    mi.NoneType: None,
    mi.StrType: str,
    mi.IntType: int,
    mi.FloatType: float,
    mi.BoolType: bool,
    mi.DecimalType: decimal.Decimal,
    mi.DateType: datetime.date,
    mi.DateTimeType: datetime.datetime,
    mi.TimeType: datetime.time,
    mi.UUIDType: uuid.UUID,
}


def _json_kind_matches(info: Any, value: Any) -> bool:
    """Whether a union member could be meant for this JSON value (its JSON kind fits)."""
    kind = type(info)
    if kind is mi.AnyType:
        return True
    if kind is mi.StructType or kind is mi.DictType:
        return isinstance(value, dict)
    if kind in _LIST_TYPES:
        return isinstance(value, list)
    if kind is mi.EnumType or kind is mi.LiteralType:
        return _scalar_matches(type(next(iter(_enum_values(info)), "")), value)
    return kind in _SCALAR_JSON and _scalar_fits(kind, value)


def _scalar_fits(kind: Any, value: Any) -> bool:
    """Whether a JSON scalar fits a declared scalar type (a JSON boolean is no number)."""
    if isinstance(value, bool) and kind is not mi.BoolType:
        return False
    return isinstance(value, _SCALAR_JSON[kind])


def _scalar_matches(base: type, value: Any) -> bool:
    if isinstance(value, bool):
        return base is bool
    return isinstance(value, base)


def _enum_values(info: Any) -> frozenset[Any]:
    if type(info) is mi.LiteralType:
        return frozenset(info.values)
    return frozenset(member.value for member in info.cls)


def _nullable(info: Any) -> bool:
    kind = type(info)
    if kind is mi.AnyType or kind is mi.NoneType:
        return True
    return kind is mi.UnionType and any(type(t) is mi.NoneType for t in info.types)


def _describe(info: Any) -> str:
    """A short name of a declared type, for the reader of a record."""
    kind = type(info)
    if kind is mi.StructType:
        return _struct_name(info)
    if kind is mi.EnumType:
        return str(info.cls.__name__)
    if kind is mi.UnionType:
        return " | ".join(_describe(t) for t in info.types)
    if kind in _LIST_TYPES:
        return f"list[{_describe(info.item_type)}]"
    if kind is mi.DictType:
        return f"dict[str, {_describe(info.value_type)}]"
    return kind.__name__.removesuffix("Type").lower()


def _struct_name(info: Any) -> str:
    cls = getattr(info.cls, "__origin__", info.cls)  # Envelope[list[Purchase]] -> Envelope
    return str(cls.__name__)


def _child(path: str, key: str) -> str:
    return (
        f"{path}.{key}"
        if _SIMPLE_KEY.match(key)
        else f"{path}[{msgspec.json.encode(key).decode()}]"
    )


def collect_secret_names(info: Any, found: set[str], visited: set[int]) -> None:
    if id(info) in visited:
        return
    visited.add(id(info))
    kind = type(info)
    if kind is mi.StructType:
        cls = getattr(info.cls, "__origin__", info.cls)
        secret: frozenset[str] = getattr(cls, "_secret_fields", frozenset())
        for declared in info.fields:
            if declared.name in secret:
                found.add(declared.encode_name)
            collect_secret_names(declared.type, found, visited)
    elif kind is mi.UnionType:
        for member in info.types:
            collect_secret_names(member, found, visited)
    elif kind in _LIST_TYPES:
        collect_secret_names(info.item_type, found, visited)
    elif kind is mi.DictType:
        collect_secret_names(info.value_type, found, visited)
