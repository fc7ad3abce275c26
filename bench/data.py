"""The large inputs, scaled up from the vendors' samples: a 60,000-seat manifest, 5,000 purchases."""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.measure import ROOT

SAMPLES = ROOT / "samples"
TICKET_ID = "1234567890123456"

# 4 price levels x 3 areas x 5 sections x 25 rows x 40 seats.
MANIFEST_SHAPE = (4, 3, 5, 25, 40)
MANIFEST_SEATS = 60_000
PURCHASES = 5_000

_ROW_NAMES = [chr(ord("A") + i) for i in range(26)]
_EVENTS = [
    ("Sugarland", "Smart Financial Centre"),
    ("Hamilton", "Hobby Center"),
    ("Astros vs Rangers", "Minute Maid Park"),
    ("Houston Symphony", "Jones Hall"),
]


@dataclass(frozen=True)
class Inputs:
    manifest: bytes
    purchases: bytes
    ticket: bytes  # the ~1 KB response of `tickets.get`

    def write(self, directory: Path) -> dict[str, Path]:
        """The inputs as files, for child processes."""
        paths = {}
        for name in ("manifest", "purchases", "ticket"):
            path = directory / f"{name}.json"
            path.write_bytes(getattr(self, name))
            paths[name] = path
        return paths


def _sample(vendor: str, name: str) -> Any:
    return json.loads((SAMPLES / vendor / f"{name}.json").read_bytes())


def _compact(value: Any) -> bytes:
    return json.dumps(value, separators=(",", ":")).encode()


def manifest(shape: tuple[int, int, int, int, int] = MANIFEST_SHAPE) -> dict[str, Any]:
    """The sample manifest with more price levels, areas, sections, rows and seats."""
    sample = _sample("paciolan", "manifest.get")
    level_t = sample["priceLevels"][0]
    area_t = level_t["areas"][0]
    section_t = area_t["sections"][0]
    row_t = section_t["rows"][0]
    seat_t = row_t["seats"][0]
    levels_n, areas_n, sections_n, rows_n, seats_n = shape
    levels = []
    for level in range(levels_n):
        areas = []
        for area in range(areas_n):
            sections = []
            for section in range(sections_n):
                number = (level * areas_n + area) * sections_n + section + 100
                rows = []
                for row in range(rows_n):
                    seats = [
                        {
                            **seat_t,
                            "index": seat + 1,
                            "label": str(2 * seat + 1),
                            "isAisle": seat in (0, seats_n - 1),
                            "gate": str(section % 4 + 1),
                            "isAccessible": row == 0 and seat < 4,
                        }
                        for seat in range(seats_n)
                    ]
                    rows.append(
                        {
                            **row_t,
                            "row": _ROW_NAMES[row % 26] * (1 + row // 26),
                            "rating": row % 3,
                            "fillDirection": "LEFT" if row % 2 == 0 else "RIGHT",
                            "seats": seats,
                        }
                    )
                sections.append(
                    {
                        **section_t,
                        "section": f"U:{number}",
                        "sectionName": f"Section {number}",
                        "rows": rows,
                    }
                )
            areas.append(
                {
                    **area_t,
                    "code": f"A{level}{area}",
                    "name": f"Area {level}-{area}",
                    "capacity": sections_n * rows_n * seats_n,
                    "seatValue": 125 - 12.5 * level - 2.5 * area,
                    "sections": sections,
                }
            )
        levels.append(
            {
                **level_t,
                "priceLevel": level + 1,
                "priceLevelName": f"Level {level + 1}",
                "capacity": areas_n * sections_n * rows_n * seats_n,
                "areas": areas,
            }
        )
    return {
        **sample,
        "capacity": levels_n * areas_n * sections_n * rows_n * seats_n,
        "priceLevels": levels,
    }


def purchases(count: int = PURCHASES) -> dict[str, Any]:
    """The sample purchase list (one envelope, one page) with `count` purchases."""
    sample = _sample("oneticket", "purchases.list")
    templates = sample["output"][0]["purchases"]
    items = []
    for i in range(count):
        purchase = copy.deepcopy(templates[i % len(templates)])
        name, venue = _EVENTS[i % len(_EVENTS)]
        day = i % 28 + 1
        purchase["rid"] = 17_000_000 + i
        purchase["event"].update(
            name=name,
            venue=venue,
            datetime=f"7/{day}/2018 7:00:00 PM",
            eventid_1ticket=f"{i:032X}",
        )
        receipt = purchase["receipt"]
        confirmation = f"{2_700_000 + i}-{1_234_567 + i}"
        receipt.update(
            confirmation_number=confirmation,
            confrmation_number_1ticket=confirmation,
            cost_group=f"{60 + i % 40}.{i % 100:02d}",
            purchasedate=f"6/{day}/2018",
        )
        purchase["items"].update(
            section=str(300 + i % 30),
            seat_first=str(1 + i % 20),
            seat_last=str(2 + i % 20),
        )
        purchase["datelastseen"] = purchase["datefirstseen"] = f"6/{day}/2018 7:55:41 PM"
        items.append(purchase)
    return {"result": sample["result"], "output": [{"purchases": items}]}


def build() -> Inputs:
    ticket = (SAMPLES / "paciolan" / "tickets.get.json").read_bytes()
    return Inputs(manifest=_compact(manifest()), purchases=_compact(purchases()), ticket=ticket)


def size(data: bytes) -> str:
    return f"{len(data) / 1e6:.1f} MB" if len(data) >= 100_000 else f"{len(data):,} bytes"
