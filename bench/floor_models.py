"""The floor for typed decoding: the manifest's Structs written by hand with nothing but msgspec's defaults.

Wire names as attribute names, as a hand-written model would keep them (no `rename`), no `kw_only`, no
money check, `gc=False` as the generated models have. The generated `Manifest` decodes through the same
msgspec machinery; when both take the same time, what is left of typed decoding is msgspec's own (parsing
and building objects), not the generator's.

The Structs are generic in their seat, for a second floor: seats without their two texts (`label`,
`gate`), which msgspec then skips unbuilt. What the floor takes beyond that one is the building of those
120,000 str objects, which untyped decoding builds as well, so no typed model can save it. (msgspec
builds a decoder per parametrization: a generic Struct decodes as fast as a plain one.)
"""

from __future__ import annotations

from decimal import Decimal
from typing import Generic, TypeVar

import msgspec

SeatT = TypeVar("SeatT")


class Seat(msgspec.Struct, gc=False):
    index: int
    label: str
    isAisle: bool
    gate: str
    isAccessible: bool


class SeatWithoutTexts(msgspec.Struct, gc=False):
    index: int
    isAisle: bool
    isAccessible: bool


class Row(msgspec.Struct, Generic[SeatT], gc=False):
    row: str
    rating: int
    fillDirection: str
    seats: list[SeatT]


class Section(msgspec.Struct, Generic[SeatT], gc=False):
    section: str
    sectionName: str
    rows: list[Row[SeatT]]


class Area(msgspec.Struct, Generic[SeatT], gc=False):
    code: str
    name: str
    capacity: int
    seatValue: Decimal
    sections: list[Section[SeatT]]


class PriceLevel(msgspec.Struct, Generic[SeatT], gc=False):
    priceLevel: int
    priceLevelName: str
    seatingType: str
    capacity: int
    areas: list[Area[SeatT]]


class CodeName(msgspec.Struct, gc=False):
    code: str
    name: str


class Manifest(msgspec.Struct, Generic[SeatT], gc=False):
    season: CodeName
    facility: CodeName
    configuration: CodeName
    capacity: int
    priceLevels: list[PriceLevel[SeatT]]


decoder = msgspec.json.Decoder(Manifest[Seat])
decoder_without_seat_texts = msgspec.json.Decoder(Manifest[SeatWithoutTexts])
