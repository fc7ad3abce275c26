"""Where the generator's data lives: templates, the registry and its samples, the ruff settings, LICENSE.

In a checkout (or an editable install) they are the repository's own files beside `ticketing_codegen/`. A wheel
cannot carry files from outside its packages, so the tool's wheel copies them into `ticketing_codegen/_bundled/`
when it is built (`[tool.hatch.build.targets.wheel.force-include]` in pyproject.toml); that copy wins
when it exists, so an installed tool never reads whatever happens to sit beside site-packages.
"""

from __future__ import annotations

from pathlib import Path

from ticketing_codegen.extras import DISTRIBUTION

_PACKAGE = Path(__file__).resolve().parent
_BUNDLED = _PACKAGE / "_bundled"
_CHECKOUT = _PACKAGE.parent

DATA = _BUNDLED if _BUNDLED.is_dir() else _CHECKOUT
FROM_CHECKOUT = DATA == _CHECKOUT

TEMPLATES = DATA / "templates"
REGISTRY = DATA / "endpoints.yaml"
# The project's pyproject.toml: its [tool.ruff] section formats the generated code as the repository's own.
RUFF_CONFIG = DATA / "pyproject.toml"


def license_file() -> Path:
    """The project's LICENSE: the checkout's, or the one in the installed tool's metadata.

    The wheel carries LICENSE once, in `.dist-info/licenses/` (hatchling's `license-files`), rather than a
    second copy under `_bundled/` (check-wheel-contents W002: duplicate files).
    """
    if FROM_CHECKOUT:
        return _CHECKOUT / "LICENSE"
    from importlib import metadata  # only the commands that copy the license pay for it

    for file in metadata.distribution(DISTRIBUTION).files or ():
        if file.parts[-2:] == ("licenses", "LICENSE"):
            return Path(str(file.locate()))
    raise FileNotFoundError(
        f"the installed {DISTRIBUTION} distribution carries no licenses/LICENSE"
    )


def changelog(registry: Path, vendor: str) -> Path:
    """The release notes of one vendor's package: `changelogs/<vendor>.md` beside the registry."""
    return registry.resolve().parent / "changelogs" / f"{vendor}.md"
