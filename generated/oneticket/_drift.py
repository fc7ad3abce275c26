# Generated from endpoints.yaml (sha256 3750acddfbb35d332c19e57261e2fb4db0cd75297ec40220e5e2d195ab230ba7) by `ticketing-codegen generate`. Do not edit.
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

import functools
import hashlib
import os
import tempfile
import threading
import time
import warnings
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import msgspec
import msgspec.inspect as mi

from ._drift_masking import (
    MASK,
    MAX_EXAMPLE_ITEMS,
    MAX_EXAMPLE_TEXT,
    looks_secret,
    mask_document,
    scrub,
    secret_args,
)
from ._drift_shapes import (
    MAX_FINDINGS_PER_RESPONSE,
    Finding,
    StrictCopy,
    Walker,
    collect_secret_names,
)
from ._endpoint import Endpoint
from ._multipart import MULTIPART
from ._responses import RawResponse
from .errors import STATUS_ERRORS

# The example limits live with the masking; named here too, so every limit of a record reads from one module.
__all__ = ["MAX_EXAMPLE_ITEMS", "MAX_EXAMPLE_TEXT", "DriftRecorder", "looks_secret"]

RECORD_FORMAT = 1
RECORD_SUFFIX = ".drift.json"
BODY_SUFFIX = ".body.json"
MAX_RECORDS_PER_OPERATION = 50
MAX_RECORDS = 1000
MAX_BODIES_PER_OPERATION = 3
MAX_BODY_BYTES = 256 * 1024  # larger bodies are not kept as samples (a 60k-seat manifest)
MAX_UNDECODABLE_TEXT = 2048  # characters kept of a body that is not JSON
# An operation whose drift is all recorded already is walked again only after this pause (seconds): a
# busy operation with known drift costs one strict decode per response, not a walk in Python each time.
WALK_PAUSE = 1.0

# Statuses the runtime has a meaning for; any other one is drift (a redirect, a 418, a 501 ...).
DOCUMENTED_STATUSES = frozenset({200, 201, 204, 500, 502, 503, 504, *STATUS_ERRORS})


class DriftRecorder:
    """Compares responses with their declared shapes and writes each new finding once; thread-safe."""

    def __init__(
        self, directory: str | os.PathLike[str], *, vendor: str, secret_values: Iterable[str]
    ) -> None:
        self.directory = Path(directory)
        self.directory.mkdir(parents=True, exist_ok=True)
        self.vendor = vendor
        # Credential values to blank out wherever they appear (a proxy page may echo a header).
        self._secret_values: list[str] = []
        self.mask(secret_values)
        self._lock = threading.Lock()
        self._seen: set[str] = set()
        self._full: set[str] = set()  # operations whose record cap is reached
        self._paused: dict[str, float] = {}  # operation -> when its next walk may happen
        self._infos: dict[Any, Any] = {}
        self._warned = False

    # -- observing ----------------------------------------------------------------------------

    def mask(self, secret_values: Iterable[str]) -> None:
        """Blank out these credential values too (a client made by `with_options` sends new ones)."""
        merged = {*self._secret_values, *(v for v in secret_values if len(v) >= 4)}
        self._secret_values = sorted(merged, key=len, reverse=True)  # longest first

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
        secrets = self._secret_values + secret_args(endpoint, args)
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
                walker = Walker(self._secret_wire_names(body_type))
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
                strict = StrictCopy().type_of(self._info(body_type))
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
            collect_secret_names(self._info(type_), found, set())
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
                        "example": scrub(finding.example, secrets),
                        "expected": finding.expected,
                        "status": response.status,
                        "content_type": scrub(content_type, secrets),
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
        masked = mask_document(document, secret_names)
        if masked == document:
            data = response.body  # nothing to mask: the exact bytes the vendor sent
        else:
            # Re-decode with exact numbers, so that the sample keeps "65.10" as the vendor wrote it.
            exact = _exact_decoder().decode(response.body)
            data = msgspec.json.encode(mask_document(exact, secret_names))
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


def _digest(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()[:20]


def _decimal(text: str) -> Any:
    from decimal import Decimal

    return Decimal(text)


@functools.cache
def _exact_decoder() -> msgspec.json.Decoder[Any]:
    """Untyped JSON with numbers kept as written (a Decimal per float), built once."""
    return msgspec.json.Decoder(float_hook=_decimal)
