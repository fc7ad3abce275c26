"""The emulator serves paths (origin-form targets) only: a URL naming a host is never served."""

from __future__ import annotations

import pytest

from tests.local_server import RawReply, exchange, raw_request
from ticketing_emulator import Emulator


def _get(emulator: Emulator, target: str) -> RawReply:
    return exchange(emulator.port, raw_request("GET", target))


def test_a_path_is_served(emulator: Emulator) -> None:
    assert _get(emulator, "/paciolan/pdi/v1/util/sysinfo").status == 200


@pytest.mark.parametrize(
    "target",
    [
        "http://evil.example/paciolan/pdi/v1/util/sysinfo",
        "https://evil.example:443/paciolan/pdi/v1/util/sysinfo",
        "HTTP://127.0.0.1/paciolan/pdi/v1/util/sysinfo",
        "paciolan/pdi/v1/util/sysinfo",
        "*",
    ],
)
def test_a_target_that_is_not_a_path_is_400_and_never_served(
    emulator: Emulator, target: str
) -> None:
    reply = _get(emulator, target)

    assert reply.status == 400
    assert "origin-form" in reply.json()["message"]
    assert emulator.hits("paciolan", "util.sysinfo") == 0


def test_a_refused_target_is_listed_as_a_problem(emulator: Emulator) -> None:
    _get(emulator, "http://evil.example/paciolan/pdi/v1/util/sysinfo")

    (problem,) = emulator.problems
    assert "http://evil.example/" in problem


def test_a_refused_target_naming_the_file_host_is_not_a_download(emulator: Emulator) -> None:
    _get(emulator, "http://evil.example/_emulator/exports/1.tsv.gz")

    assert emulator.downloads == []
