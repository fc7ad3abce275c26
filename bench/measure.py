"""What every benchmark shares: repeat counts, medians, interleaving, and fresh-interpreter children."""

from __future__ import annotations

import gc
import os
import resource
import site
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Hashable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

ROOT = Path(__file__).resolve().parent.parent
GENERATED = ROOT / "generated"


@dataclass(frozen=True)
class Config:
    """How many samples each figure takes: the full run, or `--quick` to check that it all works."""

    import_runs: int
    decode_rounds: int
    request_rounds: int
    request_block: int
    generation_runs: int
    memory_runs: int

    @classmethod
    def full(cls) -> Config:
        return cls(
            import_runs=21,
            decode_rounds=15,
            request_rounds=60,
            request_block=50,
            generation_runs=5,
            memory_runs=5,
        )

    @classmethod
    def fast(cls) -> Config:
        return cls(
            import_runs=3,
            decode_rounds=2,
            request_rounds=4,
            request_block=20,
            generation_runs=1,
            memory_runs=1,
        )


def timed_after_collection(work: Callable[[], object]) -> float:
    """Seconds one run of `work` takes, after a full collection (so no earlier garbage is collected
    during it); what it returns is freed before the next sample."""
    gc.collect()
    started = time.perf_counter()
    result = work()
    elapsed = time.perf_counter() - started
    del result  # freed outside the timed span
    return elapsed


def median(samples: Sequence[float]) -> float:
    return statistics.median(samples)


K = TypeVar("K", bound=Hashable)


def rotations(names: Sequence[K], rounds: int) -> Iterator[K]:
    """Each name once per round, the starting name moving on every round (no variant always goes first)."""
    for round_ in range(rounds):
        shift = round_ % len(names)
        yield from [*names[shift:], *names[:shift]]


def interleaved(
    names: Sequence[K], rounds: int, sample: Callable[[K], float]
) -> dict[K, list[float]]:
    """`sample(name)` for every name, `rounds` times, interleaved."""
    samples: dict[K, list[float]] = {name: [] for name in names}
    for name in rotations(names, rounds):
        samples[name].append(sample(name))
    return samples


def child_env(*, extra_path: Sequence[Path] = ()) -> dict[str, str]:
    """The environment of a fresh interpreter that writes and reuses bytecode like a normal install.

    PYTHONDONTWRITEBYTECODE is removed (otherwise every import recompiles); the generated packages come
    from `generated/` directly rather than through the editable-install finder.
    """
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    paths = [str(path) for path in extra_path]
    env["PYTHONPATH"] = os.pathsep.join([*paths, *site_paths()])
    return env


def site_paths() -> list[str]:
    """The site-packages directories of this interpreter, for children started with `-S`."""
    paths = list(site.getsitepackages())
    user = site.getusersitepackages()
    if site.ENABLE_USER_SITE and os.path.isdir(user):
        paths.append(user)
    return paths


def python_without_site(code: str) -> list[str]:
    """A child running `code` without processing `.pth` files.

    `-S` keeps start-up hooks (the editable finder, any `.pth` that imports modules at start-up) from
    pre-importing modules the measured import would otherwise pay for; `os` is imported first as `site`
    would, so the child starts with the same modules as a plain virtualenv's interpreter.
    """
    return [sys.executable, "-S", "-c", "import os\n" + code]


def run_child(
    command: Sequence[str], env: dict[str, str], *, cwd: Path = ROOT
) -> tuple[float, str]:
    """Run a child to completion: its wall time in seconds and its standard output."""
    started = time.perf_counter()
    done = subprocess.run(
        list(command), env=env, cwd=cwd, capture_output=True, text=True, check=False
    )
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise ChildError(command, done.returncode, done.stderr)
    return elapsed, done.stdout


@dataclass(frozen=True)
class ChildRun:
    wall: float  # seconds
    cpu: float  # seconds of user and system time, its own children (ruff) included
    returncode: int
    stderr: str


def timed_child(command: Sequence[str], env: dict[str, str], *, cwd: Path = ROOT) -> ChildRun:
    """Run a child to completion and say how long it took, on the clock and on the CPUs."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(
        list(command), env=env, cwd=cwd, capture_output=True, text=True, check=False
    )
    wall = time.perf_counter() - started
    spent = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = spent.ru_utime - usage.ru_utime + spent.ru_stime - usage.ru_stime
    return ChildRun(wall, cpu, done.returncode, done.stderr)


class ChildError(RuntimeError):
    def __init__(self, command: Sequence[str], returncode: int, stderr: str) -> None:
        tail = "\n".join(stderr.strip().splitlines()[-15:])
        super().__init__(f"{' '.join(command)!r} exited with {returncode}:\n{tail}")
