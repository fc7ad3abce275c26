"""The floor for typed decoding: the manifest's Structs written by hand with nothing but msgspec's defaults.

Wire names as attribute names, as a hand-written model would keep them (no `rename`), no `kw_only`, no money check, `gc=False` as the generated
models have. The generated `Manifest` decodes through the same msgspec machinery; when both take the same
time, what is left of typed decoding is msgspec's own (parsing and building objects), not the generator's.
"""

from __future__ import annotations

from decimal import Decimal

import msgspec


class Seat(msgspec.Struct, gc=False):
    index: int
    label: str
    isAisle: bool
    gate: str
    isAccessible: bool


class Row(msgspec.Struct, gc=False):
    row: str
    rating: int
    fillDirection: str
    seats: list[Seat]


class Section(msgspec.Struct, gc=False):
    section: str
    sectionName: str
    rows: list[Row]


class Area(msgspec.Struct, gc=False):
    code: str
    name: str
    capacity: int
    seatValue: Decimal
    sections: list[Section]


class PriceLevel(msgspec.Struct, gc=False):
    priceLevel: int
    priceLevelName: str
    seatingType: str
    capacity: int
    areas: list[Area]


class CodeName(msgspec.Struct, gc=False):
    code: str
    name: str


class Manifest(msgspec.Struct, gc=False):
    season: CodeName
    facility: CodeName
    configuration: CodeName
    capacity: int
    priceLevels: list[PriceLevel]


decoder = msgspec.json.Decoder(Manifest)


# The same Structs with the seats' two texts (`label`, `gate`) left out: msgspec skips them unbuilt. What
# the floor takes beyond this is the building of those 120,000 str objects, which untyped decoding builds
# as well, so no typed model can save it.
class SeatWithoutTexts(msgspec.Struct, gc=False):
    index: int
    isAisle: bool
    isAccessible: bool


class RowWithoutTexts(msgspec.Struct, gc=False):
    row: str
    rating: int
    fillDirection: str
    seats: list[SeatWithoutTexts]


class SectionWithoutTexts(msgspec.Struct, gc=False):
    section: str
    sectionName: str
    rows: list[RowWithoutTexts]


class AreaWithoutTexts(msgspec.Struct, gc=False):
    code: str
    name: str
    capacity: int
    seatValue: Decimal
    sections: list[SectionWithoutTexts]


class PriceLevelWithoutTexts(msgspec.Struct, gc=False):
    priceLevel: int
    priceLevelName: str
    seatingType: str
    capacity: int
    areas: list[AreaWithoutTexts]


class ManifestWithoutTexts(msgspec.Struct, gc=False):
    season: CodeName
    facility: CodeName
    configuration: CodeName
    capacity: int
    priceLevels: list[PriceLevelWithoutTexts]


decoder_without_seat_texts = msgspec.json.Decoder(ManifestWithoutTexts)
