"""A second, independent OpenAPI tool consumes the export: openapi-python-client generates a client from
each vendor's document with the tool's default settings (a full project), pip builds and installs it,
and that client makes real calls to the local emulator, errors included.

The emulator checks every request against the registry (credential headers, path and query parameters,
list styles), so a call it accepts shows that the document describes the API the way our own client
calls it. Skipped, with the reason, when openapi-python-client is not installed.
"""

from __future__ import annotations

import importlib
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from email import message_from_string
from email.message import Message
from importlib import metadata
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from tests.tooling.conftest import ROOT
from ticketing_codegen import openapi
from ticketing_codegen.model import Vendor
from ticketing_codegen.schema import Registry
from ticketing_emulator import Emulator

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


def _generate_and_install(document: Path, project: Path, site: Path) -> None:
    """openapi-python-client with its DEFAULT settings (a full project, its post-generation hooks),
    then the project built and installed by pip, as a user of the document would."""
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    generate = [sys.executable, "-m", "openapi_python_client", "generate"]
    done = subprocess.run(
        [*generate, "--path", str(document), "--output-path", str(project)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        env=env,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    # --no-deps: the dependencies must already be here (test_..._dependencies_are_satisfied_here).
    install = [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(site)]
    done = subprocess.run(
        [*install, str(project)], capture_output=True, text=True, timeout=300, check=False, env=env
    )
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.fixture(scope="module")
def installed(packages: list[Vendor], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """vendor -> the site directory the generated project was pip-installed into."""
    root = tmp_path_factory.mktemp("third_party")
    sites: dict[str, Path] = {}
    for resolved in packages:
        document = root / f"{resolved.name}.openapi.json"
        document.write_text(openapi.dump(openapi.document(resolved)))
        site = root / f"{resolved.name}-site"
        _generate_and_install(document, root / f"{resolved.name}-project", site)
        sites[resolved.name] = site
    return sites


@pytest.fixture(scope="module")
def generated(installed: dict[str, Path]) -> Iterator[dict[str, ModuleType]]:
    """vendor -> the installed package, imported."""
    imported: dict[str, ModuleType] = {}
    for site in installed.values():
        sys.path.insert(0, str(site))
    try:
        for vendor, site in installed.items():
            (top_level,) = [p.name for p in site.iterdir() if (p / "__init__.py").exists()]
            imported[vendor] = importlib.import_module(top_level)
        yield imported
    finally:
        for site in installed.values():
            sys.path.remove(str(site))
        names = {m.__name__ for m in imported.values()}
        for module in [m for m in sys.modules if m.split(".")[0] in names]:
            del sys.modules[module]


def _metadata(site: Path) -> Message:
    (distribution,) = site.glob("*.dist-info")
    return message_from_string((distribution / "METADATA").read_text())


def test_the_projects_install_under_the_registry_version(
    spec: Registry, installed: dict[str, Path]
) -> None:
    for vendor, declared in spec.vendors.items():
        assert _metadata(installed[vendor])["Version"] == declared.version


def test_the_projects_dependencies_are_satisfied_here(installed: dict[str, Path]) -> None:
    from packaging.requirements import Requirement

    for site in installed.values():
        for line in _metadata(site).get_all("Requires-Dist") or []:
            # Poetry writes `name (>=1,<2)`; packaging wants `name>=1,<2`.
            requirement = Requirement(line.replace(" (", "").replace(")", ""))
            version = metadata.version(requirement.name)
            assert requirement.specifier.contains(version, prereleases=True), (line, version)


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


def test_a_paciolan_error_status_is_parsed_as_the_error_body(
    generated: dict[str, ModuleType], emulator: Emulator
) -> None:
    package = generated["paciolan"]
    client = package.Client(
        base_url=emulator.servers("paciolan")["default"], headers=PACIOLAN_HEADERS
    )
    with client:
        response = api(package, "cart.get").sync_detailed(
            cart_id="424242", client=client, policy_code="WEB"
        )
    assert response.status_code == 404
    assert response.parsed is not None
    assert (response.parsed.status, response.parsed.message) == (404, "no cart 424242")


def test_a_1ticket_failure_envelope_on_http_200_is_parsed(
    generated: dict[str, ModuleType], emulator: Emulator
) -> None:
    package = generated["oneticket"]
    client = package.Client(base_url=emulator.servers("oneticket")["default"])
    with client:  # no x-api-token: 1Ticket refuses inside the envelope
        response = api(package, "token.verify").sync_detailed(client=client)
    assert response.status_code == 200
    assert response.parsed.result.status == "error"
    assert "x-api-token" in response.parsed.result.message


def test_a_1ticket_error_status_is_parsed_as_the_failure_envelope(
    generated: dict[str, ModuleType], emulator: Emulator
) -> None:
    package = generated["oneticket"]
    emulator.inject("token.verify", vendor="oneticket", status=503)
    client = package.Client(
        base_url=emulator.servers("oneticket")["default"], headers={"x-api-token": TOKEN}
    )
    with client:
        response = api(package, "token.verify").sync_detailed(client=client)
    assert response.status_code == 503
    assert response.parsed is not None
    assert response.parsed.result.status == "error"
