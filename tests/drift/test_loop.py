"""The whole loop over HTTP: the vendor drifts, the clients record it, `ticketing-codegen drift` proposes exactly
those additions, and once they are pasted and the clients regenerated, the same traffic records nothing."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.drift.paste import parse_blocks, paste

# The same traffic each time, run in a subprocess so that it can use regenerated packages: a cart.get
# and a purchases.list whose answers the emulator drifts. Prints what the emulator changed.
TRAFFIC = """
import json, sys
import oneticket, paciolan
from ticketing_emulator import running

directory = sys.argv[1]
changes = {}
with running() as emulator:
    cart_client = paciolan.PaciolanClient(
        api_key="key-SECRET-paciolan-0000", application_id="a", channel_code="c", organization_id=1,
        user_agent="Tests/1.0.0", servers=emulator.servers("paciolan"), record_drift=directory,
        max_retries=0,
    )
    offer = {"seasonCode": "F17", "itemCode": "F01", "quantity": 2}
    cart = cart_client.cart.create(policy_code="WEB", body=offer)
    emulator.inject(
        "cart.get", vendor="paciolan", drift=["added_field", "new_enum_value", "missing_field"],
        drift_depth=2,
    )
    with paciolan.capture_responses() as raws:
        try:
            cart_client.cart.get(cart_id=str(cart.id), policy_code="WEB")
        except paciolan.DecodeError:  # a required field went missing (until the registry says so)
            pass
    changes["paciolan"] = raws[-1].headers["X-Emulator-Drift"].split("; ")

    purchases_client = oneticket.OneTicketClient(
        api_token="tok-SECRET-1ticket-0000", servers=emulator.servers("oneticket"),
        record_drift=directory, max_retries=0,
    )
    emulator.inject("purchases.list", vendor="oneticket", drift=["added_field"], drift_depth=3)
    with oneticket.capture_responses() as raws:
        purchases_client.purchases.list()
    changes["oneticket"] = raws[-1].headers["X-Emulator-Drift"].split("; ")
print(json.dumps({"changes": changes, "package": paciolan.__file__}))
"""

# Decode and encode every observed sample with the (regenerated) packages: the round-trip test's check.
ROUND_TRIP = """
import importlib, json, sys
from decimal import Decimal
from pathlib import Path

for path in sorted(Path(sys.argv[1]).glob("*/observed/*.json")):
    vendor, operation = path.parent.parent.name, path.name.split(".json")[0].rsplit(".", 1)[0]
    package = importlib.import_module(vendor)
    endpoints = importlib.import_module(vendor + "._endpoints")
    endpoint = getattr(endpoints, "_" + operation.replace(".", "_").upper())
    value = package.decode(path.read_bytes(), endpoint.envelope_type or endpoint.response_type)
    same = json.loads(package.encode(value), parse_float=Decimal) == json.loads(
        path.read_bytes(), parse_float=Decimal
    )
    print(path.name, same)
"""

# A failure inside recording is only a warning for users; here it fails the test.
pytestmark = pytest.mark.filterwarnings("error::RuntimeWarning")


def _run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, env=env, timeout=300, check=False
    )


@pytest.fixture
def registry_copy(tmp_path: Path) -> Path:
    """A copy of the registry with its own samples directory (`--samples` writes there)."""
    directory = tmp_path / "registry"
    directory.mkdir()
    shutil.copy(ROOT / "endpoints.yaml", directory / "endpoints.yaml")
    shutil.copytree(ROOT / "samples", directory / "samples")
    return directory / "endpoints.yaml"


def test_recorded_drift_is_proposed_pasted_regenerated_and_then_known(
    tmp_path: Path, registry_copy: Path
) -> None:
    recorded = tmp_path / "drift"
    traffic = _run("-W", "error::RuntimeWarning", "-c", TRAFFIC, str(recorded))
    assert traffic.returncode == 0, traffic.stderr
    changes = json.loads(traffic.stdout)["changes"]
    assert [c.split()[0] for c in changes["paciolan"]] == [
        "missing_field",
        "new_enum_value",
        "added_field",
    ]

    report = _run(
        "-m",
        "ticketing_codegen",
        "--registry",
        str(registry_copy),
        "drift",
        str(recorded),
        "--samples",
    )
    assert report.returncode == 1, report.stderr
    blocks = parse_blocks(report.stdout)
    proposed = [line.strip() for block in blocks for line in block.lines]
    expected_count = 0
    for change in changes["paciolan"] + changes["oneticket"]:
        kind, where = change.split(" ", 1)
        if kind == "added_field":
            name = where.rsplit(".", 1)[1]
            assert [p for p in proposed if p.startswith(f"{name}: ")], report.stdout
            expected_count += 1
        elif kind == "missing_field":
            name = where.rsplit(".", 1)[1]
            [line] = [p for p in proposed if p.startswith(f"{name}: ")]
            assert "optional: true" in line
            expected_count += 1
        else:
            value = where.rsplit("=", 1)[1]
            [line] = [p for p in proposed if p.startswith("enum: [")]
            assert line.endswith(f", {value}]")
            assert [p for p in proposed if p.startswith("notes: [") and value in p]
            expected_count += 2  # the enum's values, and a note saying when the new one came
    assert len(proposed) == expected_count, report.stdout

    registry_copy.write_text(paste(registry_copy.read_text(), blocks))
    regenerated = tmp_path / "generated"
    generate = _run(
        "-m",
        "ticketing_codegen",
        "--registry",
        str(registry_copy),
        "--out",
        str(regenerated),
        "--docs",
        str(tmp_path / "docs"),
        "generate",
    )
    assert generate.returncode == 0, generate.stderr

    known = _run(
        "-m", "ticketing_codegen", "--registry", str(registry_copy), "drift", str(recorded)
    )
    assert known.returncode == 0, known.stdout
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(regenerated), str(ROOT)])}
    again = tmp_path / "drift-again"
    replay = _run("-W", "error::RuntimeWarning", "-c", TRAFFIC, str(again), env=env)
    assert replay.returncode == 0, replay.stderr
    assert json.loads(replay.stdout)["package"].startswith(str(regenerated))
    assert json.loads(replay.stdout)["changes"] == changes  # the same traffic ...
    assert not again.exists() or not list(again.iterdir())  # ... records nothing new

    round_trip = _run("-c", ROUND_TRIP, str(registry_copy.parent / "samples"), env=env)
    results = round_trip.stdout.split()
    assert round_trip.returncode == 0, round_trip.stderr
    assert results and results[1::2] == ["True"] * (len(results) // 2)  # every observed body


def test_the_report_exits_0_on_an_empty_directory(tmp_path: Path) -> None:
    done = _run("-m", "ticketing_codegen", "drift", str(tmp_path))
    assert done.returncode == 0, done.stdout + done.stderr
