"""Every vendor response sample decodes through its operation's type and encodes back to the same JSON.

The samples are the vendors' own examples (samples/<vendor>/<group>.<operation>.json; operations the vendor
shows with the same body share one file, tests.conftest.SHARED_SAMPLES). A field the registry forgot, a misspelt wire name or a number type that loses precision makes the round trip differ.
"""

from __future__ import annotations

import importlib
import json
import re
from pathlib import Path
from typing import Any

import msgspec
import pytest

from tests.conftest import SAMPLES, SHARED_SAMPLES, exact_json, sample_path

# 25 Paciolan operations, 10 1Ticket responses, and the 1Ticket update_v2 account envelope shown as a curl body.
EXPECTED_COUNT = 36

Sample = tuple[str, str, Path]  # vendor, operation, file


def _samples() -> list[Sample]:
    """Every operation with a documented sample: the files named after their operation, then the
    operations that share another's file."""
    own = [(path.parent.name, path.stem, path) for path in sorted(SAMPLES.glob("*/*.json"))]
    shared = [(vendor, name, sample_path(vendor, name)) for vendor, name in sorted(SHARED_SAMPLES)]
    return own + shared


def _sample_id(sample: Sample) -> str:
    vendor, operation, path = sample
    observed = ".".join(path.stem.rsplit(".", 1)[1:]) if path.parent.name == "observed" else ""
    return "/".join(
        part for part in (vendor, "observed" if observed else "", operation, observed) if part
    )


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


def _observed() -> list[Sample]:
    """Bodies recorded from live traffic (`ticketing-codegen drift DIR --samples`), named
    `<vendor>/observed/<group>.<operation>.<digest>.json`."""
    return [
        (path.parent.parent.name, path.stem.rsplit(".", 1)[0], path)
        for path in sorted(SAMPLES.glob("*/observed/*.json"))
    ]


@pytest.mark.parametrize("sample", _samples() + _observed(), ids=_sample_id)
def test_sample_round_trips_through_its_operation(sample: Sample) -> None:
    vendor, operation, path = sample
    package = importlib.import_module(vendor)
    raw = path.read_bytes()

    value = package.decode(raw, _operation_type(vendor, operation))

    assert exact_json(package.encode(value)) == exact_json(raw)


def _key_orders(value: Any, path: str = "$") -> dict[str, list[str]]:
    """The keys of every JSON object in `value`, in order, by where the object is."""
    found: dict[str, list[str]] = {}
    if isinstance(value, dict):
        found[path] = list(value)
        for key, item in value.items():
            found |= _key_orders(item, f"{path}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found |= _key_orders(item, f"{path}[{index}]")
    return found


# Objects a vendor shows with its keys in another order than elsewhere: one model has one order.
# (vendor, operation) -> a regular expression of the paths to leave out, and why.
ORDER_CONFLICTS = {
    # The PDI document's PriceType: `class` then `auditKind` in the cart, the reverse in orders (the
    # decision is noted at PriceType in endpoints.yaml).
    ("paciolan", "patron.get_orders"): r"\.priceType$",
}


@pytest.mark.parametrize("sample", _samples() + _observed(), ids=_sample_id)
def test_models_keep_the_vendors_key_order(sample: Sample) -> None:
    # Structs declared in wire order decode fastest (msgspec tries the next declared field first)
    # and encode a body in the order the vendor documents it.
    vendor, operation, path = sample
    package = importlib.import_module(vendor)
    raw = path.read_bytes()
    conflict = ORDER_CONFLICTS.get((vendor, operation))

    def orders(data: bytes) -> dict[str, list[str]]:
        found = _key_orders(json.loads(data))
        return {
            at: keys for at, keys in found.items() if not conflict or not re.search(conflict, at)
        }

    value = package.decode(raw, _operation_type(vendor, operation))

    assert orders(package.encode(value)) == orders(raw)


def test_order_conflicts_are_real() -> None:
    # Each conflict left out above is still one: without its exception, the sample's order differs.
    for (vendor, operation), _ in ORDER_CONFLICTS.items():
        package = importlib.import_module(vendor)
        raw = sample_path(vendor, operation).read_bytes()
        value = package.decode(raw, _operation_type(vendor, operation))
        assert _key_orders(json.loads(package.encode(value))) != _key_orders(json.loads(raw))


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


@pytest.mark.parametrize("sample", _samples(), ids=_sample_id)
def test_decoded_structs_are_left_out_of_garbage_collection(sample: Sample) -> None:
    # A decoded JSON tree holds no cycles: the collector walking large decodes is wasted time.
    vendor, operation, path = sample
    package = importlib.import_module(vendor)

    value = package.decode(path.read_bytes(), _operation_type(vendor, operation))

    tracked = {type(s).__name__ for s in _structs_in(value) if s.__struct_config__.gc}
    assert tracked == set()
