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

from ticketing_codegen.model import BatchExport, Column, Vendor
from ticketing_codegen.typeexpr import Named
from ticketing_emulator.shapes import Shapes

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


def sample_rows(columns: Sequence[Column], count: int = DEFAULT_ROWS) -> list[list[str]]:
    """`count` rows whose every cell is valid for its column's type (text cells name their column)."""
    return [[_CELLS[c.kind](c.wire, n) for c in columns] for n in range(1, count + 1)]


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
        workflow: BatchExport,
        exports: Exports,
        samples: Mapping[str, bytes],
        shapes: Shapes,
        file_url: Callable[[str], str],
    ) -> None:
        """`samples`: the vendor's response samples by operation name (the resolver checked the rest)."""
        self.start_operation = workflow.start.qualified_name
        self.status_operation = workflow.status.qualified_name
        self._id_param = next(p.wire for p in workflow.status.params if p.location == "path")
        self._job_id = workflow.job_id.wire
        self._status_field = workflow.status_field.wire
        self._status_has_id = workflow.status_type.field(self._job_id) is not None
        self._download_url = workflow.download_url.wire
        done = str(workflow.done.value)
        self._done = done
        self._exports = exports
        self._file_url = file_url
        self._job_sample = _sample(samples, self.start_operation, shapes, workflow.job_type.name)
        self._status_sample = _sample(
            samples, self.status_operation, shapes, workflow.status_type.name
        )
        self._statuses = (WAITING, done)
        self._file = ExportFile(data=export_file(sample_rows(workflow.columns)))

    @classmethod
    def for_vendors(
        cls,
        vendors: list[Vendor],
        exports: Exports,
        samples: Mapping[tuple[str, str], bytes],
        shapes: Mapping[str, Shapes],
        file_url: Callable[[str], str],
    ) -> dict[str, ExportFlow]:
        """The flow of every vendor whose registry entry declares a batch export workflow."""
        flows: dict[str, ExportFlow] = {}
        for vendor in vendors:
            for workflow in vendor.workflows:
                if isinstance(workflow, BatchExport):
                    own = {
                        name: sample
                        for (owner, name), sample in samples.items()
                        if owner == vendor.name
                    }
                    flows[vendor.name] = cls(workflow, exports, own, shapes[vendor.name], file_url)
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


def _sample(
    samples: Mapping[str, bytes], operation: str, shapes: Shapes, type_name: str
) -> dict[str, Any]:
    """The operation's sample, or the smallest value of its type, as a JSON object to fill in."""
    sample = samples.get(operation)
    value = json.loads(sample, parse_float=Decimal) if sample else shapes.minimal(Named(type_name))
    if not isinstance(value, dict):
        raise ValueError(f"the answer of {operation} must be a JSON object")
    return value
