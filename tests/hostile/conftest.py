"""Clients of both vendors pointed at a hostile server."""

from __future__ import annotations

from typing import Any

from oneticket import OneTicketClient
from paciolan import PaciolanClient
from tests.conftest import ONETICKET_TOKEN, PACIOLAN_KEY


def paciolan_at(url: str, **options: Any) -> PaciolanClient:
    options.setdefault("max_retries", 0)
    return PaciolanClient(
        api_key=PACIOLAN_KEY,
        application_id="com.example.hostile",
        channel_code="HOSTILE",
        organization_id=999,
        user_agent="HostileTests/1.0.0",
        base_url=url,
        **options,
    )


def oneticket_at(url: str, **options: Any) -> OneTicketClient:
    options.setdefault("max_retries", 0)
    return OneTicketClient(api_token=ONETICKET_TOKEN, base_url=url, **options)
