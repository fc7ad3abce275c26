"""Why a target was missed (or nearly): a profile taken in the same run where one helps, and the fix.

The fixes named here were found by profiling (`python -X importtime`, cProfile) and checked on a
patched copy of the generated package or generator; they belong in `templates/` or `codegen/`, never
in `generated/` by hand.
"""

from __future__ import annotations

import pstats
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from bench.figures import Section
from bench.measure import GENERATED, ROOT, child_env, python_without_site

REQUEST_FIX = [
    "Profile (cProfile, and timers around the pool call inside the client): inside urllib3 the "
    "generated call costs what raw urllib3 costs for the same request. The first profile showed "
    "`PoolManager.request` parsing the full URL twice and looking the pool up on every call, and a "
    "new `urllib3.Timeout` per call: the runtime now keeps one `HTTPConnectionPool` per server with "
    "the request target precomputed (`pool.urlopen(method, target, ...)`) and caches the timeouts "
    "(measured before: 1.22x to 1.27x; after: 1.05x to 1.10x, run to run).",
    "",
    "What remains over a bare GET is the request the API requires: six more headers (the PAC-* "
    "credentials, Accept, Accept-Encoding, Request-ID), each validated by `http.client.putheader` "
    "(the information row: raw urllib3 sending the same headers), plus the client's own work "
    "(argument checks and encoding, a UUID4, the typed decode, the raw-response record), a few "
    "microseconds. Against raw urllib3 sending the same request the client is at 1.0x (see the "
    "note below). Meeting 1.0x against a bare GET would mean leaving out headers the vendor "
    "requires, so the target is read as 'no more than raw urllib3 doing the same request'.",
]

DECODE_FIX = [
    "The typed decode is msgspec's own decoder for the generated Structs; when it is slower than "
    "the untyped decode the models hold something expensive per value (a `Decimal`, an enum "
    "with `_missing_`, a union of Structs). Time the decode of each nested type alone to find it, "
    "and make the response Structs `gc=False` in `templates/models.py.j2` (they hold no cycles) "
    "so that the collector does not walk them.",
]

IMPORT_FIX = [
    "`import msgspec` alone is a floor the package cannot go under (see its row; msgspec itself "
    "pulls in `typing_extensions`, `inspect`, `datetime`, `decimal`, `uuid`). At the time of "
    "writing, `import paciolan` added to msgspec's modules only its own (`models` the largest, "
    "every Struct and enum class created at import; then `_runtime`, `client`) and four stdlib "
    "modules: `urllib.parse` with `ipaddress` (~5 ms), `threading` (~2 ms), `zlib` and "
    "`contextvars` (<1 ms each). Fixes for `templates/` worth about 0.05x of the reference "
    "together: import `quote` from `urllib.parse` when the first request is prepared (with "
    "urllib3); `_thread.allocate_lock()` instead of `threading.Lock()` (a built-in module); "
    "`zlib` inside the `batch_export` function that inflates. The live `-X importtime` of this "
    "run follows (cumulative times include whatever a module imported first, also modules "
    "msgspec would import anyway).",
]

GENERATION_FIX = [
    "Profile findings (cProfile of `generate`; `check` does the same work): "
    "`registry._convert_struct` calls `msgspec.structs.fields(tp)` for every struct *instance* of "
    "the registry, and each call re-evaluates the string annotations (`typing` compiles ~3,000 "
    "ForwardRefs per load); Jinja compiles every template from source on every run; ruff is "
    "started twice through `python -m ruff` (one more interpreter each); an earlier version also "
    "loaded the registry a second time for docs/.",
    "",
    "Fixes in `codegen/`, checked together on a copy of the generator (output byte-identical; "
    "medians of 9 interleaved runs at load average 1.5 on 2 CPUs): generate 0.80 s -> 0.42 s, "
    "check 0.72 s -> 0.44 s. Each one's state in this working tree:",
    "",
]

# (what to do, file under codegen/, text whose presence means it is still to do)
GENERATION_STEPS = [
    (
        "cache the fields per struct type (`@functools.cache def _fields(tp): return "
        "{f.encode_name: f for f in msgspec.structs.fields(tp)}`, like `_type_hints`) and use it "
        "in `_convert_struct`",
        "registry.py",
        "for f in msgspec.structs.fields(tp)}\n    before",
    ),
    (
        "`bytecode_cache=jinja2.FileSystemBytecodeCache()` in the Jinja environment",
        "render.py",
        "autoescape=False,\n    )",
    ),
    (
        "the same in the reference's Jinja environment",
        "reference.py",
        "autoescape=False,\n    )",
    ),
    (
        "run the ruff binary from `ruff.__main__.find_ruff_bin()` instead of "
        "`[sys.executable, '-m', 'ruff']`",
        "output.py",
        '[sys.executable, "-m", "ruff"]',
    ),
    (
        "load the registry once: pass the packages and spec already built to "
        "`reference.render_reference` instead of calling `reference.reference_files(path)`",
        "__main__.py",
        "reference_files(args.registry)",
    ),
]


def _generation_steps() -> list[str]:
    lines = []
    for fix, name, pending in GENERATION_STEPS:
        try:
            source = (ROOT / "codegen" / name).read_text(encoding="utf-8")
        except OSError:
            continue
        state = "to do" if pending in source else "done"
        lines.append(f"- `codegen/{name}` ({state}): {fix}.")
    return lines


def _importtime(module: str, limit: int = 8) -> list[str]:
    command = python_without_site(f"import {module}")
    done = subprocess.run(
        [command[0], "-X", "importtime", *command[1:]],
        env=child_env(extra_path=[GENERATED]),
        capture_output=True,
        text=True,
        check=False,
    )
    entries = []
    for line in done.stderr.splitlines():
        parts = [part.strip() for part in line.removeprefix("import time:").split("|")]
        if len(parts) == 3 and parts[0].isdigit():
            entries.append((int(parts[1]), int(parts[0]), parts[2].strip()))
    entries.sort(reverse=True)
    return [
        f"    {cumulative / 1e3:8.1f} ms cumulative {own / 1e3:7.1f} ms self  {name}"
        for cumulative, own, name in entries[:limit]
    ]


def _generation_profile(limit: int = 12) -> list[str]:
    with tempfile.TemporaryDirectory(prefix="bench-profile-") as directory:
        stats_path = Path(directory) / "stats"
        out = Path(directory) / "generated"
        command = [sys.executable, "-m", "cProfile", "-o", str(stats_path), "-m", "codegen"]
        subprocess.run(
            [*command, "--out", str(out), "generate"],
            cwd=ROOT,
            env=child_env(),
            capture_output=True,
            check=False,
        )
        if not stats_path.exists():
            return ["    (the profile could not be taken)"]
        stats = pstats.Stats(str(stats_path))
        rows = []
        for (filename, line, function), entry in stats.stats.items():  # type: ignore[attr-defined]
            cumulative = entry[3]
            if "codegen" in filename or function in ("compile", "poll"):
                where = "/".join(Path(filename).parts[-2:])
                rows.append((cumulative, f"{where}:{line}({function})"))
    rows.sort(reverse=True)
    return [f"    {cumulative:7.3f} s  {where}" for cumulative, where in rows[:limit]]


def explanations(sections: Sequence[Section]) -> dict[str, list[str]]:
    """For each section with a target missed or met by less than 10%: the lines explaining it."""
    found: dict[str, list[str]] = {}
    for section in sections:
        if not section.missed and not section.close:
            continue
        if section.figure == "request":
            found[section.title] = REQUEST_FIX
        elif section.figure == "decode":
            found[section.title] = DECODE_FIX
        elif section.figure == "import":
            lines = [*IMPORT_FIX, ""]
            modules = {row.variant.rsplit("import ", 1)[1].strip("`") for row in section.missed}
            modules |= {row.variant.rsplit("import ", 1)[1].strip("`") for row in section.close}
            for module in sorted(modules):
                lines += [f"`python -X importtime -c 'import {module}'`, largest first:", ""]
                lines += [*_importtime(module), ""]
            found[section.title] = lines
        elif section.figure == "generation":
            lines = [*GENERATION_FIX, *_generation_steps(), ""]
            lines += ["cProfile of this run's `generate`, largest first:", ""]
            found[section.title] = [*lines, *_generation_profile()]
    return found
