"""`ticketing-codegen vendor --vendor paciolan --package myapp._vendor.paciolan --out SRC`.

Writes one vendor's client under another package name (`SRC/myapp/_vendor/paciolan/`), ready to commit
into another repository: its docstrings and logger carry the new name, each file's header names the
command that remakes it, and the license travels with it. The parent packages (`myapp`, `myapp._vendor`)
are the other repository's own and are not written.
"""

from __future__ import annotations

import dataclasses
import keyword
import shutil
import sys
from pathlib import Path

from ticketing_codegen import output, registry, render, resolve, resources


class VendorError(Exception):
    """The copy cannot be written as asked (unknown vendor, a package name that is not importable)."""


def vendor(registry_path: Path, key: str, dotted: str, out: Path) -> Path:
    """Write the package `dotted` below `out`; return its folder (replaced whole if it existed)."""
    parts = dotted.split(".")
    if not all(part.isidentifier() and not keyword.iskeyword(part) for part in parts):
        raise VendorError(f"`{dotted}` is not a dotted Python package name")
    vendors = {vendor.name: vendor for vendor in resolve.load(registry_path)}
    if key not in vendors:
        raise VendorError(f"no vendor `{key}` in {registry_path.name}: {', '.join(vendors)}")
    # The package's own name shows in its docstrings and examples; rendered as `dotted`.
    renamed = dataclasses.replace(vendors[key], name=dotted)
    digest = registry.sha256(registry_path)
    rendered = render.render([renamed], digest)
    command = (
        f"`ticketing-codegen vendor --vendor {key} --package {dotted}` "
        f"(release {vendors[key].version})"
    )
    files = {
        name.removeprefix(f"{dotted}/"): _restamp(text, command) for name, text in rendered.items()
    }
    target = out.joinpath(*parts)
    scratch = output.formatted(files, resources.RUFF_CONFIG, target.parent)
    shutil.copyfile(resources.license_file(), scratch / "LICENSE")
    output.replace(target, scratch)
    return target


def _restamp(text: str, command: str) -> str:
    """The generated header names the command that remakes this copy, not `generate`."""
    first, newline, rest = text.partition("\n")
    return first.replace("`ticketing-codegen generate`", command) + newline + rest


def main(registry_path: Path, key: str, dotted: str, out: Path) -> int:
    try:
        target = vendor(registry_path, key, dotted, out)
    except registry.RegistryError as exc:
        resolve.report(exc, "nothing was written.")
        return 2
    except (VendorError, output.FormatError) as exc:
        print(exc, file=sys.stderr)
        return 2
    print(f"wrote {dotted} to {target}")
    return 0
