# Generated from endpoints.yaml (sha256 3750acddfbb35d332c19e57261e2fb4db0cd75297ec40220e5e2d195ab230ba7) by `ticketing-codegen generate`. Do not edit.
"""What type checkers and editors see of each operation of `OneTicketClient`.

The run-time `@operation` wrapper (which adds `.with_response(...)` and `.head(...)`) takes `*args,
**kwargs`; each class here states an operation's real keyword arguments, for the call and for both of
those, so completion offers them and type checkers name the operation in their messages. Only type
checkers import this module: it costs nothing at run time.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal, Protocol

from . import bodies
from ._responses import RawResponse
from .models import (
    Account,
    AccountStatus,
    CompanyInfo,
    CompleteSale,
    Disclosure,
    Domain,
    Marketplace,
    PdfSeat,
    PosId,
    PosName,
    Purchase,
    PurchaseStatus,
    RefundEligibility,
    Sale,
    SaleRecord,
    SalesMarketplaceId,
)
from .queries import SalesQuery


class PurchasesGetPdfOperation(Protocol):
    """`client.purchases.get_pdf(...)`"""

    def __call__(self, *, rid: int) -> list[PdfSeat]:
        """Get PDF and barcode data for a purchase group."""

    def with_response(self, *, rid: int) -> tuple[list[PdfSeat], RawResponse]: ...


class PurchasesListOperation(Protocol):
    """`client.purchases.list(...)`"""

    def __call__(
        self,
        *,
        rid: int | None = None,
        date_first_seen: dt.date | str | None = None,
        event_date: dt.date | str | None = None,
        event_date_start: dt.date | str | None = None,
        event_date_end: dt.date | str | None = None,
        purchase_date: dt.date | str | None = None,
        event_name: str | None = None,
        venue_name: str | None = None,
        confirmation_number: str | None = None,
        confirmation_region: str | None = None,
        purchase_date_start: dt.date | str | None = None,
        purchase_date_end: dt.date | str | None = None,
        po_ids: list[str] | None = None,
        cc_digits: list[str] | None = None,
        elig_refund: RefundEligibility | Literal["true", "false", "unknown"] | None = None,
        username: str | None = None,
        status: PurchaseStatus | Literal["Active", "Canceled", "active", "canceled"] | None = None,
    ) -> list[Purchase]:
        """Search purchases."""

    def with_response(
        self,
        *,
        rid: int | None = None,
        date_first_seen: dt.date | str | None = None,
        event_date: dt.date | str | None = None,
        event_date_start: dt.date | str | None = None,
        event_date_end: dt.date | str | None = None,
        purchase_date: dt.date | str | None = None,
        event_name: str | None = None,
        venue_name: str | None = None,
        confirmation_number: str | None = None,
        confirmation_region: str | None = None,
        purchase_date_start: dt.date | str | None = None,
        purchase_date_end: dt.date | str | None = None,
        po_ids: list[str] | None = None,
        cc_digits: list[str] | None = None,
        elig_refund: RefundEligibility | Literal["true", "false", "unknown"] | None = None,
        username: str | None = None,
        status: PurchaseStatus | Literal["Active", "Canceled", "active", "canceled"] | None = None,
    ) -> tuple[list[Purchase], RawResponse]: ...


class PurchasesCrawlOperation(Protocol):
    """`client.purchases.crawl(...)`"""

    def __call__(
        self,
        *,
        source: str,
        username: str | None = None,
        conf_num: str | None = None,
        account_id: int | None = None,
        marketplace_id: int | None = None,
    ) -> list[Any]:
        """Tell 1Ticket to crawl Ticketmaster for an order."""

    def with_response(
        self,
        *,
        source: str,
        username: str | None = None,
        conf_num: str | None = None,
        account_id: int | None = None,
        marketplace_id: int | None = None,
    ) -> tuple[list[Any], RawResponse]: ...


class PurchasesRecordPoOperation(Protocol):
    """`client.purchases.record_po(...)`"""

    def __call__(
        self,
        *,
        rid: int,
        pos_name: PosName | Literal["utils", "ticketnetwork", "posnext", "skybox", "tradedesk"],
        po: str,
    ) -> None:
        """Record an existing PO number for a purchase."""

    def with_response(
        self,
        *,
        rid: int,
        pos_name: PosName | Literal["utils", "ticketnetwork", "posnext", "skybox", "tradedesk"],
        po: str,
    ) -> tuple[None, RawResponse]: ...


class TokenVerifyOperation(Protocol):
    """`client.token.verify(...)`"""

    def __call__(self) -> CompanyInfo:
        """Verify an API token."""

    def with_response(self) -> tuple[CompanyInfo, RawResponse]: ...


class SalesQueryOperation(Protocol):
    """`client.sales.query(...)`"""

    def __call__(self, *, query: str | SalesQuery) -> list[Sale]:
        """Query sales data."""

    def with_response(self, *, query: str | SalesQuery) -> tuple[list[Sale], RawResponse]: ...


class SalesAddOperation(Protocol):
    """`client.sales.add(...)`"""

    def __call__(self, *, body: SaleRecord | bodies.SaleRecordDict) -> list[Any]:
        """Add a sale record."""

    def with_response(
        self, *, body: SaleRecord | bodies.SaleRecordDict
    ) -> tuple[list[Any], RawResponse]: ...


class SalesFulfillOperation(Protocol):
    """`client.sales.fulfill(...)`"""

    def __call__(
        self,
        *,
        order_id: str,
        marketplace_id: SalesMarketplaceId | Literal[1, 2, 3, 4, 12, 15, 16, 25, 27, 29, 41, 52],
    ) -> None:
        """Tell 1Ticket an order is ready to fulfill."""

    def with_response(
        self,
        *,
        order_id: str,
        marketplace_id: SalesMarketplaceId | Literal[1, 2, 3, 4, 12, 15, 16, 25, 27, 29, 41, 52],
    ) -> tuple[None, RawResponse]: ...


class SalesCompleteOperation(Protocol):
    """`client.sales.complete(...)`"""

    def __call__(self, *, body: list[CompleteSale] | list[bodies.CompleteSaleDict]) -> Any:
        """Mark sales filled and complete them on the POS."""

    def with_response(
        self, *, body: list[CompleteSale] | list[bodies.CompleteSaleDict]
    ) -> tuple[Any, RawResponse]: ...


class MarketplacesListOperation(Protocol):
    """`client.marketplaces.list(...)`"""

    def __call__(self) -> list[Marketplace]:
        """List supported marketplaces."""

    def with_response(self) -> tuple[list[Marketplace], RawResponse]: ...


class DisclosuresListOperation(Protocol):
    """`client.disclosures.list(...)`"""

    def __call__(self) -> list[Disclosure]:
        """List disclosures."""

    def with_response(self) -> tuple[list[Disclosure], RawResponse]: ...


class AccountsListOperation(Protocol):
    """`client.accounts.list(...)`"""

    def __call__(
        self,
        *,
        username: str | None = None,
        marketplace_id: int | None = None,
        marketplace_name: str | None = None,
        account_status: AccountStatus
        | Literal["locked", "badpassword", "phone", "error"]
        | None = None,
        active: bool | None = None,
    ) -> list[Account]:
        """List marketplace accounts."""

    def with_response(
        self,
        *,
        username: str | None = None,
        marketplace_id: int | None = None,
        marketplace_name: str | None = None,
        account_status: AccountStatus
        | Literal["locked", "badpassword", "phone", "error"]
        | None = None,
        active: bool | None = None,
    ) -> tuple[list[Account], RawResponse]: ...


class AccountsAddOperation(Protocol):
    """`client.accounts.add(...)`"""

    def __call__(
        self, *, username: str, marketplace_id: int | None = None, password: str | None = None
    ) -> list[Any]:
        """Add a marketplace account."""

    def with_response(
        self, *, username: str, marketplace_id: int | None = None, password: str | None = None
    ) -> tuple[list[Any], RawResponse]: ...


class AccountsUpdateOperation(Protocol):
    """`client.accounts.update(...)`"""

    def __call__(
        self,
        *,
        account_id: int,
        cust_id_skybox: str | None = None,
        credit_card_id_skybox: str | None = None,
        cust_id_posnext: str | None = None,
        credit_card_id_posnext: str | None = None,
        cust_id_ticketutils: str | None = None,
        credit_card_id_ticketutils: str | None = None,
        cust_id_ticketnetwork: str | None = None,
        credit_card_id_ticketnetwork: str | None = None,
        note: str | None = None,
        password: str | None = None,
    ) -> list[Any]:
        """Update a marketplace account."""

    def with_response(
        self,
        *,
        account_id: int,
        cust_id_skybox: str | None = None,
        credit_card_id_skybox: str | None = None,
        cust_id_posnext: str | None = None,
        credit_card_id_posnext: str | None = None,
        cust_id_ticketutils: str | None = None,
        credit_card_id_ticketutils: str | None = None,
        cust_id_ticketnetwork: str | None = None,
        credit_card_id_ticketnetwork: str | None = None,
        note: str | None = None,
        password: str | None = None,
    ) -> tuple[list[Any], RawResponse]: ...


class AccountsUpdateV2Operation(Protocol):
    """`client.accounts.update_v2(...)`"""

    def __call__(
        self,
        *,
        account_id: int,
        pos_id: PosId | Literal[2, 18, 22, 47, 62] | None = None,
        cust_id: str | None = None,
        credit_card_id: str | None = None,
        auto_po: bool | None = None,
        auto_po_date_after: str | None = None,
        active: bool | None = None,
        password: str | None = None,
        note: str | None = None,
    ) -> list[Account]:
        """Update a marketplace account, including its per-POS settings."""

    def with_response(
        self,
        *,
        account_id: int,
        pos_id: PosId | Literal[2, 18, 22, 47, 62] | None = None,
        cust_id: str | None = None,
        credit_card_id: str | None = None,
        auto_po: bool | None = None,
        auto_po_date_after: str | None = None,
        active: bool | None = None,
        password: str | None = None,
        note: str | None = None,
    ) -> tuple[list[Account], RawResponse]: ...


class DomainsListOperation(Protocol):
    """`client.domains.list(...)`"""

    def __call__(self, *, domain: str | None = None) -> list[Domain]:
        """List domains."""

    def with_response(self, *, domain: str | None = None) -> tuple[list[Domain], RawResponse]: ...
