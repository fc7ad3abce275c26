# Generated from endpoints.yaml (sha256 3750acddfbb35d332c19e57261e2fb4db0cd75297ec40220e5e2d195ab230ba7) by `ticketing-codegen generate`. Do not edit.
"""Request bodies as TypedDicts: a body may be the model or a dict with the wire names, and these let
type checkers check such a dict's keys and values too.

    checkout: CheckoutDict = {"patron": None, "delivery": {"method": "PAH"}}

A key that may be left out is optional here; a nested object is its own TypedDict. The client converts
the dict to the model before sending, as it does with any dict.
"""

from __future__ import annotations

from typing import Literal, TypedDict

from .models import DeliveryFormat, PosUsed


class SaleRecordDict(TypedDict):
    """A sale record to add to 1Ticket (sales.add)."""

    saleid: str
    credid: str
    posused: PosUsed | Literal["ticketnetworkapi", "skybox", "posnext"]
    deliveryformat: (
        DeliveryFormat
        | Literal[
            "hard",
            "eticket",
            "transfer",
            "barcode",
            "flash",
            "mobileqr",
            "willcall",
            "locaklpickup",
        ]
    )
    saledatetime: str
    marketplaceid: str
    ticketgroupid: str
    invoiceid: str
    inhanddate: str
    confirmed: bool
    fulfilled: bool
    priceperseat: SaleRecordPricePerSeatDict
    pricepersale: SaleRecordPricePerSaleDict
    event: SaleRecordEventDict
    section: str
    row: str
    seats: list[SaleRecordSeatDict]


class SaleRecordPricePerSeatDict(TypedDict):
    """Prices per seat, as decimal strings (money stays str)."""

    list: str
    face: str
    cost: str


class SaleRecordPricePerSaleDict(TypedDict):
    """Prices per sale, as decimal strings (money stays str)."""

    total: str
    fees: str
    payout: str


class _SaleRecordEventDictRequired(TypedDict):
    name: str
    venue: str
    datetimelocal: str


class SaleRecordEventDict(_SaleRecordEventDictRequired, total=False):
    """The body type `SaleRecordEvent`."""

    state: str


class SaleRecordSeatDict(TypedDict):
    """The body type `SaleRecordSeat`."""

    seatnumber: str
    seatid: str


class CompleteSaleDict(TypedDict):
    """A sale to mark "filled" (sales.complete)."""

    user_id: str
    order_id: str
    marketplace_id: int
