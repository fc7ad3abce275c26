"""`python -m codegen demo`: both generated clients, working against the local emulator.

Starts the emulator on a free port, runs a short flow per vendor through the real clients over HTTP, prints
what happened in a few readable lines, and stops the emulator.
"""

from __future__ import annotations

from collections.abc import Callable

from codegen.emulator import Emulator, running


def main(say: Callable[[str], None] = print) -> int:
    with running() as emulator:
        say(f"emulator listening on {emulator.url}")
        oneticket_flow(emulator, say)
        paciolan_flow(emulator, say)
    say("emulator stopped")
    return 0


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
        offer = {"seasonCode": item.season_code, "itemCode": item.item_code, "quantity": 2}
        cart = client.cart.create(policy_code="WEB", body=offer)
        say(f"  cart.create                 -> cart {cart.id}, balance {cart.balance}")
        cart = client.cart.add_offer(cart_id=str(cart.id), policy_code="WEB", body=offer)
        say(f"  cart.add_offer              -> {len(cart.offers)} offers, balance {cart.balance}")
        checkout = {
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
