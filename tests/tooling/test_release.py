"""`ticketing-codegen diff` says which release a registry change needs: major, minor or patch, per vendor."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.tooling.conftest import FIXTURES, REGISTRY
from tests.tooling.test_diff import CASES
from ticketing_codegen import diff, registry, release, resolve
from ticketing_codegen.model import Vendor

DIFF = FIXTURES / "diff"
BASE = DIFF / "base.yaml"

# Compatible changes that widen the API need a minor release; every breaking one a major release.
MINOR = {
    "operation_added",
    "parameter_added_optional",
    "field_added_optional",
    "field_added_required_in_response",
    "enum_value_added",
}


def load(path: Path) -> list[Vendor]:
    return resolve.load(path, check_samples=False)


@pytest.mark.parametrize("fixture", sorted(CASES))
def test_each_kind_of_change_needs_its_release(fixture: str) -> None:
    _, breaking = CASES[fixture]
    old, new = load(BASE), load(DIFF / f"{fixture}.yaml")
    (found,) = release.releases(old, new, diff.compare(old, new))
    expected = "major" if breaking else "minor" if fixture in MINOR else "patch"
    assert found.needed == expected, found.reasons


def test_a_changed_description_alone_needs_a_patch_release(tmp_path: Path) -> None:
    edited = tmp_path / "new.yaml"
    edited.write_text(
        BASE.read_text().replace(
            "client: ShopClient", "client: ShopClient\n    description: Now described."
        )
    )
    old, new = load(BASE), load(edited)
    assert diff.compare(old, new) == []
    (found,) = release.releases(old, new, [])
    assert (found.needed, found.suggested) == ("patch", "0.0.1")


def test_an_unchanged_vendor_needs_no_release_and_is_not_mentioned() -> None:
    spec = load(REGISTRY)
    found = release.releases(spec, spec, [])
    assert [item.needed for item in found] == [None, None]
    assert release.report(found) == ""


@pytest.mark.parametrize(
    ("part", "after"), [("major", "2.0.0"), ("minor", "1.5.0"), ("patch", "1.4.3")]
)
def test_a_bump_resets_the_parts_after_it(part: release.Bump, after: str) -> None:
    assert release.bump("1.4.2", part) == after


def test_diff_names_the_release_and_what_to_edit_when_the_version_was_not_bumped(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert diff.main(BASE, DIFF / "operation_removed.yaml") == 1
    out = capsys.readouterr().out
    assert (
        "shop: needs a major release (0.0.0 -> 1.0.0); the registry still declares 0.0.0: "
        "set `version: 1.0.0` and add `## 1.0.0` to changelogs/shop.md"
    ) in out


def test_diff_accepts_a_version_that_was_bumped_enough(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bumped = tmp_path / "new.yaml"
    text = (DIFF / "operation_added.yaml").read_text()
    bumped.write_text(text.replace("client: ShopClient", "client: ShopClient\n    version: 0.1.0"))
    diff.main(BASE, bumped)
    assert "shop: needs a minor release (0.0.0 -> 0.1.0); the registry declares 0.1.0" in (
        capsys.readouterr().out
    )


def test_a_version_that_is_not_pep_440_is_a_registry_error(tmp_path: Path) -> None:
    broken = tmp_path / "endpoints.yaml"
    broken.write_text(
        BASE.read_text().replace("client: ShopClient", "client: ShopClient\n    version: one")
    )
    with pytest.raises(registry.RegistryError) as raised:
        load(broken)
    assert "vendors.shop.version" in str(raised.value)


@pytest.mark.parametrize(
    ("version", "after"), [("1.3.0rc1", "1.3.1"), ("2.1", "2.1.1"), ("1!3.0.0", "3.0.1")]
)
def test_a_bump_counts_from_the_release_segment_of_any_pep_440_version(
    version: str, after: str
) -> None:
    assert release.bump(version, "patch") == after
