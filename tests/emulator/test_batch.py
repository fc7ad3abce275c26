"""Batch exports: a job per export, scripted statuses per status call, its file served for download."""

from __future__ import annotations

import base64
import gzip
import hashlib
import os
import time
from pathlib import Path

import msgspec
import pytest
import urllib3

from paciolan import PaciolanClient
from paciolan.errors import NotFoundError
from paciolan.models import BatchJobStatus
from tests.local_server import PACIOLAN_HEADERS, send, send_json
from ticketing_codegen import registry
from ticketing_emulator import DEFAULT_REGISTRY, Emulator, export_file

SPEC, _ = registry.load(DEFAULT_REGISTRY)
COLUMNS = list(SPEC.vendors["paciolan"].types["OrderExportRow"].fields or {})
ROW = ["1000123", "false", "", "Smith", "Jo", "jo@example.com", "", "USD", "F19"] + [""] * 35
FILE = export_file([ROW, ROW])
LARGE_FILE_SIZE = 50 * 1024 * 1024

PENDING, COMPLETED, ERROR = BatchJobStatus.PENDING, BatchJobStatus.COMPLETED, BatchJobStatus.ERROR


def _completed_url(emulated_paciolan: PaciolanClient) -> str:
    """Start a job and poll it until it reports its download URL."""
    job = emulated_paciolan.batch.export_orders(season_code="F19")
    for _ in range(10):
        status = emulated_paciolan.batch.get_status(batch_id=job.batch_id)
        if isinstance(status.download_url, str):
            return status.download_url
    raise AssertionError(f"job {job.batch_id} never completed")


def _fetch(url: str, headers: dict[str, str] | None = None) -> urllib3.BaseHTTPResponse:
    return urllib3.request("GET", url, headers=headers, timeout=5, retries=False)


# -- jobs and statuses ------------------------------------------------------------------------------


def test_an_export_schedules_a_job_with_a_new_batch_id(emulated_paciolan: PaciolanClient) -> None:
    first = emulated_paciolan.batch.export_orders(season_code="F19")
    second = emulated_paciolan.batch.export_orders(patron="1000123")

    assert (first.status, second.status) == (BatchJobStatus.SCHEDULED, BatchJobStatus.SCHEDULED)
    assert first.batch_id and second.batch_id
    assert first.batch_id != second.batch_id


def test_a_job_reports_its_scripted_statuses_one_per_call_then_repeats_the_last(
    emulator: Emulator, emulated_paciolan: PaciolanClient
) -> None:
    emulator.script_export(statuses=["PENDING", "PENDING", "COMPLETED"])
    job = emulated_paciolan.batch.export_orders(season_code="F19")

    statuses = [emulated_paciolan.batch.get_status(batch_id=job.batch_id).status for _ in range(4)]

    assert statuses == [PENDING, PENDING, COMPLETED, COMPLETED]


def test_a_job_without_a_script_is_pending_then_completed(
    emulated_paciolan: PaciolanClient,
) -> None:
    job = emulated_paciolan.batch.export_orders(season_code="F19")

    statuses = [emulated_paciolan.batch.get_status(batch_id=job.batch_id).status for _ in range(3)]

    assert statuses == [PENDING, COMPLETED, COMPLETED]


def test_the_status_names_its_batch_and_gives_the_download_url_once_completed(
    emulator: Emulator, emulated_paciolan: PaciolanClient
) -> None:
    job = emulated_paciolan.batch.export_orders(season_code="F19")

    pending = emulated_paciolan.batch.get_status(batch_id=job.batch_id)
    completed = emulated_paciolan.batch.get_status(batch_id=job.batch_id)

    assert (pending.batch_id, pending.download_url) == (job.batch_id, msgspec.UNSET)
    assert completed.batch_id == job.batch_id
    assert completed.download_url == f"{emulator.url}/_emulator/exports/{job.batch_id}.tsv.gz"


def test_the_status_key_keeps_the_vendors_trailing_space(emulator: Emulator) -> None:
    base = emulator.servers("paciolan")["default"]
    job = send(base + "/batch/export/orders?seasonCode=F19", headers=PACIOLAN_HEADERS).json()

    status = send(base + f"/batch/status/{job['batchID']}", headers=PACIOLAN_HEADERS).json()

    assert status == {"status ": "PENDING", "batchID": job["batchID"]}


def test_the_download_url_is_outside_the_api_base_path(
    emulator: Emulator, emulated_paciolan: PaciolanClient
) -> None:
    url = _completed_url(emulated_paciolan)

    assert not any(url.startswith(base) for base in emulator.servers("paciolan").values())


def test_a_job_scripted_to_fail_reports_error_and_no_download_url(
    emulator: Emulator, emulated_paciolan: PaciolanClient
) -> None:
    emulator.script_export(statuses=["PENDING", "ERROR"])
    job = emulated_paciolan.batch.export_orders(season_code="F19")

    statuses = [emulated_paciolan.batch.get_status(batch_id=job.batch_id) for _ in range(3)]

    assert [s.status for s in statuses] == [PENDING, ERROR, ERROR]
    assert all(s.download_url is msgspec.UNSET for s in statuses)


def test_an_unknown_batch_is_not_found(emulated_paciolan: PaciolanClient) -> None:
    with pytest.raises(NotFoundError) as raised:
        emulated_paciolan.batch.get_status(batch_id="1529-unknown")

    assert raised.value.status == 404
    assert b"no batch job 1529-unknown" in raised.value.body


def test_scripts_apply_to_the_next_jobs_in_the_order_given(
    emulator: Emulator, emulated_paciolan: PaciolanClient
) -> None:
    emulator.script_export(statuses=["ERROR"])
    emulator.script_export(statuses=["SCHEDULED"])
    jobs = [emulated_paciolan.batch.export_orders(season_code="F19") for _ in range(3)]

    statuses = [emulated_paciolan.batch.get_status(batch_id=job.batch_id).status for job in jobs]

    assert statuses == [ERROR, BatchJobStatus.SCHEDULED, PENDING]


def test_reset_forgets_jobs_and_scripts(
    emulator: Emulator, emulated_paciolan: PaciolanClient
) -> None:
    job = emulated_paciolan.batch.export_orders(season_code="F19")
    emulator.script_export(statuses=["ERROR"])

    emulator.reset()

    with pytest.raises(NotFoundError):
        emulated_paciolan.batch.get_status(batch_id=job.batch_id)
    fresh = emulated_paciolan.batch.export_orders(season_code="F19")
    assert emulated_paciolan.batch.get_status(batch_id=fresh.batch_id).status == PENDING


# -- the file host ----------------------------------------------------------------------------------


def test_the_download_is_exactly_the_scripted_gzip_file(
    emulator: Emulator, emulated_paciolan: PaciolanClient
) -> None:
    emulator.script_export(statuses=["PENDING", "PENDING", "COMPLETED"], data=FILE)

    reply = _fetch(_completed_url(emulated_paciolan))

    assert reply.status == 200
    assert reply.data == FILE
    assert reply.headers["Content-Type"] == "application/gzip"
    assert "Content-Encoding" not in reply.headers


def test_the_default_file_is_two_rows_of_every_column(emulated_paciolan: PaciolanClient) -> None:
    reply = _fetch(_completed_url(emulated_paciolan))

    text = gzip.decompress(reply.data).decode()
    lines = text.split("\r\n")
    assert lines[-1] == ""  # every record ends in CRLF
    assert [len(line.split("\t")) for line in lines[:-1]] == [len(COLUMNS), len(COLUMNS)]


def test_the_file_host_needs_no_credentials(
    emulator: Emulator, emulated_paciolan: PaciolanClient
) -> None:
    url = _completed_url(emulated_paciolan)

    reply = _fetch(url)

    assert reply.status == 200
    (download,) = emulator.downloads
    assert download.credentials == ()
    assert emulator.problems == []


def test_credentials_sent_to_the_file_host_are_recorded(
    emulator: Emulator, emulated_paciolan: PaciolanClient
) -> None:
    url = _completed_url(emulated_paciolan)

    _fetch(url, headers={"PAC-API-Key": "key", "Authorization": "Bearer t", "User-Agent": "T/1"})

    (download,) = emulator.downloads
    assert set(download.credentials) == {"PAC-API-Key", "Authorization"}


def test_a_file_is_not_served_before_its_job_completes(
    emulator: Emulator, emulated_paciolan: PaciolanClient
) -> None:
    job = emulated_paciolan.batch.export_orders(season_code="F19")
    emulated_paciolan.batch.get_status(batch_id=job.batch_id)  # PENDING

    reply = _fetch(f"{emulator.url}/_emulator/exports/{job.batch_id}.tsv.gz")

    assert reply.status == 404


def test_head_on_the_file_gives_its_size(
    emulator: Emulator, emulated_paciolan: PaciolanClient
) -> None:
    emulator.script_export(data=FILE)
    url = _completed_url(emulated_paciolan)

    reply = urllib3.request("HEAD", url, timeout=5, retries=False)

    assert (reply.status, reply.data) == (200, b"")
    assert reply.headers["Content-Length"] == str(len(FILE))


def test_a_large_file_from_a_path_downloads_whole(
    emulator: Emulator, emulated_paciolan: PaciolanClient, tmp_path: Path
) -> None:
    path = tmp_path / "orders.tsv.gz"
    with gzip.open(path, "wb", compresslevel=0) as file:  # stored: as large as its content
        for _ in range(LARGE_FILE_SIZE // (1024 * 1024)):
            file.write(os.urandom(1024 * 1024))
    expected = hashlib.sha256(path.read_bytes()).hexdigest()
    emulator.script_export(statuses=["COMPLETED"], path=path)
    url = _completed_url(emulated_paciolan)

    started = time.perf_counter()
    reply = urllib3.request("GET", url, timeout=5, retries=False, preload_content=False)
    digest, size = hashlib.sha256(), 0
    for chunk in reply.stream(1024 * 1024):
        digest.update(chunk)
        size += len(chunk)
    elapsed = time.perf_counter() - started

    assert (size, digest.hexdigest()) == (path.stat().st_size, expected)
    assert size > LARGE_FILE_SIZE
    assert elapsed < 10, f"50 MB took {elapsed:.1f} s on loopback"


# -- scripting -------------------------------------------------------------------------------------


def test_an_export_is_scripted_over_http(
    emulator: Emulator, emulated_paciolan: PaciolanClient
) -> None:
    script = {"statuses": ["COMPLETED"], "data_base64": base64.b64encode(FILE).decode()}

    reply = send_json(emulator.url + "/_emulator/exports", "POST", script, {})

    assert reply.status == 200
    job = emulated_paciolan.batch.export_orders(season_code="F19")
    status = emulated_paciolan.batch.get_status(batch_id=job.batch_id)
    assert status.status == COMPLETED
    assert _fetch(str(status.download_url)).data == FILE


@pytest.mark.parametrize(
    "script",
    [
        {"statuses": ["COMPLETED"], "stauses": []},
        {"data_base64": "not base64!"},
        {"statuses": []},
        {"statuses": "COMPLETED"},
    ],
    ids=["unknown key", "bad base64", "no statuses", "statuses not a list"],
)
def test_a_bad_script_over_http_is_refused(emulator: Emulator, script: object) -> None:
    reply = send_json(emulator.url + "/_emulator/exports", "POST", script, {})

    assert reply.status == 400
    assert reply.json()["message"]


def test_a_file_is_given_as_data_or_as_a_path_not_both(emulator: Emulator, tmp_path: Path) -> None:
    path = tmp_path / "orders.tsv.gz"
    path.write_bytes(FILE)

    with pytest.raises(ValueError, match="not both"):
        emulator.script_export(data=FILE, path=path)


def test_a_missing_file_is_refused_when_scripted(emulator: Emulator, tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        emulator.script_export(path=tmp_path / "missing.tsv.gz")
