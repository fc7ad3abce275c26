"""The emulator accepts the wire forms the registry decided for issue 12's findings."""

from __future__ import annotations

import pytest

from oneticket import OneTicketClient


@pytest.mark.parametrize("status", ["Active", "active"])
def test_the_emulator_accepts_either_documented_casing_of_a_purchase_status(
    emulated_oneticket: OneTicketClient, status: str
) -> None:
    purchases = emulated_oneticket.purchases.list(status=status)  # type: ignore[arg-type]

    assert len(purchases) == 2
