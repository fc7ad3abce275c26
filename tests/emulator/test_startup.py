"""Start-up cost of the emulator: measured and printed (never asserted: machines differ)."""

from __future__ import annotations

import time

import pytest

from tests.local_server import ONETICKET_HEADERS, send
from ticketing_emulator import running


def test_startup_time_is_printed(capsys: pytest.CaptureFixture[str]) -> None:
    started = time.perf_counter()
    with running() as emulator:
        ready = time.perf_counter() - started
        reply = send(
            emulator.servers("oneticket")["default"] + "/v2/verify/", headers=ONETICKET_HEADERS
        )
        answered = time.perf_counter() - started

    assert reply.status == 200
    with capsys.disabled():
        print(
            f"\nemulator start-up: {ready * 1000:.0f} ms; first answer after {answered * 1000:.0f} ms"
        )
