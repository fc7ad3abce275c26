"""The table: printed, and written to `bench/results.md` (atomically)."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from bench.figures import Curve, Row, Section

CAVEAT = (
    "The machine is shared and noisy (several engineers work on its 2 CPUs): absolute figures "
    "move from run to run, so only ratios measured in the same run mean anything, and the full "
    "benchmark is run only a few times (`--quick` checks that it runs)."
)


def _ratio(row: Row) -> str:
    if row.ratio is None:
        return ""
    text = f"{row.ratio:.2f}x"
    if row.spread is not None:
        text += f" ({row.spread[0]:.2f}-{row.spread[1]:.2f})"
    return f"{text} {row.reference}" if row.reference else text


def curve_table(curve: Curve) -> list[str]:
    names = list(curve.series)
    lines = [
        f"| {curve.x_label} | " + " | ".join(names) + " |",
        "|---:|" + "---:|" * len(names),
    ]
    for index, x in enumerate(curve.xs):
        cells = [curve.y_format.format(curve.series[name][index]) for name in names]
        lines.append(f"| {curve.x_format.format(x)} | " + " | ".join(cells) + " |")
    return lines


def _result(row: Row) -> str:
    if row.met and row.target is not None and row.ratio is not None and row.target.close(row.ratio):
        return "met (< 10% margin)"
    return {None: "", True: "met", False: "**missed**"}[row.met]


def table(sections: Sequence[Section]) -> list[str]:
    lines = [
        "| Figure | Variant | Median | Runs | Ratio | Target | Result |",
        "|---|---|---:|---:|---|---|---|",
    ]
    for section in sections:
        for index, row in enumerate(section.rows):
            figure = section.title if index == 0 else ""
            target = str(row.target) if row.target else ""
            lines.append(
                f"| {figure} | {row.variant} | {row.shown} | {row.runs:,} | {_ratio(row)} "
                f"| {target} | {_result(row)} |"
            )
    return lines


def markdown(
    sections: Sequence[Section],
    machine: dict[str, str],
    *,
    command: str,
    seconds: float,
    explanations: dict[str, list[str]],
) -> str:
    lines = [
        "# Benchmark results",
        "",
        f"`{command}`, {seconds:.0f} s in all. {CAVEAT}",
        "",
        *(f"- **{name}**: {value}" for name, value in machine.items()),
        "",
        *table(sections),
        "",
    ]
    targets = [row for section in sections for row in section.rows if row.met is not None]
    missed = sum(len(section.missed) for section in sections)
    lines += [f"**Targets: {len(targets) - missed} of {len(targets)} met.**", ""]
    lines += [
        "Ratios: the median of the ratios measured round by round (each round measures every "
        "variant once, interleaved), with the smallest and largest in brackets.",
        "",
    ]
    curves = [(section, curve) for section in sections for curve in section.curves]
    if curves:
        lines += ["## Scaling", ""]
    for _, curve in curves:
        lines += [f"### {curve.title}", "", f"{curve.y_label}; plot: `{curve.file}`.", ""]
        lines += [*curve_table(curve), ""]
    for section in sections:
        if not section.missed and not section.close:
            continue
        heading = "Missed" if section.missed else "Met by less than 10%"
        lines += [f"## {heading}: {section.title}", ""]
        lines += [
            f"- {row.variant}: {row.ratio or 0:.2f}x {row.reference}, target {row.target}"
            f"{' (met, by less than 10%)' if row.met else ' (missed)'}"
            for row in [*section.missed, *section.close]
        ]
        lines.append("")
        lines += explanations.get(section.title, ["(no explanation recorded)"])
        lines.append("")
    lines += ["## Notes", ""]
    for section in sections:
        if section.notes:
            lines += [f"### {section.title}", "", *(f"- {note}" for note in section.notes), ""]
    return "\n".join(lines)


def write(text: str, path: Path) -> None:
    """Replace `path` whole: a half-written table is never left behind."""
    scratch = path.with_name(f"results.tmp-{os.getpid()}")
    scratch.write_text(text, encoding="utf-8")
    os.replace(scratch, path)
