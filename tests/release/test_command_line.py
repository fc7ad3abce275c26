"""The command line without the extras: `--help` works and a command whose extra is missing says which
extra in one line (the extras' modules are blocked in a fresh interpreter, as if never installed)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.release.conftest import clean_environment

# A fresh interpreter in which importing PyYAML, Jinja2 or ruff fails as it does where they are missing.
WITHOUT_EXTRAS = """
import sys
for name in ("yaml", "jinja2", "ruff"):
    sys.modules[name] = None
from ticketing_codegen.__main__ import main
sys.exit(main(sys.argv[1:], prog="ticketing-codegen"))
"""


def without_extras(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", WITHOUT_EXTRAS, *args],
        cwd=cwd,
        env=clean_environment(),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_help_works_without_any_extra(tmp_path: Path) -> None:
    done = without_extras("--help", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "generate" in done.stdout and "build" in done.stdout and "vendor" in done.stdout
    assert done.stderr == ""


@pytest.mark.parametrize(
    ("args", "extra"),
    [
        (["generate"], "codegen"),
        (["validate"], "codegen"),
        (["build"], "codegen"),
        (["serve", "--port", "0"], "emulator"),
    ],
)
def test_a_missing_extra_is_one_line_naming_it(args: list[str], extra: str, tmp_path: Path) -> None:
    done = without_extras(*args, cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1, done.stderr
    assert f"pip install 'ticketing-codegen[{extra}]'" in done.stderr
    assert "Traceback" not in done.stderr


def test_the_generate_options_go_after_the_command_too(tmp_path: Path) -> None:
    from ticketing_codegen.__main__ import main

    assert main(["validate", "--registry", str(Path(__file__).parents[2] / "endpoints.yaml")]) == 0
