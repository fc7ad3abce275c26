"""The journal of received requests is bounded, and its HTTP listing shows no secret."""

from __future__ import annotations

import http.client
import json
import tracemalloc
from pathlib import Path
from typing import Any

import yaml

from tests.local_server import ONETICKET_HEADERS, PACIOLAN_HEADERS, send, send_json
from ticketing_emulator import DEFAULT_REGISTRY, Emulator, Limits, running

ECHO = "/paciolan/pdi/v1/util/echo"
SYSINFO = "/paciolan/pdi/v1/util/sysinfo"


def _listed(emulator: Emulator) -> list[dict[str, Any]]:
    requests: list[dict[str, Any]] = send(emulator.url + "/_emulator/requests").json()["requests"]
    return requests


def _echo_body(size: int) -> bytes:
    """A JSON object of `size` bytes, as Paciolan's echo takes."""
    return b'{"a": "' + b"x" * (size - 9) + b'"}'


def test_the_journal_keeps_only_the_latest_requests() -> None:
    with running(limits=Limits(journal_max_requests=3)) as emulator:
        for n in range(5):
            send(f"{emulator.url}{SYSINFO}?n={n}", headers=PACIOLAN_HEADERS)

        kept = [request.target for request in emulator.requests]
        hits = emulator.hits("paciolan", "util.sysinfo")

    assert kept == [f"{SYSINFO}?n={n}" for n in (2, 3, 4)]
    assert hits == 5  # the counts stay exact


def test_the_journal_keeps_only_the_latest_problems() -> None:
    with running(limits=Limits(journal_max_requests=2)) as emulator:
        for n in range(4):
            send(f"{emulator.url}/paciolan/pdi/v1/nowhere/{n}", headers=PACIOLAN_HEADERS)

        problems = emulator.problems

    assert [problem.rsplit("/", 1)[-1] for problem in problems] == ["2", "3"]


def test_the_journal_keeps_the_start_of_a_large_body_and_its_size() -> None:
    body = _echo_body(10_000)
    with running(limits=Limits(journal_max_body_bytes=1024)) as emulator:
        reply = send(
            emulator.url + ECHO,
            "POST",
            headers={**PACIOLAN_HEADERS, "Content-Type": "application/json"},
            body=body,
        )
        (request,) = emulator.requests

    assert reply.body == body  # the answer is whole; only the journal's copy is cut
    assert request.body == body[:1024]
    assert request.body_size == 10_000


def test_a_flood_of_large_bodies_keeps_the_journal_memory_bounded() -> None:
    body = _echo_body(100_000)
    headers = {**PACIOLAN_HEADERS, "Content-Type": "application/json"}
    limits = Limits(journal_max_requests=100, journal_max_body_bytes=1024)
    with running(limits=limits) as emulator:
        connection = http.client.HTTPConnection("127.0.0.1", emulator.port, timeout=5)
        tracemalloc.start()
        try:
            before, _ = tracemalloc.get_traced_memory()
            for _ in range(300):  # 30 MB of bodies, kept whole before the journal was bounded
                connection.request("POST", ECHO, body=body, headers=headers)
                connection.getresponse().read()
            after, _ = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
            connection.close()
        kept = len(emulator.requests)

    assert kept == 100
    assert after - before < 2_000_000


def test_the_listing_masks_credential_header_values(emulator: Emulator) -> None:
    send(emulator.url + SYSINFO, headers=PACIOLAN_HEADERS)
    send(emulator.url + "/1ticket/api/v2/verify/", headers=ONETICKET_HEADERS)
    send(
        emulator.url + "/paciolan/pdi/v1/tickets/1/reissue?policyCode=WEB",
        "POST",
        headers={**PACIOLAN_HEADERS, "Authorization": "Basic c2VjcmV0OnNlY3JldA=="},
        body=b"{}",
    )

    paciolan, oneticket, reissue = _listed(emulator)

    assert paciolan["headers"]["PAC-API-Key"] == "***"
    assert paciolan["headers"]["PAC-Channel-Code"] == "RAW"  # not a secret
    assert oneticket["headers"]["x-api-token"] == "***"
    assert reissue["headers"]["Authorization"] == "***"


def test_the_listing_masks_headers_that_are_secret_in_any_vendor(emulator: Emulator) -> None:
    # A 1Ticket token sent to Paciolan (a client mixing up its keys) is masked all the same.
    send(emulator.url + SYSINFO, headers={**PACIOLAN_HEADERS, "X-API-Token": "tok-raw"})

    (listed,) = _listed(emulator)

    assert listed["headers"]["X-API-Token"] == "***"


def test_the_python_journal_keeps_the_values_for_tests(emulator: Emulator) -> None:
    send(emulator.url + SYSINFO, headers=PACIOLAN_HEADERS)

    (request,) = emulator.requests

    assert request.header("PAC-API-Key") == PACIOLAN_HEADERS["PAC-API-Key"]


def test_the_listing_masks_secret_query_values(tmp_path: Path) -> None:
    # No operation of the registry has a secret query parameter today: give util.sysinfo one.
    document = yaml.safe_load(DEFAULT_REGISTRY.read_text(encoding="utf-8"))
    (sysinfo,) = [
        op for op in document["vendors"]["paciolan"]["operations"] if op["name"] == "util.sysinfo"
    ]
    sysinfo.setdefault("query", {})["token"] = {"type": "str", "secret": True}
    (tmp_path / "endpoints.yaml").write_text(yaml.safe_dump(document), encoding="utf-8")
    (tmp_path / "samples").symlink_to(DEFAULT_REGISTRY.parent / "samples")

    with running(registry=tmp_path / "endpoints.yaml") as emulator:
        send(f"{emulator.url}{SYSINFO}?token=s%20ecret&x=1", headers=PACIOLAN_HEADERS)
        (listed,) = _listed(emulator)

    assert listed["target"] == f"{SYSINFO}?token=***&x=1"


def test_the_listing_masks_secret_body_fields(emulator: Emulator) -> None:
    payment = {"accountNumber": "4111111111111111", "cardVerificationNumber": 123, "amount": 5}
    send_json(emulator.url + ECHO, "POST", {"payments": [payment]}, PACIOLAN_HEADERS)

    (listed,) = _listed(emulator)

    assert "4111111111111111" not in listed["body"]
    assert "123" not in listed["body"]
    assert json.loads(listed["body"]) == {
        "payments": [{"accountNumber": "***", "cardVerificationNumber": "***", "amount": 5}]
    }


def test_the_listing_masks_a_secret_in_a_body_the_journal_cut() -> None:
    body = b'{"pad": "' + b"p" * 100 + b'", "accountNumber": "4111111111111111"}'
    with running(limits=Limits(journal_max_body_bytes=len(body) - 8)) as small:
        send(
            small.url + ECHO,
            "POST",
            headers={**PACIOLAN_HEADERS, "Content-Type": "application/json"},
            body=body,
        )
        (listed,) = _listed(small)

    assert "41111111" not in listed["body"]
    assert listed["body"].endswith('"accountNumber": "***"')
