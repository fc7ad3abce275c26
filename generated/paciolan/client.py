# Generated from endpoints.yaml (sha256 3750acddfbb35d332c19e57261e2fb4db0cd75297ec40220e5e2d195ab230ba7) by `ticketing-codegen generate`. Do not edit.
"""The Paciolan PDI client: `PaciolanClient` and its operation groups."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator, Mapping
from contextlib import AbstractContextManager
from types import TracebackType
from typing import TYPE_CHECKING, Any, Literal, TypeVar, overload

from ._constants import MAX_DOWNLOAD_BYTES, MAX_RESPONSE_BYTES
from ._endpoint import DEFAULT_TIMEOUT, Timeout
from ._lazy import LazyModule
from ._multipart import MultipartDocument
from ._responses import operation
from .batch_export import BatchExport
from .errors import ArgumentError

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

_Self = TypeVar("_Self", bound="PaciolanClient")

SERVERS: dict[str, str] = {
    "default": "https://connect.evenue.net/pdi/v1",
    "test": "https://connect-qfnq.paciolan.info/pdi/v1",
}


class CatalogOperations:
    """Operations of the `catalog` group: `client.catalog.<operation>(...)`."""

    # `__dict__`: each operation binds once per group and is kept there (see `_responses.Operation`).
    __slots__ = ("__dict__", "_client")

    def __init__(self, client: PaciolanClient) -> None:
        self._client = client

    list_items: _signatures.CatalogListItemsOperation

    @operation  # type: ignore[no-redef]
    def list_items(
        self,
        *,
        policy_code: str | None = None,
        start_date: str | None = None,
        season_code: list[str] | None = None,
        facility_code: str | None = None,
        item_basis: str | None = None,
    ) -> list[models.CatalogItemSummary]:
        """Retrieve catalog items

        `GET /catalog/items`

        The items endpoint returns a collection of items currently available for the
        specified sales policy. N.B., The object returned is of the summaryItem class;
        to retrieve a complete item object, use the catalog item endpoint.

        Args:
            policy_code: Policy (control) code governing the sales policy for the
                requestor. If no other parameters are specified, all items listed in
                the policy will be returned, regardless of sales status.
            start_date: Start date in YYYY-MM-DDThh:mm:ssZ or YYYY-MM-
                DDThh:mm:ss±hh:mm format. Applicable to event items only. When
                specified, only those events with a start date on or after this date
                will be returned.
            season_code: A season code may be specified to further filter output.
                This parameter may be repeated; when so done, the values will be
                logically OR'd.
            facility_code: A (single) facility code may be specified to further
                filter output.
            item_basis: An item basis (e.g. SINGLE) may be specified to further
                filter output.
        """
        return self._client._send(
            _endpoints._CATALOG_LIST_ITEMS,
            {
                "policyCode": policy_code,
                "startDate": start_date,
                "seasonCode": season_code,
                "facilityCode": facility_code,
                "itemBasis": item_basis,
            },
        )

    get_item: _signatures.CatalogGetItemOperation

    @operation  # type: ignore[no-redef]
    def get_item(self, *, season_code: str, item_code: str, policy_code: str) -> models.CatalogItem:
        """Retrieve catalog item by season and item code

        `GET /catalog/{season_code}/{item_code}`

        The item details endpoint returns detailed item information for the requested
        item, as permitted by the specified sales policy.

        Args:
            season_code: Season code for the requested item.
            item_code: Item code for the requested item.
            policy_code: Policy (control) code governing the sales policy for the
                requestor.
        """
        return self._client._send(
            _endpoints._CATALOG_GET_ITEM,
            {"season_code": season_code, "item_code": item_code, "policyCode": policy_code},
        )


class InventoryOperations:
    """Operations of the `inventory` group: `client.inventory.<operation>(...)`."""

    # `__dict__`: each operation binds once per group and is kept there (see `_responses.Operation`).
    __slots__ = ("__dict__", "_client")

    def __init__(self, client: PaciolanClient) -> None:
        self._client = client

    get_availability: _signatures.InventoryGetAvailabilityOperation

    @operation  # type: ignore[no-redef]
    def get_availability(
        self,
        *,
        season_code: str,
        item_code: str,
        policy_code: str,
        seat_status_code: str | None = None,
        price_levels_only: bool | None = None,
    ) -> models.Availability:
        """Retrieve inventory availability by season and item code

        `GET /inventory/availability/{season_code}/{item_code}`

        The availability endpoint returns summary availability information for the
        requested event (item code), as permitted by the specified sales policy.

        Args:
            season_code: Season code for the requested item.
            item_code: Item code for the requested item.
            policy_code: Policy (control) code governing the sales policy for the
                requestor.
            seat_status_code: Seat status code. When omitted, the availability
                response reflects all seat statuses the requestor has access to.
            price_levels_only: Return availability by price level only (the vendor
                description is truncated after "When").
        """
        return self._client._send(
            _endpoints._INVENTORY_GET_AVAILABILITY,
            {
                "season_code": season_code,
                "item_code": item_code,
                "policyCode": policy_code,
                "seatStatusCode": seat_status_code,
                "priceLevelsOnly": price_levels_only,
            },
        )

    get_seat_status: _signatures.InventoryGetSeatStatusOperation

    @operation  # type: ignore[no-redef]
    def get_seat_status(
        self,
        *,
        season_code: str,
        item_code: str,
        policy_code: str,
        section: list[str] | None = None,
    ) -> models.SeatStatus:
        """Retrieve inventory status by season and item code

        `GET /inventory/status/{season_code}/{item_code}`

        The status endpoint returns seat status information for the requested event
        (item code) and section(s). Specifying erroneous section(s) in a request will
        not result in an error; rather, the section(s) will simply not be returned in
        the response.

        Args:
            season_code: Season code for the requested item.
            item_code: Item code for the requested item.
            policy_code: Policy (control) code governing the sales policy for the
                requestor.
            section: One or more sections (level:section) for which seat status
                information should be returned. Values are percent-encoded
                (level%3Asection) and several go out as one comma-separated value
                (section=UB%3A100,LB%3A200).
        """
        return self._client._send(
            _endpoints._INVENTORY_GET_SEAT_STATUS,
            {
                "season_code": season_code,
                "item_code": item_code,
                "policyCode": policy_code,
                "section": section,
            },
        )

    update_seat_status: _signatures.InventoryUpdateSeatStatusOperation

    @operation  # type: ignore[no-redef]
    def update_seat_status(
        self,
        *,
        body: list[models.SeatStatusChange] | list[bodies.SeatStatusChangeDict],
        season_code: str,
        item_code: str,
        policy_code: str,
        debug: models.DebugFlag | Literal["false", "true"] | None = None,
    ) -> models.SeatStatusUpdate:
        """Update seat status

        `POST /inventory/status/{season_code}/{item_code}`

        The status (change) endpoint is used to manipulate seat status information for
        the requested event (item code).

        Args:
            body: The request body: the model, or a dict with the wire names.
            season_code: Season code for the requested item.
            item_code: Item code for the requested item.
            policy_code: Policy (control) code governing the sales policy for the
                integrator.
            debug: Enables detailed response logging (default "false"). Use only
                when instructed by Paciolan Developer Support.
        """
        return self._client._send(
            _endpoints._INVENTORY_UPDATE_SEAT_STATUS,
            {
                "season_code": season_code,
                "item_code": item_code,
                "policyCode": policy_code,
                "debug": debug,
            },
            body,
        )


class CartOperations:
    """Operations of the `cart` group: `client.cart.<operation>(...)`."""

    # `__dict__`: each operation binds once per group and is kept there (see `_responses.Operation`).
    __slots__ = ("__dict__", "_client")

    def __init__(self, client: PaciolanClient) -> None:
        self._client = client

    create: _signatures.CartCreateOperation

    @operation  # type: ignore[no-redef]
    def create(
        self, *, body: models.OfferRequest | bodies.OfferRequestDict, policy_code: str
    ) -> models.Cart:
        """Create a new cart

        `POST /cart`

        The create cart endpoint is used to create a new shopping cart by requesting a
        ticket offer (absent an existing cart ID).

        Args:
            body: The request body: the model, or a dict with the wire names.
            policy_code: Policy (control) code governing the sales policy for the
                requestor.
        """
        return self._client._send(_endpoints._CART_CREATE, {"policyCode": policy_code}, body)

    get: _signatures.CartGetOperation

    @operation  # type: ignore[no-redef]
    def get(self, *, cart_id: str, policy_code: str) -> models.Cart:
        """Get cart by ID

        `GET /cart/{cart_id}`

        The get cart endpoint is used to retrieve an existing cart.

        Args:
            cart_id: The cart ID to be retrieved.
            policy_code: Policy (control) code governing the sales policy for the
                requestor.
        """
        return self._client._send(
            _endpoints._CART_GET, {"cart_id": cart_id, "policyCode": policy_code}
        )

    delete: _signatures.CartDeleteOperation

    @operation  # type: ignore[no-redef]
    def delete(
        self,
        *,
        cart_id: str,
        policy_code: str,
        if_unmodified_since: dt.datetime | str | None = None,
    ) -> None:
        """Delete a cart by ID

        `DELETE /cart/{cart_id}`

        The delete cart endpoint is used to cancel a pending transaction. When a cart is
        deleted, all offers contained in the cart are cancelled, any related seats on
        counter hold are returned to available inventory and no financial transaction(s)
        are written to the back office ticketing system. No permanent record of the cart
        is persisted.

        Args:
            cart_id: The cart ID to be deleted.
            policy_code: Policy (control) code governing the sales policy for the
                requestor.
            if_unmodified_since: The date/time value returned from a previous cart
                response, sent as given. The document asks for an HTTP-date and its
                curl samples send one (Wed, 11 Aug 2023 00:00:00 GMT), while its
                table's example is 2023-06-14T07:23:05.281+0000. The document names
                no status for a cart that changed since; HTTP's is 412
                (PreconditionFailedError).
        """
        self._client._send(
            _endpoints._CART_DELETE,
            {
                "cart_id": cart_id,
                "policyCode": policy_code,
                "If-Unmodified-Since": if_unmodified_since,
            },
        )

    checkout: _signatures.CartCheckoutOperation

    @operation  # type: ignore[no-redef]
    def checkout(
        self,
        *,
        body: models.Checkout | bodies.CheckoutDict,
        cart_id: str,
        policy_code: str,
        if_unmodified_since: dt.datetime | str | None = None,
    ) -> models.Cart:
        """Complete cart checkout

        `POST /cart/{cart_id}/checkout`

        The checkout API endpoint commits a cart to a sale and records a financial
        transaction.

        Args:
            body: The request body: the model, or a dict with the wire names.
            cart_id: The cart ID of the pending cart to be completed.
            policy_code: Policy (control) code governing the sales policy for the
                requestor.
            if_unmodified_since: The date/time value returned from a previous cart
                response, sent as given. The document asks for an HTTP-date and its
                curl samples send one (Wed, 11 Aug 2023 00:00:00 GMT), while its
                table's example is 2023-06-14T07:23:05.281+0000. The document names
                no status for a cart that changed since; HTTP's is 412
                (PreconditionFailedError).
        """
        return self._client._send(
            _endpoints._CART_CHECKOUT,
            {
                "cart_id": cart_id,
                "policyCode": policy_code,
                "If-Unmodified-Since": if_unmodified_since,
            },
            body,
        )

    add_offer: _signatures.CartAddOfferOperation

    @operation  # type: ignore[no-redef]
    def add_offer(
        self,
        *,
        body: models.OfferRequest | bodies.OfferRequestDict,
        cart_id: str,
        policy_code: str,
        if_unmodified_since: dt.datetime | str | None = None,
    ) -> models.Cart:
        """Create offer in cart

        `POST /cart/{cart_id}/offers`

        The add offer endpoint is used to add an offer to an existing cart. To request
        an offer for non-allocatable items, the seats collection must be omitted.

        Args:
            body: The request body: the model, or a dict with the wire names.
            cart_id: The cart ID of the cart to be modified.
            policy_code: Policy (control) code governing the sales policy for the
                requestor.
            if_unmodified_since: The date/time value returned from a previous cart
                response, sent as given. The document asks for an HTTP-date and its
                curl samples send one (Wed, 11 Aug 2023 00:00:00 GMT), while its
                table's example is 2023-06-14T07:23:05.281+0000. The document names
                no status for a cart that changed since; HTTP's is 412
                (PreconditionFailedError).
        """
        return self._client._send(
            _endpoints._CART_ADD_OFFER,
            {
                "cart_id": cart_id,
                "policyCode": policy_code,
                "If-Unmodified-Since": if_unmodified_since,
            },
            body,
        )

    remove_offer: _signatures.CartRemoveOfferOperation

    @operation  # type: ignore[no-redef]
    def remove_offer(
        self,
        *,
        cart_id: str,
        offer_id: str,
        policy_code: str,
        if_unmodified_since: dt.datetime | str | None = None,
    ) -> models.Cart:
        """Remove offer from cart

        `DELETE /cart/{cart_id}/offers/{offer_id}`

        The delete offer endpoint is used to remove an offer from an existing cart. When
        an offer is removed, any related seats on counter hold are returned to available
        inventory. No permanent record of the offer is persisted.

        Args:
            cart_id: The cart ID of the cart to be modified.
            offer_id: The offer ID of the offer to be removed.
            policy_code: Policy (control) code governing the sales policy for the
                requestor.
            if_unmodified_since: The date/time value returned from a previous cart
                response, sent as given. The document asks for an HTTP-date and its
                curl samples send one (Wed, 11 Aug 2023 00:00:00 GMT), while its
                table's example is 2023-06-14T07:23:05.281+0000. The document names
                no status for a cart that changed since; HTTP's is 412
                (PreconditionFailedError).
        """
        return self._client._send(
            _endpoints._CART_REMOVE_OFFER,
            {
                "cart_id": cart_id,
                "offer_id": offer_id,
                "policyCode": policy_code,
                "If-Unmodified-Since": if_unmodified_since,
            },
        )

    update_offer: _signatures.CartUpdateOfferOperation

    @operation  # type: ignore[no-redef]
    def update_offer(
        self,
        *,
        body: models.OfferUpdate | bodies.OfferUpdateDict,
        cart_id: str,
        offer_id: str,
        policy_code: str,
        if_unmodified_since: dt.datetime | str | None = None,
    ) -> models.Cart:
        """Modify offer in cart (partial update)

        `PATCH /cart/{cart_id}/offers/{offer_id}`

        The update offer endpoint is used to update an existing offer. The PATCH method
        is used to communicate a differential (partial) update. A successful request to
        modify a cart offer will return an updated cart object in the response.

        Args:
            body: The request body: the model, or a dict with the wire names.
            cart_id: The cart ID of the cart to be modified.
            offer_id: The offer ID of the offer to be modified.
            policy_code: Policy (control) code governing the sales policy for the
                requestor.
            if_unmodified_since: The date/time value returned from a previous cart
                response, sent as given. The document asks for an HTTP-date and its
                curl samples send one (Wed, 11 Aug 2023 00:00:00 GMT), while its
                table's example is 2023-06-14T07:23:05.281+0000. The document names
                no status for a cart that changed since; HTTP's is 412
                (PreconditionFailedError).
        """
        return self._client._send(
            _endpoints._CART_UPDATE_OFFER,
            {
                "cart_id": cart_id,
                "offer_id": offer_id,
                "policyCode": policy_code,
                "If-Unmodified-Since": if_unmodified_since,
            },
            body,
        )

    replace_offer: _signatures.CartReplaceOfferOperation

    @operation  # type: ignore[no-redef]
    def replace_offer(
        self,
        *,
        body: models.OfferUpdate | bodies.OfferUpdateDict,
        cart_id: str,
        offer_id: str,
        policy_code: str,
        if_unmodified_since: dt.datetime | str | None = None,
    ) -> models.Cart:
        """Modify offer in cart (complete replacement)

        `PUT /cart/{cart_id}/offers/{offer_id}`

        The update offer endpoint is used to update an existing offer. The PUT method is
        used to communicate a complete (replacement) update; the PATCH method is the
        preferred mechanism by which to update cart offers. A successful request to
        modify a cart offer will return an updated cart object in the response.

        Args:
            body: The request body: the model, or a dict with the wire names.
            cart_id: The cart ID of the cart to be modified.
            offer_id: The offer ID of the offer to be modified.
            policy_code: Policy (control) code governing the sales policy for the
                requestor.
            if_unmodified_since: The date/time value returned from a previous cart
                response, sent as given. The document asks for an HTTP-date and its
                curl samples send one (Wed, 11 Aug 2023 00:00:00 GMT), while its
                table's example is 2023-06-14T07:23:05.281+0000. The document names
                no status for a cart that changed since; HTTP's is 412
                (PreconditionFailedError).
        """
        return self._client._send(
            _endpoints._CART_REPLACE_OFFER,
            {
                "cart_id": cart_id,
                "offer_id": offer_id,
                "policyCode": policy_code,
                "If-Unmodified-Since": if_unmodified_since,
            },
            body,
        )


class TicketsOperations:
    """Operations of the `tickets` group: `client.tickets.<operation>(...)`."""

    # `__dict__`: each operation binds once per group and is kept there (see `_responses.Operation`).
    __slots__ = ("__dict__", "_client")

    def __init__(self, client: PaciolanClient) -> None:
        self._client = client

    get: _signatures.TicketsGetOperation

    @operation  # type: ignore[no-redef]
    def get(self, *, ticket_id: str) -> models.Ticket:
        """Get ticket information

        `GET /tickets/{ticket_id}`

        Retrieve information about a specific ticket based on its ID. The get ticket
        endpoint returns ticket information for the specified ticket; print attributes
        are not returned. The purpose of this API is solely to allow integrators to
        retrieve detailed information about ticket(s), which may further inform
        downstream API calls.

        Args:
            ticket_id: The ID of the ticket to retrieve information for.
        """
        return self._client._send(_endpoints._TICKETS_GET, {"ticket_id": ticket_id})

    get_by_barcode: _signatures.TicketsGetByBarcodeOperation

    @operation  # type: ignore[no-redef]
    def get_by_barcode(self, *, barcode: str) -> models.Ticket:
        """Get ticket information by barcode

        `GET /tickets/barcode/{barcode}`

        Retrieve information about a specific ticket based on its barcode ID.

        Args:
            barcode: The barcode ID of the ticket to retrieve information for.
        """
        return self._client._send(_endpoints._TICKETS_GET_BY_BARCODE, {"barcode": barcode})

    @overload
    def print(
        self,
        *,
        ticket_id: str,
        policy_code: str | None = None,
        format: models.PrintFormat | Literal["DESKTOP", "MOBILE", "BOTH"] | None = None,
        media_type: Literal["application/json"] = "application/json",
    ) -> models.Ticket: ...

    @overload
    def print(
        self,
        *,
        ticket_id: str,
        media_type: Literal["application/pdf", "application/vnd.apple.pkpass"],
        policy_code: str | None = None,
        format: models.PrintFormat | Literal["DESKTOP", "MOBILE", "BOTH"] | None = None,
    ) -> MultipartDocument: ...

    @overload
    def print(
        self,
        *,
        ticket_id: str,
        media_type: Literal["application/vnd.google-apps.pass"],
        policy_code: str | None = None,
        format: models.PrintFormat | Literal["DESKTOP", "MOBILE", "BOTH"] | None = None,
    ) -> models.PassTickets: ...

    def print(
        self,
        *,
        ticket_id: str,
        policy_code: str | None = None,
        format: models.PrintFormat | Literal["DESKTOP", "MOBILE", "BOTH"] | None = None,
        media_type: str = "application/json",
    ) -> models.Ticket | MultipartDocument | models.PassTickets:
        """Print ticket

        `POST /tickets/{ticket_id}/print`

        Print a specific ticket based on its ticket ID. The print tickets endpoint
        allows for the fulfillment (printing) of individual tickets. Only those order
        lines with delivery assignments with a delivery method (disposition) of type
        traditional may be fulfilled by this API.

        Args:
            ticket_id: The ticket ID to print.
            policy_code: Policy (control) code governing the sales policy for the
                requestor.
            format: Print format for PDF output (the vendor text is truncated after
                "applicable for media type").
            media_type: The response media type: application/json (the default)
                gives Ticket; application/pdf gives MultipartDocument;
                application/vnd.apple.pkpass gives MultipartDocument;
                application/vnd.google-apps.pass gives PassTickets.
        """
        result: models.Ticket | MultipartDocument | models.PassTickets = self._client._send(
            _endpoints._TICKETS_PRINT,
            {"ticket_id": ticket_id, "policyCode": policy_code, "format": format},
            media_type=media_type,
        )
        return result

    @overload
    def reprint(
        self,
        *,
        ticket_id: str,
        authorization: str,
        policy_code: str | None = None,
        format: models.PrintFormat | Literal["DESKTOP", "MOBILE", "BOTH"] | None = None,
        media_type: Literal["application/json"] = "application/json",
    ) -> models.Ticket: ...

    @overload
    def reprint(
        self,
        *,
        ticket_id: str,
        authorization: str,
        media_type: Literal["application/pdf", "application/vnd.apple.pkpass"],
        policy_code: str | None = None,
        format: models.PrintFormat | Literal["DESKTOP", "MOBILE", "BOTH"] | None = None,
    ) -> MultipartDocument: ...

    @overload
    def reprint(
        self,
        *,
        ticket_id: str,
        authorization: str,
        media_type: Literal["application/vnd.google-apps.pass"],
        policy_code: str | None = None,
        format: models.PrintFormat | Literal["DESKTOP", "MOBILE", "BOTH"] | None = None,
    ) -> models.PassTickets: ...

    def reprint(
        self,
        *,
        ticket_id: str,
        authorization: str,
        policy_code: str | None = None,
        format: models.PrintFormat | Literal["DESKTOP", "MOBILE", "BOTH"] | None = None,
        media_type: str = "application/json",
    ) -> models.Ticket | MultipartDocument | models.PassTickets:
        """Reprint ticket

        `POST /tickets/{ticket_id}/reprint`

        Reprint a specific ticket based on its ticket ID. The reprint tickets endpoint
        allows for the reprinting of individual tickets. N.B., Tickets that have been
        previously printed will be voided and new barcodes will be issued as a result.

        Args:
            ticket_id: The ticket ID to reprint.
            authorization: The whole Authorization header value, sent as given:
                Basic (the table's example, "Basic dGVzdDp0ZXN0") or Bearer (the
                curl samples' "Bearer YOUR_TOKEN").
            policy_code: Policy (control) code governing the sales policy for the
                requestor.
            format: Print format for PDF output (the vendor text is truncated after
                "applicable for media type").
            media_type: The response media type: application/json (the default)
                gives Ticket; application/pdf gives MultipartDocument;
                application/vnd.apple.pkpass gives MultipartDocument;
                application/vnd.google-apps.pass gives PassTickets.
        """
        result: models.Ticket | MultipartDocument | models.PassTickets = self._client._send(
            _endpoints._TICKETS_REPRINT,
            {
                "ticket_id": ticket_id,
                "policyCode": policy_code,
                "format": format,
                "Authorization": authorization,
            },
            media_type=media_type,
        )
        return result

    void: _signatures.TicketsVoidOperation

    @operation  # type: ignore[no-redef]
    def void(self, *, ticket_id: str, policy_code: str | None = None) -> models.VoidResult:
        """Void a ticket by ticket ID

        `POST /tickets/{ticket_id}/void`

        Void a ticket based on the provided ticket ID. The void tickets endpoint allows
        for the voiding of individual single tickets and cancellation of miscellaneous
        items and gift certificates. N.B., Single event tickets sold as part of a
        package and combo items cannot be voided. Sent to /tickets/{ticket_id}/void,
        although the document's only curl sample omits `tickets/`: every other ticket
        operation's sample is under /tickets/.

        Args:
            ticket_id: The ticket ID to void.
            policy_code: Policy (control) code governing the sales policy for the
                void request.
        """
        return self._client._send(
            _endpoints._TICKETS_VOID, {"ticket_id": ticket_id, "policyCode": policy_code}
        )

    reissue: _signatures.TicketsReissueOperation

    @operation  # type: ignore[no-redef]
    def reissue(
        self, *, ticket_id: str, policy_code: str, authorization: str
    ) -> models.PassTickets:
        """Reissue ticket

        `POST /tickets/{ticket_id}/reissue`

        Reissue a ticket based on its ticket ID. The reissue tickets endpoint allows for
        the reissue of individual tickets without voiding the existing barcode. Only
        tickets that have already been printed may be reissued.

        Args:
            ticket_id: The ID of the ticket to reissue.
            policy_code: Policy (control) code governing the sales policy for the
                requestor.
            authorization: The whole Authorization header value, sent as given:
                Basic (the table's example, "Basic dGVzdDp0ZXN0") or Bearer (the
                curl samples' "Bearer YOUR_TOKEN").
        """
        return self._client._send(
            _endpoints._TICKETS_REISSUE,
            {"ticket_id": ticket_id, "policyCode": policy_code, "Authorization": authorization},
        )

    reprint_pass: _signatures.TicketsReprintPassOperation

    @operation  # type: ignore[no-redef]
    def reprint_pass(
        self,
        *,
        ticket_id: str,
        policy_code: str,
        passtype: models.PassType | Literal["apple", "google"],
        authorization: str,
    ) -> models.PassTickets:
        """Reprint Pass ticket

        `POST /tickets/{ticket_id}/reprint/pass`

        Reprint a specific ticket based on its ticket ID as an Apple or Google pass.
        N.B., Tickets that have been previously printed will be voided and new barcodes
        will be issued as a result. Only those order lines with delivery assignments
        with a delivery method (disposition) of type traditional may be reprinted by
        this API.

        Args:
            ticket_id: The ticket ID to reprint pass.
            policy_code: Policy (control) code governing the sales policy for the
                requestor.
            passtype: Desired Pass Type.
            authorization: The whole Authorization header value, sent as given:
                Basic (the table's example, "Basic dGVzdDp0ZXN0") or Bearer (the
                curl samples' "Bearer YOUR_TOKEN").
        """
        return self._client._send(
            _endpoints._TICKETS_REPRINT_PASS,
            {
                "ticket_id": ticket_id,
                "policyCode": policy_code,
                "passtype": passtype,
                "Authorization": authorization,
            },
        )


class PatronOperations:
    """Operations of the `patron` group: `client.patron.<operation>(...)`."""

    # `__dict__`: each operation binds once per group and is kept there (see `_responses.Operation`).
    __slots__ = ("__dict__", "_client")

    def __init__(self, client: PaciolanClient) -> None:
        self._client = client

    authenticate: _signatures.PatronAuthenticateOperation

    @operation  # type: ignore[no-redef]
    def authenticate(
        self, *, body: models.PatronCredentials | bodies.PatronCredentialsDict
    ) -> models.PatronAuthentication:
        """Authenticate patron account

        `POST /patron/auth`

        The patron auth endpoint is used to authenticate patrons against the e.Venue
        platform for self-service activities requiring downstream API calls. Integrators
        may use this service to implement their own authentication mechanism using
        native UI controls in a web or mobile application as permitted by a special
        license agreement. Passwords may be encrypted with AES-128 (CBC) or Blowfish and
        must then be hex encoded in lowercase characters.

        Args:
            body: The request body: the model, or a dict with the wire names.
        """
        return self._client._send(_endpoints._PATRON_AUTHENTICATE, {}, body)

    get_orders: _signatures.PatronGetOrdersOperation

    @operation  # type: ignore[no-redef]
    def get_orders(
        self, *, account: str, season: str, policy_code: str | None = None
    ) -> models.PatronOrder:
        """Get patron orders for a specific season

        `GET /patron/{account}/orders/{season}`

        The patron orders endpoint is used to retrieve the season order for the
        specified patron account.

        Args:
            account: Patron account ID
            season: Season code
            policy_code: Optional distributor policy to resolve transfer eligibility
        """
        return self._client._send(
            _endpoints._PATRON_GET_ORDERS,
            {"account": account, "season": season, "policyCode": policy_code},
        )

    get_seasons: _signatures.PatronGetSeasonsOperation

    @operation  # type: ignore[no-redef]
    def get_seasons(self, *, account: str) -> models.PatronSeasons:
        """Get patron seasons

        `GET /patron/{account}/seasons`

        The patron seasons endpoint is used to retrieve a list of active seasons for the
        specified patron account.

        Args:
            account: Patron account ID
        """
        return self._client._send(_endpoints._PATRON_GET_SEASONS, {"account": account})


class BatchOperations(BatchExport):
    """Operations of the `batch` group: `client.batch.<operation>(...)`, and the
    `batch_export` workflow."""

    __slots__ = ("_client",)

    def __init__(self, client: PaciolanClient) -> None:
        self._client = client

    get_status: _signatures.BatchGetStatusOperation

    @operation  # type: ignore[no-redef]
    def get_status(self, *, batch_id: str) -> models.BatchStatus:
        """Get status of a batch by batch ID

        `GET /batch/status/{batch_id}`

        The batch status endpoint returns status information for the requested batch
        job. Export files are scheduled for deletion shortly after they've been
        downloaded.

        Args:
            batch_id: The batch ID to retrieve status for.
        """
        return self._client._send(_endpoints._BATCH_GET_STATUS, {"batch_id": batch_id})

    export_orders: _signatures.BatchExportOrdersOperation

    @operation  # type: ignore[no-redef]
    def export_orders(
        self,
        *,
        season_code: str | None = None,
        patron: str | None = None,
        item_code: str | None = None,
        since: str | None = None,
        distributor_code: str | None = None,
    ) -> models.BatchJob:
        """Export orders as a batch

        `GET /batch/export/orders`

        The batch order export endpoint is used to initiate the export of order line
        item data. The response returns a job ID that is used with the batch status
        endpoint to retrieve job status and the download URL. When an itemCode is
        provided, only those orders that contain the specified itemCode are returned;
        for a combo/package item its constituents are returned too, and for a single
        event sold as part of a combo the containing combo items are returned as well.
        The export file is tab-delimited with CRLF line ends, compressed with gzip
        (.gz).

        Args:
            season_code: Season Code (either seasonCode or patron is required)
            patron: Patron Account (either seasonCode or patron is required)
            item_code: Used to return only those orders that contain the specified
                item
            since: Used to return only those orders that have been updated since the
                date/time provided. Dates are in YYYY-MM-DDThh:mm:ssZ or YYYY-MM-
                DDThh:mm:ss±hh:mm format.
            distributor_code: (Optional) distributor code, used to provide context
                for e-commerce email address resolution. Specify a value only when
                instructed by your integration analyst.
        """
        if season_code is None and patron is None:
            raise ArgumentError("batch.export_orders: give `season_code` or `patron`")
        return self._client._send(
            _endpoints._BATCH_EXPORT_ORDERS,
            {
                "seasonCode": season_code,
                "patron": patron,
                "itemCode": item_code,
                "since": since,
                "distributorCode": distributor_code,
            },
        )


class ManifestOperations:
    """Operations of the `manifest` group: `client.manifest.<operation>(...)`."""

    # `__dict__`: each operation binds once per group and is kept there (see `_responses.Operation`).
    __slots__ = ("__dict__", "_client")

    def __init__(self, client: PaciolanClient) -> None:
        self._client = client

    get: _signatures.ManifestGetOperation

    @operation  # type: ignore[no-redef]
    def get(
        self,
        *,
        season_code: str,
        facility_code: str,
        configuration_code: str,
        policy_code: str | None = None,
        event: str | None = None,
    ) -> models.Manifest:
        """Get manifest

        `GET /manifest/{season_code}/{facility_code}/{configuration_code}`

        Retrieve the requested manifest based on season, facility, and configuration
        codes. Only those seats included in the facility configuration are returned.
        Areas are returned in the order in which they are assembled within a
        configuration; sections in level/section order; rows in row allocation order and
        seats in seat index order, as they are listed within the season's facility
        manifest.

        Args:
            season_code: Season code for the requested manifest.
            facility_code: Facility code for the requested manifest.
            configuration_code: Configuration code for the requested manifest.
            policy_code: Policy (control) code governing the policy for the
                requestor.
            event: Event (item code) for an event-specific copy of the requested
                manifest.
        """
        return self._client._send(
            _endpoints._MANIFEST_GET,
            {
                "season_code": season_code,
                "facility_code": facility_code,
                "configuration_code": configuration_code,
                "policyCode": policy_code,
                "event": event,
            },
        )


class PricingOperations:
    """Operations of the `pricing` group: `client.pricing.<operation>(...)`."""

    # `__dict__`: each operation binds once per group and is kept there (see `_responses.Operation`).
    __slots__ = ("__dict__", "_client")

    def __init__(self, client: PaciolanClient) -> None:
        self._client = client

    get_profile: _signatures.PricingGetProfileOperation

    @operation  # type: ignore[no-redef]
    def get_profile(
        self,
        *,
        profile_code: str,
        season_code: str,
        item_code: str,
        policy_code: str,
        include_all_seats: bool | None = None,
        debug: bool | None = None,
        if_modified_since: dt.datetime | str | None = None,
    ) -> models.PricingProfile | None:
        """Get seat pricing for a specific item

        `GET /pricing/{profile_code}/{season_code}/{item_code}`

        The pricing profile endpoint is used to retrieve seat-level pricing for the
        specified pricing profile. Only those seats included in the profile will be
        returned unless includeAllSeats=true is specified (in which case every seat in
        the facility configuration is returned, regardless of whether or not the seats
        are specifically profiled). Conditional GET and HEAD requests are supported by
        means of the If-Modified-Since header (304 Not Modified).

        Args:
            profile_code: Profile code for the requested item
            season_code: Season code for the requested item
            item_code: Item code for the requested item
            policy_code: Policy (control) code governing the sales policy for the
                requestor
            include_all_seats: When true, every seat in the facility configuration
                is returned, whether or not it is profiled.
            debug: Enables detailed response logging. Use only when instructed to do
                so by Paciolan Developer Support.
            if_modified_since: HTTP-date; the server answers 304 Not Modified when
                the pricing has not changed since.
        """
        return self._client._send(
            _endpoints._PRICING_GET_PROFILE,
            {
                "profile_code": profile_code,
                "season_code": season_code,
                "item_code": item_code,
                "policyCode": policy_code,
                "includeAllSeats": include_all_seats,
                "debug": debug,
                "If-Modified-Since": if_modified_since,
            },
        )


class UtilOperations:
    """Operations of the `util` group: `client.util.<operation>(...)`."""

    # `__dict__`: each operation binds once per group and is kept there (see `_responses.Operation`).
    __slots__ = ("__dict__", "_client")

    def __init__(self, client: PaciolanClient) -> None:
        self._client = client

    sysinfo: _signatures.UtilSysinfoOperation

    @operation  # type: ignore[no-redef]
    def sysinfo(self) -> models.SystemInfo:
        """Get system information

        `GET /util/sysinfo`

        The sysinfo endpoint returns back office system information.
        """
        return self._client._send(_endpoints._UTIL_SYSINFO, {})

    echo: _signatures.UtilEchoOperation

    @operation  # type: ignore[no-redef]
    def echo(self, *, body: dict[str, Any] | Mapping[str, Any]) -> Any:
        """Echo input data

        `POST /util/echo`

        The echo endpoint echoes the request received, including all HTTP headers.
        Developers may direct any (arbitrary) request to this endpoint and the service
        will echo back the request received in its entirety, which is often helpful to
        identify JSON parsing issues or troubleshooting issues with object hierarchy or
        data types.

        Args:
            body: The request body: the model, or a dict with the wire names.
        """
        return self._client._send(_endpoints._UTIL_ECHO, {}, body)


class PaciolanClient:
    """Client for the Paciolan PDI (Legacy API 1.0.0): catalog items, inventory availability
    and seat status, shopping carts and checkout, ticket information, printing, voiding and
    passes, patron authentication, orders and seasons, batch order exports, facility
    manifests, seat pricing profiles and utility endpoints. Every request carries the PAC-*
    credential headers and a User-Agent in Product/SemVer form. Each request also carries a
    fresh Request-ID (a UUID4), which is not in the vendor document: a server that does not
    know it ignores it, and an id it echoes is kept on the raw response and on every error.


    Args:
        api_key: The API key provided by Paciolan for this application. Default: the PACIOLAN_API_KEY environment variable.
        application_id: The application identifier for which API access has been authorized; this value is typically expressed in reverse domain notation and is bound to an API key provided by Paciolan during provisioning. Default: the PACIOLAN_APPLICATION_ID environment variable.
        channel_code: The channel partner identifier issued to your organization by the Paciolan Partner Services team during partner on-boarding. Default: the PACIOLAN_CHANNEL_CODE environment variable.
        organization_id: The client's data account ID (int32) to pull events from, e.g. 999. Checked when the client is built: an int outside the int32 range is an ArgumentError. Default: the PACIOLAN_ORGANIZATION_ID environment variable.
        user_agent: An identifying string in Product/Version format, where Version is a SemVer-compliant string, that uniquely identifies your application (e.g. YourApplication/1.0.0). Checked when the client is built: another form is an ArgumentError. Default: the PACIOLAN_USER_AGENT environment variable.
        base_url: Send every request here instead of the vendor's servers (a test server, an emulator).
        servers: Override individual named servers (default, test).
        timeout: Seconds for connecting, for each read and for the whole call: a number (all three), or
            `Timeout(connect, read, total)`. Downloads and export streams wait at most `total` for
            their headers, then `read` for each piece of the file (an idle timeout).
        max_retries: How many times a failed request may be repeated where that is safe; 0 disables.
        max_response_bytes: The most bytes a response may hold, counted decompressed while reading
            (64 MiB by default); more raises `ResponseTooLargeError`.
        max_download_bytes: The most bytes a downloaded file may hold (4 GiB by default).
        record_drift: A directory where responses that differ from the registry are recorded (off by
            default; also from the `PACIOLAN_RECORD_DRIFT` environment variable); `ticketing-codegen drift DIR`
            reports them.
        proxy: Send every request through this proxy (`http://user:password@host:3128`). Without it,
            the HTTP_PROXY, HTTPS_PROXY and NO_PROXY environment variables decide.
        trust_env: Honour those environment variables (the default); False ignores them.
        ca_certs: A CA bundle file that servers' certificates are checked against.
        ssl_context: An `ssl.SSLContext` for the connections to the servers.
        pool: Your own urllib3 `PoolManager` or `ProxyManager`, instead of `proxy`, `ca_certs` and
            `ssl_context`; `close()` leaves it open.
    """

    catalog: CatalogOperations
    inventory: InventoryOperations
    cart: CartOperations
    tickets: TicketsOperations
    patron: PatronOperations
    batch: BatchOperations
    manifest: ManifestOperations
    pricing: PricingOperations
    util: UtilOperations

    def __init__(
        self,
        *,
        api_key: str | None = None,
        application_id: str | None = None,
        channel_code: str | None = None,
        organization_id: int | None = None,
        user_agent: str | None = None,
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
        from ._request import check_credential
        from ._runtime import Transport
        from ._settings import byte_limit, credential, retry_count, server_urls, timeout_from

        api_key = from_environment("api_key", api_key, "PACIOLAN_API_KEY", str)
        application_id = from_environment(
            "application_id", application_id, "PACIOLAN_APPLICATION_ID", str
        )
        channel_code = from_environment("channel_code", channel_code, "PACIOLAN_CHANNEL_CODE", str)
        organization_id = from_environment(
            "organization_id", organization_id, "PACIOLAN_ORGANIZATION_ID", int
        )
        user_agent = from_environment("user_agent", user_agent, "PACIOLAN_USER_AGENT", str)
        # Every setting is checked here, so that a wrong one fails now, named, not on the first call.
        check_credential(
            "organization_id",
            organization_id,
            minimum=-2147483648,
            maximum=2147483647,
        )
        check_credential(
            "user_agent",
            user_agent,
            pattern="[A-Za-z0-9!#$%&*+.^_|~-]+/(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)(-[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?(\\+[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?",
            form="Product/Version with a SemVer version, e.g. YourApplication/1.0.0",
        )
        self._transport = Transport(
            base_urls=server_urls(SERVERS, base_url, servers),
            headers={
                "Accept": "application/json",
                "PAC-API-Key": credential("api_key", api_key, str),
                "PAC-Application-ID": credential("application_id", application_id, str),
                "PAC-Channel-Code": credential("channel_code", channel_code, str),
                "PAC-Organization-ID": credential("organization_id", organization_id, int),
                "User-Agent": credential("user_agent", user_agent, str),
            },
            secret_headers=frozenset(["PAC-API-Key"]),
            timeout=timeout_from(timeout),
            max_retries=retry_count(max_retries),
            max_response_bytes=byte_limit("max_response_bytes", max_response_bytes),
            max_download_bytes=byte_limit("max_download_bytes", max_download_bytes),
            # The package's own name, so a vendored copy (`myapp._vendor.x`) logs under it.
            logger_name=__name__.rpartition(".")[0],
            date_format="%Y-%m-%d",
            request_id_header="Request-ID",
            record_drift=record_drift,
            drift_env="PACIOLAN_RECORD_DRIFT",
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
        self.catalog = CatalogOperations(self)
        self.inventory = InventoryOperations(self)
        self.cart = CartOperations(self)
        self.tickets = TicketsOperations(self)
        self.patron = PatronOperations(self)
        self.batch = BatchOperations(self)
        self.manifest = ManifestOperations(self)
        self.pricing = PricingOperations(self)
        self.util = UtilOperations(self)

    def __repr__(self) -> str:
        return f"PaciolanClient(base_url={self._transport.base_urls['default']!r})"

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
