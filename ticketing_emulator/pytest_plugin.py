"""pytest fixtures for the ticketing emulator.

Registered as a `pytest11` plugin (or loaded with `-p ticketing_emulator.pytest_plugin`):

- `ticketing_emulator` (session): one running `Emulator` on a free port for the whole session;
- `emulator` (function): the same emulator, reset before the test (no requests, faults or carts left over).

    def test_checkout_is_not_retried(emulator):
        emulator.inject("cart.checkout", vendor="paciolan", drop="after_read")
        client = PaciolanClient(..., servers=emulator.servers("paciolan"))
        ...
        assert emulator.hits("paciolan", "cart.checkout") == 1

The ini option `ticketing_emulator_registry` names another `endpoints.yaml` (relative to the rootdir).
The emulator is imported when a fixture is first used, not when pytest loads the plugin (importing the
`ticketing_emulator` package needs no extra): an environment without the emulator's dependency (PyYAML)
still runs its other tests.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from ticketing_emulator import Emulator

REGISTRY_OPTION = "ticketing_emulator_registry"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addini(
        REGISTRY_OPTION,
        "endpoints.yaml served by the ticketing emulator (default: the repository's)",
        default="",
    )


@pytest.fixture(scope="session")
def ticketing_emulator(pytestconfig: pytest.Config) -> Iterator[Emulator]:
    from ticketing_codegen import extras
    from ticketing_emulator import DEFAULT_REGISTRY, running

    missing = None
    try:
        importlib.import_module("ticketing_emulator.emulator")  # reads the registry with PyYAML
    except ModuleNotFoundError as exc:
        if not extras.missing(exc):
            raise
        missing = extras.message("the ticketing_emulator fixture", exc, "emulator")
    if missing is not None:  # failed here, not in the handler: one line, no chained traceback
        pytest.fail(missing, pytrace=False)

    try:
        configured = str(pytestconfig.getini(REGISTRY_OPTION))
    except ValueError:  # the fixtures were imported without the plugin's hooks (no ini option)
        configured = ""
    registry = Path(pytestconfig.rootpath, configured) if configured else DEFAULT_REGISTRY
    with running(registry=registry) as started:
        yield started


@pytest.fixture
def emulator(ticketing_emulator: Emulator) -> Emulator:
    ticketing_emulator.reset()
    return ticketing_emulator
