"""The command line without the extras: `--help` works and a command whose extra is missing says which
extra in one line: in a fresh interpreter with the extras' modules blocked, as if never installed, and in a
fresh virtualenv holding the tool's wheel without any extra (marked `installs`)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.release.conftest import clean_environment, fresh_virtualenv, run

# A fresh interpreter in which importing PyYAML, Jinja2 or ruff fails as it does where they are missing.
WITHOUT_EXTRAS = """
import sys
for name in ("yaml", "jinja2", "ruff"):
    sys.modules[name] = None
from ticketing_codegen.__main__ import main
sys.exit(main(sys.argv[1:], prog="ticketing-codegen"))
"""


# `python -m ticketing_emulator` in such an interpreter.
EMULATOR_WITHOUT_EXTRAS = """
import runpy, sys
sys.modules["yaml"] = None
runpy.run_module("ticketing_emulator", run_name="__main__", alter_sys=True)
"""


def without_extras(
    *args: str, cwd: Path, program: str = WITHOUT_EXTRAS
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", program, *args],
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


def test_the_emulator_module_without_pyyaml_is_one_line_naming_the_extra(tmp_path: Path) -> None:
    done = without_extras("--port", "0", cwd=tmp_path, program=EMULATOR_WITHOUT_EXTRAS)
    assert done.returncode == 2
    assert done.stderr == (
        "python -m ticketing_emulator: needs PyYAML, which the `emulator` extra installs: "
        "pip install 'ticketing-codegen[emulator]'\n"
    )


# -- the tool's wheel alone, no extra -------------------------------------------------------------------

# A user's tests in an environment holding the tool without the emulator extra: pytest loads the plugin
# (registered for every session), the other tests run, and the fixture says what is missing.
USER_TESTS = """
def test_something_else():
    assert True


def test_with_the_emulator(emulator):
    pass
"""


def one_line_naming(extra: str, done: subprocess.CompletedProcess[str]) -> bool:
    return (
        done.returncode == 2
        and done.stderr.count("\n") == 1
        and done.stderr.endswith(f"pip install 'ticketing-codegen[{extra}]'\n")
    )


@pytest.fixture(scope="module")
def bare_tool(
    tool_distribution: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory
) -> Path:
    """bin/ of a fresh virtualenv holding the tool's wheel without any extra (and pytest)."""
    venv = tmp_path_factory.mktemp("bare-tool") / "venv"
    bin_dir = fresh_virtualenv(venv, tool_distribution[1], "pytest")
    no_yaml = [bin_dir / "python", "-c", "import importlib.util as u; print(u.find_spec('yaml'))"]
    assert run(no_yaml, cwd=venv.parent).stdout.strip() == "None"
    return bin_dir


def bare(bin_dir: Path, *command: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(bin_dir / str(command[0])), *map(str, command[1:])],
        cwd=cwd,
        env=clean_environment(),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.installs
@pytest.mark.parametrize(
    ("command", "extra"),
    [
        (["python", "-m", "ticketing_emulator", "--port", "0"], "emulator"),
        (["python", "-m", "ticketing_codegen", "serve", "--port", "0"], "emulator"),
        (["ticketing-codegen", "serve", "--port", "0"], "emulator"),
        (["ticketing-codegen", "generate", "--out", "clients"], "codegen"),
        (["python", "-m", "ticketing_codegen", "validate"], "codegen"),
    ],
    ids=lambda value: " ".join(value) if isinstance(value, list) else value,
)
def test_a_command_of_the_bare_install_names_its_missing_extra(
    bare_tool: Path, command: list[str], extra: str, tmp_path: Path
) -> None:
    done = bare(bare_tool, *command, cwd=tmp_path)
    assert one_line_naming(extra, done), f"{done.returncode}\n{done.stdout}\n{done.stderr}"
    assert "Traceback" not in done.stderr


@pytest.mark.installs
@pytest.mark.parametrize(
    "command",
    [
        ["python", "-m", "ticketing_emulator", "--help"],
        ["python", "-m", "ticketing_codegen", "--help"],
        ["ticketing-codegen", "--help"],
    ],
    ids=" ".join,
)
def test_help_of_the_bare_install(bare_tool: Path, command: list[str], tmp_path: Path) -> None:
    done = bare(bare_tool, *command, cwd=tmp_path)
    assert done.returncode == 0 and done.stderr == "", done.stderr
    assert "--port" in done.stdout or "generate" in done.stdout


@pytest.mark.installs
def test_a_users_tests_run_beside_the_plugin_without_pyyaml(
    bare_tool: Path, tmp_path: Path
) -> None:
    (tmp_path / "test_user.py").write_text(USER_TESTS)
    done = bare(bare_tool, "python", "-m", "pytest", "-q", "-p", "no:cacheprovider", cwd=tmp_path)
    assert "1 passed, 1 error" in done.stdout, done.stdout + done.stderr
    assert (
        "the ticketing_emulator fixture: needs PyYAML, which the `emulator` extra installs: "
        "pip install 'ticketing-codegen[emulator]'\n"
    ) in done.stdout
    assert "Traceback" not in done.stdout and "During handling" not in done.stdout
