"""`ticketing-codegen build`: for each vendor, a wheel and an sdist that hold that vendor's client alone.

Each distribution is a small project written to a temporary folder (the formatted package, a README
rendered from the registry, LICENSE, the vendor's changelog and a pyproject.toml for hatchling), then built
by the standard `build` frontend: the files are what `python -m build` makes of any project (an sdist,
then the wheel built from that sdist).
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import json
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ticketing_codegen import output, registry, render, resolve, resources
from ticketing_codegen.model import Author, Vendor

DISTRIBUTION_PREFIX = "ticketing-"
# Besides the Python versions, which come from the tool's own metadata (`_shared_with_the_tool`).
CLASSIFIERS = (
    "Development Status :: 4 - Beta",
    "Intended Audience :: Developers",
    "Operating System :: OS Independent",
    "Programming Language :: Python :: 3",
    "Topic :: Internet :: WWW/HTTP",
    "Topic :: Software Development :: Libraries :: Python Modules",
    "Typing :: Typed",
)
# What `build` needs besides this package: the frontend and the backend the generated projects name.
_BUILD_TOOLS = ("build", "hatchling")


class ReleaseError(Exception):
    """A distribution cannot be built as asked (unknown vendor, release missing from the changelog)."""


@dataclass(frozen=True)
class Distribution:
    """The metadata of one vendor's distribution, as its pyproject.toml and README state it."""

    package: str
    name: str
    version: str
    summary: str
    authors: tuple[Author, ...]  # the registry's `authors:` of the vendor (Author-email)
    keywords: tuple[str, ...]
    classifiers: tuple[str, ...]
    urls: dict[str, str]
    requires_python: str  # as the tool's own (`>=3.10`)
    dependencies: tuple[str, ...]  # the tool's own runtime dependencies: urllib3 and msgspec

    @property
    def minimum_python(self) -> str:
        return self.requires_python.removeprefix(">=")


@dataclass(frozen=True)
class Built:
    distribution: Distribution
    sdist: Path
    wheel: Path


def distribution_name(package: str) -> str:
    """`paciolan` -> `ticketing-paciolan`: the import name stays the vendor key."""
    return DISTRIBUTION_PREFIX + package.replace("_", "-")


def _shared_with_the_tool() -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    """The Python versions (`Requires-Python`, classifiers) and the runtime dependencies of a client's
    distribution: the tool's own, read from its installed metadata (its pyproject.toml), so that the
    two cannot drift apart."""
    try:
        meta = importlib.metadata.metadata("ticketing-codegen")
        requires = importlib.metadata.requires("ticketing-codegen") or []
    except importlib.metadata.PackageNotFoundError:
        raise ReleaseError(
            "ticketing-codegen is not installed (pip install -e .): its metadata gives the "
            "distributions' Python versions and dependencies"
        ) from None
    pythons = tuple(
        c
        for c in meta.get_all("Classifier") or []
        if c.startswith("Programming Language :: Python :: 3")
    )
    # The dependencies without an extra: exactly what the generated package imports.
    return meta["Requires-Python"], pythons, tuple(r for r in requires if ";" not in r)


def describe(vendor: Vendor) -> Distribution:
    package = vendor.name
    requires_python, pythons, dependencies = _shared_with_the_tool()
    words = re.findall(r"[a-z0-9]+", f"{package} {vendor.title}".lower())
    keywords = dict.fromkeys([*words, "ticketing", "api-client", "typed", "msgspec", "urllib3"])
    return Distribution(
        package=package,
        name=distribution_name(package),
        version=vendor.version,
        summary=f"{vendor.title}: a typed Python client (urllib3 + msgspec), generated from a registry",
        authors=vendor.authors,
        keywords=tuple(keywords),
        classifiers=tuple(sorted({*CLASSIFIERS, *pythons})),
        # The only address the registry knows: where the client sends its requests.
        urls={"API": vendor.servers["default"]},
        requires_python=requires_python,
        dependencies=dependencies,
    )


def build(registry_path: Path, out: Path, only: str | None = None) -> list[Built]:
    """Build the distributions of every vendor (or of `only`) into `out`; return what was written."""
    missing = [tool for tool in _BUILD_TOOLS if importlib.util.find_spec(tool) is None]
    if missing:
        raise ModuleNotFoundError(f"No module named {missing[0]!r}", name=missing[0])
    vendors = {vendor.name: vendor for vendor in resolve.load(registry_path)}
    if only is not None and only not in vendors:
        raise ReleaseError(f"no vendor `{only}` in {registry_path.name}: {', '.join(vendors)}")
    keys = [only] if only is not None else list(vendors)
    for key in keys:
        check_changelog(resources.changelog(registry_path, key), vendors[key].version)
    digest = registry.sha256(registry_path)
    files = render.render(list(vendors.values()), digest)
    out.mkdir(parents=True, exist_ok=True)
    built: list[Built] = []
    with tempfile.TemporaryDirectory(prefix="codegen-build-") as workspace:
        scratch = output.formatted(files, resources.RUFF_CONFIG, Path(workspace))
        for key in keys:
            distribution = describe(vendors[key])
            project = Path(workspace) / distribution.name
            write_project(project, distribution, vendors[key], scratch / key)
            shutil.copyfile(resources.changelog(registry_path, key), project / "CHANGELOG.md")
            built.append(_run_build(project, out.resolve(), distribution))
    return built


def write_project(project: Path, distribution: Distribution, vendor: Vendor, package: Path) -> None:
    """The project folder `build` turns into the distribution (everything but the changelog)."""
    shutil.copytree(package, project / distribution.package)
    environment = render.template_environment(resources.TEMPLATES / "dist")
    environment.filters["toml"] = json.dumps  # a JSON string is a valid TOML basic string
    environment.filters["oneline"] = lambda text: " ".join(str(text).split())
    environment.filters["table_cell"] = lambda text: str(text).replace("|", "\\|")
    for name in ("pyproject.toml", "README.md"):
        text = environment.get_template(f"{name}.j2").render(dist=distribution, vendor=vendor)
        (project / name).write_text(text, encoding="utf-8")
    shutil.copyfile(resources.license_file(), project / "LICENSE")


def check_changelog(path: Path, version: str) -> None:
    """A release is built only once its changelog has a section for it (`## 1.2.0`)."""
    if not path.is_file():
        raise ReleaseError(f"{path} is missing: record release {version} there first")
    heading = re.compile(rf"^## \[?{re.escape(version)}\]?(\s|$)", re.MULTILINE)
    if not heading.search(path.read_text(encoding="utf-8")):
        raise ReleaseError(f"{path} has no section `## {version}`: record the release there first")


def _run_build(project: Path, out: Path, distribution: Distribution) -> Built:
    # The backend is the one installed with the generator (no isolated environment to download into).
    done = subprocess.run(
        [sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out), str(project)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise ReleaseError(f"building {distribution.name} failed:\n{done.stdout}{done.stderr}")
    stem = f"{distribution.name.replace('-', '_')}-{distribution.version}"
    return Built(distribution, out / f"{stem}.tar.gz", out / f"{stem}-py3-none-any.whl")


def main(registry_path: Path, out: Path, only: str | None) -> int:
    """`ticketing-codegen build [--vendor KEY] [--out dist/]`."""
    try:
        built = build(registry_path, out, only)
    except registry.RegistryError as exc:
        resolve.report(exc, "nothing was built.")
        return 2
    except (ReleaseError, output.FormatError) as exc:
        print(exc, file=sys.stderr)
        return 2
    for item in built:
        print(f"{item.distribution.name} {item.distribution.version}: {item.sdist}, {item.wheel}")
    return 0
