"""One PNG per scaling curve, next to `bench/results.md` (matplotlib, from the `bench` extra)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from bench.figures import Curve


def available() -> bool:
    try:
        import matplotlib  # type: ignore[import-not-found,unused-ignore]  # noqa: F401
    except ImportError:
        return False
    return True


def write(curves: Sequence[Curve], directory: Path, *, prefix: str = "") -> list[Path]:
    """Draw every curve into `directory`; nothing (and no error) when matplotlib is missing."""
    if not curves or not available():
        return []
    import matplotlib  # type: ignore[import-not-found,unused-ignore]

    matplotlib.use("Agg")  # files only: no display
    from matplotlib import pyplot  # type: ignore[import-not-found,unused-ignore]

    written = []
    for curve in curves:
        figure, axes = pyplot.subplots(figsize=(6.4, 4.0), dpi=100)
        for name, values in curve.series.items():
            axes.plot(curve.xs, values, marker="o", label=name.replace("`", ""))
        axes.set_xscale("log")
        axes.set_xlabel(curve.x_label)
        axes.set_ylabel(curve.y_label)
        axes.set_title(curve.title, fontsize=10)
        axes.set_ylim(bottom=0)
        axes.grid(True, alpha=0.3)
        axes.legend(fontsize=8)
        figure.tight_layout()
        path = directory / f"{prefix}{curve.file}"
        figure.savefig(path)
        pyplot.close(figure)
        written.append(path)
    return written
