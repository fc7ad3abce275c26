"""Carts that keep their offers and balance between calls, shaped like Paciolan's.

The registry's `emulator.carts` names the operations that act on carts, by role (create, get, add_offer,
...), and the `template` operation whose sample new carts copy; a vendor without it has no cart state.
Every cart starts as a copy of that cart sample (its offers removed) with a new integer `ID`; each
requested offer is a copy of the sample's first offer with the requested season, item, quantity and seats,
priced like the sample offer. A cart is checked out once: a second checkout of the same cart is a conflict,
which is how a client that retries a checkout shows itself.
"""

from __future__ import annotations

import copy
import itertools
import json
import threading
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any

from ticketing_codegen.model import CART_ROLE_PARAMS, CartRole, CartRoles, Vendor


class CartNotFound(LookupError):
    """No cart (or no offer in it) with that ID."""


class CartConflict(Exception):
    """The cart was checked out already."""


# Cart IDs are ASCII digits, at most this many: `str.isdigit` also accepts "²" (which int() refuses) and
# "٣" (which int() reads as 3), and int() refuses more than 4300 digits.
MAX_ID_DIGITS = 18


def _is_id(text: str) -> bool:
    return text.isascii() and text.isdigit() and len(text) <= MAX_ID_DIGITS


def _money(value: Any) -> Decimal:
    return value if isinstance(value, Decimal) else Decimal(str(value))


class Carts:
    """The carts of one emulator; every method is thread-safe and returns a copy."""

    def __init__(self, template: Mapping[str, Any]) -> None:
        self._template = copy.deepcopy(dict(template))
        offers = self._template.get("offers") or []
        if not offers:
            raise ValueError("the cart sample needs an offer to copy offers from")
        self._offer_template: dict[str, Any] = offers[0]
        self._template["offers"] = []
        quantity = int(self._offer_template["quantity"]) or 1
        # The sample's extended price per unit (unit price plus surcharges) prices every new offer.
        self._unit_extended = _money(self._offer_template["extendedPrice"]) / quantity
        self._lock = threading.Lock()
        self._ids = itertools.count(int(self._template["ID"]) + 1)
        self._carts: dict[int, dict[str, Any]] = {}
        self._checked_out: set[int] = set()

    def clear(self) -> None:
        """Forget every cart; IDs keep counting up, so an old ID never names a new cart."""
        with self._lock:
            self._carts.clear()
            self._checked_out.clear()

    def create(self, offer: Mapping[str, Any]) -> dict[str, Any]:
        with self._lock:
            cart = copy.deepcopy(self._template)
            cart["ID"] = next(self._ids)
            cart["paid"] = 0
            self._carts[cart["ID"]] = cart
            cart["offers"].append(self._offer(offer, sequence=1))
            self._total(cart)
            return copy.deepcopy(cart)

    def get(self, cart_id: str) -> dict[str, Any]:
        with self._lock:
            return copy.deepcopy(self._find(cart_id))

    def add_offer(self, cart_id: str, offer: Mapping[str, Any]) -> dict[str, Any]:
        with self._lock:
            cart = self._open(cart_id)
            sequence = max((o["sequence"] for o in cart["offers"]), default=0) + 1
            cart["offers"].append(self._offer(offer, sequence))
            self._total(cart)
            return copy.deepcopy(cart)

    def update_offer(
        self, cart_id: str, offer_id: str, changes: Mapping[str, Any]
    ) -> dict[str, Any]:
        with self._lock:
            cart = self._open(cart_id)
            offer = self._find_offer(cart, offer_id)
            if "itemCode" in changes:
                offer["itemCode"] = offer["event"]["code"] = changes["itemCode"]
            return copy.deepcopy(cart)

    def remove_offer(self, cart_id: str, offer_id: str) -> dict[str, Any]:
        with self._lock:
            cart = self._open(cart_id)
            cart["offers"].remove(self._find_offer(cart, offer_id))
            self._total(cart)
            return copy.deepcopy(cart)

    def checkout(self, cart_id: str) -> dict[str, Any]:
        with self._lock:
            cart = self._open(cart_id)
            cart["paid"] = cart["value"]
            cart["balance"] = Decimal(0)
            self._checked_out.add(cart["ID"])
            return copy.deepcopy(cart)

    def delete(self, cart_id: str) -> None:
        with self._lock:
            cart = self._find(cart_id)
            del self._carts[cart["ID"]]

    # -- inside the lock ----------------------------------------------------------------------

    def _find(self, cart_id: str) -> dict[str, Any]:
        cart = self._carts.get(int(cart_id)) if _is_id(cart_id) else None
        if cart is None:
            raise CartNotFound(f"no cart {cart_id}")
        return cart

    def _open(self, cart_id: str) -> dict[str, Any]:
        cart = self._find(cart_id)
        if cart["ID"] in self._checked_out:
            raise CartConflict(f"cart {cart_id} was checked out already")
        return cart

    @staticmethod
    def _find_offer(cart: Mapping[str, Any], offer_id: str) -> dict[str, Any]:
        for offer in cart["offers"]:
            if str(offer["sequence"]) == offer_id:
                found: dict[str, Any] = offer
                return found
        raise CartNotFound(f"cart {cart['ID']} has no offer {offer_id}")

    def _offer(self, request: Mapping[str, Any], sequence: int) -> dict[str, Any]:
        offer = copy.deepcopy(self._offer_template)
        quantity = int(request["quantity"])
        seats = request.get("seats") or []
        offer.update(
            sequence=sequence,
            quantity=quantity,
            allocatedQuantity=len(seats),
            printedQuantity=0,
            seasonCode=request["seasonCode"],
            itemCode=request["itemCode"],
            extendedPrice=self._unit_extended * quantity,
        )
        for key in (
            "markCode",
            "referralSource",
            "referralData",
            "associatedCustomer",
            "willCallCustomer",
        ):
            offer[key] = request.get(key, offer[key])
        offer["note"] = request.get("note")
        offer["itemPriority"] = request.get("itemPriority", offer["itemPriority"])
        offer["event"]["code"] = request["itemCode"]
        # Every field of a requested seat may be left out (OfferSeat is optional throughout).
        offer["event"]["seats"] = [
            {
                "section": seat.get("section", ""),
                "row": seat.get("row", ""),
                "seat": seat.get("seat", ""),
                "sequence": index,
            }
            for index, seat in enumerate(seats, start=1)
        ]
        return offer

    @staticmethod
    def _total(cart: dict[str, Any]) -> None:
        value = sum((_money(o["extendedPrice"]) for o in cart["offers"]), Decimal(0)) + sum(
            (_money(c["chargeAmount"]) for c in cart["charges"]), Decimal(0)
        )
        cart["value"] = value
        cart["balance"] = value - _money(cart["paid"])


# What each cart role (a field of the registry's `emulator.carts`) does to the carts; the path parameters
# each one reads are `ticketing_codegen.model.CART_ROLE_PARAMS` (checked by the resolver). The answer is the JSON
# payload (None: no content).
_Action = Callable[[Carts, Mapping[str, str], Any], Any]
ACTIONS: dict[CartRole, _Action] = {
    "create": lambda carts, path, body: carts.create(body),
    "get": lambda carts, path, body: carts.get(path["cart_id"]),
    "add_offer": lambda carts, path, body: carts.add_offer(path["cart_id"], body),
    "update_offer": lambda carts, path, body: carts.update_offer(
        path["cart_id"], path["offer_id"], body
    ),
    "replace_offer": lambda carts, path, body: carts.update_offer(
        path["cart_id"], path["offer_id"], body
    ),
    "remove_offer": lambda carts, path, body: carts.remove_offer(path["cart_id"], path["offer_id"]),
    "checkout": lambda carts, path, body: carts.checkout(path["cart_id"]),
    "delete": lambda carts, path, body: carts.delete(path["cart_id"]),
}
assert set(ACTIONS) == set(CART_ROLE_PARAMS)


class CartFlow:
    """Answers one vendor's cart operations from `Carts` instead of the samples, as its registry says."""

    def __init__(self, facts: CartRoles, template_sample: bytes) -> None:
        """`template_sample`: the response sample of the operation new carts copy."""
        self._roles = facts.roles
        self.carts = Carts(json.loads(template_sample, parse_float=Decimal))

    @classmethod
    def for_vendors(
        cls, vendors: list[Vendor], samples: Mapping[tuple[str, str], bytes]
    ) -> dict[str, CartFlow]:
        """The flow of every vendor whose registry entry names cart operations (`emulator.carts`)."""
        flows: dict[str, CartFlow] = {}
        for vendor in vendors:
            facts = vendor.emulator.carts if vendor.emulator is not None else None
            if facts is not None:
                flows[vendor.name] = cls(facts, samples[(vendor.name, facts.template)])
        return flows

    def handles(self, operation: str) -> bool:
        return operation in self._roles

    def answer(self, operation: str, path_params: Mapping[str, str], body: Any) -> Any:
        """The JSON payload of the answer (None: no content); raises `CartNotFound`, `CartConflict`."""
        return ACTIONS[self._roles[operation]](self.carts, path_params, body)

    def clear(self) -> None:
        self.carts.clear()
