"""A second, independent OpenAPI tool consumes the export: openapi-python-client generates a client from
each vendor's document, and that client makes real calls to the local emulator.

The emulator checks every request against the registry (credential headers, path and query parameters,
list styles), so a call it accepts shows that the document describes the API the way our own client
calls it. Skipped, with the reason, when openapi-python-client is not installed.
"""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
from collections.abc import Iterator
from types import ModuleType
from typing import Any

import pytest

from codegen import openapi
from codegen.emulator import Emulator
from codegen.model import Vendor
from codegen.schema import Registry
from tests.tooling.conftest import ROOT

pytest.importorskip(
    "openapi_python_client",
    reason="openapi-python-client is not installed (pip install -e '.[dev]'): it is the second "
    "OpenAPI tool that must be able to consume the export",
)
pytest.importorskip("httpx", reason="httpx (needed by the client openapi-python-client generates)")

TOKEN = "tok-third-party-test"
PACIOLAN_HEADERS = {
    "PAC-API-Key": "key-third-party-test",
    "PAC-Application-ID": "com.example.third-party",
    "PAC-Channel-Code": "TESTCHAN",
    "PAC-Organization-ID": "999",
    "User-Agent": "ThirdPartyTest/1.0.0",
}


def sample(name: str) -> Any:
    return json.loads((ROOT / "samples" / name).read_text())


@pytest.fixture(scope="module")
def generated(
    packages: list[Vendor], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[dict[str, ModuleType]]:
    """vendor -> the package openapi-python-client generated from our export, imported."""
    root = tmp_path_factory.mktemp("third_party")
    imported: dict[str, ModuleType] = {}
    sys.path.insert(0, str(root))
    try:
        for resolved in packages:
            vendor = resolved.name
            document = root / f"{vendor}.openapi.json"
            document.write_text(openapi.dump(openapi.document(resolved)))
            name = f"{vendor}_from_openapi"
            done = subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "openapi_python_client",
                    "generate",
                    "--path",
                    str(document),
                    "--meta",
                    "none",
                    "--output-path",
                    str(root / name),
                ],
                capture_output=True,
                text=True,
                timeout=300,
                check=False,
            )
            assert done.returncode == 0, done.stdout + done.stderr
            imported[vendor] = importlib.import_module(name)
        yield imported
    finally:
        sys.path.remove(str(root))
        for module in [m for m in sys.modules if m.split(".")[0].endswith("_from_openapi")]:
            del sys.modules[module]


def api(package: ModuleType, operation: str) -> Any:
    """The generated module of one operation (openapi-python-client names it after the operationId)."""
    group, _, name = operation.partition(".")
    return importlib.import_module(f"{package.__name__}.api.{group}.{group}_{name}")


def test_the_tool_generates_a_module_for_every_registry_operation(
    spec: Registry, generated: dict[str, ModuleType]
) -> None:
    for vendor, declared in spec.vendors.items():
        for op in declared.operations:
            module = api(generated[vendor], op.name)
            assert hasattr(module, "sync_detailed"), f"{vendor} {op.name}"


def test_a_paciolan_call_through_the_third_party_client_is_accepted_and_decoded(
    generated: dict[str, ModuleType], emulator: Emulator
) -> None:
    package = generated["paciolan"]
    client = package.Client(
        base_url=emulator.servers("paciolan")["default"], headers=PACIOLAN_HEADERS
    )
    with client:
        response = api(package, "catalog.get_item").sync_detailed(
            season_code="FB16", item_code="FB01", client=client, policy_code="WEB"
        )
    assert emulator.problems == []
    assert emulator.hits("paciolan", "catalog.get_item") == 1
    assert response.status_code == 200
    item = response.parsed
    expected = sample("paciolan/catalog.get_item.json")
    assert (item.code, item.season.code, item.facility.name) == (
        expected["code"],
        expected["season"]["code"],
        expected["facility"]["name"],
    )


def test_a_repeated_list_parameter_goes_out_repeated(
    generated: dict[str, ModuleType], emulator: Emulator
) -> None:
    package = generated["paciolan"]
    client = package.Client(
        base_url=emulator.servers("paciolan")["default"], headers=PACIOLAN_HEADERS
    )
    with client:
        response = api(package, "catalog.list_items").sync_detailed(
            client=client, policy_code="WEB", season_code=["FB16", "BB17"]
        )
    assert emulator.problems == []
    assert response.status_code == 200
    (received,) = emulator.requests
    assert "seasonCode=FB16&seasonCode=BB17" in received.target
    assert len(response.parsed) == len(sample("paciolan/catalog.list_items.json"))


def test_a_1ticket_call_decodes_the_envelope_through_the_third_party_client(
    generated: dict[str, ModuleType], emulator: Emulator
) -> None:
    package = generated["oneticket"]
    client = package.Client(
        base_url=emulator.servers("oneticket")["default"], headers={"x-api-token": TOKEN}
    )
    with client:
        response = api(package, "token.verify").sync_detailed(client=client)
    assert emulator.problems == []
    assert response.status_code == 200
    envelope = response.parsed
    expected = sample("oneticket/token.verify.json")
    assert envelope.result.status == "success"
    assert envelope.output[0].company_name == expected["output"][0]["company_name"]
