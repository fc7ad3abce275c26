"""The tool from a wheel, installed into a fresh virtualenv with no checkout anywhere on sys.path: it
generates from a registry in another folder, serves the emulator, runs the demo, and gives a user's tests
the fixture; the Paciolan wheel alone installs and works against the emulator."""

from __future__ import annotations

import json
import shutil
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.local_server import free_port
from tests.release.conftest import ROOT, clean_environment, fresh_virtualenv, run
from ticketing_codegen import distribution, output
from ticketing_emulator import running

pytestmark = pytest.mark.installs

# A user's test module: both fixtures, a raw request, and the emulator's journal.
USER_TESTS = """
import urllib.request


def verify(emulator):
    url = emulator.servers("oneticket")["default"] + "/v2/verify/"
    request = urllib.request.Request(url, headers={"x-api-token": "user-token"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.status


def test_the_session_emulator_answers(ticketing_emulator):
    assert verify(ticketing_emulator) == 200


def test_each_test_gets_it_reset(emulator):
    assert emulator.hits("oneticket", "token.verify") == 0
    assert verify(emulator) == 200
    assert emulator.hits("oneticket", "token.verify") == 1
"""


@pytest.fixture(scope="module")
def tool_wheel(tool_distribution: tuple[Path, Path]) -> Path:
    return tool_distribution[1]


@pytest.fixture(scope="module")
def tool(tool_wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """bin/ of a fresh virtualenv holding the tool with its `codegen` extra, and pytest."""
    return fresh_virtualenv(
        tmp_path_factory.mktemp("tool") / "venv", f"{tool_wheel}[codegen]", "pytest"
    )


@pytest.fixture
def workdir(tmp_path: Path) -> Path:
    """The current folder of each command: a folder of its own, far from the checkout."""
    folder = tmp_path / "work"
    folder.mkdir()
    return folder


def test_the_tool_wheel_carries_the_generator_and_emulator_but_no_client(tool_wheel: Path) -> None:
    import zipfile

    with zipfile.ZipFile(tool_wheel) as archive:
        names = archive.namelist()
    top_level = {name.split("/")[0] for name in names}
    assert {name for name in top_level if not name.endswith(".dist-info")} == {
        "ticketing_codegen",
        "ticketing_emulator",
    }
    for data in ("templates/client.py.j2", "endpoints.yaml", "samples/paciolan/cart.get.json"):
        assert f"ticketing_codegen/_bundled/{data}" in names


def test_the_console_script_and_help(tool: Path, workdir: Path) -> None:
    done = run([tool / "ticketing-codegen", "--help"], cwd=workdir)
    assert "generate" in done.stdout


def test_generate_from_a_registry_in_another_folder(
    tool: Path, tmp_path: Path, workdir: Path
) -> None:
    elsewhere = tmp_path / "registry-folder"
    elsewhere.mkdir()
    shutil.copyfile(ROOT / "endpoints.yaml", elsewhere / "endpoints.yaml")
    shutil.copytree(
        ROOT / "samples", elsewhere / "samples"
    )  # sample paths are relative to the registry
    command = [
        tool / "ticketing-codegen",
        "generate",
        "--registry",
        "../registry-folder/endpoints.yaml",
    ]
    run([*command, "--out", "clients"], cwd=workdir)
    # The templates the wheel carries make exactly the committed packages.
    assert output.read_tree(workdir / "clients") == output.read_tree(ROOT / "generated")
    done = run(
        [tool / "python", "-c", "import paciolan; print(paciolan.__file__)"],
        cwd=workdir,
        env_extra={"PYTHONPATH": str(workdir / "clients")},
    )
    assert done.stdout.strip().startswith(str(workdir / "clients"))


def test_build_and_vendor_from_the_installed_tool(tool: Path, workdir: Path) -> None:
    run([tool / "ticketing-codegen", "build", "--vendor", "paciolan", "--out", "dist"], cwd=workdir)
    assert sorted(path.suffix for path in (workdir / "dist").iterdir()) == [".gz", ".whl"]
    command = ["vendor", "--vendor", "paciolan", "--package", "myapp._vendor.paciolan"]
    run([tool / "ticketing-codegen", *command, "--out", "src"], cwd=workdir)
    assert (workdir / "src" / "myapp" / "_vendor" / "paciolan" / "client.py").is_file()


def test_serve_answers_a_request(tool: Path, workdir: Path) -> None:
    port = free_port()
    server = subprocess.Popen(
        [tool / "ticketing-codegen", "serve", "--port", str(port)],
        cwd=workdir,
        env=clean_environment(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        url = f"http://127.0.0.1:{port}/1ticket/api/v2/verify/"
        request = urllib.request.Request(url, headers={"x-api-token": "token"})
        status = None
        deadline = time.monotonic() + 60
        while status is None and time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(request, timeout=10) as response:
                    status = response.status
                    body = json.loads(response.read())
            except urllib.error.URLError:
                time.sleep(0.2)  # not listening yet
        assert status == 200
        assert body["result"]["status"] == "success"
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_the_demo_runs_both_clients(tool: Path, workdir: Path) -> None:
    done = run([tool / "ticketing-codegen", "demo"], cwd=workdir)
    assert "token.verify" in done.stdout and "cart.checkout" in done.stdout
    assert done.stdout.rstrip().endswith("emulator stopped")


def test_a_users_tests_get_the_emulator_fixtures(tool: Path, workdir: Path) -> None:
    (workdir / "test_with_emulator.py").write_text(USER_TESTS)
    done = run([tool / "python", "-m", "pytest", "-q", "-p", "no:cacheprovider"], cwd=workdir)
    assert "2 passed" in done.stdout


# The client script run in the virtualenv holding the Paciolan wheel alone.
PACIOLAN_SCRIPT = """
import json, sys
import paciolan
from paciolan import PaciolanClient

with PaciolanClient(
    api_key="k", application_id="a", channel_code="c", organization_id=1,
    user_agent="WheelTest/1.0.0", servers=json.loads(sys.argv[1]),
) as client:
    items = client.catalog.list_items(policy_code="WEB", season_code=["F17"])
print(json.dumps({"items": len(items), "file": paciolan.__file__, "version": paciolan.__version__}))
"""


def test_the_paciolan_wheel_alone_installs_and_works_against_the_emulator(
    built: dict[str, distribution.Built], tmp_path: Path, workdir: Path
) -> None:
    venv = tmp_path / "venv"
    bin_dir = fresh_virtualenv(venv, built["paciolan"].wheel)
    listed = run([bin_dir / "python", "-m", "pip", "list", "--format", "json"], cwd=workdir)
    installed = {item["name"].lower() for item in json.loads(listed.stdout)}
    assert installed - {"pip", "setuptools"} == {"ticketing-paciolan", "urllib3", "msgspec"}
    with running() as emulator:
        done = run(
            [bin_dir / "python", "-c", PACIOLAN_SCRIPT, json.dumps(emulator.servers("paciolan"))],
            cwd=workdir,
        )
        assert emulator.hits("paciolan", "catalog.list_items") == 1
    report = json.loads(done.stdout)
    assert report["items"] > 0
    assert report["file"].startswith(str(venv))
    assert report["version"] == built["paciolan"].distribution.version
