"""Shared fixtures: one local HTTP server for the session, and a client of each vendor pointed at it."""

from __future__ import annotations

import json
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from oneticket import OneTicketClient
from paciolan import PaciolanClient
from tests.local_server import LocalServer

if TYPE_CHECKING:
    # Not at run time: the client tests also run where only urllib3 and msgspec are installed.
    from ticketing_emulator import Emulator

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"

# Credentials used by every test; the secrecy tests look for these values in reprs, errors and logs.
ONETICKET_TOKEN = "tok-SECRET-1ticket-0000"
PACIOLAN_KEY = "key-SECRET-paciolan-0000"


# Operations whose response sample is another operation's file: the vendor shows the same body, and the
# registry names one file rather than identical copies (duplicates in the tool's wheel). The registry is
# the source (`sample:`); tests/release/test_tool_distribution.py checks this table against it, so that
# the clients-only test runs (no PyYAML) need not parse it.
SHARED_SAMPLES = {
    ("oneticket", "sales.fulfill"): "purchases.record_po",
    ("paciolan", "cart.add_offer"): "cart.get",
    ("paciolan", "cart.checkout"): "cart.get",
    ("paciolan", "cart.replace_offer"): "cart.get",
    ("paciolan", "cart.update_offer"): "cart.get",
    ("paciolan", "tickets.get_by_barcode"): "tickets.get",
    ("paciolan", "tickets.print"): "tickets.get",
    ("paciolan", "tickets.reprint"): "tickets.get",
}


def sample_path(vendor: str, operation: str) -> Path:
    """The file of an operation's response sample (it may not exist: not every operation has one)."""
    return SAMPLES / vendor / f"{SHARED_SAMPLES.get((vendor, operation), operation)}.json"


def sample(vendor: str, operation: str) -> bytes:
    return sample_path(vendor, operation).read_bytes()


def exact_json(data: bytes | str) -> Any:
    """JSON with numbers kept exact, so a money value that changed by one cent is a difference."""
    return json.loads(data, parse_float=Decimal)


@pytest.fixture(scope="session")
def server() -> Iterator[LocalServer]:
    local = LocalServer().start()
    yield local
    local.stop()


@pytest.fixture
def http(server: LocalServer) -> LocalServer:
    server.reset()
    return server


PACIOLAN_CREDENTIALS: dict[str, Any] = {
    "api_key": PACIOLAN_KEY,
    "application_id": "com.example.tests",
    "channel_code": "TESTCHAN",
    "organization_id": 999,
    "user_agent": "TicketingTests/1.0.0",
}


def paciolan_at(url: str, **options: Any) -> PaciolanClient:
    """A Paciolan client of the tests' credentials (or those in `options`) sending to `url`, not
    retrying unless asked."""
    return PaciolanClient(**{**PACIOLAN_CREDENTIALS, "max_retries": 0, **options, "base_url": url})


def oneticket_at(url: str, **options: Any) -> OneTicketClient:
    """A 1Ticket client of the tests' token (or `api_token=`) sending to `url`, not retrying
    unless asked."""
    return OneTicketClient(
        **{"api_token": ONETICKET_TOKEN, "max_retries": 0, **options, "base_url": url}
    )


CLIENT_VENDORS = ("paciolan", "oneticket")


def make_client(vendor: str, url: str) -> Any:
    """The tests' client of `vendor` (a key of CLIENT_VENDORS) sending to `url`."""
    return paciolan_at(url) if vendor == "paciolan" else oneticket_at(url)


@pytest.fixture
def clients(http: LocalServer) -> Iterator[dict[str, Any]]:
    """A client of each vendor, pointed at the local server."""
    opened = {vendor: make_client(vendor, http.url) for vendor in CLIENT_VENDORS}
    yield opened
    for client in opened.values():
        client.close()


@pytest.fixture
def emulated_oneticket(emulator: Emulator) -> Iterator[OneTicketClient]:
    """A 1Ticket client pointed at the emulator (`emulator`: the project's pytest plugin)."""
    with OneTicketClient(
        api_token=ONETICKET_TOKEN, servers=emulator.servers("oneticket"), max_retries=0
    ) as client:
        yield client


@pytest.fixture
def emulated_paciolan(emulator: Emulator) -> Iterator[PaciolanClient]:
    """A Paciolan client pointed at the emulator (`emulator`: the project's pytest plugin)."""
    with PaciolanClient(
        **PACIOLAN_CREDENTIALS, servers=emulator.servers("paciolan"), max_retries=0
    ) as client:
        yield client


@pytest.fixture
def oneticket(http: LocalServer) -> Iterator[OneTicketClient]:
    with oneticket_at(http.url) as client:
        yield client


@pytest.fixture
def paciolan(http: LocalServer) -> Iterator[PaciolanClient]:
    with paciolan_at(http.url) as client:
        yield client
