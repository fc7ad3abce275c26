"""A snapshot of every generated file: a template or registry change shows up as a reviewable diff."""

from __future__ import annotations

import pytest
from syrupy.assertion import SnapshotAssertion

from codegen.__main__ import ROOT
from codegen.output import read_tree

GENERATED = read_tree(ROOT / "generated")


@pytest.mark.parametrize("name", sorted(GENERATED))
def test_generated_file(name: str, snapshot: SnapshotAssertion) -> None:
    assert GENERATED[name] == snapshot
