"""Import cost and self-containment of the generated packages, each checked in a fresh interpreter.

Importing a package, and constructing its client, must not load urllib3 (nor what it pulls in: logging,
email, http.client) or gzip: they come with the first request. And a package copied alone into another
directory must work with only urllib3 and msgspec beside it.

The interpreters run with `-S` (no site-packages, so no editable-install finder and no `.pth` side effects)
and a PYTHONPATH naming exactly what they may import: the package's directory and a directory holding only
urllib3 and msgspec.
"""

from __future__ import annotations

import ast
import importlib.util
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT, sample
from tests.local_server import LocalServer

GENERATED = ROOT / "generated"
HEAVY = ("urllib3", "logging", "gzip", "email", "http.client")

CLIENTS = {
    "paciolan": (
        "client = package.PaciolanClient(api_key='k', application_id='a', channel_code='c',"
        " organization_id=1, user_agent='T/1.0.0', base_url=URL, max_retries=0)",
        "result = client.util.sysinfo()",
        "util.sysinfo",
    ),
    "oneticket": (
        "client = package.OneTicketClient(api_token='t', base_url=URL, max_retries=0)",
        "result = client.token.verify()",
        "token.verify",
    ),
}

SCRIPT = """
import sys

URL = {url!r}
HEAVY = {heavy!r}


def loaded():
    return [name for name in HEAVY if name in sys.modules]


report = {{"before": loaded()}}
import {vendor} as package

report["import"] = loaded()
report["models_with_import"] = {vendor!r} + ".models" in sys.modules
report["transport_with_import"] = {vendor!r} + "._runtime" in sys.modules
report["file"] = package.__file__
{construct}
report["client"] = loaded()
report["transport_with_client"] = {vendor!r} + "._runtime" in sys.modules
{call}
report["result"] = type(result).__name__
report["request"] = loaded()
report["models_after_request"] = {vendor!r} + ".models" in sys.modules
report["others"] = [
    name for name in ("paciolan", "oneticket", "ticketing_codegen", "tests", "jinja2", "yaml")
    if name != {vendor!r} and __import__("importlib.util").util.find_spec(name) is not None
]
print(repr(report))
"""


def only_urllib3_and_msgspec(directory: Path) -> Path:
    """A directory holding urllib3 and msgspec (links to the installed ones) and nothing else."""
    directory.mkdir()
    for name in ("urllib3", "msgspec"):
        spec = importlib.util.find_spec(name)
        assert spec is not None and spec.submodule_search_locations, f"{name} is not installed"
        (directory / name).symlink_to(
            next(iter(spec.submodule_search_locations)), target_is_directory=True
        )
    return directory


def run_fresh(vendor: str, url: str, paths: list[Path], cwd: Path) -> dict[str, Any]:
    """Run the import-and-call script in a new interpreter; return what it reported."""
    construct, call, _ = CLIENTS[vendor]
    script = SCRIPT.format(url=url, heavy=HEAVY, vendor=vendor, construct=construct, call=call)
    env = {name: value for name, value in os.environ.items() if not name.startswith("PYTHON")}
    env["PYTHONPATH"] = os.pathsep.join(str(path) for path in paths)
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    finished = subprocess.run(
        [sys.executable, "-S", "-c", script],
        env=env,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert finished.returncode == 0, finished.stderr
    report: dict[str, Any] = ast.literal_eval(finished.stdout.strip().splitlines()[-1])
    return report


@pytest.fixture(scope="module", params=sorted(CLIENTS))
def fresh(
    request: pytest.FixtureRequest, server: LocalServer, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[dict[str, Any]]:
    """What a fresh interpreter loaded at each stage: import, client, first request."""
    vendor: str = request.param
    workdir = tmp_path_factory.mktemp(f"fresh-{vendor}")
    deps = only_urllib3_and_msgspec(workdir / "deps")
    server.reset()
    server.reply(200, sample(vendor, CLIENTS[vendor][2]))
    report = run_fresh(vendor, server.url, [GENERATED, deps], cwd=workdir)
    report["vendor"] = vendor
    report["sent"] = len(server.requests)
    yield report


def test_the_package_comes_from_generated_and_nothing_heavy_was_loaded_before(
    fresh: dict[str, Any],
) -> None:
    assert Path(fresh["file"]).resolve() == GENERATED / fresh["vendor"] / "__init__.py"
    assert fresh["before"] == []


def test_importing_the_package_loads_no_urllib3_logging_gzip_email_or_http_client(
    fresh: dict[str, Any],
) -> None:
    assert fresh["import"] == []


def test_the_models_are_imported_by_the_first_call_not_with_the_package(
    fresh: dict[str, Any],
) -> None:
    assert (fresh["models_with_import"], fresh["models_after_request"]) == (False, True)


def test_the_transport_is_imported_with_the_first_client_not_with_the_package(
    fresh: dict[str, Any],
) -> None:
    assert (fresh["transport_with_import"], fresh["transport_with_client"]) == (False, True)


def test_the_models_module_is_an_attribute_of_the_package_without_importing_it() -> None:
    script = "import paciolan, oneticket; print(paciolan.models.Ticket, oneticket.models.Purchase)"
    done = subprocess.run(
        [sys.executable, "-S", "-c", script],
        env={**os.environ, "PYTHONPATH": str(GENERATED) + os.pathsep + _site_packages()},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == [
        "<class",
        "'paciolan.models.Ticket'>",
        "<class",
        "'oneticket.models.Purchase'>",
    ]


def _site_packages() -> str:
    spec = importlib.util.find_spec("msgspec")
    assert spec is not None and spec.origin is not None
    return str(Path(spec.origin).parent.parent)


def test_constructing_a_client_still_loads_none_of_them(fresh: dict[str, Any]) -> None:
    assert fresh["client"] == []


def test_the_first_request_loads_urllib3(fresh: dict[str, Any]) -> None:
    assert fresh["sent"] == 1
    assert "urllib3" in fresh["request"]


def test_a_copy_of_paciolan_alone_works_with_only_urllib3_and_msgspec(
    tmp_path: Path, http: LocalServer
) -> None:
    elsewhere = tmp_path / "other-repo"
    shutil.copytree(
        GENERATED / "paciolan",
        elsewhere / "paciolan",
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    deps = only_urllib3_and_msgspec(tmp_path / "deps")
    workdir = tmp_path / "cwd"
    workdir.mkdir()
    http.reply(200, sample("paciolan", "util.sysinfo"))

    report = run_fresh("paciolan", http.url, [elsewhere, deps], cwd=workdir)

    assert Path(report["file"]).resolve().is_relative_to(elsewhere.resolve())
    assert report["others"] == []  # neither the repository nor the other client was reachable
    assert report["result"] == "SystemInfo"
    assert http.last.method == "GET"
    assert http.last.target == "/util/sysinfo"
    assert http.last.header("PAC-API-Key") == "k"
