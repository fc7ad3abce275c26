"""The schema of `endpoints.yaml`, as msgspec Structs.

`docs/registry.md` explains each key. Unknown keys are errors (`forbid_unknown_fields`, set on every class
since msgspec does not inherit it), so a typo in the registry is reported with its line instead of being
silently ignored.
"""

from __future__ import annotations

from typing import Annotated, Literal

import msgspec

Notes = list[str]
HttpMethod = Literal["GET", "POST", "PUT", "PATCH", "DELETE"]


# An environment variable's name, as shells accept it.
EnvironmentVariable = Annotated[str, msgspec.Meta(pattern=r"^[A-Za-z_][A-Za-z0-9_]*$")]


class Credential(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    arg: str
    header: str
    type: Literal["str", "int"] = "str"
    secret: bool = False
    description: str = ""
    # Read from this environment variable when the argument is not passed (the argument is then optional).
    env: EnvironmentVariable | None = None
    # Checked when the client is built (an ArgumentError): a str matching `pattern` in full, described to
    # the caller as `form`; an int from `minimum` to `maximum`.
    pattern: str | None = None
    form: str = ""
    minimum: int | None = None
    maximum: int | None = None


# An address as a distribution's Author-email states it: one @, no spaces, nothing that would break the
# `Name <address>` form of the metadata.
EmailAddress = Annotated[str, msgspec.Meta(pattern=r"^[^@\s<>,]+@[^@\s<>,]+\.[^@\s<>,]+$")]


class Author(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    """Who answers for a vendor's distribution: its `authors` (Author-email) metadata."""

    name: Annotated[str, msgspec.Meta(pattern=r"^[^<>,@]+$")]
    email: EmailAddress
    notes: Notes = []


class Field(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    type: str
    name: str | None = None
    optional: bool = False
    # Other wire names of this (optional) field, read when decoding; it is encoded under its own key.
    aliases: list[str] = []
    required: bool = False
    secret: bool = False
    description: str = ""
    notes: Notes = []


class TypeDef(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    description: str = ""
    fields: dict[str, str | Field] | None = None
    enum: list[str | int] | None = None
    type: Literal["str", "int"] = "str"
    optional: bool = False
    notes: Notes = []


class Param(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    type: str
    required: bool = False
    style: Literal["repeated", "comma"] | None = None
    # Further spellings an enum parameter accepts (and sends as given) besides the enum's values.
    also_accepts: list[str | int] = []
    secret: bool = False
    name: str | None = None
    description: str = ""
    notes: Notes = []


class Body(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    type: str | None = None
    required: bool = True
    empty: bool = False
    description: str = ""


class Response(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    type: str | None = None
    unwrap: str = "output"
    sample: str | None = None
    description: str = ""


class Operation(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    name: str
    method: HttpMethod
    path: str
    server: str = "default"
    summary: str = ""
    description: str = ""
    idempotent: bool | None = None
    head: bool = False
    compression: Literal["supported", "required", "unsupported"] | None = None
    accept: str | None = None
    envelope: bool = True
    one_of: list[list[str]] = []
    # An argument (wire name) -> the arguments it needs: given without them is an ArgumentError.
    requires: dict[str, list[str]] = {}
    media_types: dict[str, str] = {}
    not_modified: bool = False
    path_params: dict[str, Param] = {}
    query: dict[str, Param] = {}
    headers: dict[str, Param] = {}
    body: Body | None = None
    response: Response | None = None
    notes: Notes = []


class BatchExportWorkflow(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    """Start an export job, wait for it, download its gzip TSV or stream it as typed rows."""

    group: str
    start: str
    status: str
    done: str
    failed: str
    download_url: str
    row_type: str
    rows_method: str = "iter_rows"  # the method that streams the file as typed rows
    example_args: dict[str, str | int] = {}  # the start operation's arguments in examples
    example_columns: list[str] = []  # row columns (wire names) the examples print
    notes: Notes = []


class FileDownloadWorkflow(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    """Fetch a URL the API returned (a PDF), saving it atomically; credentials stay on the API's hosts."""

    group: str
    method: str
    source_type: str
    url_field: str
    source_operation: str | None = None  # an operation of the group returning sources, for examples
    example_args: dict[str, str | int] = {}  # its arguments in examples
    example_result: str = "sources"  # the variable its examples assign the sources to
    example_path: str = "downloaded"  # the file its examples save to
    notes: Notes = []


class QueryBuilderWorkflow(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    """A typed builder for a free-text query parameter."""

    group: str
    operation: str
    param: str
    builder: str
    statuses: list[str]
    marketplaces: list[str]
    window: str
    notes: Notes = []


class Workflows(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    batch_export: BatchExportWorkflow | None = None
    file_download: FileDownloadWorkflow | None = None
    query_builder: QueryBuilderWorkflow | None = None


class CartRoles(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    """The operations the emulator answers from carts that keep their state, named by what each does."""

    template: str  # the operation whose response sample every new cart copies
    create: str | None = None
    get: str | None = None
    add_offer: str | None = None
    update_offer: str | None = None
    replace_offer: str | None = None
    remove_offer: str | None = None
    checkout: str | None = None
    delete: str | None = None


class EmulatorFacts(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    """How the local emulator answers some operations; the generated clients never read it."""

    echo: list[str] = []  # operations that answer with the request body
    carts: CartRoles | None = None
    multipart_json_fields: list[str] | None = None  # None: the JSON part is the whole sample
    notes: Notes = []


class CheckException(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    """A schemathesis check the emulator is not held to, and why (a vendor fact or a limit of HTTP)."""

    check: str  # the schemathesis check name, e.g. `ignored_auth`
    reason: str
    operations: list[str] = []  # `group.operation` names; empty: every operation of the vendor


class OpenApiFacts(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    """What only the OpenAPI export and its conformance run (schemathesis) read."""

    unchecked: list[CheckException] = []
    notes: Notes = []


class Vendor(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    title: str
    client: str
    # PEP 440: the client's release (its distribution's version, bumped as `ticketing-codegen diff` says), and
    # the OpenAPI document's `info.version`. 0.0.0 (the default, so that registries from before it
    # existed still load for `diff`) is unreleased.
    version: str = "0.0.0"
    # The contact its distribution publishes (`build`); empty: none (the registries from before it load).
    authors: list[Author] = []
    servers: dict[str, str]
    credentials: list[Credential]
    description: str = ""
    headers: dict[str, str] = {}
    request_id_header: str | None = None
    date_format: str = "%Y-%m-%d"
    drift_env: str | None = None  # the environment variable that turns drift recording on
    workflows: Workflows | None = None
    emulator: EmulatorFacts | None = None
    envelope: str | None = None
    envelope_success: str = "success"
    # The type of the body the vendor sends with an error (for an enveloped vendor: its envelope).
    error_type: str | None = None
    openapi: OpenApiFacts | None = None
    decisions: Notes = []
    types: dict[str, TypeDef] = {}
    operations: list[Operation] = []


class Registry(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    registry: Literal[1]
    vendors: dict[str, Vendor]
    decisions: Notes = []
