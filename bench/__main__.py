"""`python -m bench [--quick] [--only NAME ...] [--output PATH]`: measure, print the table, write it."""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from bench import (
    data,
    decode,
    decode_scaling,
    drift,
    explain,
    export_rows,
    generation,
    imports,
    machine,
    memory,
    own_code,
    per_request,
    plots,
    report,
    threads,
)
from bench.figures import Section
from bench.measure import Config

HERE = Path(__file__).resolve().parent
FIGURES = (
    "import",
    "decode",
    "request",
    "own",
    "threads",
    "generation",
    "memory",
    "export",
    "drift",
)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument(
        "--quick",
        action="store_true",
        help="tiny repeat counts: checks that everything runs (< 30 s)",
    )
    parser.add_argument(
        "--only", choices=FIGURES, action="append", help="measure only these figures"
    )
    parser.add_argument(
        "--output",
        type=Path,
        help="where to write the table (default bench/results.md; with --quick a git-ignored file)",
    )
    args = parser.parse_args(argv)
    config = Config.fast() if args.quick else Config.full()
    selected = args.only or list(FIGURES)
    output = args.output or HERE / ("results.tmp-quick.md" if args.quick else "results.md")

    started = time.perf_counter()
    described = machine.describe()
    inputs = data.build()
    sections: list[Section] = []
    with tempfile.TemporaryDirectory(prefix="bench-") as directory:
        paths = inputs.write(Path(directory))
        for name in FIGURES:
            if name not in selected:
                continue
            progress(f"{name} ...")
            if name == "import":
                sections.append(imports.run(config))
            elif name == "decode":
                sections.extend(decode.run(config, inputs))
                sections.append(decode_scaling.run(config, quick=args.quick))
            elif name == "request":
                sections.append(per_request.run(config, inputs))
            elif name == "own":
                sections.append(own_code.run(config, inputs))
            elif name == "threads":
                sections.append(threads.run(config, inputs))
            elif name == "generation":
                sections.append(generation.run(config))
                sections.append(generation.run_scaling(config, quick=args.quick))
            elif name == "drift":
                sections.append(drift.run(config, inputs))
            elif name == "export":
                sections.append(export_rows.run(config, Path(directory), quick=args.quick))
            else:
                with_pydantic = decode.pydantic_decoders() is not None
                sections.append(memory.run(config, paths["manifest"], with_pydantic))
    command = "python -m bench" + (" --quick" if args.quick else "")
    described["Machine"] += f", {machine.load()} at the end"
    explanations = explain.explanations(sections)
    text = report.markdown(
        sections,
        described,
        command=command,
        seconds=time.perf_counter() - started,
        explanations=explanations,
    )
    print(text)
    report.write(text, output)
    progress(f"written to {output}")
    curves = [curve for section in sections for curve in section.curves]
    if curves and not plots.available():
        progress("matplotlib is not installed: no plots (pip install -e '.[bench]')")
    # --quick's plots go beside its git-ignored table, never over the full run's.
    prefix = "results.tmp-quick-" if args.quick else ""
    for path in plots.write(curves, output.parent, prefix=prefix):
        progress(f"plot written to {path}")
    return 0


def progress(message: str) -> None:
    print(f"[bench] {message}", file=sys.stderr, flush=True)


if __name__ == "__main__":
    sys.exit(main())
