"""Export the registry as one OpenAPI 3.1 document per vendor (`python -m codegen openapi`).

The document says what the registry says, for tools other than our generator: servers, the credential
headers as security schemes, every operation with its parameters (list styles exact), bodies, responses
with the vendor samples as examples, and every named type as a schema under its exact wire names.

Two places where OpenAPI and the registry do not line up, and what is done:

- A header parameter named `Authorization` is ignored by OpenAPI tools when declared as a parameter, so
  it becomes a security scheme that the operation requires besides the vendor's credentials.
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

from codegen import names, typeexpr
from codegen.schema import Field, Operation, Param, Registry, TypeDef, Vendor

OPENAPI_VERSION = "3.1.0"
# The envelope's field that carries the operation's own result (as in codegen.model).
ENVELOPE_OUTPUT = "output"
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
    registry: Registry, vendor: str, *, root: Path | None = None, version: str | None = None
) -> dict[str, Any]:
    """The OpenAPI 3.1 document of one vendor.

    `root` is the directory the registry's sample paths are relative to; without it the responses carry
    no examples. `version` becomes `info.version` (default: the registry format version).
    """
    spec = registry.vendors[vendor]
    return _Exporter(vendor, spec, root).document(version or f"registry-{registry.registry}")


def operation_id(name: str) -> str:
    """The operationId of a registry operation: its `group.operation` name."""
    return name


class _Exporter:
    def __init__(self, key: str, vendor: Vendor, root: Path | None) -> None:
        self.key = key
        self.vendor = vendor
        self.root = root
        self.request_types = _reachable(vendor, _request_roots(vendor))
        self.response_types = _reachable(vendor, _response_roots(vendor))
        self.schemes: dict[str, dict[str, Any]] = {}

    def document(self, version: str) -> dict[str, Any]:
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
                raise ValueError(f"{self.key}: two operations answer {op.method} {op.path}")
            item[method] = self.operation(op)
            if op.head:
                item["head"] = self.head_operation(op)
        servers = _overridden_servers(vendor)
        info: dict[str, Any] = {
            "title": vendor.title,
            "version": version,
            "description": _text(vendor.description),
            "x-python-client": f"{self.key}.{vendor.client}",
        }
        result: dict[str, Any] = {
            "openapi": OPENAPI_VERSION,
            "info": info,
            "servers": [
                {"url": url, "description": name}
                for name, url in vendor.servers.items()
                if name not in servers
            ],
            "security": [{arg: [] for arg in self._credential_schemes()}],
            "tags": [{"name": group} for group in _groups(vendor)],
            "paths": paths,
            "components": {
                "schemas": {
                    name: self.type_schema(name, spec) for name, spec in vendor.types.items()
                },
                "securitySchemes": self.schemes,
            },
        }
        if vendor.decisions:
            info["x-decisions"] = [_text(d) for d in vendor.decisions]
        return result

    def _credential_schemes(self) -> list[str]:
        return [credential.arg for credential in self.vendor.credentials]

    # -- operations ----------------------------------------------------------------------------

    def operation(self, op: Operation) -> dict[str, Any]:
        result: dict[str, Any] = {
            "operationId": operation_id(op.name),
            "tags": [op.name.partition(".")[0]],
        }
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
            result["requestBody"] = self.request_body(op)
        result["responses"] = self.responses(op)
        result["x-python-method"] = f"client.{op.name}"
        result["x-idempotent"] = _idempotent(op)
        if op.one_of:
            result["x-one-of"] = [list(group) for group in op.one_of]
        if op.compression is not None:
            result["x-compression"] = op.compression
        if op.notes:
            result["x-notes"] = [_text(note) for note in op.notes]
        return result

    def head_operation(self, op: Operation) -> dict[str, Any]:
        """The HEAD variant: the same parameters, status and headers only."""
        result: dict[str, Any] = {
            "operationId": operation_id(op.name) + ".head",
            "tags": [op.name.partition(".")[0]],
            "summary": f"{_text(op.summary) or op.name} (HEAD: status and headers only)",
        }
        full = self.operation(op)
        for key in ("servers", "parameters", "security"):
            if key in full:
                result[key] = full[key]
        result["responses"] = {
            "200": {"description": "The resource exists; headers only."},
            "default": {"description": "An error status."},
        }
        result["x-python-method"] = f"client.{op.name}.head"
        result["x-idempotent"] = True
        return result

    def parameters(self, op: Operation) -> tuple[list[dict[str, Any]], list[str]]:
        result: list[dict[str, Any]] = []
        security: list[str] = []
        sections: list[tuple[str, dict[str, Param]]] = [
            ("path", op.path_params),
            ("query", op.query),
            ("header", op.headers),
        ]
        for location, params in sections:
            for wire, param in params.items():
                python_name = param.name or names.snake_case(wire)
                if location == "header" and wire.lower() in _IGNORED_HEADERS:
                    scheme = f"{op.name.replace('.', '_')}_{python_name}"
                    self.schemes[scheme] = {
                        "type": "apiKey",
                        "in": "header",
                        "name": wire,
                        "description": _text(param.description),
                        "x-python-name": python_name,
                        **({"x-secret": True} if param.secret else {}),
                    }
                    security.append(scheme)
                    continue
                schema = self.schema(param.type)
                if param.secret:
                    schema = {**schema, "writeOnly": True, **_SECRET_MARKS}
                entry: dict[str, Any] = {"name": wire, "in": location}
                if param.description:
                    entry["description"] = _text(param.description)
                entry["required"] = location == "path" or param.required
                if param.style == "repeated":
                    entry["style"], entry["explode"] = "form", True
                elif param.style == "comma":
                    entry["style"], entry["explode"] = "form", False
                entry["schema"] = schema
                entry["x-python-name"] = python_name
                if param.notes:
                    entry["x-notes"] = [_text(note) for note in param.notes]
                result.append(entry)
        return result, security

    def request_body(self, op: Operation) -> dict[str, Any]:
        body = op.body
        assert body is not None
        if body.empty or body.type is None:
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
        response = op.response
        enveloped = op.envelope and self.vendor.envelope is not None
        media_type = op.accept or "application/json"
        content: dict[str, Any] = {}
        if enveloped:
            output = self.schema(response.type) if response and response.type else {}
            content[media_type] = {"schema": self.envelope_schema(output)}
        elif response is not None and response.type is not None:
            content[media_type] = {"schema": self.schema(response.type)}
        if content and response is not None and response.sample and self.root is not None:
            sample = json.loads((self.root / response.sample).read_text(encoding="utf-8"))
            content[media_type]["examples"] = {
                "vendor": {"summary": "The vendor's sample", "value": sample}
            }
        for other, kind in _media_types(op).items():
            content[other] = (
                {"schema": {"description": _MULTIPART_NOTE}}
                if kind == "multipart"
                else {"schema": self.schema(kind)}
            )
        success: dict[str, Any] = {"description": _text(response.description) if response else ""}
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
        if enveloped:
            description += (
                " An HTTP 200 whose envelope result status is not "
                f"`{self.vendor.envelope_success}` is an error too (EnvelopeError)."
            )
        responses["default"] = {"description": description}
        return responses

    def envelope_schema(self, output: dict[str, Any]) -> dict[str, Any]:
        """The vendor's envelope with its output field set to the operation's response type."""
        assert self.vendor.envelope is not None
        schema = self.type_schema(self.vendor.envelope, self.vendor.types[self.vendor.envelope])
        schema["properties"][ENVELOPE_OUTPUT] = output
        return schema

    # -- types ---------------------------------------------------------------------------------

    def type_schema(self, name: str, spec: TypeDef) -> dict[str, Any]:
        if spec.enum is not None:
            schema: dict[str, Any] = {"type": "integer" if spec.type == "int" else "string"}
            if spec.description:
                schema["description"] = _text(spec.description)
            schema["enum"] = list(spec.enum)
            schema["x-open-enum"] = True  # responses may carry values added later
            return schema
        properties: dict[str, Any] = {}
        required: list[str] = []
        write_only = name in self.request_types and name not in self.response_types
        for wire, raw in (spec.fields or {}).items():
            info = raw if isinstance(raw, Field) else Field(type=raw)
            prop = self.schema(info.type)
            if info.description:
                prop = {**prop, "description": _text(info.description)}
            if info.secret:
                prop = {**prop, **_SECRET_MARKS, **({"writeOnly": True} if write_only else {})}
            python_name = info.name or names.snake_case(wire)
            if python_name != wire:
                prop = {**prop, "x-python-name": python_name}
            properties[wire] = prop
            if not (info.optional or (spec.optional and not info.required)):
                required.append(wire)
        schema = {"type": "object"}
        if spec.description:
            schema["description"] = _text(spec.description)
        schema["properties"] = properties
        if required:
            schema["required"] = required
        return schema

    def schema(self, text: str) -> dict[str, Any]:
        return self._schema(typeexpr.parse(text))

    def _schema(self, ref: typeexpr.TypeRef) -> dict[str, Any]:
        if isinstance(ref, typeexpr.Named):
            if ref.name == "date":
                return self._date()
            if ref.name in typeexpr.SCALARS:
                # A scalar this exporter does not know yet is described as any JSON value.
                return dict(_SCALARS.get(ref.name, {}))
            return {"$ref": f"#/components/schemas/{ref.name}"}
        if isinstance(ref, typeexpr.ListOf):
            return {"type": "array", "items": self._schema(ref.item)}
        if isinstance(ref, typeexpr.DictOf):
            return {"type": "object", "additionalProperties": self._schema(ref.value)}
        return _nullable(self._schema(ref.inner))

    def _date(self) -> dict[str, Any]:
        """`format: date` is RFC 3339's YYYY-MM-DD; another vendor format is said in an extension."""
        pattern = self.vendor.date_format
        if pattern == _ISO_DATE:
            return {"type": "string", "format": "date"}
        return {"type": "string", "x-date-format": pattern}


def _nullable(inner: dict[str, Any]) -> dict[str, Any]:
    if not inner:  # `any | null` is still any JSON value
        return inner
    if isinstance(inner.get("type"), str):
        return {**inner, "type": [inner["type"], "null"]}
    return {"anyOf": [inner, {"type": "null"}]}


def _media_types(op: Operation) -> dict[str, str]:
    """The other media types the caller may ask for: media type -> type expression or `multipart`."""
    return dict(op.media_types)


def _idempotent(op: Operation) -> bool:
    if op.idempotent is not None:
        return op.idempotent
    return op.method in ("GET", "HEAD", "PUT", "DELETE")


def _groups(vendor: Vendor) -> list[str]:
    return list(dict.fromkeys(op.name.partition(".")[0] for op in vendor.operations))


def _overridden_servers(vendor: Vendor) -> set[str]:
    """Servers that only some operations use (another host), as opposed to whole-API environments."""
    return {op.server for op in vendor.operations if op.server != "default"}


def _request_roots(vendor: Vendor) -> list[str]:
    roots = [op.body.type for op in vendor.operations if op.body and op.body.type]
    for op in vendor.operations:
        roots += [p.type for p in [*op.path_params.values(), *op.query.values()]]
        roots += [p.type for p in op.headers.values()]
    return roots


def _response_roots(vendor: Vendor) -> list[str]:
    roots = [op.response.type for op in vendor.operations if op.response and op.response.type]
    for op in vendor.operations:
        roots += [kind for kind in _media_types(op).values() if kind != "multipart"]
    if vendor.envelope:
        roots.append(vendor.envelope)
    return roots


def _reachable(vendor: Vendor, roots: list[str]) -> set[str]:
    """Every declared type the given type expressions refer to, directly or through fields."""
    seen: set[str] = set()
    pending = [name for text in roots for name in typeexpr.names_in(typeexpr.parse(text))]
    while pending:
        name = pending.pop()
        if name in seen or name not in vendor.types:
            continue
        seen.add(name)
        for raw in (vendor.types[name].fields or {}).values():
            text = raw if isinstance(raw, str) else raw.type
            pending += typeexpr.names_in(typeexpr.parse(text))
    return seen


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
    """`python -m codegen openapi [--vendor V] [-o FILE]`.

    With `--vendor` the document goes to FILE (JSON, or YAML for .yaml/.yml) or to stdout; without it
    every vendor is exported, into FILE as a directory (`<vendor>.openapi.json`), or to stdout when the
    registry has a single vendor. Exit status 2 when the registry is invalid or the vendor unknown.
    """
    import hashlib

    from codegen import model, registry

    try:
        spec, source = registry.load(registry_path)
        model.build(spec, source, registry_path.resolve().parent)
    except registry.RegistryError as exc:
        print(exc, file=sys.stderr)
        print(f"{len(exc.problems)} problem(s) in the registry.", file=sys.stderr)
        return 2
    if vendor is not None and vendor not in spec.vendors:
        known = ", ".join(spec.vendors)
        print(f"no vendor `{vendor}` in {registry_path.name}; vendors: {known}", file=sys.stderr)
        return 2
    digest = hashlib.sha256(registry_path.read_bytes()).hexdigest()[:12]
    root = registry_path.resolve().parent

    def export(key: str) -> dict[str, Any]:
        return document(spec, key, root=root, version=f"{registry_path.name}@{digest}")

    if vendor is None and len(spec.vendors) == 1:
        vendor = next(iter(spec.vendors))
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
    for key in spec.vendors:
        target = output / f"{key}.openapi.json"
        target.write_text(dump(export(key), target), encoding="utf-8")
        print(f"wrote {target}", file=sys.stderr)
    return 0
