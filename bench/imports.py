"""Import time of each generated package against `import urllib3, msgspec`, in fresh interpreters.

Measured two ways, interleaved in the same rounds:

- `python -S`: site-packages and `generated/` on PYTHONPATH, no `site` (no `.pth` start-up hooks);
- installed: the project installed (not editable) with pip into a new virtualenv, started normally,
  with `site`, as a user's process starts.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import metadata
from pathlib import Path

from bench.figures import Row, Section, Target, ms, paired_ratios, row_with_spread, spread
from bench.measure import (
    GENERATED,
    ROOT,
    Config,
    child_env,
    interleaved,
    median,
    python_without_site,
    run_child,
)

BASELINE = "python -c pass"
REFERENCE = "import urllib3, msgspec"
STATEMENTS = {
    BASELINE: "pass",
    REFERENCE: "import urllib3, msgspec",
    "import msgspec": "import msgspec",
    "import paciolan": "import paciolan",
    "import oneticket": "import oneticket",
}
TARGET = Target(0.40)
PACKAGES = ("import paciolan", "import oneticket")
NO_SITE = "`python -S`"
INSTALLED = "installed"
METHODS = {
    NO_SITE: "`python -S`, site-packages and generated/ on PYTHONPATH",
    INSTALLED: "pip-installed (not editable) in a new virtualenv, normal start-up with `site`",
}

# The child times its own import too, and says whether urllib3 came with it.
CHILD = """\
import time
_t = time.perf_counter()
{statement}
_t = time.perf_counter() - _t
import sys
print(_t, "urllib3" in sys.modules)
"""


@contextmanager
def installed_python() -> Iterator[Path]:
    """A new virtualenv with the clients' own wheels (as users install them: `ticketing-codegen build`)
    and the same urllib3 and msgspec installed."""
    with tempfile.TemporaryDirectory(prefix="bench-venv-") as directory:
        wheels = Path(directory) / "dist"
        built = subprocess.run(
            [sys.executable, "-m", "ticketing_codegen", "build", "--out", str(wheels)],
            capture_output=True,
            text=True,
            check=False,
            cwd=ROOT,
        )
        if built.returncode != 0:
            raise RuntimeError(f"building the clients' wheels failed:\n{built.stderr[-2000:]}")
        venv = Path(directory) / "venv"
        subprocess.run(
            [sys.executable, "-m", "venv", "--without-pip", str(venv)],
            check=True,
            capture_output=True,
        )
        python = venv / "bin" / "python"
        pins = [f"{name}=={metadata.version(name)}" for name in ("urllib3", "msgspec")]
        done = subprocess.run(
            [
                *(sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet"),
                *("--no-deps", "--disable-pip-version-check", *map(str, wheels.glob("*.whl"))),
                *pins,
            ],
            capture_output=True,
            text=True,
            check=False,
            cwd=directory,
        )
        if done.returncode != 0:
            raise RuntimeError(f"pip install of the project failed:\n{done.stderr[-2000:]}")
        yield python


def _installed_env() -> dict[str, str]:
    env = dict(os.environ)
    for name in ("PYTHONPATH", "PYTHONDONTWRITEBYTECODE", "PYTHONHOME", "VIRTUAL_ENV"):
        env.pop(name, None)
    return env


def run(config: Config) -> Section:
    with installed_python() as python:
        return _measure(config, python)


def _measure(config: Config, installed: Path) -> Section:
    commands: dict[tuple[str, str], tuple[list[str], dict[str, str]]] = {}
    no_site_env = child_env(extra_path=[GENERATED])
    installed_env = _installed_env()
    for name, statement in STATEMENTS.items():
        code = CHILD.format(statement=statement)
        commands[NO_SITE, name] = (python_without_site(code), no_site_env)
        commands[INSTALLED, name] = ([str(installed), "-c", code], installed_env)

    loads_urllib3: dict[tuple[str, str], bool] = {}
    for key, (command, env) in commands.items():  # warm the bytecode cache once
        loads_urllib3[key] = run_child(command, env, cwd=installed.parent)[1].split()[1] == "True"

    inside: dict[tuple[str, str], list[float]] = {key: [] for key in commands}

    def sample(key: tuple[str, str]) -> float:
        command, env = commands[key]
        # From a neutral directory: the checkout's own packages must not shadow the installed ones.
        wall, out = run_child(command, env, cwd=installed.parent)
        inside[key].append(float(out.split()[0]))
        return wall

    walls = interleaved(list(commands), config.import_runs, sample)
    section = Section("Import (fresh interpreter, `python -c pass` subtracted)", "import")
    for method in METHODS:
        base = walls[method, BASELINE]
        net = {
            name: [wall - start for wall, start in zip(walls[method, name], base, strict=True)]
            for name in STATEMENTS
            if name != BASELINE
        }
        start_up = median(base)
        section.rows.append(
            Row(
                f"{method}: `{BASELINE}`",
                start_up,
                f"{ms(start_up)} start-up",
                config.import_runs,
            )
        )
        for name, values in net.items():
            value = median(values)
            inner = spread(paired_ratios(inside[method, name], inside[method, REFERENCE]))
            shown = (
                f"{ms(value)} (in-process {ms(median(inside[method, name]))}: "
                f"{inner[1]:.2f}x, {inner[0]:.2f}-{inner[2]:.2f})"
            )
            target = TARGET if name in PACKAGES else None
            section.rows.append(
                row_with_spread(
                    f"{method}: `{name}`",
                    value,
                    shown,
                    config.import_runs,
                    paired_ratios(values, net[REFERENCE]),
                    f"`{REFERENCE}`",
                    target,
                )
            )
    for name in PACKAGES:
        pulls = [method for method in METHODS if loads_urllib3[method, name]]
        section.notes.append(
            f"`{name}` imports urllib3 already ({', '.join(pulls)}): it should wait for the first request."
            if pulls
            else f"`{name}` does not import urllib3: that waits for the first request."
        )
    section.notes.append(
        f"{NO_SITE}: {METHODS[NO_SITE]}, bytecode caching on (warmed once): `.pth` start-up hooks "
        "(the editable-install finder, any that import modules at start-up) would otherwise "
        f"pre-import what is being measured. {INSTALLED}: {METHODS[INSTALLED]} (pip compiles the "
        "bytecode), started from a directory outside the checkout. Each figure is the median over "
        "rounds of the wall time of the process minus that round's `python -c pass` of the same "
        "method; 'in-process' is `time.perf_counter()` around the import inside the child, with its "
        "own ratio (median, smallest-largest over rounds): no start-up to subtract, so it moves "
        "less when the machine is busy."
    )
    return section
