"""Shared fixtures of the tooling tests: the real registry, loaded once, and its OpenAPI documents."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from codegen import model, openapi, registry
from codegen.model import PackageModel
from codegen.schema import Registry

ROOT = Path(__file__).resolve().parent.parent.parent
REGISTRY = ROOT / "endpoints.yaml"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def spec() -> Registry:
    return registry.load(REGISTRY)[0]


@pytest.fixture(scope="session")
def packages() -> list[PackageModel]:
    loaded, source = registry.load(REGISTRY)
    return model.build(loaded, source, ROOT)


@pytest.fixture(scope="session")
def documents(spec: Registry) -> dict[str, dict[str, Any]]:
    return {vendor: openapi.document(spec, vendor, root=ROOT) for vendor in spec.vendors}
