# Generated from endpoints.yaml (sha256 3750acddfbb35d332c19e57261e2fb4db0cd75297ec40220e5e2d195ab230ba7) by `ticketing-codegen generate`. Do not edit.
"""Models of the Paciolan PDI.

Attribute names are snake_case; the exact wire names are kept for encoding and decoding. Unknown response
fields are ignored. A field that may be missing defaults to `UNSET` (told apart from `None`, which is JSON
`null`), and is left out again when encoded. Enums are open: a value the vendor adds later still decodes.
"""

from __future__ import annotations

import datetime as dt
import enum
from decimal import Decimal
from typing import Any, TypeVar

import msgspec
from msgspec import UNSET, UnsetType

from ._money import check_money

__all__ = [
    "Availability",
    "AvailableSurcharge",
    "BatchJob",
    "BatchJobStatus",
    "BatchStatus",
    "Cart",
    "CartOffer",
    "CartOfferEvent",
    "CartSeat",
    "CatalogItem",
    "CatalogItemSummary",
    "CatalogOffer",
    "Checkout",
    "CodeAmount",
    "CodeName",
    "CodeNameAmount",
    "DebugFlag",
    "Delivery",
    "DeliveryMethod",
    "DeliveryMethodType",
    "Disposition",
    "EmailAddress",
    "ErrorBody",
    "EventSummary",
    "Facility",
    "Manifest",
    "ManifestArea",
    "ManifestPriceLevel",
    "ManifestRow",
    "ManifestSeat",
    "ManifestSection",
    "NonAllocatable",
    "OfferRequest",
    "OfferSeat",
    "OfferUpdate",
    "OrderCharge",
    "OrderEvent",
    "OrderExportRow",
    "OrderLineItem",
    "OrderSeat",
    "Organization",
    "PassTicket",
    "PassTickets",
    "PassType",
    "Patron",
    "PatronAddress",
    "PatronAuthentication",
    "PatronCredentials",
    "PatronOrder",
    "PatronSeasons",
    "Payment",
    "PaymentMethod",
    "PhoneNumber",
    "PriceLevelAvailability",
    "PriceLevelSeatStatus",
    "PriceType",
    "PricedRow",
    "PricedSeat",
    "PricedSection",
    "PricingItem",
    "PricingProfile",
    "PrintFormat",
    "RowSeatStatus",
    "SaleCode",
    "SeatRow",
    "SeatStatus",
    "SeatStatusChange",
    "SeatStatusException",
    "SeatStatusExceptionRow",
    "SeatStatusUpdate",
    "SectionAvailability",
    "SectionSeatStatus",
    "SystemInfo",
    "Ticket",
    "UserDefinedField",
    "VoidResult",
]

_E = TypeVar("_E", bound=enum.Enum)


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


class DeliveryMethodType(str, enum.Enum):
    """Type of a delivery method (disposition)."""

    PRINT_AT_HOME = "PRINT_AT_HOME"
    TRADITIONAL = "TRADITIONAL"
    MOBILE = "MOBILE"

    @classmethod
    def _missing_(cls, value: object) -> DeliveryMethodType | None:
        return _open_member(cls, value)


class DebugFlag(str, enum.Enum):
    """Enables detailed response logging (use only when instructed by Paciolan Developer
    Support).
    """

    FALSE = "false"
    TRUE = "true"

    @classmethod
    def _missing_(cls, value: object) -> DebugFlag | None:
        return _open_member(cls, value)


class PrintFormat(str, enum.Enum):
    """Print format for PDF output."""

    DESKTOP = "DESKTOP"
    MOBILE = "MOBILE"
    BOTH = "BOTH"

    @classmethod
    def _missing_(cls, value: object) -> PrintFormat | None:
        return _open_member(cls, value)


class PassType(str, enum.Enum):
    """Desired pass type."""

    APPLE = "apple"
    GOOGLE = "google"

    @classmethod
    def _missing_(cls, value: object) -> PassType | None:
        return _open_member(cls, value)


class BatchJobStatus(str, enum.Enum):
    """Batch job status: SCHEDULED (the job has been scheduled for processing), ERROR (an error
    has occurred), PENDING (processing is underway, completion is pending), COMPLETED (the
    job is completed).
    """

    SCHEDULED = "SCHEDULED"
    ERROR = "ERROR"
    PENDING = "PENDING"
    COMPLETED = "COMPLETED"

    @classmethod
    def _missing_(cls, value: object) -> BatchJobStatus | None:
        return _open_member(cls, value)


class ErrorBody(msgspec.Struct, kw_only=True):
    """The body of an error answer (4xx, 5xx): the HTTP status again and a message. The vendor
    document shows no error response; this shape is an assumption, the one the local
    emulator sends, kept in this one place.
    """

    status: int
    message: str


class CodeName(msgspec.Struct, kw_only=True, gc=False):
    """A coded reference (season, activity, item, configuration, group, ...)."""

    code: str
    name: str


class CodeAmount(msgspec.Struct, kw_only=True, gc=False):
    """A charge, fee, discount or surcharge applied to an offer or order line."""

    code: str
    amount: Decimal

    def __post_init__(self) -> None:
        check_money(self, ("amount",))


class CodeNameAmount(msgspec.Struct, kw_only=True, gc=False):
    """A named charge or fee with its amount."""

    code: str
    name: str
    amount: Decimal

    def __post_init__(self) -> None:
        check_money(self, ("amount",))


class UserDefinedField(msgspec.Struct, kw_only=True, gc=False):
    """A user-defined field of a cart or order."""

    index: int
    value: str


class OrderCharge(
    msgspec.Struct,
    kw_only=True,
    gc=False,
    rename={
        "charge_code": "chargeCode",
        "charge_amount": "chargeAmount",
        "charge_class": "chargeClass",
    },
):
    """An order-level charge."""

    season: str
    charge_code: str
    charge_amount: Decimal
    charge_class: str

    def __post_init__(self) -> None:
        check_money(self, ("charge_amount",))


class PriceType(
    msgspec.Struct, kw_only=True, gc=False, rename={"class_": "class", "audit_kind": "auditKind"}
):
    """A price type with its audit kind and optional price type class."""

    code: str
    name: str
    class_: CodeName | None
    audit_kind: str


class CatalogItemSummary(
    msgspec.Struct,
    kw_only=True,
    gc=False,
    rename={
        "season_code": "seasonCode",
        "item_code": "itemCode",
        "item_name": "itemName",
        "internet_name": "internetName",
        "item_basis": "itemBasis",
        "facility_code": "facilityCode",
        "facility_name": "facilityName",
        "start_date": "startDate",
        "end_date": "endDate",
        "has_pricing_profiles": "hasPricingProfiles",
        "item_groups": "itemGroups",
    },
):
    """Summary of a catalog item (summaryItem); use catalog.get_item for the complete item."""

    season_code: str
    item_code: str
    item_name: str
    internet_name: str
    item_basis: str
    facility_code: str
    facility_name: str
    start_date: str
    end_date: str | None
    onsale: bool
    has_pricing_profiles: bool
    item_groups: list[CodeName]


class Facility(
    msgspec.Struct,
    kw_only=True,
    gc=False,
    rename={
        "address_locality": "addressLocality",
        "address_region": "addressRegion",
        "postal_code": "postalCode",
        "address_country": "addressCountry",
        "time_zone": "timeZone",
    },
):
    """A facility with its address and time zone."""

    code: str
    name: str
    address1: str
    address2: str | None
    address3: str | None
    address4: str | None
    address_locality: str
    address_region: str
    postal_code: str
    address_country: str
    time_zone: str


class NonAllocatable(
    msgspec.Struct,
    kw_only=True,
    gc=False,
    rename={
        "item_limit": "itemLimit",
        "quantity_sold": "quantitySold",
        "customer_limit": "customerLimit",
        "ticket_charge": "ticketCharge",
        "minimum_quantity": "minimumQuantity",
        "maximum_quantity": "maximumQuantity",
        "multiple_quantity": "multipleQuantity",
    },
):
    """Sales rules of a non-allocatable item (an item without seats)."""

    price: Decimal
    item_limit: int
    quantity_sold: int
    customer_limit: int
    changeable: bool
    ticket_charge: CodeNameAmount | None
    minimum_quantity: int | None
    maximum_quantity: int | None
    multiple_quantity: int | None

    def __post_init__(self) -> None:
        check_money(self, ("price",))


class CatalogOffer(
    msgspec.Struct,
    kw_only=True,
    gc=False,
    rename={
        "price_level": "priceLevel",
        "price_type": "priceType",
        "start_date": "startDate",
        "end_date": "endDate",
        "minimum_quantity": "minimumQuantity",
        "maximum_quantity": "maximumQuantity",
        "multiple_quantity": "multipleQuantity",
        "ticket_charge": "ticketCharge",
        "facility_fee": "facilityFee",
    },
):
    """A price offer (price level and price type) of a catalog item."""

    price_level: int
    price_type: str
    start_date: str | None
    end_date: str | None
    price: Decimal
    minimum_quantity: int | None
    maximum_quantity: int | None
    multiple_quantity: int | None
    ticket_charge: CodeNameAmount | None
    facility_fee: CodeNameAmount | None

    def __post_init__(self) -> None:
        check_money(self, ("price",))


class CatalogItem(
    msgspec.Struct,
    kw_only=True,
    gc=False,
    rename={
        "event_name": "eventName",
        "internet_name": "internetName",
        "event_group": "eventGroup",
        "price_table": "priceTable",
        "item_groups": "itemGroups",
        "class_": "class",
        "start_date": "startDate",
        "end_date": "endDate",
        "on_sale": "onSale",
        "non_allocatable": "nonAllocatable",
    },
):
    """Detailed item information, as permitted by the sales policy."""

    activity: CodeName
    season: CodeName
    code: str
    basis: str
    name: str
    event_name: str
    internet_name: str
    type: CodeName
    event_group: CodeName
    facility: Facility
    configuration: CodeName
    price_table: CodeName
    item_groups: list[CodeName]
    class_: CodeName
    start_date: str
    end_date: str | None
    on_sale: bool
    non_allocatable: NonAllocatable | None
    keywords: list[str]
    offers: list[CatalogOffer]


class SectionAvailability(msgspec.Struct, kw_only=True, gc=False):
    """SectionAvailability"""

    section: str
    availability: int


class PriceLevelAvailability(
    msgspec.Struct, kw_only=True, gc=False, rename={"price_level": "priceLevel"}
):
    """PriceLevelAvailability"""

    price_level: int
    sections: list[SectionAvailability]
    availability: int


class Availability(msgspec.Struct, kw_only=True, gc=False, rename={"price_levels": "priceLevels"}):
    """Summary availability of an event, by price level and section."""

    season: CodeName
    item: CodeName
    availability: int
    price_levels: list[PriceLevelAvailability]


class RowSeatStatus(msgspec.Struct, kw_only=True, gc=False):
    """Seats of a row and their status codes (parallel lists)."""

    row: str
    seats: list[str]
    statuses: list[str]


class SectionSeatStatus(msgspec.Struct, kw_only=True, gc=False):
    """SectionSeatStatus"""

    section: str
    rows: list[RowSeatStatus]


class PriceLevelSeatStatus(
    msgspec.Struct, kw_only=True, gc=False, rename={"price_level": "priceLevel"}
):
    """PriceLevelSeatStatus"""

    price_level: int
    sections: list[SectionSeatStatus]


class SeatStatus(msgspec.Struct, kw_only=True, gc=False, rename={"price_levels": "priceLevels"}):
    """Seat status information of an event for the requested sections."""

    season: CodeName
    item: CodeName
    price_levels: list[PriceLevelSeatStatus]


class SeatRow(msgspec.Struct, kw_only=True):
    """Seats of one row; every field may be left out (the document marks none required)."""

    row: str | UnsetType = UNSET
    seats: list[str] | UnsetType = UNSET


class SeatStatusChange(msgspec.Struct, kw_only=True, rename={"seat_status": "seatStatus"}):
    """A seat status change for rows of one section; every field may be left out (the document
    marks none required).
    """

    section: str | UnsetType = UNSET
    """Section in level:section form."""
    rows: list[SeatRow] | UnsetType = UNSET
    seat_status: str | UnsetType = UNSET
    """The seat status code to apply."""


class SeatStatusExceptionRow(msgspec.Struct, kw_only=True, gc=False):
    """SeatStatusExceptionRow"""

    row: str
    seats: list[str]
    reason: str
    """Why the seats were not updated, e.g. STATUS_ALREADY_CHANGED."""


class SeatStatusException(msgspec.Struct, kw_only=True, gc=False):
    """Seats of a section that were not updated."""

    section: str
    rows: list[SeatStatusExceptionRow]


class SeatStatusUpdate(
    msgspec.Struct, kw_only=True, gc=False, rename={"seats_updated": "seatsUpdated"}
):
    """Result of a seat status change."""

    exceptions: list[SeatStatusException]
    seats_updated: int


class CartSeat(msgspec.Struct, kw_only=True, gc=False):
    """CartSeat"""

    section: str
    row: str
    seat: str
    sequence: int


class CartOfferEvent(
    msgspec.Struct,
    kw_only=True,
    gc=False,
    rename={"price_level": "priceLevel", "facility_fee": "facilityFee"},
):
    """CartOfferEvent"""

    code: str
    name: str
    price_level: int
    facility_fee: CodeAmount | None
    seats: list[CartSeat]


class CartOffer(
    msgspec.Struct,
    kw_only=True,
    gc=False,
    rename={
        "order_offer": "orderOffer",
        "offer_type": "offerType",
        "allocated_quantity": "allocatedQuantity",
        "season_code": "seasonCode",
        "item_code": "itemCode",
        "price_type": "priceType",
        "mark_code": "markCode",
        "unit_price": "unitPrice",
        "item_discount": "itemDiscount",
        "item_surcharge": "itemSurcharge",
        "item_charge": "itemCharge",
        "extended_price": "extendedPrice",
        "item_priority": "itemPriority",
        "referral_source": "referralSource",
        "referral_data": "referralData",
        "associated_customer": "associatedCustomer",
        "will_call_customer": "willCallCustomer",
        "available_discounts": "availableDiscounts",
        "printed_quantity": "printedQuantity",
    },
):
    """An offer (order line) in a cart."""

    sequence: int
    order_offer: str
    offer_type: str
    quantity: int
    allocated_quantity: int
    season_code: str
    item_code: str
    basis: str
    event: CartOfferEvent
    price_type: PriceType
    mark_code: str | None
    unit_price: Decimal
    item_discount: CodeAmount | None
    item_surcharge: CodeAmount | None
    item_charge: CodeAmount | None
    extended_price: Decimal
    item_priority: int
    referral_source: str | None
    referral_data: str | None
    associated_customer: str | None
    will_call_customer: str | None
    note: str | None
    tags: list[str]
    available_discounts: list[Any]
    printed_quantity: int

    def __post_init__(self) -> None:
        check_money(self, ("unit_price", "extended_price"))


class SaleCode(msgspec.Struct, kw_only=True, gc=False):
    """SaleCode"""

    code: str
    name: str
    group: CodeName


class AvailableSurcharge(
    msgspec.Struct, kw_only=True, gc=False, rename={"season_code": "seasonCode"}
):
    """AvailableSurcharge"""

    season_code: str
    code: str
    name: str


class PaymentMethod(msgspec.Struct, kw_only=True, gc=False):
    """PaymentMethod"""

    code: str
    name: str
    type: str


class DeliveryMethod(
    msgspec.Struct, kw_only=True, gc=False, rename={"mobile_format": "mobileFormat"}
):
    """DeliveryMethod"""

    code: str
    name: str
    type: DeliveryMethodType
    mobile_format: str | UnsetType = UNSET
    """Only for MOBILE delivery methods, e.g. PASSBOOK_ONLY."""


class Cart(
    msgspec.Struct,
    kw_only=True,
    gc=False,
    rename={
        "id": "ID",
        "user_defined_fields": "userDefinedFields",
        "sale_code": "saleCode",
        "available_mark_codes": "availableMarkCodes",
        "available_surcharges": "availableSurcharges",
        "available_payment_methods": "availablePaymentMethods",
        "available_delivery_methods": "availableDeliveryMethods",
    },
):
    """A shopping cart (returned by every cart operation)."""

    id: int
    account: str
    expiration: str
    balance: Decimal
    paid: Decimal
    value: Decimal
    comments: str | None
    tags: list[str]
    offers: list[CartOffer]
    charges: list[OrderCharge]
    user_defined_fields: list[UserDefinedField]
    sale_code: SaleCode
    available_mark_codes: list[CodeName]
    available_surcharges: list[AvailableSurcharge]
    available_payment_methods: list[PaymentMethod]
    available_delivery_methods: list[DeliveryMethod]
    orders: list[Any]
    transactions: list[Any]

    def __post_init__(self) -> None:
        check_money(self, ("balance", "paid", "value"))


class OfferSeat(
    msgspec.Struct, kw_only=True, rename={"price_level": "priceLevel", "price_type": "priceType"}
):
    """A requested seat; every field may be left out (the document marks none required)."""

    price_level: int | UnsetType = UNSET
    price_type: str | UnsetType = UNSET
    section: str | UnsetType = UNSET
    row: str | UnsetType = UNSET
    seat: str | UnsetType = UNSET


class OfferRequest(
    msgspec.Struct,
    kw_only=True,
    rename={
        "season_code": "seasonCode",
        "item_code": "itemCode",
        "referral_source": "referralSource",
        "referral_data": "referralData",
        "associated_customer": "associatedCustomer",
        "will_call_customer": "willCallCustomer",
        "mark_code": "markCode",
        "item_priority": "itemPriority",
    },
):
    """A ticket offer request. For non-allocatable items the seats collection must be omitted,
    e.g. {"seasonCode": "FB16", "itemCode": "HOTDOG", "quantity": 1}.
    """

    season_code: str
    """Season code"""
    item_code: str
    """Item code"""
    quantity: int
    """Quantity"""
    referral_source: str | UnsetType = UNSET
    """Marketing referral source"""
    referral_data: str | UnsetType = UNSET
    """Marketing referral data"""
    associated_customer: str | UnsetType = UNSET
    """Associated customer (used to specify an alternate delivery customer for this offer)"""
    will_call_customer: str | UnsetType = UNSET
    """Will call customer (used to specify an alternate will call customer for this offer)"""
    mark_code: str | UnsetType = UNSET
    """Mark Code"""
    item_priority: int | UnsetType = UNSET
    """Item priority"""
    note: str | UnsetType = UNSET
    """Offer note"""
    seats: list[OfferSeat] | UnsetType = UNSET
    """Collection of seats (required for allocatable items, omitted for non-allocatable items)"""


class OfferUpdate(msgspec.Struct, kw_only=True, rename={"item_code": "itemCode"}):
    """Offer fields to change."""

    item_code: str | UnsetType = UNSET
    """Item code"""


class PatronAddress(
    msgspec.Struct,
    kw_only=True,
    rename={"postal_code": "postalCode", "country_code": "countryCode"},
):
    """PatronAddress"""

    type: str | UnsetType = UNSET
    address1: str | UnsetType = UNSET
    address2: str | UnsetType = UNSET
    address3: str | UnsetType = UNSET
    address4: str | UnsetType = UNSET
    locality: str | UnsetType = UNSET
    region: str | UnsetType = UNSET
    postal_code: str | UnsetType = UNSET
    country_code: str | UnsetType = UNSET


class PhoneNumber(
    msgspec.Struct,
    kw_only=True,
    rename={"formatted_number": "formattedNumber", "country_code": "countryCode"},
):
    """PhoneNumber"""

    type: str | UnsetType = UNSET
    number: str | UnsetType = UNSET
    formatted_number: str | UnsetType = UNSET
    extension: str | UnsetType = UNSET
    country_code: str | UnsetType = UNSET


class EmailAddress(msgspec.Struct, kw_only=True):
    """EmailAddress"""

    type: str | UnsetType = UNSET
    address: str | UnsetType = UNSET


class Patron(
    msgspec.Struct,
    kw_only=True,
    rename={
        "last_name": "lastName",
        "first_name": "firstName",
        "middle_initial": "middleInitial",
        "company_name": "companyName",
        "is_organization": "isOrganization",
        "phone_number": "phoneNumber",
        "email_address": "emailAddress",
    },
):
    """The patron of a checkout."""

    account: str | UnsetType = UNSET
    last_name: str | UnsetType = UNSET
    first_name: str | UnsetType = UNSET
    middle_initial: str | UnsetType = UNSET
    company_name: str | UnsetType = UNSET
    is_organization: bool | UnsetType = UNSET
    address: PatronAddress | UnsetType = UNSET
    phone_number: PhoneNumber | UnsetType = UNSET
    email_address: EmailAddress | UnsetType = UNSET


class Delivery(msgspec.Struct, kw_only=True, rename={"email_address": "emailAddress", "id": "ID"}):
    """Delivery information."""

    method: str | UnsetType = UNSET
    email_address: str | UnsetType = UNSET
    id: str | UnsetType = UNSET


class Payment(
    msgspec.Struct,
    kw_only=True,
    rename={
        "payment_method": "paymentMethod",
        "cardholder_name": "cardholderName",
        "account_number": "accountNumber",
        "document_number": "documentNumber",
        "expiration_month": "expirationMonth",
        "expiration_year": "expirationYear",
        "card_verification_number": "cardVerificationNumber",
        "billing_address": "billingAddress",
        "billing_postal_code": "billingPostalCode",
        "billing_country_code": "billingCountryCode",
        "routing_number": "routingNumber",
        "bank_account_number": "bankAccountNumber",
    },
):
    """A payment of a checkout."""

    payment_method: str | UnsetType = UNSET
    cardholder_name: str | UnsetType = UNSET
    account_number: str | UnsetType = UNSET
    document_number: str | UnsetType = UNSET
    expiration_month: int | UnsetType = UNSET
    expiration_year: int | UnsetType = UNSET
    card_verification_number: str | UnsetType = UNSET
    """Card verification number (CVV), as text so that a leading zero is kept (012)."""
    billing_address: str | UnsetType = UNSET
    billing_postal_code: str | UnsetType = UNSET
    billing_country_code: str | UnsetType = UNSET
    amount: Decimal
    """Payment amount."""
    routing_number: str | UnsetType = UNSET
    """Routing number. Required for electronic check payments."""
    bank_account_number: str | UnsetType = UNSET
    """Bank account number. Required for electronic check payments."""

    def __post_init__(self) -> None:
        check_money(self, ("amount",))

    # Masked in the repr, and in drift records (which find them here).
    _secret_fields = frozenset(
        ["account_number", "card_verification_number", "routing_number", "bank_account_number"]
    )

    def __repr__(self) -> str:
        return _masked_repr(self, self._secret_fields)

    def __rich_repr__(self) -> list[tuple[str, Any]]:
        return _masked_rich_repr(self, self._secret_fields)


class Checkout(msgspec.Struct, kw_only=True, rename={"user_defined_fields": "userDefinedFields"}):
    """The checkout request that commits a cart to a sale."""

    patron: Patron | None
    """Patron (may be null if permitted by policy). If null, the resultant transaction will be
    associated with a house account (i.e., an anonymous transaction).
    """
    comments: str | UnsetType = UNSET
    """Cart (order) comments. N.B., A single cart may result in multiple orders, thus comments
    may be duplicated across seasons/orders.
    """
    tags: list[str] | UnsetType = UNSET
    """Cart (order) tags. N.B., A single cart may result in multiple orders, thus tags may be
    duplicated across seasons/orders.
    """
    user_defined_fields: list[UserDefinedField] | UnsetType = UNSET
    """Collection of user-defined fields. Please consult with your client before implementing
    this property.
    """
    delivery: Delivery
    """Delivery information"""
    payments: list[Payment] | UnsetType = UNSET
    """Collection of payments. Required for carts with a balance greater than zero."""


class Ticket(
    msgspec.Struct,
    kw_only=True,
    gc=False,
    rename={
        "ticket_id": "ticketID",
        "item_basis": "itemBasis",
        "customer_basis": "customerBasis",
        "is_organization": "isOrganization",
        "company_name": "companyName",
        "last_name": "lastName",
        "first_name": "firstName",
        "associated_customer": "associatedCustomer",
        "barcode_status": "barcodeStatus",
        "is_printed": "isPrinted",
        "is_scanned": "isScanned",
        "price_level": "priceLevel",
        "price_type": "priceType",
        "price_type_name": "priceTypeName",
        "seating_type": "seatingType",
        "item_charge": "itemCharge",
        "item_charge_amount": "itemChargeAmount",
        "item_fee": "itemFee",
        "item_fee_amount": "itemFeeAmount",
        "item_discount": "itemDiscount",
        "item_discount_amount": "itemDiscountAmount",
        "item_surcharge": "itemSurcharge",
        "item_surcharge_amount": "itemSurchargeAmount",
        "extended_price": "extendedPrice",
        "item_balance": "itemBalance",
        "item_order_date": "itemOrderDate",
        "item_priority": "itemPriority",
        "location_preference": "locationPreference",
        "bill_plan": "billPlan",
        "special_handling": "specialHandling",
        "promo_code": "promoCode",
        "is_rrenewable": "isRrenewable",
        "has_pending_post_sale_activity": "hasPendingPostSaleActivity",
        "referral_source": "referralSource",
        "referral_data": "referralData",
        "group_code": "groupCode",
        "previous_seat_status": "previousSeatStatus",
        "will_call_customer": "willCallCustomer",
    },
):
    """Detailed information about a ticket (also the application/json result of print and
    reprint).
    """

    ticket_id: str
    activity: str
    season: str
    item_basis: str
    item: str
    event: str
    account: str
    customer_basis: str
    is_organization: bool
    company_name: str | None
    last_name: str
    first_name: str
    associated_customer: str | None
    barcode: str
    barcode_status: str
    is_printed: bool
    is_scanned: bool
    price_level: int
    price_type: str
    price_type_name: str
    seating_type: str
    section: str
    row: str
    seat: str
    price: Decimal
    item_charge: str | None
    item_charge_amount: Decimal
    item_fee: str | None
    item_fee_amount: Decimal
    item_discount: str | None
    item_discount_amount: Decimal
    item_surcharge: str | None
    item_surcharge_amount: Decimal
    extended_price: Decimal
    item_balance: Decimal
    item_order_date: str
    item_priority: int
    location_preference: str | None
    bill_plan: str | None
    mark: str | None
    special_handling: str | None
    promo_code: str | None
    is_rrenewable: bool
    has_pending_post_sale_activity: bool
    referral_source: str | None
    referral_data: str | None
    group_code: str | None
    previous_seat_status: str
    will_call_customer: str | None

    def __post_init__(self) -> None:
        check_money(
            self,
            (
                "price",
                "item_charge_amount",
                "item_fee_amount",
                "item_discount_amount",
                "item_surcharge_amount",
                "extended_price",
                "item_balance",
            ),
        )


class VoidResult(msgspec.Struct, kw_only=True, gc=False, rename={"season_code": "seasonCode"}):
    """The transaction that voided the ticket."""

    season_code: str
    transaction: str


class PassTicket(msgspec.Struct, kw_only=True, gc=False, rename={"ticket_id": "ticketId"}):
    """PassTicket"""

    ticket_id: str
    jwt: str

    # Masked in the repr, and in drift records (which find them here).
    _secret_fields = frozenset(["jwt"])

    def __repr__(self) -> str:
        return _masked_repr(self, self._secret_fields)

    def __rich_repr__(self) -> list[tuple[str, Any]]:
        return _masked_rich_repr(self, self._secret_fields)


class PassTickets(msgspec.Struct, kw_only=True, gc=False):
    """Google Pay pass tokens of the (re)issued tickets."""

    tickets: list[PassTicket]


class PatronCredentials(
    msgspec.Struct,
    kw_only=True,
    rename={"distributor_code": "distributorCode", "user_name": "userName"},
):
    """Patron credentials to authenticate; every field may be left out (the document marks none
    required).
    """

    distributor_code: str | UnsetType = UNSET
    """Distributor code for the e.Venue distributor (property)"""
    user_name: str | UnsetType = UNSET
    """Username (email address) to authenticate"""
    password: str | UnsetType = UNSET
    """Password to authenticate, optionally encrypted (AES-128 CBC or Blowfish) and hex encoded
    in lowercase characters.
    """

    # Masked in the repr, and in drift records (which find them here).
    _secret_fields = frozenset(["password"])

    def __repr__(self) -> str:
        return _masked_repr(self, self._secret_fields)

    def __rich_repr__(self) -> list[tuple[str, Any]]:
        return _masked_rich_repr(self, self._secret_fields)


class PatronAuthentication(msgspec.Struct, kw_only=True, gc=False):
    """PatronAuthentication"""

    authenticated: bool
    account: str | None


class EventSummary(
    msgspec.Struct, kw_only=True, gc=False, rename={"internet_name": "internetName"}
):
    """EventSummary"""

    code: str
    name: str
    internet_name: str | None


class OrderSeat(
    msgspec.Struct,
    kw_only=True,
    gc=False,
    rename={
        "ticket_id": "ticketID",
        "has_pending_post_sale_activity": "hasPendingPostSaleActivity",
    },
):
    """OrderSeat"""

    section: str
    row: str
    seat: str
    barcode: str | None
    ticket_id: str
    has_pending_post_sale_activity: bool


class OrderEvent(
    msgspec.Struct,
    kw_only=True,
    gc=False,
    rename={
        "price_level": "priceLevel",
        "facility_fee": "facilityFee",
        "event_discount": "eventDiscount",
        "event_charge": "eventCharge",
        "event_surcharge": "eventSurcharge",
        "extended_amount": "extendedAmount",
        "paid_amount": "paidAmount",
        "is_transferrable": "isTransferrable",
    },
):
    """OrderEvent"""

    event: EventSummary
    price_level: int
    price: Decimal
    facility_fee: CodeAmount | None
    event_discount: CodeAmount | None
    event_charge: CodeAmount | None
    event_surcharge: CodeAmount | None
    extended_amount: Decimal
    paid_amount: Decimal
    is_transferrable: bool
    seats: list[OrderSeat]

    def __post_init__(self) -> None:
        check_money(self, ("price", "extended_amount", "paid_amount"))


class Disposition(msgspec.Struct, kw_only=True, gc=False, rename={"mobile_type": "mobileType"}):
    """Delivery method (disposition) of an order line."""

    code: str
    name: str
    type: DeliveryMethodType
    mobile_type: str | None


class OrderLineItem(
    msgspec.Struct,
    kw_only=True,
    gc=False,
    rename={
        "last_updated": "lastUpdated",
        "item_basis": "itemBasis",
        "item_quantity": "itemQuantity",
        "item_unit_price": "itemUnitPrice",
        "price_type": "priceType",
        "item_discount": "itemDiscount",
        "item_charge": "itemCharge",
        "item_surcharge": "itemSurcharge",
        "item_extended_price": "itemExtendedPrice",
        "internet_item_name": "internetItemName",
        "bill_plan": "billPlan",
        "bill_date": "billDate",
        "location_preference": "locationPreference",
        "item_priority": "itemPriority",
        "special_handling": "specialHandling",
        "item_balance": "itemBalance",
        "is_renewable": "isRenewable",
        "item_date": "itemDate",
        "associated_customer": "associatedCustomer",
        "will_call_customer": "willCallCustomer",
    },
):
    """OrderLineItem"""

    sequence: str
    last_updated: str
    item_basis: str
    item_quantity: int
    item_unit_price: Decimal
    price_type: PriceType
    group: Any
    item_discount: CodeAmount | None
    item_charge: CodeAmount | None
    item_surcharge: CodeAmount | None
    item_extended_price: Decimal
    item: CodeName
    internet_item_name: str | None
    bill_plan: Any
    bill_date: str | None
    location_preference: Any
    item_priority: int | None
    special_handling: Any
    disposition: Disposition | None
    mark: Any
    item_balance: Decimal
    is_renewable: bool
    item_date: str
    associated_customer: str | None
    will_call_customer: str | None
    tickets: list[Any]
    events: list[OrderEvent]

    def __post_init__(self) -> None:
        check_money(self, ("item_unit_price", "item_extended_price", "item_balance"))


class PatronOrder(
    msgspec.Struct,
    kw_only=True,
    gc=False,
    rename={
        "order_date": "orderDate",
        "order_item_value": "orderItemValue",
        "order_payments": "orderPayments",
        "order_priority": "orderPriority",
        "user_defined_fields": "userDefinedFields",
        "order_charges": "orderCharges",
        "order_line_items": "orderLineItems",
    },
):
    """The season order of a patron account."""

    order_date: str
    order_item_value: Decimal
    order_payments: Decimal
    order_priority: int | None
    activity: CodeName
    season: CodeName
    tags: list[str]
    user_defined_fields: list[UserDefinedField]
    order_charges: list[OrderCharge]
    order_line_items: list[OrderLineItem]

    def __post_init__(self) -> None:
        check_money(self, ("order_item_value", "order_payments"))


class PatronSeasons(msgspec.Struct, kw_only=True, gc=False):
    """Active seasons of a patron account."""

    seasons: list[CodeName]


class BatchStatus(
    msgspec.Struct,
    kw_only=True,
    gc=False,
    rename={
        "status": "status ",
        "_status_alias": "status",
        "batch_id": "batchID",
        "download_url": "downloadUrl",
    },
):
    """Status of a batch job and, once completed, where to download its export file."""

    status: BatchJobStatus | UnsetType = UNSET
    """The job's status. Read from the key "status " (with the trailing space of the status
    sample) or "status" (as the export response spells it); encoded as "status ".
    """
    _status_alias: BatchJobStatus | UnsetType = UNSET
    """`status` as sent under the key 'status'; decoding moves it to `status`, which is encoded
    under 'status '.
    """
    batch_id: str | UnsetType = UNSET
    download_url: str | UnsetType = UNSET

    def __post_init__(self) -> None:
        # A value sent under another wire name of a field becomes the field's (encoded under its own key).
        if isinstance(self.status, UnsetType):
            self.status, self._status_alias = self._status_alias, UNSET


class BatchJob(msgspec.Struct, kw_only=True, gc=False, rename={"batch_id": "batchID"}):
    """A scheduled batch job."""

    status: BatchJobStatus
    batch_id: str


# Not keyword-only: built positionally, once per line of an export file (44 keyword arguments
# cost more than reading the line).
class OrderExportRow(
    msgspec.Struct,
    gc=False,
    rename={
        "is_organization": "isOrganization",
        "company_name": "companyName",
        "last_name": "lastName",
        "first_name": "firstName",
        "currency_code": "currencyCode",
        "order_id": "orderID",
        "item_basis": "itemBasis",
        "item_charge": "itemCharge",
        "item_charge_amount": "itemChargeAmount",
        "item_fee": "itemFee",
        "item_fee_amount": "itemFeeAmount",
        "item_discount": "itemDiscount",
        "item_discount_amount": "itemDiscountAmount",
        "item_surcharge": "itemSurcharge",
        "item_surcharge_amount": "itemSurchargeAmount",
        "extended_price": "extendedPrice",
        "price_level": "priceLevel",
        "price_type": "priceType",
        "item_balance": "itemBalance",
        "item_date": "itemDate",
        "special_handling": "specialHandling",
        "item_group": "itemGroup",
        "bill_plan": "billPlan",
        "price_type_name": "priceTypeName",
        "item_quantity": "itemQuantity",
        "ticket_id": "ticketID",
    },
):
    """One order line of a batch order export file: the 44 tab-separated columns of the
    document's File Export Specification, in file order. An empty cell is None.
    """

    account: str | None
    is_organization: bool | None
    company_name: str | None
    last_name: str | None
    first_name: str | None
    email: str | None
    mobile: str | None
    currency_code: str | None
    season: str | None
    order_id: str | None
    sequence: str | None
    item: str | None
    item_basis: str | None
    qty: str | None
    price: Decimal | None
    item_charge: str | None
    item_charge_amount: Decimal | None
    item_fee: str | None
    item_fee_amount: Decimal | None
    item_discount: str | None
    item_discount_amount: Decimal | None
    item_surcharge: str | None
    item_surcharge_amount: Decimal | None
    extended_price: Decimal | None
    event: str | None
    price_level: int | None
    price_type: str | None
    level: str | None
    section: str | None
    row: str | None
    seat: str | None
    barcode: str | None
    renewable: str | None
    item_balance: Decimal | None
    item_date: dt.date | None
    mark: str | None
    disposition: str | None
    special_handling: str | None
    item_group: str | None
    priority: str | None
    bill_plan: str | None
    price_type_name: str | None
    item_quantity: int | None
    ticket_id: str | None


class ManifestSeat(
    msgspec.Struct,
    kw_only=True,
    gc=False,
    rename={"is_aisle": "isAisle", "is_accessible": "isAccessible"},
):
    """ManifestSeat"""

    index: int
    label: str
    is_aisle: bool
    gate: str
    is_accessible: bool


class ManifestRow(
    msgspec.Struct, kw_only=True, gc=False, rename={"fill_direction": "fillDirection"}
):
    """ManifestRow"""

    row: str
    rating: int
    fill_direction: str
    seats: list[ManifestSeat]


class ManifestSection(
    msgspec.Struct, kw_only=True, gc=False, rename={"section_name": "sectionName"}
):
    """ManifestSection"""

    section: str
    section_name: str
    rows: list[ManifestRow]


class ManifestArea(msgspec.Struct, kw_only=True, gc=False, rename={"seat_value": "seatValue"}):
    """ManifestArea"""

    code: str
    name: str
    capacity: int
    seat_value: Decimal
    sections: list[ManifestSection]

    def __post_init__(self) -> None:
        check_money(self, ("seat_value",))


class ManifestPriceLevel(
    msgspec.Struct,
    kw_only=True,
    gc=False,
    rename={
        "price_level": "priceLevel",
        "price_level_name": "priceLevelName",
        "seating_type": "seatingType",
    },
):
    """ManifestPriceLevel"""

    price_level: int
    price_level_name: str
    seating_type: str
    capacity: int
    areas: list[ManifestArea]


class Manifest(msgspec.Struct, kw_only=True, gc=False, rename={"price_levels": "priceLevels"}):
    """Configuration (seating manifest) of a facility for a season."""

    season: CodeName
    facility: CodeName
    configuration: CodeName
    capacity: int
    price_levels: list[ManifestPriceLevel]


class PricingItem(
    msgspec.Struct,
    kw_only=True,
    gc=False,
    rename={"event_name": "eventName", "internet_name": "internetName"},
):
    """PricingItem"""

    code: str
    name: str
    event_name: str
    internet_name: str


class PricedSeat(
    msgspec.Struct,
    kw_only=True,
    gc=False,
    rename={"low_price": "lowPrice", "high_price": "highPrice"},
):
    """PricedSeat"""

    label: str
    low_price: Decimal
    price: Decimal
    high_price: Decimal

    def __post_init__(self) -> None:
        check_money(self, ("low_price", "price", "high_price"))


class PricedRow(msgspec.Struct, kw_only=True, gc=False):
    """PricedRow"""

    row: str
    seats: list[PricedSeat]


class PricedSection(msgspec.Struct, kw_only=True, gc=False):
    """PricedSection"""

    section: str
    rows: list[PricedRow]


class PricingProfile(
    msgspec.Struct, kw_only=True, gc=False, rename={"pricing_profile": "pricingProfile"}
):
    """Seat-level pricing of a pricing profile for an item."""

    pricing_profile: CodeName
    season: CodeName
    item: PricingItem
    sections: list[PricedSection]


class Organization(msgspec.Struct, kw_only=True, gc=False):
    """Organization"""

    id: int
    name: str


class SystemInfo(
    msgspec.Struct,
    kw_only=True,
    gc=False,
    rename={
        "pdi_version": "PDIVersion",
        "app_version": "AppVersion",
        "t_res_version": "t.ResVersion",
        "back_office_server_name": "backOfficeServerName",
        "back_office_time_zone": "backOfficeTimeZone",
        "default_country_code": "defaultCountryCode",
        "default_currency_code": "defaultCurrencyCode",
    },
):
    """Back office system information."""

    pdi_version: str
    app_version: str
    t_res_version: str
    back_office_server_name: str
    back_office_time_zone: str
    default_country_code: str
    default_currency_code: str
    organization: Organization
