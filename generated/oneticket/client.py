# Generated from endpoints.yaml (sha256 3750acddfbb35d332c19e57261e2fb4db0cd75297ec40220e5e2d195ab230ba7) by `ticketing-codegen generate`. Do not edit.
"""The 1Ticket legacy API client: `OneTicketClient` and its operation groups."""

from __future__ import annotations

import builtins
import datetime as dt
import os
from collections.abc import Iterator, Mapping
from contextlib import AbstractContextManager
from types import TracebackType
from typing import TYPE_CHECKING, Any, Literal, TypeVar

from msgspec import UnsetType

from ._constants import MAX_DOWNLOAD_BYTES, MAX_RESPONSE_BYTES
from ._endpoint import DEFAULT_TIMEOUT, Timeout
from ._lazy import LazyModule
from ._responses import operation
from .downloads import FileDownload
from .errors import ArgumentError
from .queries import SalesQuery

if TYPE_CHECKING:
    import ssl

    import urllib3

    from . import _endpoints, _signatures, bodies, models
    from ._runtime import Sender
else:
    # The models and the endpoint table (which needs them) are imported by the first call that
    # uses them, not with the package: creating every model class is most of the import's cost.
    _endpoints = LazyModule(f"{__package__}._endpoints")
    models = LazyModule(f"{__package__}.models")
    bodies = LazyModule(
        f"{__package__}.bodies"
    )  # the request bodies' TypedDicts, named in annotations

_Self = TypeVar("_Self", bound="OneTicketClient")

SERVERS: dict[str, str] = {
    "default": "https://1ticket.com/api",
    "sales": "https://apis.dti1ticketapps.com",
}


class PurchasesOperations(FileDownload):
    """Operations of the `purchases` group: `client.purchases.<operation>(...)`, and the
    `downloads` workflow."""

    __slots__ = ("_client",)

    def __init__(self, client: OneTicketClient) -> None:
        self._client = client

    get_pdf: _signatures.PurchasesGetPdfOperation

    @operation  # type: ignore[no-redef]
    def get_pdf(self, *, rid: int) -> builtins.list[models.PdfSeat]:
        """Get PDF and barcode data for a purchase group.

        `GET /v2/getpdf/`

        Get PDF and barcode data for a specific purchase group.

        Args:
            rid: 1Ticket ID of group
        """
        output = self._client._send(_endpoints._PURCHASES_GET_PDF, {"rid": rid})
        if not output or isinstance(output[0].seats, UnsetType):
            return []
        return output[0].seats

    list: _signatures.PurchasesListOperation

    @operation  # type: ignore[no-redef]
    def list(
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
        po_ids: builtins.list[str] | None = None,
        cc_digits: builtins.list[str] | None = None,
        elig_refund: models.RefundEligibility | Literal["true", "false", "unknown"] | None = None,
        username: str | None = None,
        status: models.PurchaseStatus
        | Literal["Active", "Canceled", "active", "canceled"]
        | None = None,
    ) -> builtins.list[models.Purchase]:
        """Search purchases.

        `GET /v2/purchases/`

        Search all purchases in your 1Ticket account. Data returned is the equivalent of
        what is found on 1ticket.com/purchases.

        Args:
            rid: 1Ticket ID of group
            date_first_seen: date 1Ticket first saw purchase (mm/dd/yyyy). Also
                accepts >=mm/dd/yyyy and <=mm/dd/yyyy. A datetime.date goes out
                zero-padded (06/15/2018); text goes out as given.
            event_date: date of an event (mm/dd/yyyy)
            event_date_start: start date of an event date range. requires
                "eventdateend" as well (mm/dd/yyyy); without it the call raises
                ArgumentError before sending
            event_date_end: end date of an event date range; use together with
                eventdatestart (mm/dd/yyyy)
            purchase_date: date an order was purchased (mm/dd/yyyy)
            event_name: name of an event (will match as wildcard, ie %[eventname]%)
            venue_name: name of a venue (will match as wildcard, ie $[venuename]%)
            confirmation_number: confirmation number of purchase (ex: 12-34567 for
                Ticketmaster). does NOT include region code
            confirmation_region: region code of purchase. "null" represents no
                region code
            purchase_date_start: start date of a purchase date range. requires
                "purchaseenddate" as well (mm/dd/yyyy); without it the call raises
                ArgumentError before sending
            purchase_date_end: end date of a purchase date range; use together with
                purchasedatestart (mm/dd/yyyy)
            po_ids: POS purchase order ID. Note: only returns listings where 1Ticket
                has created the PO or mapped a ticket group to your POS. Can accept
                multiple POIDs in a comma-separated list
            cc_digits: Last four digits of credit card used for purchase. Note: only
                works for purchases where 1Ticket has the last four digits stored.
                Can accept multiple sets of digits in a comma-separated list
            elig_refund: accepted values: true, false, unknown. "Unknown" means
                1Ticket has either not seen refund information or Ticketmaster has
                not yet made it available
            username: Username/email address of purchasing account
            status: Status of a purchase: Active or Canceled. The lower-case
                spellings (active, canceled) are accepted too; the value goes out
                exactly as given.
        """
        if event_date_start is not None and event_date_end is None:
            raise ArgumentError("purchases.list: `event_date_start` needs `event_date_end`")
        if purchase_date_start is not None and purchase_date_end is None:
            raise ArgumentError("purchases.list: `purchase_date_start` needs `purchase_date_end`")
        output = self._client._send(
            _endpoints._PURCHASES_LIST,
            {
                "rid": rid,
                "datefirstseen": date_first_seen,
                "eventdate": event_date,
                "eventdatestart": event_date_start,
                "eventdateend": event_date_end,
                "purchasedate": purchase_date,
                "eventname": event_name,
                "venuename": venue_name,
                "confirmationnumber": confirmation_number,
                "confirmationregion": confirmation_region,
                "purchasedatestart": purchase_date_start,
                "purchaseenddate": purchase_date_end,
                "poid": po_ids,
                "ccdigits": cc_digits,
                "elig_refund": elig_refund,
                "username": username,
                "status": status,
            },
        )
        if not output or isinstance(output[0].purchases, UnsetType):
            return []
        return output[0].purchases

    crawl: _signatures.PurchasesCrawlOperation

    @operation  # type: ignore[no-redef]
    def crawl(
        self,
        *,
        source: str,
        username: str | None = None,
        conf_num: str | None = None,
        account_id: int | None = None,
        marketplace_id: int | None = None,
    ) -> builtins.list[Any]:
        """Tell 1Ticket to crawl Ticketmaster for an order.

        `GET /v2/crawl/`

        Tell 1Ticket to crawl Ticketmaster for a specific order. This API can be used to
        tell 1Ticket to recrawl a purchase it has already seen or to crawl an account to
        find a specific new purchase. If "id" is submitted "username" and
        "marketplaceid" are ignored, even if they are also supplied. Never retried:
        every call queues a crawl.

        Args:
            source: where this request is coming from (basically a description of
                your service 'joebroker_app', etc.)
            username: marketplace account username
            conf_num: ticketmaster order number (in format #-####/ABC) OR string
                "all" to do a full crawl for any new purchases
            account_id: ID of account in 1Ticket. If given, username and
                marketplaceid are ignored
            marketplace_id: ID of marketplace in 1Ticket. If empty defaults to
                Ticketmaster (id 1)
        """
        return self._client._send(
            _endpoints._PURCHASES_CRAWL,
            {
                "username": username,
                "confnum": conf_num,
                "source": source,
                "id": account_id,
                "marketplaceid": marketplace_id,
            },
        )

    record_po: _signatures.PurchasesRecordPoOperation

    @operation  # type: ignore[no-redef]
    def record_po(
        self,
        *,
        rid: int,
        pos_name: models.PosName
        | Literal["utils", "ticketnetwork", "posnext", "skybox", "tradedesk"],
        po: str,
    ) -> None:
        """Record an existing PO number for a purchase.

        `POST /v2/purchases/recordpo/`

        Record a PO number for a purchase in 1Ticket. This does NOT create a PO - it
        only adds an existing PO number to 1Ticket for record keeping purposes. The
        parameters go in the query string, as in the document's example request (its
        table heads them Body Parameters and names the POS `posname`).

        Args:
            rid: 1Ticket ID of group
            pos_name: Your POS ("utils", "ticketnetwork", "posnext", "skybox",
                "tradedesk"). Sent in the query as `pos`, as in the document's
                example request; the document's Body Parameters table calls it
                `posname`.
            po: The PO number that you want recorded in 1Ticket
        """
        self._client._send(_endpoints._PURCHASES_RECORD_PO, {"rid": rid, "pos": pos_name, "po": po})


class TokenOperations:
    """Operations of the `token` group: `client.token.<operation>(...)`."""

    # `__dict__`: each operation binds once per group and is kept there (see `_responses.Operation`).
    __slots__ = ("__dict__", "_client")

    def __init__(self, client: OneTicketClient) -> None:
        self._client = client

    verify: _signatures.TokenVerifyOperation

    @operation  # type: ignore[no-redef]
    def verify(self) -> models.CompanyInfo:
        """Verify an API token.

        `GET /v2/verify/`

        Verify validity of an API token and get basic client information.
        """
        return self._client._send(_endpoints._TOKEN_VERIFY, {})[0]


class SalesOperations:
    """Operations of the `sales` group: `client.sales.<operation>(...)`."""

    # `__dict__`: each operation binds once per group and is kept there (see `_responses.Operation`).
    __slots__ = ("__dict__", "_client")

    def __init__(self, client: OneTicketClient) -> None:
        self._client = client

    query: _signatures.SalesQueryOperation

    @operation  # type: ignore[no-redef]
    def query(self, *, query: str | SalesQuery) -> list[models.Sale]:
        """Query sales data.

        `GET /v2/sales/`

        API to query sales data. The query string can be strung together using different
        options; for example "unfulfilled vivid next 3 days" will return all unfulfilled
        Vivid sales occurring in the next three days.

        Args:
            query: query string which can be strung together using different options
                (e.g. "unfulfilled vivid next 3 days")
        """
        return self._client._send(_endpoints._SALES_QUERY, {"q": query})

    add: _signatures.SalesAddOperation

    @operation  # type: ignore[no-redef]
    def add(self, *, body: models.SaleRecord | bodies.SaleRecordDict) -> list[Any]:
        """Add a sale record.

        `POST /v2/sales/add`

        This endpoint is used to add a sale record to 1Ticket. The sale record is sent
        as a JSON body with Content-Type application/json.

        Args:
            body: The request body: the model, or a dict with the wire names.
        """
        return self._client._send(_endpoints._SALES_ADD, {}, body)

    fulfill: _signatures.SalesFulfillOperation

    @operation  # type: ignore[no-redef]
    def fulfill(
        self,
        *,
        order_id: str,
        marketplace_id: models.SalesMarketplaceId
        | Literal[1, 2, 3, 4, 12, 15, 16, 25, 27, 29, 41, 52],
    ) -> None:
        """Tell 1Ticket an order is ready to fulfill.

        `GET /v2/fulfill/`

        This will tell 1Ticket that the order in question is ready to fulfill,
        triggering us to look in the POS for PDFs/barcodes as needed. Please note that
        just because a success response is given it does NOT mean the order was filled;
        it only means that we received your request and have queued the order up for
        fulfillment. Never retried: every call queues the order.

        Args:
            order_id: marketplace order id
            marketplace_id: 1Ticket marketplace id (see the lookup table in
                SalesMarketplaceId)
        """
        self._client._send(
            _endpoints._SALES_FULFILL, {"orderid": order_id, "marketplaceid": marketplace_id}
        )

    complete: _signatures.SalesCompleteOperation

    @operation  # type: ignore[no-redef]
    def complete(self, *, body: list[models.CompleteSale] | list[bodies.CompleteSaleDict]) -> Any:
        """Mark sales filled and complete them on the POS.

        `POST /sales/v1/complete-sale` (server `sales`)

        Takes a list of objects that contain the ID of the marketplace, the ID of the
        order on the marketplace and the ID of the user on 1ticket. This endpoint can
        take in multiple sales and mark them "filled". This also completes the sale on
        the POS.

        Args:
            body: The request body: the model, or a dict with the wire names.
        """
        return self._client._send(_endpoints._SALES_COMPLETE, {}, body)


class MarketplacesOperations:
    """Operations of the `marketplaces` group: `client.marketplaces.<operation>(...)`."""

    # `__dict__`: each operation binds once per group and is kept there (see `_responses.Operation`).
    __slots__ = ("__dict__", "_client")

    def __init__(self, client: OneTicketClient) -> None:
        self._client = client

    list: _signatures.MarketplacesListOperation

    @operation  # type: ignore[no-redef]
    def list(self) -> builtins.list[models.Marketplace]:
        """List supported marketplaces.

        `GET /v2/marketplaces`

        Get a list of all supported marketplaces. Sent to /v2/marketplaces, without a
        trailing slash, as in the document's example request.
        """
        return self._client._send(_endpoints._MARKETPLACES_LIST, {})


class DisclosuresOperations:
    """Operations of the `disclosures` group: `client.disclosures.<operation>(...)`."""

    # `__dict__`: each operation binds once per group and is kept there (see `_responses.Operation`).
    __slots__ = ("__dict__", "_client")

    def __init__(self, client: OneTicketClient) -> None:
        self._client = client

    list: _signatures.DisclosuresListOperation

    @operation  # type: ignore[no-redef]
    def list(self) -> builtins.list[models.Disclosure]:
        """List disclosures.

        `GET /v2/disclosures`

        This endpoint is used to get a list of disclosures that 1Ticket pulls from
        marketplace purchase receipts and PDFs. Sent to /v2/disclosures, without a
        trailing slash, as in the document's example request.
        """
        output = self._client._send(_endpoints._DISCLOSURES_LIST, {})
        if not output or isinstance(output[0].disclosures, UnsetType):
            return []
        return output[0].disclosures


class AccountsOperations:
    """Operations of the `accounts` group: `client.accounts.<operation>(...)`."""

    # `__dict__`: each operation binds once per group and is kept there (see `_responses.Operation`).
    __slots__ = ("__dict__", "_client")

    def __init__(self, client: OneTicketClient) -> None:
        self._client = client

    list: _signatures.AccountsListOperation

    @operation  # type: ignore[no-redef]
    def list(
        self,
        *,
        username: str | None = None,
        marketplace_id: int | None = None,
        marketplace_name: str | None = None,
        account_status: models.AccountStatus
        | Literal["locked", "badpassword", "phone", "error"]
        | None = None,
        active: bool | None = None,
    ) -> builtins.list[models.Account]:
        """List marketplace accounts.

        `GET /v2/accounts/list/`

        This endpoint is used to get a list of accounts. If no fields are supplied all
        accounts will be returned.

        Args:
            username: marketplace username (generally an e-mail address)
            marketplace_id: marketplace ID (can be found in /v2/marketplaces)
            marketplace_name: name of marketplace (ticketmaster, telecharge, axs,
                etc)
            account_status: error message on account: locked = locked accounts,
                badpassword = incorrect password, phone = phone number required,
                error = any error
            active: Accepts true/false
        """
        return self._client._send(
            _endpoints._ACCOUNTS_LIST,
            {
                "username": username,
                "marketplaceid": marketplace_id,
                "marketplacename": marketplace_name,
                "accountstatus": account_status,
                "active": active,
            },
        )

    add: _signatures.AccountsAddOperation

    @operation  # type: ignore[no-redef]
    def add(
        self, *, username: str, marketplace_id: int | None = None, password: str | None = None
    ) -> builtins.list[Any]:
        """Add a marketplace account.

        `POST /v2/accounts/add/`

        This endpoint is used to add a new marketplace account to 1ticket.

        Args:
            username: account username (generally an e-mail address)
            marketplace_id: marketplace ID (can be found in /v2/marketplaces)
            password: password of account (required for Ticketmaster)
        """
        return self._client._send(
            _endpoints._ACCOUNTS_ADD,
            {"username": username, "marketplaceid": marketplace_id, "password": password},
        )

    update: _signatures.AccountsUpdateOperation

    @operation  # type: ignore[no-redef]
    def update(
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
    ) -> builtins.list[Any]:
        """Update a marketplace account.

        `POST /v2/accounts/update/`

        This endpoint is used to update a marketplace account on 1ticket.

        Args:
            account_id: account ID (can be found in /v2/accounts/list)
            cust_id_skybox: customer/vendor ID in SkyBox
            credit_card_id_skybox: credit card ID in SkyBox
            cust_id_posnext: customer/vendor ID in POSNext
            credit_card_id_posnext: credit card ID in POSNext
            cust_id_ticketutils: customer/vendor ID in TicketUtils
            credit_card_id_ticketutils: credit card ID in TicketUtils
            cust_id_ticketnetwork: customer/vendor ID in TicketNetwork POS
            credit_card_id_ticketnetwork: credit card ID in TicketNetwork POS
            note: note field as viewed on 1ticket.com/logins
            password: Password to log into the marketplace account
        """
        return self._client._send(
            _endpoints._ACCOUNTS_UPDATE,
            {
                "id": account_id,
                "custid_skybox": cust_id_skybox,
                "creditcardid_skybox": credit_card_id_skybox,
                "custid_posnext": cust_id_posnext,
                "creditcardid_posnext": credit_card_id_posnext,
                "custid_ticketutils": cust_id_ticketutils,
                "creditcardid_ticketutils": credit_card_id_ticketutils,
                "custid_ticketnetwork": cust_id_ticketnetwork,
                "creditcardid_ticketnetwork": credit_card_id_ticketnetwork,
                "note": note,
                "password": password,
            },
        )

    update_v2: _signatures.AccountsUpdateV2Operation

    @operation  # type: ignore[no-redef]
    def update_v2(
        self,
        *,
        account_id: int,
        pos_id: models.PosId | Literal[2, 18, 22, 47, 62] | None = None,
        cust_id: str | None = None,
        credit_card_id: str | None = None,
        auto_po: bool | None = None,
        auto_po_date_after: str | None = None,
        active: bool | None = None,
        password: str | None = None,
        note: str | None = None,
    ) -> builtins.list[models.Account]:
        """Update a marketplace account, including its per-POS settings.

        `POST /v2/accounts/update/v2/`

        This endpoint is used to update a marketplace account on 1ticket. If a valid
        posid is not provided no POS-specific settings can be applied (AutoPO, custid,
        creditcardid).

        Args:
            account_id: ID of account in 1Ticket
            pos_id: ID of POS settings to update (2=Ticketnetwork, 18=TicketUtils,
                22=SkyBox, 47=POSNext, 62=Tradedesk POS)
            cust_id: Customer ID/vendor ID in POS
            credit_card_id: Credit card ID in POS
            auto_po: true/false - should AutoPO be activated?
            auto_po_date_after: 1Ticket will start AutoPOing inventory that it finds
                on the date AFTER the date you provide. if no value is provided it
                will default to the current date
            active: true/false - this is the equivalent of clicking "delete" on a
                login at 1Ticket.com/logins
            password: Password to log into the marketplace account
            note: note field as viewed on 1ticket.com/logins
        """
        return self._client._send(
            _endpoints._ACCOUNTS_UPDATE_V2,
            {
                "id": account_id,
                "posid": pos_id,
                "custid": cust_id,
                "creditcardid": credit_card_id,
                "autopo": auto_po,
                "autopodateafter": auto_po_date_after,
                "active": active,
                "password": password,
                "note": note,
            },
        )


class DomainsOperations:
    """Operations of the `domains` group: `client.domains.<operation>(...)`."""

    # `__dict__`: each operation binds once per group and is kept there (see `_responses.Operation`).
    __slots__ = ("__dict__", "_client")

    def __init__(self, client: OneTicketClient) -> None:
        self._client = client

    list: _signatures.DomainsListOperation

    @operation  # type: ignore[no-redef]
    def list(self, *, domain: str | None = None) -> builtins.list[models.Domain]:
        """List domains.

        `GET /v2/domains/list`

        Returns a list of domains tied to the specified 1Ticket account. If no fields
        are supplied all domains will be returned. Sent to /v2/domains/list, without a
        trailing slash, as in the document's example request.

        Args:
            domain: domain name (abc123.yxz) to search for
        """
        return self._client._send(_endpoints._DOMAINS_LIST, {"domain": domain})


class OneTicketClient:
    """The legacy 1Ticket API: a collection of tools to access core 1Ticket data (purchases and
    their PDFs and barcodes, sales, marketplaces, disclosures, marketplace accounts and
    domains). Every call is authenticated with an API token; every response except
    sales.complete is wrapped in the 1Ticket envelope and a result status other than
    "success" is an error even with HTTP 200.


    Args:
        api_token: Your 1Ticket API token (request one from support@1ticket.com); sent on every request. Default: the ONETICKET_API_TOKEN environment variable.
        base_url: Send every request here instead of the vendor's servers (a test server, an emulator).
        servers: Override individual named servers (default, sales).
        timeout: Seconds for connecting, for each read and for the whole call: a number (all three), or
            `Timeout(connect, read, total)`. Downloads and export streams wait at most `total` for
            their headers, then `read` for each piece of the file (an idle timeout).
        max_retries: How many times a failed request may be repeated where that is safe; 0 disables.
        max_response_bytes: The most bytes a response may hold, counted decompressed while reading
            (64 MiB by default); more raises `ResponseTooLargeError`.
        max_download_bytes: The most bytes a downloaded file may hold (4 GiB by default).
        record_drift: A directory where responses that differ from the registry are recorded (off by
            default; also from the `ONETICKET_RECORD_DRIFT` environment variable); `ticketing-codegen drift DIR`
            reports them.
        proxy: Send every request through this proxy (`http://user:password@host:3128`). Without it,
            the HTTP_PROXY, HTTPS_PROXY and NO_PROXY environment variables decide.
        trust_env: Honour those environment variables (the default); False ignores them.
        ca_certs: A CA bundle file that servers' certificates are checked against.
        ssl_context: An `ssl.SSLContext` for the connections to the servers.
        pool: Your own urllib3 `PoolManager` or `ProxyManager`, instead of `proxy`, `ca_certs` and
            `ssl_context`; `close()` leaves it open.
    """

    purchases: PurchasesOperations
    token: TokenOperations
    sales: SalesOperations
    marketplaces: MarketplacesOperations
    disclosures: DisclosuresOperations
    accounts: AccountsOperations
    domains: DomainsOperations

    def __init__(
        self,
        *,
        api_token: str | None = None,
        base_url: str | None = None,
        servers: Mapping[str, str] | None = None,
        timeout: float | Timeout = DEFAULT_TIMEOUT,
        max_retries: int = 2,
        max_response_bytes: int = MAX_RESPONSE_BYTES,
        max_download_bytes: int = MAX_DOWNLOAD_BYTES,
        record_drift: str | os.PathLike[str] | None = None,
        proxy: str | None = None,
        trust_env: bool = True,
        ca_certs: str | None = None,
        ssl_context: ssl.SSLContext | None = None,
        pool: urllib3.PoolManager | None = None,
    ) -> None:
        # Loaded with the first client, not with the package (import time is a target).
        from ._environment import from_environment
        from ._network import Network
        from ._runtime import Transport
        from ._settings import byte_limit, credential, retry_count, server_urls, timeout_from

        api_token = from_environment("api_token", api_token, "ONETICKET_API_TOKEN", str)
        # Every setting is checked here, so that a wrong one fails now, named, not on the first call.
        self._transport = Transport(
            base_urls=server_urls(SERVERS, base_url, servers),
            headers={
                "Accept": "application/json",
                "User-Agent": "OneTicketClient/0.1.0",
                "x-api-token": credential("api_token", api_token, str),
            },
            secret_headers=frozenset(["x-api-token"]),
            timeout=timeout_from(timeout),
            max_retries=retry_count(max_retries),
            max_response_bytes=byte_limit("max_response_bytes", max_response_bytes),
            max_download_bytes=byte_limit("max_download_bytes", max_download_bytes),
            # The package's own name, so a vendored copy (`myapp._vendor.x`) logs under it.
            logger_name=__name__.rpartition(".")[0],
            date_format="%m/%d/%Y",
            envelope_success="success",
            record_drift=record_drift,
            drift_env="ONETICKET_RECORD_DRIFT",
            network=Network(
                proxy=proxy,
                trust_env=trust_env,
                ca_certs=ca_certs,
                ssl_context=ssl_context,
                pool=pool,
            ),
        )
        self._timeout: Timeout | None = None
        self._max_retries: int | None = None
        self._bind_groups()

    def _bind_groups(self) -> None:
        """The operation groups (`client.<group>`), each calling through this client."""
        # What every operation calls: the transport's `send`, with this client's timeout and retries.
        self._send: Sender = self._transport.sender(self._timeout, self._max_retries)
        self.purchases = PurchasesOperations(self)
        self.token = TokenOperations(self)
        self.sales = SalesOperations(self)
        self.marketplaces = MarketplacesOperations(self)
        self.disclosures = DisclosuresOperations(self)
        self.accounts = AccountsOperations(self)
        self.domains = DomainsOperations(self)

    def __repr__(self) -> str:
        return f"OneTicketClient(base_url={self._transport.base_urls['default']!r})"

    def with_options(
        self: _Self,
        *,
        timeout: float | Timeout | None = None,
        max_retries: int | None = None,
        base_url: str | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> _Self:
        """A client sharing this one's connections, with another timeout, retry count or base URL
        (for every server), or more headers (added to, or replacing, the ones it sends)."""
        from ._settings import retry_count, server_urls, timeout_from

        clone = object.__new__(type(self))
        clone.__dict__.update(self.__dict__)
        if base_url is not None or headers:
            clone._transport = self._transport.derived(
                # Checked as the constructor checks it, then used for every server.
                base_urls=None
                if base_url is None
                else server_urls(self._transport.base_urls, base_url, None),
                headers=headers,
            )
        clone._timeout = timeout_from(timeout) if timeout is not None else self._timeout
        clone._max_retries = (
            retry_count(max_retries) if max_retries is not None else self._max_retries
        )
        clone._bind_groups()
        return clone

    def close(self) -> None:
        """Close the pooled connections."""
        self._transport.close()

    def __enter__(self: _Self) -> _Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def _stream(self, operation: str, url: str) -> AbstractContextManager[Iterator[bytes]]:
        """The body of a file URL in chunks, with this client's timeouts (`with_options` included)."""
        return self._transport.stream(operation, url, timeout=self._timeout)
