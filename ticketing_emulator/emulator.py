"""`Emulator`: both vendors' APIs on 127.0.0.1, built from `endpoints.yaml`.

For each request: route it (`arrive`, which also takes the fault waiting for the operation), record it,
check it against the registry, answer it (a sample, a minimal body, the cart or export job state or a
vendor-shaped error) and let a fault replace or spoil the answer (`respond`). `server.py` puts the answer
on the wire.

Besides the vendors' mounts, the emulator answers its control endpoints under `/_emulator/`, and acts as
the file host of export jobs: `GET /_emulator/exports/<batch ID>.tsv.gz`, outside every vendor's base
path, with no credentials asked for (a client must not send its API credentials to a file host; the
journal records which credential headers arrived, `ReceivedRequest.credentials`).
"""

from __future__ import annotations

import base64
import json
import logging
import re
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any
from urllib.parse import parse_qsl, quote, unquote, urlsplit

import msgspec

from ticketing_codegen import resolve, resources
from ticketing_emulator.checks import Incoming, RequestChecker
from ticketing_emulator.exports import ExportFile, ExportNotFound, ExportScript
from ticketing_emulator.faults import Drop, Fault, FaultBoard
from ticketing_emulator.journal import Journal, ReceivedRequest
from ticketing_emulator.limits import Limits
from ticketing_emulator.masking import HTTP_CREDENTIAL_HEADERS, Secrets
from ticketing_emulator.responses import Answer, Responder
from ticketing_emulator.routes import Found, RouteTable, Unknown, WrongMethod
from ticketing_emulator.server import EmulatorHTTPServer
from ticketing_emulator.shapes import Shapes

log = logging.getLogger("ticketing_emulator")

DEFAULT_REGISTRY = resources.REGISTRY
CONTROL_PREFIX = "/_emulator/"
EXPORTS_PATH = CONTROL_PREFIX + "exports/"
EXPORT_SUFFIX = ".tsv.gz"
_EXPORT_FILE = re.compile(r"exports/([^/]+)" + re.escape(EXPORT_SUFFIX))
# Header names that carry credentials besides every vendor's own (sent to a file host, they would leak).
CREDENTIAL_HEADERS = HTTP_CREDENTIAL_HEADERS
CREDENTIAL_PREFIXES = ("pac-",)
# Registry credentials that are not secrets: every HTTP client sends a User-Agent, naming software only.
NOT_CREDENTIALS = frozenset({"user-agent"})


class ExportScriptRequest(msgspec.Struct, forbid_unknown_fields=True):
    """The body of `POST /_emulator/exports`: the next export job's statuses and file (base64 gzip)."""

    statuses: list[str] | None = None
    data_base64: str | None = None


@dataclass(frozen=True)
class Arrival:
    """A request whose line and headers have been read, and where it goes."""

    method: str
    target: str
    headers: dict[str, str]
    match: Found | WrongMethod | Unknown
    fault: Fault | None

    @property
    def path(self) -> str:
        return urlsplit(self.target).path

    @property
    def vendor(self) -> str | None:
        return self.match.route.vendor if isinstance(self.match, Found) else self.match.vendor

    @property
    def operation(self) -> str | None:
        return self.match.route.name if isinstance(self.match, Found) else None


class Emulator:
    """The emulated vendor APIs. `start()` serves them on 127.0.0.1 (port 0: a free port)."""

    def __init__(
        self, registry: Path = DEFAULT_REGISTRY, port: int = 0, limits: Limits | None = None
    ) -> None:
        """`limits`: what a client may cost the emulator (`Limits()`, generous, when not given)."""
        vendors = resolve.load(registry)  # an invalid registry: `RegistryError`, with lines
        self._vendors = {vendor.name: vendor for vendor in vendors}
        self._routes = RouteTable(vendors)
        shapes = {vendor.name: Shapes(vendor) for vendor in vendors}
        self._checkers = {
            vendor.name: RequestChecker(vendor, shapes[vendor.name]) for vendor in vendors
        }
        self._responder = Responder(vendors, shapes, self._export_url)
        self._credential_headers = CREDENTIAL_HEADERS | {
            credential.header.lower()
            for vendor in vendors
            for credential in vendor.credentials
            if credential.header.lower() not in NOT_CREDENTIALS
        }
        # What `GET /_emulator/requests` shows as `***`.
        self._secrets = Secrets.of_vendors(vendors)
        self._faults = FaultBoard()
        self._limits = limits if limits is not None else Limits()
        self._journal = Journal(
            self._limits.journal_max_requests, self._limits.journal_max_body_bytes
        )
        self._port = port
        self._server: EmulatorHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # -- lifecycle ----------------------------------------------------------------------------

    def start(self) -> Emulator:
        if self._server is None:
            self._server = EmulatorHTTPServer(self._port, self, self._limits)
            self._thread = threading.Thread(
                target=self._server.serve_forever,
                kwargs={"poll_interval": 0.05},
                name=f"ticketing-emulator-{self.port}",
                daemon=True,
            )
            self._thread.start()
        return self

    def stop(self) -> None:
        server, self._server = self._server, None
        if server is None:
            return
        server.shutdown()
        server.close_connections()
        server.server_close()
        if self._thread is not None:
            self._thread.join()

    def __enter__(self) -> Emulator:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()

    @property
    def vendors(self) -> list[str]:
        return list(self._vendors)

    @property
    def port(self) -> int:
        if self._server is None:
            raise RuntimeError("the emulator is not running: call start()")
        return int(self._server.server_address[1])

    @property
    def url(self) -> str:
        """The root URL, e.g. http://127.0.0.1:8080."""
        return f"http://127.0.0.1:{self.port}"

    def servers(self, vendor: str) -> dict[str, str]:
        """Server name -> base URL, for the client's `servers=` argument."""
        if vendor not in self._routes.mounts:
            raise KeyError(f"no vendor `{vendor}`; vendors: {', '.join(self._routes.mounts)}")
        return {name: self.url + mount for name, mount in self._routes.mounts[vendor].items()}

    # -- what tests use -----------------------------------------------------------------------

    def inject(
        self,
        operation: str,
        *,
        vendor: str,
        times: int = 1,
        status: int | None = None,
        retry_after: str | None = None,
        delay: float = 0,
        slow_body: float = 0,
        drop: Drop | None = None,
        truncated_gzip: bool = False,
        invalid_json: bool = False,
        html: bool = False,
        envelope_error: bool = False,
        drift: Sequence[str] = (),
        drift_depth: int = 1,
    ) -> None:
        """Make the next `times` requests of `vendor`'s `operation` (e.g. "cart.checkout") go wrong.

        `drift` answers the normal body changed as a vendor changes its API (`drift.py`): any of
        "added_field", "new_enum_value", "missing_field".
        """
        self._routes.find(vendor, operation)
        if envelope_error and self._vendors[vendor].envelope is None:
            raise ValueError(f"{vendor} has no response envelope: inject a `status` instead")
        fault = Fault(
            status=status,
            retry_after=retry_after,
            delay=float(delay),
            slow_body=float(slow_body),
            drop=drop,
            truncated_gzip=truncated_gzip,
            invalid_json=invalid_json,
            html=html,
            envelope_error=envelope_error,
            drift=tuple(drift),  # type: ignore[arg-type]  # checked by Fault
            drift_depth=drift_depth,
        )
        self._faults.add(vendor, operation, fault, times)

    def script_export(
        self,
        *,
        statuses: list[str] | None = None,
        data: bytes | None = None,
        path: Path | None = None,
    ) -> None:
        """Set what the next export job does (each call scripts one more job, used in order).

        `statuses`: what its status calls answer, one per call, the last repeating (default: PENDING,
        then COMPLETED); any text is allowed, so an unknown status can be tried. Its file: `data` (sent
        as given, so a broken file can be tried) or the `path` of a file, read only while it is sent
        (large files); default: a valid export of two rows.
        """
        if not self._responder.exporting_vendors:
            raise ValueError("the registry declares no batch export workflow")
        if data is not None and path is not None:
            raise ValueError("give the file as `data` or as a `path`, not both")
        if path is not None and not Path(path).is_file():
            raise FileNotFoundError(f"no export file at {path}")
        file = (
            ExportFile(data=data, path=Path(path) if path is not None else None)
            if data is not None or path is not None
            else None
        )
        statuses_given = tuple(statuses) if statuses is not None else None
        self._responder.exports.script(ExportScript(statuses_given, file))

    @property
    def downloads(self) -> list[ReceivedRequest]:
        """The requests to the export file host since the last reset."""
        return [r for r in self._journal.requests if r.path.startswith(EXPORTS_PATH)]

    def hits(self, vendor: str, operation: str) -> int:
        """Requests received for the operation since the last reset, faulted and rejected ones included."""
        return self._journal.hits(vendor, operation)

    @property
    def requests(self) -> list[ReceivedRequest]:
        return self._journal.requests

    @property
    def problems(self) -> list[str]:
        """The message of every rejected request since the last reset."""
        return self._journal.problems

    def reset(self) -> None:
        """Forget requests, problems, pending faults, carts, export jobs and export scripts."""
        self._faults.clear()
        self._journal.clear()
        for carts in self._responder.carts.values():
            carts.clear()
        self._responder.exports.clear()

    # -- what the server calls ----------------------------------------------------------------

    def arrive(self, method: str, target: str, headers: dict[str, str]) -> Arrival:
        match = self._routes.match(method, urlsplit(target).path)
        fault = (
            self._faults.take(match.route.vendor, match.route.name)
            if isinstance(match, Found)
            else None
        )
        return Arrival(method, target, headers, match, fault)

    def dropped(self, arrival: Arrival) -> None:
        """A request whose connection is closed before it is read (`drop="before_read"`)."""
        self._record(arrival, b"")
        log.info(
            "%s %s: connection dropped unread (injected)", arrival.method, self._shown(arrival)
        )

    def unreadable(self, arrival: Arrival, reason: str, status: int = 400) -> Answer:
        """A request whose body is not read: malformed (400), too large (413) or stalled (408)."""
        self._record(arrival, b"")
        return self._reject(arrival, status, f"framing: {reason}")

    def refused(self, method: str, target: str, headers: dict[str, str], reason: str) -> Answer:
        """A request refused before it is routed (a target that is not a path): recorded, never served."""
        arrival = Arrival(method, target, headers, Unknown(None, target), None)
        self._record(arrival, b"")
        return self._reject(arrival, 400, reason)

    def respond(self, arrival: Arrival, body: bytes) -> Answer:
        if arrival.path.startswith(CONTROL_PREFIX):
            return self._control(arrival, body)
        if arrival.path == "/" and arrival.method == "GET":
            return self._index()
        self._record(arrival, body)
        match = arrival.match
        if isinstance(match, Unknown):
            return self._reject(arrival, 404, f"route: no operation at {arrival.path}")
        if isinstance(match, WrongMethod):
            allowed = ", ".join(match.allowed)
            message = f"method: {arrival.path} takes {allowed}, not {arrival.method}"
            return self._reject(arrival, 405, message).with_header("Allow", allowed)
        headers = {name.lower(): value for name, value in arrival.headers.items()}
        answer = self._operation_answer(arrival, match, headers, body)
        fault = arrival.fault
        if fault is not None:
            if fault.drop == "after_read":
                log.info("%s %s: answer dropped (injected)", arrival.method, self._shown(arrival))
            answer = self._responder.faulted(match.route, fault, answer)
        answer = answer.encoded(
            accepts_gzip="gzip" in headers.get("accept-encoding", "").lower(),
            truncate_gzip=fault is not None and fault.truncated_gzip,
        )
        id_header = self._vendors[match.route.vendor].request_id_header
        request_id = headers.get(id_header.lower()) if id_header else None
        return answer.with_header(id_header, request_id) if id_header and request_id else answer

    def _operation_answer(
        self, arrival: Arrival, match: Found, headers: dict[str, str], body: bytes
    ) -> Answer:
        """The answer of a routed request: the rejection, or the operation's answer."""
        route = match.route
        incoming = Incoming(
            path_params=match.path_params,
            query=parse_qsl(urlsplit(arrival.target).query, keep_blank_values=True),
            headers=headers,
            body=body,
        )
        rejection = self._checkers[route.vendor].check(route, incoming)
        if rejection is not None:
            message = rejection.message(route.name)
            answer = self._responder.rejection(
                route.vendor, route.operation, message, rejection.status
            )
            self._note(arrival, answer.status, message)
            return answer
        answer = self._responder.answer(route, match.path_params, body, headers.get("accept", ""))
        return self._responder.conditional(
            route.operation, answer, headers.get("if-modified-since")
        )

    # -- inside ---------------------------------------------------------------------------------

    def _record(self, arrival: Arrival, body: bytes) -> None:
        credentials = tuple(
            name
            for name in arrival.headers
            if name.lower() in self._credential_headers
            or name.lower().startswith(CREDENTIAL_PREFIXES)
        )
        self._journal.record(
            ReceivedRequest(
                arrival.vendor,
                arrival.operation,
                arrival.method,
                arrival.target,
                arrival.headers,
                body,
                credentials,
            )
        )

    def _export_url(self, batch_id: str) -> str:
        return f"{self.url}{EXPORTS_PATH}{quote(batch_id, safe='')}{EXPORT_SUFFIX}"

    def _reject(self, arrival: Arrival, status: int, message: str) -> Answer:
        answer = self._responder.error(arrival.vendor, status, message)
        self._note(arrival, status, message)
        return answer

    def _note(self, arrival: Arrival, status: int, message: str) -> None:
        self._journal.problem(message)
        log.warning("%s %s -> %d: %s", arrival.method, self._shown(arrival), status, message)

    def _shown(self, arrival: Arrival) -> str:
        """The target for a log line, secret query values masked."""
        split = urlsplit(arrival.target)
        if not isinstance(arrival.match, Found):
            return split.path
        query = arrival.match.route.operation.params_in("query")
        pairs = [
            f"{quote(name, safe='')}={'***' if name in query and query[name].secret else quote(value, safe='')}"
            for name, value in parse_qsl(split.query, keep_blank_values=True)
        ]
        return split.path + ("?" + "&".join(pairs) if pairs else "")

    def _index(self) -> Answer:
        payload = {"vendors": {vendor: self.servers(vendor) for vendor in self._vendors}}
        return Answer(200, json.dumps(payload, indent=2).encode())

    def _control(self, arrival: Arrival, body: bytes) -> Answer:
        """`POST /_emulator/faults`, `POST /_emulator/exports`, `POST /_emulator/reset`,
        `GET /_emulator/requests`, and the export file host, `GET /_emulator/exports/<id>.tsv.gz`."""
        action = (arrival.method, arrival.path.removeprefix(CONTROL_PREFIX).rstrip("/"))
        exported = _EXPORT_FILE.fullmatch(action[1])
        if exported is not None and arrival.method in ("GET", "HEAD"):
            self._record(arrival, body)
            return self._export_file(unquote(exported.group(1)))
        if action == ("POST", "exports"):
            try:
                script = msgspec.json.decode(body or b"{}", type=ExportScriptRequest)
                data = (
                    base64.b64decode(script.data_base64, validate=True)
                    if script.data_base64 is not None
                    else None
                )
                self.script_export(statuses=script.statuses, data=data)
            except (ValueError, msgspec.DecodeError) as exc:  # binascii.Error is a ValueError
                return self._control_error(str(exc))
            scripted = {"statuses": script.statuses, "size": None if data is None else len(data)}
            return Answer(200, json.dumps({"scripted": scripted}).encode())
        if action == ("GET", "requests"):
            payload: Any = {
                "requests": [request.to_dict(self._secrets) for request in self.requests],
                "problems": self.problems,
            }
            return Answer(200, json.dumps(payload).encode())
        if action == ("POST", "reset"):
            self.reset()
            return Answer(200, b'{"reset": true}')
        if action == ("POST", "faults"):
            try:
                data = json.loads(body or b"null")
                if not isinstance(data, Mapping):
                    raise ValueError(
                        "send a JSON object: {vendor, operation, times?, <fault keys>}"
                    )
                settings = dict(data)
                vendor = settings.pop("vendor")
                operation = settings.pop("operation")
                times = settings.pop("times", 1)
                Fault.from_json(settings)  # unknown keys and wrong types, before anything is queued
                self.inject(operation, vendor=vendor, times=times, **settings)
            except KeyError as exc:
                return self._control_error(f"missing or unknown: {exc.args[0]}")
            except (ValueError, TypeError, RecursionError, msgspec.ValidationError) as exc:
                return self._control_error(str(exc))
            return Answer(200, json.dumps({"injected": data}).encode())
        return self._control_error(
            "control endpoints: POST /_emulator/faults, POST /_emulator/exports, "
            "POST /_emulator/reset, GET /_emulator/requests; export files: "
            f"GET {EXPORTS_PATH}<batch ID>{EXPORT_SUFFIX}",
            status=404,
        )

    def _export_file(self, batch_id: str) -> Answer:
        """A job's export file, as a file host sends it: gzip itself, not gzip-encoded for transport."""
        try:
            file = self._responder.exports.file(batch_id)
        except ExportNotFound as exc:
            return self._control_error(str(exc), status=404)
        disposition = f'attachment; filename="{batch_id}{EXPORT_SUFFIX}"'
        return Answer(
            200,
            file.data or b"",
            content_type="application/gzip",
            headers=(("Content-Disposition", disposition),),
            body_file=file.path,
        )

    @staticmethod
    def _control_error(message: str, status: int = 400) -> Answer:
        return Answer(status, json.dumps({"status": status, "message": message}).encode())
