"""Every vendor response sample decodes through its operation's type and encodes back to the same JSON.

The samples are the vendors' own examples (samples/<vendor>/<group>.<operation>.json). A field the registry
forgot, a misspelt wire name or a number type that loses precision makes the round trip differ.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any

import msgspec
import pytest

from tests.conftest import SAMPLES, exact_json

# 25 Paciolan samples, 10 1Ticket responses, and the 1Ticket update_v2 account envelope shown as a curl body.
EXPECTED_COUNT = 36


def _samples() -> list[Path]:
    return sorted(SAMPLES.glob("*/*.json"))


def _operation_type(vendor: str, operation: str) -> Any:
    """The type an operation decodes its response body into (its `output` inside the envelope)."""
    endpoints = importlib.import_module(f"{vendor}._endpoints")
    group, name = operation.split(".")
    endpoint = getattr(endpoints, f"_{group}_{name}".upper())
    if endpoint.envelope_type is not None:
        return endpoint.envelope_type
    return endpoint.response_type


def test_every_documented_sample_is_here() -> None:
    assert len(_samples()) == EXPECTED_COUNT


def _observed() -> list[Path]:
    """Bodies recorded from live traffic (`ticketing-codegen drift DIR --samples`), named
    `<vendor>/observed/<group>.<operation>.<digest>.json`."""
    return sorted(SAMPLES.glob("*/observed/*.json"))


def _vendor_and_operation(path: Path) -> tuple[str, str]:
    if path.parent.name == "observed":
        return path.parent.parent.name, path.stem.rsplit(".", 1)[0]
    return path.parent.name, path.stem


@pytest.mark.parametrize(
    "path",
    _samples() + _observed(),
    ids=lambda p: "/".join(p.relative_to(SAMPLES).with_suffix("").parts),
)
def test_sample_round_trips_through_its_operation(path: Path) -> None:
    vendor, operation = _vendor_and_operation(path)
    package = importlib.import_module(vendor)
    raw = path.read_bytes()

    value = package.decode(raw, _operation_type(vendor, operation))

    assert exact_json(package.encode(value)) == exact_json(raw)


def _structs_in(value: Any) -> list[msgspec.Struct]:
    found: list[msgspec.Struct] = []
    pending = [value]
    while pending:  # bounded: a decoded JSON tree has no cycles
        item = pending.pop()
        if isinstance(item, msgspec.Struct):
            found.append(item)
            pending += [getattr(item, name) for name in item.__struct_fields__]
        elif isinstance(item, (list, tuple)):
            pending += item
        elif isinstance(item, dict):
            pending += item.values()
    return found


@pytest.mark.parametrize("path", _samples(), ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_decoded_structs_are_left_out_of_garbage_collection(path: Path) -> None:
    # A decoded JSON tree holds no cycles: the collector walking large decodes is wasted time.
    vendor, operation = path.parent.name, path.stem
    package = importlib.import_module(vendor)

    value = package.decode(path.read_bytes(), _operation_type(vendor, operation))

    tracked = {type(s).__name__ for s in _structs_in(value) if s.__struct_config__.gc}
    assert tracked == set()
