"""Every vendor response sample decodes through its operation's type and encodes back to the same JSON.

The samples are the vendors' own examples (samples/<vendor>/<group>.<operation>.json). A field the registry
forgot, a misspelt wire name or a number type that loses precision makes the round trip differ.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import SAMPLES, exact_json

# 25 Paciolan samples, 10 1Ticket responses, and the 1Ticket update_v2 account envelope shown as a curl body.
EXPECTED_COUNT = 36


def _samples() -> list[Path]:
    return sorted(SAMPLES.glob("*/*.json"))


def _operation_type(vendor: str, operation: str) -> Any:
    """The type an operation decodes its response body into (its `output` inside the envelope)."""
    client = importlib.import_module(f"{vendor}.client")
    group, name = operation.split(".")
    endpoint = getattr(client, f"_{group}_{name}".upper())
    if endpoint.envelope_type is not None:
        return endpoint.envelope_type
    return endpoint.response_type


def test_every_documented_sample_is_here() -> None:
    assert len(_samples()) == EXPECTED_COUNT


@pytest.mark.parametrize("path", _samples(), ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_sample_round_trips_through_its_operation(path: Path) -> None:
    vendor, operation = path.parent.name, path.stem
    package = importlib.import_module(vendor)
    raw = path.read_bytes()

    value = package.decode(raw, _operation_type(vendor, operation))

    assert exact_json(package.encode(value)) == exact_json(raw)


def _observed() -> list[Path]:
    """Bodies recorded from live traffic (`python -m codegen drift DIR --samples`)."""
    return sorted(SAMPLES.glob("*/observed/*.json"))


@pytest.mark.parametrize("path", _observed(), ids=lambda p: f"{p.parent.parent.name}/{p.stem}")
def test_observed_body_round_trips_through_its_operation(path: Path) -> None:
    vendor, operation = path.parent.parent.name, path.stem.rsplit(".", 1)[0]
    package = importlib.import_module(vendor)
    raw = path.read_bytes()

    value = package.decode(raw, _operation_type(vendor, operation))

    assert exact_json(package.encode(value)) == exact_json(raw)
