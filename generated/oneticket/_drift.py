# Generated from endpoints.yaml (sha256 1ebee7c584ea9a41dec2941beed0f0b4e0151f5cd23b30cd7b354630d0388416) by `ticketing-codegen generate`. Do not edit.
"""Spec drift recording: what a live response shows that the registry does not say.

Off by default; the transport imports this module only when a client is built with `record_drift=` (or
the vendor's environment variable), so a client that does not record pays one `is None` check per call.

When on, each response is compared with its operation's declared shape: its status and content type,
then the untyped JSON walked against the generated types (seen through `msgspec.inspect`: wire names,
required and optional fields, nullability, enum values). Each new finding (unknown field, unknown enum
value, missing field, null where not nullable, wrong JSON type, undocumented status or content type, a
body that is not JSON) is written once as a small JSON record, deduplicated by vendor, operation, JSON
path and kind. `ticketing-codegen drift DIR` turns the records into registry additions.

Records never carry secrets: the values of the models' secret fields, of keys that look like credentials
and of the client's credential headers are masked, and examples are truncated. Files are created
atomically (written to a temporary file, then hard-linked to their final name, which fails if another
thread or process got there first), and the directory is bounded: at most `MAX_RECORDS_PER_OPERATION`
records per operation and `MAX_RECORDS` in all, however many distinct findings a flood brings.
"""

from __future__ import annotations

import datetime
import decimal
import functools
import hashlib
import os
import re
import tempfile
import threading
import time
import uuid
import warnings
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import msgspec
import msgspec.inspect as mi

from ._endpoint import Endpoint
from ._multipart import MULTIPART
from ._responses import RawResponse
from .errors import STATUS_ERRORS

RECORD_FORMAT = 1
RECORD_SUFFIX = ".drift.json"
BODY_SUFFIX = ".body.json"
MAX_RECORDS_PER_OPERATION = 50
MAX_RECORDS = 1000
MAX_BODIES_PER_OPERATION = 3
MAX_BODY_BYTES = 256 * 1024  # larger bodies are not kept as samples (a 60k-seat manifest)
MAX_FINDINGS_PER_RESPONSE = 200  # a response with more is still walked no further
MAX_EXAMPLE_TEXT = 80  # characters of a string example
MAX_EXAMPLE_ITEMS = 5  # entries of a list or object example
MAX_UNDECODABLE_TEXT = 2048  # characters kept of a body that is not JSON
# An operation whose drift is all recorded already is walked again only after this pause (seconds): a
# busy operation with known drift costs one strict decode per response, not a walk in Python each time.
WALK_PAUSE = 1.0
MASK = "***"

# Statuses the runtime has a meaning for; any other one is drift (a redirect, a 418, a 501 ...).
DOCUMENTED_STATUSES = frozenset({200, 201, 204, 500, 502, 503, 504, *STATUS_ERRORS})
# Words that make an undeclared key's value a secret (the key is kept, its value masked).
_SECRET_WORDS = frozenset(
    {"password", "passwd", "pwd", "secret", "token", "jwt", "apikey", "auth", "authorization"}
    | {"cvv", "cvc", "ssn", "pin", "credential", "credentials", "key"}
)
_SECRET_PAIRS = (
    ("card", "number"),
    ("account", "number"),
    ("routing", "number"),
    ("bank", "account"),
)
_WORDS = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+")
_SIMPLE_KEY = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


Kind = Literal[
    "unknown_field",  # a key the type does not declare
    "unknown_enum_value",  # a value the enum does not list
    "missing_field",  # a field declared present (not optional) is absent
    "null",  # null where the type is not nullable
    "wrong_type",  # another JSON type than declared
    "status",  # an HTTP status the runtime has no meaning for
    "content_type",  # another content type than the operation's
    "undecodable",  # a body that is not JSON (its first characters are kept)
]
# Besides the findings, one record per operation says that its cap was reached: "overflow".


@dataclass(frozen=True)
class Finding:
    """One way a response differs from the registry, before it is written."""

    kind: (
        str  # unknown_field | unknown_enum_value | missing_field | null | wrong_type | status | ...
    )
    path: str  # JSON path with list indices and object keys normalized: $.offers[].seats[].status
    type: str | None  # the registry type to change (the object's, or the enum's)
    field: str | None = None  # the wire name concerned
    example: Any = None  # masked and truncated
    expected: str | None = None  # what the registry declares, for the reader

    @property
    def key(self) -> str:
        """The dedup key (besides vendor and operation); a new enum value is a fact of its own."""
        value = (
            msgspec.json.encode(self.example).decode() if self.kind == "unknown_enum_value" else ""
        )
        return f"{self.kind}\n{self.path}\n{value}"


def looks_secret(key: str) -> bool:
    """Whether an undeclared key names a credential (`apiKey`, `card_number`, `resetToken`)."""
    words = {word.lower() for word in _WORDS.findall(key)}
    return bool(words & _SECRET_WORDS) or any(a in words and b in words for a, b in _SECRET_PAIRS)


class DriftRecorder:
    """Compares responses with their declared shapes and writes each new finding once; thread-safe."""

    def __init__(
        self, directory: str | os.PathLike[str], *, vendor: str, secret_values: list[str]
    ) -> None:
        self.directory = Path(directory)
        self.directory.mkdir(parents=True, exist_ok=True)
        self.vendor = vendor
        # Credential values to blank out wherever they appear (a proxy page may echo a header).
        self._secret_values = sorted(
            {v for v in secret_values if len(v) >= 4}, key=len, reverse=True
        )
        self._lock = threading.Lock()
        self._seen: set[str] = set()
        self._full: set[str] = set()  # operations whose record cap is reached
        self._paused: dict[str, float] = {}  # operation -> when its next walk may happen
        self._infos: dict[Any, Any] = {}
        self._warned = False

    # -- observing ----------------------------------------------------------------------------

    def observe(
        self,
        endpoint: Endpoint[Any],
        response: RawResponse,
        media_type: str | None,
        args: Mapping[str, object] | None = None,
    ) -> None:
        """Compare one response with its operation's declared shape; record what is new.

        Never raises: recording is a diagnosis, and must not change the outcome of the call it watches.
        """
        if endpoint.name in self._full:
            return
        try:
            self._observe(endpoint, response, media_type, args)
        except Exception as exc:
            self._warn_once(f"drift recording failed on {endpoint.name}: {exc!r}")

    def _observe(
        self,
        endpoint: Endpoint[Any],
        response: RawResponse,
        media_type: str | None,
        args: Mapping[str, object] | None,
    ) -> None:
        secrets = self._secret_values + _secret_args(endpoint, args)
        findings = list(self._status_findings(endpoint, response, media_type))
        body_type = self._body_type(endpoint, response, media_type)
        document: Any = None
        if (
            body_type is not None
            and not findings
            and not self._matches_exactly(body_type, response)
        ):
            if time.monotonic() < self._paused.get(endpoint.name, 0.0):
                return
            try:
                document = msgspec.json.decode(response.body)
            except msgspec.DecodeError:
                text = response.body[: MAX_UNDECODABLE_TEXT * 4].decode("utf-8", "replace")
                findings.append(
                    Finding("undecodable", "$", None, example=text[:MAX_UNDECODABLE_TEXT])
                )
            else:
                walker = _Walker(self._secret_wire_names(body_type))
                walker.check(self._info(body_type), document, "$", None, None)
                findings.extend(walker.findings)
        if not findings:
            if document is not None:  # walked, and nothing differs that a record could say
                self._paused[endpoint.name] = time.monotonic() + WALK_PAUSE
            return
        # Only a body of the operation's own type is kept as its sample.
        kept = document if media_type is None else None
        if not self._record(endpoint, response, findings, kept, secrets) and document is not None:
            self._paused[endpoint.name] = time.monotonic() + WALK_PAUSE

    def _matches_exactly(self, body_type: Any, response: RawResponse) -> bool:
        """Whether the body decodes into a strict copy of its type (closed enums, no unknown fields).

        The steady state (the registry is right) costs one more typed decode, not a walk in Python.
        """
        key = ("strict", body_type)
        decoder: Any = self._infos.get(key)
        if decoder is None:
            try:
                strict = _Strict().type_of(self._info(body_type))
                decoder = msgspec.json.Decoder(strict)
            except (TypeError, ValueError):  # a type the copy cannot express: always walk
                decoder = False
            self._infos[key] = decoder
        if decoder is False:
            return False
        try:
            decoder.decode(response.body)
        except msgspec.DecodeError:  # a ValidationError too: walk to learn what differs
            return False
        return True

    def _status_findings(
        self, endpoint: Endpoint[Any], response: RawResponse, media_type: str | None
    ) -> list[Finding]:
        status = response.status
        if status == 304 and endpoint.not_modified:
            return []
        if status not in DOCUMENTED_STATUSES:
            return [Finding("status", "$", None, example=status, expected="a documented status")]
        if status >= 300 or response.method == "HEAD" or not response.body.strip():
            return []
        got = response.headers.get("Content-Type", "")
        essence = got.split(";", 1)[0].strip().lower()
        wanted = media_type or endpoint.accept
        kind = endpoint.media_types.get(media_type) if media_type is not None else None
        if endpoint.response_type is None and media_type is None:
            expected = "no content"
        elif kind == MULTIPART:
            expected = "multipart/*"
            if essence.startswith("multipart/"):
                return []
        else:
            expected = wanted
            if essence == wanted.lower():
                return []
        return [Finding("content_type", "$", None, example=got or "(none)", expected=expected)]

    @staticmethod
    def _body_type(endpoint: Endpoint[Any], response: RawResponse, media_type: str | None) -> Any:
        """The type the body is walked against, or None when there is no JSON body to look at.

        An empty body where the operation declares one is looked at too: it is not JSON.
        """
        if response.status >= 300 or response.method == "HEAD":
            return None
        if media_type is not None:
            kind = endpoint.media_types.get(media_type)
            return None if kind in (None, MULTIPART) else kind
        if endpoint.response_type is None or endpoint.response_type is Any:
            return None
        return endpoint.envelope_type or endpoint.response_type

    def _info(self, type_: Any) -> Any:
        info = self._infos.get(type_)
        if info is None:
            info = self._infos[type_] = mi.type_info(type_)
        return info

    def _secret_wire_names(self, type_: Any) -> frozenset[str]:
        """The wire names of every secret field of the types reachable from `type_`."""
        key = ("secrets", type_)
        names = self._infos.get(key)
        if names is None:
            found: set[str] = set()
            _collect_secret_names(self._info(type_), found, set())
            names = self._infos[key] = frozenset(found)
        return names

    # -- writing ------------------------------------------------------------------------------

    def _record(
        self,
        endpoint: Endpoint[Any],
        response: RawResponse,
        findings: list[Finding],
        document: Any,
        secrets: list[str],
    ) -> int:
        """Write the findings not written yet; how many were new."""
        operation = endpoint.name
        written = 0
        first_seen = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
        content_type = response.headers.get("Content-Type")
        sample: str | None = None
        try:
            with self._lock:
                for finding in findings[:MAX_FINDINGS_PER_RESPONSE]:
                    key = f"{self.vendor}\n{operation}\n{finding.key}"
                    if key in self._seen:
                        continue
                    self._seen.add(key)
                    name = f"{self.vendor}.{operation}.{_digest(key)}{RECORD_SUFFIX}"
                    if (self.directory / name).exists():
                        continue
                    if not self._room_for(operation):
                        self._write_once(
                            f"{self.vendor}.{operation}.overflow{RECORD_SUFFIX}",
                            self._overflow_record(operation, first_seen),
                        )
                        self._full.add(operation)
                        return written
                    if sample is None and document is not None:
                        sample = self._write_body(endpoint, response, document, secrets) or ""
                    record = {
                        "record": RECORD_FORMAT,
                        "vendor": self.vendor,
                        "operation": operation,
                        "kind": finding.kind,
                        "path": finding.path,
                        "type": finding.type,
                        "field": finding.field,
                        "example": _scrub(finding.example, secrets),
                        "expected": finding.expected,
                        "status": response.status,
                        "content_type": _scrub(content_type, secrets),
                        "first_seen": first_seen,
                        "sample": sample or None,
                    }
                    self._write_once(name, msgspec.json.format(msgspec.json.encode(record)))
                    written += 1
        except OSError as exc:
            self._warn_once(f"drift recording to {self.directory} failed: {exc}")
        return written

    def _warn_once(self, message: str) -> None:
        """Say once that recording failed (a full disk, a bug), and go on without it."""
        if not self._warned:
            self._warned = True
            warnings.warn(message, RuntimeWarning, stacklevel=4)

    def _room_for(self, operation: str) -> bool:
        """Whether one more record of `operation` stays within the caps (counted on disk: other
        processes may write to the same directory)."""
        names = [n for n in os.listdir(self.directory) if n.endswith(RECORD_SUFFIX)]
        mine = f"{self.vendor}.{operation}."
        return (
            len(names) < MAX_RECORDS
            and sum(1 for n in names if n.startswith(mine)) < MAX_RECORDS_PER_OPERATION
        )

    def _overflow_record(self, operation: str, first_seen: str) -> bytes:
        record = {
            "record": RECORD_FORMAT,
            "vendor": self.vendor,
            "operation": operation,
            "kind": "overflow",
            "path": "$",
            "expected": f"at most {MAX_RECORDS_PER_OPERATION} records per operation, "
            f"{MAX_RECORDS} in all",
            "first_seen": first_seen,
        }
        return msgspec.json.format(msgspec.json.encode(record))

    def _write_body(
        self, endpoint: Endpoint[Any], response: RawResponse, document: Any, secrets: list[str]
    ) -> str | None:
        """Keep the (masked) body as a sample for `ticketing-codegen drift --samples`; its file name, or None."""
        if len(response.body) > MAX_BODY_BYTES:
            return None
        prefix = f"{self.vendor}.{endpoint.name}."
        kept = [
            n
            for n in os.listdir(self.directory)
            if n.startswith(prefix) and n.endswith(BODY_SUFFIX)
        ]
        if len(kept) >= MAX_BODIES_PER_OPERATION:
            return None
        body_type = endpoint.envelope_type or endpoint.response_type
        secret_names = self._secret_wire_names(body_type)
        masked = _mask_document(document, secret_names)
        if masked == document:
            data = response.body  # nothing to mask: the exact bytes the vendor sent
        else:
            # Re-decode with exact numbers, so that the sample keeps "65.10" as the vendor wrote it.
            exact = _exact_decoder().decode(response.body)
            data = msgspec.json.encode(_mask_document(exact, secret_names))
        for value in secrets:
            data = data.replace(value.encode(), MASK.encode())
        name = f"{prefix}{hashlib.sha256(data).hexdigest()[:16]}{BODY_SUFFIX}"
        self._write_once(name, data)
        return name

    def _write_once(self, name: str, data: bytes) -> bool:
        """Create `name` with `data` unless it exists; readers never see a partial file."""
        final = self.directory / name
        if final.exists():
            return False
        fd, temporary = tempfile.mkstemp(prefix=".tmp-", dir=self.directory)
        try:
            with os.fdopen(fd, "wb") as file:
                file.write(data)
            try:
                os.link(temporary, final)  # fails if another writer created it first
            except FileExistsError:
                return False
            except OSError:  # a file system without hard links: replace, atomic all the same
                os.replace(temporary, final)
            return True
        finally:
            if os.path.exists(temporary):
                os.unlink(temporary)


class _Strict:
    """A strict copy of a `msgspec.inspect` type: unknown fields forbidden, enums closed (`Literal`)."""

    def __init__(self) -> None:
        self._structs: dict[Any, Any] = {}

    def type_of(self, info: Any) -> Any:
        kind = type(info)
        if kind is mi.StructType:
            return self._struct(info)
        if kind is mi.UnionType:
            members = [self.type_of(t) for t in info.types]
            union = members[0]
            for member in members[1:]:
                union = union | member
            return union
        if kind in _LIST_TYPES:
            return list[self.type_of(info.item_type)]  # type: ignore[misc]
        if kind is mi.DictType:
            return dict[str, self.type_of(info.value_type)]  # type: ignore[misc]
        if kind is mi.EnumType or kind is mi.LiteralType:
            return Literal[tuple(_enum_values(info))]
        if kind in _STRICT_SCALARS:
            return _STRICT_SCALARS[kind]
        raise TypeError(f"no strict copy of {kind.__name__}")

    def _struct(self, info: Any) -> Any:
        built = self._structs.get(info.cls)
        if built is not None:
            return built
        self._structs[info.cls] = Any  # a type that contains itself: anything below, not a loop
        fields: list[Any] = []
        rename: dict[str, str] = {}
        for index, declared in enumerate(info.fields):
            attribute = f"f{index}"
            rename[attribute] = declared.encode_name
            field_type = self.type_of(declared.type)
            if declared.required:
                fields.append((attribute, field_type))
            else:
                fields.append((attribute, field_type | msgspec.UnsetType, msgspec.UNSET))
        built = msgspec.defstruct(
            _struct_name(info), fields, rename=rename, kw_only=True, forbid_unknown_fields=True
        )
        self._structs[info.cls] = built
        return built


class _Walker:
    """Walks untyped JSON against a `msgspec.inspect` type, collecting findings."""

    def __init__(self, secret_names: frozenset[str]) -> None:
        self.findings: list[Finding] = []
        self._secret_names = secret_names

    def check(self, info: Any, value: Any, path: str, owner: str | None, field: str | None) -> None:
        if len(self.findings) >= MAX_FINDINGS_PER_RESPONSE:
            return
        if value is None:
            if not _nullable(info):
                self._add("null", path, owner, field, None, _describe(info))
            return
        kind = type(info)
        if kind is mi.StructType:
            self._struct(info, value, path, owner, field)
        elif kind is mi.UnionType:
            self._union(info, value, path, owner, field)
        elif kind in _LIST_TYPES:
            if not isinstance(value, list):
                self._add("wrong_type", path, owner, field, value, _describe(info))
                return
            item = info.item_type
            for element in value:
                self.check(item, element, path + "[]", owner, field)
        elif kind is mi.DictType:
            if not isinstance(value, dict):
                self._add("wrong_type", path, owner, field, value, _describe(info))
                return
            for element in value.values():
                self.check(info.value_type, element, path + "{}", owner, field)
        elif kind is mi.EnumType or kind is mi.LiteralType:
            values = _enum_values(info)
            if value not in values or isinstance(value, bool):
                if _scalar_matches(type(next(iter(values), "")), value):
                    name = info.cls.__name__ if kind is mi.EnumType else owner
                    self._add("unknown_enum_value", path, name, field, value, _describe(info))
                else:
                    self._add("wrong_type", path, owner, field, value, _describe(info))
        elif kind in _SCALAR_JSON and not _scalar_fits(kind, value):
            self._add("wrong_type", path, owner, field, value, _describe(info))

    def _struct(
        self, info: Any, value: Any, path: str, owner: str | None, field: str | None
    ) -> None:
        if not isinstance(value, dict):
            self._add("wrong_type", path, owner, field, value, _describe(info))
            return
        name = _struct_name(info)
        known = set()
        for declared in info.fields:
            wire = declared.encode_name
            known.add(wire)
            if wire in value:
                self.check(declared.type, value[wire], _child(path, wire), name, wire)
            elif declared.required:
                self._add(
                    "missing_field", _child(path, wire), name, wire, None, _describe(declared.type)
                )
        for key in value.keys() - known:
            example = MASK if looks_secret(key) else _example(value[key], self._secret_names)
            self._add("unknown_field", _child(path, key), name, key, example, None)

    def _union(
        self, info: Any, value: Any, path: str, owner: str | None, field: str | None
    ) -> None:
        for member in info.types:
            if _json_kind_matches(member, value):
                self.check(member, value, path, owner, field)
                return
        self._add("wrong_type", path, owner, field, value, _describe(info))

    def _add(
        self,
        kind: Kind,
        path: str,
        type_name: str | None,
        field: str | None,
        example: Any,
        expected: str | None,
    ) -> None:
        if kind == "wrong_type":
            example = (
                _example(example, self._secret_names) if field not in self._secret_names else MASK
            )
        self.findings.append(Finding(kind, path, type_name, field, example, expected))


_LIST_TYPES = (mi.ListType, mi.VarTupleType, mi.SetType, mi.FrozenSetType)
_SCALAR_JSON: dict[Any, Any] = {
    mi.StrType: str,
    mi.IntType: int,
    mi.FloatType: (int, float),
    mi.BoolType: bool,
    mi.DecimalType: (int, float, str),
    mi.DateType: str,
    mi.DateTimeType: str,
    mi.TimeType: str,
    mi.UUIDType: str,
    mi.NoneType: type(None),
}


_STRICT_SCALARS: dict[Any, Any] = {
    mi.AnyType: Any,
    mi.NoneType: None,
    mi.StrType: str,
    mi.IntType: int,
    mi.FloatType: float,
    mi.BoolType: bool,
    mi.DecimalType: decimal.Decimal,
    mi.DateType: datetime.date,
    mi.DateTimeType: datetime.datetime,
    mi.TimeType: datetime.time,
    mi.UUIDType: uuid.UUID,
}


def _json_kind_matches(info: Any, value: Any) -> bool:
    """Whether a union member could be meant for this JSON value (its JSON kind fits)."""
    kind = type(info)
    if kind is mi.AnyType:
        return True
    if kind is mi.StructType or kind is mi.DictType:
        return isinstance(value, dict)
    if kind in _LIST_TYPES:
        return isinstance(value, list)
    if kind is mi.EnumType or kind is mi.LiteralType:
        return _scalar_matches(type(next(iter(_enum_values(info)), "")), value)
    return kind in _SCALAR_JSON and _scalar_fits(kind, value)


def _scalar_fits(kind: Any, value: Any) -> bool:
    """Whether a JSON scalar fits a declared scalar type (a JSON boolean is no number)."""
    if isinstance(value, bool) and kind is not mi.BoolType:
        return False
    return isinstance(value, _SCALAR_JSON[kind])


def _scalar_matches(base: type, value: Any) -> bool:
    if isinstance(value, bool):
        return base is bool
    return isinstance(value, base)


def _enum_values(info: Any) -> frozenset[Any]:
    if type(info) is mi.LiteralType:
        return frozenset(info.values)
    return frozenset(member.value for member in info.cls)


def _nullable(info: Any) -> bool:
    kind = type(info)
    if kind is mi.AnyType or kind is mi.NoneType:
        return True
    return kind is mi.UnionType and any(type(t) is mi.NoneType for t in info.types)


def _describe(info: Any) -> str:
    """A short name of a declared type, for the reader of a record."""
    kind = type(info)
    if kind is mi.StructType:
        return _struct_name(info)
    if kind is mi.EnumType:
        return str(info.cls.__name__)
    if kind is mi.UnionType:
        return " | ".join(_describe(t) for t in info.types)
    if kind in _LIST_TYPES:
        return f"list[{_describe(info.item_type)}]"
    if kind is mi.DictType:
        return f"dict[str, {_describe(info.value_type)}]"
    return kind.__name__.removesuffix("Type").lower()


def _struct_name(info: Any) -> str:
    cls = getattr(info.cls, "__origin__", info.cls)  # Envelope[list[Purchase]] -> Envelope
    return str(cls.__name__)


def _child(path: str, key: str) -> str:
    return (
        f"{path}.{key}"
        if _SIMPLE_KEY.match(key)
        else f"{path}[{msgspec.json.encode(key).decode()}]"
    )


def _collect_secret_names(info: Any, found: set[str], visited: set[int]) -> None:
    if id(info) in visited:
        return
    visited.add(id(info))
    kind = type(info)
    if kind is mi.StructType:
        cls = getattr(info.cls, "__origin__", info.cls)
        secret: frozenset[str] = getattr(cls, "_secret_fields", frozenset())
        for declared in info.fields:
            if declared.name in secret:
                found.add(declared.encode_name)
            _collect_secret_names(declared.type, found, visited)
    elif kind is mi.UnionType:
        for member in info.types:
            _collect_secret_names(member, found, visited)
    elif kind in _LIST_TYPES:
        _collect_secret_names(info.item_type, found, visited)
    elif kind is mi.DictType:
        _collect_secret_names(info.value_type, found, visited)


def _masked_value(value: Any) -> Any:
    """A secret's stand-in of the same JSON kind, so a masked sample still decodes."""
    if isinstance(value, str):
        return MASK if value else value
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, (int, float)):
        return 0
    if isinstance(value, list):
        return [_masked_value(v) for v in value]
    if isinstance(value, dict):
        return {k: _masked_value(v) for k, v in value.items()}
    return MASK


def _mask_document(value: Any, secret_names: frozenset[str]) -> Any:
    """A copy of a JSON document with the values of secret keys masked."""
    if isinstance(value, dict):
        return {
            key: _masked_value(item)
            if key in secret_names or looks_secret(key)
            else _mask_document(item, secret_names)
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [_mask_document(item, secret_names) for item in value]
    return value


def _example(value: Any, secret_names: frozenset[str], depth: int = 0) -> Any:
    """A masked, truncated copy of a value to show in a record."""
    if isinstance(value, str):
        return value if len(value) <= MAX_EXAMPLE_TEXT else value[:MAX_EXAMPLE_TEXT] + "..."
    if isinstance(value, dict):
        if depth >= 2:
            return {"...": f"{len(value)} keys"}
        items = list(value.items())[:MAX_EXAMPLE_ITEMS]
        return {
            key: MASK
            if key in secret_names or looks_secret(key)
            else _example(item, secret_names, depth + 1)
            for key, item in items
        }
    if isinstance(value, list):
        if depth >= 2:
            return [f"... {len(value)} items"]
        return [_example(item, secret_names, depth + 1) for item in value[:MAX_EXAMPLE_ITEMS]]
    return value


def _scrub(value: Any, secrets: list[str]) -> Any:
    """`value` with every credential value replaced by the mask, wherever it appears."""
    if isinstance(value, str):
        for secret in secrets:
            value = value.replace(secret, MASK)
        return value
    if isinstance(value, list):
        return [_scrub(item, secrets) for item in value]
    if isinstance(value, dict):
        return {_scrub(k, secrets): _scrub(v, secrets) for k, v in value.items()}
    return value


def _secret_args(endpoint: Endpoint[Any], args: Mapping[str, object] | None) -> list[str]:
    """The values of the call's secret arguments (a password query value, an Authorization header)."""
    if not args:
        return []
    return [
        str(args[p.wire])
        for p in endpoint.params
        if p.secret and args.get(p.wire) is not None and len(str(args[p.wire])) >= 4
    ]


def _digest(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()[:20]


def _decimal(text: str) -> Any:
    from decimal import Decimal

    return Decimal(text)


@functools.cache
def _exact_decoder() -> msgspec.json.Decoder[Any]:
    """Untyped JSON with numbers kept as written (a Decimal per float), built once."""
    return msgspec.json.Decoder(float_hook=_decimal)
