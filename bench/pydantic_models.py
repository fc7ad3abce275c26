"""pydantic v2 models of the same shapes as the generated Manifest and purchase types (the comparison).

Attribute names, wire names (aliases), field types and optional fields mirror `paciolan.models` and
`oneticket.models`; extra wire fields are ignored, as the generated models do.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Generic, TypeVar

from pydantic import BaseModel, Field

T = TypeVar("T")


class CodeName(BaseModel):
    code: str
    name: str


class ManifestSeat(BaseModel):
    index: int
    label: str
    is_aisle: bool = Field(alias="isAisle")
    gate: str
    is_accessible: bool = Field(alias="isAccessible")


class ManifestRow(BaseModel):
    row: str
    rating: int
    fill_direction: str = Field(alias="fillDirection")
    seats: list[ManifestSeat]


class ManifestSection(BaseModel):
    section: str
    section_name: str = Field(alias="sectionName")
    rows: list[ManifestRow]


class ManifestArea(BaseModel):
    code: str
    name: str
    capacity: int
    seat_value: Decimal = Field(alias="seatValue")
    sections: list[ManifestSection]


class ManifestPriceLevel(BaseModel):
    price_level: int = Field(alias="priceLevel")
    price_level_name: str = Field(alias="priceLevelName")
    seating_type: str = Field(alias="seatingType")
    capacity: int
    areas: list[ManifestArea]


class Manifest(BaseModel):
    season: CodeName
    facility: CodeName
    configuration: CodeName
    capacity: int
    price_levels: list[ManifestPriceLevel] = Field(alias="priceLevels")


class EnvelopeResult(BaseModel):
    status: str
    message: str
    message_id: str = Field(alias="messageid")


class Envelope(BaseModel, Generic[T]):
    result: EnvelopeResult
    output: T


class PurchaseEvent(BaseModel):
    name: str
    venue: str
    datetime: str
    event_id_1ticket: str = Field(alias="eventid_1ticket")
    event_id_primary: str = Field(alias="eventid_primary")
    print_delay_hours: str = Field(alias="printdelay_hours")


class PurchasingAccount(BaseModel):
    account_username: str
    account_id: str
    account_id_1ticket: str


class PurchaseOrders(BaseModel):
    ticketutils: str
    skybox: str
    ticketnetwork: str
    posnext: str


class PurchaseMarketplace(BaseModel):
    marketplace: str
    marketplace_id: str = Field(alias="marketplaceid")


class PurchaseReceipt(BaseModel):
    confirmation_number: str
    confirmation_number_1ticket: str = Field(alias="confrmation_number_1ticket")
    confirmation_region: str
    price_code: str = Field(alias="pricecode")
    cost_group: str
    cost_per_seat: str = Field(alias="cost_perseat")
    face_per_seat: str = Field(alias="face_perseat")
    seen_email_receipt: bool = Field(alias="seen_emailreceipt")
    seen_online_receipt: bool = Field(alias="seen_onlinereceipt")
    credit_card: str = Field(alias="creditcard")
    buyer_name: str
    purchase_date: str = Field(alias="purchasedate")
    status: str | None = None


class PurchaseAttributes(BaseModel):
    refund: str


class PurchaseItems(BaseModel):
    section: str
    row: str
    section_original: str
    row_original: str
    seat_first: str
    seat_last: str
    quantity: str
    stock: str


class Purchase(BaseModel):
    rid: int
    event: PurchaseEvent
    purchasing_account: PurchasingAccount
    marketplace: PurchaseMarketplace
    receipt: PurchaseReceipt
    attributes: PurchaseAttributes
    items: PurchaseItems
    has_pdf: bool = Field(alias="haspdf")
    date_last_seen: str = Field(alias="datelastseen")
    date_first_seen: str = Field(alias="datefirstseen")
    purchase_orders: PurchaseOrders | None = Field(default=None, alias="purchaseorders")
    disclosures: list[int] | None = None
    rotating_barcodes: bool | None = None


class PurchasesPage(BaseModel):
    purchases: list[Purchase]


PurchasesEnvelope = Envelope[list[PurchasesPage]]
