"""Format rendered files with ruff, then either replace `generated/` atomically or compare with it."""

from __future__ import annotations

import difflib
import os
import shutil
import subprocess
import tempfile
from pathlib import Path


class FormatError(Exception):
    """ruff could not format the rendered code (a template produced invalid Python)."""


def write_tree(files: dict[str, str], root: Path) -> None:
    for relative, text in files.items():
        target = root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")


def _ruff_binary() -> str:
    """The ruff executable itself: `python -m ruff` would start one more interpreter per call."""
    try:
        from ruff.__main__ import find_ruff_bin  # type: ignore[import-untyped]

        return str(find_ruff_bin())
    except (ImportError, FileNotFoundError):
        found = shutil.which("ruff")
        if found is None:
            raise FormatError("ruff is not installed (pip install -e '.[codegen]')") from None
        return found


def format_tree(root: Path, config: Path) -> None:
    """Sort imports and format every Python file below `root`, as the project's own code is."""
    ruff = [_ruff_binary()]
    # Files are named one by one: ruff skips excluded and git-ignored directories, files given explicitly never.
    paths = [str(path) for path in sorted(root.rglob("*.py"))]
    for args in (
        ["check", "--fix-only", "--select", "I", "--quiet"],
        ["format", "--quiet"],
    ):
        done = subprocess.run(
            [*ruff, *args, "--config", str(config), "--no-cache", *paths],
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode != 0:
            raise FormatError(done.stderr.strip() or done.stdout.strip())


def formatted(files: dict[str, str], config: Path, scratch_parent: Path) -> Path:
    """A fresh directory (next to `generated/`, same file system) holding the formatted files."""
    scratch_parent.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix=".codegen-scratch-", dir=scratch_parent))
    try:
        write_tree(files, scratch)
        format_tree(scratch, config)
    except BaseException:
        shutil.rmtree(scratch, ignore_errors=True)
        raise
    return scratch


def replace(target: Path, new: Path) -> None:
    """Put `new` in place of `target`: renames only, so a failure never leaves half a tree."""
    old = target.with_name(f".{target.name}-old-{os.getpid()}")
    if target.exists():
        target.rename(old)
    try:
        new.rename(target)
    except BaseException:
        if old.exists():
            old.rename(target)
        raise
    shutil.rmtree(old, ignore_errors=True)


def read_tree(root: Path) -> dict[str, str]:
    if not root.is_dir():
        return {}
    return {
        path.relative_to(root).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted(root.rglob("*"))
        if path.is_file() and "__pycache__" not in path.parts
    }


def differences(
    expected: dict[str, str],
    actual: dict[str, str],
    *,
    shown: str = "generated",
    context_lines: int = 20,
) -> list[str]:
    """A readable drift report: missing, unexpected and changed files, with the start of each diff.

    `expected` is what the registry produces, `actual` what is committed under the directory `shown`.
    """
    report: list[str] = []
    for name in sorted(expected.keys() - actual.keys()):
        report.append(f"missing: {shown}/{name}")
    for name in sorted(actual.keys() - expected.keys()):
        report.append(f"unexpected: {shown}/{name}")
    for name in sorted(expected.keys() & actual.keys()):
        if expected[name] != actual[name]:
            diff = list(
                difflib.unified_diff(
                    actual[name].splitlines(),
                    expected[name].splitlines(),
                    f"{shown}/{name} (committed)",
                    f"{shown}/{name} (from endpoints.yaml)",
                    lineterm="",
                )
            )
            changed = sum(1 for line in diff if line[:1] in "+-") - 2
            report.append(f"changed: {shown}/{name} ({changed} lines differ)")
            report.extend("    " + line for line in diff[:context_lines])
            if len(diff) > context_lines:
                report.append(f"    ... {len(diff) - context_lines} more diff lines")
    return report
