"""Shared fixtures of the tooling tests: the real registry, loaded once, and its OpenAPI documents."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from ticketing_codegen import openapi, registry, resolve
from ticketing_codegen.model import Vendor
from ticketing_codegen.schema import Registry

ROOT = Path(__file__).resolve().parent.parent.parent
REGISTRY = ROOT / "endpoints.yaml"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def spec() -> Registry:
    return registry.load(REGISTRY)[0]


@pytest.fixture(scope="session")
def packages() -> list[Vendor]:
    return resolve.load(REGISTRY)


@pytest.fixture(scope="session")
def documents(packages: list[Vendor]) -> dict[str, dict[str, Any]]:
    return {vendor.name: openapi.document(vendor) for vendor in packages}
