# Generated from endpoints.yaml (sha256 3750acddfbb35d332c19e57261e2fb4db0cd75297ec40220e5e2d195ab230ba7) by `ticketing-codegen generate`. Do not edit.
"""The endpoint of every operation of the Paciolan PDI: what the transport needs to send it.

Imported by the first call (see `client.py`), with the models it names.
"""

from __future__ import annotations

from typing import Any

from ._endpoint import Endpoint, Param
from ._multipart import MULTIPART
from .models import (
    Availability,
    BatchJob,
    BatchStatus,
    Cart,
    CatalogItem,
    CatalogItemSummary,
    Checkout,
    Manifest,
    OfferRequest,
    OfferUpdate,
    PassTickets,
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

_CATALOG_LIST_ITEMS: Endpoint[list[CatalogItemSummary]] = Endpoint(
    "catalog.list_items",
    "GET",
    "/catalog/items",
    (
        Param("policyCode", "query", argument="policy_code"),
        Param("startDate", "query", argument="start_date"),
        Param("seasonCode", "query", style="repeated", argument="season_code", many=True),
        Param("facilityCode", "query", argument="facility_code"),
        Param("itemBasis", "query", argument="item_basis"),
    ),
    response_type=list[CatalogItemSummary],
    idempotent=True,
)

_CATALOG_GET_ITEM: Endpoint[CatalogItem] = Endpoint(
    "catalog.get_item",
    "GET",
    "/catalog/{season_code}/{item_code}",
    (
        Param("season_code", "path", required=True),
        Param("item_code", "path", required=True),
        Param("policyCode", "query", required=True, argument="policy_code"),
    ),
    response_type=CatalogItem,
    idempotent=True,
)

_INVENTORY_GET_AVAILABILITY: Endpoint[Availability] = Endpoint(
    "inventory.get_availability",
    "GET",
    "/inventory/availability/{season_code}/{item_code}",
    (
        Param("season_code", "path", required=True),
        Param("item_code", "path", required=True),
        Param("policyCode", "query", required=True, argument="policy_code"),
        Param("seatStatusCode", "query", argument="seat_status_code"),
        Param("priceLevelsOnly", "query", argument="price_levels_only", kind="bool"),
    ),
    response_type=Availability,
    idempotent=True,
)

_INVENTORY_GET_SEAT_STATUS: Endpoint[SeatStatus] = Endpoint(
    "inventory.get_seat_status",
    "GET",
    "/inventory/status/{season_code}/{item_code}",
    (
        Param("season_code", "path", required=True),
        Param("item_code", "path", required=True),
        Param("policyCode", "query", required=True, argument="policy_code"),
        Param("section", "query", style="comma", many=True),
    ),
    response_type=SeatStatus,
    idempotent=True,
)

_INVENTORY_UPDATE_SEAT_STATUS: Endpoint[SeatStatusUpdate] = Endpoint(
    "inventory.update_seat_status",
    "POST",
    "/inventory/status/{season_code}/{item_code}",
    (
        Param("season_code", "path", required=True),
        Param("item_code", "path", required=True),
        Param("policyCode", "query", required=True, argument="policy_code"),
        Param("debug", "query", choices=frozenset({"false", "true"}), kind="choice"),
    ),
    response_type=SeatStatusUpdate,
    body_type=list[SeatStatusChange],
    idempotent=False,
)

_CART_CREATE: Endpoint[Cart] = Endpoint(
    "cart.create",
    "POST",
    "/cart",
    (Param("policyCode", "query", required=True, argument="policy_code"),),
    response_type=Cart,
    body_type=OfferRequest,
    idempotent=False,
)

_CART_GET: Endpoint[Cart] = Endpoint(
    "cart.get",
    "GET",
    "/cart/{cart_id}",
    (
        Param("cart_id", "path", required=True),
        Param("policyCode", "query", required=True, argument="policy_code"),
    ),
    response_type=Cart,
    idempotent=True,
    head=True,
)

_CART_DELETE: Endpoint[None] = Endpoint(
    "cart.delete",
    "DELETE",
    "/cart/{cart_id}",
    (
        Param("cart_id", "path", required=True),
        Param("policyCode", "query", required=True, argument="policy_code"),
        Param("If-Unmodified-Since", "header", argument="if_unmodified_since", kind="http_date"),
    ),
    idempotent=True,
)

_CART_CHECKOUT: Endpoint[Cart] = Endpoint(
    "cart.checkout",
    "POST",
    "/cart/{cart_id}/checkout",
    (
        Param("cart_id", "path", required=True),
        Param("policyCode", "query", required=True, argument="policy_code"),
        Param("If-Unmodified-Since", "header", argument="if_unmodified_since", kind="http_date"),
    ),
    response_type=Cart,
    body_type=Checkout,
    idempotent=False,
)

_CART_ADD_OFFER: Endpoint[Cart] = Endpoint(
    "cart.add_offer",
    "POST",
    "/cart/{cart_id}/offers",
    (
        Param("cart_id", "path", required=True),
        Param("policyCode", "query", required=True, argument="policy_code"),
        Param("If-Unmodified-Since", "header", argument="if_unmodified_since", kind="http_date"),
    ),
    response_type=Cart,
    body_type=OfferRequest,
    idempotent=False,
)

_CART_REMOVE_OFFER: Endpoint[Cart] = Endpoint(
    "cart.remove_offer",
    "DELETE",
    "/cart/{cart_id}/offers/{offer_id}",
    (
        Param("cart_id", "path", required=True),
        Param("offer_id", "path", required=True),
        Param("policyCode", "query", required=True, argument="policy_code"),
        Param("If-Unmodified-Since", "header", argument="if_unmodified_since", kind="http_date"),
    ),
    response_type=Cart,
    idempotent=True,
    gzip=False,
)

_CART_UPDATE_OFFER: Endpoint[Cart] = Endpoint(
    "cart.update_offer",
    "PATCH",
    "/cart/{cart_id}/offers/{offer_id}",
    (
        Param("cart_id", "path", required=True),
        Param("offer_id", "path", required=True),
        Param("policyCode", "query", required=True, argument="policy_code"),
        Param("If-Unmodified-Since", "header", argument="if_unmodified_since", kind="http_date"),
    ),
    response_type=Cart,
    body_type=OfferUpdate,
    idempotent=False,
)

_CART_REPLACE_OFFER: Endpoint[Cart] = Endpoint(
    "cart.replace_offer",
    "PUT",
    "/cart/{cart_id}/offers/{offer_id}",
    (
        Param("cart_id", "path", required=True),
        Param("offer_id", "path", required=True),
        Param("policyCode", "query", required=True, argument="policy_code"),
        Param("If-Unmodified-Since", "header", argument="if_unmodified_since", kind="http_date"),
    ),
    response_type=Cart,
    body_type=OfferUpdate,
    idempotent=True,
)

_TICKETS_GET: Endpoint[Ticket] = Endpoint(
    "tickets.get",
    "GET",
    "/tickets/{ticket_id}",
    (Param("ticket_id", "path", required=True),),
    response_type=Ticket,
    idempotent=True,
    head=True,
)

_TICKETS_GET_BY_BARCODE: Endpoint[Ticket] = Endpoint(
    "tickets.get_by_barcode",
    "GET",
    "/tickets/barcode/{barcode}",
    (Param("barcode", "path", required=True),),
    response_type=Ticket,
    idempotent=True,
)

_TICKETS_PRINT: Endpoint[Ticket] = Endpoint(
    "tickets.print",
    "POST",
    "/tickets/{ticket_id}/print",
    (
        Param("ticket_id", "path", required=True),
        Param("policyCode", "query", argument="policy_code"),
        Param("format", "query", choices=frozenset({"DESKTOP", "MOBILE", "BOTH"}), kind="choice"),
    ),
    response_type=Ticket,
    body_type=dict,
    idempotent=False,
    media_types={
        "application/pdf": MULTIPART,
        "application/vnd.apple.pkpass": MULTIPART,
        "application/vnd.google-apps.pass": PassTickets,
    },
)

_TICKETS_REPRINT: Endpoint[Ticket] = Endpoint(
    "tickets.reprint",
    "POST",
    "/tickets/{ticket_id}/reprint",
    (
        Param("ticket_id", "path", required=True),
        Param("policyCode", "query", argument="policy_code"),
        Param("format", "query", choices=frozenset({"DESKTOP", "MOBILE", "BOTH"}), kind="choice"),
        Param("Authorization", "header", secret=True, required=True, argument="authorization"),
    ),
    response_type=Ticket,
    body_type=dict,
    idempotent=False,
    media_types={
        "application/pdf": MULTIPART,
        "application/vnd.apple.pkpass": MULTIPART,
        "application/vnd.google-apps.pass": PassTickets,
    },
)

_TICKETS_VOID: Endpoint[VoidResult] = Endpoint(
    "tickets.void",
    "POST",
    "/tickets/{ticket_id}/void",
    (
        Param("ticket_id", "path", required=True),
        Param("policyCode", "query", argument="policy_code"),
    ),
    response_type=VoidResult,
    body_type=dict,
    idempotent=False,
)

_TICKETS_REISSUE: Endpoint[PassTickets] = Endpoint(
    "tickets.reissue",
    "POST",
    "/tickets/{ticket_id}/reissue",
    (
        Param("ticket_id", "path", required=True),
        Param("policyCode", "query", required=True, argument="policy_code"),
        Param("Authorization", "header", secret=True, required=True, argument="authorization"),
    ),
    response_type=PassTickets,
    body_type=dict,
    idempotent=False,
    accept="application/vnd.google-apps.pass",
    gzip=False,
)

_TICKETS_REPRINT_PASS: Endpoint[PassTickets] = Endpoint(
    "tickets.reprint_pass",
    "POST",
    "/tickets/{ticket_id}/reprint/pass",
    (
        Param("ticket_id", "path", required=True),
        Param("policyCode", "query", required=True, argument="policy_code"),
        Param(
            "passtype",
            "query",
            choices=frozenset({"apple", "google"}),
            required=True,
            kind="choice",
        ),
        Param("Authorization", "header", secret=True, required=True, argument="authorization"),
    ),
    response_type=PassTickets,
    body_type=dict,
    idempotent=False,
    gzip=False,
)

_PATRON_AUTHENTICATE: Endpoint[PatronAuthentication] = Endpoint(
    "patron.authenticate",
    "POST",
    "/patron/auth",
    (),
    response_type=PatronAuthentication,
    body_type=PatronCredentials,
    idempotent=False,
    gzip=False,
)

_PATRON_GET_ORDERS: Endpoint[PatronOrder] = Endpoint(
    "patron.get_orders",
    "GET",
    "/patron/{account}/orders/{season}",
    (
        Param("account", "path", required=True),
        Param("season", "path", required=True),
        Param("policyCode", "query", argument="policy_code"),
    ),
    response_type=PatronOrder,
    idempotent=True,
)

_PATRON_GET_SEASONS: Endpoint[PatronSeasons] = Endpoint(
    "patron.get_seasons",
    "GET",
    "/patron/{account}/seasons",
    (Param("account", "path", required=True),),
    response_type=PatronSeasons,
    idempotent=True,
    gzip=False,
)

_BATCH_GET_STATUS: Endpoint[BatchStatus] = Endpoint(
    "batch.get_status",
    "GET",
    "/batch/status/{batch_id}",
    (Param("batch_id", "path", required=True),),
    response_type=BatchStatus,
    idempotent=True,
    gzip=False,
)

_BATCH_EXPORT_ORDERS: Endpoint[BatchJob] = Endpoint(
    "batch.export_orders",
    "GET",
    "/batch/export/orders",
    (
        Param("seasonCode", "query", argument="season_code"),
        Param("patron", "query"),
        Param("itemCode", "query", argument="item_code"),
        Param("since", "query"),
        Param("distributorCode", "query", argument="distributor_code"),
    ),
    response_type=BatchJob,
    idempotent=False,
    gzip=False,
)

_MANIFEST_GET: Endpoint[Manifest] = Endpoint(
    "manifest.get",
    "GET",
    "/manifest/{season_code}/{facility_code}/{configuration_code}",
    (
        Param("season_code", "path", required=True),
        Param("facility_code", "path", required=True),
        Param("configuration_code", "path", required=True),
        Param("policyCode", "query", argument="policy_code"),
        Param("event", "query"),
    ),
    response_type=Manifest,
    idempotent=True,
    head=True,
)

_PRICING_GET_PROFILE: Endpoint[PricingProfile] = Endpoint(
    "pricing.get_profile",
    "GET",
    "/pricing/{profile_code}/{season_code}/{item_code}",
    (
        Param("profile_code", "path", required=True),
        Param("season_code", "path", required=True),
        Param("item_code", "path", required=True),
        Param("policyCode", "query", required=True, argument="policy_code"),
        Param("includeAllSeats", "query", argument="include_all_seats", kind="bool"),
        Param("debug", "query", kind="bool"),
        Param("If-Modified-Since", "header", argument="if_modified_since", kind="http_date"),
    ),
    response_type=PricingProfile,
    idempotent=True,
    not_modified=True,
    head=True,
)

_UTIL_SYSINFO: Endpoint[SystemInfo] = Endpoint(
    "util.sysinfo",
    "GET",
    "/util/sysinfo",
    (),
    response_type=SystemInfo,
    idempotent=True,
    gzip=False,
)

_UTIL_ECHO: Endpoint[Any] = Endpoint(
    "util.echo",
    "POST",
    "/util/echo",
    (),
    response_type=Any,
    body_type=dict[str, Any],
    idempotent=True,
)
