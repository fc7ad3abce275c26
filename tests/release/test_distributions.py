"""`ticketing-codegen build`: one wheel and one sdist per vendor, each holding that client alone, with full
metadata, passing the checks a package index and its users apply (twine, check-wheel-contents, pyroma)."""

from __future__ import annotations

import hashlib
import shutil
import tarfile
import zipfile
from pathlib import Path

import pytest

from tests.release.conftest import (
    REGISTRY,
    check_wheel_contents,
    metadata,
    pyroma_rating,
    rated_9_or_better,
    twine_check,
)
from ticketing_codegen import distribution, registry
from ticketing_codegen.__main__ import main

SPEC = registry.load(REGISTRY)[0]
VENDORS = sorted(SPEC.vendors)


def test_each_vendor_gets_a_wheel_and_an_sdist_named_after_it(
    built: dict[str, distribution.Built],
) -> None:
    assert sorted(built) == VENDORS
    for vendor, item in built.items():
        version = SPEC.vendors[vendor].version
        assert item.wheel.name == f"ticketing_{vendor}-{version}-py3-none-any.whl"
        assert item.sdist.name == f"ticketing_{vendor}-{version}.tar.gz"
        assert item.wheel.is_file() and item.sdist.is_file()


@pytest.mark.parametrize("vendor", VENDORS)
def test_a_wheel_holds_its_vendor_package_alone_with_py_typed_and_the_license(
    built: dict[str, distribution.Built], vendor: str
) -> None:
    with zipfile.ZipFile(built[vendor].wheel) as archive:
        names = archive.namelist()
    top_level = {name.split("/")[0] for name in names}
    assert top_level == {vendor, f"ticketing_{vendor}-{SPEC.vendors[vendor].version}.dist-info"}
    assert f"{vendor}/py.typed" in names
    assert f"{vendor}/client.py" in names
    assert any(name.endswith(".dist-info/licenses/LICENSE") for name in names)


@pytest.mark.parametrize("vendor", VENDORS)
def test_the_sdist_carries_the_readme_license_and_changelog(
    built: dict[str, distribution.Built], vendor: str
) -> None:
    with tarfile.open(built[vendor].sdist) as archive:
        names = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    assert {
        "README.md",
        "LICENSE",
        "CHANGELOG.md",
        "pyproject.toml",
        f"{vendor}/__init__.py",
    } <= names


@pytest.mark.parametrize("vendor", VENDORS)
def test_the_metadata_is_complete_and_needs_only_urllib3_and_msgspec(
    built: dict[str, distribution.Built], vendor: str
) -> None:
    meta = metadata(built[vendor].wheel)
    assert meta["Name"] == f"ticketing-{vendor}"
    assert meta["Version"] == SPEC.vendors[vendor].version
    assert sorted(meta.get_all("Requires-Dist") or []) == ["msgspec>=0.19", "urllib3>=2.7"]
    assert meta["Requires-Python"] == ">=3.10"
    assert meta["License-Expression"] == "MIT"
    assert meta["Keywords"] and vendor in meta["Keywords"].split(",")
    classifiers = meta.get_all("Classifier") or []
    assert "Typing :: Typed" in classifiers
    assert "Programming Language :: Python :: 3.13" in classifiers
    assert meta.get_all("Project-URL") == [f"API, {SPEC.vendors[vendor].servers['default']}"]
    assert meta["Description-Content-Type"] == "text/markdown"


@pytest.mark.parametrize("vendor", VENDORS)
def test_the_readme_is_rendered_from_the_registry(
    built: dict[str, distribution.Built], vendor: str
) -> None:
    readme = metadata(built[vendor].wheel).get_payload()
    assert isinstance(readme, str)
    entry = SPEC.vendors[vendor]
    assert f"from {vendor} import {entry.client}" in readme
    assert f"pip install ticketing-{vendor}" in readme
    for credential in entry.credentials:
        assert f"    {credential.arg}=...," in readme
    for operation in entry.operations:
        assert f"| `client.{operation.name}(...)` |" in readme


@pytest.mark.parametrize("vendor", VENDORS)
def test_the_version_and_registry_hash_are_there_at_run_time(
    built: dict[str, distribution.Built], vendor: str
) -> None:
    with zipfile.ZipFile(built[vendor].wheel) as archive:
        init = archive.read(f"{vendor}/__init__.py").decode()
    digest = hashlib.sha256(REGISTRY.read_bytes()).hexdigest()
    assert f'__version__ = "{SPEC.vendors[vendor].version}"' in init
    assert f'__registry_sha256__ = "{digest}"' in init


def test_the_committed_packages_carry_the_same_version_and_hash() -> None:
    import oneticket
    import paciolan

    digest = hashlib.sha256(REGISTRY.read_bytes()).hexdigest()
    for package in (oneticket, paciolan):
        assert package.__version__ == SPEC.vendors[package.__name__].version
        assert package.__registry_sha256__ == digest


def test_twine_check_passes_strictly(built: dict[str, distribution.Built], tmp_path: Path) -> None:
    files = [path for item in built.values() for path in (item.wheel, item.sdist)]
    report = twine_check(files, tmp_path)
    assert report.count("PASSED") == len(files), report


def test_check_wheel_contents_finds_nothing(
    built: dict[str, distribution.Built], tmp_path: Path
) -> None:
    wheels = [item.wheel for item in built.values()]
    report = check_wheel_contents(wheels, tmp_path)
    assert report.count(": OK") == len(wheels), report


@pytest.mark.parametrize("vendor", VENDORS)
def test_pyroma_rates_the_sdist_9_or_better(
    built: dict[str, distribution.Built], vendor: str, tmp_path: Path
) -> None:
    # Every pyroma check counts (pyroma rates sdists and project folders; it cannot read a wheel, whose
    # metadata the other tests check).
    report = pyroma_rating(built[vendor].sdist, tmp_path)
    assert rated_9_or_better(report), report


@pytest.mark.parametrize("vendor", VENDORS)
def test_the_contact_is_the_registrys_authors(
    built: dict[str, distribution.Built], vendor: str
) -> None:
    meta = metadata(built[vendor].wheel)
    authors = SPEC.vendors[vendor].authors
    assert authors, f"{vendor} has no `authors:` in the registry"
    assert meta["Author-email"] == ", ".join(f"{a.name} <{a.email}>" for a in authors)


def test_one_vendor_alone_with_the_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["build", "--vendor", "paciolan", "--out", str(tmp_path)]) == 0
    assert sorted(path.name for path in tmp_path.iterdir()) == [
        f"ticketing_paciolan-{SPEC.vendors['paciolan'].version}-py3-none-any.whl",
        f"ticketing_paciolan-{SPEC.vendors['paciolan'].version}.tar.gz",
    ]
    assert "ticketing-paciolan" in capsys.readouterr().out


def test_a_release_missing_from_the_changelog_is_not_built(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = tmp_path / "endpoints.yaml"
    copy.write_text(REGISTRY.read_text().replace("    version: 0.1.0\n", "    version: 7.0.0\n", 1))
    shutil.copytree(REGISTRY.parent / "samples", tmp_path / "samples")
    (tmp_path / "changelogs").mkdir()
    for vendor in VENDORS:
        (tmp_path / "changelogs" / f"{vendor}.md").write_text("# Changelog\n\n## 0.1.0\n")
    assert main(["build", "--registry", str(copy), "--out", str(tmp_path / "dist")]) == 2
    assert "has no section `## 7.0.0`: record the release there first" in capsys.readouterr().err
    assert not (tmp_path / "dist").exists()


def test_an_unknown_vendor_is_a_one_line_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["build", "--vendor", "ticketmaster", "--out", str(tmp_path)]) == 2
    assert "no vendor `ticketmaster`" in capsys.readouterr().err


def test_every_vendor_has_a_changelog_section_for_its_version() -> None:
    for vendor, entry in SPEC.vendors.items():
        distribution.check_changelog(REGISTRY.parent / "changelogs" / f"{vendor}.md", entry.version)


def test_an_author_without_a_usable_address_is_a_registry_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    email = SPEC.vendors["paciolan"].authors[0].email
    copy = tmp_path / "endpoints.yaml"
    copy.write_text(REGISTRY.read_text().replace(f"email: {email}", "email: maintainers", 1))
    assert main(["validate", "--registry", str(copy)]) == 2
    assert "authors" in capsys.readouterr().err
