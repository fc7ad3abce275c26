# Generated from endpoints.yaml (sha256 3750acddfbb35d332c19e57261e2fb4db0cd75297ec40220e5e2d195ab230ba7) by `ticketing-codegen generate`. Do not edit.
"""Query helpers: a typed builder for the `q` text of `sales.query`, and date comparisons.

    client.sales.query(query=SalesQuery(status="unfulfilled", marketplace="stubhub", next_days=3))
    on_or_after(dt.date(2018, 6, 15))  # a date filter: ">=" and the date in the vendor's format

The vendor's table of query options is missing from its document; the builder covers the terms the document
shows. Anything else can still be passed as a plain string.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from .errors import ArgumentError

# How the vendor writes a date in a query.
DATE_FORMAT = "%m/%d/%Y"

Status = Literal["unfulfilled", "unfilled"]
Marketplace = Literal[
    "stubhub",
    "ticketnetwork",
    "tnow",
    "vivid",
    "viagogo",
    "fanxchange",
    "tickpick",
    "gametime",
    "seatsmart",
    "premiumseatsusa",
    "seatgeek",
    "agora",
]

STATUSES: frozenset[str] = frozenset(["unfulfilled", "unfilled"])
MARKETPLACES: frozenset[str] = frozenset(
    [
        "stubhub",
        "ticketnetwork",
        "tnow",
        "vivid",
        "viagogo",
        "fanxchange",
        "tickpick",
        "gametime",
        "seatsmart",
        "premiumseatsusa",
        "seatgeek",
        "agora",
    ]
)


class SalesQuery:
    """The `q` text of `sales.query`, built from typed terms: `str(query)` is what is sent."""

    __slots__ = ("extra", "marketplace", "next_days", "status")
    # Declared here for type checkers (pyright --verifytypes counts undeclared attributes as ambiguous).
    status: Status | None
    marketplace: Marketplace | None
    next_days: int | None
    extra: str

    def __init__(
        self,
        *,
        status: Status | None = None,
        marketplace: Marketplace | None = None,
        next_days: int | None = None,
        extra: str = "",
    ) -> None:
        if status is not None and status not in STATUSES:
            raise ArgumentError(f"status must be one of {sorted(STATUSES)}, got {status!r}")
        if marketplace is not None and marketplace not in MARKETPLACES:
            raise ArgumentError(
                f"marketplace must be one of {sorted(MARKETPLACES)}, got {marketplace!r}"
            )
        if next_days is not None and (isinstance(next_days, bool) or next_days < 1):
            raise ArgumentError(f"next_days must be a positive number of days, got {next_days!r}")
        if not (status or marketplace or next_days or extra.strip()):
            raise ArgumentError("a SalesQuery needs at least one term")
        self.status = status
        self.marketplace = marketplace
        self.next_days = next_days
        self.extra = extra.strip()

    def __str__(self) -> str:
        terms: list[str | None] = [self.status, self.marketplace]
        if self.next_days is not None:
            terms.append(f"next {self.next_days} days")
        terms.append(self.extra)
        return " ".join(term for term in terms if term)

    def __repr__(self) -> str:
        return f"SalesQuery({str(self)!r})"


def on_or_after(day: dt.date) -> str:
    """A date filter matching this day and later (`>=` + the vendor's date format)."""
    return ">=" + day.strftime(DATE_FORMAT)


def on_or_before(day: dt.date) -> str:
    """A date filter matching this day and earlier (`<=` + the vendor's date format)."""
    return "<=" + day.strftime(DATE_FORMAT)
