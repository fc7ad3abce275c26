"""Import time of each generated package against `import urllib3, msgspec`, in fresh interpreters."""

from __future__ import annotations

from bench.figures import Row, Section, Target, ms
from bench.measure import (
    GENERATED,
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
TARGETS = {"import paciolan": Target(0.5), "import oneticket": Target(0.5)}

# The child times its own import too, and says whether urllib3 came with it.
CHILD = """\
import time
_t = time.perf_counter()
{statement}
_t = time.perf_counter() - _t
import sys
print(_t, "urllib3" in sys.modules)
"""


def run(config: Config) -> Section:
    env = child_env(extra_path=[GENERATED])
    commands = {
        name: python_without_site(CHILD.format(statement=statement))
        for name, statement in STATEMENTS.items()
    }
    loads_urllib3: dict[str, bool] = {}
    for name, command in commands.items():  # warm the bytecode cache once
        loads_urllib3[name] = run_child(command, env)[1].split()[1] == "True"

    inside: dict[str, list[float]] = {name: [] for name in commands}

    def sample(name: str) -> float:
        wall, out = run_child(commands[name], env)
        inside[name].append(float(out.split()[0]))
        return wall

    walls = interleaved(list(commands), config.import_runs, sample)
    start_up = median(walls[BASELINE])
    net = {name: median(walls[name]) - start_up for name in commands if name != BASELINE}
    reference = net[REFERENCE]
    section = Section("Import (fresh interpreter, `python -c pass` subtracted)", "import")
    section.rows.append(
        Row(f"`{BASELINE}`", start_up, f"{ms(start_up)} start-up", config.import_runs)
    )
    for name, value in net.items():
        section.rows.append(
            Row(
                variant=f"`{name}`",
                median=value,
                shown=f"{ms(value)} (in-process {ms(median(inside[name]))})",
                runs=config.import_runs,
                ratio=value / reference if reference > 0 else None,
                reference=f"`{REFERENCE}`",
                target=TARGETS.get(name),
            )
        )
    for name in ("import paciolan", "import oneticket"):
        section.notes.append(
            f"`{name}` imports urllib3 already: it should wait for the first request."
            if loads_urllib3[name]
            else f"`{name}` does not import urllib3: that waits for the first request."
        )
    section.notes.append(
        "Each sample is a new `python -S` process with site-packages and `generated/` on PYTHONPATH "
        "and bytecode caching on (warmed once): `.pth` start-up hooks (the editable-install finder, "
        "any that import modules at start-up) would otherwise pre-import what is being measured. "
        "The figure is the median wall time of the process minus the median of `python -c pass`; "
        "'in-process' is `time.perf_counter()` around the import inside the child."
    )
    return section
