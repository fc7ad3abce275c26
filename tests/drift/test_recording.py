"""Drift recording in the clients: what is recorded, once, without secrets, within bounds, from many threads."""

from __future__ import annotations

import importlib
import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import msgspec
import pytest

from paciolan import PaciolanClient, _drift, errors
from tests.conftest import PACIOLAN_KEY, SAMPLES, paciolan_at, sample
from tests.local_server import LocalServer, Reply

BEARER = "Bearer SECRET-bearer-0000"

# A failure inside recording is only a warning for users; here it fails the test.
pytestmark = pytest.mark.filterwarnings("error::RuntimeWarning")


def _client(url: str, directory: Path | None) -> PaciolanClient:
    return paciolan_at(url, record_drift=directory)


@pytest.fixture
def recorded(tmp_path: Path) -> Path:
    return tmp_path / "drift"


@pytest.fixture
def client(http: LocalServer, recorded: Path) -> Iterator[PaciolanClient]:
    with _client(http.url, recorded) as recording:
        yield recording


def _records(directory: Path) -> list[dict[str, Any]]:
    return [json.loads(p.read_text()) for p in sorted(directory.glob(f"*{_drift.RECORD_SUFFIX}"))]


def _ticket(**changes: Any) -> dict[str, Any]:
    ticket: dict[str, Any] = json.loads(sample("paciolan", "tickets.get"))
    ticket.update(changes)
    return ticket


def test_recording_is_off_by_default_and_its_module_never_loaded() -> None:
    code = (
        "import sys; from paciolan import PaciolanClient; "
        "c = PaciolanClient(api_key='k', application_id='a', channel_code='c', organization_id=1, "
        "user_agent='T/1.0.0'); "
        "print(c._transport.drift is None, 'paciolan._drift' in sys.modules)"
    )
    env = {k: v for k, v in os.environ.items() if k != "PACIOLAN_RECORD_DRIFT"}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    )
    assert done.stdout.split() == ["True", "False"]


def test_the_registry_names_the_environment_variable_that_turns_recording_on(
    http: LocalServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PACIOLAN_RECORD_DRIFT", str(tmp_path / "from-env"))
    http.reply(body=_ticket(loyaltyTier="gold"))

    _client(http.url, None).tickets.get(ticket_id="1")

    [record] = _records(tmp_path / "from-env")
    assert (record["kind"], record["type"], record["field"]) == (
        "unknown_field",
        "Ticket",
        "loyaltyTier",
    )


def test_the_vendor_samples_record_nothing(
    client: PaciolanClient, http: LocalServer, recorded: Path
) -> None:
    http.reply(body=sample("paciolan", "tickets.get"), headers={"Content-Type": "application/json"})
    client.tickets.get(ticket_id="1")
    assert not recorded.exists() or not list(recorded.iterdir())


def test_an_unknown_field_is_recorded_with_its_path_type_and_example(
    client: PaciolanClient, http: LocalServer, recorded: Path
) -> None:
    http.reply(body=_ticket(loyaltyTier={"level": "gold", "since": 2019}))

    client.tickets.get(ticket_id="1")

    [record] = _records(recorded)
    assert record["vendor"] == "paciolan"
    assert record["operation"] == "tickets.get"
    assert record["kind"] == "unknown_field"
    assert record["path"] == "$.loyaltyTier"
    assert record["type"] == "Ticket"
    assert record["example"] == {"level": "gold", "since": 2019}
    assert record["first_seen"].endswith("Z")


def test_missing_null_wrong_type_and_new_enum_value_are_each_recorded(
    client: PaciolanClient, http: LocalServer, recorded: Path
) -> None:
    ticket = _ticket(lastName=None, priceLevel="one")
    del ticket["barcode"]
    http.reply(body=ticket)

    with pytest.raises(errors.DecodeError):
        client.tickets.get(ticket_id="1")

    found = {(r["kind"], r["path"]) for r in _records(recorded)}
    assert found == {
        ("missing_field", "$.barcode"),
        ("null", "$.lastName"),
        ("wrong_type", "$.priceLevel"),
    }


def test_each_finding_is_written_once(
    client: PaciolanClient, http: LocalServer, recorded: Path
) -> None:
    for _ in range(3):
        http.reply(body=_ticket(loyaltyTier="gold"))
        client.tickets.get(ticket_id="1")
    with _client(
        http.url, recorded
    ) as another:  # another client (or process) on the same directory
        http.reply(body=_ticket(loyaltyTier="silver"))
        another.tickets.get(ticket_id="1")

    assert len(_records(recorded)) == 1


def test_an_undocumented_status_and_content_type_are_recorded(
    client: PaciolanClient, http: LocalServer, recorded: Path
) -> None:
    http.reply(418, body={"message": "teapot"})
    with pytest.raises(errors.StatusError):
        client.tickets.get(ticket_id="1")
    http.reply(body=b"<html>maintenance</html>", headers={"Content-Type": "text/html"})
    with pytest.raises(errors.DecodeError):
        client.tickets.get(ticket_id="1")

    found = {(r["kind"], r["example"]) for r in _records(recorded)}
    assert found == {("status", 418), ("content_type", "text/html")}


def test_a_body_that_is_not_json_is_kept_bounded(
    client: PaciolanClient, http: LocalServer, recorded: Path
) -> None:
    http.reply(
        body=b'{"ticketID": "' + b"x" * 100_000, headers={"Content-Type": "application/json"}
    )

    with pytest.raises(errors.DecodeError):
        client.tickets.get(ticket_id="1")

    [record] = _records(recorded)
    assert record["kind"] == "undecodable"
    assert record["example"].startswith('{"ticketID": "xxx')
    assert len(record["example"]) == _drift.MAX_UNDECODABLE_TEXT


def test_an_empty_body_where_one_is_declared_is_recorded(
    client: PaciolanClient, http: LocalServer, recorded: Path
) -> None:
    http.reply(body=b"", headers={"Content-Type": "application/json"})

    with pytest.raises(errors.DecodeError):
        client.tickets.get(ticket_id="1")

    [record] = _records(recorded)
    assert (record["kind"], record["example"]) == ("undecodable", "")


def test_secrets_never_reach_a_record_or_a_kept_body(
    client: PaciolanClient, http: LocalServer, recorded: Path
) -> None:
    passes = {
        "tickets": [
            {
                "ticketId": "1",
                "jwt": "SECRET-jwt-0000",
                "apiKey": "SECRET-unknown-key-0000",
                "echo": f"sent {PACIOLAN_KEY} and {BEARER}",
                "holder": {"name": "Marty", "password": "SECRET-password-0000"},
            },
            {"ticketId": "2", "jwt": 12345678},  # a secret of the wrong type: its example is masked
        ],
        "resetToken": "SECRET-reset-0000",
    }
    pass_json = {"Content-Type": "application/vnd.google-apps.pass"}
    http.reply(body=msgspec.json.encode(passes), headers=pass_json)
    with pytest.raises(errors.DecodeError):
        client.tickets.reissue(ticket_id="1", policy_code="WEB", authorization=BEARER)
    http.reply(body=f"<p>bad request: {PACIOLAN_KEY} {BEARER}".encode(), headers=pass_json)
    with pytest.raises(errors.DecodeError):
        client.tickets.reissue(ticket_id="1", policy_code="WEB", authorization=BEARER)

    written = b"".join(p.read_bytes() for p in recorded.iterdir())
    assert {r["kind"] for r in _records(recorded)} == {"unknown_field", "wrong_type", "undecodable"}
    assert b"SECRET" not in written
    assert b"12345678" not in written


def test_threads_recording_at_once_write_each_finding_once(
    http: LocalServer, recorded: Path
) -> None:
    fields = {f"added{i}": i for i in range(20)}
    http.default = Reply(
        200, json.dumps(_ticket(**fields)).encode(), {"Content-Type": "application/json"}
    )
    clients = [_client(http.url, recorded) for _ in range(4)]  # separate recorders, one directory
    failures: list[BaseException] = []

    def calls(client: PaciolanClient) -> None:
        try:
            for _ in range(10):
                client.tickets.get(ticket_id="1")
        except BaseException as exc:  # reported below
            failures.append(exc)

    threads = [threading.Thread(target=calls, args=(c,)) for c in clients for _ in range(2)]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
    finally:
        http.default = Reply(200, b"{}", {"Content-Type": "application/json"})

    assert not failures
    records = _records(recorded)
    assert sorted(r["field"] for r in records) == sorted(fields)
    assert not [p for p in recorded.iterdir() if p.name.startswith(".tmp-")]


def test_a_flood_of_distinct_unknown_fields_stays_bounded(
    client: PaciolanClient, http: LocalServer, recorded: Path
) -> None:
    for wave in range(3):
        http.reply(body=_ticket(**{f"field{wave}x{i}": "v" * 500 for i in range(2000)}))
        client.tickets.get(ticket_id="1")

    names = [p.name for p in recorded.iterdir()]
    records = [n for n in names if n.endswith(_drift.RECORD_SUFFIX)]
    assert len(records) == _drift.MAX_RECORDS_PER_OPERATION + 1  # and the note that more was seen
    assert "paciolan.tickets.get.overflow.drift.json" in names
    assert sum(p.stat().st_size for p in recorded.iterdir()) < 1_000_000


def test_processes_writing_the_same_findings_write_each_once(tmp_path: Path) -> None:
    body = msgspec.json.encode(_ticket(**{f"added{i}": i for i in range(30)}))
    code = (
        "import sys\n"
        "from paciolan import _drift, _endpoints, _responses\n"
        "recorder = _drift.DriftRecorder(sys.argv[1], vendor='paciolan', secret_values=[])\n"
        "raw = _responses.RawResponse(status=200, headers={'Content-Type': 'application/json'},\n"
        "    body=sys.stdin.buffer.read(), method='GET', url='/', request_id=None, elapsed=0.0,\n"
        "    attempts=1)\n"
        "recorder.observe(_endpoints._TICKETS_GET, raw, None)\n"
    )
    processes = [
        subprocess.Popen([sys.executable, "-c", code, str(tmp_path)], stdin=subprocess.PIPE)
        for _ in range(4)
    ]
    for process in processes:
        process.communicate(body, timeout=60)
        assert process.returncode == 0

    assert len(_records(tmp_path)) == 30
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".tmp-")]


@pytest.mark.parametrize(
    "path", sorted(SAMPLES.glob("*/*.json")), ids=lambda p: f"{p.parent.name}/{p.stem}"
)
def test_every_vendor_sample_records_nothing_without_a_walk(
    path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The samples match the strict copy of their type: the steady state never walks in Python."""
    vendor, operation = path.parent.name, path.stem
    endpoint = getattr(
        importlib.import_module(f"{vendor}._endpoints"), f"_{operation}".replace(".", "_").upper()
    )
    drift = importlib.import_module(f"{vendor}._drift")
    monkeypatch.setattr(drift, "Walker", None)  # a walk would fail the test
    recorder = drift.DriftRecorder(tmp_path, vendor=vendor, secret_values=[])
    headers = {"Content-Type": endpoint.accept}
    raw = importlib.import_module(f"{vendor}._responses").RawResponse(
        status=200,
        headers=headers,
        body=path.read_bytes(),
        method="GET",
        url="/",
        request_id=None,
        elapsed=0.0,
        attempts=1,
    )

    recorder.observe(endpoint, raw, None)

    assert not list(tmp_path.iterdir())


def test_a_clean_answer_does_not_hide_the_drift_of_the_next(
    client: PaciolanClient, http: LocalServer, recorded: Path
) -> None:
    http.reply(body=_ticket())
    client.tickets.get(ticket_id="1")
    http.reply(body=_ticket(loyaltyTier="gold"))
    client.tickets.get(ticket_id="1")

    assert [r["field"] for r in _records(recorded)] == ["loyaltyTier"]


def test_new_drift_after_recorded_drift_is_found_after_the_walk_pause(
    client: PaciolanClient, http: LocalServer, recorded: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_drift, "WALK_PAUSE", 0.0)
    for fields in ({"tier": "gold"}, {"tier": "gold"}, {"tier": "gold", "points": 3}):
        http.reply(body=_ticket(**fields))
        client.tickets.get(ticket_id="1")

    assert sorted(r["field"] for r in _records(recorded)) == ["points", "tier"]


def test_examples_are_truncated(client: PaciolanClient, http: LocalServer, recorded: Path) -> None:
    http.reply(body=_ticket(story="x" * 10_000, history=list(range(100))))

    client.tickets.get(ticket_id="1")

    examples = {r["field"]: r["example"] for r in _records(recorded)}
    assert examples["story"] == "x" * _drift.MAX_EXAMPLE_TEXT + "..."
    assert examples["history"] == list(range(_drift.MAX_EXAMPLE_ITEMS))


def test_the_whole_directory_is_bounded_across_operations(
    client: PaciolanClient, http: LocalServer, recorded: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_drift, "MAX_RECORDS", 5)
    http.reply(body=_ticket(**{f"a{i}": i for i in range(4)}))
    client.tickets.get(ticket_id="1")
    passes = {"tickets": [{"ticketId": "1", "jwt": "j", **{f"b{i}": i for i in range(4)}}]}
    http.reply(
        body=msgspec.json.encode(passes),
        headers={"Content-Type": "application/vnd.google-apps.pass"},
    )
    client.tickets.reissue(ticket_id="1", policy_code="WEB", authorization=BEARER)

    names = sorted(p.name for p in recorded.glob(f"*{_drift.RECORD_SUFFIX}"))
    assert len(names) == 5 + 1  # the cap, and the note that reissue's drift did not fit
    assert names[-1] == "paciolan.tickets.reissue.overflow.drift.json"


def test_a_drift_directory_that_cannot_be_made_is_an_argument_error(tmp_path: Path) -> None:
    occupied = tmp_path / "a-file"
    occupied.write_text("")

    with pytest.raises(errors.ArgumentError, match="record_drift"):
        _client("http://127.0.0.1:9", occupied / "drift")


def test_a_key_given_to_with_options_is_masked_in_records_too(
    client: PaciolanClient, http: LocalServer, recorded: Path
) -> None:
    replaced = "ReplacedKey-7f3a9c"
    pass_json = {"Content-Type": "application/vnd.google-apps.pass"}
    http.reply(body=f"<p>bad request: {replaced}".encode(), headers=pass_json)
    with pytest.raises(errors.DecodeError):
        client.with_options(headers={"PAC-API-Key": replaced}).tickets.reissue(
            ticket_id="1", policy_code="WEB", authorization=BEARER
        )

    written = b"".join(p.read_bytes() for p in recorded.iterdir())
    assert {r["kind"] for r in _records(recorded)} == {"undecodable"}
    assert replaced.encode() not in written
