"""Wall time of `ticketing-codegen generate` (into a scratch directory) and `check`, formatting included;
and how generation grows with the registry: registries 1x, 10x and 40x the real one (renamed copies of
its operations), generated in fresh processes, time per operation."""

from __future__ import annotations

import copy
import sys
import tempfile
from pathlib import Path

from bench.figures import Curve, Row, Section, Target, paired_ratios, sec, spread
from bench.measure import ROOT, Config, child_env, interleaved, median, timed_child

GENERATE = "`ticketing-codegen generate` (both vendors, ruff included)"
CHECK = "`ticketing-codegen check`"
LIMIT = 1.0  # seconds
CHECK_TARGET = Target(0.25)  # of LIMIT: `check` within 0.25 s
SCALES = (1, 10, 40)
QUICK_SCALES = (1, 2, 4)
GROWTH_TARGET = Target(3.5)  # the 40x registry's time over the 10x one's


def _command(name: str, out: Path) -> list[str]:
    if name == GENERATE:
        # Into a scratch directory: the committed generated/ is never touched.
        return [sys.executable, "-m", "ticketing_codegen", "--out", str(out), "generate"]
    return [sys.executable, "-m", "ticketing_codegen", "check"]


def run(config: Config) -> Section:
    env = child_env()
    env["PYTHONPATH"] = str(ROOT)  # normal start-up: the command as a developer runs it
    exit_codes: dict[str, set[int]] = {GENERATE: set(), CHECK: set()}
    cpu: dict[str, list[float]] = {GENERATE: [], CHECK: []}  # user + system, ruff included
    with tempfile.TemporaryDirectory(prefix="bench-codegen-") as directory:
        out = Path(directory) / "generated"

        def sample(name: str) -> float:
            done = timed_child(_command(name, out), env)
            cpu[name].append(done.cpu)
            exit_codes[name].add(done.returncode)
            if name == GENERATE and done.returncode != 0:
                raise RuntimeError(f"ticketing-codegen generate failed:\n{done.stderr[-2000:]}")
            return done.wall

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
                CHECK_TARGET if name == CHECK else Target(1.0),
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


def scaled_registry(factor: int, directory: Path) -> tuple[Path, int]:
    """The real registry with every vendor's operations `factor` times (copies renamed `<name>_copyN`).

    Returns its path (beside a link to `samples/`, which the registry names relatively) and its number
    of operations.
    """
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    document = yaml.load((ROOT / "endpoints.yaml").read_text(encoding="utf-8"), Loader=loader)
    count = 0
    for vendor in document["vendors"].values():
        originals = vendor["operations"]
        copies = [
            {**copy.deepcopy(operation), "name": f"{operation['name']}_copy{number}"}
            for number in range(2, factor + 1)
            for operation in originals
        ]
        vendor["operations"] = originals + copies
        count += len(vendor["operations"])
    folder = directory / f"x{factor}"
    folder.mkdir()
    (folder / "samples").symlink_to(ROOT / "samples", target_is_directory=True)
    path = folder / "endpoints.yaml"
    path.write_text(yaml.dump(document, Dumper=dumper, sort_keys=False), encoding="utf-8")
    return path, count


def run_scaling(config: Config, *, quick: bool) -> Section:
    scales = QUICK_SCALES if quick else SCALES
    env = child_env()
    env["PYTHONPATH"] = str(ROOT)
    with tempfile.TemporaryDirectory(prefix="bench-scaled-") as directory:
        registries = {factor: scaled_registry(factor, Path(directory)) for factor in scales}
        cpu: dict[int, list[float]] = {factor: [] for factor in scales}

        def sample(factor: int) -> float:
            path, _ = registries[factor]
            command = [sys.executable, "-m", "ticketing_codegen", "--registry", str(path)]
            command += ["--out", str(path.parent / "generated"), "generate"]
            done = timed_child(command, env)
            cpu[factor].append(done.cpu)
            if done.returncode != 0:
                raise RuntimeError(f"generate ({factor}x) failed:\n{done.stderr[-2000:]}")
            return done.wall

        for factor in scales:  # warm the bytecode cache once
            sample(factor)
            cpu[factor].clear()
        walls = interleaved(list(scales), config.generation_runs, sample)
    counts = {factor: registries[factor][1] for factor in scales}
    section = Section(
        f"Generation scaling: registries {', '.join(f'{f}x' for f in scales)} the real one",
        "generation-scaling",
    )
    for factor in scales:
        value = median(walls[factor])
        section.rows.append(
            Row(
                f"`generate`, {factor}x ({counts[factor]:,} operations)",
                value,
                f"{sec(value)} (CPU {sec(median(cpu[factor]))}), "
                f"{value / counts[factor] * 1e3:.2f} ms per operation",
                len(walls[factor]),
            )
        )
    middle, largest = scales[1], scales[2]
    for label, samples in (("wall", walls), ("CPU", cpu)):
        ratios = paired_ratios(samples[largest], samples[middle])
        low, ratio, high = spread(ratios)
        section.rows.append(
            Row(
                f"{largest}x time over {middle}x time ({label})",
                ratio,
                f"{largest // middle}x the operations",
                len(ratios),
                ratio,
                f"the {middle}x time",
                GROWTH_TARGET if not quick and label == "wall" else None,
                (low, high),
            )
        )
    xs = [float(counts[factor]) for factor in scales]
    section.curves.append(
        Curve(
            "Generation: time per operation against registry size",
            "operations in the registry",
            "milliseconds per operation (median, fresh process, ruff included)",
            xs,
            {
                "wall": [median(walls[f]) / counts[f] * 1e3 for f in scales],
                "CPU (with ruff)": [median(cpu[f]) / counts[f] * 1e3 for f in scales],
            },
            "generation-scaling.png",
            y_format="{:.2f}",
        )
    )
    section.notes.append(
        "Copies of every operation under new names (`<name>_copyN`), the types not copied: the "
        "fixed part of a run (start-up, types, formatting set-up) weighs less per operation as the "
        f"registry grows, which is why the bound for {largest // middle}x the operations is "
        f"{GROWTH_TARGET.bound:g}x the time and not more. Each sample is a fresh `ticketing-codegen "
        "generate` into a scratch directory, sizes interleaved; CPU is the process's and ruff's."
    )
    return section
