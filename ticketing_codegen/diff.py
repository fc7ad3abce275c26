"""Compare two versions of the registry (`ticketing-codegen diff OLD.yaml NEW.yaml`).

Every difference that a user of the generated clients can notice is one `Change`, classed as breaking or
not for code written against the old client:

- operations: added (ok); removed, method or path changed, HEAD variant dropped, envelope switched,
  return type or unwrap rule changed, a `one_of` group added, a media type removed or changed
  (breaking); server, retry safety or an added media type (ok);
- parameters, matched by their Python name (the keyword callers type): added optional (ok); added
  required, removed, type changed, made required, renamed in Python (breaking); wire name, location,
  list style or secrecy changed (ok: the client sends what the registry says);
- bodies: added, removed, type changed or made required (breaking); made optional (ok);
- fields of named types, matched by wire name: added optional (ok); added required, breaking when the
  type travels in a request body (callers must now pass it) and ok when it is only decoded from responses;
  removed, type changed or Python name changed (breaking); made optional (breaking where the type is
  decoded from responses: the attribute may now be UNSET); made required (breaking in requests only);
- enums: value added (ok: enums are open when decoding, and a new argument value only widens what is
  accepted); value removed (breaking); enum base type changed (breaking);
- named types added (ok) or removed (breaking: the model class is gone); vendors and credentials
  (constructor arguments) added or removed.

Both registries are resolved into the model (`ticketing_codegen.model`) without looking for their sample files, so an
old version whose samples no longer exist can still be compared.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ticketing_codegen.model import Body, EnumType, ObjectType, Operation, Parameter, Vendor
from ticketing_codegen.typeexpr import TypeRef, spell


@dataclass(frozen=True)
class Change:
    vendor: str
    subject: str  # "cart.get", "type Cart", "credentials", or "" for the vendor itself
    message: str
    breaking: bool

    def __str__(self) -> str:
        mark = "BREAKING" if self.breaking else "ok"
        where = f"{self.vendor} {self.subject}" if self.subject else self.vendor
        return f"{mark:<10}{where}: {self.message}"


def compare(old: list[Vendor], new: list[Vendor]) -> list[Change]:
    """Every difference between the two resolved registries, vendor by vendor, in registry order."""
    changes: list[Change] = []
    old_vendors = {v.name: v for v in old}
    new_vendors = {v.name: v for v in new}
    for key in _union(old_vendors, new_vendors):
        if key not in new_vendors:
            changes.append(Change(key, "", "vendor removed (the whole package)", True))
        elif key not in old_vendors:
            changes.append(Change(key, "", "vendor added", False))
        else:
            changes += _VendorDiff(key, old_vendors[key], new_vendors[key]).changes()
    return changes


class _VendorDiff:
    def __init__(self, key: str, old: Vendor, new: Vendor) -> None:
        self.key = key
        self.old = old
        self.new = new
        self.found: list[Change] = []
        self.request_types = old.request_types | new.request_types
        # A media type's own type is left out: changing it is reported on the operation.
        self.response_types = old.response_types(media_types=False) | new.response_types(
            media_types=False
        )

    def add(self, subject: str, message: str, breaking: bool) -> None:
        self.found.append(Change(self.key, subject, message, breaking))

    def changes(self) -> list[Change]:
        self.vendor()
        self.operations()
        self.types()
        return self.found

    # -- vendor --------------------------------------------------------------------------------

    def vendor(self) -> None:
        old, new = self.old, self.new
        if old.client != new.client:
            self.add("", f"client class renamed from {old.client} to {new.client}", True)
        for name in _union(old.servers, new.servers):
            if name not in new.servers:
                self.add("servers", f"server `{name}` removed", True)
            elif name not in old.servers:
                self.add("servers", f"server `{name}` added ({new.servers[name]})", False)
            elif old.servers[name] != new.servers[name]:
                self.add(
                    "servers",
                    f"server `{name}` moved from {old.servers[name]} to {new.servers[name]}",
                    False,
                )
        old_args = {c.arg: c for c in old.credentials}
        new_args = {c.arg: c for c in new.credentials}
        for arg in _union(old_args, new_args):
            if arg not in new_args:
                self.add("credentials", f"constructor argument {arg} removed", True)
            elif arg not in old_args:
                self.add("credentials", f"constructor argument {arg} added (required)", True)
            else:
                before, after = old_args[arg], new_args[arg]
                if before.type != after.type:
                    self.add(
                        "credentials",
                        f"constructor argument {arg} type changed from {before.type} to {after.type}",
                        True,
                    )
                if before.header != after.header:
                    self.add(
                        "credentials",
                        f"{arg} is now sent as header {after.header} (was {before.header})",
                        False,
                    )
        if old.envelope != new.envelope:
            self.add("", f"response envelope changed from {old.envelope} to {new.envelope}", True)

    # -- operations ----------------------------------------------------------------------------

    def operations(self) -> None:
        old_ops = {op.qualified_name: op for op in self.old.operations}
        new_ops = {op.qualified_name: op for op in self.new.operations}
        for name in _union(old_ops, new_ops):
            if name not in new_ops:
                self.add(name, "operation removed", True)
            elif name not in old_ops:
                self.add(name, f"operation added ({new_ops[name].route})", False)
            else:
                self.operation(name, old_ops[name], new_ops[name])

    def operation(self, name: str, old: Operation, new: Operation) -> None:
        if old.method != new.method:
            self.add(name, f"method changed from {old.method} to {new.method}", True)
        if old.path != new.path:
            self.add(name, f"path changed from {old.path} to {new.path}", True)
        if old.server != new.server:
            self.add(name, f"server changed from `{old.server}` to `{new.server}`", False)
        if old.head and not new.head:
            self.add(name, "HEAD variant removed", True)
        elif new.head and not old.head:
            self.add(name, "HEAD variant added", False)
        if old.idempotent != new.idempotent:
            now = "retried when safe" if new.idempotent else "never re-sent"
            self.add(name, f"retry safety changed: now {now}", False)
        if old.enveloped != new.enveloped:
            self.add(name, "response envelope switched " + ("on" if new.enveloped else "off"), True)
        self.parameters(name, old, new)
        old_groups = {tuple(p.wire for p in g) for g in old.one_of}
        for group in new.one_of:
            wires = tuple(p.wire for p in group)
            if wires not in old_groups:
                self.add(name, f"one of {', '.join(wires)} is now required", True)
        self.body(name, old.body, new.body)
        self.response(name, old, new)
        old_media = {m.media_type: _media_kind(m.type) for m in old.media_types}
        new_media = {m.media_type: _media_kind(m.type) for m in new.media_types}
        for media_type in _union(old_media, new_media):
            if media_type not in new_media:
                self.add(name, f"media type {media_type} removed", True)
            elif media_type not in old_media:
                self.add(name, f"media type {media_type} added", False)
            elif old_media[media_type] != new_media[media_type]:
                self.add(
                    name,
                    f"media type {media_type} changed from {old_media[media_type]} "
                    f"to {new_media[media_type]}",
                    True,
                )

    def parameters(self, name: str, old: Operation, new: Operation) -> None:
        before = {p.python_name: p for p in old.params}
        after = {p.python_name: p for p in new.params}
        # Same wire name and location under another Python name: one rename, not a removal and an addition.
        old_by_wire = {(p.wire, p.location): python for python, p in before.items()}
        renamed = {
            old_by_wire[(p.wire, p.location)]: python
            for python, p in after.items()
            if python not in before
            and old_by_wire.get((p.wire, p.location)) not in (None, python)
            and old_by_wire[(p.wire, p.location)] not in after
        }
        for python in _union(before, after):
            if python in renamed.values():
                continue  # reported under its old name
            if python not in after and python not in renamed:
                self.add(name, f"parameter {_shown(before[python].wire, python)} removed", True)
                continue
            if python not in before:
                param = after[python]
                kind = "required" if param.required else "optional"
                self.add(
                    name,
                    f"{kind} parameter {_shown(param.wire, python)} added",
                    param.required,
                )
                continue
            new_python = renamed.get(python, python)
            if new_python != python:
                self.add(
                    name,
                    f"parameter {after[new_python].wire} renamed in Python from {python} "
                    f"to {new_python}",
                    True,
                )
            self.parameter(name, before[python], after[new_python])

    def parameter(self, name: str, before: Parameter, after: Parameter) -> None:
        python = after.python_name
        shown = _shown(after.wire, python)
        if spell(before.type) != spell(after.type):
            self.add(
                name,
                f"parameter {shown} type changed from {spell(before.type)} to {spell(after.type)}",
                True,
            )
        if after.required and not before.required:
            self.add(name, f"parameter {shown} is now required", True)
        elif before.required and not after.required:
            self.add(name, f"parameter {shown} is now optional", False)
        if (before.wire, before.location) != (after.wire, after.location):
            self.add(
                name,
                f"parameter {python} is now sent as {after.location} {after.wire} "
                f"(was {before.location} {before.wire})",
                False,
            )
        if before.style != after.style:
            self.add(
                name,
                f"parameter {shown} list style changed from {before.style} to {after.style}",
                False,
            )
        if before.secret != after.secret:
            now = "secret" if after.secret else "no longer secret"
            self.add(name, f"parameter {shown} is now {now}", False)

    def body(self, name: str, old: Body | None, new: Body | None) -> None:
        old_type = _body_type(old)
        new_type = _body_type(new)
        if old_type is None and new_type is not None:
            required = new is not None and new.required
            self.add(
                name,
                f"{'required' if required else 'optional'} request body {new_type} added",
                required,
            )
        elif old_type is not None and new_type is None:
            self.add(name, f"request body {old_type} removed", True)
        elif old is not None and new is not None:
            if old_type != new_type:
                self.add(name, f"request body type changed from {old_type} to {new_type}", True)
            if new.required and not old.required:
                self.add(name, "request body is now required", True)
            elif old.required and not new.required:
                self.add(name, "request body is now optional", False)

    def response(self, name: str, old: Operation, new: Operation) -> None:
        old_type = _spelled(old.response)
        new_type = _spelled(new.response)
        if old_type != new_type:
            self.add(
                name,
                f"response type changed from {old_type or 'nothing'} to {new_type or 'nothing'}",
                True,
            )
        if new.enveloped and old_type == new_type and old.unwrap.rule != new.unwrap.rule:
            self.add(
                name,
                f"unwrap changed from {old.unwrap.rule} to {new.unwrap.rule} "
                "(the method returns something else)",
                True,
            )
        if new.not_modified and not old.not_modified:
            self.add(name, "may now return None (304 Not Modified)", True)
        elif old.not_modified and not new.not_modified:
            self.add(name, "no longer returns None for 304 Not Modified", False)

    # -- types ---------------------------------------------------------------------------------

    def types(self) -> None:
        old_types = {t.name: t for t in self.old.types}
        new_types = {t.name: t for t in self.new.types}
        for name in _union(old_types, new_types):
            subject = f"type {name}"
            if name not in new_types:
                self.add(subject, "type removed", True)
            elif name not in old_types:
                self.add(subject, "type added", False)
            else:
                self.type(subject, name, old_types[name], new_types[name])

    def type(
        self,
        subject: str,
        name: str,
        old: EnumType | ObjectType,
        new: EnumType | ObjectType,
    ) -> None:
        if isinstance(old, EnumType) != isinstance(new, EnumType):
            kinds = (
                ("an enum", "an object") if isinstance(old, EnumType) else ("an object", "an enum")
            )
            self.add(subject, f"changed from {kinds[0]} to {kinds[1]}", True)
            return
        if isinstance(old, EnumType) and isinstance(new, EnumType):
            if old.base != new.base:
                self.add(subject, f"enum type changed from {old.base} to {new.base}", True)
            note = " (enums are open: clients built before it decode it)"
            for value in new.values:
                if value not in old.values:
                    shown = note if name in self.response_types else ""
                    self.add(subject, f"enum value {value!r} added{shown}", False)
            for value in old.values:
                if value not in new.values:
                    self.add(subject, f"enum value {value!r} removed", True)
            return
        assert isinstance(old, ObjectType) and isinstance(new, ObjectType)
        in_requests = name in self.request_types
        in_responses = name in self.response_types
        old_fields = {f.wire: f for f in old.fields}
        new_fields = {f.wire: f for f in new.fields}
        for wire in _union(old_fields, new_fields):
            if wire not in new_fields:
                self.add(subject, f"field {wire} removed", True)
                continue
            field = new_fields[wire]
            if wire not in old_fields:
                if field.may_be_missing:
                    self.add(subject, f"optional field {wire} added", False)
                else:
                    where = "used in requests" if in_requests else "only in responses"
                    self.add(subject, f"required field {wire} added ({where})", in_requests)
                continue
            old_field = old_fields[wire]
            if spell(old_field.type) != spell(field.type):
                self.add(
                    subject,
                    f"field {wire} type changed from {spell(old_field.type)} to {spell(field.type)}",
                    True,
                )
            if old_field.python_name != field.python_name:
                self.add(
                    subject,
                    f"field {wire} renamed in Python from {old_field.python_name} "
                    f"to {field.python_name}",
                    True,
                )
            if field.may_be_missing and not old_field.may_be_missing:
                self.add(subject, f"field {wire} is now optional (may be UNSET)", in_responses)
            elif old_field.may_be_missing and not field.may_be_missing:
                self.add(subject, f"field {wire} is now required", in_requests)
            if old_field.secret != field.secret:
                now = "secret" if field.secret else "no longer secret"
                self.add(subject, f"field {wire} is now {now}", False)


# -- helpers -----------------------------------------------------------------------------------


def _union(first: Mapping[str, Any], second: Mapping[str, Any]) -> list[str]:
    """Keys of both mappings: the new order first, then what only the old one has."""
    return list(dict.fromkeys([*second, *first]))


def _shown(wire: str, python: str) -> str:
    return wire if wire == python else f"{wire} ({python})"


def _spelled(ref: TypeRef | None) -> str | None:
    return spell(ref) if ref is not None else None


def _media_kind(ref: TypeRef | None) -> str:
    return "multipart" if ref is None else spell(ref)


def _body_type(body: Body | None) -> str | None:
    if body is None:
        return None
    return "{} (empty)" if body.type is None else spell(body.type)


# -- command line ------------------------------------------------------------------------------


def report(changes: list[Change]) -> str:
    """One line per change, then a summary line."""
    breaking = sum(change.breaking for change in changes)
    lines = [str(change) for change in changes]
    if not changes:
        lines.append("no changes")
    else:
        lines.append(
            f"\n{len(changes)} change(s), {breaking} breaking, {len(changes) - breaking} compatible"
        )
    return "\n".join(lines) + "\n"


def main(old_path: Path, new_path: Path) -> int:
    """`ticketing-codegen diff OLD.yaml NEW.yaml`: exit 1 when a change breaks, 2 when a file is invalid."""
    from ticketing_codegen import registry, resolve

    loaded: list[list[Vendor]] = []
    for path in (old_path, new_path):
        try:
            loaded.append(resolve.load(path, check_samples=False))
        except registry.RegistryError as exc:
            resolve.report(exc, f"nothing compared ({path}).")
            return 2
    changes = compare(loaded[0], loaded[1])
    sys.stdout.write(report(changes))
    # The release each vendor's change needs (major, minor, patch).
    from ticketing_codegen import release

    sys.stdout.write(release.report(release.releases(loaded[0], loaded[1], changes)))
    return 1 if any(change.breaking for change in changes) else 0
