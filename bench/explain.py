"""Why a target was missed (or nearly): a profile taken in the same run where one helps, and the fix.

The fixes named here were found by profiling (`python -X importtime`, cProfile) and checked on a
patched copy of the generated package or generator; they belong in `templates/` or `ticketing_codegen/`, never
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
    "The reference is raw urllib3 sending the same request (the 9 headers the vendor requires): "
    "the client calls `HTTPConnectionPool.urlopen` directly with the target precomputed and the "
    "timeouts cached, so inside urllib3 it costs what raw urllib3 costs. What it adds is its own "
    "code (see the stubbed-pool section: argument checks and the URL, the Request-ID, the attempt "
    "loop, the raw-response record) and the typed decode of the body: a few microseconds of a "
    "call of about 150 µs, within the run-to-run noise of this figure on a shared machine.",
]

OWN_FIX = [
    "A call runs the bound operation (a `functools.partial` of the method and its group, no Python "
    "frame in between), the generated method, `client._send`, `Transport.send`, the operation's "
    "`Route` (made on its first call on this client: the merged headers, the request-target "
    "prefix, the server's pool, each argument's plan and the decoder), the Request-ID (taken from "
    "a batch made 256 at a time), the attempt with its cached urllib3 timeout, and the quick path "
    "for a typed 2xx answer (decoded at once, no raw-response record unless something keeps it). "
    "What remains besides that: urllib3's own `Content-Encoding` check on the answer, the "
    "read-deadline context variable set and reset around the attempt, and, on Python 3.11, the "
    "`partial` subclass missing CPython's fast call path (3.12 has it).",
]

DECODE_FIX = [
    "The typed decode is msgspec's own decoder for the generated Structs, which are `gc=False` "
    "(a decoded JSON tree has no cycles, so the collector has nothing to walk). The floor row "
    "decodes the same manifest into the same Structs written by hand with msgspec's defaults: "
    "typed over that floor (the section's note) is the generator's share, near 1x. What is left "
    "is msgspec parsing the JSON and building a Struct of five scalar fields per seat against a "
    "dict per seat, including two str objects per seat that both decoders build alike (the row "
    "without them shows their share): the floor for this shape without changing the wire format "
    "or the field types. The 1Ticket list is mostly strings, the same case; its Structs declare "
    "their fields in wire order, which msgspec matches fastest.",
]

IMPORT_FIX = [
    "`import msgspec` alone is a floor the package cannot go under (see its row). Done in this "
    "round: the models and the endpoint table are imported by the first call (a lazy module; "
    "annotations are written `models.<Name>` so `typing.get_type_hints` still resolves them), "
    "`urllib.parse` only when a value needs percent-encoding, `_thread` instead of `threading`, "
    "`zlib` only when an export is read, `Param` a plain class instead of a NamedTuple. What "
    "`import paciolan` still adds to msgspec's modules: its own runtime modules and `client`, "
    "and `contextvars`. The live `-X importtime` of this run follows (cumulative times include "
    "whatever a module imported first, also modules msgspec would import anyway).",
]

GENERATION_FIX = [
    "Generation grew faster than the registry because the garbage collector walked everything "
    "already built on each collection: the collector is now paused while the registry loads "
    "(`ticketing_codegen/registry.py`) and the loaded registry and model are frozen (`gc.freeze()` in "
    "`ticketing_codegen/__main__.py`). Wall time is absolute and grows with the machine's load; the CPU "
    "time in brackets grows much less.",
    "",
]

EXPORT_FIX = [
    "Per row the typed stream decodes the line, splits its 44 cells and converts each (ints, "
    "Decimals, booleans, a date, None for empty cells) into an `OrderExportRow` built "
    "positionally; csv.reader only splits. Done in this round: positional construction (44 "
    "keyword arguments cost about a third of the row), amounts, dates and flags converted once per "
    "distinct cell text (bounded caches), the row struct untracked by the collector.",
]

THREADS_FIX = [
    "The client holds no lock per call (the pool lock is taken once, when the pool is created); "
    "the threads share urllib3's connection pool exactly as the raw variant does. The client's "
    "sockets have timeouts (a wait for readiness before each read), raw urllib3's default has "
    "none: the third row gives raw urllib3 the same timeouts, and the note compares the client "
    "with it. All variants share the 2 CPUs with the server process, so this figure moves with "
    "the machine's load.",
]


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
        command = [
            sys.executable,
            "-m",
            "cProfile",
            "-o",
            str(stats_path),
            "-m",
            "ticketing_codegen",
        ]
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
            if "ticketing_codegen" in filename or function in ("compile", "poll"):
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
        elif section.figure == "own":
            found[section.title] = OWN_FIX
        elif section.figure == "threads":
            found[section.title] = THREADS_FIX
        elif section.figure == "export":
            found[section.title] = EXPORT_FIX
        elif section.figure in ("decode", "decode-scaling"):
            found[section.title] = DECODE_FIX
        elif section.figure == "import":
            lines = [*IMPORT_FIX, ""]
            modules = {row.variant.rsplit("import ", 1)[1].strip("`") for row in section.missed}
            modules |= {row.variant.rsplit("import ", 1)[1].strip("`") for row in section.close}
            for module in sorted(modules):
                lines += [f"`python -X importtime -c 'import {module}'`, largest first:", ""]
                lines += [*_importtime(module), ""]
            found[section.title] = lines
        elif section.figure in ("generation", "generation-scaling"):
            lines = [*GENERATION_FIX]
            lines += ["cProfile of this run's `generate`, largest first:", ""]
            found[section.title] = [*lines, *_generation_profile()]
    return found
