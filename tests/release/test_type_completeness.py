"""pyright's `--verifytypes` finds every public symbol of each installed client fully typed (100%)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.release.conftest import COMMAND_TIMEOUT, clean_environment, fresh_virtualenv
from ticketing_codegen import distribution

pytestmark = pytest.mark.installs

# basedpyright: pyright with its Node runtime inside the wheel (the `pyright` wrapper downloads it).
PYRIGHT = shutil.which("basedpyright", path=str(Path(sys.executable).parent))


@pytest.fixture(scope="module")
def installed(
    built: dict[str, distribution.Built], tmp_path_factory: pytest.TempPathFactory
) -> Path:
    """A virtualenv holding every vendor's wheel (and so only urllib3 and msgspec besides)."""
    venv = tmp_path_factory.mktemp("typed") / "venv"
    fresh_virtualenv(venv, *(item.wheel for item in built.values()))
    return venv


@pytest.mark.skipif(PYRIGHT is None, reason="basedpyright (the dev extra) is not installed")
@pytest.mark.parametrize("vendor", ["oneticket", "paciolan"])
def test_every_public_symbol_is_fully_typed(installed: Path, vendor: str, tmp_path: Path) -> None:
    assert PYRIGHT is not None
    environment = clean_environment()
    environment["VIRTUAL_ENV"] = str(installed)
    environment["PATH"] = f"{installed / 'bin'}{os.pathsep}{environment.get('PATH', '')}"
    done = subprocess.run(
        [PYRIGHT, "--verifytypes", vendor, "--ignoreexternal", "--outputjson"],
        cwd=tmp_path,
        env=environment,
        capture_output=True,
        text=True,
        timeout=COMMAND_TIMEOUT,
        check=False,
    )
    report = json.loads(done.stdout)
    completeness = report["typeCompleteness"]
    problems = [
        f"{symbol['name']}: {diagnostic['message']}"
        for symbol in completeness["symbols"]
        for diagnostic in symbol.get("diagnostics", [])
        if diagnostic.get("severity") == "error"
    ]
    assert completeness["packageName"] == vendor
    assert completeness["completenessScore"] == 1, problems
