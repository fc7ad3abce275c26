"""schemathesis, a third-party API fuzzer, against the local emulator with the exported documents.

It generates requests from each vendor's OpenAPI document (valid and invalid ones, undeclared methods,
missing headers, no credentials) and checks the emulator's answers against the same document: statuses,
content types, response schemas (the error bodies included). The export and the emulator must agree, so
every failure is either fixed or a documented exception in the registry (`openapi.unchecked`, with the
reason), which this run skips. Bounded: a fixed seed, a few examples per operation, one worker.
Skipped, with the reason, when schemathesis is not installed.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from ticketing_codegen import openapi
from ticketing_codegen.model import CheckException, Vendor
from ticketing_emulator import Emulator, running

pytest.importorskip(
    "schemathesis",
    reason="schemathesis is not installed (pip install -e '.[dev]'): it fuzzes the emulator with the "
    "exported documents",
)

SEED = 20261201
MAX_EXAMPLES = 10
# Values that satisfy each vendor's credential checks (types and the User-Agent pattern).
CREDENTIALS: dict[str, dict[str, str]] = {
    "oneticket": {"x-api-token": "tok-schemathesis"},
    "paciolan": {
        "PAC-API-Key": "key-schemathesis",
        "PAC-Application-ID": "com.example.schemathesis",
        "PAC-Channel-Code": "FUZZ",
        "PAC-Organization-ID": "999",
        "User-Agent": "SchemathesisRun/1.0.0",
    },
}


def _cli() -> list[str]:
    found = shutil.which("schemathesis", path=str(Path(sys.executable).parent))
    return [found] if found else [sys.executable, "-m", "schemathesis.cli"]


def _groups(vendor: Vendor) -> list[tuple[str, list[str], list[str]]]:
    """(server, operation ids, checks to skip): one schemathesis run each.

    One run covers the operations of one server (`--url` replaces every server of the document) that
    skip the same checks (a vendor-wide exception, plus those naming the operation).
    """
    grouped: dict[tuple[str, tuple[str, ...]], list[str]] = {}
    for op in vendor.operations:
        skipped = tuple(
            sorted({e.check for e in vendor.unchecked if _covers(e, op.qualified_name)})
        )
        grouped.setdefault((op.server, skipped), []).append(op.qualified_name)
    return [(server, ops, list(skipped)) for (server, skipped), ops in grouped.items()]


def _covers(exception: CheckException, operation: str) -> bool:
    return not exception.operations or operation in exception.operations


@pytest.fixture(scope="module")
def own_emulator() -> Iterator[Emulator]:
    """An emulator of its own: the fuzzer makes carts and jobs that no other test should see."""
    with running() as emulator:
        yield emulator


def _run(vendor: Vendor, emulator: Emulator, tmp_path: Path) -> list[tuple[str, str, list[str]]]:
    """Every failure schemathesis reports for the vendor: (code, title, operations)."""
    document = tmp_path / f"{vendor.name}.openapi.json"
    document.write_text(openapi.dump(openapi.document(vendor, examples=True)))
    failures: list[tuple[str, str, list[str]]] = []
    for index, (server, operations, skipped) in enumerate(_groups(vendor)):
        report = tmp_path / f"report-{index}.json"
        command = [
            *_cli(),
            "run",
            str(document),
            "--url",
            emulator.servers(vendor.name)[server],
            "--checks",
            "all",
            "--max-examples",
            str(MAX_EXAMPLES),
            "--seed",
            str(SEED),
            "--workers",
            "1",
            "--report",
            "json",
            "--report-json-path",
            str(report),
        ]
        for name, value in CREDENTIALS[vendor.name].items():
            command += ["-H", f"{name}: {value}"]
        for operation in operations:
            command += ["--include-operation-id", operation]
        if skipped:
            command += ["--exclude-checks", ",".join(skipped)]
        done = subprocess.run(
            command, capture_output=True, text=True, timeout=240, check=False, cwd=tmp_path
        )
        assert report.exists(), done.stdout[-4000:] + done.stderr[-4000:]
        result: dict[str, Any] = json.loads(report.read_text())
        assert result["errors"] == [], result["errors"]
        failures += [(f["code"], f["title"], f["operations"]) for f in result["failures"]]
        if result["failures"]:  # the cases and their curl reproductions, for the assertion message
            (tmp_path / "failures.txt").open("a").write(done.stdout)
    return failures


@pytest.mark.parametrize("vendor_name", ["paciolan", "oneticket"])
def test_schemathesis_finds_nothing_beyond_the_registry_exceptions(
    vendor_name: str, packages: list[Vendor], own_emulator: Emulator, tmp_path: Path
) -> None:
    vendor = next(v for v in packages if v.name == vendor_name)
    failures = _run(vendor, own_emulator, tmp_path)
    output = tmp_path / "failures.txt"
    assert failures == [], output.read_text()[-8000:] if output.exists() else ""


def test_every_exception_gives_its_reason(packages: list[Vendor]) -> None:
    for vendor in packages:
        for exception in vendor.unchecked:
            assert len(exception.reason.split()) >= 8, (vendor.name, exception.check)
