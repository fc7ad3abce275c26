"""Paciolan carts keep their offers and balance between calls; a cart is checked out once."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal
from urllib.parse import quote

import pytest

from paciolan import PaciolanClient
from paciolan.errors import ApiConnectionError, ConflictError, NotFoundError
from tests.local_server import PACIOLAN_HEADERS, send
from ticketing_emulator import Emulator

POLICY = "WEB"
SEAT = {"section": "A:A", "row": "7", "seat": "1"}
FIRST = {"seasonCode": "F19", "itemCode": "F01", "quantity": 1, "seats": [SEAT]}
SECOND = {"seasonCode": "F19", "itemCode": "F02", "quantity": 2}
CHECKOUT = {"patron": None, "delivery": {"method": "PAH"}}
# The sample offer: 52 per unit (unit price 40 plus a 12 surcharge); the sample cart: a 2 order charge.
PER_UNIT = Decimal(52)
ORDER_CHARGE = Decimal(2)


def test_the_purchase_flow_from_cart_to_printed_ticket(emulated_paciolan: PaciolanClient) -> None:
    cart = emulated_paciolan.cart.create(policy_code=POLICY, body=FIRST)
    cart_id = str(cart.id)
    emulated_paciolan.cart.add_offer(cart_id=cart_id, policy_code=POLICY, body=SECOND)

    kept = emulated_paciolan.cart.get(cart_id=cart_id, policy_code=POLICY)
    assert [(o.item_code, o.quantity) for o in kept.offers] == [("F01", 1), ("F02", 2)]
    assert kept.balance == 3 * PER_UNIT + ORDER_CHARGE

    paid = emulated_paciolan.cart.checkout(cart_id=cart_id, policy_code=POLICY, body=CHECKOUT)
    assert (paid.balance, paid.paid) == (Decimal(0), kept.value)

    with pytest.raises(ConflictError) as second:
        emulated_paciolan.cart.checkout(cart_id=cart_id, policy_code=POLICY, body=CHECKOUT)
    assert second.value.status == 409

    ticket = emulated_paciolan.tickets.print(ticket_id="1234567890123456", policy_code=POLICY)
    assert ticket.ticket_id

    emulated_paciolan.cart.delete(cart_id=cart_id, policy_code=POLICY)
    with pytest.raises(NotFoundError):
        emulated_paciolan.cart.get(cart_id=cart_id, policy_code=POLICY)


def test_a_new_cart_has_a_new_id_and_the_requested_offer(emulated_paciolan: PaciolanClient) -> None:
    first = emulated_paciolan.cart.create(policy_code=POLICY, body=FIRST)
    second = emulated_paciolan.cart.create(policy_code=POLICY, body=SECOND)

    assert first.id != second.id
    assert [(o.season_code, o.item_code, o.quantity) for o in second.offers] == [("F19", "F02", 2)]
    assert second.value == 2 * PER_UNIT + ORDER_CHARGE


def test_the_requested_seats_are_in_the_offer(emulated_paciolan: PaciolanClient) -> None:
    cart = emulated_paciolan.cart.create(policy_code=POLICY, body=FIRST)

    (seat,) = cart.offers[0].event.seats
    assert (seat.section, seat.row, seat.seat) == ("A:A", "7", "1")


def test_an_added_offer_gets_the_next_sequence(emulated_paciolan: PaciolanClient) -> None:
    cart = emulated_paciolan.cart.create(policy_code=POLICY, body=FIRST)

    updated = emulated_paciolan.cart.add_offer(
        cart_id=str(cart.id), policy_code=POLICY, body=SECOND
    )

    assert [o.sequence for o in updated.offers] == [1, 2]


def test_a_removed_offer_leaves_the_cart_and_its_balance(emulated_paciolan: PaciolanClient) -> None:
    cart = emulated_paciolan.cart.create(policy_code=POLICY, body=FIRST)
    emulated_paciolan.cart.add_offer(cart_id=str(cart.id), policy_code=POLICY, body=SECOND)

    updated = emulated_paciolan.cart.remove_offer(
        cart_id=str(cart.id), offer_id="1", policy_code=POLICY
    )

    assert [o.item_code for o in updated.offers] == ["F02"]
    assert updated.balance == 2 * PER_UNIT + ORDER_CHARGE


def test_carts_do_not_share_offers(emulated_paciolan: PaciolanClient) -> None:
    first = emulated_paciolan.cart.create(policy_code=POLICY, body=FIRST)
    second = emulated_paciolan.cart.create(policy_code=POLICY, body=FIRST)

    emulated_paciolan.cart.add_offer(cart_id=str(first.id), policy_code=POLICY, body=SECOND)

    assert len(emulated_paciolan.cart.get(cart_id=str(second.id), policy_code=POLICY).offers) == 1


def test_an_unknown_cart_is_not_found(emulated_paciolan: PaciolanClient) -> None:
    with pytest.raises(NotFoundError) as raised:
        emulated_paciolan.cart.get(cart_id="999999999", policy_code=POLICY)

    assert b"no cart 999999999" in raised.value.body


def test_a_checked_out_cart_takes_no_more_offers(emulated_paciolan: PaciolanClient) -> None:
    cart = emulated_paciolan.cart.create(policy_code=POLICY, body=FIRST)
    emulated_paciolan.cart.checkout(cart_id=str(cart.id), policy_code=POLICY, body=CHECKOUT)

    with pytest.raises(ConflictError):
        emulated_paciolan.cart.add_offer(cart_id=str(cart.id), policy_code=POLICY, body=SECOND)


def test_a_checkout_that_reached_the_server_is_recorded_once(
    emulator: Emulator, emulated_paciolan: PaciolanClient
) -> None:
    # The answer is lost (connection dropped after the request was read), yet the cart is paid: a client
    # that sends the checkout again gets 409, which is how a retried checkout shows up.
    cart = emulated_paciolan.cart.create(policy_code=POLICY, body=FIRST)
    emulator.inject("cart.checkout", vendor="paciolan", drop="after_read")
    with pytest.raises(ApiConnectionError):
        emulated_paciolan.cart.checkout(cart_id=str(cart.id), policy_code=POLICY, body=CHECKOUT)

    with pytest.raises(ConflictError):
        emulated_paciolan.cart.checkout(cart_id=str(cart.id), policy_code=POLICY, body=CHECKOUT)


def test_reset_forgets_every_cart(emulator: Emulator, emulated_paciolan: PaciolanClient) -> None:
    cart = emulated_paciolan.cart.create(policy_code=POLICY, body=FIRST)

    emulator.reset()

    with pytest.raises(NotFoundError):
        emulated_paciolan.cart.get(cart_id=str(cart.id), policy_code=POLICY)


def test_carts_created_at_once_from_many_threads_get_distinct_ids(
    emulated_paciolan: PaciolanClient,
) -> None:
    with ThreadPoolExecutor(max_workers=8) as pool:
        carts = list(
            pool.map(
                lambda _: emulated_paciolan.cart.create(policy_code=POLICY, body=FIRST), range(32)
            )
        )

    assert len({cart.id for cart in carts}) == 32


@pytest.mark.parametrize("cart_id", ["²", "¹²", "9" * 5000, "-1", "+1", " 1"])
def test_a_cart_id_that_is_not_ascii_digits_is_not_found(emulator: Emulator, cart_id: str) -> None:
    url = emulator.servers("paciolan")["default"] + f"/cart/{quote(cart_id)}?policyCode={POLICY}"

    reply = send(url, headers=PACIOLAN_HEADERS)

    assert reply.status == 404


def test_the_id_of_a_cart_in_other_digits_is_not_that_cart(
    emulator: Emulator, emulated_paciolan: PaciolanClient
) -> None:
    cart = emulated_paciolan.cart.create(policy_code=POLICY, body=FIRST)
    arabic_indic = str(cart.id).translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))
    url = emulator.servers("paciolan")["default"] + f"/cart/{quote(arabic_indic)}?policyCode=WEB"

    reply = send(url, headers=PACIOLAN_HEADERS)

    assert reply.status == 404


def test_a_body_sent_to_an_operation_that_declares_none_is_ignored(
    emulator: Emulator, emulated_paciolan: PaciolanClient
) -> None:
    cart = emulated_paciolan.cart.create(policy_code=POLICY, body=FIRST)
    url = emulator.servers("paciolan")["default"] + f"/cart/{cart.id}?policyCode={POLICY}"

    reply = send(url, "DELETE", headers=PACIOLAN_HEADERS, body=b"\xff not JSON")

    assert reply.status == 204
