# Generated from endpoints.yaml (sha256 3750acddfbb35d332c19e57261e2fb4db0cd75297ec40220e5e2d195ab230ba7) by `ticketing-codegen generate`. Do not edit.
"""Money a vendor could send: finite, and neither enormous nor infinitesimal.

`Decimal` reads NaN, infinities and exponents in the millions without complaint, and arithmetic on them
later fails or takes minutes: in a body they mean corruption or hostility. Decoded models check their
money fields when built; export rows check each distinct cell text once, when it is read.
"""

from __future__ import annotations

from decimal import Decimal

# Money of 10**30 or more, or below 10**-30 (other than 0), is no amount any vendor sends.
MONEY_DIGITS = 30


def is_sensible(value: Decimal) -> bool:
    return value.is_finite() and -MONEY_DIGITS < value.adjusted() < MONEY_DIGITS


def check_money(obj: object, names: tuple[str, ...]) -> None:
    """Refuse NaN, infinities and absurd exponents in money (msgspec reports it as a decode error).

    Runs on every decoded model with money, so it stays cheap: no `as_tuple()`, and `is_sensible`
    written out in the loop (a call per amount was a third of a decoded `Ticket`'s money check; a
    test holds the two the same).
    """
    for name in names:
        value = getattr(obj, name)
        if value.__class__ is Decimal and not (
            value.is_finite() and -MONEY_DIGITS < value.adjusted() < MONEY_DIGITS
        ):
            raise ValueError(f"`{name}` is not a sensible amount of money: {str(value)[:40]}")


def read_money(text: str) -> Decimal:
    """A money cell of a file; `decimal.InvalidOperation` for no number, ValueError for no amount."""
    value = Decimal(text)
    if not is_sensible(value):
        raise ValueError(f"not a sensible amount of money: {text[:40]}")
    return value
