"""The emulator's drift fault: the normal answer changed as a vendor changes its API, and said how."""

from __future__ import annotations

import contextlib
import json
import re
from typing import Any

import pytest

import paciolan
from tests.local_server import send_json
from ticketing_emulator import Emulator
from ticketing_emulator.drift import ADDED_FIELD, ADDED_VALUE, HEADER, NEW_STR_VALUE

# A failure inside recording is only a warning for users; here it fails the test.
pytestmark = pytest.mark.filterwarnings("error::RuntimeWarning")


def _cart_get(client: paciolan.PaciolanClient) -> paciolan.RawResponse:
    offer = {"seasonCode": "F17", "itemCode": "F01", "quantity": 2}
    cart = client.cart.create(policy_code="WEB", body=offer)
    # A required field may be missing (the point of the fault): the raw answer is what is looked at.
    with paciolan.capture_responses() as raws, contextlib.suppress(paciolan.DecodeError):
        client.cart.get(cart_id=str(cart.id), policy_code="WEB")
    return raws[-1]


def _parent(document: Any, path: str) -> tuple[Any, str]:
    """The container and last key of a path like `$.offers[0].seats[1].status`."""
    steps = re.findall(r"\.([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]", path.removeprefix("$"))
    keys: list[str | int] = [name if name else int(index) for name, index in steps]
    for key in keys[:-1]:
        document = document[key]
    return document, str(keys[-1])


def test_a_drift_fault_adds_a_field_sets_a_new_enum_value_and_removes_a_field(
    emulator: Emulator, emulated_paciolan: paciolan.PaciolanClient
) -> None:
    normal = json.loads(_cart_get(emulated_paciolan).body)
    emulator.inject(
        "cart.get",
        vendor="paciolan",
        drift=["added_field", "new_enum_value", "missing_field"],
        drift_depth=2,
    )

    raw = _cart_get(emulated_paciolan)

    changes = dict(change.split(" ", 1) for change in raw.headers[HEADER].split("; "))
    drifted = json.loads(raw.body)
    added = changes["added_field"]
    assert added.count(".") == 3  # depth 2: an object inside an object inside the cart
    parent, key = _parent(drifted, added)
    assert parent[key] == ADDED_VALUE and key == ADDED_FIELD
    path, value = changes["new_enum_value"].rsplit("=", 1)
    parent, key = _parent(drifted, path)
    assert parent[key] == value == NEW_STR_VALUE
    parent, key = _parent(drifted, changes["missing_field"])
    assert key not in parent
    assert key in _parent(normal, changes["missing_field"])[0]


def test_the_next_answer_is_normal_again(
    emulator: Emulator, emulated_paciolan: paciolan.PaciolanClient
) -> None:
    emulator.inject("cart.get", vendor="paciolan", drift=["added_field"])
    _cart_get(emulated_paciolan)

    assert HEADER not in _cart_get(emulated_paciolan).headers


def test_drift_is_injected_over_http_too(
    emulator: Emulator, emulated_paciolan: paciolan.PaciolanClient
) -> None:
    fault = {"vendor": "paciolan", "operation": "cart.get", "drift": ["added_field"]}
    assert send_json(f"{emulator.url}/_emulator/faults", "POST", fault, {}).status == 200

    assert _cart_get(emulated_paciolan).headers[HEADER].startswith("added_field $.")


def test_an_unknown_drift_kind_is_refused(emulator: Emulator) -> None:
    with pytest.raises(ValueError, match="drift takes added_field"):
        emulator.inject("cart.get", vendor="paciolan", drift=["renamed_field"])
