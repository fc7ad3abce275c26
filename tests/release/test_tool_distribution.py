"""The tool's own distribution (`ticketing-codegen`, `python -m build` in the checkout) passes the checks a
package index and its users apply: twine, check-wheel-contents (configured in pyproject.toml) and pyroma.
The tests that build are marked `installs` (building takes a few seconds)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
import tomllib

from tests.conftest import SHARED_SAMPLES
from tests.release.conftest import (
    REGISTRY,
    ROOT,
    check_wheel_contents,
    metadata,
    pyroma_rating,
    rated_9_or_better,
    twine_check,
)
from ticketing_codegen import resolve


@pytest.mark.installs  # builds the tool's distributions
def test_twine_check_passes_strictly(tool_distribution: tuple[Path, Path], tmp_path: Path) -> None:
    report = twine_check(tool_distribution, tmp_path)
    assert report.count("PASSED") == 2, report


@pytest.mark.installs  # builds the tool's distributions
def test_check_wheel_contents_finds_nothing(
    tool_distribution: tuple[Path, Path], tmp_path: Path
) -> None:
    # The project's own settings ([tool.check-wheel-contents]: the two top-level packages it ships).
    _, wheel = tool_distribution
    report = check_wheel_contents([wheel], tmp_path, config=ROOT / "pyproject.toml")
    assert report.strip() == f"{wheel}: OK", report


@pytest.mark.installs  # builds the tool's distributions
def test_pyroma_rates_the_sdist_9_or_better(
    tool_distribution: tuple[Path, Path], tmp_path: Path
) -> None:
    # Every pyroma check counts (pyroma cannot read a wheel; the wheel's metadata is built from the same
    # pyproject.toml).
    sdist, _ = tool_distribution
    report = pyroma_rating(sdist, tmp_path)
    assert rated_9_or_better(report), report


@pytest.mark.installs  # builds the tool's distributions
def test_the_wheel_names_its_contact_and_urls(tool_distribution: tuple[Path, Path]) -> None:
    _, wheel = tool_distribution
    meta = metadata(wheel)
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert meta["Author-email"] == ", ".join(
        f"{a['name']} <{a['email']}>" for a in project["authors"]
    )
    assert meta.get_all("Project-URL") == [f"{k}, {v}" for k, v in project["urls"].items()]


@pytest.mark.installs  # builds the tool's distributions
def test_the_license_is_in_the_wheel_once(tool_distribution: tuple[Path, Path]) -> None:
    _, wheel = tool_distribution
    with zipfile.ZipFile(wheel) as archive:
        licenses = [n for n in archive.namelist() if n.rsplit("/", 1)[-1] == "LICENSE"]
    assert len(licenses) == 1 and licenses[0].endswith(".dist-info/licenses/LICENSE"), licenses


def test_the_tests_table_of_shared_samples_is_the_registrys() -> None:
    """tests.conftest.SHARED_SAMPLES (read by the clients-only runs, which have no PyYAML) says what the
    registry's `sample:` keys say: which operations use another operation's sample file."""
    shared = {}
    for vendor in resolve.load(REGISTRY):
        for operation in vendor.operations:
            if operation.sample is not None and operation.sample.stem != operation.qualified_name:
                shared[(vendor.name, operation.qualified_name)] = operation.sample.stem
    assert shared == SHARED_SAMPLES
