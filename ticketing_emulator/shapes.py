"""A vendor's registry types as msgspec types (to check request bodies) and as minimal valid values.

The types are built from the resolved registry (`ticketing_codegen.model`), not imported from the generated packages: the emulator checks
requests against the registry itself, so a client that drifted from the registry is caught. The types are
strict where the generated models are lenient: enums are closed (`Literal`), because a request carrying a
value the registry does not list is exactly what the emulator is there to report.
"""

from __future__ import annotations

import decimal
from typing import Any, Literal, cast

import msgspec

from ticketing_codegen.model import EnumType, ObjectType, Vendor
from ticketing_codegen.typeexpr import DictOf, ListOf, Nullable, TypeRef

_SCALAR_TYPES: dict[str, Any] = {
    "str": str,
    "int": int,
    "float": float,
    "bool": bool,
    "decimal": decimal.Decimal,
    "any": Any,
}
_SCALAR_MINIMA: dict[str, Any] = {
    "str": "",
    "int": 0,
    "float": 0.0,
    "bool": False,
    "decimal": 0,
    "any": None,
}


class Shapes:
    """The named types of one vendor, built on first use and kept."""

    def __init__(self, vendor: Vendor) -> None:
        self._types = {named.name: named for named in vendor.types}
        self._built: dict[str, Any] = {}
        self._building: set[str] = set()

    def enum_values(self, name: str) -> list[str | int] | None:
        """The values of an enum type, or None when `name` is not an enum."""
        found = self._types.get(name)
        return found.values if isinstance(found, EnumType) else None

    # -- msgspec types ------------------------------------------------------------------------

    def type_of(self, ref: TypeRef) -> Any:
        """The msgspec type that accepts exactly what the type allows."""
        if isinstance(ref, ListOf):
            return list[self.type_of(ref.item)]  # type: ignore[misc]
        if isinstance(ref, DictOf):
            return dict[str, self.type_of(ref.value)]  # type: ignore[misc]
        if isinstance(ref, Nullable):
            return self.type_of(ref.inner) | None
        if ref.name in _SCALAR_TYPES:
            return _SCALAR_TYPES[ref.name]
        return self._named(ref.name)

    def _named(self, name: str) -> Any:
        if name in self._built:
            return self._built[name]
        if name in self._building:
            # A type that contains itself: accept anything below the first level rather than loop.
            return Any
        found = self._types[name]
        if isinstance(found, EnumType):
            built: Any = cast(Any, Literal)[tuple(found.values)]
        else:
            self._building.add(name)
            try:
                built = self._struct(found)
            finally:
                self._building.discard(name)
        self._built[name] = built
        return built

    def _struct(self, struct: ObjectType) -> Any:
        # Attribute names are positional (`f0`, `f1`): wire names such as `t.ResVersion` or `status `
        # are not identifiers, and only the wire names (the `rename` targets) appear in messages.
        fields: list[tuple[str, Any] | tuple[str, Any, Any]] = []
        rename: dict[str, str] = {}
        for index, field in enumerate(struct.fields):
            attribute = f"f{index}"
            rename[attribute] = field.wire
            field_type = self.type_of(field.type)
            if field.may_be_missing:
                fields.append((attribute, field_type | msgspec.UnsetType, msgspec.UNSET))
            else:
                fields.append((attribute, field_type))
        return msgspec.defstruct(
            struct.name, fields, rename=rename, kw_only=True, forbid_unknown_fields=False
        )

    # -- minimal values -----------------------------------------------------------------------

    def minimal(self, ref: TypeRef) -> Any:
        """The smallest JSON value of the type: required fields only, empty lists, first enum values."""
        return self._minimal(ref, frozenset())

    def _minimal(self, ref: TypeRef, seen: frozenset[str]) -> Any:
        if isinstance(ref, ListOf):
            return []
        if isinstance(ref, DictOf):
            return {}
        if isinstance(ref, Nullable):
            return None
        if ref.name in _SCALAR_MINIMA:
            return _SCALAR_MINIMA[ref.name]
        if ref.name in seen:
            return None
        found = self._types[ref.name]
        if isinstance(found, EnumType):
            return found.values[0]
        return {
            field.wire: self._minimal(field.type, seen | {ref.name})
            for field in found.fields
            if not field.may_be_missing
        }
