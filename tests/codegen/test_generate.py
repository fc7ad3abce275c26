"""`ticketing-codegen generate` and `check`: deterministic, atomic, and honest about drift."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ticketing_codegen import output
from ticketing_codegen.__main__ import ROOT, build_files, main

REGISTRY = ROOT / "endpoints.yaml"


@pytest.fixture(scope="module")
def fresh_tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """generated/ as the registry produces it now, written by the real command."""
    out = tmp_path_factory.mktemp("gen") / "generated"
    assert main(["--out", str(out), "generate"]) == 0
    return out


def test_the_committed_output_is_what_the_registry_produces(fresh_tree: Path) -> None:
    assert output.read_tree(fresh_tree) == output.read_tree(ROOT / "generated")


def test_two_runs_give_the_same_bytes(fresh_tree: Path, tmp_path: Path) -> None:
    again = tmp_path / "generated"
    assert main(["--out", str(again), "generate"]) == 0
    assert output.read_tree(again) == output.read_tree(fresh_tree)


def test_every_generated_file_names_the_registry_its_hash_and_the_command(fresh_tree: Path) -> None:
    import hashlib

    digest = hashlib.sha256(REGISTRY.read_bytes()).hexdigest()
    for path in fresh_tree.rglob("*.py"):
        first = path.read_text().splitlines()[0]
        assert first == (
            f"# Generated from endpoints.yaml (sha256 {digest}) "
            "by `ticketing-codegen generate`. Do not edit."
        ), path


def test_check_passes_on_an_up_to_date_tree(
    fresh_tree: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--out", str(fresh_tree), "check"]) == 0
    assert "up to date" in capsys.readouterr().out


def test_check_fails_with_a_readable_summary_when_a_file_was_edited(
    fresh_tree: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edited = tmp_path / "generated"
    shutil.copytree(fresh_tree, edited)
    models = edited / "paciolan" / "models.py"
    models.write_text(models.read_text().replace("class Cart(", "class Basket("))
    (edited / "paciolan" / "extra.py").write_text("x = 1\n")
    (edited / "oneticket" / "errors.py").unlink()

    assert main(["--out", str(edited), "check"]) == 1
    report = capsys.readouterr()
    assert "missing: generated/oneticket/errors.py" in report.out
    assert "unexpected: generated/paciolan/extra.py" in report.out
    assert "changed: generated/paciolan/models.py" in report.out
    assert "-class Basket(" in report.out
    assert "+class Cart(" in report.out
    assert "run `ticketing-codegen generate`" in report.err


def test_a_failed_generation_leaves_the_previous_output_intact(
    fresh_tree: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "generated"
    shutil.copytree(fresh_tree, out)
    broken = tmp_path / "endpoints.yaml"
    broken.write_text(REGISTRY.read_text().replace("method: GET", "method: FETCH", 1))

    assert main(["--registry", str(broken), "--out", str(out), "generate"]) == 2
    assert "nothing was written" in capsys.readouterr().err
    assert output.read_tree(out) == output.read_tree(fresh_tree)
    assert not list(tmp_path.glob(".codegen-scratch-*"))


def test_code_that_ruff_cannot_format_is_an_error_and_writes_nothing(tmp_path: Path) -> None:
    files = {"pkg/bad.py": "def broken(:\n"}
    with pytest.raises(output.FormatError):
        output.formatted(files, ROOT / "pyproject.toml", tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_the_rendered_files_cover_both_packages() -> None:
    files = build_files(REGISTRY)
    for package in ("oneticket", "paciolan"):
        for module in (
            "__init__.py",
            "client.py",
            "models.py",
            "errors.py",
            "_runtime.py",
            "py.typed",
        ):
            assert f"{package}/{module}" in files


def test_serve_reports_an_invalid_registry_with_its_lines(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "endpoints.yaml"
    broken.write_text(REGISTRY.read_text().replace("echo: [util.echo]", "echo: [util.echoo]"))
    (tmp_path / "samples").symlink_to(ROOT / "samples")
    assert main(["--registry", str(broken), "serve", "--port", "0"]) == 2
    err = capsys.readouterr().err
    assert "operation `util.echoo` is not declared" in err
    assert "1 problem(s) in the registry; the emulator did not start." in err


def test_the_checkouts_short_name_runs_the_same_command() -> None:
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "codegen", "check"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "up to date" in done.stdout
    usage = subprocess.run(
        [sys.executable, "-m", "codegen", "--help"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert usage.stdout.startswith("usage: python -m codegen ")
