"""Render the API reference of each vendor (`docs/<vendor>.md`) from `templates/reference/`.

The reference is written for people calling the generated client: every operation with its call
signature, the vendor's description, parameters (Python and wire names), body, return type, the errors it
can raise, whether it is retried, a short example, and the registry's notes. Everything here is computed
from the resolved model (`codegen.model`); the template only lays it out. Output is deterministic: the same
registry gives the same bytes.
"""

from __future__ import annotations

import difflib
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

import jinja2

from codegen import names, policy, resources
from codegen.model import EnumModel, OperationModel, PackageModel, StructModel
from codegen.render import template_environment
from codegen.schema import Registry

TEMPLATES = resources.TEMPLATES / "reference"
TEMPLATE = "vendor.md.j2"
COMMAND = "python -m codegen generate"
# The retry statuses and status errors, as the generated runtime has them.
RETRY_STATUSES = policy.RETRY_STATUSES
STATUS_ERRORS = (
    *((name, str(status)) for name, status, _ in policy.STATUS_ERRORS),
    (policy.SERVER_ERROR[0], "5xx"),
)
_EXAMPLE_DEPTH = 2  # nested models deeper than this are shown as `Model(...)`
_WIDTH = 96


@dataclass(frozen=True)
class ParamRow:
    python: str
    wire: str
    location: str
    annotation: str
    required: bool
    description: str


@dataclass(frozen=True)
class OperationDoc:
    """One operation, as the template shows it."""

    model: OperationModel
    call: str  # client.cart.get
    anchor: str
    signature: str
    params: list[ParamRow]
    body: str | None  # the body annotation, when the method takes one
    body_required: bool
    returns: str
    returns_text: str  # how the result is obtained (the 1Ticket unwrap rule, 304, ...)
    media_types: list[tuple[str, str]]
    errors: list[str]
    retry: str
    example: str
    notes: list[str]


@dataclass(frozen=True)
class GroupDoc:
    name: str
    operations: list[OperationDoc]


def render_reference(packages: list[PackageModel], spec: Registry | None = None) -> dict[str, str]:
    """File name (relative to `docs/`) -> Markdown text, one file per vendor.

    With `spec` (the loaded registry) each operation also lists the registry's notes and each vendor its
    decisions; without it those sections are left out.
    """
    env = _environment()
    template = env.get_template(TEMPLATE)
    files: dict[str, str] = {}
    for package in packages:
        vendor = spec.vendors.get(package.name) if spec is not None else None
        notes = {op.name: op.notes for op in vendor.operations} if vendor else {}
        builder = _Builder(package)
        groups = [
            GroupDoc(
                group.name,
                [
                    builder.operation(op, notes.get(f"{op.group}.{op.name}", []))
                    for op in group.operations
                ],
            )
            for group in package.groups
        ]
        text = template.render(
            package=package,
            groups=groups,
            command=COMMAND,
            decisions=[_text(d) for d in vendor.decisions] if vendor else [],
            constructor=builder.constructor(),
            status_errors=STATUS_ERRORS,
            retry_statuses=", ".join(str(s) for s in RETRY_STATUSES),
        )
        files[f"{package.name}.md"] = re.sub(r"\n{3,}", "\n\n", text).rstrip("\n") + "\n"
    return files


def reference_files(registry_path: Path) -> dict[str, str]:
    """Load and resolve the registry, then render the reference (raises `RegistryError`)."""
    from codegen import model, registry

    spec, source = registry.load(registry_path)
    packages = model.build(spec, source, registry_path.resolve().parent)
    return render_reference(packages, spec)


def write(files: dict[str, str], directory: Path) -> None:
    """Write each file atomically (a temporary file renamed over the old one)."""
    directory.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        target = directory / name
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=directory)
        try:
            with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
                stream.write(text)
            os.chmod(temporary, 0o644)  # mkstemp creates the file private to its owner
            os.replace(temporary, target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise


def differences(files: dict[str, str], directory: Path, *, context_lines: int = 20) -> list[str]:
    """What differs between the rendered reference and the files in `directory` (empty: up to date)."""
    report: list[str] = []
    shown = directory.name
    for name, expected in files.items():
        target = directory / name
        if not target.is_file():
            report.append(f"missing: {shown}/{name}")
            continue
        actual = target.read_text(encoding="utf-8")
        if actual == expected:
            continue
        diff = list(
            difflib.unified_diff(
                actual.splitlines(),
                expected.splitlines(),
                f"{shown}/{name} (committed)",
                f"{shown}/{name} (from endpoints.yaml)",
                lineterm="",
            )
        )
        changed = sum(1 for line in diff if line[:1] in "+-") - 2
        report.append(f"changed: {shown}/{name} ({changed} lines differ)")
        report.extend("    " + line for line in diff[:context_lines])
        if len(diff) > context_lines:
            report.append(f"    ... {len(diff) - context_lines} more diff lines")
    return report


# -- building the views ------------------------------------------------------------------------


class _Builder:
    def __init__(self, package: PackageModel) -> None:
        self.package = package
        self.structs: dict[str, StructModel] = {s.name: s for s in package.structs}
        self.enums: dict[str, EnumModel] = {e.name: e for e in package.enums}
        self._used: set[str] = set()  # models and Decimal named by the example being built

    def constructor(self) -> str:
        args = [
            f"{arg}={self._scalar_example(kind)}" for arg, _, kind, _, _ in self.package.credentials
        ]
        return _call(self.package.client, args)

    def operation(self, op: OperationModel, notes: list[str]) -> OperationDoc:
        call = f"client.{op.group}.{op.name}"
        body = _body_annotation(op)
        media_types = [("application/json" if not op.accept else op.accept, op.returns)]
        media_types += op.media_types
        returns = " | ".join(dict.fromkeys(annotation for _, annotation in media_types))
        if len(media_types) == 1:
            media_types = []
        return OperationDoc(
            model=op,
            call=call,
            # GitHub's heading anchor: lower case, punctuation but `_` and `-` dropped.
            anchor=f"client{op.group}{op.name}".lower(),
            signature=_signature(call, _parameters(op, body), _quoted(returns)),
            params=[
                ParamRow(
                    p.py_name, p.wire, p.location, _quoted(p.annotation), p.required, _text(p.doc)
                )
                for p in op.params
            ],
            body=body,
            body_required=op.body_required,
            returns=_quoted(returns),
            returns_text=self._returns_text(op),
            media_types=media_types,
            errors=self._errors(op),
            retry=_retry_text(op),
            example=self._example(op, call),
            notes=[_text(note) for note in notes],
        )

    def _returns_text(self, op: OperationModel) -> str:
        parts: list[str] = []
        if op.enveloped:
            parts.append(
                {
                    "output": "The envelope's `output`, decoded.",
                    "nothing": "Nothing: the call succeeds (the envelope says `success`) or raises.",
                    "first": "The first element of the envelope's `output` (an empty `output` is a "
                    "`DecodeError`).",
                    "first_field": f"The `{op.unwrap_field}` of the first element of the envelope's "
                    "`output`"
                    + (" (`[]` when `output` is empty)." if op.unwrap_field_is_list else "."),
                }[op.unwrap]
            )
        elif op.decode_annotation is None:
            parts.append("Nothing: the vendor documents no response body.")
        if op.not_modified:
            parts.append("`None` when the server answers 304 Not Modified (`If-Modified-Since`).")
        return " ".join(parts)

    def _errors(self, op: OperationModel) -> list[str]:
        errors: list[str] = []
        reasons = _argument_checks(op)
        if reasons:
            errors.append(f"`ArgumentError`, before anything is sent: {', '.join(reasons)}.")
        errors.append(
            "`ApiConnectionError` (and its subclass `ApiTimeoutError`): the server could not be "
            "reached or did not answer in time."
        )
        statuses = ", ".join(f"`{name}` {status}" for name, status in STATUS_ERRORS)
        errors.append(f"`StatusError` for any other non-2xx status; by status: {statuses}.")
        if op.decode_annotation is not None:
            errors.append(
                "`DecodeError`: the body does not have the documented shape (names the JSON path)."
            )
        if op.enveloped:
            errors.append(
                f"`EnvelopeError`: the envelope's result status is not "
                f"`{self.package.envelope_success}`, even with HTTP 200 (carries the vendor's "
                "message and messageid)."
            )
        return errors

    def _example(self, op: OperationModel, call: str) -> str:
        self._used.clear()
        args: list[str] = []
        if op.body_annotation and op.body_required:
            args.append(f"body={self._value(op.body_annotation, 0)}")
        wanted = {p.py_name for p in op.required_params}
        for group in op.one_of:
            if not wanted & set(group):
                wanted.add(group[0])
        args += [
            f"{p.py_name}={self._value(p.annotation, 0)}" for p in op.params if p.py_name in wanted
        ]
        result = _result_name(op.returns)
        text = _call(call, args)
        if result is not None:
            text = f"{result} = {text}"
        imports = []
        if "dt.date" in self._used:
            imports.append("import datetime as dt\n")
        if "Decimal" in self._used:
            imports.append("from decimal import Decimal\n")
        models = sorted(self._used - {"Decimal", "dt.date"})
        if models:
            imports.append(f"from {self.package.name}.models import {', '.join(models)}\n")
        return "".join(imports) + ("\n" if imports else "") + text

    # -- example values ------------------------------------------------------------------------

    def _value(self, annotation: str, depth: int) -> str:
        text = annotation.strip()
        alternatives = [a for a in _alternatives(text) if a != "UnsetType"]
        if "None" in alternatives:
            return "None"  # nullable: the shortest valid value
        if len(alternatives) > 1 and alternatives[1].startswith("Literal["):
            return self._enum_example(alternatives[0])  # an enum argument: its first wire value
        if len(alternatives) > 1 or alternatives[0] != text:
            return self._value(alternatives[0], depth)
        if text.startswith("list[") and text.endswith("]"):
            return f"[{self._value(text[5:-1], depth)}]"
        if text.startswith("dict[str, ") and text.endswith("]"):
            return f'{{"key": {self._value(text[10:-1], depth)}}}'
        if text in self.enums and self.enums[text].members:
            self._used.add(text)
            return f"{text}.{self.enums[text].members[0][0]}"
        if text in self.structs:
            self._used.add(text)
            struct = self.structs[text]
            if depth >= _EXAMPLE_DEPTH:
                return f"{text}(...)"
            fields = [f for f in struct.fields if not f.has_default]
            return _call(
                text,
                [f"{f.py_name}={self._value(f.annotation, depth + 1)}" for f in fields],
                indent=4 * (depth + 1),
            )
        if text in ("Decimal", "dt.date"):
            self._used.add(text)
        return self._scalar_example(text)

    def _enum_example(self, name: str) -> str:
        enum = self.enums.get(name)
        if enum is None or not enum.members:
            return '"..."'
        return enum.members[0][1].replace("'", '"')

    @staticmethod
    def _scalar_example(annotation: str) -> str:
        return {
            "str": '"..."',
            "int": "1",
            "float": "1.0",
            "bool": "True",
            "Decimal": 'Decimal("10.00")',
            "dt.date": "dt.date(2025, 1, 31)",
            "Any": '{"key": "value"}',
        }.get(annotation, "...")


def _environment() -> jinja2.Environment:
    env = template_environment(TEMPLATES)
    env.filters["cell"] = _cell
    env.filters["text"] = _text
    return env


def _body_annotation(op: OperationModel) -> str | None:
    if not op.body_annotation:
        return None
    alternative = (
        "list[dict[str, Any]]" if op.body_annotation.startswith("list[") else "Mapping[str, Any]"
    )
    return f"{op.body_annotation} | {alternative}"


def _signature(call: str, params: list[str], returns: str) -> str:
    """`call(*, a: int) -> R` on one line when it fits, else one parameter per line (as ruff would)."""
    one_line = f"{call}({', '.join(params)}) -> {returns}"
    if len(one_line) <= _WIDTH:
        return one_line
    inner = "".join(f"    {param},\n" for param in params)
    return f"{call}(\n{inner}) -> {returns}"


def _parameters(op: OperationModel, body: str | None) -> list[str]:
    """The keyword arguments as the generated method declares them: required first, then optional."""
    required = [f"{p.py_name}: {_quoted(p.annotation)}" for p in op.required_params]
    optional = [f"{p.py_name}: {_quoted(p.annotation)} | None = None" for p in op.optional_params]
    if body and op.body_required:
        required.insert(0, f"body: {body}")
    elif body:
        optional.append(f"body: {body} | None = None")
    if op.media_types:
        optional.append('media_type: str = "application/json"')
    params = required + optional
    return ["*", *params] if params else []


def _argument_checks(op: OperationModel) -> list[str]:
    """What the generated method checks before sending, for this operation."""
    reasons: list[str] = []
    if op.one_of:
        groups = "; ".join(" or ".join(f"`{name}`" for name in group) for group in op.one_of)
        reasons.append(f"none of {groups} given")
    if any(p.choices for p in op.params):
        reasons.append("a value outside an enum")
    if any(p.location == "path" for p in op.params):
        reasons.append("an empty path argument")
    if any(p.location == "header" for p in op.params):
        reasons.append("a header value with CR or LF")
    if op.body_annotation:
        reasons.append("a body without the model's shape")
    if op.media_types:
        reasons.append("an undocumented `media_type`")
    return reasons


def _retry_text(op: OperationModel) -> str:
    statuses = ", ".join(str(s) for s in RETRY_STATUSES)
    if op.idempotent:
        return (
            f"Safe to repeat: retried (up to `max_retries`) on HTTP {statuses}, connection "
            "failures, read errors and read timeouts, with capped exponential backoff and "
            "`Retry-After` honoured."
        )
    return (
        "Not safe to repeat: never re-sent once it may have reached the server (no retry on a "
        "status, a read error or a read timeout); only a connection that failed before anything "
        "was sent is tried again."
    )


def _alternatives(annotation: str) -> list[str]:
    """The members of a top-level union: `list[A | B] | None` -> [`list[A | B]`, `None`]."""
    members: list[str] = []
    depth = start = 0
    for index, char in enumerate(annotation):
        depth += {"[": 1, "]": -1}.get(char, 0)
        if depth == 0 and annotation.startswith(" | ", index):
            members.append(annotation[start:index])
            start = index + 3
    members.append(annotation[start:])
    return [member.strip() for member in members]


def _result_name(returns: str) -> str | None:
    if returns == "None":
        return None
    base = returns.removesuffix(" | None")
    if base.startswith("list["):
        return "items"
    if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", base) or base == "Any":
        return "result"
    return names.snake_case(base) or "result"


def _call(name: str, args: list[str], *, indent: int = 0) -> str:
    """`name(a, b)` on one line when it fits, else one argument per line."""
    one_line = f"{name}({', '.join(args)})"
    if len(one_line) + indent <= _WIDTH and "\n" not in one_line:
        return one_line
    pad = " " * (indent + 4)
    inner = "".join(f"{pad}{arg},\n" for arg in args)
    return f"{name}(\n{inner}{' ' * indent})"


def _quoted(annotation: str) -> str:
    """Annotations as ruff writes them: double-quoted literals."""
    return annotation.replace("'", '"')


def _text(text: str) -> str:
    return " ".join(text.split())


def _cell(text: str) -> str:
    """Text for a Markdown table cell: one line, pipes escaped (also inside code spans)."""
    return _text(text).replace("|", "\\|")
