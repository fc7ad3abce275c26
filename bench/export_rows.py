"""Streaming a batch order export: typed rows through the client against plain `csv` on the same data.

A fresh child process downloads a gzip export of N rows from a local file server (a separate process)
with `client.batch.iter_order_rows(url)` and counts the typed rows; another child reads the same data,
decompressed, with `csv.reader`. Each reports its rows per second and its peak RSS (VmHWM): the typed
stream must stay in constant memory (target: at most 60 MB) whatever N is.
"""

from __future__ import annotations

import gzip
import itertools
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

from bench.figures import (
    Curve,
    Row,
    Section,
    Target,
    growth_row,
    paired_ratios,
    per_unit_growth,
    row_with_spread,
)
from bench.measure import GENERATED, Config, child_env, interleaved, median, run_child

PEAK_RSS_TARGET = 60 * 1024 * 1024
SIZES = (100_000, 250_000, 500_000, 1_000_000)
QUICK_SIZES = (5_000, 10_000, 20_000)
TIME_TARGET = Target(2.0)  # of csv.reader's time on the decompressed text
LINEAR_TARGET = Target(1.2)  # time per row at the largest size over the smallest

TYPED = "typed rows, `client.batch.iter_order_rows` over HTTP (gzip)"
CSV = "`csv.reader` on the same data, decompressed"

_PEAK = """
def peak():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    return 0
"""

CHILDREN = {
    TYPED: _PEAK
    + """
import time
from paciolan import PaciolanClient
client = PaciolanClient(api_key="k", application_id="a", channel_code="c", organization_id=1,
                        user_agent="Bench/1.0.0", base_url="http://127.0.0.1:9")
started = time.perf_counter()
rows = sum(1 for _ in client.batch.iter_order_rows({url!r}))
print(rows, time.perf_counter() - started, peak())
""",
    CSV: _PEAK
    + """
import csv, time
started = time.perf_counter()
with open({plain!r}, newline="") as file:
    rows = sum(1 for _ in csv.reader(file, delimiter="\\t"))
print(rows, time.perf_counter() - started, peak())
""",
}


def write_export(directory: Path, rows: int) -> tuple[Path, Path]:
    """A gzip export of `rows` varied rows (44 columns, CRLF), and the same data decompressed."""
    compressed = directory / "orders.tsv.gz"
    plain = directory / "orders.tsv"
    with gzip.open(compressed, "wb", compresslevel=1) as packed, plain.open("wb") as unpacked:
        block: list[bytes] = []
        for number in range(rows):
            cells = [
                f"{20000000 + number}", "false", "", "Avalos", "Marty", f"fan{number}@example.com",
                "", "USD", "F17", f"{278151 + number // 7}", f"{number % 9 + 1}", "F01", "SINGLE",
                f"{number % 4 + 1}", f"{75 + number % 50}.00", "TC", "1.50", "", "", "", "", "", "",
                f"{151 + number % 50}.50", "F01", f"{number % 6 + 1}", "R", "K", f"{100 + number % 40}",
                f"{number % 30 + 1}", f"{number % 24 + 1}", f"43125975{number:07d}", "true", "0",
                "2017-08-09", "", "PAH", "", "FB", "1", "", "Regular", "2", f"43164825{number:08d}",
            ]  # fmt: skip
            block.append(("\t".join(cells) + "\r\n").encode())
            if len(block) == 10_000:
                data = b"".join(block)
                packed.write(data)
                unpacked.write(data)
                block.clear()
        data = b"".join(block)
        packed.write(data)
        unpacked.write(data)
    return compressed, plain


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


def prefix_export(plain: Path, rows: int, directory: Path) -> tuple[Path, Path]:
    """The first `rows` rows of an export already written, as a gzip file and decompressed."""
    directory.mkdir()
    compressed, prefix = directory / "orders.tsv.gz", directory / "orders.tsv"
    with plain.open("rb") as source, prefix.open("wb") as unpacked:
        unpacked.writelines(itertools.islice(source, rows))
    with prefix.open("rb") as source, gzip.open(compressed, "wb", compresslevel=1) as packed:
        shutil.copyfileobj(source, packed)
    return compressed, prefix


def run(config: Config, directory: Path, *, quick: bool) -> Section:
    sizes = QUICK_SIZES if quick else SIZES
    largest = sizes[-1]
    files = {largest: write_export(directory, largest)}
    for rows in sizes[:-1]:
        files[rows] = prefix_export(files[largest][1], rows, directory / f"rows-{rows}")
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1"],
        cwd=directory,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    rounds = max(1, config.memory_runs // 2 + 1)
    try:
        _wait_for(port)
        env = child_env(extra_path=[GENERATED])
        results: dict[tuple[str, int], list[tuple[float, float]]] = {}

        def sample(key: tuple[str, int]) -> float:
            name, count = key
            compressed, plain = files[count]
            url = f"http://127.0.0.1:{port}/{compressed.relative_to(directory).as_posix()}"
            code = CHILDREN[name].format(url=url, plain=str(plain))
            _, out = run_child([sys.executable, "-c", code], env)
            rows, seconds, peak = out.split()
            if int(rows) != count:
                raise RuntimeError(f"{name}: read {rows} rows, expected {count}")
            results.setdefault(key, []).append((float(seconds), float(peak)))
            return float(seconds)

        keys = [(name, rows) for rows in sizes for name in (TYPED, CSV)]
        times = interleaved(keys, rounds, sample)
    finally:
        server.terminate()
        server.wait()

    section = Section(f"Batch export: streaming {largest:,} rows", "export")
    for name in (TYPED, CSV):
        seconds = median(times[name, largest])
        section.rows.append(
            row_with_spread(
                name,
                seconds,
                f"{largest / seconds:,.0f} rows/s",
                rounds,
                paired_ratios(times[name, largest], times[CSV, largest]),
                "csv time",
                TIME_TARGET if name == TYPED and not quick else None,
            )
        )
    peak = median([p for _, p in results[TYPED, largest]])
    section.rows.append(
        Row(
            "peak RSS of the typed stream (whole process)",
            peak,
            f"{peak / 2**20:.1f} MB",
            rounds,
            ratio=peak / PEAK_RSS_TARGET,
            reference="of 60 MB",
            target=Target(1.0),
        )
    )
    smallest = sizes[0]
    for name in (TYPED, CSV):
        growth = per_unit_growth(times[name, largest], times[name, smallest], largest, smallest)
        target = LINEAR_TARGET if name == TYPED and not quick else None
        section.rows.append(growth_row(name, growth, largest, smallest, "row", rounds, target))
    section.curves.append(
        Curve(
            "Batch export: time per row against export size",
            "rows in the export",
            "microseconds per row (median, fresh process)",
            [float(rows) for rows in sizes],
            {
                name: [median(times[name, rows]) / rows * 1e6 for rows in sizes]
                for name in (TYPED, CSV)
            },
            "export-scaling.png",
            y_format="{:.2f}",
        )
    )
    section.curves.append(
        Curve(
            "Batch export: peak RSS against export size",
            "rows in the export",
            "peak RSS of the whole process, MB (median)",
            [float(rows) for rows in sizes],
            {
                name: [median([p for _, p in results[name, rows]]) / 2**20 for rows in sizes]
                for name in (TYPED, CSV)
            },
            "export-memory.png",
            y_format="{:.1f}",
        )
    )
    csv_peak = median([p for _, p in results[CSV, largest]])
    section.notes.append(
        f"csv's process peaked at {csv_peak / 2**20:.1f} MB; the typed stream converts every cell "
        "(ints, Decimals, dates, None for empty cells) where csv gives strings. Sizes "
        f"{', '.join(f'{rows:,}' for rows in sizes)} rows, each variant and size once per round, "
        f"{rounds} rounds, interleaved; each sample is a fresh process (time measured inside it, "
        "from the first request to the last row)."
    )
    return section


def _wait_for(port: int) -> None:
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError("the local file server did not start")
