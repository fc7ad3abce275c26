"""Wall time of `python -m codegen generate` (into a scratch directory) and `check`, formatting included."""

from __future__ import annotations

import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.figures import Row, Section, Target, sec
from bench.measure import ROOT, Config, child_env, interleaved, median

GENERATE = "`python -m codegen generate` (both vendors, ruff included)"
CHECK = "`python -m codegen check`"
LIMIT = 1.0  # seconds


def _command(name: str, out: Path) -> list[str]:
    if name == GENERATE:
        # Into a scratch directory: the committed generated/ is never touched.
        return [sys.executable, "-m", "codegen", "--out", str(out), "generate"]
    return [sys.executable, "-m", "codegen", "check"]


def run(config: Config) -> Section:
    env = child_env()
    env["PYTHONPATH"] = str(ROOT)  # normal start-up: the command as a developer runs it
    exit_codes: dict[str, set[int]] = {GENERATE: set(), CHECK: set()}
    cpu: dict[str, list[float]] = {GENERATE: [], CHECK: []}  # user + system, ruff included
    with tempfile.TemporaryDirectory(prefix="bench-codegen-") as directory:
        out = Path(directory) / "generated"

        def sample(name: str) -> float:
            usage = resource.getrusage(resource.RUSAGE_CHILDREN)
            started = time.perf_counter()
            done = subprocess.run(
                _command(name, out), cwd=ROOT, env=env, capture_output=True, check=False
            )
            elapsed = time.perf_counter() - started
            spent = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu[name].append(spent.ru_utime - usage.ru_utime + spent.ru_stime - usage.ru_stime)
            exit_codes[name].add(done.returncode)
            if name == GENERATE and done.returncode != 0:
                raise RuntimeError(f"codegen generate failed:\n{done.stderr.decode()[-2000:]}")
            return elapsed

        for name in exit_codes:  # warm the bytecode cache once
            sample(name)
        samples = interleaved(list(exit_codes), config.generation_runs, sample)
    section = Section("Generation (wall time of the command, fresh process)", "generation")
    for name, values in samples.items():
        value = median(values)
        section.rows.append(
            Row(
                name,
                value,
                f"{sec(value)} (CPU {sec(median(cpu[name]))})",
                len(values),
                value / LIMIT,
                f"{LIMIT:g} s",
                Target(1.0),
            )
        )
    if exit_codes[CHECK] != {0}:
        section.notes.append(
            f"`check` exited with {sorted(exit_codes[CHECK])}: generated/ or docs/ differ from the registry "
            "in this working tree (its time is still the full render, format and compare)."
        )
    section.notes.append(
        "Ratios are against the 1.0 s target itself. Wall time is absolute, so it grows with the "
        "machine's load; the CPU time of the command and its ruff processes, in brackets, grows "
        "much less. `generate` writes into a temporary directory; `check` compares with the "
        "committed generated/ and docs/."
    )
    return section
