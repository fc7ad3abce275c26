"""A client of each vendor pointed at the emulator: `emulated_oneticket`, `emulated_paciolan`.

The emulator itself comes from the project's pytest plugin (`ticketing_emulator.pytest_plugin`, installed with the
project through its `pytest11` entry point): `ticketing_emulator`, and `emulator` reset for each test.
`oneticket` and `paciolan` (tests/conftest.py) are the clients pointed at the scripted local server.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from oneticket import OneTicketClient
from paciolan import PaciolanClient
from ticketing_emulator import Emulator

TOKEN = "tok-emulator-test"
API_KEY = "key-emulator-test"
POLICY = "WEB"


@pytest.fixture
def emulated_oneticket(emulator: Emulator) -> Iterator[OneTicketClient]:
    with OneTicketClient(
        api_token=TOKEN, servers=emulator.servers("oneticket"), max_retries=0
    ) as client:
        yield client


@pytest.fixture
def emulated_paciolan(emulator: Emulator) -> Iterator[PaciolanClient]:
    with PaciolanClient(
        api_key=API_KEY,
        application_id="com.example.emulator-tests",
        channel_code="TESTCHAN",
        organization_id=999,
        user_agent="EmulatorTests/1.0.0",
        servers=emulator.servers("paciolan"),
        max_retries=0,
    ) as client:
        yield client
