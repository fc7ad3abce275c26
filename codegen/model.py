"""Resolve the registry into what the templates render: Python names, annotations, groups, decoders.

Every check that needs more than the schema (a type that refers to nothing, a duplicate operation, a path
placeholder without a parameter) happens here, and is reported with the line it concerns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path

import msgspec

from codegen import names, typeexpr, workflows
from codegen.registry import Problems, Source, child_path
from codegen.schema import CartRoles, Operation, Param, Registry, TypeDef, Vendor

_IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "PUT", "DELETE"})
_UNWRAP = re.compile(r"^(?:output|nothing|output\[0\](?:\.(?P<field>[A-Za-z0-9_. -]+))?)$")
_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")


@dataclass(frozen=True)
class FieldModel:
    py_name: str
    wire: str
    annotation: str
    has_default: bool
    secret: bool
    doc: str
    money: bool = False  # a decimal: checked finite and within sensible bounds when decoded


@dataclass(frozen=True)
class StructModel:
    name: str
    doc: str
    fields: list[FieldModel]
    generic: bool = False

    @property
    def renames(self) -> dict[str, str]:
        return {f.py_name: f.wire for f in self.fields if f.py_name != f.wire}

    @property
    def secret_fields(self) -> list[str]:
        return [f.py_name for f in self.fields if f.secret]

    @property
    def money_fields(self) -> tuple[str, ...]:
        return tuple(f.py_name for f in self.fields if f.money)


@dataclass(frozen=True)
class EnumModel:
    name: str
    base: str  # "str" or "int"
    members: list[tuple[str, str]]  # (MEMBER_NAME, Python literal)
    doc: str

    @property
    def literals(self) -> str:
        return ", ".join(value for _, value in self.members)


@dataclass(frozen=True)
class ParamModel:
    py_name: str
    wire: str
    location: str  # "path", "query" or "header"
    annotation: str
    required: bool
    style: str | None
    secret: bool
    choices: str | None  # Python literal of the allowed wire values, for enums
    doc: str
    # What the runtime checks a value against before sending: "str", "int", "bool", "date", "choice" or
    # "http_date" (an HTTP-date header: a datetime, or its text); `many` for a list of them.
    kind: str = "str"
    many: bool = False
    builder: str | None = None  # a query builder class also accepted (sent as its text)


@dataclass(frozen=True)
class OperationModel:
    group: str
    name: str
    constant: str
    method: str
    path: str
    server: str
    summary: str
    description: str
    idempotent: bool
    head: bool
    compression: str | None
    accept: str | None
    enveloped: bool
    params: list[ParamModel]
    body_annotation: str | None
    body_required: bool
    body_empty: bool
    body_doc: str
    decode_annotation: str | None
    returns: str
    unwrap: str  # "output", "nothing", "first", "first_field"
    unwrap_field: str | None
    unwrap_field_is_list: bool
    sample: str | None
    one_of: list[list[str]]  # Python names: at least one argument of each group must be given
    not_modified: bool  # a 304 answer (If-Modified-Since) is a result: the method returns None
    # Other media types the caller may ask for: (media type, annotation or "MultipartDocument").
    media_types: list[tuple[str, str]] = field(default_factory=list)

    @property
    def required_params(self) -> list[ParamModel]:
        return [p for p in self.params if p.required]

    @property
    def optional_params(self) -> list[ParamModel]:
        return [p for p in self.params if not p.required]


@dataclass(frozen=True)
class GroupModel:
    name: str
    class_name: str
    operations: list[OperationModel]


@dataclass
class PackageModel:
    name: str
    title: str
    client: str
    description: str
    servers: dict[str, str]
    credentials: list[tuple[str, str, str, bool, str]]  # arg, header, type, secret, description
    headers: dict[str, str]
    request_id_header: str | None
    envelope: str | None
    envelope_success: str
    structs: list[StructModel]
    enums: list[EnumModel]
    groups: list[GroupModel]
    uses_decimal: bool = False
    uses_date: bool = False
    date_format: str = "%Y-%m-%d"
    uses_any: bool = False
    operations: list[OperationModel] = field(default_factory=list)
    workflows: list[workflows.WorkflowModel] = field(default_factory=list)


def build(registry: Registry, source: Source, root: Path) -> list[PackageModel]:
    """Resolve every vendor; raise `RegistryError` listing every problem found."""
    problems = Problems(source)
    packages = [
        _Resolver(package, vendor, child_path("vendors", package), problems, root).package()
        for package, vendor in registry.vendors.items()
    ]
    problems.raise_if_any()
    return packages


class _Resolver:
    def __init__(
        self, package: str, vendor: Vendor, path: str, problems: Problems, root: Path
    ) -> None:
        self.package_name = package
        self.vendor = vendor
        self.path = path
        self.problems = problems
        self.root = root
        if not names.is_valid_name(package):
            problems.add(path, f"vendor key `{package}` must be a valid Python package name")

    def package(self) -> PackageModel:
        vendor = self.vendor
        if "default" not in vendor.servers:
            self.problems.add(child_path(self.path, "servers"), "a `default` server is required")
        if vendor.envelope is not None and vendor.envelope not in vendor.types:
            self.problems.add(
                child_path(self.path, "envelope"),
                f"envelope type `{vendor.envelope}` is not declared",
            )
        enums = [
            self._enum(name, spec) for name, spec in vendor.types.items() if spec.enum is not None
        ]
        structs = [
            self._struct(name, spec) for name, spec in vendor.types.items() if spec.enum is None
        ]
        operations = self._operations()
        self._emulator_facts()
        resolved_workflows = workflows.resolve(vendor, self.path, self.problems)
        operations = [_accept_builders(op, resolved_workflows) for op in operations]
        groups: dict[str, list[OperationModel]] = {}
        for operation in operations:
            groups.setdefault(operation.group, []).append(operation)
        return PackageModel(
            name=self.package_name,
            title=vendor.title,
            client=vendor.client,
            description=vendor.description,
            servers=dict(vendor.servers),
            credentials=[
                (c.arg, c.header, c.type, c.secret, c.description) for c in vendor.credentials
            ],
            headers=dict(vendor.headers),
            request_id_header=vendor.request_id_header,
            envelope=vendor.envelope,
            envelope_success=vendor.envelope_success,
            structs=structs,
            enums=enums,
            groups=[
                GroupModel(name, names.pascal_case(name) + "Operations", ops)
                for name, ops in groups.items()
            ],
            uses_decimal=_fields_mention(structs, "Decimal"),
            uses_date=_fields_mention(structs, "dt.date"),
            date_format=vendor.date_format,
            uses_any=_fields_mention(structs, "Any"),
            operations=operations,
            workflows=resolved_workflows,
        )

    # -- emulator ------------------------------------------------------------------------------

    def _emulator_facts(self) -> None:
        """What `emulator:` names exists; the section shapes only the emulator, nothing generated."""
        facts = self.vendor.emulator
        if facts is None:
            return
        path = child_path(self.path, "emulator")
        operations = {op.name: op for op in self.vendor.operations}
        named = [
            (child_path(child_path(path, "echo"), index), name)
            for index, name in enumerate(facts.echo)
        ]
        if facts.carts is not None:
            carts_path = child_path(path, "carts")
            named += [
                (child_path(carts_path, role.name), getattr(facts.carts, role.name))
                for role in msgspec.structs.fields(CartRoles)
                if getattr(facts.carts, role.name) is not None
            ]
        for where, name in named:
            if name not in operations:
                self.problems.add(where, f"operation `{name}` is not declared")
        template = operations.get(facts.carts.template) if facts.carts is not None else None
        if template is not None and (template.response is None or not template.response.sample):
            self.problems.add(
                child_path(child_path(path, "carts"), "template"),
                f"`{template.name}` has no response sample for new carts to copy",
            )
        for index, wire in enumerate(facts.multipart_json_fields or []):
            for op in operations.values():
                response_type = op.response.type if op.response is not None else None
                spec = self.vendor.types.get(response_type or "")
                if "multipart" not in op.media_types.values() or spec is None:
                    continue
                if wire not in (spec.fields or {}):
                    self.problems.add(
                        child_path(child_path(path, "multipart_json_fields"), index),
                        f"`{wire}` is not a field of `{response_type}`, the response of `{op.name}`",
                    )

    # -- types ---------------------------------------------------------------------------------

    def _enum(self, name: str, spec: TypeDef) -> EnumModel:
        path = child_path(child_path(self.path, "types"), name)
        if spec.fields is not None:
            self.problems.add(path, "a type has either `enum` or `fields`, not both")
        values = spec.enum or []
        members: list[tuple[str, str]] = []
        seen: set[str] = set()
        for value in values:
            if spec.type == "int" and not isinstance(value, int):
                self.problems.add(path, f"enum value {value!r} is not an int")
            member = names.constant_case(value)
            if member in seen:
                self.problems.add(path, f"enum values give the member name `{member}` twice")
            seen.add(member)
            members.append((member, repr(value)))
        if not values:
            self.problems.add(path, "an enum needs at least one value")
        return EnumModel(name, spec.type, members, spec.description)

    def _struct(self, name: str, spec: TypeDef) -> StructModel:
        path = child_path(child_path(self.path, "types"), name)
        if spec.fields is None:
            self.problems.add(path, "a type needs `fields` or `enum`")
        generic = name == self.vendor.envelope
        fields: list[FieldModel] = []
        seen: set[str] = set()
        for wire, raw in (spec.fields or {}).items():
            fpath = child_path(child_path(path, "fields"), wire)
            info = raw if not isinstance(raw, str) else None
            type_text = raw if isinstance(raw, str) else raw.type
            py_name = (info.name if info and info.name else None) or names.snake_case(wire)
            if not names.is_valid_name(py_name):
                self.problems.add(
                    fpath, f"cannot derive a Python name from `{wire}`: give `name:` explicitly"
                )
                continue
            if py_name in seen:
                self.problems.add(fpath, f"two fields of `{name}` have the Python name `{py_name}`")
            seen.add(py_name)
            optional = bool(info and info.optional) or (
                spec.optional and not (info and info.required)
            )
            generic_output = generic and wire == "output"
            annotation = "T" if generic_output else self._annotation(type_text, fpath)
            if optional:
                annotation += " | UnsetType"
            fields.append(
                FieldModel(
                    py_name,
                    wire,
                    annotation,
                    optional,
                    bool(info and info.secret),
                    info.description if info else "",
                    money=not generic_output and _is_decimal(type_text),
                )
            )
        # Required fields first: a dataclass-like order that also reads well in a repr.
        fields.sort(key=lambda f: f.has_default)
        return StructModel(name, spec.description, fields, generic)

    def _annotation(self, text: str, path: str) -> str:
        try:
            ref = typeexpr.parse(text)
        except typeexpr.TypeSyntaxError as exc:
            self.problems.add(path, str(exc))
            return "Any"
        return self._render(ref, path)

    def _render(self, ref: typeexpr.TypeRef, path: str) -> str:
        if isinstance(ref, typeexpr.Named):
            if ref.name in typeexpr.SCALARS:
                return typeexpr.SCALARS[ref.name]
            if ref.name not in self.vendor.types:
                close = [n for n in self.vendor.types if n.lower() == ref.name.lower()]
                hint = f" (did you mean `{close[0]}`?)" if close else ""
                self.problems.add(path, f"type `{ref.name}` refers to nothing{hint}")
                return "Any"
            return ref.name
        if isinstance(ref, typeexpr.ListOf):
            return f"list[{self._render(ref.item, path)}]"
        if isinstance(ref, typeexpr.DictOf):
            return f"dict[str, {self._render(ref.value, path)}]"
        return f"{self._render(ref.inner, path)} | None"

    # -- operations ----------------------------------------------------------------------------

    def _operations(self) -> list[OperationModel]:
        result: list[OperationModel] = []
        seen: dict[str, str] = {}
        for index, op in enumerate(self.vendor.operations):
            path = child_path(child_path(self.path, "operations"), index)
            if op.name in seen:
                self.problems.add(
                    child_path(path, "name"),
                    f"duplicate operation `{op.name}` (first declared at {seen[op.name]})",
                )
                continue
            seen[op.name] = f"line {self.problems.source.line_of(child_path(path, 'name'))}"
            model = self._operation(op, path)
            if model is not None:
                result.append(model)
        return result

    def _operation(self, op: Operation, path: str) -> OperationModel | None:
        group, _, name = op.name.partition(".")
        if not (names.is_valid_name(group) and names.is_valid_name(name)) or "." in name:
            self.problems.add(
                child_path(path, "name"), f"operation name `{op.name}` must be `group.operation`"
            )
            return None
        if op.server not in self.vendor.servers:
            self.problems.add(child_path(path, "server"), f"server `{op.server}` is not declared")
        if not op.path.startswith("/"):
            self.problems.add(child_path(path, "path"), "a path starts with `/`")
        placeholders = _PLACEHOLDER.findall(op.path)
        for placeholder in placeholders:
            if placeholder not in op.path_params:
                self.problems.add(
                    child_path(path, "path"),
                    f"path placeholder `{{{placeholder}}}` has no entry in `path_params`",
                )
        for declared in op.path_params:
            if declared not in placeholders:
                self.problems.add(
                    child_path(child_path(path, "path_params"), declared),
                    f"path parameter `{declared}` is not in the path `{op.path}`",
                )
        params = [
            *self._params(op.path_params, "path", path, force_required=True),
            *self._params(op.query, "query", path),
            *self._params(op.headers, "header", path),
        ]
        seen: set[str] = set()
        for param in params:
            if param.py_name in seen:
                self.problems.add(path, f"two parameters have the Python name `{param.py_name}`")
            seen.add(param.py_name)

        enveloped = op.envelope and self.vendor.envelope is not None
        body_annotation = None
        if op.body is not None and not op.body.empty:
            if op.body.type is None:
                self.problems.add(child_path(path, "body"), "a body needs `type` or `empty: true`")
            else:
                body_annotation = self._annotation(
                    op.body.type, child_path(child_path(path, "body"), "type")
                )
                if "body" in seen:
                    self.problems.add(path, "a parameter may not be named `body`")

        response = op.response
        rpath = child_path(path, "response")
        decode = None
        unwrap = "output"
        unwrap_field = None
        unwrap_field_is_list = False
        returns = "None"
        if response is not None and response.type is not None:
            decode = self._annotation(response.type, child_path(rpath, "type"))
            returns = decode
            if response.sample is not None and not (self.root / response.sample).is_file():
                self.problems.add(
                    child_path(rpath, "sample"), f"sample file `{response.sample}` does not exist"
                )
            if enveloped:
                unwrap, unwrap_field, returns, unwrap_field_is_list = self._unwrap(
                    response.unwrap, response.type, child_path(rpath, "unwrap")
                )
        elif enveloped:
            decode = "list[Any]"
            unwrap = "nothing"

        by_wire = {p.wire: p.py_name for p in params}
        one_of = []
        for index, group_wires in enumerate(op.one_of):
            for wire in group_wires:
                if wire not in by_wire:
                    self.problems.add(
                        child_path(child_path(path, "one_of"), index),
                        f"`{wire}` is not a parameter of `{op.name}`",
                    )
            one_of.append([by_wire.get(wire, wire) for wire in group_wires])
        media_types = []
        for media_type, kind in op.media_types.items():
            mpath = child_path(child_path(path, "media_types"), media_type)
            annotation = (
                "MultipartDocument" if kind == "multipart" else self._annotation(kind, mpath)
            )
            media_types.append((media_type, annotation))
        if media_types and response is None:
            self.problems.add(path, "`media_types` needs a `response` (the default media type)")
        if op.not_modified:
            returns = "None" if returns == "None" else f"{returns} | None"
        idempotent = (
            op.idempotent if op.idempotent is not None else op.method in _IDEMPOTENT_METHODS
        )
        constant = f"_{group}_{name}".upper()
        return OperationModel(
            group=group,
            name=name,
            constant=constant,
            method=op.method,
            path=op.path,
            server=op.server,
            summary=op.summary,
            description=op.description,
            idempotent=idempotent,
            head=op.head,
            compression=op.compression,
            accept=op.accept,
            enveloped=enveloped,
            params=params,
            body_annotation=body_annotation,
            body_required=op.body.required if op.body else False,
            body_empty=bool(op.body and op.body.empty),
            body_doc=op.body.description if op.body else "",
            decode_annotation=decode,
            returns=returns,
            unwrap=unwrap,
            unwrap_field=unwrap_field,
            unwrap_field_is_list=unwrap_field_is_list,
            sample=response.sample if response else None,
            one_of=one_of,
            not_modified=op.not_modified,
            media_types=media_types,
        )

    def _unwrap(self, text: str, type_text: str, path: str) -> tuple[str, str | None, str, bool]:
        """(kind, Python field name, return annotation, field is a list) for an `unwrap` rule."""
        match = _UNWRAP.match(text)
        if not match:
            self.problems.add(
                path, f"`{text}`: unwrap is one of output, output[0], output[0].FIELD, nothing"
            )
            return "output", None, "Any", False
        whole = self._annotation(type_text, path)
        if text == "output":
            return "output", None, whole, False
        if text == "nothing":
            return "nothing", None, "None", False
        try:
            ref = typeexpr.parse(type_text)
        except typeexpr.TypeSyntaxError:
            return "output", None, "Any", False
        if not isinstance(ref, typeexpr.ListOf):
            self.problems.add(path, f"`{text}` needs a list response type, not `{type_text}`")
            return "output", None, "Any", False
        item = ref.item
        if match.group("field") is None:
            return "first", None, self._render(item, path), False
        wire = match.group("field")
        if not isinstance(item, typeexpr.Named) or item.name not in self.vendor.types:
            self.problems.add(path, f"`{text}` needs the items to be a declared type")
            return "output", None, "Any", False
        spec = self.vendor.types[item.name]
        raw = (spec.fields or {}).get(wire)
        if raw is None:
            self.problems.add(path, f"type `{item.name}` has no field `{wire}`")
            return "output", None, "Any", False
        field_type = raw if isinstance(raw, str) else raw.type
        py_name = (None if isinstance(raw, str) else raw.name) or names.snake_case(wire)
        field_annotation = self._annotation(field_type, path)
        is_list = typeexpr.is_list(typeexpr.parse(field_type))
        optional = (not isinstance(raw, str) and raw.optional) or (
            spec.optional and not (not isinstance(raw, str) and raw.required)
        )
        if optional and not is_list:
            field_annotation += " | None"
        return "first_field", py_name, field_annotation, is_list or optional

    def _params(
        self, params: dict[str, Param], location: str, op_path: str, *, force_required: bool = False
    ) -> list[ParamModel]:
        key = {"path": "path_params", "query": "query", "header": "headers"}[location]
        result = []
        for wire, spec in params.items():
            ppath = child_path(child_path(op_path, key), wire)
            py_name = spec.name or names.snake_case(wire)
            if not names.is_valid_name(py_name):
                self.problems.add(ppath, f"cannot derive a Python name from `{wire}`: give `name:`")
                continue
            annotation = self._annotation(spec.type, child_path(ppath, "type"))
            choices = None
            try:
                ref = typeexpr.parse(spec.type)
            except typeexpr.TypeSyntaxError:
                continue
            if spec.style is not None and not typeexpr.is_list(ref):
                self.problems.add(
                    child_path(ppath, "style"), "`style` applies to list parameters only"
                )
            if typeexpr.is_list(ref) and spec.style is None and location == "query":
                self.problems.add(
                    ppath, "a list parameter needs `style: repeated` or `style: comma`"
                )
            base = ref.item if isinstance(ref, typeexpr.ListOf) else ref
            if isinstance(base, typeexpr.Named) and base.name in self.vendor.types:
                enum = self.vendor.types[base.name]
                if enum.enum is None:
                    self.problems.add(
                        child_path(ppath, "type"), f"parameter type `{base.name}` is not an enum"
                    )
                else:
                    literal = ", ".join(repr(v) for v in enum.enum)
                    choices = "frozenset({" + literal + "})"
                    accepted = f"{base.name} | Literal[{literal}]"
                    annotation = (
                        f"list[{accepted}]" if isinstance(ref, typeexpr.ListOf) else accepted
                    )
            if base == typeexpr.Named("date"):
                # A date argument may also be the vendor's own text (a comparison such as ">=06/15/2018").
                annotation = (
                    "list[dt.date | str]" if isinstance(ref, typeexpr.ListOf) else "dt.date | str"
                )
            kind = _param_kind(base, location, wire, choices)
            if kind == "http_date":
                annotation = "dt.datetime | str"
            required = force_required or spec.required
            result.append(
                ParamModel(
                    py_name=py_name,
                    wire=wire,
                    location=location,
                    annotation=annotation,
                    required=required,
                    style=spec.style,
                    secret=spec.secret,
                    choices=choices,
                    doc=spec.description,
                    kind=kind,
                    many=typeexpr.is_list(ref),
                )
            )
        return result


def _accept_builders(op: OperationModel, found: list[workflows.WorkflowModel]) -> OperationModel:
    """A parameter that a query builder renders also accepts the builder (`query=SalesQuery(...)`)."""
    for workflow in found:
        context = workflow.context
        if workflow.kind != "query_builder" or workflow.group != op.group:
            continue
        if context["operation"] != op.name:
            continue
        params = [
            replace(
                p, annotation=f"{p.annotation} | {context['builder']}", builder=context["builder"]
            )
            if p.wire == context["param"]
            else p
            for p in op.params
        ]
        return replace(op, params=params)
    return op


def _fields_mention(structs: list[StructModel], name: str) -> bool:
    """Whether a model field's annotation uses `name` (so models.py imports only what it needs)."""
    return any(
        re.search(rf"(?<![\w.]){re.escape(name)}\b", f.annotation)
        for s in structs
        for f in s.fields
    )


def _is_decimal(type_text: str) -> bool:
    """Whether a field's type is `decimal` (or `decimal | null`)."""
    try:
        ref = typeexpr.parse(type_text)
    except typeexpr.TypeSyntaxError:
        return False
    if isinstance(ref, typeexpr.Nullable):
        ref = ref.inner
    return ref == typeexpr.Named("decimal")


# Headers whose value HTTP defines as an HTTP-date (RFC 9110): a datetime argument is sent as IMF-fixdate.
_HTTP_DATE_HEADERS = frozenset({"if-modified-since", "if-unmodified-since"})


def _param_kind(base: typeexpr.TypeRef, location: str, wire: str, choices: str | None) -> str:
    """What kind of value a parameter takes, for the runtime's check before sending."""
    if choices is not None:
        return "choice"
    if location == "header" and wire.lower() in _HTTP_DATE_HEADERS:
        return "http_date"
    if isinstance(base, typeexpr.Named) and base.name in ("int", "bool", "date"):
        return base.name
    return "str"
