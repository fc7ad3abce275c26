"""Compare two versions of the registry (`python -m codegen diff OLD.yaml NEW.yaml`).

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

Both registries are only loaded against the schema (not resolved), so an old version whose sample files no
longer exist can still be compared; a type expression that does not parse is compared as text.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from codegen import names, typeexpr
from codegen.schema import Body, Field, Operation, Param, Registry, Response, TypeDef, Vendor

_IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "PUT", "DELETE"})


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


def compare(old: Registry, new: Registry) -> list[Change]:
    """Every difference between the two registries, vendor by vendor, in registry order."""
    changes: list[Change] = []
    for key in _union(old.vendors, new.vendors):
        if key not in new.vendors:
            changes.append(Change(key, "", "vendor removed (the whole package)", True))
        elif key not in old.vendors:
            changes.append(Change(key, "", "vendor added", False))
        else:
            changes += _VendorDiff(key, old.vendors[key], new.vendors[key]).changes()
    return changes


class _VendorDiff:
    def __init__(self, key: str, old: Vendor, new: Vendor) -> None:
        self.key = key
        self.old = old
        self.new = new
        self.found: list[Change] = []
        self.request_types = _request_types(old) | _request_types(new)
        self.response_types = _response_types(old) | _response_types(new)

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
        old_ops = {op.name: op for op in self.old.operations}
        new_ops = {op.name: op for op in self.new.operations}
        for name in _union(old_ops, new_ops):
            if name not in new_ops:
                self.add(name, "operation removed", True)
            elif name not in old_ops:
                op = new_ops[name]
                self.add(name, f"operation added ({op.method} {op.path})", False)
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
        if _idempotent(old) != _idempotent(new):
            now = "retried when safe" if _idempotent(new) else "never re-sent"
            self.add(name, f"retry safety changed: now {now}", False)
        if old.envelope != new.envelope:
            self.add(name, "response envelope switched " + ("on" if new.envelope else "off"), True)
        self.parameters(name, old, new)
        old_groups = {tuple(g) for g in old.one_of}
        for group in new.one_of:
            if tuple(group) not in old_groups:
                self.add(name, f"one of {', '.join(group)} is now required", True)
        self.body(name, old.body, new.body)
        self.response(name, old, new)
        for media_type in _union(old.media_types, new.media_types):
            if media_type not in new.media_types:
                self.add(name, f"media type {media_type} removed", True)
            elif media_type not in old.media_types:
                self.add(name, f"media type {media_type} added", False)
            elif _type(old.media_types[media_type]) != _type(new.media_types[media_type]):
                self.add(
                    name,
                    f"media type {media_type} changed from {old.media_types[media_type]} "
                    f"to {new.media_types[media_type]}",
                    True,
                )

    def parameters(self, name: str, old: Operation, new: Operation) -> None:
        before = _params(old)
        after = _params(new)
        # Same wire name and location under another Python name: one rename, not a removal and an addition.
        old_by_wire = {(wire, loc): python for python, (wire, loc, _) in before.items()}
        renamed = {
            old_by_wire[(wire, loc)]: python
            for python, (wire, loc, _) in after.items()
            if python not in before
            and old_by_wire.get((wire, loc)) not in (None, python)
            and old_by_wire[(wire, loc)] not in after
        }
        for python in _union(before, after):
            if python in renamed.values():
                continue  # reported under its old name
            if python not in after and python not in renamed:
                wire = before[python][0]
                self.add(name, f"parameter {_shown(wire, python)} removed", True)
                continue
            if python not in before:
                wire, location, param = after[python]
                required = location == "path" or param.required
                kind = "required" if required else "optional"
                self.add(name, f"{kind} parameter {_shown(wire, python)} added", required)
                continue
            new_python = renamed.get(python, python)
            if new_python != python:
                self.add(
                    name,
                    f"parameter {after[new_python][0]} renamed in Python from {python} "
                    f"to {new_python}",
                    True,
                )
            self.parameter(name, before[python], after[new_python], new_python)

    def parameter(
        self,
        name: str,
        before: tuple[str, str, Param],
        after: tuple[str, str, Param],
        python: str,
    ) -> None:
        old_wire, old_location, old_param = before
        wire, location, param = after
        shown = _shown(wire, python)
        if _type(old_param.type) != _type(param.type):
            self.add(
                name,
                f"parameter {shown} type changed from {_type(old_param.type)} "
                f"to {_type(param.type)}",
                True,
            )
        was_required = old_location == "path" or old_param.required
        is_required = location == "path" or param.required
        if is_required and not was_required:
            self.add(name, f"parameter {shown} is now required", True)
        elif was_required and not is_required:
            self.add(name, f"parameter {shown} is now optional", False)
        if (old_wire, old_location) != (wire, location):
            self.add(
                name,
                f"parameter {python} is now sent as {location} {wire} "
                f"(was {old_location} {old_wire})",
                False,
            )
        if old_param.style != param.style:
            self.add(
                name,
                f"parameter {shown} list style changed from {old_param.style} to {param.style}",
                False,
            )
        if old_param.secret != param.secret:
            now = "secret" if param.secret else "no longer secret"
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
        elif old_type is not None and new_type is not None:
            assert old is not None and new is not None
            if old_type != new_type:
                self.add(name, f"request body type changed from {old_type} to {new_type}", True)
            if new.required and not old.required:
                self.add(name, "request body is now required", True)
            elif old.required and not new.required:
                self.add(name, "request body is now optional", False)

    def response(self, name: str, old: Operation, new: Operation) -> None:
        old_type = _response_type(old.response)
        new_type = _response_type(new.response)
        if old_type != new_type:
            self.add(
                name,
                f"response type changed from {old_type or 'nothing'} to {new_type or 'nothing'}",
                True,
            )
        enveloped = new.envelope and self.new.envelope is not None
        if (
            enveloped
            and old.response
            and new.response
            and old_type == new_type
            and old.response.unwrap != new.response.unwrap
        ):
            self.add(
                name,
                f"unwrap changed from {old.response.unwrap} to {new.response.unwrap} "
                "(the method returns something else)",
                True,
            )
        if new.not_modified and not old.not_modified:
            self.add(name, "may now return None (304 Not Modified)", True)
        elif old.not_modified and not new.not_modified:
            self.add(name, "no longer returns None for 304 Not Modified", False)

    # -- types ---------------------------------------------------------------------------------

    def types(self) -> None:
        old_types, new_types = self.old.types, self.new.types
        for name in _union(old_types, new_types):
            subject = f"type {name}"
            if name not in new_types:
                self.add(subject, "type removed", True)
            elif name not in old_types:
                self.add(subject, "type added", False)
            else:
                self.type(subject, name, old_types[name], new_types[name])

    def type(self, subject: str, name: str, old: TypeDef, new: TypeDef) -> None:
        if (old.enum is None) != (new.enum is None):
            kinds = ("an enum", "an object") if old.enum is not None else ("an object", "an enum")
            self.add(subject, f"changed from {kinds[0]} to {kinds[1]}", True)
            return
        if old.enum is not None and new.enum is not None:
            if old.type != new.type:
                self.add(subject, f"enum type changed from {old.type} to {new.type}", True)
            note = " (enums are open: clients built before it decode it)"
            for value in new.enum:
                if value not in old.enum:
                    shown = note if name in self.response_types else ""
                    self.add(subject, f"enum value {value!r} added{shown}", False)
            for value in old.enum:
                if value not in new.enum:
                    self.add(subject, f"enum value {value!r} removed", True)
            return
        in_requests = name in self.request_types
        in_responses = name in self.response_types
        old_fields = _fields(old)
        new_fields = _fields(new)
        for wire in _union(old_fields, new_fields):
            if wire not in new_fields:
                self.add(subject, f"field {wire} removed", True)
                continue
            field, optional = new_fields[wire]
            if wire not in old_fields:
                if optional:
                    self.add(subject, f"optional field {wire} added", False)
                else:
                    where = "used in requests" if in_requests else "only in responses"
                    self.add(subject, f"required field {wire} added ({where})", in_requests)
                continue
            old_field, was_optional = old_fields[wire]
            if _type(old_field.type) != _type(field.type):
                self.add(
                    subject,
                    f"field {wire} type changed from {_type(old_field.type)} to {_type(field.type)}",
                    True,
                )
            old_python = old_field.name or names.snake_case(wire)
            new_python = field.name or names.snake_case(wire)
            if old_python != new_python:
                self.add(
                    subject,
                    f"field {wire} renamed in Python from {old_python} to {new_python}",
                    True,
                )
            if optional and not was_optional:
                self.add(
                    subject,
                    f"field {wire} is now optional (may be UNSET)",
                    in_responses,
                )
            elif was_optional and not optional:
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


def _type(text: str) -> str:
    """A type expression in one spelling (`list[ Seat ]` and `list[Seat]` are the same type)."""
    try:
        return _spell(typeexpr.parse(text))
    except typeexpr.TypeSyntaxError:
        return " ".join(text.split())


def _spell(ref: typeexpr.TypeRef) -> str:
    if isinstance(ref, typeexpr.Named):
        return ref.name
    if isinstance(ref, typeexpr.ListOf):
        return f"list[{_spell(ref.item)}]"
    if isinstance(ref, typeexpr.DictOf):
        return f"dict[str, {_spell(ref.value)}]"
    return f"{_spell(ref.inner)} | null"


def _names(text: str) -> list[str]:
    try:
        return typeexpr.names_in(typeexpr.parse(text))
    except typeexpr.TypeSyntaxError:
        return []


def _params(op: Operation) -> dict[str, tuple[str, str, Param]]:
    """Python name -> (wire name, location, parameter)."""
    result: dict[str, tuple[str, str, Param]] = {}
    for location, params in (("path", op.path_params), ("query", op.query), ("header", op.headers)):
        for wire, param in params.items():
            result[param.name or names.snake_case(wire)] = (wire, location, param)
    return result


def _fields(spec: TypeDef) -> dict[str, tuple[Field, bool]]:
    """Wire name -> (field, may be missing)."""
    result: dict[str, tuple[Field, bool]] = {}
    for wire, raw in (spec.fields or {}).items():
        field = raw if isinstance(raw, Field) else Field(type=raw)
        result[wire] = (field, field.optional or (spec.optional and not field.required))
    return result


def _body_type(body: Body | None) -> str | None:
    if body is None:
        return None
    if body.empty or body.type is None:
        return "{} (empty)"
    return _type(body.type)


def _response_type(response: Response | None) -> str | None:
    return _type(response.type) if response and response.type else None


def _idempotent(op: Operation) -> bool:
    return op.idempotent if op.idempotent is not None else op.method in _IDEMPOTENT_METHODS


def _reachable(vendor: Vendor, roots: list[str]) -> set[str]:
    seen: set[str] = set()
    pending = [name for text in roots for name in _names(text)]
    while pending:
        name = pending.pop()
        if name in seen or name not in vendor.types:
            continue
        seen.add(name)
        for raw in (vendor.types[name].fields or {}).values():
            pending += _names(raw if isinstance(raw, str) else raw.type)
    return seen


def _request_types(vendor: Vendor) -> set[str]:
    """Types a caller builds: request bodies and parameter types, and everything inside them."""
    roots = [op.body.type for op in vendor.operations if op.body and op.body.type]
    for op in vendor.operations:
        for params in (op.path_params, op.query, op.headers):
            roots += [p.type for p in params.values()]
    return _reachable(vendor, roots)


def _response_types(vendor: Vendor) -> set[str]:
    roots = [op.response.type for op in vendor.operations if op.response and op.response.type]
    if vendor.envelope:
        roots.append(vendor.envelope)
    return _reachable(vendor, roots)


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
    """`python -m codegen diff OLD.yaml NEW.yaml`: exit 1 when a change breaks, 2 when a file is invalid."""
    from codegen import registry

    loaded: list[Registry] = []
    for path in (old_path, new_path):
        try:
            loaded.append(registry.load(path)[0])
        except registry.RegistryError as exc:
            print(exc, file=sys.stderr)
            print(f"{path}: {len(exc.problems)} problem(s); nothing compared.", file=sys.stderr)
            return 2
    changes = compare(loaded[0], loaded[1])
    sys.stdout.write(report(changes))
    from codegen import release  # the release each vendor's change needs (major, minor, patch)

    sys.stdout.write(release.report(release.releases(loaded[0], loaded[1], changes)))
    return 1 if any(change.breaking for change in changes) else 0
