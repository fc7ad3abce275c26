"""`ticketing-codegen drift DIR`: records in, registry additions out, ready to paste, on a small registry."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.drift.paste import parse_blocks, paste
from ticketing_codegen import registry

SHOP = """\
registry: 1
vendors:
  shop:
    title: Shop
    client: ShopClient
    servers: {default: "https://shop.example"}
    credentials: []
    types:
      Color:
        enum: [red, green]
        notes:
          - "The colors of the samples."
      Size:
        enum: [S, M]
        notes: ["Sizes as printed."]
      Item:
        fields:
          id: int
          label:
            type: str
            description: The label.
            notes:
              - "As the vendor writes it."
          color: Color
          size: Size
    operations:
      - name: items.get
        method: GET
        path: /items
        response: {type: Item}
"""


@pytest.fixture
def shop(tmp_path: Path) -> Path:
    path = tmp_path / "endpoints.yaml"
    path.write_text(SHOP)
    return path


def _write(directory: Path, *records: dict[str, Any]) -> Path:
    directory.mkdir(exist_ok=True)
    for number, fields in enumerate(records):
        record = {
            "record": 1,
            "vendor": "shop",
            "operation": "items.get",
            "path": "$",
            "status": 200,
            "first_seen": "2026-11-30T08:00:00Z",
            **fields,
        }
        (directory / f"shop.items.get.{number}.drift.json").write_text(json.dumps(record))
    return directory


def _report(registry_path: Path, directory: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "ticketing_codegen",
            "--registry",
            str(registry_path),
            "drift",
            str(directory),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def _pasted(shop: Path, report: str) -> Any:
    shop.write_text(paste(shop.read_text(), parse_blocks(report)))
    spec, _ = registry.load(shop)
    return spec.vendors["shop"].types


def test_what_the_registry_already_says_is_nothing_to_do(shop: Path, tmp_path: Path) -> None:
    drift = _write(
        tmp_path / "drift",
        {"kind": "unknown_field", "type": "Item", "field": "label", "path": "$.label"},
        {"kind": "unknown_enum_value", "type": "Color", "field": "color", "example": "green"},
    )

    done = _report(shop, drift)

    assert done.returncode == 0, done.stdout + done.stderr
    assert "2 already in endpoints.yaml (nothing to do)" in done.stdout
    assert parse_blocks(done.stdout) == []


def test_the_default_media_type_of_an_operation_is_already_known(
    shop: Path, tmp_path: Path
) -> None:
    # items.get declares no `accept`: it answers application/json, the registry's default.
    drift = _write(
        tmp_path / "drift",
        {"kind": "content_type", "example": "application/json; charset=utf-8"},
    )

    done = _report(shop, drift)

    assert done.returncode == 0, done.stdout + done.stderr
    assert "1 already in endpoints.yaml (nothing to do)" in done.stdout


def test_new_fields_are_optional_typed_from_their_examples_and_noted(
    shop: Path, tmp_path: Path
) -> None:
    drift = _write(
        tmp_path / "drift",
        {"kind": "unknown_field", "type": "Item", "field": "price", "example": 12.5},
        {"kind": "unknown_field", "type": "Item", "field": "tags", "example": ["a", "b"]},
        {"kind": "unknown_field", "type": "Item", "field": "maker", "example": {"name": "x"}},
        {"kind": "unknown_field", "type": "Item", "field": "resetToken", "example": "***"},
        {"kind": "unknown_field", "type": "Item", "field": "stock", "example": 3},
        {"kind": "unknown_field", "type": "Item", "field": "stock", "example": None},
    )

    done = _report(shop, drift)

    assert done.returncode == 1
    types = _pasted(shop, done.stdout)
    fields = types["Item"].fields
    assert {name: fields[name].type for name in ("price", "tags", "maker", "stock")} == {
        "price": "decimal",
        "tags": "list[str]",
        "maker": "any",
        "stock": "int | null",
    }
    assert all(fields[name].optional for name in ("price", "tags", "maker", "stock"))
    assert fields["resetToken"].secret
    assert fields["price"].notes == ["First seen in live traffic on 2026-11-30 (items.get, $)."]


def test_a_field_seen_missing_and_null_becomes_optional_and_nullable_keeping_its_entry(
    shop: Path, tmp_path: Path
) -> None:
    drift = _write(
        tmp_path / "drift",
        {"kind": "missing_field", "type": "Item", "field": "label", "path": "$.label"},
        {"kind": "null", "type": "Item", "field": "label", "path": "$.label"},
        {"kind": "missing_field", "type": "Item", "field": "id", "path": "$.id"},
    )

    done = _report(shop, drift)

    types = _pasted(shop, done.stdout)
    label = types["Item"].fields["label"]
    assert (label.type, label.optional, label.description) == ("str | null", True, "The label.")
    assert label.notes[0] == "As the vendor writes it."
    assert len(label.notes) == 3
    assert types["Item"].fields["id"].optional
    assert types["Item"].fields["color"] == "Color"  # the lines around stay as they were


def test_new_enum_values_join_the_list_with_a_note_in_either_notes_style(
    shop: Path, tmp_path: Path
) -> None:
    drift = _write(
        tmp_path / "drift",
        {"kind": "unknown_enum_value", "type": "Color", "field": "color", "example": "blue"},
        {"kind": "unknown_enum_value", "type": "Color", "field": "color", "example": "true"},
        {"kind": "unknown_enum_value", "type": "Size", "field": "size", "example": "XL"},
    )

    done = _report(shop, drift)

    types = _pasted(shop, done.stdout)
    assert types["Color"].enum == ["red", "green", "blue", "true"]
    assert types["Size"].enum == ["S", "M", "XL"]
    assert types["Color"].notes[0] == "The colors of the samples."
    assert [n.split(" ")[0] for n in types["Color"].notes[1:]] == ["blue", "true"]
    assert types["Size"].notes[0] == "Sizes as printed."
    assert types["Size"].notes[1].startswith("XL first seen in live traffic on 2026-11-30")


def test_what_no_addition_can_say_needs_a_decision(shop: Path, tmp_path: Path) -> None:
    drift = _write(
        tmp_path / "drift",
        {"kind": "wrong_type", "type": "Item", "field": "id", "example": "7", "expected": "int"},
        {"kind": "status", "example": 302},
        {"kind": "undecodable", "example": "<html>"},
    )

    done = _report(shop, drift)

    assert done.returncode == 1
    assert parse_blocks(done.stdout) == []
    assert done.stdout.count("# needs a decision:") == 3
    assert (
        'a value of another JSON type than declared: items.get $ "7", declared int' in done.stdout
    )
