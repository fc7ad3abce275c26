"""Export the registry as one OpenAPI 3.1 document per vendor (`ticketing-codegen openapi`).

The document says what the registry says, for tools other than our generator: servers, the credential
headers as security schemes, every operation with its parameters (list styles exact), bodies, responses
with the vendor samples as examples, and every named type as a schema under its exact wire names.

`info.version` is the vendor's `version:` from the registry, a PEP 440 public version: generators such
as openapi-python-client make it the version of the package they write, and a non-PEP 440 value (the
former `endpoints.yaml@<hash>`) breaks that package's build. The registry file's hash is not folded into
it as a local label (`0.1.0+<hash>`, valid PEP 440 but refused by package indexes); it goes beside it, in
`info.x-registry-sha256`. Error answers (4XX, 5XX) refer to one `components.responses.Error` whose body
is the vendor's `error_type:` from the registry (Paciolan's error body, 1Ticket's envelope).

Places where OpenAPI and the registry do not line up, and what is done:

- A header parameter named `Authorization` is ignored by OpenAPI tools when declared as a parameter, so
  it becomes a security scheme that the operation requires besides the vendor's credentials.
- A required query parameter sent empty (`policyCode=`) is missing to the registry's rules (and to the
  emulator's checks), while OpenAPI allows an empty value: its string schema gets `minLength: 1`.
- `writeOnly` means "may be sent, should not come back". A secret field of a type that only travels in
  requests gets `writeOnly: true`; a secret field of a type the vendor sends back (1Ticket returns
  `account_password`) cannot honestly be write-only, and a response validator would reject the real
  response, so it is marked `format: password` and `x-secret: true` only. Secret parameters are always
  requests: `writeOnly`, `format: password`, `x-secret`.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import yaml

from ticketing_codegen import model, policy
from ticketing_codegen.model import ENVELOPE_OUTPUT, EnumType, ObjectType, Operation, Vendor
from ticketing_codegen.typeexpr import DictOf, ListOf, Named, TypeRef

OPENAPI_VERSION = "3.1.0"
# The name, under `components.responses`, of the error answer every operation refers to.
ERROR_RESPONSE = "Error"
# OpenAPI ignores header parameters with these names; see the module docstring.
_IGNORED_HEADERS = frozenset({"accept", "content-type", "authorization"})

_SCALARS: dict[str, dict[str, Any]] = {
    "str": {"type": "string"},
    "int": {"type": "integer"},
    "float": {"type": "number"},
    "bool": {"type": "boolean"},
    "decimal": {"type": "number", "format": "decimal"},
    "any": {},
}
_ISO_DATE = "%Y-%m-%d"
_SECRET_MARKS: dict[str, Any] = {"format": "password", "x-secret": True}
_MULTIPART_NOTE = "A multipart body: a JSON part and the file (the client's MultipartDocument)."


def document(
    vendor: Vendor, *, examples: bool = True, registry_sha256: str | None = None
) -> dict[str, Any]:
    """The OpenAPI 3.1 document of one resolved vendor.

    With `examples` the responses carry the vendor samples. `info.version` is the vendor's `version:`
    (PEP 440, as generators such as openapi-python-client require of a package version); the registry
    file's hash, when given, goes beside it in `info.x-registry-sha256`.
    """
    return _Exporter(vendor, examples).document(registry_sha256)


def operation_id(op: Operation) -> str:
    """The operationId of a registry operation: its `group.operation` name."""
    return op.qualified_name


class _Exporter:
    def __init__(self, vendor: Vendor, examples: bool) -> None:
        self.vendor = vendor
        self.examples = examples
        self.request_types = vendor.request_types
        self.response_types = vendor.response_types(media_types=True)
        self.schemes: dict[str, dict[str, Any]] = {}

    def document(self, registry_sha256: str | None) -> dict[str, Any]:
        vendor = self.vendor
        for credential in vendor.credentials:
            scheme: dict[str, Any] = {
                "type": "apiKey",
                "in": "header",
                "name": credential.header,
                "description": _text(credential.description),
                "x-python-name": credential.arg,
                "x-value-type": credential.type,
            }
            if credential.secret:
                scheme["x-secret"] = True
            self.schemes[credential.arg] = scheme
        paths: dict[str, dict[str, Any]] = {}
        for op in vendor.operations:
            item = paths.setdefault(op.path, {})
            method = op.method.lower()
            if method in item:
                raise ValueError(f"{vendor.name}: two operations answer {op.method} {op.path}")
            item[method] = self.operation(op)
            if op.head:
                item["head"] = self.head_operation(op, item[method])
        servers = vendor.overridden_servers
        info: dict[str, Any] = {
            "title": vendor.title,
            "version": vendor.version,
            "description": _text(vendor.description),
            "x-python-client": f"{vendor.name}.{vendor.client}",
        }
        if registry_sha256 is not None:
            info["x-registry-sha256"] = registry_sha256
        components: dict[str, Any] = {
            "schemas": {named.name: self.type_schema(named) for named in vendor.types}
        }
        if vendor.error_type is not None:
            components["responses"] = {ERROR_RESPONSE: self.error_response(vendor.error_type)}
        components["securitySchemes"] = self.schemes
        result: dict[str, Any] = {
            "openapi": OPENAPI_VERSION,
            "info": info,
            "servers": [
                {"url": url, "description": name}
                for name, url in vendor.servers.items()
                if name not in servers
            ],
            "security": [{arg: [] for arg in self._credential_schemes()}],
            "tags": [{"name": group.name} for group in vendor.groups],
            "paths": paths,
            "components": components,
        }
        if vendor.decisions:
            info["x-decisions"] = [_text(d) for d in vendor.decisions]
        return result

    def _credential_schemes(self) -> list[str]:
        return [credential.arg for credential in self.vendor.credentials]

    # -- operations ----------------------------------------------------------------------------

    def operation(self, op: Operation) -> dict[str, Any]:
        result: dict[str, Any] = {"operationId": operation_id(op), "tags": [op.group]}
        if op.summary:
            result["summary"] = _text(op.summary)
        if op.description:
            result["description"] = _text(op.description)
        if op.server != "default":
            result["servers"] = [{"url": self.vendor.servers[op.server], "description": op.server}]
        parameters, extra_security = self.parameters(op)
        if parameters:
            result["parameters"] = parameters
        if extra_security:
            required: dict[str, list[str]] = {arg: [] for arg in self._credential_schemes()}
            required.update({name: [] for name in extra_security})
            result["security"] = [required]
        if op.body is not None:
            result["requestBody"] = self.request_body(op.body)
        result["responses"] = self.responses(op)
        result["x-python-method"] = f"client.{op.qualified_name}"
        result["x-idempotent"] = op.idempotent
        if op.one_of:
            result["x-one-of"] = [[p.wire for p in group] for group in op.one_of]
        if op.compression is not None:
            result["x-compression"] = op.compression
        if op.notes:
            result["x-notes"] = [_text(note) for note in op.notes]
        return result

    def head_operation(self, op: Operation, full: dict[str, Any]) -> dict[str, Any]:
        """The HEAD variant of `op` (`full`: its GET): the same parameters, status and headers only."""
        result: dict[str, Any] = {
            "operationId": operation_id(op) + ".head",
            "tags": [op.group],
            "summary": f"{_text(op.summary) or op.qualified_name} (HEAD: status and headers only)",
        }
        for key in ("servers", "parameters", "security"):
            if key in full:
                result[key] = full[key]
        result["responses"] = {
            "200": {"description": "The resource exists; headers only."},
            "default": {"description": "An error status."},
        }
        result["x-python-method"] = f"client.{op.qualified_name}.head"
        result["x-idempotent"] = policy.is_idempotent("HEAD", None)
        return result

    def parameters(self, op: Operation) -> tuple[list[dict[str, Any]], list[str]]:
        result: list[dict[str, Any]] = []
        security: list[str] = []
        for param in op.params:
            if param.location == "header" and param.wire.lower() in _IGNORED_HEADERS:
                scheme = f"{op.group}_{op.name}_{param.python_name}"
                self.schemes[scheme] = {
                    "type": "apiKey",
                    "in": "header",
                    "name": param.wire,
                    "description": _text(param.description),
                    "x-python-name": param.python_name,
                    **({"x-secret": True} if param.secret else {}),
                }
                security.append(scheme)
                continue
            schema = self.schema(param.type)
            if param.required and param.location == "query":
                schema = _not_empty(schema)
            if param.secret:
                schema = {**schema, "writeOnly": True, **_SECRET_MARKS}
            entry: dict[str, Any] = {"name": param.wire, "in": param.location}
            if param.description:
                entry["description"] = _text(param.description)
            entry["required"] = param.required
            if param.style == "repeated":
                entry["style"], entry["explode"] = "form", True
            elif param.style == "comma":
                entry["style"], entry["explode"] = "form", False
            entry["schema"] = schema
            entry["x-python-name"] = param.python_name
            if param.notes:
                entry["x-notes"] = [_text(note) for note in param.notes]
            result.append(entry)
        return result, security

    def request_body(self, body: model.Body) -> dict[str, Any]:
        if body.type is None:
            return {
                "description": "Always an empty JSON object.",
                "required": True,
                "content": {"application/json": {"schema": {"type": "object", "maxProperties": 0}}},
            }
        result: dict[str, Any] = {}
        if body.description:
            result["description"] = _text(body.description)
        result["required"] = body.required
        result["content"] = {"application/json": {"schema": self.schema(body.type)}}
        return result

    def responses(self, op: Operation) -> dict[str, Any]:
        media_type = op.default_media_type
        content: dict[str, Any] = {}
        if op.enveloped:
            output = self.schema(op.response) if op.response is not None else {}
            content[media_type] = {"schema": self.envelope_schema(output)}
        elif op.response is not None:
            content[media_type] = {"schema": self.schema(op.response)}
        if content and op.sample is not None and self.examples:
            sample = json.loads(op.sample.read_text(encoding="utf-8"))
            content[media_type]["examples"] = {
                "vendor": {"summary": "The vendor's sample", "value": sample}
            }
        for other in op.media_types:
            content[other.media_type] = (
                {"schema": {"description": _MULTIPART_NOTE}}
                if other.type is None
                else {"schema": self.schema(other.type)}
            )
        success: dict[str, Any] = {"description": _text(op.response_description)}
        if not success["description"]:
            success["description"] = _text(op.summary) or "Success."
        if content:
            success["content"] = content
        responses: dict[str, Any] = {"200": success}
        if op.not_modified:
            responses["304"] = {
                "description": "Not modified since the time given in If-Modified-Since."
            }
        description = "An error status (the client raises a StatusError subclass)."
        if op.enveloped:
            description += (
                " An HTTP 200 whose envelope result status is not "
                f"`{self.vendor.envelope_success}` is an error too (EnvelopeError)."
            )
        if self.vendor.error_type is not None:
            error = {"$ref": f"#/components/responses/{ERROR_RESPONSE}"}
            responses["4XX"] = responses["5XX"] = error
        responses["default"] = {"description": description}
        return responses

    def error_response(self, error_type: ObjectType) -> dict[str, Any]:
        """The body of the vendor's error answers (4xx, 5xx), shared by every operation."""
        description = (
            "An error status, with the vendor's error body (the client raises a StatusError)."
        )
        if self.vendor.envelope is not None:
            description = (
                "An error status, with the vendor's envelope reporting the failure in `result` "
                "(the client raises a StatusError)."
            )
        schema = {"$ref": f"#/components/schemas/{error_type.name}"}
        return {"description": description, "content": {"application/json": {"schema": schema}}}

    def envelope_schema(self, output: dict[str, Any]) -> dict[str, Any]:
        """The vendor's envelope with its output field set to the operation's response type."""
        envelope = self.vendor.type_named(self.vendor.envelope or "")
        assert envelope is not None
        schema = self.type_schema(envelope)
        schema["properties"][ENVELOPE_OUTPUT] = output
        return schema

    # -- types ---------------------------------------------------------------------------------

    def type_schema(self, named: EnumType | ObjectType) -> dict[str, Any]:
        if isinstance(named, EnumType):
            schema: dict[str, Any] = {"type": "integer" if named.base == "int" else "string"}
            if named.description:
                schema["description"] = _text(named.description)
            schema["enum"] = named.values
            schema["x-open-enum"] = True  # responses may carry values added later
            return schema
        properties: dict[str, Any] = {}
        required: list[str] = []
        write_only = named.name in self.request_types and named.name not in self.response_types
        for field in named.fields:
            prop = self.schema(field.type)
            if field.description:
                prop = {**prop, "description": _text(field.description)}
            if field.secret:
                prop = {**prop, **_SECRET_MARKS, **({"writeOnly": True} if write_only else {})}
            if field.python_name != field.wire:
                prop = {**prop, "x-python-name": field.python_name}
            properties[field.wire] = prop
            if not field.may_be_missing:
                required.append(field.wire)
        schema = {"type": "object"}
        if named.description:
            schema["description"] = _text(named.description)
        schema["properties"] = properties
        if required:
            schema["required"] = required
        return schema

    def schema(self, ref: TypeRef) -> dict[str, Any]:
        if isinstance(ref, Named):
            if ref.name == "date":
                return self._date()
            if ref.name in _SCALARS:
                return dict(_SCALARS[ref.name])
            return {"$ref": f"#/components/schemas/{ref.name}"}
        if isinstance(ref, ListOf):
            return {"type": "array", "items": self.schema(ref.item)}
        if isinstance(ref, DictOf):
            return {"type": "object", "additionalProperties": self.schema(ref.value)}
        return _nullable(self.schema(ref.inner))

    def _date(self) -> dict[str, Any]:
        """`format: date` is RFC 3339's YYYY-MM-DD; another vendor format is said in an extension."""
        pattern = self.vendor.date_format
        if pattern == _ISO_DATE:
            return {"type": "string", "format": "date"}
        return {"type": "string", "x-date-format": pattern}


def _not_empty(schema: dict[str, Any]) -> dict[str, Any]:
    """A required query value sent empty (`policyCode=`) counts as missing: say so in the schema."""
    if schema.get("type") == "string":
        return {**schema, "minLength": 1}
    if schema.get("type") == "array":
        return {**schema, "minItems": 1, "items": _not_empty(schema["items"])}
    return schema


def _nullable(inner: dict[str, Any]) -> dict[str, Any]:
    if not inner:  # `any | null` is still any JSON value
        return inner
    if isinstance(inner.get("type"), str):
        return {**inner, "type": [inner["type"], "null"]}
    return {"anyOf": [inner, {"type": "null"}]}


def _text(text: str) -> str:
    """Whitespace-normalised text (YAML folded strings keep line breaks in some places)."""
    return " ".join(text.split())


# -- command line ------------------------------------------------------------------------------


def dump(doc: dict[str, Any], path: Path | None = None) -> str:
    """The document as text: YAML for a `.yaml`/`.yml` path, JSON otherwise."""
    if path is not None and path.suffix in (".yaml", ".yml"):
        dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml when available: faster
        return yaml.dump(doc, Dumper=dumper, sort_keys=False, allow_unicode=True, width=100)
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


def main(registry_path: Path, *, vendor: str | None = None, output: Path | None = None) -> int:
    """`ticketing-codegen openapi [--vendor V] [-o FILE]`.

    With `--vendor` the document goes to FILE (JSON, or YAML for .yaml/.yml) or to stdout; without it
    every vendor is exported, into FILE as a directory (`<vendor>.openapi.json`), or to stdout when the
    registry has a single vendor. Exit status 2 when the registry is invalid or the vendor unknown.
    """
    from ticketing_codegen import registry, resolve

    try:
        vendors = resolve.load(registry_path)
    except registry.RegistryError as exc:
        resolve.report(exc, "nothing was exported.")
        return 2
    by_name = {v.name: v for v in vendors}
    if vendor is not None and vendor not in by_name:
        known = ", ".join(by_name)
        print(f"no vendor `{vendor}` in {registry_path.name}; vendors: {known}", file=sys.stderr)
        return 2
    digest = registry.sha256(registry_path)

    def export(key: str) -> dict[str, Any]:
        return document(by_name[key], registry_sha256=digest)

    if vendor is None and len(by_name) == 1:
        vendor = next(iter(by_name))
    if vendor is not None:
        doc = export(vendor)
        if output is None:
            sys.stdout.write(dump(doc))
        else:
            output.parent.mkdir(parents=True, exist_ok=True)
            output.write_text(dump(doc, output), encoding="utf-8")
            print(f"wrote {output}", file=sys.stderr)
        return 0
    if output is None:
        print("several vendors: give --vendor, or -o DIRECTORY for all of them", file=sys.stderr)
        return 2
    output.mkdir(parents=True, exist_ok=True)
    for key in by_name:
        target = output / f"{key}.openapi.json"
        target.write_text(dump(export(key), target), encoding="utf-8")
        print(f"wrote {target}", file=sys.stderr)
    return 0
