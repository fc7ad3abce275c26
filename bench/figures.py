"""The shape of a result: sections of rows, each a median with its ratio and, where set, its target."""

from __future__ import annotations

import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Target:
    """A ratio bound: `at_most` (ratio <= bound) or at least (ratio >= bound)."""

    bound: float
    at_most: bool = True

    def met(self, ratio: float) -> bool:
        return ratio <= self.bound if self.at_most else ratio >= self.bound

    def close(self, ratio: float, margin: float = 0.1) -> bool:
        """Met, but by less than `margin` of the bound: the next noisy run may miss it."""
        if not self.met(ratio):
            return False
        if self.at_most:
            return ratio > self.bound * (1 - margin)
        return ratio < self.bound * (1 + margin)

    def __str__(self) -> str:
        return f"{'≤' if self.at_most else '≥'} {self.bound:g}x"


@dataclass(frozen=True)
class Row:
    """One measured variant: its median, shown in the section's unit, and its ratio to a reference."""

    variant: str
    median: float
    shown: str
    runs: int
    ratio: float | None = None
    reference: str | None = None  # what the ratio divides by
    target: Target | None = None
    # The smallest and largest of the ratios measured round by round (the ratio is their median).
    spread: tuple[float, float] | None = None

    @property
    def met(self) -> bool | None:
        if self.target is None or self.ratio is None:
            return None
        return self.target.met(self.ratio)


@dataclass(frozen=True)
class Curve:
    """A scaling figure: a table in the results, and a plot (`file`, a PNG next to results.md)."""

    title: str
    x_label: str
    y_label: str
    xs: list[float]
    series: dict[str, list[float]]  # name -> one value per x
    file: str
    x_format: str = "{:,.0f}"
    y_format: str = "{:.3g}"


@dataclass
class Section:
    title: str
    figure: str  # "import", "decode", "request", "threads", "generation", "memory", "export", ...
    rows: list[Row] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    curves: list[Curve] = field(default_factory=list)

    def row(self, variant: str) -> Row:
        return next(row for row in self.rows if row.variant == variant)

    @property
    def missed(self) -> list[Row]:
        return [row for row in self.rows if row.met is False]

    @property
    def close(self) -> list[Row]:
        """Rows that meet their target by less than 10%."""
        return [
            row
            for row in self.rows
            if row.target is not None and row.ratio is not None and row.target.close(row.ratio)
        ]


def ms(seconds: float) -> str:
    return f"{seconds * 1e3:.1f} ms"


def us(seconds: float) -> str:
    return f"{seconds * 1e6:.0f} µs"


def sec(seconds: float) -> str:
    return f"{seconds:.3f} s"


def rows_against(
    medians: dict[str, float],
    runs: int,
    reference: str,
    show: Callable[[float], str],
    targets: dict[str, Target] | None = None,
    reference_label: str | None = None,
) -> list[Row]:
    """A row per variant, the ratio of each to `reference`'s median (the reference itself shows 1.00)."""
    targets = targets or {}
    base = medians[reference]
    return [
        Row(
            variant=name,
            median=value,
            shown=show(value),
            runs=runs,
            ratio=value / base if base > 0 else None,
            reference=reference_label or reference,
            target=targets.get(name),
        )
        for name, value in medians.items()
    ]


def spread(ratios: Sequence[float]) -> tuple[float, float, float]:
    """(smallest, median, largest) of ratios measured round by round."""
    ordered = sorted(ratios)
    return ordered[0], statistics.median(ordered), ordered[-1]


def paired_ratios(values: Sequence[float], references: Sequence[float]) -> list[float]:
    """The ratio of each round's value to the same round's reference (samples taken interleaved)."""
    return [
        value / reference
        for value, reference in zip(values, references, strict=True)
        if reference > 0
    ]


def row_with_spread(
    variant: str,
    value: float,
    shown: str,
    runs: int,
    ratios: Sequence[float],
    reference: str,
    target: Target | None = None,
) -> Row:
    """A row whose ratio is the median of per-round ratios, with their smallest and largest."""
    low, middle, high = spread(ratios)
    return Row(variant, value, shown, runs, middle, reference, target, (low, high))


def per_unit_growth(
    large: Sequence[float], small: Sequence[float], large_size: int, small_size: int
) -> list[float]:
    """Per round: the time per unit (seat, row) of the large input over that of the small one (1.0:
    linear)."""
    return paired_ratios(
        [time / large_size for time in large], [time / small_size for time in small]
    )


def growth_row(
    variant: str,
    growth: Sequence[float],
    large_size: int,
    small_size: int,
    unit: str,
    runs: int,
    target: Target | None = None,
) -> Row:
    """The row of a per-unit growth: its median and spread against the small input's per-unit time."""
    low, middle, high = spread(growth)
    return Row(
        f"{variant}: time per {unit}, {large_size:,} over {small_size:,} {unit}s",
        middle,
        f"{large_size // small_size}x the {unit}s",
        runs,
        middle,
        f"the per-{unit} time at {small_size:,}",
        target,
        (low, high),
    )
