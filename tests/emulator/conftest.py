"""The emulator's pytest fixtures, and a client of each vendor pointed at the emulator.

The fixtures are imported rather than named in `pytest_plugins`, which pytest refuses outside the rootdir's
conftest; once the `pytest11` entry point is installed, the plugin provides the same fixtures.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from codegen.emulator import Emulator
from codegen.pytest_plugin import emulator, ticketing_emulator
from oneticket import OneTicketClient
from paciolan import PaciolanClient

__all__ = ["emulator", "oneticket", "paciolan", "ticketing_emulator"]

TOKEN = "tok-emulator-test"
API_KEY = "key-emulator-test"
POLICY = "WEB"


@pytest.fixture
def oneticket(emulator: Emulator) -> Iterator[OneTicketClient]:
    with OneTicketClient(
        api_token=TOKEN, servers=emulator.servers("oneticket"), max_retries=0
    ) as client:
        yield client


@pytest.fixture
def paciolan(emulator: Emulator) -> Iterator[PaciolanClient]:
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
