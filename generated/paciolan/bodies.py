# Generated from endpoints.yaml (sha256 3750acddfbb35d332c19e57261e2fb4db0cd75297ec40220e5e2d195ab230ba7) by `ticketing-codegen generate`. Do not edit.
"""Request bodies as TypedDicts: a body may be the model or a dict with the wire names, and these let
type checkers check such a dict's keys and values too.

    checkout: CheckoutDict = {"patron": None, "delivery": {"method": "PAH"}}

A key that may be left out is optional here; a nested object is its own TypedDict. The client converts
the dict to the model before sending, as it does with any dict.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TypedDict


class UserDefinedFieldDict(TypedDict):
    """A user-defined field of a cart or order."""

    index: int
    value: str


class SeatRowDict(TypedDict, total=False):
    """Seats of one row; every field may be left out (the document marks none required)."""

    row: str
    seats: list[str]


class SeatStatusChangeDict(TypedDict, total=False):
    """A seat status change for rows of one section; every field may be left out (the document
    marks none required).
    """

    section: str
    rows: list[SeatRowDict]
    seatStatus: str


class OfferSeatDict(TypedDict, total=False):
    """A requested seat; every field may be left out (the document marks none required)."""

    priceLevel: int
    priceType: str
    section: str
    row: str
    seat: str


class _OfferRequestDictRequired(TypedDict):
    seasonCode: str
    itemCode: str
    quantity: int


class OfferRequestDict(_OfferRequestDictRequired, total=False):
    """A ticket offer request. For non-allocatable items the seats collection must be omitted,
    e.g. {"seasonCode": "FB16", "itemCode": "HOTDOG", "quantity": 1}.
    """

    referralSource: str
    referralData: str
    associatedCustomer: str
    willCallCustomer: str
    markCode: str
    itemPriority: int
    note: str
    seats: list[OfferSeatDict]


class OfferUpdateDict(TypedDict, total=False):
    """Offer fields to change."""

    itemCode: str


class PatronAddressDict(TypedDict, total=False):
    """The body type `PatronAddress`."""

    type: str
    address1: str
    address2: str
    address3: str
    address4: str
    locality: str
    region: str
    postalCode: str
    countryCode: str


class PhoneNumberDict(TypedDict, total=False):
    """The body type `PhoneNumber`."""

    type: str
    number: str
    formattedNumber: str
    extension: str
    countryCode: str


class EmailAddressDict(TypedDict, total=False):
    """The body type `EmailAddress`."""

    type: str
    address: str


class PatronDict(TypedDict, total=False):
    """The patron of a checkout."""

    account: str
    lastName: str
    firstName: str
    middleInitial: str
    companyName: str
    isOrganization: bool
    address: PatronAddressDict
    phoneNumber: PhoneNumberDict
    emailAddress: EmailAddressDict


class DeliveryDict(TypedDict, total=False):
    """Delivery information."""

    method: str
    emailAddress: str
    ID: str


class _PaymentDictRequired(TypedDict):
    amount: Decimal | int | str


class PaymentDict(_PaymentDictRequired, total=False):
    """A payment of a checkout."""

    paymentMethod: str
    cardholderName: str
    accountNumber: str
    documentNumber: str
    expirationMonth: int
    expirationYear: int
    cardVerificationNumber: str
    billingAddress: str
    billingPostalCode: str
    billingCountryCode: str
    routingNumber: str
    bankAccountNumber: str


class _CheckoutDictRequired(TypedDict):
    patron: PatronDict | None
    delivery: DeliveryDict


class CheckoutDict(_CheckoutDictRequired, total=False):
    """The checkout request that commits a cart to a sale."""

    comments: str
    tags: list[str]
    userDefinedFields: list[UserDefinedFieldDict]
    payments: list[PaymentDict]


class PatronCredentialsDict(TypedDict, total=False):
    """Patron credentials to authenticate; every field may be left out (the document marks none
    required).
    """

    distributorCode: str
    userName: str
    password: str
