"""Peak RSS of a fresh process after decoding the large manifest: typed against json.loads and others."""

from __future__ import annotations

from pathlib import Path

from bench.figures import Row, Section
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

TYPED = "typed `paciolan.decode(data, Manifest)`"
JSON = "`json.loads`"
UNTYPED = "`msgspec.json.decode` (untyped)"
PYDANTIC = "pydantic v2 `Manifest.model_validate_json`"

# (imports, expression decoding `data`)
DECODERS = {
    TYPED: ("import paciolan", "paciolan.decode(data, paciolan.models.Manifest)"),
    JSON: ("import json", "json.loads(data)"),
    UNTYPED: ("import msgspec", "msgspec.json.decode(data)"),
    PYDANTIC: (
        "from bench.pydantic_models import Manifest",
        "Manifest.model_validate_json(data)",
    ),
}

# Peak RSS once the modules are imported and the bytes read, then after decoding (result kept alive).
# On Linux the peak is VmHWM of /proc/self/status: `ru_maxrss` survives fork and exec, so a child of
# this (large) process would start with the parent's peak and show no growth at all.
CHILD = """\
import resource, sys
{imports}


def peak():
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    scale = 1 if sys.platform == "darwin" else 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale


with open({path!r}, "rb") as f:
    data = f.read()
before = peak()
result = {expression}
after = peak()
print(before, after)
"""


def _mb(size: float) -> str:
    return f"{size / 1e6:.1f} MB"


def run(config: Config, manifest_path: Path, with_pydantic: bool) -> Section:
    env = child_env(extra_path=[GENERATED, ROOT])
    names = [name for name in DECODERS if with_pydantic or name != PYDANTIC]
    commands = {
        name: python_without_site(
            CHILD.format(
                imports=DECODERS[name][0], path=str(manifest_path), expression=DECODERS[name][1]
            )
        )
        for name in names
    }
    peaks: dict[str, list[float]] = {name: [] for name in names}

    def sample(name: str) -> float:
        before, after = (float(value) for value in run_child(commands[name], env)[1].split())
        peaks[name].append(after)
        return after - before

    growth = interleaved(names, config.memory_runs, sample)
    grown = {name: median(values) for name, values in growth.items()}
    reference = grown[JSON]
    section = Section(
        f"Memory: peak RSS after decoding the manifest ({manifest_path.stat().st_size / 1e6:.1f} MB), "
        "fresh process",
        "memory",
    )
    for name in names:
        section.rows.append(
            Row(
                variant=name,
                median=grown[name],
                shown=f"+{_mb(grown[name])} (peak {_mb(median(peaks[name]))})",
                runs=config.memory_runs,
                ratio=grown[name] / reference,
                reference="`json.loads`",
            )
        )
    section.notes.append(
        "The figure is the growth of peak RSS over the same process's peak once its modules are "
        "imported and the bytes read, the decoded result still alive; the peak itself is in "
        "brackets (each variant imports only what it needs). The peak is VmHWM from "
        "/proc/self/status: on Linux a child's `ru_maxrss` starts at its parent's peak, so it "
        "would show no growth when started from this process (`ru_maxrss` only where there is no "
        "/proc). No target is set for memory."
    )
    return section
