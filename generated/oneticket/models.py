# Generated from endpoints.yaml (sha256 3750acddfbb35d332c19e57261e2fb4db0cd75297ec40220e5e2d195ab230ba7) by `ticketing-codegen generate`. Do not edit.
"""Models of the 1Ticket legacy API.

Attribute names are snake_case; the exact wire names are kept for encoding and decoding. Unknown response
fields are ignored. A field that may be missing defaults to `UNSET` (told apart from `None`, which is JSON
`null`), and is left out again when encoded. Enums are open: a value the vendor adds later still decodes.
"""

from __future__ import annotations

import enum
from typing import Any, Generic, TypeVar

import msgspec
from msgspec import UNSET, UnsetType

__all__ = [
    "Account",
    "AccountError",
    "AccountMarketplace",
    "AccountStatus",
    "AutoPoSettings",
    "CompanyInfo",
    "CompleteSale",
    "DeliveryFormat",
    "Disclosure",
    "DisclosuresPage",
    "Domain",
    "DomainDefaults",
    "Envelope",
    "EnvelopeResult",
    "Marketplace",
    "PdfGroup",
    "PdfSeat",
    "PosId",
    "PosName",
    "PosUsed",
    "Purchase",
    "PurchaseAttributes",
    "PurchaseEvent",
    "PurchaseItems",
    "PurchaseMarketplace",
    "PurchaseOrders",
    "PurchaseReceipt",
    "PurchaseStatus",
    "PurchasesPage",
    "PurchasingAccount",
    "QuickPoSettings",
    "RefundEligibility",
    "Sale",
    "SaleEvent",
    "SaleHoldDetails",
    "SaleProcessingStep",
    "SaleRecord",
    "SaleRecordEvent",
    "SaleRecordPricePerSale",
    "SaleRecordPricePerSeat",
    "SaleRecordSeat",
    "SaleTickets",
    "SalesMarketplaceId",
]

_E = TypeVar("_E", bound=enum.Enum)
T = TypeVar("T")


def _open_member(cls: type[_E], value: object) -> _E | None:
    """A member for a value the registry does not list yet, so that decoding does not fail."""
    base: Any = str if issubclass(cls, str) else int
    if not isinstance(value, base) or isinstance(value, bool):
        return None
    member: _E = base.__new__(cls, value)
    member._name_ = f"UNKNOWN_{value}"
    member._value_ = value
    return member


def _masked_repr(obj: msgspec.Struct, secrets: frozenset[str]) -> str:
    parts = (
        f"{name}={'***' if name in secrets else repr(getattr(obj, name))}"
        for name in obj.__struct_fields__
    )
    return f"{type(obj).__name__}({', '.join(parts)})"


class _Masked:
    """Shown instead of a secret value by rich's pretty printer."""

    def __repr__(self) -> str:
        return "***"


_MASKED = _Masked()


def _masked_rich_repr(obj: msgspec.Struct, secrets: frozenset[str]) -> list[tuple[str, Any]]:
    return [
        (name, _MASKED if name in secrets else getattr(obj, name)) for name in obj.__struct_fields__
    ]


class RefundEligibility(str, enum.Enum):
    """Refund eligibility filter. "unknown" means 1Ticket has either not seen refund
    information or Ticketmaster has not yet made it available.
    """

    TRUE = "true"
    FALSE = "false"
    UNKNOWN = "unknown"

    @classmethod
    def _missing_(cls, value: object) -> RefundEligibility | None:
        return _open_member(cls, value)


class PurchaseStatus(str, enum.Enum):
    """Status of a purchase."""

    ACTIVE = "Active"
    CANCELED = "Canceled"

    @classmethod
    def _missing_(cls, value: object) -> PurchaseStatus | None:
        return _open_member(cls, value)


class PosName(str, enum.Enum):
    """The POS a purchase order number belongs to (purchases.record_po)."""

    UTILS = "utils"
    TICKETNETWORK = "ticketnetwork"
    POSNEXT = "posnext"
    SKYBOX = "skybox"
    TRADEDESK = "tradedesk"

    @classmethod
    def _missing_(cls, value: object) -> PosName | None:
        return _open_member(cls, value)


class PosUsed(str, enum.Enum):
    """The POS where a sale lives (sales.add)."""

    TICKETNETWORKAPI = "ticketnetworkapi"
    SKYBOX = "skybox"
    POSNEXT = "posnext"

    @classmethod
    def _missing_(cls, value: object) -> PosUsed | None:
        return _open_member(cls, value)


class DeliveryFormat(str, enum.Enum):
    """Method the marketplace expects for delivery. `locaklpickup` is the vendor's spelling and
    the real wire value.
    """

    HARD = "hard"
    ETICKET = "eticket"
    TRANSFER = "transfer"
    BARCODE = "barcode"
    FLASH = "flash"
    MOBILEQR = "mobileqr"
    WILLCALL = "willcall"
    LOCAKLPICKUP = "locaklpickup"

    @classmethod
    def _missing_(cls, value: object) -> DeliveryFormat | None:
        return _open_member(cls, value)


class SalesMarketplaceId(enum.IntEnum):
    """1Ticket sales marketplace id (the fulfill lookup table): 1 stubhub, 2 ticketnetwork, 3
    tnow, 4 vivid, 12 viagogo, 15 fanxchange, 16 tickpick, 25 gametime, 27 seatsmart, 29
    premiumseatsusa, 41 seatgeek, 52 agora.
    """

    VALUE_1 = 1
    VALUE_2 = 2
    VALUE_3 = 3
    VALUE_4 = 4
    VALUE_12 = 12
    VALUE_15 = 15
    VALUE_16 = 16
    VALUE_25 = 25
    VALUE_27 = 27
    VALUE_29 = 29
    VALUE_41 = 41
    VALUE_52 = 52

    @classmethod
    def _missing_(cls, value: object) -> SalesMarketplaceId | None:
        return _open_member(cls, value)


class AccountStatus(str, enum.Enum):
    """Error state of an account: locked = locked accounts, badpassword = incorrect password,
    phone = phone number required, error = any error.
    """

    LOCKED = "locked"
    BADPASSWORD = "badpassword"
    PHONE = "phone"
    ERROR = "error"

    @classmethod
    def _missing_(cls, value: object) -> AccountStatus | None:
        return _open_member(cls, value)


class PosId(enum.IntEnum):
    """ID of the POS settings to update: 2 = Ticketnetwork, 18 = TicketUtils, 22 = SkyBox, 47 =
    POSNext, 62 = Tradedesk POS.
    """

    VALUE_2 = 2
    VALUE_18 = 18
    VALUE_22 = 22
    VALUE_47 = 47
    VALUE_62 = 62

    @classmethod
    def _missing_(cls, value: object) -> PosId | None:
        return _open_member(cls, value)


class EnvelopeResult(msgspec.Struct, kw_only=True, gc=False, rename={"message_id": "messageid"}):
    """Outcome of a 1Ticket call; a status other than "success" is an error even with HTTP 200."""

    status: str
    message: str
    message_id: str


class Envelope(msgspec.Struct, Generic[T], kw_only=True, gc=False):
    """The wrapper of every 1Ticket response; `output` is the operation's response type."""

    result: EnvelopeResult
    output: T


class PdfGroup(msgspec.Struct, kw_only=True, gc=False):
    """PDF and barcode data of one purchase group."""

    seats: list[PdfSeat]


class PdfSeat(
    msgspec.Struct,
    kw_only=True,
    gc=False,
    rename={
        "seat_id": "seatid",
        "has_pdf": "haspdf",
        "ticket_stock": "ticketstock",
        "print_date": "printdate",
        "oneticket_id": "1ticketid",
        "seat_number": "seatnumber",
        "pdf_guid": "pdfguid",
        "pdf_url": "pdfurl",
    },
):
    """One seat of a purchase group with its PDF and barcode."""

    seat_id: str
    status: str
    has_pdf: str
    obstructions: list[Any]
    ticket_stock: str
    print_date: str
    oneticket_id: str
    """1Ticket ID of the purchase group (the rid)."""
    seat_number: str
    section: str
    row: str
    pdf_guid: str
    barcode: str
    pdf_url: str


class PurchasesPage(msgspec.Struct, kw_only=True, gc=False):
    """One page of the purchase search."""

    purchases: list[Purchase]


class Purchase(
    msgspec.Struct,
    kw_only=True,
    gc=False,
    rename={
        "purchase_orders": "purchaseorders",
        "has_pdf": "haspdf",
        "date_last_seen": "datelastseen",
        "date_first_seen": "datefirstseen",
    },
):
    """A purchase (ticket group) as found on 1ticket.com/purchases. The fields missing from one
    of the document's two sample purchases (purchase_orders, disclosures, rotating_barcodes)
    are optional and UNSET when absent; the others are required.
    """

    rid: int
    """1Ticket ID of the purchase group."""
    event: PurchaseEvent
    purchasing_account: PurchasingAccount
    purchase_orders: PurchaseOrders | UnsetType = UNSET
    disclosures: list[int] | UnsetType = UNSET
    """IDs of the disclosures (see disclosures.list)."""
    marketplace: PurchaseMarketplace
    receipt: PurchaseReceipt
    attributes: PurchaseAttributes
    items: PurchaseItems
    has_pdf: bool
    rotating_barcodes: bool | UnsetType = UNSET
    date_last_seen: str
    date_first_seen: str


class PurchaseEvent(
    msgspec.Struct,
    kw_only=True,
    gc=False,
    rename={
        "event_id_1ticket": "eventid_1ticket",
        "event_id_primary": "eventid_primary",
        "print_delay_hours": "printdelay_hours",
    },
):
    """PurchaseEvent"""

    name: str
    venue: str
    datetime: str
    event_id_1ticket: str
    event_id_primary: str
    print_delay_hours: str


class PurchasingAccount(msgspec.Struct, kw_only=True, gc=False):
    """PurchasingAccount"""

    account_username: str
    account_id: str
    account_id_1ticket: str


class PurchaseOrders(msgspec.Struct, kw_only=True, gc=False):
    """PO numbers of the purchase, per POS."""

    ticketutils: str
    skybox: str
    ticketnetwork: str
    posnext: str


class PurchaseMarketplace(
    msgspec.Struct, kw_only=True, gc=False, rename={"marketplace_id": "marketplaceid"}
):
    """PurchaseMarketplace"""

    marketplace: str
    marketplace_id: str


class PurchaseReceipt(
    msgspec.Struct,
    kw_only=True,
    gc=False,
    rename={
        "confirmation_number_1ticket": "confrmation_number_1ticket",
        "price_code": "pricecode",
        "cost_per_seat": "cost_perseat",
        "face_per_seat": "face_perseat",
        "seen_email_receipt": "seen_emailreceipt",
        "seen_online_receipt": "seen_onlinereceipt",
        "credit_card": "creditcard",
        "purchase_date": "purchasedate",
    },
):
    """PurchaseReceipt"""

    status: str | UnsetType = UNSET
    confirmation_number: str
    confirmation_number_1ticket: str
    confirmation_region: str
    price_code: str
    cost_group: str
    cost_per_seat: str
    face_per_seat: str
    seen_email_receipt: bool
    seen_online_receipt: bool
    credit_card: str
    buyer_name: str
    purchase_date: str


class PurchaseAttributes(msgspec.Struct, kw_only=True, gc=False):
    """PurchaseAttributes"""

    refund: str
    """Refund eligibility as a string: true, false or unknown."""


class PurchaseItems(msgspec.Struct, kw_only=True, gc=False):
    """PurchaseItems"""

    section: str
    row: str
    section_original: str
    row_original: str
    seat_first: str
    seat_last: str
    quantity: str
    stock: str


class CompanyInfo(msgspec.Struct, kw_only=True, gc=False):
    """Basic client information of the API token's owner."""

    company_name: str


class Sale(
    msgspec.Struct,
    kw_only=True,
    gc=False,
    rename={
        "order_id": "orderid",
        "marketplace_id": "marketplaceid",
        "ticket_stock": "ticketstock",
    },
):
    """A sale as returned by the sales query."""

    order_id: str
    marketplace: str
    marketplace_id: int
    """Sales marketplace id (see SalesMarketplaceId)."""
    ticket_stock: str
    type: str
    processing: list[SaleProcessingStep]
    event: SaleEvent
    tickets: SaleTickets
    hold_details: SaleHoldDetails


class SaleProcessingStep(msgspec.Struct, kw_only=True, gc=False):
    """One processing step of a sale; exactly one of hold, confirm, invoice, fulfill carries
    the step's status.
    """

    hold: str | UnsetType = UNSET
    confirm: str | UnsetType = UNSET
    invoice: str | UnsetType = UNSET
    fulfill: str | UnsetType = UNSET
    message: str


class SaleEvent(msgspec.Struct, kw_only=True, gc=False):
    """SaleEvent"""

    name: str
    venue: str
    date: str
    time: str


class SaleTickets(
    msgspec.Struct,
    kw_only=True,
    gc=False,
    rename={"seat_first": "seatfirst", "seat_last": "seatlast"},
):
    """SaleTickets"""

    section: str
    row: str
    quantity: int
    seat_first: str
    seat_last: str
    total_order: str
    total_payment: str


class SaleHoldDetails(msgspec.Struct, kw_only=True, gc=False):
    """SaleHoldDetails"""

    received: str
    removed_date: str
    removed_by: str


class SaleRecord(
    msgspec.Struct,
    kw_only=True,
    rename={
        "sale_id": "saleid",
        "cred_id": "credid",
        "pos_used": "posused",
        "delivery_format": "deliveryformat",
        "sale_datetime": "saledatetime",
        "marketplace_id": "marketplaceid",
        "ticket_group_id": "ticketgroupid",
        "invoice_id": "invoiceid",
        "in_hand_date": "inhanddate",
        "price_per_seat": "priceperseat",
        "price_per_sale": "pricepersale",
    },
):
    """A sale record to add to 1Ticket (sales.add)."""

    sale_id: str
    """marketplace saleID"""
    cred_id: str
    """ID of marketplace credentials as provided by 1Ticket - email support@1ticket.com for
    your IDs
    """
    pos_used: PosUsed
    """the POS where your sale lives"""
    delivery_format: DeliveryFormat
    """method marketplace expects delivery"""
    sale_datetime: str
    """when the sale occurred. mm/dd/yyyy hh:mm am/pm"""
    marketplace_id: str
    """ID of the marketplace (see GET /v2/marketplaces/ for completed list)"""
    ticket_group_id: str
    """ID of ticket group in POS"""
    invoice_id: str
    """ID of invoice is POS"""
    in_hand_date: str
    """date when the tickets will be in hand. mm/dd/yyyy"""
    confirmed: bool
    """has the sale been confirmed with the marketplace? true/false"""
    fulfilled: bool
    """has the sale been fulfilled with the marketplace? true/false"""
    price_per_seat: SaleRecordPricePerSeat
    price_per_sale: SaleRecordPricePerSale
    event: SaleRecordEvent
    section: str
    """section of the seats that sold"""
    row: str
    """row of the seats that sold"""
    seats: list[SaleRecordSeat]


class SaleRecordPricePerSeat(msgspec.Struct, kw_only=True, rename={"list_price": "list"}):
    """Prices per seat, as decimal strings (money stays str)."""

    list_price: str
    """the list price per seat"""
    face: str
    """the face value per seat"""
    cost: str
    """the cost per seat"""


class SaleRecordPricePerSale(msgspec.Struct, kw_only=True):
    """Prices per sale, as decimal strings (money stays str)."""

    total: str
    """the total value of the sale as specified by the marketplace"""
    fees: str
    """the total fees taken by the marketplace"""
    payout: str
    """the total payout from the marketplace"""


class SaleRecordEvent(msgspec.Struct, kw_only=True, rename={"datetime_local": "datetimelocal"}):
    """SaleRecordEvent"""

    name: str
    """name of the event"""
    venue: str
    """name of the venue"""
    state: str | UnsetType = UNSET
    """state where the event occurs"""
    datetime_local: str
    """the local date/time of the event. mm/dd/yyyy hh:mm am/pm"""


class SaleRecordSeat(
    msgspec.Struct, kw_only=True, rename={"seat_number": "seatnumber", "seat_id": "seatid"}
):
    """SaleRecordSeat"""

    seat_number: str
    """seat number that sold"""
    seat_id: str
    """ID of the seat that sold"""


class CompleteSale(msgspec.Struct, kw_only=True):
    """A sale to mark "filled" (sales.complete)."""

    user_id: str
    """ID of the user on 1ticket"""
    order_id: str
    """ID of the order on the marketplace"""
    marketplace_id: int
    """ID of the marketplace"""


class Marketplace(msgspec.Struct, kw_only=True, gc=False):
    """A supported marketplace."""

    id: str
    name: str
    url: str
    password_required: bool


class DisclosuresPage(msgspec.Struct, kw_only=True, gc=False):
    """DisclosuresPage"""

    disclosures: list[Disclosure]


class Disclosure(msgspec.Struct, kw_only=True, gc=False):
    """A disclosure that 1Ticket pulls from marketplace purchase receipts and PDFs."""

    id: int
    description: str
    description_short: str
    description_long: str
    description_skybox: str
    description_dti: str


class Account(
    msgspec.Struct,
    kw_only=True,
    gc=False,
    rename={
        "account_id": "accountid",
        "user_id": "userid",
        "quick_po_settings": "quickpo_settings",
    },
):
    """A marketplace account (login) on 1Ticket."""

    account_id: str
    user_id: str
    notes: str
    active: bool
    account_username: str
    account_password: str
    marketplace: AccountMarketplace
    error: AccountError
    quick_po_settings: QuickPoSettings

    # Masked in the repr, and in drift records (which find them here).
    _secret_fields = frozenset(["account_password"])

    def __repr__(self) -> str:
        return _masked_repr(self, self._secret_fields)

    def __rich_repr__(self) -> list[tuple[str, Any]]:
        return _masked_rich_repr(self, self._secret_fields)


class AccountMarketplace(msgspec.Struct, kw_only=True, gc=False):
    """AccountMarketplace"""

    id: str
    name: str


class AccountError(msgspec.Struct, kw_only=True, gc=False):
    """AccountError"""

    error_datetime: str
    error_id: str
    error_description: str


class QuickPoSettings(
    msgspec.Struct,
    kw_only=True,
    gc=False,
    rename={
        "cust_id_skybox": "custid_skybox",
        "credit_card_id_skybox": "creditcardid_skybox",
        "cust_id_posnext": "custid_posnext",
        "credit_card_id_posnext": "creditcardid_posnext",
        "cust_id_core": "custid_core",
        "credit_card_id_core": "creditcardid_core",
        "cust_id_ticketutils": "custid_ticketutils",
        "credit_card_id_ticketutils": "creditcardid_ticketutils",
        "cust_id_ticketnetwork": "custid_ticketnetwork",
        "credit_card_id_ticketnetwork": "creditcardid_ticketnetwork",
        "cust_id_tradedeskpos": "custid_tradedeskpos",
        "credit_card_id_tradedeskpos": "creditcardid_tradedeskpos",
        "auto_po_settings": "autoposettings",
    },
):
    """Per-POS customer/vendor and credit card IDs used for QuickPO, and the AutoPO settings."""

    cust_id_skybox: str
    credit_card_id_skybox: str
    cust_id_posnext: str
    credit_card_id_posnext: str
    cust_id_core: str
    credit_card_id_core: str
    cust_id_ticketutils: str
    credit_card_id_ticketutils: str
    cust_id_ticketnetwork: str
    credit_card_id_ticketnetwork: str
    cust_id_tradedeskpos: str
    credit_card_id_tradedeskpos: str
    auto_po_settings: AutoPoSettings


class AutoPoSettings(
    msgspec.Struct,
    kw_only=True,
    gc=False,
    rename={
        "auto_po_skybox": "autopo_skybox",
        "auto_po_skybox_date_after": "autopo_skybox_dateafter",
        "auto_po_ticketnetwork": "autopo_ticketnetwork",
        "auto_po_ticketnetwork_date_after": "autopo_ticketnetwork_dateafter",
        "auto_po_posnext": "autopo_posnext",
        "auto_po_posnext_date_after": "autopo_posnext_dateafter",
        "auto_po_ticketutils": "autopo_ticketutils",
        "auto_po_ticketutils_date_after": "autopo_ticketutils_dateafter",
        "auto_po_tradedeskpos": "autopo_tradedeskpos",
        "auto_po_tradedeskpos_date_after": "autopo_tradedeskpos_dateafter",
    },
):
    """AutoPoSettings"""

    auto_po_skybox: bool
    auto_po_skybox_date_after: str
    auto_po_ticketnetwork: bool
    auto_po_ticketnetwork_date_after: str
    auto_po_posnext: bool
    auto_po_posnext_date_after: str
    auto_po_ticketutils: bool
    auto_po_ticketutils_date_after: str
    auto_po_tradedeskpos: bool
    auto_po_tradedeskpos_date_after: str


class Domain(msgspec.Struct, kw_only=True, gc=False):
    """A domain tied to the 1Ticket account."""

    domain_id: str
    domain: str
    owned_by: str
    used_by: str
    defaults: DomainDefaults


class DomainDefaults(
    msgspec.Struct, kw_only=True, gc=False, rename={"credit_card_id": "creditcard_id"}
):
    """DomainDefaults"""

    password: str
    customer_id: str
    credit_card_id: str

    # Masked in the repr, and in drift records (which find them here).
    _secret_fields = frozenset(["password"])

    def __repr__(self) -> str:
        return _masked_repr(self, self._secret_fields)

    def __rich_repr__(self) -> list[tuple[str, Any]]:
        return _masked_rich_repr(self, self._secret_fields)
