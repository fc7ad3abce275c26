"""Render the API reference of each vendor (`docs/<vendor>.md`) from `templates/reference/`.

The reference is written for people calling the generated client: every operation with its call
signature, the vendor's description, parameters (Python and wire names), body, return type, the errors it
can raise, whether it is retried, a short example, and the registry's notes. Everything here is computed
from the resolved model (`ticketing_codegen.model`); the template only lays it out. Output is deterministic: the same
registry gives the same bytes.
"""

from __future__ import annotations

import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

import jinja2

from ticketing_codegen import names, output, policy, pytyping, resources
from ticketing_codegen.model import (
    ENVELOPE_OUTPUT,
    EnumType,
    Field,
    ObjectType,
    Operation,
    Parameter,
    Vendor,
)
from ticketing_codegen.pytyping import PythonTypes
from ticketing_codegen.render import template_environment
from ticketing_codegen.typeexpr import DictOf, ListOf, Named, Nullable, TypeRef

TEMPLATES = resources.TEMPLATES / "reference"
TEMPLATE = "vendor.md.j2"
COMMAND = "ticketing-codegen generate"
# The retry statuses and status errors, as the generated runtime has them.
RETRY_STATUSES = policy.RETRY_STATUSES
STATUS_ERRORS = (
    *((name, str(status)) for name, status, _ in policy.STATUS_ERRORS),
    (policy.SERVER_ERROR[0], "5xx"),
)
_EXAMPLE_DEPTH = 2  # nested models deeper than this are shown as `Model(...)`
_WIDTH = 96
_SCALAR_EXAMPLES = {
    "str": '"..."',
    "int": "1",
    "float": "1.0",
    "bool": "True",
    "decimal": 'Decimal("10.00")',
    "date": "dt.date(2025, 1, 31)",
    "any": '{"key": "value"}',
}


@dataclass(frozen=True)
class ParamRow:
    python: str
    wire: str
    location: str
    annotation: str
    required: bool
    description: str


@dataclass(frozen=True)
class MediaRow:
    media_type: str
    annotation: str


@dataclass(frozen=True)
class FieldRow:
    python: str
    wire: str
    annotation: str
    optional: bool
    description: str
    secret: bool


@dataclass(frozen=True)
class OperationDoc:
    """One operation, as the template shows it."""

    model: Operation
    call: str  # client.cart.get
    anchor: str
    signature: str
    params: list[ParamRow]
    body: str | None  # the body annotation, when the method takes one
    body_required: bool
    returns: str
    returns_text: str  # how the result is obtained (the 1Ticket unwrap rule, 304, ...)
    media_types: list[MediaRow]
    errors: list[str]
    retry: str
    example: str
    notes: list[str]


@dataclass(frozen=True)
class GroupDoc:
    name: str
    operations: list[OperationDoc]


@dataclass(frozen=True)
class StructDoc:
    model: ObjectType
    fields: list[FieldRow]


def render_reference(vendors: list[Vendor], *, notes: bool = True) -> dict[str, str]:
    """File name (relative to `docs/`) -> Markdown text, one file per vendor.

    With `notes` each operation also lists the registry's notes and each vendor its decisions.
    """
    env = _environment()
    template = env.get_template(TEMPLATE)
    files: dict[str, str] = {}
    for vendor in vendors:
        builder = _Builder(vendor)
        groups = [
            GroupDoc(
                group.name,
                [builder.operation(op, list(op.notes) if notes else []) for op in group.operations],
            )
            for group in vendor.groups
        ]
        text = template.render(
            package=vendor,
            groups=groups,
            structs=[builder.struct(s) for s in vendor.structs],
            command=COMMAND,
            decisions=[_text(d) for d in vendor.decisions] if notes else [],
            constructor=builder.constructor(),
            status_errors=STATUS_ERRORS,
            retry_statuses=", ".join(str(s) for s in RETRY_STATUSES),
            idempotent_methods=", ".join(policy.IDEMPOTENT_METHODS),
        )
        files[f"{vendor.name}.md"] = re.sub(r"\n{3,}", "\n\n", text).rstrip("\n") + "\n"
    return files


def reference_files(registry_path: Path) -> dict[str, str]:
    """Load and resolve the registry, then render the reference (raises `RegistryError`)."""
    from ticketing_codegen import resolve

    return render_reference(resolve.load(registry_path))


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
    actual = {
        name: (directory / name).read_text(encoding="utf-8")
        for name in files
        if (directory / name).is_file()
    }
    return output.differences(files, actual, shown=directory.name, context_lines=context_lines)


# -- building the views ------------------------------------------------------------------------


class _Builder:
    def __init__(self, vendor: Vendor) -> None:
        self.vendor = vendor
        self.types = PythonTypes(models_from=None)
        self._used: set[str] = (
            set()
        )  # models, `Decimal` and `dt.date` named by the example being built

    def constructor(self) -> str:
        args = [f"{c.arg}={_SCALAR_EXAMPLES[c.type]}" for c in self.vendor.credentials]
        return _call(self.vendor.client, args)

    def struct(self, struct: ObjectType) -> StructDoc:
        rows = [
            FieldRow(
                f.python_name,
                f.wire,
                _quoted(self.types.field(struct, f, unset=False)),
                f.may_be_missing,
                f.description,
                f.secret,
            )
            for f in struct.init_order
        ]
        return StructDoc(struct, rows)

    def operation(self, op: Operation, notes: list[str]) -> OperationDoc:
        call = f"client.{op.qualified_name}"
        body = self.types.body(op)
        media_types = [MediaRow(op.default_media_type, self.types.returns(op))]
        media_types += [MediaRow(m.media_type, self.types.media(m)) for m in op.media_types]
        returns = self.types.media_union(op)
        params = pytyping.signature_parameters(
            op, self.types, media="any" if op.media_types else None
        )
        return OperationDoc(
            model=op,
            call=call,
            # GitHub's heading anchor: lower case, punctuation but `_` and `-` dropped.
            anchor=f"client{op.group}{op.name}".lower(),
            signature=_signature(
                call, [_quoted(p) for p in (["*", *params] if params else [])], _quoted(returns)
            ),
            params=[
                ParamRow(
                    p.python_name,
                    p.wire,
                    p.location,
                    _quoted(self.types.parameter(p)),
                    p.required,
                    _text(p.description),
                )
                for p in op.params
            ],
            body=_quoted(body) if body else None,
            body_required=op.body is not None and op.body.required,
            returns=_quoted(returns),
            returns_text=self._returns_text(op),
            media_types=[MediaRow(m.media_type, _quoted(m.annotation)) for m in media_types]
            if len(media_types) > 1
            else [],
            errors=self._errors(op),
            retry=_retry_text(op),
            example=self._example(op, call),
            notes=[_text(note) for note in notes],
        )

    def _returns_text(self, op: Operation) -> str:
        parts: list[str] = []
        field = op.unwrap.field
        if op.enveloped:
            parts.append(
                {
                    "output": "The envelope's `output`, decoded.",
                    "nothing": "Nothing: the call succeeds (the envelope says `success`) or raises.",
                    "first": "The first element of the envelope's `output` (an empty `output` is a "
                    "`DecodeError`).",
                    "first_field": f"The `{field.python_name if field else ''}` of the first element "
                    "of the envelope's `output`"
                    + (
                        f" (`{op.unwrap.empty_value}` when `output` is empty)."
                        if op.unwrap.tolerates_absence
                        else "."
                    ),
                }[op.unwrap.kind]
            )
        elif op.decoded is None:
            parts.append("Nothing: the vendor documents no response body.")
        if op.not_modified:
            parts.append("`None` when the server answers 304 Not Modified (`If-Modified-Since`).")
        return " ".join(parts)

    def _errors(self, op: Operation) -> list[str]:
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
        if op.decoded is not None:
            errors.append(
                "`DecodeError`: the body does not have the documented shape (names the JSON path)."
            )
        if op.enveloped:
            errors.append(
                f"`EnvelopeError`: the envelope's result status is not "
                f"`{self.vendor.envelope_success}`, even with HTTP 200 (carries the vendor's "
                "message and messageid)."
            )
        return errors

    def _example(self, op: Operation, call: str) -> str:
        self._used.clear()
        args: list[str] = []
        if op.body_type is not None and op.body is not None and op.body.required:
            args.append(f"body={self._value(op.body_type, 0)}")
        wanted = {p.python_name for p in op.required_params}
        for group in op.one_of:
            if not wanted & {p.python_name for p in group}:
                wanted.add(group[0].python_name)
        args += [
            f"{p.python_name}={self._argument(p)}" for p in op.params if p.python_name in wanted
        ]
        result = _result_name(op.returns)
        text = _call(call, args)
        if result is not None:
            text = f"{result} = {text}"
        imports = []
        if "date" in self._used:
            imports.append("import datetime as dt\n")
        if "decimal" in self._used:
            imports.append("from decimal import Decimal\n")
        models = sorted(self._used - {"decimal", "date"})
        if models:
            imports.append(f"from {self.vendor.name}.models import {', '.join(models)}\n")
        return "".join(imports) + ("\n" if imports else "") + text

    # -- example values ------------------------------------------------------------------------

    def _argument(self, param: Parameter) -> str:
        """An example argument: an enum's first wire value, a date, or a value of its type."""
        if isinstance(param.type, Nullable):
            return "None"
        if param.enum is not None:
            value = _quoted(repr(param.enum.values[0]))
            return f"[{value}]" if isinstance(param.type, ListOf) else value
        return self._value(param.type, 0)

    def _value(self, ref: TypeRef, depth: int) -> str:
        if isinstance(ref, Nullable):
            return "None"  # nullable: the shortest valid value
        if isinstance(ref, ListOf):
            return f"[{self._value(ref.item, depth)}]"
        if isinstance(ref, DictOf):
            return f'{{"key": {self._value(ref.value, depth)}}}'
        found = self.vendor.type_named(ref.name)
        if isinstance(found, EnumType):
            self._used.add(found.name)
            return f"{found.name}.{found.members[0].name}"
        if isinstance(found, ObjectType):
            self._used.add(found.name)
            if depth >= _EXAMPLE_DEPTH:
                return f"{found.name}(...)"
            fields = [f for f in found.init_order if not f.may_be_missing]
            return _call(
                found.name,
                [f"{f.python_name}={self._field_value(found, f, depth + 1)}" for f in fields],
                indent=4 * (depth + 1),
            )
        if ref.name in ("decimal", "date"):
            self._used.add(ref.name)
        return _SCALAR_EXAMPLES.get(ref.name, "...")

    def _field_value(self, owner: ObjectType, field: Field, depth: int) -> str:
        if owner.generic and field.wire == ENVELOPE_OUTPUT:
            return "..."  # the envelope's type parameter
        return self._value(field.type, depth)


def _environment() -> jinja2.Environment:
    env = template_environment(TEMPLATES)
    env.filters["cell"] = _cell
    env.filters["text"] = _text
    env.filters["pyrepr"] = repr
    return env


def _signature(call: str, params: list[str], returns: str) -> str:
    """`call(*, a: int) -> R` on one line when it fits, else one parameter per line (as ruff would)."""
    one_line = f"{call}({', '.join(params)}) -> {returns}"
    if len(one_line) <= _WIDTH:
        return one_line
    inner = "".join(f"    {param},\n" for param in params)
    return f"{call}(\n{inner}) -> {returns}"


def _argument_checks(op: Operation) -> list[str]:
    """What the generated method checks before sending, for this operation."""
    reasons: list[str] = []
    if op.argument_rules:  # listed under the parameters
        reasons.append("an argument check above not met")
    if any(p.enum for p in op.params):
        reasons.append("a value outside an enum")
    if any(p.location == "path" for p in op.params):
        reasons.append("an empty path argument")
    if any(p.location == "header" for p in op.params):
        reasons.append("a header value with CR or LF")
    if op.body_type is not None:
        reasons.append("a body without the model's shape")
    if op.media_types:
        reasons.append("an undocumented `media_type`")
    return reasons


def _retry_text(op: Operation) -> str:
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


def _result_name(returns: TypeRef | None) -> str | None:
    """The variable an example assigns the result to: `items`, `cart`, `result`."""
    if returns is None:
        return None
    base = returns.inner if isinstance(returns, Nullable) else returns
    if isinstance(base, ListOf):
        return "items"
    if not isinstance(base, Named) or base.name in ("any", "date"):
        return "result"
    return names.snake_case(PythonTypes(models_from=None).annotation(base)) or "result"


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
