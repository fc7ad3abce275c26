"""The resolver: the loaded registry (`ticketing_codegen.schema`) in, the model (`ticketing_codegen.model`) out.

Every check that needs more than the schema (a type that refers to nothing, a duplicate operation, a path
placeholder without a parameter, a workflow or emulator fact naming what does not exist) happens here, once,
and every problem is reported with its file, line and path (`RegistryError` lists them all).

`check_samples=False` leaves out the one check that reads the disk (that each sample file exists): the diff
compares old registries whose samples are gone.
"""

from __future__ import annotations

import re
import sys
from dataclasses import replace
from pathlib import Path

from ticketing_codegen import model, names, policy, registry, schema, typeexpr, workflows
from ticketing_codegen.model import python_name
from ticketing_codegen.registry import Problems, Source, child_path
from ticketing_codegen.typeexpr import ListOf, Named, TypeRef

_UNWRAP = re.compile(r"^(?:output|nothing|output\[0\](?:\.(?P<field>[A-Za-z0-9_. -]+))?)$")
_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
_ANY = Named("any")
# A PEP 440 public version in its normal form (no local `+label`: package indexes refuse those).
_PEP440_PUBLIC = re.compile(
    r"(?:[1-9][0-9]*!)?(?:0|[1-9][0-9]*)(?:\.(?:0|[1-9][0-9]*))*"
    r"(?:(?:a|b|rc)(?:0|[1-9][0-9]*))?(?:\.post(?:0|[1-9][0-9]*))?(?:\.dev(?:0|[1-9][0-9]*))?"
)
_LOCATION_KEYS: dict[model.Location, str] = {
    "path": "path_params",
    "query": "query",
    "header": "headers",
}


def resolve(
    spec: schema.Registry, source: Source, root: Path, *, check_samples: bool = True
) -> list[model.Vendor]:
    """Resolve every vendor; raise `RegistryError` listing every problem found.

    `root` is the directory sample paths are relative to.
    """
    problems = Problems(source)
    vendors = [
        _VendorResolver(key, vendor, problems, root, check_samples).vendor()
        for key, vendor in spec.vendors.items()
    ]
    problems.raise_if_any()
    return vendors


def load(path: Path, *, check_samples: bool = True) -> list[model.Vendor]:
    """Load and resolve the registry file (raises `RegistryError`)."""
    spec, source = registry.load(path)
    return resolve(spec, source, path.resolve().parent, check_samples=check_samples)


def may_be_missing(field: schema.Field, owner: schema.TypeDef) -> bool:
    """The presence rule: a field may be missing when it says `optional: true`, or when its type says
    `optional: true` and the field does not say `required: true`."""
    return field.optional or (owner.optional and not field.required)


def report(error: registry.RegistryError, consequence: str) -> None:
    """Print every problem of an invalid registry to stderr, then what was (not) done."""
    print(error, file=sys.stderr)
    print(f"{len(error.problems)} problem(s) in the registry; {consequence}", file=sys.stderr)


class _VendorResolver:
    def __init__(
        self,
        key: str,
        vendor: schema.Vendor,
        problems: Problems,
        root: Path,
        check_samples: bool,
    ) -> None:
        self.key = key
        self.spec = vendor
        self.path = child_path("vendors", key)
        self.problems = problems
        self.root = root
        self.check_samples = check_samples
        self.types: dict[str, model.NamedType] = {}
        if not names.is_valid_name(key):
            problems.add(self.path, f"vendor key `{key}` must be a valid Python package name")

    def vendor(self) -> model.Vendor:
        spec = self.spec
        if "default" not in spec.servers:
            self.problems.add(child_path(self.path, "servers"), "a `default` server is required")
        if spec.envelope is not None and spec.envelope not in spec.types:
            self.problems.add(
                child_path(self.path, "envelope"),
                f"envelope type `{spec.envelope}` is not declared",
            )
        # Enums first: an object type's fields and the parameters refer to them.
        for name, typedef in spec.types.items():
            if typedef.enum is not None:
                self.types[name] = self._enum(name, typedef)
        for name, typedef in spec.types.items():
            if typedef.enum is None:
                self.types[name] = self._struct(name, typedef)
        ordered = tuple(self.types[name] for name in spec.types)
        operations = self._operations()
        resolved_workflows = workflows.resolve(
            spec.workflows,
            self.types,
            operations,
            child_path(self.path, "workflows"),
            self.problems,
        )
        operations = [_accept_builders(op, resolved_workflows) for op in operations]
        if not _PEP440_PUBLIC.fullmatch(spec.version):
            self.problems.add(
                child_path(self.path, "version"),
                f"version `{spec.version}` is not a PEP 440 public version (e.g. 1.2.0, 1.3.0rc1)",
            )
        return model.Vendor(
            name=self.key,
            title=spec.title,
            client=spec.client,
            version=spec.version,
            description=spec.description,
            servers=dict(spec.servers),
            credentials=self._credentials(),
            headers=dict(spec.headers),
            request_id_header=spec.request_id_header,
            envelope=spec.envelope,
            envelope_success=spec.envelope_success,
            error_type=self._error_type(),
            date_format=spec.date_format,
            drift_env=spec.drift_env,
            types=ordered,
            operations=tuple(operations),
            workflows=tuple(resolved_workflows),
            emulator=self._emulator_facts(operations),
            decisions=tuple(spec.decisions),
            unchecked=self._unchecked(operations),
            authors=tuple(model.Author(name=a.name, email=a.email) for a in spec.authors),
        )

    def _error_type(self) -> model.ObjectType | None:
        name = self.spec.error_type
        if name is None:
            return None
        found = self.types.get(name)
        if not isinstance(found, model.ObjectType):
            self.problems.add(
                child_path(self.path, "error_type"),
                f"error type `{name}` is not a declared object type",
            )
            return None
        return found

    def _unchecked(self, operations: list[model.Operation]) -> tuple[model.CheckException, ...]:
        """The `openapi.unchecked` exceptions; each names operations that exist."""
        facts = self.spec.openapi
        if facts is None:
            return ()
        declared = {op.qualified_name for op in operations}
        result = []
        for index, exception in enumerate(facts.unchecked):
            path = child_path(child_path(child_path(self.path, "openapi"), "unchecked"), index)
            for name in exception.operations:
                if name not in declared:
                    self.problems.add(
                        child_path(path, "operations"), f"operation `{name}` is not declared"
                    )
            result.append(
                model.CheckException(
                    exception.check, exception.reason, frozenset(exception.operations)
                )
            )
        return tuple(result)

    def _credentials(self) -> tuple[model.Credential, ...]:
        result = []
        for index, c in enumerate(self.spec.credentials):
            path = child_path(child_path(self.path, "credentials"), index)
            if c.pattern is not None:
                if c.type != "str":
                    self.problems.add(child_path(path, "pattern"), "`pattern` applies to str only")
                try:
                    re.compile(c.pattern)
                except re.error as exc:
                    self.problems.add(child_path(path, "pattern"), f"invalid pattern: {exc}")
                if not c.form:
                    self.problems.add(path, "a `pattern` needs a `form` for the error message")
            if (c.minimum is not None or c.maximum is not None) and c.type != "int":
                self.problems.add(path, "`minimum` and `maximum` apply to int only")
            result.append(
                model.Credential(
                    c.arg,
                    c.header,
                    c.type,
                    c.secret,
                    c.description,
                    pattern=c.pattern,
                    form=c.form,
                    minimum=c.minimum,
                    maximum=c.maximum,
                    env=c.env,
                )
            )
        return tuple(result)

    # -- types ---------------------------------------------------------------------------------

    def type_ref(self, text: str, path: str) -> TypeRef:
        """The parsed type expression, every name it uses declared (else a problem, and `any`)."""
        try:
            ref = typeexpr.parse(text)
        except typeexpr.TypeSyntaxError as exc:
            self.problems.add(path, str(exc))
            return _ANY
        for name in typeexpr.names_in(ref):
            if name not in typeexpr.SCALARS and name not in self.spec.types:
                close = [n for n in self.spec.types if n.lower() == name.lower()]
                hint = f" (did you mean `{close[0]}`?)" if close else ""
                self.problems.add(path, f"type `{name}` refers to nothing{hint}")
                return _ANY
        return ref

    def _enum(self, name: str, spec: schema.TypeDef) -> model.EnumType:
        path = child_path(child_path(self.path, "types"), name)
        if spec.fields is not None:
            self.problems.add(path, "a type has either `enum` or `fields`, not both")
        values = spec.enum or []
        members: list[model.EnumMember] = []
        for value in values:
            if spec.type == "int" and not isinstance(value, int):
                self.problems.add(path, f"enum value {value!r} is not an int")
            member = names.constant_case(value)
            if any(m.name == member for m in members):
                self.problems.add(path, f"enum values give the member name `{member}` twice")
            members.append(model.EnumMember(member, value))
        if not values:
            self.problems.add(path, "an enum needs at least one value")
        return model.EnumType(name, spec.type, tuple(members), spec.description, tuple(spec.notes))

    def _struct(self, name: str, spec: schema.TypeDef) -> model.ObjectType:
        path = child_path(child_path(self.path, "types"), name)
        if spec.fields is None:
            self.problems.add(path, "a type needs `fields` or `enum`")
        fields: list[model.Field] = []
        for wire, raw in (spec.fields or {}).items():
            fpath = child_path(child_path(path, "fields"), wire)
            info = raw if isinstance(raw, schema.Field) else schema.Field(type=raw)
            py_name = python_name(wire, info.name)
            if not names.is_valid_name(py_name):
                self.problems.add(
                    fpath, f"cannot derive a Python name from `{wire}`: give `name:` explicitly"
                )
                continue
            if any(f.python_name == py_name for f in fields):
                self.problems.add(fpath, f"two fields of `{name}` have the Python name `{py_name}`")
            self._check_aliases(info, spec, wire, fpath)
            fields.append(
                model.Field(
                    wire=wire,
                    python_name=py_name,
                    type=self.type_ref(info.type, fpath),
                    may_be_missing=may_be_missing(info, spec),
                    secret=info.secret,
                    description=info.description,
                    notes=tuple(info.notes),
                    aliases=tuple(info.aliases),
                )
            )
        return model.ObjectType(
            name,
            spec.description,
            tuple(fields),
            tuple(spec.notes),
            generic=name == self.spec.envelope,
        )

    def _check_aliases(
        self, info: schema.Field, owner: schema.TypeDef, wire: str, path: str
    ) -> None:
        if info.aliases and not may_be_missing(info, owner):
            self.problems.add(
                child_path(path, "aliases"), "a field with `aliases` must be optional"
            )
        for index, alias in enumerate(info.aliases):
            if alias in (owner.fields or {}) or alias == wire:
                self.problems.add(
                    child_path(child_path(path, "aliases"), index),
                    f"`{alias}` is already a wire name of this type",
                )

    # -- operations ----------------------------------------------------------------------------

    def _operations(self) -> list[model.Operation]:
        result: list[model.Operation] = []
        seen: dict[str, str] = {}
        for index, op in enumerate(self.spec.operations):
            path = child_path(child_path(self.path, "operations"), index)
            if op.name in seen:
                self.problems.add(
                    child_path(path, "name"),
                    f"duplicate operation `{op.name}` (first declared at {seen[op.name]})",
                )
                continue
            seen[op.name] = f"line {self.problems.source.line_of(child_path(path, 'name'))}"
            resolved = self._operation(op, path)
            if resolved is not None:
                result.append(resolved)
        return result

    def _operation(self, op: schema.Operation, path: str) -> model.Operation | None:
        group, _, name = op.name.partition(".")
        if not (names.is_valid_name(group) and names.is_valid_name(name)) or "." in name:
            self.problems.add(
                child_path(path, "name"), f"operation name `{op.name}` must be `group.operation`"
            )
            return None
        if op.server not in self.spec.servers:
            self.problems.add(child_path(path, "server"), f"server `{op.server}` is not declared")
        self._check_path(op, path)
        params = [
            *self._params(op.path_params, "path", path),
            *self._params(op.query, "query", path),
            *self._params(op.headers, "header", path),
        ]
        seen: set[str] = set()
        for param in params:
            if param.python_name in seen:
                self.problems.add(
                    path, f"two parameters have the Python name `{param.python_name}`"
                )
            seen.add(param.python_name)

        enveloped = op.envelope and self.spec.envelope is not None
        body = None
        if op.body is not None:
            body_type = None
            if not op.body.empty:
                if op.body.type is None:
                    self.problems.add(
                        child_path(path, "body"), "a body needs `type` or `empty: true`"
                    )
                else:
                    body_type = self.type_ref(
                        op.body.type, child_path(child_path(path, "body"), "type")
                    )
                    if "body" in seen:
                        self.problems.add(path, "a parameter may not be named `body`")
            body = model.Body(body_type, op.body.required, op.body.description)

        response = op.response
        rpath = child_path(path, "response")
        response_type = None
        unwrap = model.Unwrap("nothing" if enveloped else "output")
        sample = None
        if response is not None and response.type is not None:
            response_type = self.type_ref(response.type, child_path(rpath, "type"))
            if enveloped:
                unwrap = self._unwrap(response.unwrap, response_type, child_path(rpath, "unwrap"))
        if response is not None and response.sample is not None:
            sample = self.root / response.sample
            if self.check_samples and not sample.is_file():
                self.problems.add(
                    child_path(rpath, "sample"), f"sample file `{response.sample}` does not exist"
                )

        by_wire = {p.wire: p for p in params}
        one_of = []
        for index, group_wires in enumerate(op.one_of):
            for wire in group_wires:
                if wire not in by_wire:
                    self.problems.add(
                        child_path(child_path(path, "one_of"), index),
                        f"`{wire}` is not a parameter of `{op.name}`",
                    )
            one_of.append(tuple(by_wire[wire] for wire in group_wires if wire in by_wire))
        requires = []
        for wire, needed in op.requires.items():
            for named in [wire, *needed]:
                if named not in by_wire:
                    self.problems.add(
                        child_path(child_path(path, "requires"), wire),
                        f"`{named}` is not a parameter of `{op.name}`",
                    )
            if wire in by_wire:
                requires.append((by_wire[wire], tuple(by_wire[n] for n in needed if n in by_wire)))
        media_types = []
        for media_type, kind in op.media_types.items():
            mpath = child_path(child_path(path, "media_types"), media_type)
            media_types.append(
                model.MediaType(
                    media_type, None if kind == "multipart" else self.type_ref(kind, mpath)
                )
            )
        if media_types and response is None:
            self.problems.add(path, "`media_types` needs a `response` (the default media type)")
        return model.Operation(
            group=group,
            name=name,
            method=op.method,
            path=op.path,
            server=op.server,
            summary=op.summary,
            description=op.description,
            idempotent=policy.is_idempotent(op.method, op.idempotent),
            head=op.head,
            compression=op.compression,
            accept=op.accept,
            enveloped=enveloped,
            params=tuple(params),
            body=body,
            response=response_type,
            response_description=response.description if response is not None else "",
            unwrap=unwrap,
            sample=sample,
            one_of=tuple(one_of),
            not_modified=op.not_modified,
            media_types=tuple(media_types),
            notes=tuple(op.notes),
            requires=tuple(requires),
        )

    def _check_path(self, op: schema.Operation, path: str) -> None:
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

    def _unwrap(self, text: str, response: TypeRef, path: str) -> model.Unwrap:
        match = _UNWRAP.match(text)
        if not match:
            self.problems.add(
                path, f"`{text}`: unwrap is one of output, output[0], output[0].FIELD, nothing"
            )
            return model.Unwrap("output")
        if text in ("output", "nothing"):
            return model.Unwrap("output" if text == "output" else "nothing")
        if not isinstance(response, ListOf):
            shown = typeexpr.spell(response)
            self.problems.add(path, f"`{text}` needs a list response type, not `{shown}`")
            return model.Unwrap("output")
        wire = match.group("field")
        if wire is None:
            return model.Unwrap("first")
        item = self.types.get(response.item.name) if isinstance(response.item, Named) else None
        if item is None:
            self.problems.add(path, f"`{text}` needs the items to be a declared type")
            return model.Unwrap("output")
        field = item.field(wire) if isinstance(item, model.ObjectType) else None
        if field is None:
            self.problems.add(path, f"type `{item.name}` has no field `{wire}`")
            return model.Unwrap("output")
        return model.Unwrap("first_field", field)

    def _params(
        self, params: dict[str, schema.Param], location: model.Location, op_path: str
    ) -> list[model.Parameter]:
        result = []
        for wire, spec in params.items():
            ppath = child_path(child_path(op_path, _LOCATION_KEYS[location]), wire)
            py_name = python_name(wire, spec.name)
            if not names.is_valid_name(py_name):
                self.problems.add(ppath, f"cannot derive a Python name from `{wire}`: give `name:`")
                continue
            ref = self.type_ref(spec.type, child_path(ppath, "type"))
            if spec.style is not None and not typeexpr.is_list(ref):
                self.problems.add(
                    child_path(ppath, "style"), "`style` applies to list parameters only"
                )
            if typeexpr.is_list(ref) and spec.style is None and location == "query":
                self.problems.add(
                    ppath, "a list parameter needs `style: repeated` or `style: comma`"
                )
            base = ref.item if isinstance(ref, ListOf) else ref
            enum = None
            if isinstance(base, Named) and base.name in self.types:
                found = self.types[base.name]
                if isinstance(found, model.EnumType):
                    enum = found
                else:
                    self.problems.add(
                        child_path(ppath, "type"), f"parameter type `{base.name}` is not an enum"
                    )
            if spec.also_accepts and enum is None:
                self.problems.add(
                    child_path(ppath, "also_accepts"),
                    "`also_accepts` applies to enum parameters only",
                )
            result.append(
                model.Parameter(
                    wire=wire,
                    python_name=py_name,
                    location=location,
                    type=ref,
                    # A path parameter is always required: the path cannot be built without it.
                    required=location == "path" or spec.required,
                    style=spec.style,
                    secret=spec.secret,
                    description=spec.description,
                    notes=tuple(spec.notes),
                    enum=enum,
                    also_accepts=tuple(spec.also_accepts),
                )
            )
        return result

    # -- emulator ------------------------------------------------------------------------------

    def _emulator_facts(self, operations: list[model.Operation]) -> model.EmulatorFacts | None:
        """What `emulator:` names exists; the section shapes only the emulator, nothing generated."""
        facts = self.spec.emulator
        if facts is None:
            return None
        path = child_path(self.path, "emulator")
        by_name = {op.qualified_name: op for op in operations}
        declared = {op.name for op in self.spec.operations}
        for index, name in enumerate(facts.echo):
            if name not in declared:
                self.problems.add(
                    child_path(child_path(path, "echo"), index),
                    f"operation `{name}` is not declared",
                )
        carts = self._carts(facts.carts, by_name, declared, child_path(path, "carts"))
        for index, wire in enumerate(facts.multipart_json_fields or []):
            for op in operations:
                response = op.response
                found = self.types.get(response.name) if isinstance(response, Named) else None
                if not op.multipart or not isinstance(found, model.ObjectType):
                    continue
                if found.field(wire) is None:
                    self.problems.add(
                        child_path(child_path(path, "multipart_json_fields"), index),
                        f"`{wire}` is not a field of `{found.name}`, the response of "
                        f"`{op.qualified_name}`",
                    )
        return model.EmulatorFacts(
            echo=frozenset(facts.echo),
            carts=carts,
            multipart_json_fields=(
                tuple(facts.multipart_json_fields)
                if facts.multipart_json_fields is not None
                else None
            ),
            notes=tuple(facts.notes),
        )

    def _carts(
        self,
        spec: schema.CartRoles | None,
        operations: dict[str, model.Operation],
        declared: set[str],
        path: str,
    ) -> model.CartRoles | None:
        if spec is None:
            return None
        roles: dict[str, model.CartRole] = {}
        for role, params in model.CART_ROLE_PARAMS.items():
            name = getattr(spec, role)
            if name is None:
                continue
            where = child_path(path, role)
            if name not in declared:
                self.problems.add(where, f"operation `{name}` is not declared")
                continue
            op = operations.get(name)
            missing = [p for p in params if op is not None and p not in op.params_in("path")]
            if missing:
                self.problems.add(where, f"`{name}` needs the path parameter `{missing[0]}`")
            if name in roles:
                self.problems.add(where, f"`{name}` has two cart roles: {roles[name]} and {role}")
            roles[name] = role
        template = operations.get(spec.template)
        if spec.template not in declared:
            self.problems.add(
                child_path(path, "template"), f"operation `{spec.template}` is not declared"
            )
        elif template is not None and template.sample is None:
            self.problems.add(
                child_path(path, "template"),
                f"`{spec.template}` has no response sample for new carts to copy",
            )
        return model.CartRoles(spec.template, roles)


def _accept_builders(op: model.Operation, found: list[model.Workflow]) -> model.Operation:
    """A parameter that a query builder renders also accepts the builder (`query=SalesQuery(...)`)."""
    for workflow in found:
        if not isinstance(workflow, model.QueryBuilder) or workflow.group != op.group:
            continue
        if workflow.operation != op.name:
            continue
        params = tuple(
            replace(p, builder=workflow.builder) if p.wire == workflow.param else p
            for p in op.params
        )
        return replace(op, params=params)
    return op
