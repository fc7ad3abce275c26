# Generated from endpoints.yaml (sha256 3750acddfbb35d332c19e57261e2fb4db0cd75297ec40220e5e2d195ab230ba7) by `ticketing-codegen generate`. Do not edit.
"""The endpoint of every operation of the 1Ticket legacy API: what the transport needs to send it.

Imported by the first call (see `client.py`), with the models it names.
"""

from __future__ import annotations

from typing import Any

from ._endpoint import Endpoint, Param
from .models import (
    Account,
    CompanyInfo,
    CompleteSale,
    DisclosuresPage,
    Domain,
    Envelope,
    Marketplace,
    PdfGroup,
    PurchasesPage,
    Sale,
    SaleRecord,
)
from .queries import SalesQuery

_PURCHASES_GET_PDF: Endpoint[list[PdfGroup]] = Endpoint(
    "purchases.get_pdf",
    "GET",
    "/v2/getpdf/",
    (Param("rid", "query", required=True, kind="int"),),
    response_type=list[PdfGroup],
    idempotent=True,
    envelope=Envelope,
)

_PURCHASES_LIST: Endpoint[list[PurchasesPage]] = Endpoint(
    "purchases.list",
    "GET",
    "/v2/purchases/",
    (
        Param("rid", "query", kind="int"),
        Param("datefirstseen", "query", argument="date_first_seen", kind="date"),
        Param("eventdate", "query", argument="event_date", kind="date"),
        Param("eventdatestart", "query", argument="event_date_start", kind="date"),
        Param("eventdateend", "query", argument="event_date_end", kind="date"),
        Param("purchasedate", "query", argument="purchase_date", kind="date"),
        Param("eventname", "query", argument="event_name"),
        Param("venuename", "query", argument="venue_name"),
        Param("confirmationnumber", "query", argument="confirmation_number"),
        Param("confirmationregion", "query", argument="confirmation_region"),
        Param("purchasedatestart", "query", argument="purchase_date_start", kind="date"),
        Param("purchaseenddate", "query", argument="purchase_date_end", kind="date"),
        Param("poid", "query", style="comma", argument="po_ids", many=True),
        Param("ccdigits", "query", style="comma", argument="cc_digits", many=True),
        Param(
            "elig_refund", "query", choices=frozenset({"true", "false", "unknown"}), kind="choice"
        ),
        Param("username", "query"),
        Param(
            "status",
            "query",
            choices=frozenset({"Active", "Canceled", "active", "canceled"}),
            kind="choice",
        ),
    ),
    response_type=list[PurchasesPage],
    idempotent=True,
    envelope=Envelope,
)

_PURCHASES_CRAWL: Endpoint[list[Any]] = Endpoint(
    "purchases.crawl",
    "GET",
    "/v2/crawl/",
    (
        Param("username", "query"),
        Param("confnum", "query", argument="conf_num"),
        Param("source", "query", required=True),
        Param("id", "query", argument="account_id", kind="int"),
        Param("marketplaceid", "query", argument="marketplace_id", kind="int"),
    ),
    response_type=list[Any],
    idempotent=False,
    envelope=Envelope,
)

_PURCHASES_RECORD_PO: Endpoint[list[Any]] = Endpoint(
    "purchases.record_po",
    "POST",
    "/v2/purchases/recordpo/",
    (
        Param("rid", "query", required=True, kind="int"),
        Param(
            "pos",
            "query",
            choices=frozenset({"utils", "ticketnetwork", "posnext", "skybox", "tradedesk"}),
            required=True,
            argument="pos_name",
            kind="choice",
        ),
        Param("po", "query", required=True),
    ),
    response_type=list[Any],
    idempotent=False,
    envelope=Envelope,
)

_TOKEN_VERIFY: Endpoint[list[CompanyInfo]] = Endpoint(
    "token.verify",
    "GET",
    "/v2/verify/",
    (),
    response_type=list[CompanyInfo],
    idempotent=True,
    envelope=Envelope,
    require_output=True,
)

_SALES_QUERY: Endpoint[list[Sale]] = Endpoint(
    "sales.query",
    "GET",
    "/v2/sales/",
    (Param("q", "query", required=True, argument="query", builder=SalesQuery),),
    response_type=list[Sale],
    idempotent=True,
    envelope=Envelope,
)

_SALES_ADD: Endpoint[list[Any]] = Endpoint(
    "sales.add",
    "POST",
    "/v2/sales/add",
    (),
    response_type=list[Any],
    body_type=SaleRecord,
    idempotent=False,
    envelope=Envelope,
)

_SALES_FULFILL: Endpoint[list[Any]] = Endpoint(
    "sales.fulfill",
    "GET",
    "/v2/fulfill/",
    (
        Param("orderid", "query", required=True, argument="order_id"),
        Param(
            "marketplaceid",
            "query",
            choices=frozenset({1, 2, 3, 4, 12, 15, 16, 25, 27, 29, 41, 52}),
            required=True,
            argument="marketplace_id",
            kind="choice",
        ),
    ),
    response_type=list[Any],
    idempotent=False,
    envelope=Envelope,
)

_SALES_COMPLETE: Endpoint[Any] = Endpoint(
    "sales.complete",
    "POST",
    "/sales/v1/complete-sale",
    (),
    response_type=Any,
    body_type=list[CompleteSale],
    server="sales",
    idempotent=False,
)

_MARKETPLACES_LIST: Endpoint[list[Marketplace]] = Endpoint(
    "marketplaces.list",
    "GET",
    "/v2/marketplaces",
    (),
    response_type=list[Marketplace],
    idempotent=True,
    envelope=Envelope,
)

_DISCLOSURES_LIST: Endpoint[list[DisclosuresPage]] = Endpoint(
    "disclosures.list",
    "GET",
    "/v2/disclosures",
    (),
    response_type=list[DisclosuresPage],
    idempotent=True,
    envelope=Envelope,
)

_ACCOUNTS_LIST: Endpoint[list[Account]] = Endpoint(
    "accounts.list",
    "GET",
    "/v2/accounts/list/",
    (
        Param("username", "query"),
        Param("marketplaceid", "query", argument="marketplace_id", kind="int"),
        Param("marketplacename", "query", argument="marketplace_name"),
        Param(
            "accountstatus",
            "query",
            choices=frozenset({"locked", "badpassword", "phone", "error"}),
            argument="account_status",
            kind="choice",
        ),
        Param("active", "query", kind="bool"),
    ),
    response_type=list[Account],
    idempotent=True,
    envelope=Envelope,
)

_ACCOUNTS_ADD: Endpoint[list[Any]] = Endpoint(
    "accounts.add",
    "POST",
    "/v2/accounts/add/",
    (
        Param("username", "query", required=True),
        Param("marketplaceid", "query", argument="marketplace_id", kind="int"),
        Param("password", "query", secret=True),
    ),
    response_type=list[Any],
    idempotent=False,
    envelope=Envelope,
)

_ACCOUNTS_UPDATE: Endpoint[list[Any]] = Endpoint(
    "accounts.update",
    "POST",
    "/v2/accounts/update/",
    (
        Param("id", "query", required=True, argument="account_id", kind="int"),
        Param("custid_skybox", "query", argument="cust_id_skybox"),
        Param("creditcardid_skybox", "query", argument="credit_card_id_skybox"),
        Param("custid_posnext", "query", argument="cust_id_posnext"),
        Param("creditcardid_posnext", "query", argument="credit_card_id_posnext"),
        Param("custid_ticketutils", "query", argument="cust_id_ticketutils"),
        Param("creditcardid_ticketutils", "query", argument="credit_card_id_ticketutils"),
        Param("custid_ticketnetwork", "query", argument="cust_id_ticketnetwork"),
        Param("creditcardid_ticketnetwork", "query", argument="credit_card_id_ticketnetwork"),
        Param("note", "query"),
        Param("password", "query", secret=True),
    ),
    response_type=list[Any],
    idempotent=False,
    envelope=Envelope,
)

_ACCOUNTS_UPDATE_V2: Endpoint[list[Account]] = Endpoint(
    "accounts.update_v2",
    "POST",
    "/v2/accounts/update/v2/",
    (
        Param("id", "query", required=True, argument="account_id", kind="int"),
        Param(
            "posid",
            "query",
            choices=frozenset({2, 18, 22, 47, 62}),
            argument="pos_id",
            kind="choice",
        ),
        Param("custid", "query", argument="cust_id"),
        Param("creditcardid", "query", argument="credit_card_id"),
        Param("autopo", "query", argument="auto_po", kind="bool"),
        Param("autopodateafter", "query", argument="auto_po_date_after"),
        Param("active", "query", kind="bool"),
        Param("password", "query", secret=True),
        Param("note", "query"),
    ),
    response_type=list[Account],
    idempotent=False,
    envelope=Envelope,
)

_DOMAINS_LIST: Endpoint[list[Domain]] = Endpoint(
    "domains.list",
    "GET",
    "/v2/domains/list",
    (Param("domain", "query"),),
    response_type=list[Domain],
    idempotent=True,
    envelope=Envelope,
)
