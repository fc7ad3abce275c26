"""Checks one request against its operation in the registry.

The checks, in order: credential headers (every credential of the vendor, on every request), path
parameters, query parameters (required, type, enum values, list style), per-operation headers, `one_of`
groups (at least one parameter of each), required compression, and the body (present, JSON, the declared
shape). The first problem found is returned as a
`Rejection` naming its rule; values of secret parameters are never repeated in it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

import msgspec

from ticketing_codegen.model import Operation, Parameter, Vendor
from ticketing_codegen.typeexpr import DictOf, ListOf, Named, Nullable, TypeRef, spell
from ticketing_emulator.routes import Route
from ticketing_emulator.shapes import Shapes

# ASCII digits only (re.ASCII): `\d` alone also matches "٣", which no vendor reads as a number.
_INT = re.compile(r"[+-]?\d+", re.ASCII)
_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?", re.ASCII)
# How a scalar is written in a query string or header, and how a message names it.
_TEXT_FORMS: dict[str, tuple[re.Pattern[str], str]] = {
    "int": (_INT, "an int"),
    "bool": (re.compile("true|false"), "true or false"),
    "float": (_NUMBER, "a number"),
    "decimal": (_NUMBER, "a number"),
}


@dataclass(frozen=True)
class Rejection:
    """Why a request was refused: the rule it broke and what exactly was wrong."""

    rule: str
    detail: str
    status: int = 400  # the HTTP status of the answer (outside an envelope)

    def message(self, operation: str) -> str:
        return f"{operation}: {self.rule}: {self.detail}"


@dataclass(frozen=True)
class Incoming:
    """The parts of a request that the checks look at."""

    path_params: Mapping[str, str]
    query: list[tuple[str, str]]  # decoded (name, value) pairs, in the order sent
    headers: Mapping[str, str]  # names in lower case
    body: bytes


class RequestChecker:
    """Checks requests for the operations of one vendor."""

    def __init__(self, vendor: Vendor, shapes: Shapes) -> None:
        self._vendor = vendor
        # One decoder per body type, built now: handler threads then only read this mapping.
        self._decoders: dict[TypeRef, msgspec.json.Decoder[object]] = {}
        for op in vendor.operations:
            checked = _body_type(op)
            if checked is not None and checked not in self._decoders:
                self._decoders[checked] = msgspec.json.Decoder(shapes.type_of(checked))

    def check(self, route: Route, request: Incoming) -> Rejection | None:
        op = route.operation
        return (
            self._credentials(request)
            or self._path(op, request)
            or self._query(op, request)
            or self._headers(op, request)
            or self._one_of(op, request)
            or self._compression(op, request)
            or self._body(op, request)
        )

    def _credentials(self, request: Incoming) -> Rejection | None:
        for credential in self._vendor.credentials:
            value = request.headers.get(credential.header.lower())
            if not value:
                return Rejection(
                    "credential header",
                    f"`{credential.header}` is missing (sent on every request: "
                    f"{', '.join(c.header for c in self._vendor.credentials)})",
                )
            if credential.type == "int" and not _INT.fullmatch(value):
                shown = "" if credential.secret else f", got {value!r}"
                return Rejection("credential type", f"`{credential.header}` must be an int{shown}")
        return None

    def _path(self, op: Operation, request: Incoming) -> Rejection | None:
        for name, param in op.params_in("path").items():
            problem = self._value("path parameter", name, param, request.path_params[name])
            if problem is not None:
                return problem
        return None

    def _query(self, op: Operation, request: Incoming) -> Rejection | None:
        sent: dict[str, list[str]] = {}
        for name, value in request.query:
            sent.setdefault(name, []).append(value)
        for name, param in op.params_in("query").items():
            values = sent.get(name, [])
            if not values or (values == [""] and param.required):
                if param.required:
                    state = "is missing" if not values else "is empty"
                    return Rejection("required query parameter", f"`{name}` {state}")
                continue
            # An optional value sent empty is checked as given: "" is a str, but not an int or a bool.
            if param.is_list:
                if param.style == "comma":
                    values = [item for value in values for item in value.split(",")]
            elif len(values) > 1:
                return Rejection(
                    "query parameter repeated", f"`{name}` takes one value, got {len(values)}"
                )
            for value in values:
                problem = self._value("query", name, param, value)
                if problem is not None:
                    return problem
        return None

    def _headers(self, op: Operation, request: Incoming) -> Rejection | None:
        for name, param in op.params_in("header").items():
            value = request.headers.get(name.lower())
            if value is None:
                if param.required:
                    # Without the Authorization it asks for, a request lacks its credentials: HTTP's
                    # 401 (RFC 9110 15.5.2); the vendor document names no status of its own.
                    status = 401 if name.lower() == "authorization" else 400
                    return Rejection("required header", f"`{name}` is missing", status)
                continue
            problem = self._value("header", name, param, value)
            if problem is not None:
                return problem
        return None

    @staticmethod
    def _one_of(op: Operation, request: Incoming) -> Rejection | None:
        given = {name for name, value in request.query if value} | {
            name for name in op.params_in("header") if request.headers.get(name.lower())
        }
        for group in op.one_of:
            wires = [param.wire for param in group]
            if not given.intersection(wires):
                names = ", ".join(f"`{name}`" for name in wires)
                return Rejection("one of", f"give at least one of {names}")
        return None

    @staticmethod
    def _compression(op: Operation, request: Incoming) -> Rejection | None:
        if op.compression != "required":
            return None
        accepted = request.headers.get("accept-encoding", "")
        if "gzip" not in [part.split(";")[0].strip().lower() for part in accepted.split(",")]:
            return Rejection(
                "compression required",
                f"send `Accept-Encoding: gzip` (got {accepted or 'none'}): this operation only answers gzip",
            )
        return None

    def _body(self, op: Operation, request: Incoming) -> Rejection | None:
        spec = op.body
        if spec is None:
            return None
        described = "an empty JSON object" if spec.type is None else f"a JSON `{spell(spec.type)}`"
        if not request.body.strip():
            if spec.required or spec.empty:
                return Rejection("body required", f"the request needs {described} as its body")
            return None
        content_type = request.headers.get("content-type", "")
        if content_type.split(";")[0].strip().lower() != "application/json":
            return Rejection(
                "content type",
                f"the body must be sent as application/json, got {content_type or 'none'}",
            )
        try:
            decoded = self._decoders[_body_type(op) or _ANY_OBJECT].decode(request.body)
        except (msgspec.DecodeError, RecursionError) as exc:  # RecursionError: nested too deeply
            return Rejection("body shape", f"the body is not {described}: {exc}")
        if spec.empty and decoded:
            return Rejection("body shape", f"the body must be {described}, got members")
        return None

    def _value(self, location: str, name: str, param: Parameter, value: str) -> Rejection | None:
        """Check one text value against the parameter's type (for a list, the item type)."""
        ref = param.type
        while isinstance(ref, (ListOf, Nullable)):
            ref = ref.item if isinstance(ref, ListOf) else ref.inner
        if not isinstance(ref, Named):
            return None
        shown = "" if param.secret else f", got {value!r}"
        if param.enum is not None:
            choices = param.accepted_values
            if value not in [str(choice) for choice in choices]:
                allowed = ", ".join(repr(str(choice)) for choice in choices)
                return Rejection(f"{location} enum", f"`{name}` must be one of {allowed}{shown}")
            return None
        form = _TEXT_FORMS.get(ref.name)
        if form is not None and not form[0].fullmatch(value):
            return Rejection(f"{location} type", f"`{name}` must be {form[1]}{shown}")
        return None


_ANY_OBJECT: TypeRef = DictOf(Named("any"))


def _body_type(op: Operation) -> TypeRef | None:
    """The type a request body is checked against (any JSON object for an `empty: true` body)."""
    if op.body is None:
        return None
    return op.body.type or _ANY_OBJECT
