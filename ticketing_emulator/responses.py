"""What the emulator answers: the vendor samples, minimal bodies, the cart and export job state, errors.

The normal answer is, in this order: the cart state (the operations of the vendor's `emulator.carts`), the
export jobs (the start and status operations of a batch export workflow), the request body (an operation
of `emulator.echo`), the representation of a media type the request accepts (`media_types`: a multipart
JSON-and-file document whose JSON part is the sample, cut to `emulator.multipart_json_fields` when the
vendor names them, or the sample of an operation returning the named type), the operation's sample, or
the smallest valid body of its response type (204 without one). `not_modified` operations add
Last-Modified and answer 304 to an If-Modified-Since that is not older.

An `Answer` is the response before it goes on the wire (its body bytes, or a file sent from disk);
`Answer.encoded` applies gzip (or the truncated gzip of a fault). Errors take the vendor's shape: a vendor
with an envelope (1Ticket) reports failures inside it,
`{"result": {"status": "error", "message": ..., "messageid": ...}, "output": []}`, with HTTP 200 where the
operation is enveloped; other vendors (Paciolan) answer `{"status": <HTTP status>, "message": ...}`.
"""

from __future__ import annotations

import gzip
import json
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from decimal import Decimal
from email.utils import formatdate, parsedate_to_datetime
from pathlib import Path
from typing import Any

import msgspec

from ticketing_codegen.model import MediaType, Operation, Vendor
from ticketing_codegen.typeexpr import spell
from ticketing_emulator.drift import HEADER as DRIFT_HEADER
from ticketing_emulator.drift import drift
from ticketing_emulator.exports import ExportFlow, ExportNotFound, Exports
from ticketing_emulator.faults import Fault
from ticketing_emulator.routes import Route
from ticketing_emulator.shapes import Shapes
from ticketing_emulator.state import CartConflict, CartFlow, CartNotFound

MULTIPART_BOUNDARY = "emulator-part-boundary"
REJECTION_ID = "EMU-400"
FAULT_ID = "EMU-FAULT"

_HTML_PAGE = (
    b"<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head>\n"
    b"<body><h1>Bad Gateway</h1><p>The upstream server did not answer (emulated).</p></body></html>\n"
)


@dataclass(frozen=True)
class Answer:
    status: int
    body: bytes = b""
    content_type: str | None = "application/json"
    headers: tuple[tuple[str, str], ...] = ()
    compressible: bool = False  # may be sent gzip-encoded to a client that accepts gzip
    body_file: Path | None = None  # the body is this file, read while it is sent (`body` is unused)

    def with_header(self, name: str, value: str) -> Answer:
        return replace(self, headers=(*self.headers, (name, value)))

    def encoded(self, *, accepts_gzip: bool, truncate_gzip: bool = False) -> Answer:
        """The answer as sent: gzip-encoded when allowed, or with a cut-off gzip stream for a fault."""
        if truncate_gzip:
            data = gzip.compress(self.body or b"{}", mtime=0)
            status = 200 if self.status == 204 else self.status
            cut = data[: max(len(data) // 2, 11)]
            return replace(self, status=status, body=cut).with_header("Content-Encoding", "gzip")
        if accepts_gzip and self.compressible and self.body:
            return replace(
                self, body=gzip.compress(self.body, mtime=0), compressible=False
            ).with_header("Content-Encoding", "gzip")
        return self


class Responder:
    """Answers for every operation of every vendor; samples are read once, when it is built."""

    def __init__(
        self,
        vendors: list[Vendor],
        shapes: Mapping[str, Shapes],
        file_url: Callable[[str], str],
    ) -> None:
        """`file_url(batch_id)` is where the emulator serves the file of an export job."""
        self._vendors = {vendor.name: vendor for vendor in vendors}
        self._shapes = shapes
        self._encoder = msgspec.json.Encoder(decimal_format="number")
        self._samples: dict[tuple[str, str], bytes] = {}
        # A media type answered with a named type (`application/vnd.google-apps.pass: PassTickets`) takes
        # the sample of an operation that returns that type.
        self._samples_by_type: dict[tuple[str, str], bytes] = {}
        for vendor in vendors:
            for op in vendor.operations:
                if op.sample is None:
                    continue
                sample = op.sample.read_bytes()
                self._samples[(vendor.name, op.qualified_name)] = sample
                if op.response is not None:
                    self._samples_by_type.setdefault((vendor.name, spell(op.response)), sample)
        self.carts = CartFlow.for_vendors(vendors, self._samples)
        self.exports = Exports()
        self._export_flows = ExportFlow.for_vendors(
            vendors, self.exports, self._samples, shapes, file_url
        )
        # What `not_modified` operations report as their Last-Modified: when the emulator started.
        self._last_modified = int(time.time())

    # -- normal answers -----------------------------------------------------------------------

    def answer(
        self, route: Route, path_params: Mapping[str, str], body: bytes, accept: str = ""
    ) -> Answer:
        """The answer to a request that passed the checks, in the media type it accepts."""
        op = route.operation
        name = route.name
        compressible = op.compression != "unsupported"
        facts = self._vendors[route.vendor].emulator
        declared = op.default_media_type
        carts = self.carts.get(route.vendor)
        if carts is not None and carts.handles(name):
            try:
                # A body the operation does not declare was not checked: it is ignored, as sent.
                request = _json(body) if op.body is not None else None
                payload = carts.answer(name, path_params, request)
            except CartNotFound as exc:
                return self.error(route.vendor, 404, str(exc))
            except CartConflict as exc:
                return self.error(route.vendor, 409, str(exc))
            if payload is None:
                return Answer(204, content_type=None)
            return Answer(200, self._encoder.encode(payload), declared, compressible=compressible)
        flow = self._export_flows.get(route.vendor)
        if flow is not None and flow.handles(name):
            try:
                payload = flow.answer(name, path_params)
            except ExportNotFound as exc:
                return self.error(route.vendor, 404, str(exc))
            return Answer(200, self._encoder.encode(payload), declared, compressible=compressible)
        if facts is not None and name in facts.echo:
            return Answer(200, body or b"null", declared, compressible=compressible)
        offered = {m.media_type: m for m in op.media_types}
        media = next((offered[m] for m in _media_types(accept) if m in offered), None)
        if media is not None:
            return self._in_media_type(route.vendor, op, media, compressible)
        sample = self._samples.get((route.vendor, name))
        if sample is not None:
            return Answer(200, sample, declared, compressible=compressible)
        return self._minimal(route.vendor, op, compressible)

    def _in_media_type(
        self, vendor_key: str, op: Operation, media: MediaType, compressible: bool
    ) -> Answer:
        media_type = media.media_type
        if media.type is not None:
            sample = self._samples_by_type.get((vendor_key, spell(media.type)))
            if sample is None:
                sample = self._encoder.encode(self._shapes[vendor_key].minimal(media.type))
            return Answer(200, sample, media_type, compressible=compressible)
        default = json.loads(self._samples.get((vendor_key, op.qualified_name), b"null"))
        facts = self._vendors[vendor_key].emulator
        fields = facts.multipart_json_fields if facts is not None else None
        if fields is None:
            part = default if default is not None else {}
        else:
            kept = default if isinstance(default, dict) else {}
            part = {name: kept[name] for name in fields if name in kept}
        extension = media_type.rsplit("/", 1)[-1].rsplit(".", 1)[-1]
        body = (
            f"--{MULTIPART_BOUNDARY}\r\nContent-Type: application/json\r\n\r\n"
            f"{json.dumps(part)}\r\n"
            f"--{MULTIPART_BOUNDARY}\r\nContent-Type: {media_type}\r\n"
            f'Content-Disposition: attachment; filename="{op.qualified_name}.{extension}"\r\n\r\n'
            f"emulated {media_type} document\r\n"
            f"--{MULTIPART_BOUNDARY}--\r\n"
        ).encode()
        content_type = f'multipart/mixed; boundary="{MULTIPART_BOUNDARY}"'
        return Answer(200, body, content_type=content_type, compressible=compressible)

    def conditional(self, op: Operation, answer: Answer, if_modified_since: str | None) -> Answer:
        """For an operation that honours If-Modified-Since: a Last-Modified header, or 304 when unchanged."""
        if not op.not_modified or answer.status != 200:
            return answer
        last_modified = formatdate(self._last_modified, usegmt=True)
        since = _seconds(if_modified_since) if if_modified_since else None
        if since is not None and since >= self._last_modified:
            return Answer(304, content_type=None, headers=(("Last-Modified", last_modified),))
        return answer.with_header("Last-Modified", last_modified)

    def _minimal(self, vendor_key: str, op: Operation, compressible: bool) -> Answer:
        vendor = self._vendors[vendor_key]
        if op.enveloped:
            output = self._shapes[vendor_key].minimal(op.response) if op.response else []
            payload = self._envelope(vendor, vendor.envelope_success, "", "", output)
        elif op.response is None:
            return Answer(204, content_type=None)
        else:
            payload = self._shapes[vendor_key].minimal(op.response)
        declared = op.default_media_type
        return Answer(200, self._encoder.encode(payload), declared, compressible=compressible)

    @property
    def exporting_vendors(self) -> list[str]:
        """The vendors whose registry entry declares a batch export workflow."""
        return list(self._export_flows)

    # -- errors -------------------------------------------------------------------------------

    def rejection(
        self, vendor_key: str, op: Operation | None, message: str, status: int = 400
    ) -> Answer:
        """A request that broke a rule of the registry: `status` (400, or 401 for missing
        credentials), or HTTP 200 with an error envelope."""
        vendor = self._vendors[vendor_key]
        if op is not None and op.enveloped:
            return self._envelope_failure(vendor, message, REJECTION_ID)
        return self.error(vendor_key, status, message)

    def error(self, vendor_key: str | None, status: int, message: str) -> Answer:
        """An error status with the vendor's error body (plain JSON outside any vendor's mount)."""
        vendor = self._vendors.get(vendor_key) if vendor_key is not None else None
        if vendor is not None and vendor.envelope is not None:
            payload = self._envelope(vendor, "error", message, f"EMU-{status}", [])
        else:
            payload = {"status": status, "message": message}
        return Answer(status, self._encoder.encode(payload))

    def faulted(self, route: Route, fault: Fault, normal: Answer) -> Answer:
        """The answer a fault puts in place of the normal one (the normal one when it replaces none)."""
        vendor = self._vendors[route.vendor]
        status = fault.answer_status
        if status is not None:
            answer = self.error(route.vendor, status, f"{route.name}: injected HTTP {status}")
            return (
                answer.with_header("Retry-After", fault.retry_after)
                if fault.retry_after
                else answer
            )
        if fault.html:
            return Answer(200, _HTML_PAGE, content_type="text/html; charset=utf-8")
        if fault.invalid_json:
            text = normal.body if len(normal.body) > 1 else b'{"status": "ok", "output": '
            return Answer(200, text[: max(len(text) // 2, 1)])
        if fault.envelope_error:
            return self._envelope_failure(vendor, f"{route.name}: injected failure", FAULT_ID)
        if fault.drift and normal.status == 200 and normal.content_type == "application/json":
            payload, changes = drift(
                _json(normal.body), vendor, route.operation, fault.drift, fault.drift_depth
            )
            return replace(normal, body=self._encoder.encode(payload)).with_header(
                DRIFT_HEADER, "; ".join(changes)
            )
        return normal

    def _envelope_failure(self, vendor: Vendor, message: str, message_id: str) -> Answer:
        return Answer(
            200, self._encoder.encode(self._envelope(vendor, "error", message, message_id, []))
        )

    @staticmethod
    def _envelope(vendor: Vendor, status: str, message: str, message_id: str, output: Any) -> Any:
        if vendor.envelope is None:
            raise ValueError(f"{vendor.title} has no envelope")
        return {
            "result": {"status": status, "message": message, "messageid": message_id},
            "output": output,
        }


def _media_types(accept: str) -> list[str]:
    """The media types of an Accept header, without parameters, in the order given."""
    return [part.split(";")[0].strip().lower() for part in accept.split(",") if part.strip()]


def _seconds(http_date: str) -> float | None:
    """An HTTP date as a timestamp; None when it is not one (the header is then ignored, as HTTP says)."""
    try:
        return parsedate_to_datetime(http_date).timestamp()
    except (TypeError, ValueError, OverflowError):  # OverflowError: a year past what C can hold
        return None


def _json(body: bytes) -> Any:
    """The request body as JSON, numbers with a fraction kept exact (the checks already validated it)."""
    return json.loads(body, parse_float=Decimal) if body.strip() else None
