"""A vendor's registry types as msgspec types (to check request bodies) and as minimal valid values.

The types are built from `endpoints.yaml`, not imported from the generated packages: the emulator checks
requests against the registry itself, so a client that drifted from the registry is caught. The types are
strict where the generated models are lenient: enums are closed (`Literal`), because a request carrying a
value the registry does not list is exactly what the emulator is there to report.
"""

from __future__ import annotations

import decimal
from typing import Any, Literal, cast

import msgspec

from codegen import typeexpr
from codegen.schema import Field, TypeDef, Vendor

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


def field_is_optional(spec: TypeDef, info: Field | None) -> bool:
    """Whether a field may be missing on the wire (the rule of `docs/registry.md`)."""
    if info is not None and info.optional:
        return True
    return spec.optional and not (info is not None and info.required)


class Shapes:
    """The named types of one vendor, built on first use and kept."""

    def __init__(self, vendor: Vendor) -> None:
        self._types = vendor.types
        self._built: dict[str, Any] = {}
        self._building: set[str] = set()

    def enum_values(self, name: str) -> list[str | int] | None:
        """The values of an enum type, or None when `name` is not an enum."""
        spec = self._types.get(name)
        return None if spec is None or spec.enum is None else list(spec.enum)

    # -- msgspec types ------------------------------------------------------------------------

    def type_of(self, expression: str) -> Any:
        """The msgspec type that accepts exactly what the type expression allows."""
        return self._type(typeexpr.parse(expression))

    def _type(self, ref: typeexpr.TypeRef) -> Any:
        if isinstance(ref, typeexpr.ListOf):
            return list[self._type(ref.item)]  # type: ignore[misc]
        if isinstance(ref, typeexpr.DictOf):
            return dict[str, self._type(ref.value)]  # type: ignore[misc]
        if isinstance(ref, typeexpr.Nullable):
            return self._type(ref.inner) | None
        if ref.name in _SCALAR_TYPES:
            return _SCALAR_TYPES[ref.name]
        return self._named(ref.name)

    def _named(self, name: str) -> Any:
        if name in self._built:
            return self._built[name]
        if name in self._building:
            # A type that contains itself: accept anything below the first level rather than loop.
            return Any
        spec = self._types[name]
        if spec.enum is not None:
            built: Any = cast(Any, Literal)[tuple(spec.enum)]
        else:
            self._building.add(name)
            try:
                built = self._struct(name, spec)
            finally:
                self._building.discard(name)
        self._built[name] = built
        return built

    def _struct(self, name: str, spec: TypeDef) -> Any:
        # Attribute names are positional (`f0`, `f1`): wire names such as `t.ResVersion` or `status `
        # are not identifiers, and only the wire names (the `rename` targets) appear in messages.
        fields: list[tuple[str, Any] | tuple[str, Any, Any]] = []
        rename: dict[str, str] = {}
        for index, (wire, raw) in enumerate((spec.fields or {}).items()):
            info = raw if isinstance(raw, Field) else None
            attribute = f"f{index}"
            rename[attribute] = wire
            field_type = self.type_of(raw if isinstance(raw, str) else raw.type)
            if field_is_optional(spec, info):
                fields.append((attribute, field_type | msgspec.UnsetType, msgspec.UNSET))
            else:
                fields.append((attribute, field_type))
        return msgspec.defstruct(
            name, fields, rename=rename, kw_only=True, forbid_unknown_fields=False
        )

    # -- minimal values -----------------------------------------------------------------------

    def minimal(self, expression: str) -> Any:
        """The smallest JSON value of the type: required fields only, empty lists, first enum values."""
        return self._minimal(typeexpr.parse(expression), frozenset())

    def _minimal(self, ref: typeexpr.TypeRef, seen: frozenset[str]) -> Any:
        if isinstance(ref, typeexpr.ListOf):
            return []
        if isinstance(ref, typeexpr.DictOf):
            return {}
        if isinstance(ref, typeexpr.Nullable):
            return None
        if ref.name in _SCALAR_MINIMA:
            return _SCALAR_MINIMA[ref.name]
        if ref.name in seen:
            return None
        spec = self._types[ref.name]
        if spec.enum is not None:
            return spec.enum[0]
        value: dict[str, Any] = {}
        for wire, raw in (spec.fields or {}).items():
            info = raw if isinstance(raw, Field) else None
            if not field_is_optional(spec, info):
                text = raw if isinstance(raw, str) else raw.type
                value[wire] = self._minimal(typeexpr.parse(text), seen | {ref.name})
        return value
