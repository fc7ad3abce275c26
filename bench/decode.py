"""Bytes to objects: the typed generated decoders against untyped msgspec, json.loads and pydantic v2."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import msgspec

import oneticket
import paciolan
from bench import data, floor_models
from bench.figures import Section, Target, ms, paired_ratios, row_with_spread
from bench.measure import Config, interleaved, median, timed_after_collection

TYPED = "typed (generated `decode`)"
UNTYPED = "`msgspec.json.decode` (untyped)"
JSON = "`json.loads`"
PYDANTIC = "pydantic v2 `model_validate_json`"
FLOOR = "msgspec floor: the same Structs written by hand, msgspec defaults (bench/floor_models.py)"
WITHOUT_TEXTS = "the floor's Structs without the seats' two texts (`label`, `gate`: left unbuilt)"
TYPED_TARGET = Target(0.5)  # of untyped msgspec
PYDANTIC_TARGET = Target(6, at_most=False)  # times slower than typed


def pydantic_decoders() -> tuple[Callable[[bytes], Any], Callable[[bytes], Any]] | None:
    """The pydantic comparison (manifest, purchases), or None when pydantic is not installed."""
    try:
        from bench import pydantic_models
    except ImportError:
        return None
    return (
        pydantic_models.Manifest.model_validate_json,
        pydantic_models.PurchasesEnvelope.model_validate_json,
    )


def seat_count(manifest: paciolan.models.Manifest) -> int:
    return sum(
        len(row.seats)
        for level in manifest.price_levels
        for area in level.areas
        for section in area.sections
        for row in section.rows
    )


def _section(
    title: str, payload: bytes, variants: dict[str, Callable[[bytes], Any]], rounds: int
) -> Section:
    for decode in variants.values():  # warm up: decoders built, pages touched
        decode(payload)
    samples = interleaved(
        list(variants), rounds, lambda name: timed_after_collection(lambda: variants[name](payload))
    )
    medians = {name: median(values) for name, values in samples.items()}
    section = Section(title, "decode")
    for name, value in medians.items():
        target: Target | None = None
        if name == PYDANTIC:  # how many times slower than typed
            ratios, reference, target = (
                paired_ratios(samples[name], samples[TYPED]),
                "typed",
                PYDANTIC_TARGET,
            )
        else:
            ratios, reference = paired_ratios(samples[name], samples[UNTYPED]), UNTYPED
            if name == TYPED:
                target = TYPED_TARGET
        section.rows.append(
            row_with_spread(name, value, ms(value), rounds, ratios, reference, target)
        )
    if FLOOR in samples:
        over_floor = paired_ratios(samples[TYPED], samples[FLOOR])
        section.notes.append(
            f"Typed over the hand-written floor: {median(over_floor):.2f}x "
            f"({min(over_floor):.2f}-{max(over_floor):.2f}); near 1x, the rest of typed decoding is "
            "msgspec's own parsing and object building, which no choice in the generated models removes."
        )
    if WITHOUT_TEXTS in samples:
        texts = [
            (floor - without) / untyped
            for floor, without, untyped in zip(
                samples[FLOOR], samples[WITHOUT_TEXTS], samples[UNTYPED], strict=True
            )
        ]
        section.notes.append(
            "The seats' texts alone (the floor minus the floor without them: two str objects per "
            f"seat, which untyped decoding builds too) take {median(texts):.2f}x "
            f"({min(texts):.2f}-{max(texts):.2f}) the untyped time: a typed decode of this wire "
            "cannot go below that share plus parsing and the Structs."
        )
    if PYDANTIC not in medians:
        section.notes.append(
            "pydantic is not installed: its row is missing (`pip install pydantic`)."
        )
    return section


def run(config: Config, inputs: data.Inputs) -> list[Section]:
    manifest_type = paciolan.models.Manifest
    purchases_type: Any = oneticket.models.Envelope[list[oneticket.models.PurchasesPage]]
    manifest = paciolan.decode(inputs.manifest, manifest_type)
    envelope = oneticket.decode(inputs.purchases, purchases_type)
    seats = seat_count(manifest)
    purchases = len(envelope.output[0].purchases)
    if (seats, purchases) != (data.MANIFEST_SEATS, data.PURCHASES):
        raise RuntimeError(f"the inputs decoded to {seats} seats and {purchases} purchases")
    del manifest, envelope

    comparison = pydantic_decoders()
    manifest_variants: dict[str, Callable[[bytes], Any]] = {
        TYPED: lambda payload: paciolan.decode(payload, manifest_type),
        FLOOR: floor_models.decoder.decode,
        WITHOUT_TEXTS: floor_models.decoder_without_seat_texts.decode,
        UNTYPED: msgspec.json.decode,
        JSON: json.loads,
    }
    purchase_variants: dict[str, Callable[[bytes], Any]] = {
        TYPED: lambda payload: oneticket.decode(payload, purchases_type),
        UNTYPED: msgspec.json.decode,
        JSON: json.loads,
    }
    if comparison is not None:
        manifest_variants[PYDANTIC], purchase_variants[PYDANTIC] = comparison
    sections = [
        _section(
            f"Decode: Paciolan manifest, {seats:,} seats ({data.size(inputs.manifest)}) "
            "to `paciolan.models.Manifest`",
            inputs.manifest,
            manifest_variants,
            config.decode_rounds,
        ),
        _section(
            f"Decode: 1Ticket purchase list, {purchases:,} purchases ({data.size(inputs.purchases)}) "
            "to `Envelope[list[PurchasesPage]]`",
            inputs.purchases,
            purchase_variants,
            config.decode_rounds,
        ),
    ]
    sections[-1].notes.append(
        "Decode samples run in this process (start-up does not matter), garbage collector on as in "
        "real use, a full collection before each sample; decoders are built once and reused."
    )
    return sections
