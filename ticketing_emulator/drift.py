"""Drifted answers: the normal body changed the way a vendor changes its API without notice.

A `drift` fault (`Emulator.inject(..., drift=["added_field", "new_enum_value", "missing_field"])`) alters
the body the operation would have answered, guided by the registry's types:

- `added_field`: the first object (breadth first) at `drift_depth` gains `"driftAddedField": "added by
  the emulator"` (depth 0 is the body itself, 1 an object inside it, ...; the deepest object when none is
  that deep);
- `new_enum_value`: the first value of an enum type gets a value the registry does not list
  (`DRIFT_NEW_VALUE`, or 9999 for an integer enum);
- `missing_field`: the first object at `drift_depth` loses its first required field.

What was changed is told in the `X-Emulator-Drift` header (`kind path; ...`), so a test or a user can see
the loop from "the vendor changed" to "the registry says so" work end to end.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from typing import Any, Literal

from ticketing_codegen import typeexpr
from ticketing_codegen.model import ENVELOPE_OUTPUT, EnumType, ObjectType, Operation, Vendor

DriftKind = Literal["added_field", "new_enum_value", "missing_field"]
DRIFT_KINDS: tuple[DriftKind, ...] = ("added_field", "new_enum_value", "missing_field")
ADDED_FIELD = "driftAddedField"
ADDED_VALUE = "added by the emulator"
NEW_STR_VALUE = "DRIFT_NEW_VALUE"
NEW_INT_VALUE = 9999
HEADER = "X-Emulator-Drift"


@dataclass
class _Object:
    """A JSON object of the body, where it is and which registry type it is."""

    value: dict[str, Any]
    path: str
    depth: int
    type_name: str


@dataclass
class _EnumValue:
    parent: dict[str, Any] | list[Any]
    key: str | int
    path: str
    enum_type: str


def drift(
    payload: Any, vendor: Vendor, operation: Operation, kinds: tuple[DriftKind, ...], depth: int
) -> tuple[Any, list[str]]:
    """The payload with the asked-for changes made in place, and a line per change."""
    objects, enum_values = _typed_parts(payload, vendor, operation)
    changes: list[str] = []
    at_depth = [o for o in objects if o.depth == depth] or (
        [o for o in objects if o.depth == max(x.depth for x in objects)] if objects else []
    )
    if "missing_field" in kinds:
        for found in at_depth:
            removable = _first_required(found, vendor, enum_values)
            if removable is not None:
                del found.value[removable]
                changes.append(f"missing_field {_child(found.path, removable)}")
                break
    if "new_enum_value" in kinds:
        for enum_value in enum_values[:1]:
            current = enum_value.parent[enum_value.key]  # type: ignore[index]
            new: str | int = NEW_INT_VALUE if isinstance(current, int) else NEW_STR_VALUE
            enum_value.parent[enum_value.key] = new  # type: ignore[index]
            changes.append(f"new_enum_value {enum_value.path}={new}")
    if "added_field" in kinds and at_depth:
        target = at_depth[0]
        target.value[ADDED_FIELD] = ADDED_VALUE
        changes.append(f"added_field {_child(target.path, ADDED_FIELD)}")
    return payload, changes


def _first_required(found: _Object, vendor: Vendor, enum_values: list[_EnumValue]) -> str | None:
    """The first required field of an object that is present with a scalar value (so that no other
    change is removed with it) and is not the enum value picked to change."""
    owner = vendor.type_named(found.type_name)
    spared = {(id(e.parent), e.key) for e in enum_values[:1]}
    for field in owner.fields if isinstance(owner, ObjectType) else ():
        wire = field.wire
        if field.may_be_missing or wire not in found.value:
            continue
        if isinstance(found.value[wire], (dict, list)) or (id(found.value), wire) in spared:
            continue
        return wire
    return None


def _typed_parts(
    payload: Any, vendor: Vendor, operation: Operation
) -> tuple[list[_Object], list[_EnumValue]]:
    """The body's objects of registry types and its enum values, breadth first."""
    root: typeexpr.TypeRef | None = None
    response_type = operation.response
    enveloped = vendor.envelope is not None and operation.enveloped
    if enveloped:
        root = typeexpr.Named(vendor.envelope or "")
    elif response_type is not None:
        root = response_type
    objects: list[_Object] = []
    enum_values: list[_EnumValue] = []
    if root is None:
        return objects, enum_values
    queue: deque[tuple[Any, typeexpr.TypeRef, str, int]] = deque([(payload, root, "$", 0)])
    while queue:
        value, ref, path, depth = queue.popleft()
        if isinstance(ref, typeexpr.Nullable):
            queue.append((value, ref.inner, path, depth))
        elif isinstance(ref, typeexpr.ListOf) and isinstance(value, list):
            queue.extend((item, ref.item, f"{path}[{i}]", depth) for i, item in enumerate(value))
        elif isinstance(ref, typeexpr.DictOf) and isinstance(value, dict):
            queue.extend(
                (item, ref.value, _child(path, key), depth + 1) for key, item in value.items()
            )
        elif isinstance(ref, typeexpr.Named) and vendor.type_named(ref.name) is not None:
            owner = vendor.type_named(ref.name)
            if not isinstance(owner, ObjectType):
                continue  # enum values are found from their parent, which can change them
            if not isinstance(value, dict):
                continue
            objects.append(_Object(value, path, depth, ref.name))
            for field in owner.fields:
                wire = field.wire
                if wire not in value:
                    continue
                child: typeexpr.TypeRef = field.type
                if enveloped and depth == 0 and wire == ENVELOPE_OUTPUT and response_type:
                    child = response_type
                _note_enum(value, wire, child, vendor, _child(path, wire), enum_values)
                queue.append((value[wire], child, _child(path, wire), depth + 1))
    return objects, enum_values


def _note_enum(
    parent: dict[str, Any],
    key: str,
    ref: typeexpr.TypeRef,
    vendor: Vendor,
    path: str,
    found: list[_EnumValue],
) -> None:
    while isinstance(ref, typeexpr.Nullable):
        ref = ref.inner
    if isinstance(ref, typeexpr.Named):
        if isinstance(vendor.type_named(ref.name), EnumType) and parent[key] is not None:
            found.append(_EnumValue(parent, key, path, ref.name))
    elif isinstance(ref, typeexpr.ListOf) and isinstance(parent[key], list) and parent[key]:
        inner = ref.item
        while isinstance(inner, typeexpr.Nullable):
            inner = inner.inner
        if isinstance(inner, typeexpr.Named) and isinstance(
            vendor.type_named(inner.name), EnumType
        ):
            found.append(_EnumValue(parent[key], 0, f"{path}[0]", inner.name))


def _child(path: str, key: str) -> str:
    return f"{path}.{key}" if key.isidentifier() else f'{path}["{key}"]'
