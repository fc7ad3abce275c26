"""`ticketing-codegen diff OLD NEW`: every change classed as breaking or not for users of the client.

Each fixture in `fixtures/diff/` is `base.yaml` with one change, named after it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.tooling.conftest import FIXTURES, REGISTRY
from ticketing_codegen import diff, registry, resolve
from ticketing_codegen.model import Vendor
from ticketing_codegen.schema import Field

DIFF = FIXTURES / "diff"
BASE = DIFF / "base.yaml"

# fixture -> (the change reported, breaking)
CASES = {
    "operation_added": ("orders.cancel: operation added (DELETE /orders/{order_id})", False),
    "operation_removed": ("orders.list: operation removed", True),
    "path_changed": ("orders.get: path changed from /orders/{order_id} to /order/{order_id}", True),
    "method_changed": ("orders.create: method changed from POST to PUT", True),
    "parameter_added_optional": ("orders.get: optional parameter fields added", False),
    "parameter_added_required": (
        "orders.get: required parameter shopCode (shop_code) added",
        True,
    ),
    "parameter_removed": ("orders.get: parameter expand removed", True),
    "parameter_type_changed": ("orders.get: parameter expand type changed from str to int", True),
    "parameter_now_required": ("orders.get: parameter expand is now required", True),
    "parameter_renamed_in_python": (
        "orders.get: parameter expand renamed in Python from expand to expand_fields",
        True,
    ),
    "body_type_changed": (
        "orders.create: request body type changed from NewOrder to list[NewOrder]",
        True,
    ),
    "response_type_changed": (
        "orders.get: response type changed from Order to Order | null",
        True,
    ),
    "field_added_optional": ("type Order: optional field currency added", False),
    "field_added_required_in_response": (
        "type Order: required field currency added (only in responses)",
        False,
    ),
    "field_added_required_in_request": (
        "type NewOrder: required field shop added (used in requests)",
        True,
    ),
    "field_removed": ("type Order: field note removed", True),
    "field_type_changed": ("type Order: field total type changed from decimal to str", True),
    "enum_value_added": (
        "type OrderStatus: enum value 'refunded' added (enums are open: clients built before it "
        "decode it)",
        False,
    ),
    "enum_value_removed": ("type OrderStatus: enum value 'paid' removed", True),
}


def load(path: Path) -> list[Vendor]:
    return resolve.load(path, check_samples=False)


def test_every_fixture_is_a_valid_registry() -> None:
    for path in sorted(DIFF.glob("*.yaml")):
        resolve.load(path)


def test_every_fixture_has_a_case() -> None:
    assert {p.stem for p in DIFF.glob("*.yaml")} - {"base"} == set(CASES)


@pytest.mark.parametrize("fixture", sorted(CASES))
def test_each_kind_of_change_is_reported_and_classed(fixture: str) -> None:
    message, breaking = CASES[fixture]
    changes = diff.compare(load(BASE), load(DIFF / f"{fixture}.yaml"))
    reported = {f"{c.subject}: {c.message}": c.breaking for c in changes}
    assert reported.get(message) == breaking, reported


@pytest.mark.parametrize("fixture", sorted(CASES))
def test_the_exit_status_is_1_exactly_when_something_breaks(
    fixture: str, capsys: pytest.CaptureFixture[str]
) -> None:
    _, breaking = CASES[fixture]
    assert diff.main(BASE, DIFF / f"{fixture}.yaml") == (1 if breaking else 0)
    lines = capsys.readouterr().out.splitlines()
    mark = "BREAKING  " if breaking else "ok        "
    assert any(line.startswith(f"{mark}shop ") for line in lines), lines


def test_a_change_is_one_line_with_its_class_vendor_and_subject() -> None:
    change = diff.Change("paciolan", "cart.get", "parameter policyCode removed", True)
    assert str(change) == "BREAKING  paciolan cart.get: parameter policyCode removed"
    harmless = diff.Change("paciolan", "type Cart", "optional field note added", False)
    assert str(harmless) == "ok        paciolan type Cart: optional field note added"


def test_the_report_ends_with_a_summary(capsys: pytest.CaptureFixture[str]) -> None:
    diff.main(BASE, DIFF / "operation_removed.yaml")
    out = capsys.readouterr().out
    assert "\n1 change(s), 1 breaking, 0 compatible\n" in out


def test_a_registry_compared_with_itself_has_no_changes(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert diff.main(REGISTRY, REGISTRY) == 0
    assert capsys.readouterr().out == "no changes\n"


def test_only_the_changed_thing_is_reported() -> None:
    changes = diff.compare(load(BASE), load(DIFF / "field_removed.yaml"))
    assert [str(c) for c in changes] == ["BREAKING  shop type Order: field note removed"]


def test_renaming_a_parameter_in_python_is_one_change_not_a_removal_and_an_addition() -> None:
    changes = diff.compare(load(BASE), load(DIFF / "parameter_renamed_in_python.yaml"))
    assert len(changes) == 1


def test_a_field_made_optional_breaks_only_where_it_is_decoded() -> None:
    base = load(BASE)
    spec, source = registry.load(BASE)
    order = spec.vendors["shop"].types["Order"]
    new_order = spec.vendors["shop"].types["NewOrder"]
    assert order.fields is not None and new_order.fields is not None
    order.fields["total"] = Field(type="decimal", optional=True)
    new_order.fields["quantity"] = Field(type="int", optional=True)
    edited = resolve.resolve(spec, source, DIFF)
    found = {f"{c.subject}: {c.message}": c.breaking for c in diff.compare(base, edited)}
    assert found == {
        "type Order: field total is now optional (may be UNSET)": True,
        "type NewOrder: field quantity is now optional (may be UNSET)": False,
    }


def test_an_invalid_registry_is_exit_status_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "new.yaml"
    broken.write_text(BASE.read_text().replace("method: GET", "method: FETCH", 1))
    assert diff.main(BASE, broken) == 2
    assert "nothing compared" in capsys.readouterr().err


def test_an_old_registry_whose_samples_are_gone_still_compares(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old = tmp_path / "old.yaml"  # beside no `samples/` directory
    old.write_text(REGISTRY.read_text())
    assert diff.main(old, REGISTRY) == 0
    assert capsys.readouterr().out == "no changes\n"


def test_a_registry_without_the_workflow_example_keys_still_compares(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Keys added to the format later are optional, so older registries still load."""
    later = ("rows_method:", "example_args:", "example_columns:", "source_operation:")
    later += ("example_result:", "example_path:")
    old = tmp_path / "old.yaml"
    old.write_text(
        "".join(
            line
            for line in REGISTRY.read_text().splitlines(keepends=True)
            if not line.strip().startswith(later)
        )
    )
    assert diff.main(old, REGISTRY) == 0
    # No change for the clients' users (the example keys may still call for a patch release).
    assert capsys.readouterr().out.startswith("no changes\n")
