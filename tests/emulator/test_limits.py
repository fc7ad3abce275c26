"""The emulator's limits are checked when they are given, not when a request meets them."""

from __future__ import annotations

import math

import pytest

from ticketing_emulator import Limits


@pytest.mark.parametrize(
    "setting",
    [
        {"max_request_body_bytes": 0},
        {"max_request_head_bytes": -1},
        {"max_connections": 0},
        {"journal_max_requests": 0},
        {"journal_max_body_bytes": -1},
        {"idle_timeout": 0},
        {"idle_timeout": math.nan},
        {"request_deadline": -1.0},
    ],
)
def test_a_limit_out_of_range_is_refused(setting: dict[str, float]) -> None:
    with pytest.raises(ValueError, match=next(iter(setting))):
        Limits(**setting)  # type: ignore[arg-type]


def test_the_defaults_are_generous_for_real_use() -> None:
    limits = Limits()

    assert limits.max_request_body_bytes >= 1024 * 1024
    assert limits.idle_timeout >= 10
    assert limits.request_deadline > limits.idle_timeout
