"""`ticketing-codegen vendor`: one client under another package name, ready to commit elsewhere; it imports,
works and logs under its own name, and never reaches for the original package."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from tests.release.conftest import REGISTRY, run
from ticketing_codegen import registry
from ticketing_codegen.__main__ import main
from ticketing_emulator import running

PACKAGE = "myapp._vendor.paciolan"

# Run in a fresh interpreter with only the other repository's source folder added: imports the vendored
# copy, calls the emulator through it, and reports the loggers that wrote and the packages imported.
SCRIPT = """
import json, logging, sys

class Names(logging.Handler):
    seen = set()
    def emit(self, record):
        self.seen.add(record.name)

logging.getLogger().addHandler(Names())
logging.getLogger().setLevel(logging.DEBUG)
from myapp._vendor.paciolan import PaciolanClient, __version__

with PaciolanClient(
    api_key="k", application_id="a", channel_code="c", organization_id=1,
    user_agent="Vendored/1.0.0", servers=json.loads(sys.argv[1]),
) as client:
    items = client.catalog.list_items(policy_code="WEB", season_code=["F17"])
print(json.dumps({
    "items": len(items),
    "version": __version__,
    "loggers": sorted(Names.seen),
    "original_imported": "paciolan" in sys.modules,
}))
"""


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The other repository's source folder, with the vendored copy written into it."""
    root = tmp_path_factory.mktemp("other-repo") / "src"
    assert main(["vendor", "--vendor", "paciolan", "--package", PACKAGE, "--out", str(root)]) == 0
    return root


def test_the_copy_is_written_below_its_package_path_and_nothing_else(source: Path) -> None:
    target = source / "myapp" / "_vendor" / "paciolan"
    assert (target / "__init__.py").is_file() and (target / "py.typed").is_file()
    assert (target / "LICENSE").is_file()
    # The parent packages belong to the other repository.
    assert sorted(p.relative_to(source).as_posix() for p in source.rglob("__init__.py")) == [
        "myapp/_vendor/paciolan/__init__.py"
    ]


def test_each_file_names_the_command_that_remakes_it(source: Path) -> None:
    for path in (source / "myapp" / "_vendor" / "paciolan").glob("*.py"):
        first = path.read_text().splitlines()[0]
        assert f"`ticketing-codegen vendor --vendor paciolan --package {PACKAGE}`" in first, path


def test_its_docstring_imports_from_the_new_name(source: Path) -> None:
    init = (source / "myapp" / "_vendor" / "paciolan" / "__init__.py").read_text()
    assert f"from {PACKAGE} import PaciolanClient" in init
    assert "from paciolan import" not in init


def test_the_copy_works_against_the_emulator_and_logs_under_its_own_name(
    source: Path, tmp_path: Path
) -> None:
    with running() as emulator:
        done = run(
            [sys.executable, "-c", SCRIPT, json.dumps(emulator.servers("paciolan"))],
            cwd=tmp_path,
            env_extra={"PYTHONPATH": str(source)},
        )
    report = json.loads(done.stdout)
    assert report["items"] > 0
    assert report["version"] == registry.load(REGISTRY)[0].vendors["paciolan"].version
    assert PACKAGE in report["loggers"], report["loggers"]
    assert not [name for name in report["loggers"] if name.split(".")[0] == "paciolan"]
    assert report["original_imported"] is False


def test_vendoring_again_replaces_the_copy_whole(source: Path, tmp_path: Path) -> None:
    root = tmp_path / "src"
    assert main(["vendor", "--vendor", "paciolan", "--package", PACKAGE, "--out", str(root)]) == 0
    stale = root / "myapp" / "_vendor" / "paciolan" / "stale.py"
    stale.write_text("x = 1\n")
    assert main(["vendor", "--vendor", "paciolan", "--package", PACKAGE, "--out", str(root)]) == 0
    assert not stale.exists()
    assert sorted(p.name for p in (root / "myapp" / "_vendor").iterdir()) == ["paciolan"]


@pytest.mark.parametrize("name", ["myapp.class.paciolan", "myapp/paciolan", "2fast"])
def test_a_name_that_cannot_be_imported_is_refused(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["vendor", "--vendor", "paciolan", "--package", name, "--out", str(tmp_path)]) == 2
    assert "is not a dotted Python package name" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []
