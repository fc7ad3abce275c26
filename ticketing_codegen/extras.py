"""Which extra of the `ticketing-codegen` distribution installs which module, and the one line that says so
when a command needs a module that is missing (instead of a traceback). Standard library only: it runs
where the extras are missing."""

from __future__ import annotations

DISTRIBUTION = "ticketing-codegen"
# The modules the extras install (the package's own dependencies, urllib3 and msgspec, are always there).
EXTRA_MODULES = frozenset({"yaml", "jinja2", "markupsafe", "ruff", "build", "hatchling"})
# How pip names what the import name does not say.
_PROJECT_NAMES = {"yaml": "PyYAML"}


def missing(error: ModuleNotFoundError) -> bool:
    """Whether `error` is an extra's module missing (anything else is a bug to show as it is)."""
    return error.name in EXTRA_MODULES


def message(command: str, error: ModuleNotFoundError, extra: str) -> str:
    """`<command>: needs PyYAML, which the `emulator` extra installs: pip install '...[emulator]'`."""
    name = str(error.name)
    return (
        f"{command}: needs {_PROJECT_NAMES.get(name, name)}, which the `{extra}` extra installs: "
        f"pip install '{DISTRIBUTION}[{extra}]'"
    )
