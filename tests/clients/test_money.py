"""Decoded models and export rows refuse the same amounts of money.

Models check money in `check_money` (on every decoded model, so the rule is written out there for speed),
export rows in `read_money` (through `is_sensible`): one rule, two spellings, held equal here over finite
amounts of any size and the special values.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from paciolan._money import check_money, read_money

SPECIAL = ["NaN", "-NaN", "sNaN", "Infinity", "-Infinity", "0", "-0", "0E-999999", "0E+999999"]

# Coefficients and exponents from ordinary prices to absurd ones; both sides of the limits.
amounts = st.builds(
    lambda digits, exponent: Decimal(f"{digits}E{exponent}"),
    st.integers(-(10**40), 10**40),
    st.integers(-(10**7), 10**7) | st.integers(-40, 40),
) | st.sampled_from([Decimal(text) for text in SPECIAL])


class _Holder:
    def __init__(self, amount: Decimal) -> None:
        self.amount = amount


def _model_refuses(amount: Decimal) -> bool:
    try:
        check_money(_Holder(amount), ("amount",))
    except ValueError:
        return True
    return False


def _row_refuses(amount: Decimal) -> bool:
    try:
        read_money(str(amount))
    except ValueError:
        return True
    return False


@given(amounts)
@example(Decimal("1E29"))
@example(Decimal("9.99E29"))
@example(Decimal("1E30"))
@example(Decimal("1E-29"))
@example(Decimal("1E-30"))
def test_models_and_export_rows_refuse_the_same_amounts(amount: Decimal) -> None:
    assert _model_refuses(amount) == _row_refuses(amount)


@pytest.mark.parametrize(
    ("text", "refused"),
    [
        ("54.10", False),
        ("1E29", False),
        ("1E30", True),
        ("1E-29", False),
        ("1E-30", True),
        ("0", False),
        ("0E-999999", True),  # zero, but written with an absurd exponent,
        ("NaN", True),
        ("-Infinity", True),
    ],
)
def test_the_limits(text: str, refused: bool) -> None:
    assert _model_refuses(Decimal(text)) is refused
