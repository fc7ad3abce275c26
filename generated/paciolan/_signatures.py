# Generated from endpoints.yaml (sha256 3750acddfbb35d332c19e57261e2fb4db0cd75297ec40220e5e2d195ab230ba7) by `ticketing-codegen generate`. Do not edit.
"""What type checkers and editors see of each operation of `PaciolanClient`.

The run-time `@operation` wrapper (which adds `.with_response(...)` and `.head(...)`) takes `*args,
**kwargs`; each class here states an operation's real keyword arguments, for the call and for both of
those, so completion offers them and type checkers name the operation in their messages. Only type
checkers import this module: it costs nothing at run time.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any, Literal, Protocol

from . import bodies
from ._responses import RawResponse
from .models import (
    Availability,
    BatchJob,
    BatchStatus,
    Cart,
    CatalogItem,
    CatalogItemSummary,
    Checkout,
    DebugFlag,
    Manifest,
    OfferRequest,
    OfferUpdate,
    PassTickets,
    PassType,
    PatronAuthentication,
    PatronCredentials,
    PatronOrder,
    PatronSeasons,
    PricingProfile,
    SeatStatus,
    SeatStatusChange,
    SeatStatusUpdate,
    SystemInfo,
    Ticket,
    VoidResult,
)


class CatalogListItemsOperation(Protocol):
    """`client.catalog.list_items(...)`"""

    def __call__(
        self,
        *,
        policy_code: str | None = None,
        start_date: str | None = None,
        season_code: list[str] | None = None,
        facility_code: str | None = None,
        item_basis: str | None = None,
    ) -> list[CatalogItemSummary]:
        """Retrieve catalog items"""

    def with_response(
        self,
        *,
        policy_code: str | None = None,
        start_date: str | None = None,
        season_code: list[str] | None = None,
        facility_code: str | None = None,
        item_basis: str | None = None,
    ) -> tuple[list[CatalogItemSummary], RawResponse]: ...


class CatalogGetItemOperation(Protocol):
    """`client.catalog.get_item(...)`"""

    def __call__(self, *, season_code: str, item_code: str, policy_code: str) -> CatalogItem:
        """Retrieve catalog item by season and item code"""

    def with_response(
        self, *, season_code: str, item_code: str, policy_code: str
    ) -> tuple[CatalogItem, RawResponse]: ...


class InventoryGetAvailabilityOperation(Protocol):
    """`client.inventory.get_availability(...)`"""

    def __call__(
        self,
        *,
        season_code: str,
        item_code: str,
        policy_code: str,
        seat_status_code: str | None = None,
        price_levels_only: bool | None = None,
    ) -> Availability:
        """Retrieve inventory availability by season and item code"""

    def with_response(
        self,
        *,
        season_code: str,
        item_code: str,
        policy_code: str,
        seat_status_code: str | None = None,
        price_levels_only: bool | None = None,
    ) -> tuple[Availability, RawResponse]: ...


class InventoryGetSeatStatusOperation(Protocol):
    """`client.inventory.get_seat_status(...)`"""

    def __call__(
        self,
        *,
        season_code: str,
        item_code: str,
        policy_code: str,
        section: list[str] | None = None,
    ) -> SeatStatus:
        """Retrieve inventory status by season and item code"""

    def with_response(
        self,
        *,
        season_code: str,
        item_code: str,
        policy_code: str,
        section: list[str] | None = None,
    ) -> tuple[SeatStatus, RawResponse]: ...


class InventoryUpdateSeatStatusOperation(Protocol):
    """`client.inventory.update_seat_status(...)`"""

    def __call__(
        self,
        *,
        body: list[SeatStatusChange] | list[bodies.SeatStatusChangeDict],
        season_code: str,
        item_code: str,
        policy_code: str,
        debug: DebugFlag | Literal["false", "true"] | None = None,
    ) -> SeatStatusUpdate:
        """Update seat status"""

    def with_response(
        self,
        *,
        body: list[SeatStatusChange] | list[bodies.SeatStatusChangeDict],
        season_code: str,
        item_code: str,
        policy_code: str,
        debug: DebugFlag | Literal["false", "true"] | None = None,
    ) -> tuple[SeatStatusUpdate, RawResponse]: ...


class CartCreateOperation(Protocol):
    """`client.cart.create(...)`"""

    def __call__(self, *, body: OfferRequest | bodies.OfferRequestDict, policy_code: str) -> Cart:
        """Create a new cart"""

    def with_response(
        self, *, body: OfferRequest | bodies.OfferRequestDict, policy_code: str
    ) -> tuple[Cart, RawResponse]: ...


class CartGetOperation(Protocol):
    """`client.cart.get(...)`"""

    def __call__(self, *, cart_id: str, policy_code: str) -> Cart:
        """Get cart by ID"""

    def with_response(self, *, cart_id: str, policy_code: str) -> tuple[Cart, RawResponse]: ...

    def head(self, *, cart_id: str, policy_code: str) -> RawResponse: ...


class CartDeleteOperation(Protocol):
    """`client.cart.delete(...)`"""

    def __call__(
        self,
        *,
        cart_id: str,
        policy_code: str,
        if_unmodified_since: dt.datetime | str | None = None,
    ) -> None:
        """Delete a cart by ID"""

    def with_response(
        self,
        *,
        cart_id: str,
        policy_code: str,
        if_unmodified_since: dt.datetime | str | None = None,
    ) -> tuple[None, RawResponse]: ...


class CartCheckoutOperation(Protocol):
    """`client.cart.checkout(...)`"""

    def __call__(
        self,
        *,
        body: Checkout | bodies.CheckoutDict,
        cart_id: str,
        policy_code: str,
        if_unmodified_since: dt.datetime | str | None = None,
    ) -> Cart:
        """Complete cart checkout"""

    def with_response(
        self,
        *,
        body: Checkout | bodies.CheckoutDict,
        cart_id: str,
        policy_code: str,
        if_unmodified_since: dt.datetime | str | None = None,
    ) -> tuple[Cart, RawResponse]: ...


class CartAddOfferOperation(Protocol):
    """`client.cart.add_offer(...)`"""

    def __call__(
        self,
        *,
        body: OfferRequest | bodies.OfferRequestDict,
        cart_id: str,
        policy_code: str,
        if_unmodified_since: dt.datetime | str | None = None,
    ) -> Cart:
        """Create offer in cart"""

    def with_response(
        self,
        *,
        body: OfferRequest | bodies.OfferRequestDict,
        cart_id: str,
        policy_code: str,
        if_unmodified_since: dt.datetime | str | None = None,
    ) -> tuple[Cart, RawResponse]: ...


class CartRemoveOfferOperation(Protocol):
    """`client.cart.remove_offer(...)`"""

    def __call__(
        self,
        *,
        cart_id: str,
        offer_id: str,
        policy_code: str,
        if_unmodified_since: dt.datetime | str | None = None,
    ) -> Cart:
        """Remove offer from cart"""

    def with_response(
        self,
        *,
        cart_id: str,
        offer_id: str,
        policy_code: str,
        if_unmodified_since: dt.datetime | str | None = None,
    ) -> tuple[Cart, RawResponse]: ...


class CartUpdateOfferOperation(Protocol):
    """`client.cart.update_offer(...)`"""

    def __call__(
        self,
        *,
        body: OfferUpdate | bodies.OfferUpdateDict,
        cart_id: str,
        offer_id: str,
        policy_code: str,
        if_unmodified_since: dt.datetime | str | None = None,
    ) -> Cart:
        """Modify offer in cart (partial update)"""

    def with_response(
        self,
        *,
        body: OfferUpdate | bodies.OfferUpdateDict,
        cart_id: str,
        offer_id: str,
        policy_code: str,
        if_unmodified_since: dt.datetime | str | None = None,
    ) -> tuple[Cart, RawResponse]: ...


class CartReplaceOfferOperation(Protocol):
    """`client.cart.replace_offer(...)`"""

    def __call__(
        self,
        *,
        body: OfferUpdate | bodies.OfferUpdateDict,
        cart_id: str,
        offer_id: str,
        policy_code: str,
        if_unmodified_since: dt.datetime | str | None = None,
    ) -> Cart:
        """Modify offer in cart (complete replacement)"""

    def with_response(
        self,
        *,
        body: OfferUpdate | bodies.OfferUpdateDict,
        cart_id: str,
        offer_id: str,
        policy_code: str,
        if_unmodified_since: dt.datetime | str | None = None,
    ) -> tuple[Cart, RawResponse]: ...


class TicketsGetOperation(Protocol):
    """`client.tickets.get(...)`"""

    def __call__(self, *, ticket_id: str) -> Ticket:
        """Get ticket information"""

    def with_response(self, *, ticket_id: str) -> tuple[Ticket, RawResponse]: ...

    def head(self, *, ticket_id: str) -> RawResponse: ...


class TicketsGetByBarcodeOperation(Protocol):
    """`client.tickets.get_by_barcode(...)`"""

    def __call__(self, *, barcode: str) -> Ticket:
        """Get ticket information by barcode"""

    def with_response(self, *, barcode: str) -> tuple[Ticket, RawResponse]: ...


class TicketsVoidOperation(Protocol):
    """`client.tickets.void(...)`"""

    def __call__(self, *, ticket_id: str, policy_code: str | None = None) -> VoidResult:
        """Void a ticket by ticket ID"""

    def with_response(
        self, *, ticket_id: str, policy_code: str | None = None
    ) -> tuple[VoidResult, RawResponse]: ...


class TicketsReissueOperation(Protocol):
    """`client.tickets.reissue(...)`"""

    def __call__(self, *, ticket_id: str, policy_code: str, authorization: str) -> PassTickets:
        """Reissue ticket"""

    def with_response(
        self, *, ticket_id: str, policy_code: str, authorization: str
    ) -> tuple[PassTickets, RawResponse]: ...


class TicketsReprintPassOperation(Protocol):
    """`client.tickets.reprint_pass(...)`"""

    def __call__(
        self,
        *,
        ticket_id: str,
        policy_code: str,
        passtype: PassType | Literal["apple", "google"],
        authorization: str,
    ) -> PassTickets:
        """Reprint Pass ticket"""

    def with_response(
        self,
        *,
        ticket_id: str,
        policy_code: str,
        passtype: PassType | Literal["apple", "google"],
        authorization: str,
    ) -> tuple[PassTickets, RawResponse]: ...


class PatronAuthenticateOperation(Protocol):
    """`client.patron.authenticate(...)`"""

    def __call__(
        self, *, body: PatronCredentials | bodies.PatronCredentialsDict
    ) -> PatronAuthentication:
        """Authenticate patron account"""

    def with_response(
        self, *, body: PatronCredentials | bodies.PatronCredentialsDict
    ) -> tuple[PatronAuthentication, RawResponse]: ...


class PatronGetOrdersOperation(Protocol):
    """`client.patron.get_orders(...)`"""

    def __call__(self, *, account: str, season: str, policy_code: str | None = None) -> PatronOrder:
        """Get patron orders for a specific season"""

    def with_response(
        self, *, account: str, season: str, policy_code: str | None = None
    ) -> tuple[PatronOrder, RawResponse]: ...


class PatronGetSeasonsOperation(Protocol):
    """`client.patron.get_seasons(...)`"""

    def __call__(self, *, account: str) -> PatronSeasons:
        """Get patron seasons"""

    def with_response(self, *, account: str) -> tuple[PatronSeasons, RawResponse]: ...


class BatchGetStatusOperation(Protocol):
    """`client.batch.get_status(...)`"""

    def __call__(self, *, batch_id: str) -> BatchStatus:
        """Get status of a batch by batch ID"""

    def with_response(self, *, batch_id: str) -> tuple[BatchStatus, RawResponse]: ...


class BatchExportOrdersOperation(Protocol):
    """`client.batch.export_orders(...)`"""

    def __call__(
        self,
        *,
        season_code: str | None = None,
        patron: str | None = None,
        item_code: str | None = None,
        since: str | None = None,
        distributor_code: str | None = None,
    ) -> BatchJob:
        """Export orders as a batch"""

    def with_response(
        self,
        *,
        season_code: str | None = None,
        patron: str | None = None,
        item_code: str | None = None,
        since: str | None = None,
        distributor_code: str | None = None,
    ) -> tuple[BatchJob, RawResponse]: ...


class ManifestGetOperation(Protocol):
    """`client.manifest.get(...)`"""

    def __call__(
        self,
        *,
        season_code: str,
        facility_code: str,
        configuration_code: str,
        policy_code: str | None = None,
        event: str | None = None,
    ) -> Manifest:
        """Get manifest"""

    def with_response(
        self,
        *,
        season_code: str,
        facility_code: str,
        configuration_code: str,
        policy_code: str | None = None,
        event: str | None = None,
    ) -> tuple[Manifest, RawResponse]: ...

    def head(
        self,
        *,
        season_code: str,
        facility_code: str,
        configuration_code: str,
        policy_code: str | None = None,
        event: str | None = None,
    ) -> RawResponse: ...


class PricingGetProfileOperation(Protocol):
    """`client.pricing.get_profile(...)`"""

    def __call__(
        self,
        *,
        profile_code: str,
        season_code: str,
        item_code: str,
        policy_code: str,
        include_all_seats: bool | None = None,
        debug: bool | None = None,
        if_modified_since: dt.datetime | str | None = None,
    ) -> PricingProfile | None:
        """Get seat pricing for a specific item"""

    def with_response(
        self,
        *,
        profile_code: str,
        season_code: str,
        item_code: str,
        policy_code: str,
        include_all_seats: bool | None = None,
        debug: bool | None = None,
        if_modified_since: dt.datetime | str | None = None,
    ) -> tuple[PricingProfile | None, RawResponse]: ...

    def head(
        self,
        *,
        profile_code: str,
        season_code: str,
        item_code: str,
        policy_code: str,
        include_all_seats: bool | None = None,
        debug: bool | None = None,
        if_modified_since: dt.datetime | str | None = None,
    ) -> RawResponse: ...


class UtilSysinfoOperation(Protocol):
    """`client.util.sysinfo(...)`"""

    def __call__(self) -> SystemInfo:
        """Get system information"""

    def with_response(self) -> tuple[SystemInfo, RawResponse]: ...


class UtilEchoOperation(Protocol):
    """`client.util.echo(...)`"""

    def __call__(self, *, body: dict[str, Any] | Mapping[str, Any]) -> Any:
        """Echo input data"""

    def with_response(
        self, *, body: dict[str, Any] | Mapping[str, Any]
    ) -> tuple[Any, RawResponse]: ...
