"""Echoes, stateful carts and the JSON part of multipart answers come from the registry's `emulator:`."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import yaml

from paciolan import MultipartDocument, PaciolanClient
from tests.conftest import sample_path
from tests.local_server import PACIOLAN_HEADERS, send_json
from ticketing_codegen.registry import RegistryError
from ticketing_emulator import DEFAULT_REGISTRY, Emulator, running

POLICY = "WEB"
OFFER = {"seasonCode": "F19", "itemCode": "F01", "quantity": 1}
# libyaml when available: the pure-Python parser takes most of a second on the registry.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def _registry(tmp_path: Path, change: Callable[[dict[str, Any]], None]) -> Path:
    """A copy of the registry (sharing its samples) with Paciolan's entry changed."""
    data = yaml.load(DEFAULT_REGISTRY.read_text(encoding="utf-8"), Loader=_LOADER)
    change(data["vendors"]["paciolan"])
    path = tmp_path / "endpoints.yaml"
    path.write_text(yaml.dump(data, Dumper=_DUMPER, sort_keys=False), encoding="utf-8")
    (tmp_path / "samples").symlink_to(DEFAULT_REGISTRY.parent / "samples")
    return path


def _without_section(vendor: dict[str, Any]) -> None:
    del vendor["emulator"]


def _facts(**facts: Any) -> Callable[[dict[str, Any]], None]:
    def change(vendor: dict[str, Any]) -> None:
        vendor["emulator"] = facts

    return change


@contextmanager
def _paciolan(registry: Path) -> Iterator[tuple[Emulator, PaciolanClient]]:
    with (
        running(registry=registry) as emulator,
        PaciolanClient(
            api_key="key-facts",
            application_id="com.example.facts",
            channel_code="FACTS",
            organization_id=999,
            user_agent="FactsTests/1.0.0",
            servers=emulator.servers("paciolan"),
            max_retries=0,
        ) as client,
    ):
        yield emulator, client


def _sample(name: str) -> Any:
    return json.loads(sample_path("paciolan", name).read_text(encoding="utf-8"))


def test_without_the_section_a_cart_get_answers_the_plain_sample(tmp_path: Path) -> None:
    with _paciolan(_registry(tmp_path, _without_section)) as (_, paciolan):
        cart = paciolan.cart.get(cart_id="999999999", policy_code=POLICY)

    assert cart.id == _sample("cart.get")["ID"]


def test_without_the_section_the_echo_answers_the_plain_sample(tmp_path: Path) -> None:
    with _paciolan(_registry(tmp_path, _without_section)) as (_, paciolan):
        echoed = paciolan.util.echo(body={"hello": "world"})

    assert echoed is None  # the vendor's sample is `null`


def test_without_the_section_the_multipart_json_part_is_the_whole_sample(tmp_path: Path) -> None:
    with _paciolan(_registry(tmp_path, _without_section)) as (_, paciolan):
        document = paciolan.tickets.print(ticket_id="1", media_type="application/pdf")

    assert isinstance(document, MultipartDocument)
    assert document.json == _sample("tickets.print")


def test_the_operation_the_registry_names_is_the_one_that_echoes(tmp_path: Path) -> None:
    registry = _registry(tmp_path, _facts(echo=["cart.create"]))
    with _paciolan(registry) as (emulator, paciolan):
        url = f"{emulator.servers('paciolan')['default']}/cart?policyCode={POLICY}"
        reply = send_json(url, "POST", OFFER, PACIOLAN_HEADERS)
        echoed = paciolan.util.echo(body={"hello": "world"})

    assert (reply.status, reply.json()) == (200, OFFER)
    assert echoed is None


def test_the_multipart_json_part_keeps_the_fields_the_registry_names(tmp_path: Path) -> None:
    registry = _registry(tmp_path, _facts(multipart_json_fields=["ticketID", "barcode"]))
    with _paciolan(registry) as (_, paciolan):
        document = paciolan.tickets.print(ticket_id="1", media_type="application/pdf")

    assert isinstance(document, MultipartDocument)
    sample = _sample("tickets.print")
    assert document.json == {"ticketID": sample["ticketID"], "barcode": sample["barcode"]}


@pytest.mark.parametrize(
    ("facts", "named"),
    [
        ({"echo": ["util.echoo"]}, "util.echoo"),
        ({"carts": {"template": "cart.get", "checkout": "cart.check_out"}}, "cart.check_out"),
        ({"carts": {"template": "cart.gets"}}, "cart.gets"),
    ],
    ids=["echo", "cart role", "cart template"],
)
def test_an_undeclared_operation_in_the_section_is_refused(
    tmp_path: Path, facts: dict[str, Any], named: str
) -> None:
    registry = _registry(tmp_path, _facts(**facts))

    with pytest.raises(RegistryError, match=f"operation `{named}` is not declared"):
        Emulator(registry)
