"""`ticketing-codegen drift DIR`: what the recorded drift asks of `endpoints.yaml`, ready to paste.

The clients record responses that differ from the registry (`record_drift=`, see the runtime's `_drift`
module). This report groups the records by vendor and type, sets aside what the registry already says
(regenerated since, nothing to do), and prints the additions it proposes as YAML at the place each goes:
new fields (type inferred from the example, `optional: true`, a note with the first-seen date), new enum
values, fields that turned out optional or nullable. What needs a person (a wrong JSON type, an
undocumented status or content type, a body that is not JSON) is listed with its evidence. Exit status 1
when anything is left to do. `--samples` also copies the observed bodies into
`samples/<vendor>/observed/`, so that the round-trip tests cover them once the registry is updated.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import msgspec

from ticketing_codegen import model, names, registry, resolve, typeexpr
from ticketing_codegen.runtime._drift import BODY_SUFFIX, RECORD_SUFFIX, looks_secret
from ticketing_codegen.schema import Field, Registry, TypeDef

OBSERVED = "observed"  # samples/<vendor>/observed/<operation>.<digest>.json
_PLAIN = re.compile(r"^[A-Za-z_][A-Za-z0-9_.-]*$")
_PLAIN_TYPE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*( \| null)?$")
_YAML_WORDS = frozenset({"true", "false", "yes", "no", "on", "off", "null", "y", "n", "~"})
# What each record kind means to a person, for the "needs a decision" list.
_KIND_TEXT = {
    "wrong_type": "a value of another JSON type than declared",
    "status": "an undocumented status",
    "content_type": "an undocumented content type",
    "undecodable": "a body that is not JSON",
    "overflow": "more drift than was recorded (the directory's cap was reached)",
}


class DriftRecord(msgspec.Struct, kw_only=True):
    """One finding as the runtime wrote it (`ticketing_codegen/runtime/_drift.py`)."""

    vendor: str
    operation: str
    kind: str
    path: str = "$"
    type: str | None = None
    field: str | None = None
    example: Any = None
    expected: str | None = None
    status: int | None = None
    content_type: str | None = None
    first_seen: str = ""
    sample: str | None = None

    @property
    def day(self) -> str:
        return self.first_seen[:10]

    @property
    def where(self) -> str:
        return f"{self.operation}, {self.path}"


@dataclass
class TypeChanges:
    """What the records ask of one registry type."""

    new_fields: dict[str, list[DriftRecord]] = field(default_factory=dict)  # each time it was seen
    optional: dict[str, DriftRecord] = field(default_factory=dict)  # declared present, went missing
    nullable: dict[str, DriftRecord] = field(default_factory=dict)  # null where not nullable
    enum_values: dict[str, DriftRecord] = field(default_factory=dict)  # json of the value -> record


@dataclass
class Report:
    known: list[DriftRecord] = field(default_factory=list)
    changing: list[DriftRecord] = field(default_factory=list)  # the records behind `changes`
    changes: dict[tuple[str, str], TypeChanges] = field(default_factory=dict)
    decisions: list[DriftRecord] = field(default_factory=list)

    @property
    def drift(self) -> bool:
        return bool(self.changes or self.decisions)


def read_records(directory: Path) -> tuple[list[DriftRecord], list[str]]:
    """The records of a drift directory, and a line per file that could not be read."""
    records: list[DriftRecord] = []
    problems: list[str] = []
    for path in sorted(directory.glob(f"*{RECORD_SUFFIX}")):
        try:
            records.append(msgspec.json.decode(path.read_bytes(), type=DriftRecord))
        except (OSError, msgspec.DecodeError) as exc:
            problems.append(f"{path.name}: not a drift record ({exc})")
    records.sort(key=lambda r: (r.vendor, r.type or "", r.first_seen, r.path))
    return records, problems


def classify(records: Iterable[DriftRecord], spec: Registry) -> Report:
    """Sort records into known to the registry, registry changes, and decisions for a person."""
    report = Report()
    for record in records:
        vendor = spec.vendors.get(record.vendor)
        typedef = vendor.types.get(record.type) if vendor and record.type else None
        if record.kind in ("unknown_field", "missing_field", "null", "unknown_enum_value"):
            if typedef is None or (record.kind == "unknown_enum_value") != (
                typedef.enum is not None
            ):
                report.decisions.append(
                    record
                )  # a type the registry no longer has, or changed kind
            elif _is_known(record, typedef):
                report.known.append(record)
            else:
                _add_change(report, record)
        elif record.kind == "content_type" and vendor is not None and _known_media(record, spec):
            report.known.append(record)
        else:
            report.decisions.append(record)
    return report


def _is_known(record: DriftRecord, typedef: TypeDef) -> bool:
    fields = typedef.fields or {}
    declared = fields.get(record.field or "")
    if record.kind == "unknown_field":
        return declared is not None
    if record.kind == "unknown_enum_value":
        return record.example in (typedef.enum or [])
    if declared is None:
        return False
    info = declared if isinstance(declared, Field) else Field(type=declared)
    if record.kind == "missing_field":
        return resolve.may_be_missing(info, typedef)
    return _nullable(info.type)


def _known_media(record: DriftRecord, spec: Registry) -> bool:
    vendor = spec.vendors[record.vendor]
    op = next((o for o in vendor.operations if o.name == record.operation), None)
    got = (record.example or "").split(";", 1)[0].strip().lower() if record.example else ""
    return op is not None and (
        got in op.media_types or got == (op.accept or model.DEFAULT_ACCEPT).lower()
    )


def _add_change(report: Report, record: DriftRecord) -> None:
    report.changing.append(record)
    changes = report.changes.setdefault((record.vendor, record.type or ""), TypeChanges())
    wire = record.field or ""
    if record.kind == "unknown_field":
        changes.new_fields.setdefault(wire, []).append(record)
    elif record.kind == "missing_field":
        changes.optional.setdefault(wire, record)
    elif record.kind == "null":
        changes.nullable.setdefault(wire, record)
    else:
        changes.enum_values.setdefault(json.dumps(record.example), record)


# -- proposing ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Proposal:
    """Lines to paste into the registry: after line `line` ("add") or instead of lines
    `line`..`end` ("replace")."""

    action: Literal["add", "replace"]
    line: int
    end: int
    where: str  # the registry path
    lines: tuple[str, ...]

    def header(self, file: str) -> str:
        span = f"{self.line}-{self.end}" if self.end > self.line else f"{self.line}"
        verb = "add after it" if self.action == "add" else "replace with"
        return f"# {file}:{span} {self.where}: {verb}"


def propose(report: Report, spec: Registry, source: registry.Source, text: str) -> list[Proposal]:
    """The registry edits that make the drift known, in the registry's own layout."""
    lines = text.splitlines()
    proposals: list[Proposal] = []
    for (vendor_key, type_name), changes in sorted(report.changes.items()):
        typedef = spec.vendors[vendor_key].types[type_name]
        base = f"vendors.{vendor_key}.types.{type_name}"
        proposals.extend(_field_proposals(changes, typedef, base, source, lines))
        if changes.enum_values:
            proposals.extend(_enum_proposals(changes, typedef, base, source, lines))
    return proposals


def _field_proposals(
    changes: TypeChanges, typedef: TypeDef, base: str, source: registry.Source, lines: list[str]
) -> list[Proposal]:
    proposals: list[Proposal] = []
    fields = typedef.fields or {}
    fields_path = f"{base}.fields"
    if changes.new_fields:
        first = next(iter(fields), None)
        indent = (
            _indent(lines, source.line_of(registry.child_path(fields_path, first)))
            if first is not None
            else _indent(lines, source.line_of(fields_path)) + 2
        )
        added = tuple(
            " " * indent + _yaml_key(wire) + ": " + _flow(_new_field(wire, records))
            for wire, records in changes.new_fields.items()
        )
        line = source.line_of(fields_path)
        proposals.append(Proposal("add", line, line, fields_path, added))
    for wire in sorted(set(changes.optional) | set(changes.nullable)):
        path = registry.child_path(fields_path, wire)
        start = source.line_of(path)
        declared = fields[wire]
        entry: dict[str, Any] = (
            {"type": declared} if isinstance(declared, str) else _field_dict(declared)
        )
        notes = list(entry.get("notes", []))
        if wire in changes.optional:
            entry["optional"] = True
            record = changes.optional[wire]
            notes.append(f"Missing in live traffic on {record.day} ({record.where}).")
        if wire in changes.nullable and not _nullable(entry["type"]):
            entry["type"] = f"{entry['type']} | null"
            record = changes.nullable[wire]
            notes.append(f"null in live traffic on {record.day} ({record.where}).")
        entry["notes"] = notes
        replacement = " " * _indent(lines, start) + _yaml_key(wire) + ": " + _flow(entry)
        end = _entry_end(lines, start)
        proposals.append(Proposal("replace", start, end, path, (replacement,)))
    return proposals


def _enum_proposals(
    changes: TypeChanges, typedef: TypeDef, base: str, source: registry.Source, lines: list[str]
) -> list[Proposal]:
    enum_path = f"{base}.enum"
    start = source.line_of(enum_path)
    values = list(typedef.enum or []) + [r.example for r in changes.enum_values.values()]
    indent = _indent(lines, start)
    end = _entry_end(lines, start)
    enum_line = " " * indent + "enum: [" + ", ".join(_yaml_scalar(v) for v in values) + "]"
    proposals = [Proposal("replace", start, end, enum_path, (enum_line,))]
    notes = [
        f"{r.example} first seen in live traffic on {r.day} ({r.where})."
        for r in changes.enum_values.values()
    ]
    notes_path = f"{base}.notes"
    notes_start = source.line_of(notes_path) if typedef.notes else 0
    if typedef.notes and lines[notes_start - 1].split("notes:", 1)[-1].strip():
        # `notes: [...]` on one line: the whole list again, with the new notes.
        notes_line = " " * _indent(lines, notes_start) + "notes: "
        notes_line += _flow_list([*typedef.notes, *notes])
        last = _entry_end(lines, notes_start)
        proposals.append(Proposal("replace", notes_start, last, notes_path, (notes_line,)))
    elif typedef.notes:
        item_line = source.line_of(registry.child_path(notes_path, 0))
        item_indent = _indent(lines, item_line)
        items = tuple(" " * item_indent + "- " + json.dumps(note) for note in notes)
        last = _entry_end(lines, notes_start)
        proposals.append(Proposal("add", last, last, notes_path, items))
    else:
        notes_line = " " * indent + "notes: " + _flow_list(notes)
        proposals.append(Proposal("add", end, end, base, (notes_line,)))
    return proposals


def _new_field(wire: str, records: list[DriftRecord]) -> dict[str, Any]:
    record = records[0]
    entry: dict[str, Any] = {
        "type": infer_field_type([r.example for r in records]),
        "optional": True,
    }
    if not names.snake_case(wire):
        entry["name"] = "field_" + re.sub(r"[^0-9a-z]+", "_", wire.lower()).strip("_")
    if looks_secret(wire):
        entry["secret"] = True
    note = f"First seen in live traffic on {record.day} ({record.where})"
    if isinstance(record.example, dict) or (
        isinstance(record.example, list) and any(isinstance(v, dict) for v in record.example)
    ):
        note += "; an object, left undecoded: declare a type for typed access"
    entry["notes"] = [note + "."]
    return entry


def infer_field_type(examples: list[Any]) -> str:
    """The type expression of a field from every example seen of it (`| null` when one was null)."""
    kinds = {infer_type(example) for example in examples if example is not None}
    inferred = kinds.pop() if len(kinds) == 1 else "any"
    if inferred != "any" and any(example is None for example in examples):
        return f"{inferred} | null"
    return inferred


def infer_type(example: Any) -> str:
    """The registry type expression of an example value (exact for money: numbers are `decimal`)."""
    if isinstance(example, bool):
        return "bool"
    if isinstance(example, int):
        return "int"
    if isinstance(example, float):
        return "decimal"
    if isinstance(example, str):
        return "str"
    if isinstance(example, list):
        kinds = {infer_type(v) for v in example if v is not None}
        return f"list[{kinds.pop()}]" if len(kinds) == 1 else "list[any]"
    return "any"  # an object, or null when first seen


def _field_dict(declared: Field) -> dict[str, Any]:
    entry: dict[str, Any] = {"type": declared.type}
    if declared.name:
        entry["name"] = declared.name
    for key in ("optional", "required", "secret"):
        if getattr(declared, key):
            entry[key] = True
    if declared.description:
        entry["description"] = declared.description
    if declared.notes:
        entry["notes"] = list(declared.notes)
    return entry


def _nullable(expression: str) -> bool:
    try:
        return isinstance(typeexpr.parse(expression), typeexpr.Nullable)
    except typeexpr.TypeSyntaxError:  # the registry's own check reports it
        return False


def _flow(entry: dict[str, Any]) -> str:
    parts = []
    for key, value in entry.items():
        if isinstance(value, list):
            parts.append(f"{key}: {_flow_list(value)}")
        elif isinstance(value, bool):
            parts.append(f"{key}: {'true' if value else 'false'}")
        elif key == "type" and _PLAIN_TYPE.match(value):
            parts.append(f"{key}: {value}")  # `str`, `Cart | null`; `"list[str]"` needs its quotes
        else:
            parts.append(f"{key}: {_yaml_scalar(value)}")
    return "{" + ", ".join(parts) + "}"


def _flow_list(items: list[Any]) -> str:
    return "[" + ", ".join(_yaml_scalar(item) for item in items) + "]"


def _yaml_scalar(value: Any) -> str:
    if isinstance(value, bool) or value is None:
        return json.dumps(value)
    if isinstance(value, int):
        return str(value)
    text = str(value)
    plain = _PLAIN.match(text) and text.lower() not in _YAML_WORDS
    return text if plain else json.dumps(text)


def _yaml_key(key: str) -> str:
    return _yaml_scalar(key) if key.strip() == key else json.dumps(key)


def _indent(lines: list[str], line: int) -> int:
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    return len(text) - len(text.lstrip(" "))


def _entry_end(lines: list[str], start: int) -> int:
    """The last line of the YAML entry whose key is on line `start` (its more-indented lines)."""
    indent = _indent(lines, start)
    end = start
    for number in range(start + 1, len(lines) + 1):
        text = lines[number - 1]
        if not text.strip():
            continue
        if _indent(lines, number) <= indent:
            break
        end = number
    return end


# -- printing and samples --------------------------------------------------------------------


def render(report: Report, proposals: list[Proposal], file: str) -> str:
    out: list[str] = []
    total = len(report.known) + len(report.changing) + len(report.decisions)
    out.append(
        f"# {total} drift record(s): {len(report.known)} already in {file} (nothing to do), "
        f"{len(report.changing)} asking for a registry change, "
        f"{len(report.decisions)} needing a decision."
    )
    for vendor in sorted({v for v, _ in report.changes} | {r.vendor for r in report.decisions}):
        out.append(f"\n# == {vendor} ==")
        for (vendor_key, type_name), changes in sorted(report.changes.items()):
            if vendor_key != vendor:
                continue
            out.append(f"# -- {type_name}: {_summary(changes)}")
            base = f"vendors.{vendor_key}.types.{type_name}"
            for proposal in proposals:
                if proposal.where == base or proposal.where.startswith(base + "."):
                    out.append(proposal.header(file))
                    out.extend(proposal.lines)
        for record in report.decisions:
            if record.vendor == vendor:
                out.append(f"# needs a decision: {_decision(record)}")
    if report.known:
        out.append(f"\n# Already in {file} (regenerate the clients if they still record these):")
        out.extend(
            f"#   {r.vendor} {r.type or ''} {r.kind} {r.field or r.example} ({r.where})"
            for r in report.known
        )
    return "\n".join(out)


def _summary(changes: TypeChanges) -> str:
    parts = [
        f"{len(items)} {label}"
        for label, items in (
            ("new field(s)", changes.new_fields),
            ("field(s) missing", changes.optional),
            ("field(s) null", changes.nullable),
            ("new enum value(s)", changes.enum_values),
        )
        if items
    ]
    return ", ".join(parts)


def _decision(record: DriftRecord) -> str:
    what = _KIND_TEXT.get(record.kind, record.kind)
    if record.kind in ("missing_field", "null", "unknown_field", "unknown_enum_value"):
        what = f"{record.kind} in type `{record.type}`, which the registry does not declare"
    evidence = json.dumps(record.example)[:200] if record.example is not None else ""
    expected = f", declared {record.expected}" if record.expected else ""
    return f"{what}: {record.operation} {record.path} {evidence}{expected} ({record.day})".rstrip()


def write_samples(records: list[DriftRecord], directory: Path, samples_root: Path) -> list[Path]:
    """Copy each observed body into `samples/<vendor>/observed/<operation>.<digest>.json`."""
    written: list[Path] = []
    for record in records:
        if not record.sample or not record.sample.endswith(BODY_SUFFIX):
            continue
        body = directory / Path(record.sample).name
        if not body.is_file():
            continue
        digest = body.name.removesuffix(BODY_SUFFIX).rsplit(".", 1)[-1][:12]
        target = samples_root / record.vendor / OBSERVED / f"{record.operation}.{digest}.json"
        if target.exists() or target in written:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(body.read_bytes())
        written.append(target)
    return written


def main(directory: Path, registry_path: Path, *, samples: bool = False) -> int:
    if not directory.is_dir():
        print(f"{directory}: no such directory", file=sys.stderr)
        return 2
    try:
        spec, source = registry.load(registry_path)
    except registry.RegistryError as exc:
        print(exc, file=sys.stderr)
        return 2
    records, problems = read_records(directory)
    for problem in problems:
        print(problem, file=sys.stderr)
    report = classify(records, spec)
    text = registry_path.read_text(encoding="utf-8")
    proposals = propose(report, spec, source, text)
    print(render(report, proposals, registry_path.name))
    if samples:
        written = write_samples(records, directory, registry_path.resolve().parent / "samples")
        for path in written:
            print(f"# wrote sample {path}")
    return 1 if report.drift else 0
