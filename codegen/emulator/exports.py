"""Batch export jobs: started by one operation, polled through another, their file served for download.

The registry's `workflows.batch_export` names everything (Paciolan: `batch.export_orders` starts a job,
`batch.get_status` reports it, `COMPLETED` is done, `downloadUrl` carries the file's URL, `OrderExportRow`
gives the file's columns). Each start makes a job with a new batch ID, answered with the start operation's
sample (its ID replaced). Each status call moves the job one step along its script of statuses (by
default a waiting status, then done); past the end of the script the last status repeats. Once a status
call has answered done, the answer carries the download URL and the job's file can be downloaded from
the emulator's file host (`Emulator` serves it outside every vendor's mount, without credentials).

A job's script and file are set beforehand (`Exports.script`); without one a job gets the default: a
small valid export of two rows, built from the row type's columns. A status call answered with an
injected fault still takes its step, as a checkout under a fault still checks the cart out.
"""

from __future__ import annotations

import copy
import gzip
import itertools
import json
import threading
import uuid
from collections import deque
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from codegen import names, typeexpr
from codegen.emulator.shapes import Shapes
from codegen.schema import BatchExportWorkflow, Field, Registry, TypeDef, Vendor

# The status a default job reports before it is done (Paciolan: "processing is underway").
WAITING = "PENDING"
DEFAULT_ROWS = 2
# A valid cell of each column type of the row type, for row `n` (1, 2, ...) of the default file.
_CELLS: dict[str, Callable[[str, int], str]] = {
    "str": lambda column, n: f"{column}-{n}",
    "int": lambda column, n: str(n),
    "decimal": lambda column, n: f"{n * 25}.50",
    "bool": lambda column, n: "true" if n % 2 else "false",
    "date": lambda column, n: f"2024-09-{n:02d}",
}


class ExportNotFound(LookupError):
    """No job with that batch ID, or its file is not ready to download."""


def export_file(rows: Iterable[Sequence[str]]) -> bytes:
    """An export file as the vendor sends it: tab-delimited records ending in CRLF, gzip-compressed."""
    text = b"".join("\t".join(cells).encode() + b"\r\n" for cells in rows)
    return gzip.compress(text, mtime=0)


def sample_rows(row_type: TypeDef, count: int = DEFAULT_ROWS) -> list[list[str]]:
    """`count` rows whose every cell is valid for its column's type (text cells name their column)."""
    columns: list[tuple[str, str]] = []
    for wire, raw in (row_type.fields or {}).items():
        ref = typeexpr.parse(raw if isinstance(raw, str) else raw.type)
        base = ref.inner if isinstance(ref, typeexpr.Nullable) else ref
        columns.append((wire, base.name if isinstance(base, typeexpr.Named) else ""))
    return [
        [_CELLS[kind](wire, n) if kind in _CELLS else "" for wire, kind in columns]
        for n in range(1, count + 1)
    ]


@dataclass(frozen=True)
class ExportFile:
    """A job's file: its bytes, or the path of a file read only while it is sent (large exports)."""

    data: bytes | None = None
    path: Path | None = None

    def __post_init__(self) -> None:
        if (self.data is None) == (self.path is None):
            raise ValueError("an export file is either `data` or a `path`")


@dataclass(frozen=True)
class ExportScript:
    """What one job does: the statuses of its status calls, in order, and its file (None: the default)."""

    statuses: tuple[str, ...] | None = None
    file: ExportFile | None = None

    def __post_init__(self) -> None:
        if self.statuses is not None and (
            not self.statuses or not all(isinstance(s, str) and s for s in self.statuses)
        ):
            raise ValueError(f"statuses must be a non-empty list of text, got {self.statuses!r}")


@dataclass
class _Job:
    statuses: tuple[str, ...]
    file: ExportFile
    done: str
    calls: int = 0
    ready: bool = False  # a status call answered done: the file may be downloaded


class Exports:
    """The jobs of one emulator, and the scripts waiting for the next jobs; thread-safe."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._numbers = itertools.count(1)
        self._jobs: dict[str, _Job] = {}
        self._scripts: deque[ExportScript] = deque()

    def script(self, script: ExportScript) -> None:
        """Script the next job not yet scripted (the scripts are used in the order given)."""
        with self._lock:
            self._scripts.append(script)

    def start(self, statuses: tuple[str, ...], file: ExportFile, done: str) -> str:
        """A new job following the next script (what it leaves unset: `statuses`, `file`); its ID."""
        with self._lock:
            script = self._scripts.popleft() if self._scripts else ExportScript()
            # Shaped like the vendor's IDs (`1529-27274785-37d4-...`): a number, then a UUID.
            batch_id = f"{next(self._numbers)}-{uuid.uuid4()}"
            self._jobs[batch_id] = _Job(script.statuses or statuses, script.file or file, done)
            return batch_id

    def step(self, batch_id: str) -> tuple[str, bool]:
        """The job's next status, and whether its file is ready (the job has reported done)."""
        with self._lock:
            job = self._find(batch_id)
            statuses = job.statuses
            status = statuses[min(job.calls, len(statuses) - 1)]
            job.calls += 1
            job.ready = job.ready or status == job.done
            return status, job.ready

    def file(self, batch_id: str) -> ExportFile:
        """The file of a job that has reported done."""
        with self._lock:
            job = self._find(batch_id)
            if not job.ready:
                raise ExportNotFound(f"the export of batch job {batch_id} is not ready")
            return job.file

    def clear(self) -> None:
        """Forget every job and script; numbering goes on, so an old ID never names a new job."""
        with self._lock:
            self._jobs.clear()
            self._scripts.clear()

    def _find(self, batch_id: str) -> _Job:
        job = self._jobs.get(batch_id)
        if job is None:
            raise ExportNotFound(f"no batch job {batch_id}")
        return job


class ExportFlow:
    """Answers one vendor's start and status operations from `Exports`, as its workflow says."""

    def __init__(
        self,
        vendor: Vendor,
        workflow: BatchExportWorkflow,
        exports: Exports,
        samples: Mapping[str, bytes],
        shapes: Shapes,
        file_url: Callable[[str], str],
    ) -> None:
        group = workflow.group
        self.start_operation = f"{group}.{workflow.start}"
        self.status_operation = f"{group}.{workflow.status}"
        operations = {op.name: op for op in vendor.operations}
        for name in (self.start_operation, self.status_operation):
            if name not in operations:
                raise ValueError(f"the batch export workflow names `{name}`, which is not declared")
        start, status = operations[self.start_operation], operations[self.status_operation]
        if start.response is None or not start.response.type:
            raise ValueError(f"{self.start_operation} needs a response type (the job)")
        if status.response is None or not status.response.type or len(status.path_params) != 1:
            raise ValueError(
                f"{self.status_operation} needs a response type and one path parameter (the job ID)"
            )
        job_type, status_type = start.response.type, status.response.type
        (self._id_param,) = status.path_params
        self._job_id = _field_named(vendor, job_type, self._id_param)
        self._status_field = _enum_field(vendor, status_type)
        status_fields = vendor.types[status_type].fields or {}
        self._status_has_id = self._job_id in status_fields
        if workflow.download_url not in status_fields:
            raise ValueError(f"`{status_type}` has no field `{workflow.download_url}`")
        self._download_url = workflow.download_url
        self._done = workflow.done
        self._exports = exports
        self._file_url = file_url
        self._job_sample = _sample(samples, self.start_operation, shapes, job_type)
        self._status_sample = _sample(samples, self.status_operation, shapes, status_type)
        self._statuses = (WAITING, workflow.done)
        self._file = ExportFile(data=export_file(sample_rows(vendor.types[workflow.row_type])))

    @classmethod
    def for_registry(
        cls,
        registry: Registry,
        exports: Exports,
        samples: Mapping[tuple[str, str], bytes],
        shapes: Mapping[str, Shapes],
        file_url: Callable[[str], str],
    ) -> dict[str, ExportFlow]:
        """The flow of every vendor whose registry entry declares a batch export workflow."""
        flows: dict[str, ExportFlow] = {}
        for key, vendor in registry.vendors.items():
            workflow = vendor.workflows.batch_export if vendor.workflows is not None else None
            if workflow is not None:
                own = {name: sample for (owner, name), sample in samples.items() if owner == key}
                flows[key] = cls(vendor, workflow, exports, own, shapes[key], file_url)
        return flows

    def handles(self, operation: str) -> bool:
        return operation in (self.start_operation, self.status_operation)

    def answer(self, operation: str, path_params: Mapping[str, str]) -> Any:
        """The JSON payload of the answer; raises `ExportNotFound` for an unknown batch ID."""
        if operation == self.start_operation:
            job = copy.deepcopy(self._job_sample)
            job[self._job_id] = self._exports.start(self._statuses, self._file, self._done)
            return job
        batch_id = path_params[self._id_param]
        status, ready = self._exports.step(batch_id)
        answer = copy.deepcopy(self._status_sample)
        answer[self._status_field] = status
        if self._status_has_id:
            answer[self._job_id] = batch_id
        answer.pop(self._download_url, None)
        if ready:
            answer[self._download_url] = self._file_url(batch_id)
        return answer


def _fields(vendor: Vendor, type_name: str) -> dict[str, str | Field]:
    spec = vendor.types.get(type_name)
    if spec is None or spec.fields is None:
        raise ValueError(f"`{type_name}` is not an object type")
    return spec.fields


def _field_named(vendor: Vendor, type_name: str, python_name: str) -> str:
    """The wire name of the field whose Python name is `python_name` (`batch_id` -> `batchID`)."""
    for wire, raw in _fields(vendor, type_name).items():
        explicit = raw.name if isinstance(raw, Field) else None
        if (explicit or names.snake_case(wire)) == python_name:
            return wire
    raise ValueError(f"`{type_name}` has no field for `{python_name}`")


def _enum_field(vendor: Vendor, type_name: str) -> str:
    """The wire name of the type's status: its field of an enum type (`"status "`, trailing space)."""
    for wire, raw in _fields(vendor, type_name).items():
        spec = vendor.types.get(raw if isinstance(raw, str) else raw.type)
        if spec is not None and spec.enum is not None:
            return wire
    raise ValueError(f"`{type_name}` has no field of an enum type (the job status)")


def _sample(
    samples: Mapping[str, bytes], operation: str, shapes: Shapes, type_name: str
) -> dict[str, Any]:
    """The operation's sample, or the smallest value of its type, as a JSON object to fill in."""
    sample = samples.get(operation)
    value = json.loads(sample, parse_float=Decimal) if sample else shapes.minimal(type_name)
    if not isinstance(value, dict):
        raise ValueError(f"the answer of {operation} must be a JSON object")
    return value
