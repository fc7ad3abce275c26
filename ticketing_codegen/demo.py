"""`ticketing-codegen demo`: both generated clients, working against the local emulator.

Starts the emulator on a free port, runs a short flow per vendor through the real clients over HTTP, prints
what happened in a few readable lines, and stops the emulator. From a checkout the clients are the
committed `generated/` packages; from an installed tool (which does not ship them) they are first generated
from the bundled registry into a temporary folder.
"""

from __future__ import annotations

import importlib.util
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from ticketing_emulator import Emulator, running

CLIENT_PACKAGES = ("oneticket", "paciolan")


def main(say: Callable[[str], None] = print) -> int:
    with importable_clients(say), running() as emulator:
        say(f"emulator listening on {emulator.url}")
        oneticket_flow(emulator, say)
        paciolan_flow(emulator, say)
    say("emulator stopped")
    return 0


@contextmanager
def importable_clients(say: Callable[[str], None]) -> Iterator[None]:
    """Both client packages importable: as they are, or generated for the duration of the demo."""
    if all(importlib.util.find_spec(name) is not None for name in CLIENT_PACKAGES):
        yield
        return
    from ticketing_codegen import output, resources
    from ticketing_codegen.__main__ import build_files

    with tempfile.TemporaryDirectory(prefix="codegen-demo-") as folder:
        files = build_files(resources.REGISTRY)
        scratch = output.formatted(files, resources.RUFF_CONFIG, Path(folder))
        say(f"generated the clients from {resources.REGISTRY} into {scratch}")
        sys.path.insert(0, str(scratch))
        try:
            yield
        finally:
            sys.path.remove(str(scratch))


def oneticket_flow(emulator: Emulator, say: Callable[[str], None]) -> None:
    from oneticket import OneTicketClient

    say("\n1Ticket")
    with OneTicketClient(api_token="demo-token", servers=emulator.servers("oneticket")) as client:
        company = client.token.verify()
        say(f"  token.verify                -> company {company.company_name!r}")
        purchases = client.purchases.list(status="Active")
        first = purchases[0]
        say(
            f"  purchases.list              -> {len(purchases)} purchases; first: rid {first.rid}, "
            f"{first.event.name} at {first.event.venue}, cost {first.receipt.cost_group}"
        )
        seats = client.purchases.get_pdf(rid=first.rid)
        say(f"  purchases.get_pdf           -> {len(seats)} seat(s); PDF at {seats[0].pdf_url}")
        sales = client.sales.query(query="unfulfilled vivid next 3 days")
        say(
            f"  sales.query                 -> {len(sales)} sales: "
            + ", ".join(f"{sale.order_id} {sale.event.name}" for sale in sales)
        )


def paciolan_flow(emulator: Emulator, say: Callable[[str], None]) -> None:
    from paciolan import PaciolanClient
    from paciolan.bodies import CheckoutDict, OfferRequestDict

    say("\nPaciolan PDI")
    with PaciolanClient(
        api_key="demo-key",
        application_id="com.example.demo",
        channel_code="DEMO",
        organization_id=999,
        user_agent="TicketingDemo/1.0.0",
        servers=emulator.servers("paciolan"),
    ) as client:
        items = client.catalog.list_items(policy_code="WEB", season_code=["F17"])
        item = items[0]
        say(
            f"  catalog.list_items          -> {len(items)} items; first: {item.item_code} {item.item_name}"
        )
        availability = client.inventory.get_availability(
            season_code=item.season_code, item_code=item.item_code, policy_code="WEB"
        )
        say(f"  inventory.get_availability  -> {availability.availability} seats available")
        offer: OfferRequestDict = {
            "seasonCode": item.season_code,
            "itemCode": item.item_code,
            "quantity": 2,
        }
        cart = client.cart.create(policy_code="WEB", body=offer)
        say(f"  cart.create                 -> cart {cart.id}, balance {cart.balance}")
        cart = client.cart.add_offer(cart_id=str(cart.id), policy_code="WEB", body=offer)
        say(f"  cart.add_offer              -> {len(cart.offers)} offers, balance {cart.balance}")
        checkout: CheckoutDict = {
            "patron": None,
            "delivery": {"method": "PAH", "emailAddress": "fan@example.com"},
            "payments": [{"paymentMethod": "V", "amount": cart.balance}],
        }
        cart = client.cart.checkout(cart_id=str(cart.id), policy_code="WEB", body=checkout)
        say(f"  cart.checkout               -> paid {cart.paid}, balance {cart.balance}")
        ticket = client.tickets.print(ticket_id="1234567890123456", policy_code="WEB")
        say(
            f"  tickets.print               -> ticket {ticket.ticket_id}: section {ticket.section} "
            f"row {ticket.row} seat {ticket.seat}, barcode {ticket.barcode}"
        )
