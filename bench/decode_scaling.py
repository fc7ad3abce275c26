"""How decoding grows with the document: manifests of 30,000 to 480,000 seats, typed against untyped msgspec.

The time per seat of a linear decoder stays flat; the garbage collector, walking every container built so
far on each collection, makes it grow. The typed decode must grow no more than untyped msgspec's does.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import msgspec

import paciolan
from bench import data
from bench.figures import (
    Curve,
    Row,
    Section,
    Target,
    growth_row,
    ms,
    paired_ratios,
    per_unit_growth,
    spread,
)
from bench.measure import Config, interleaved, median, timed_after_collection

SEATS_PER_LEVEL = 15_000  # 3 areas x 5 sections x 25 rows x 40 seats
LEVELS = (2, 4, 8, 16, 32)  # 30,000 to 480,000 seats
QUICK_LEVELS = (1, 2, 4)
TYPED = "typed (generated `decode`)"
UNTYPED = "`msgspec.json.decode` (untyped)"


def manifest_bytes(levels: int) -> bytes:
    """A manifest of `levels` price levels of 15,000 seats each (the levels share their seat objects)."""
    one = data.manifest((1, *data.MANIFEST_SHAPE[1:]))
    level = one["priceLevels"][0]
    document = {
        **one,
        "capacity": levels * SEATS_PER_LEVEL,
        "priceLevels": [
            {**level, "priceLevel": number + 1, "priceLevelName": f"Level {number + 1}"}
            for number in range(levels)
        ],
    }
    return msgspec.json.encode(document)


def run(config: Config, *, quick: bool) -> Section:
    levels = QUICK_LEVELS if quick else LEVELS
    payloads = {count * SEATS_PER_LEVEL: manifest_bytes(count) for count in levels}
    manifest_type = paciolan.models.Manifest
    decoders: dict[str, Callable[[bytes], Any]] = {
        TYPED: lambda payload: paciolan.decode(payload, manifest_type),
        UNTYPED: msgspec.json.decode,
    }
    keys = [(name, seats) for seats in payloads for name in decoders]
    for name, seats in keys:  # warm up
        decoders[name](payloads[seats])
    rounds = max(2, config.decode_rounds // 2)
    samples = interleaved(
        keys, rounds, lambda key: timed_after_collection(lambda: decoders[key[0]](payloads[key[1]]))
    )
    sizes = list(payloads)
    smallest, largest = sizes[0], sizes[-1]
    section = Section(
        f"Decode scaling: manifests of {smallest:,} to {largest:,} seats", "decode-scaling"
    )
    per_seat = {
        name: [median(samples[name, seats]) / seats * 1e9 for seats in sizes] for name in decoders
    }
    for seats in sizes:
        for name in decoders:
            value = median(samples[name, seats])
            shown = f"{ms(value)}, {value / seats * 1e9:.0f} ns per seat"
            section.rows.append(
                Row(f"{name}, {seats:,} seats ({data.size(payloads[seats])})", value, shown, rounds)
            )

    def growth(name: str) -> list[float]:
        return per_unit_growth(samples[name, largest], samples[name, smallest], largest, smallest)

    for name in decoders:
        section.rows.append(growth_row(name, growth(name), largest, smallest, "seat", rounds))
    low, middle, high = spread(paired_ratios(growth(TYPED), growth(UNTYPED)))
    section.rows.append(
        Row(
            "typed growth over untyped growth",
            middle,
            "",
            rounds,
            middle,
            "untyped msgspec's growth",
            None if quick else Target(1.0),
            (low, high),
        )
    )
    section.curves.append(
        Curve(
            "Decode: time per seat against manifest size",
            "seats in the manifest",
            "nanoseconds per seat (median)",
            [float(seats) for seats in sizes],
            per_seat,
            "decode-scaling.png",
            y_format="{:.0f}",
        )
    )
    section.notes.append(
        "In this process, garbage collector on as in real use, a full collection before each "
        "sample, the previous result freed; sizes and decoders interleaved. The manifests repeat "
        "the 60,000-seat benchmark's price level (15,000 seats each)."
    )
    return section
