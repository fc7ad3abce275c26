"""The resolved registry: one typed, frozen record per vendor, type, field, parameter, operation, workflow.

Every view reads this model and nothing else of the registry: the Python client (through
`ticketing_codegen.pytyping`), the OpenAPI export, the diff, the reference and the emulator. The rules that give a
value meaning are applied here once, by the resolver (`ticketing_codegen.resolve`):

- the Python name of a wire name: `python_name`;
- whether a field may be missing on the wire: `Field.may_be_missing` (`resolve.may_be_missing`);
- whether an operation may be repeated: `policy.is_idempotent`, stored in `Operation.idempotent`.

Types are trees (`ticketing_codegen.typeexpr.TypeRef`), never annotation strings. Derived facts (the types reachable
from requests or responses, an operation's return type, the shape of its method body) are properties.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Literal

from ticketing_codegen import names, typeexpr
from ticketing_codegen.schema import HttpMethod
from ticketing_codegen.typeexpr import ListOf, Named, Nullable, TypeRef

Location = Literal["path", "query", "header"]
ListStyle = Literal["repeated", "comma"]
EnumBase = Literal["str", "int"]
Compression = Literal["supported", "required", "unsupported"]
# What an enveloped operation returns: the whole `output`, nothing, its first element, or a field of it.
UnwrapKind = Literal["output", "nothing", "first", "first_field"]
# How a generated method turns the transport's result into its return value.
CallShape = Literal["discard", "return", "first", "first_field", "first_field_or_empty", "media"]
RowKind = Literal["str", "int", "decimal", "bool", "date"]
# What the runtime checks an argument's value against before sending (`Param.kind`).
ParamKind = Literal["str", "int", "bool", "date", "choice", "http_date"]
# Headers whose value HTTP defines as an HTTP-date (RFC 9110): a datetime argument goes out as IMF-fixdate.
HTTP_DATE_HEADERS = frozenset({"if-modified-since", "if-unmodified-since"})
CartRole = Literal[
    "create",
    "get",
    "add_offer",
    "update_offer",
    "replace_offer",
    "remove_offer",
    "checkout",
    "delete",
]
# The path parameters each cart role reads (the roles follow Paciolan's cart shape).
CART_ROLE_PARAMS: dict[CartRole, tuple[str, ...]] = {
    "create": (),
    "get": ("cart_id",),
    "add_offer": ("cart_id",),
    "update_offer": ("cart_id", "offer_id"),
    "replace_offer": ("cart_id", "offer_id"),
    "remove_offer": ("cart_id", "offer_id"),
    "checkout": ("cart_id",),
    "delete": ("cart_id",),
}
# The envelope's field that carries each operation's own result (1Ticket: `output`).
ENVELOPE_OUTPUT = "output"
DEFAULT_ACCEPT = "application/json"


def python_name(wire: str, explicit: str | None) -> str:
    """The Python name of a wire name: the registry's `name:`, else derived (`ticketID` -> `ticket_id`)."""
    return explicit or names.snake_case(wire)


# -- types ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Field:
    wire: str
    python_name: str
    type: TypeRef
    may_be_missing: bool  # absent on the wire is allowed (the attribute defaults to UNSET)
    secret: bool
    description: str
    notes: tuple[str, ...]
    # Other wire names read when decoding (the value is always encoded under `wire`).
    aliases: tuple[str, ...] = ()

    def alias_fields(self) -> tuple[Field, ...]:
        """One hidden optional field per other wire name; the struct's `__post_init__` moves its value."""
        return tuple(
            Field(
                wire=alias,
                python_name=f"_{self.python_name}_alias{'' if index == 0 else index + 1}",
                type=self.type,
                may_be_missing=True,
                secret=self.secret,
                description=(
                    f"`{self.python_name}` as sent under the key {alias!r}; decoding moves it to "
                    f"`{self.python_name}`, which is encoded under {self.wire!r}."
                ),
                notes=(),
            )
            for index, alias in enumerate(self.aliases)
        )


@dataclass(frozen=True)
class ObjectType:
    name: str
    description: str
    fields: tuple[Field, ...]  # registry order (the wire order)
    notes: tuple[str, ...]
    generic: bool = False  # the envelope: its `output` field is the type parameter

    @property
    def init_order(self) -> tuple[Field, ...]:
        """The struct's attributes in the registry's (the wire's) order, each field's hidden alias
        fields right after it. msgspec looks each key up starting from the field after the previous
        key's, so a struct declared in wire order decodes with one comparison per key, and encodes in
        the vendor's order; `kw_only=True` lets required fields follow optional ones."""
        return tuple(each for f in self.fields for each in (f, *f.alias_fields()))

    @property
    def money_fields(self) -> tuple[str, ...]:
        """Decimal fields: checked finite and within sensible bounds when decoded."""
        return tuple(
            f.python_name
            for f in self.init_order
            if (f.type.inner if isinstance(f.type, Nullable) else f.type) == Named("decimal")
        )

    @property
    def aliases(self) -> list[tuple[str, str]]:
        """(field, hidden field reading another wire name of it), for `__post_init__` to merge."""
        return [(f.python_name, a.python_name) for f in self.fields for a in f.alias_fields()]

    @property
    def renames(self) -> dict[str, str]:
        return {f.python_name: f.wire for f in self.init_order if f.python_name != f.wire}

    @property
    def secret_fields(self) -> list[str]:
        return [f.python_name for f in self.init_order if f.secret]

    def field(self, wire: str) -> Field | None:
        return next((f for f in self.fields if f.wire == wire), None)


@dataclass(frozen=True)
class EnumMember:
    name: str  # PRINT_AT_HOME
    value: str | int


@dataclass(frozen=True)
class EnumType:
    name: str
    base: EnumBase
    members: tuple[EnumMember, ...]
    description: str
    notes: tuple[str, ...]

    @property
    def values(self) -> list[str | int]:
        return [m.value for m in self.members]


NamedType = ObjectType | EnumType


# -- operations ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Parameter:
    wire: str
    python_name: str
    location: Location
    type: TypeRef
    required: bool
    style: ListStyle | None
    secret: bool
    description: str
    notes: tuple[str, ...]
    enum: EnumType | None = None  # the enum whose values the argument takes (a list: each item)
    builder: str | None = None  # a query builder class the argument also accepts
    also_accepts: tuple[str | int, ...] = ()  # other spellings of the enum's values, sent as given

    @property
    def kind(self) -> ParamKind:
        """What the runtime checks a value against before sending (each item, for a list)."""
        if self.enum is not None:
            return "choice"
        if self.location == "header" and self.wire.lower() in HTTP_DATE_HEADERS:
            return "http_date"
        item = self.item_type
        if isinstance(item, Named) and item.name in ("int", "bool", "date"):
            return item.name  # type: ignore[return-value]  # one of the ParamKind names
        return "str"

    @property
    def accepted_values(self) -> list[str | int]:
        """The wire values an enum argument accepts: the enum's, then its other spellings."""
        values = self.enum.values if self.enum is not None else []
        return list(dict.fromkeys([*values, *self.also_accepts]))

    @property
    def is_list(self) -> bool:
        return typeexpr.is_list(self.type)

    @property
    def item_type(self) -> TypeRef:
        """The type of one value: the item type of a list, the type itself otherwise."""
        return self.type.item if isinstance(self.type, ListOf) else self.type

    @property
    def is_date(self) -> bool:
        return self.item_type == Named("date")


@dataclass(frozen=True)
class Body:
    type: TypeRef | None  # None: always `{}` (`empty: true`)
    required: bool
    description: str

    @property
    def empty(self) -> bool:
        return self.type is None


@dataclass(frozen=True)
class MediaType:
    """Another response media type the caller may choose (`media_type=`)."""

    media_type: str
    type: TypeRef | None  # None: multipart (a JSON part and file parts)

    @property
    def multipart(self) -> bool:
        return self.type is None


@dataclass(frozen=True)
class Unwrap:
    """What an enveloped operation returns of the envelope's `output` (the registry's `unwrap`)."""

    kind: UnwrapKind
    field: Field | None = None  # first_field: the field of the first element

    @property
    def rule(self) -> str:
        """The registry's spelling: `output`, `nothing`, `output[0]`, `output[0].FIELD`."""
        if self.kind == "first":
            return "output[0]"
        if self.kind == "first_field" and self.field is not None:
            return f"output[0].{self.field.wire}"
        return self.kind

    @property
    def tolerates_absence(self) -> bool:
        """An empty `output` or a missing field gives an empty value instead of an error."""
        return self.field is not None and (
            typeexpr.is_list(self.field.type) or self.field.may_be_missing
        )

    @property
    def empty_value(self) -> Literal["[]", "None"]:
        """What the method returns when the field is absent (see `tolerates_absence`)."""
        return "[]" if self.field is not None and typeexpr.is_list(self.field.type) else "None"


@dataclass(frozen=True)
class ArgumentRule:
    """A presence check the generated method makes before sending (and the reference documents).

    With `given`: when it is given, every one of `needed` must be too. Without: at least one of
    `needed` must be given.
    """

    given: str | None
    needed: tuple[str, ...]

    @property
    def text(self) -> str:
        """What the `ArgumentError` says after the operation's name."""
        needed = [f"`{name}`" for name in self.needed]
        if self.given is None:
            return "give " + " or ".join(needed)
        return f"`{self.given}` needs " + " and ".join(needed)

    @property
    def broken_when(self) -> str:
        """The Python test, over the method's arguments, that is true when the rule is broken."""
        if self.given is None:
            return " and ".join(f"{name} is None" for name in self.needed)
        missing = " or ".join(f"{name} is None" for name in self.needed)
        return f"{self.given} is not None and " + (
            missing if len(self.needed) == 1 else f"({missing})"
        )


@dataclass(frozen=True)
class Operation:
    group: str
    name: str  # the method name within its group: `get` of `cart.get`
    method: HttpMethod
    path: str
    server: str
    summary: str
    description: str
    idempotent: bool
    head: bool
    compression: Compression | None
    accept: str | None
    enveloped: bool
    params: tuple[Parameter, ...]
    body: Body | None
    response: TypeRef | None  # the payload's type (an enveloped operation: the type of `output`)
    response_description: str
    unwrap: Unwrap
    sample: Path | None
    one_of: tuple[tuple[Parameter, ...], ...]  # at least one argument of each group must be given
    not_modified: bool  # a 304 answer (If-Modified-Since) is a result: the method returns None
    media_types: tuple[MediaType, ...]
    notes: tuple[str, ...]
    # An argument and the arguments it needs: given without them is an ArgumentError before sending.
    requires: tuple[tuple[Parameter, tuple[Parameter, ...]], ...] = ()

    @property
    def qualified_name(self) -> str:
        return f"{self.group}.{self.name}"

    @property
    def argument_rules(self) -> tuple[ArgumentRule, ...]:
        """The `one_of` groups, then the `requires` pairs, as checks of the arguments' presence."""
        return (
            *(ArgumentRule(None, tuple(p.python_name for p in group)) for group in self.one_of),
            *(
                ArgumentRule(param.python_name, tuple(p.python_name for p in needed))
                for param, needed in self.requires
            ),
        )

    @property
    def constant(self) -> str:
        return f"_{self.group}_{self.name}".upper()

    @property
    def route(self) -> str:
        return f"{self.method} {self.path}"

    @property
    def default_media_type(self) -> str:
        return self.accept or DEFAULT_ACCEPT

    def params_in(self, location: Location) -> dict[str, Parameter]:
        """The parameters of one location by wire name."""
        return {p.wire: p for p in self.params if p.location == location}

    @property
    def required_params(self) -> list[Parameter]:
        return [p for p in self.params if p.required]

    @property
    def optional_params(self) -> list[Parameter]:
        return [p for p in self.params if not p.required]

    @property
    def body_type(self) -> TypeRef | None:
        """The type of the method's `body` argument (None: the method takes no body)."""
        return self.body.type if self.body is not None else None

    @property
    def decoded(self) -> TypeRef | None:
        """What the transport decodes the response body into (None: nothing)."""
        if self.response is None and self.enveloped:
            return ListOf(
                Named("any")
            )  # the envelope's `output` of an operation that returns nothing
        return self.response

    @property
    def returns(self) -> TypeRef | None:
        """The method's return type for the default media type (None: it returns None)."""
        result: TypeRef | None = self.response
        if self.enveloped and self.response is not None:
            unwrap = self.unwrap
            if unwrap.kind == "nothing":
                result = None
            elif unwrap.kind == "first" and isinstance(self.response, ListOf):
                result = self.response.item
            elif unwrap.kind == "first_field" and unwrap.field is not None:
                result = unwrap.field.type
                if unwrap.field.may_be_missing and not typeexpr.is_list(result):
                    result = Nullable(result)
        if self.not_modified and result is not None:
            result = Nullable(result)
        return result

    @property
    def require_output(self) -> bool:
        """The envelope's `output` must not be empty (the method returns its first element)."""
        return self.unwrap.kind == "first" or (
            self.unwrap.kind == "first_field" and not self.unwrap.tolerates_absence
        )

    @property
    def call_shape(self) -> CallShape:
        if self.unwrap.kind == "nothing":
            return "discard"
        if self.unwrap.kind == "first":
            return "first"
        if self.unwrap.kind == "first_field":
            return "first_field_or_empty" if self.unwrap.tolerates_absence else "first_field"
        if self.media_types:
            return "media"
        return "discard" if self.returns is None else "return"

    @property
    def multipart(self) -> bool:
        return any(m.multipart for m in self.media_types)


@dataclass(frozen=True)
class Group:
    name: str
    operations: tuple[Operation, ...]

    @property
    def class_name(self) -> str:
        return names.pascal_case(self.name) + "Operations"

    @property
    def method_names(self) -> frozenset[str]:
        return frozenset(op.name for op in self.operations)


@dataclass(frozen=True)
class Credential:
    arg: str  # the client constructor's argument
    header: str
    type: Literal["str", "int"]
    secret: bool
    description: str
    # Checked when the client is built: a str matching `pattern` in full (described to the caller as
    # `form`), an int from `minimum` to `maximum`.
    pattern: str | None = None
    form: str = ""
    minimum: int | None = None
    maximum: int | None = None
    # Read from this environment variable when the argument is not passed (the argument is optional).
    env: str | None = None

    @property
    def checked(self) -> bool:
        return self.pattern is not None or self.minimum is not None or self.maximum is not None


# -- workflows -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    wire: str
    python_name: str
    kind: RowKind


@dataclass(frozen=True)
class Argument:
    """An argument of an example call (`season_code="F17"`)."""

    name: str
    value: str | int


@dataclass(frozen=True)
class BatchExport:
    """Start an export job, wait for it, download its file or stream it as typed rows."""

    group: str
    start: Operation  # its response is the job
    status: Operation  # its one path parameter takes the job's id
    job_type: ObjectType
    job_id: Field  # the job's field holding its id, named as the status operation's path parameter
    status_type: ObjectType
    status_field: Field  # the status type's field of the status enum
    status_enum: EnumType
    done: EnumMember  # the status that ends the wait with success
    failed: EnumMember
    download_url: Field  # the status type's field holding the file's URL
    row_type: ObjectType
    columns: tuple[Column, ...]  # the file's columns, in file order
    rows_method: str  # the method streaming typed rows (`iter_order_rows`)
    example_args: tuple[Argument, ...]  # the start call's arguments in examples
    example_columns: tuple[Column, ...]  # the columns examples print
    notes: tuple[str, ...]
    kind: Literal["batch_export"] = "batch_export"
    module: str = "batch_export"
    mixin: str = "BatchExport"


@dataclass(frozen=True)
class FileDownload:
    """Fetch a URL the API returned (a PDF), saving it atomically."""

    group: str
    method: str
    source_type: str
    url_field: Field
    source_operation: str | None  # a method of the group returning sources, for examples
    example_args: tuple[Argument, ...]
    example_result: str  # the variable examples assign the sources to
    example_path: str  # the file examples save to
    notes: tuple[str, ...]
    kind: Literal["file_download"] = "file_download"
    module: str = "downloads"
    mixin: str = "FileDownload"


@dataclass(frozen=True)
class QueryBuilder:
    """A typed builder for a free-text query parameter."""

    group: str
    operation: str
    param: str  # wire name
    argument: str  # its Python name
    builder: str
    statuses: tuple[str, ...]
    marketplaces: tuple[str, ...]
    window: str
    notes: tuple[str, ...]
    kind: Literal["query_builder"] = "query_builder"
    module: str = "queries"
    mixin: str = ""  # adds no methods to its group


Workflow = BatchExport | FileDownload | QueryBuilder


# -- the emulator's facts ------------------------------------------------------------------------


@dataclass(frozen=True)
class CartRoles:
    """Operations the emulator answers from carts that keep their state."""

    template: str  # the operation whose response sample every new cart copies
    roles: dict[str, CartRole]  # qualified operation name -> its role


@dataclass(frozen=True)
class EmulatorFacts:
    echo: frozenset[str]  # operations that answer with the request body
    carts: CartRoles | None
    multipart_json_fields: tuple[str, ...] | None  # None: the JSON part is the whole sample
    notes: tuple[str, ...]


@dataclass(frozen=True)
class CheckException:
    """A schemathesis check the emulator is not held to (for `operations`, or all when empty), and why."""

    check: str
    reason: str
    operations: frozenset[str]  # qualified operation names; empty: every operation


# -- a vendor ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Author:
    """A contact of the vendor's distribution (its Author-email metadata)."""

    name: str
    email: str


@dataclass(frozen=True)
class Vendor:
    name: str  # the package name
    title: str
    client: str
    version: str  # PEP 440
    description: str
    servers: dict[str, str]
    credentials: tuple[Credential, ...]
    headers: dict[str, str]
    request_id_header: str | None
    envelope: str | None
    envelope_success: str
    error_type: ObjectType | None  # the body of an error answer (1Ticket: the envelope)
    date_format: str
    drift_env: str | None  # the environment variable that turns drift recording on
    types: tuple[NamedType, ...]  # registry order
    operations: tuple[Operation, ...]
    workflows: tuple[Workflow, ...]
    emulator: EmulatorFacts | None
    decisions: tuple[str, ...]
    unchecked: tuple[CheckException, ...] = ()  # the `openapi.unchecked` exceptions
    authors: tuple[Author, ...] = ()  # the distribution's contacts, registry order

    # Derived facts are computed on first use and kept (the records are frozen).

    @cached_property
    def structs(self) -> list[ObjectType]:
        return [t for t in self.types if isinstance(t, ObjectType)]

    @cached_property
    def enums(self) -> list[EnumType]:
        return [t for t in self.types if isinstance(t, EnumType)]

    @cached_property
    def _types_by_name(self) -> dict[str, NamedType]:
        return {t.name: t for t in self.types}

    def type_named(self, name: str) -> NamedType | None:
        return self._types_by_name.get(name)

    @cached_property
    def groups(self) -> list[Group]:
        """The operation groups, in registry order, each declared once."""
        grouped: dict[str, list[Operation]] = {}
        for op in self.operations:
            grouped.setdefault(op.group, []).append(op)
        return [Group(name, tuple(ops)) for name, ops in grouped.items()]

    @property
    def secret_headers(self) -> list[str]:
        return [c.header for c in self.credentials if c.secret]

    @property
    def credential_checks(self) -> list[Credential]:
        return [c for c in self.credentials if c.checked]

    @cached_property
    def row_types(self) -> frozenset[str]:
        """Types workflows build positionally, one per line of a large file (batch export rows)."""
        return frozenset(w.row_type.name for w in self.workflows if isinstance(w, BatchExport))

    @cached_property
    def acyclic_types(self) -> frozenset[str]:
        """Types only ever built by decoding or by workflows: their instances hold no reference cycles."""
        return frozenset(self.response_types(media_types=True)) | self.row_types

    def money_checked_when_built(self, struct: ObjectType) -> tuple[str, ...]:
        """The money fields a model checks when built (decoded from a body). None for export rows:
        the workflow checks each distinct cell text once, when it reads it, not every row again."""
        return () if struct.name in self.row_types else struct.money_fields

    @property
    def checks_money_when_built(self) -> bool:
        return any(self.money_checked_when_built(s) for s in self.structs)

    @property
    def has_media_types(self) -> bool:
        return any(op.media_types for op in self.operations)

    def workflow_of(self, group: str) -> Workflow | None:
        """The workflow that adds methods to `group` (None: none does)."""
        return next((w for w in self.workflows if w.mixin and w.group == group), None)

    # -- reachability --------------------------------------------------------------------------

    def reachable(self, roots: list[TypeRef]) -> set[str]:
        """Every declared type the given types refer to, directly or through fields."""
        seen: set[str] = set()
        pending = [name for ref in roots for name in typeexpr.names_in(ref)]
        while pending:
            name = pending.pop()
            found = self.type_named(name)
            if name in seen or found is None:
                continue
            seen.add(name)
            if isinstance(found, ObjectType):
                pending += [n for f in found.fields for n in typeexpr.names_in(f.type)]
        return seen

    @cached_property
    def request_types(self) -> set[str]:
        """Types a caller builds: request bodies and parameter types, and everything inside them."""
        roots = [op.body_type for op in self.operations if op.body_type is not None]
        roots += [p.type for op in self.operations for p in op.params]
        return self.reachable(roots)

    def response_types(self, *, media_types: bool) -> set[str]:
        """Types decoded from responses (with `media_types`: also the other media types' types)."""
        roots = [op.response for op in self.operations if op.response is not None]
        if media_types:
            roots += [
                m.type for op in self.operations for m in op.media_types if m.type is not None
            ]
        if self.envelope:
            roots.append(Named(self.envelope))
        return self.reachable(roots)

    @property
    def overridden_servers(self) -> set[str]:
        """Servers only some operations use (another host), as opposed to whole-API environments."""
        return {op.server for op in self.operations if op.server != "default"}
