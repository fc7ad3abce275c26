"""Shared by the release tests: distributions built once per session, and fresh virtualenvs to install them.

Tests marked `installs` create virtualenvs and install into them with pip (tens of seconds each); they run
in the normal suite, and `pytest -m "not installs"` leaves them out.
"""

from __future__ import annotations

import email
import os
import re
import subprocess
import sys
import zipfile
from collections.abc import Mapping, Sequence
from email.message import Message
from pathlib import Path

import pytest

from ticketing_codegen import distribution

ROOT = Path(__file__).resolve().parent.parent.parent
REGISTRY = ROOT / "endpoints.yaml"
# Bounds every command a test runs (a pip install from a cold cache is the slowest).
COMMAND_TIMEOUT = 600


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, distribution.Built]:
    """Every vendor's wheel and sdist, built as `ticketing-codegen build` builds them."""
    out = tmp_path_factory.mktemp("dist")
    return {item.distribution.package: item for item in distribution.build(REGISTRY, out)}


@pytest.fixture(scope="session")
def tool_distribution(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The tool's sdist and wheel, built as `python -m build` builds them from the checkout (the sdist
    first, the wheel from the sdist)."""
    out = tmp_path_factory.mktemp("tool-dist")
    run([sys.executable, "-m", "build", "--no-isolation", "--outdir", out, ROOT], cwd=out)
    (sdist,) = out.glob("ticketing_codegen-*.tar.gz")
    (wheel,) = out.glob("ticketing_codegen-*.whl")
    return sdist, wheel


def clean_environment() -> dict[str, str]:
    """The environment without anything that would put the checkout on sys.path."""
    return {
        name: value
        for name, value in os.environ.items()
        if name not in {"PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "PYTHONSTARTUP"}
    }


def run(
    command: Sequence[str | Path], cwd: Path, env_extra: Mapping[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run a command to its end (bounded); a failure shows its output."""
    done = subprocess.run(
        [str(part) for part in command],
        cwd=cwd,
        env={**clean_environment(), **(env_extra or {})},
        capture_output=True,
        text=True,
        timeout=COMMAND_TIMEOUT,
        check=False,
    )
    assert done.returncode == 0, f"{command} failed:\n{done.stdout}\n{done.stderr}"
    return done


def fresh_virtualenv(folder: Path, *requirements: str | Path) -> Path:
    """A new virtualenv in `folder` with only `requirements` installed; its bin/ folder."""
    run([sys.executable, "-m", "venv", folder], cwd=folder.parent)
    bin_dir = folder / "bin"
    run([bin_dir / "python", "-m", "pip", "install", "-q", *requirements], cwd=folder.parent)
    return bin_dir


BIN = Path(
    sys.executable
).parent  # the tools the dev extra installs: twine, check-wheel-contents, pyroma


def metadata(wheel: Path) -> Message:
    """The METADATA of a wheel."""
    with zipfile.ZipFile(wheel) as archive:
        name = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
        return email.message_from_bytes(archive.read(name))


def twine_check(files: Sequence[Path], cwd: Path) -> str:
    """What `twine check --strict` says of `files` (a `PASSED` per file that passes)."""
    return run([BIN / "twine", "check", "--strict", *files], cwd=cwd).stdout


def check_wheel_contents(wheels: Sequence[Path], cwd: Path, *, config: Path | None = None) -> str:
    """What check-wheel-contents says of `wheels` (`<wheel>: OK` for each clean one)."""
    options: list[str | Path] = ["--config", config] if config is not None else []
    return run([BIN / "check-wheel-contents", *options, *wheels], cwd=cwd).stdout


def pyroma_rating(sdist: Path, cwd: Path) -> str:
    """pyroma's report of an sdist, ending in `Final rating: N/10` (every check counts)."""
    return run([BIN / "pyroma", "--min", "9", sdist], cwd=cwd).stdout


def rated_9_or_better(report: str) -> bool:
    return re.search(r"^Final rating: (9|10)/10$", report, re.MULTILINE) is not None
