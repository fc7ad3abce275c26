"""Which release a registry change needs, per vendor package: major, minor or patch.

Reads what `diff.compare` found (semantic versioning): a breaking change needs a major release; a compatible
change that adds something users can call, pass or receive (an operation, a parameter, a field, an enum
value, a server, a media type, an argument or body made optional) a minor one; any other difference in the vendor's entry (a wire name, retry
safety, a description, a note, a sample path) a patch. The registry's `version:` of each vendor is then
compared with what the change needs, so `ticketing-codegen diff` can say "bump to 1.0.0" before a release is built.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import PurePath
from typing import Literal

from ticketing_codegen.diff import Change
from ticketing_codegen.model import Vendor

Bump = Literal["major", "minor", "patch"]
_RANK: dict[Bump, int] = {"patch": 0, "minor": 1, "major": 2}
# diff's messages for a compatible change that widens the API say "added" (`operation added`, `server
# `test` added (...)`, `optional query parameter x added`) or "now optional"; tests/tooling/test_release.py
# pins each kind.
_ADDITION = re.compile(r"\badded\b|\bnow optional\b")


@dataclass(frozen=True)
class Release:
    """What one vendor's package needs, and what the new registry declares."""

    vendor: str
    needed: Bump | None  # None: the vendor's entry did not change
    old_version: str
    declared: str
    reasons: tuple[str, ...]

    @property
    def suggested(self) -> str:
        return bump(self.old_version, self.needed) if self.needed else self.old_version

    @property
    def declared_is_enough(self) -> bool:
        return _parts(self.declared) >= _parts(self.suggested)


def bump(version: str, part: Bump) -> str:
    major, minor, patch = _parts(version)
    if part == "major":
        return f"{major + 1}.0.0"
    if part == "minor":
        return f"{major}.{minor + 1}.0"
    return f"{major}.{minor}.{patch + 1}"


def needed(changes: Iterable[Change], entry_changed: bool) -> Bump | None:
    """The release one vendor's changes need; `entry_changed`: its registry entry differs at all."""
    parts: list[Bump] = [
        "major" if change.breaking else "minor" if _ADDITION.search(change.message) else "patch"
        for change in changes
    ]
    if not parts:
        return "patch" if entry_changed else None
    return max(parts, key=_RANK.__getitem__)


def releases(old: list[Vendor], new: list[Vendor], changes: list[Change]) -> list[Release]:
    """One `Release` per vendor present in both registries (a new vendor is a first release)."""
    before = {vendor.name: vendor for vendor in old}
    found = []
    for vendor in new:
        if vendor.name not in before:
            continue
        own = [change for change in changes if change.vendor == vendor.name]
        entry_changed = _entry(before[vendor.name]) != _entry(vendor)
        found.append(
            Release(
                vendor=vendor.name,
                needed=needed(own, entry_changed),
                old_version=before[vendor.name].version,
                declared=vendor.version,
                reasons=tuple(change.message for change in own),
            )
        )
    return found


def report(found: list[Release]) -> str:
    """After a blank line, one line per vendor that needs a release, and whether `version:` says so."""
    lines = []
    for item in found:
        if item.needed is None:
            continue
        line = (
            f"{item.vendor}: needs a {item.needed} release ({item.old_version} -> {item.suggested})"
        )
        if item.declared_is_enough:
            line += f"; the registry declares {item.declared}"
        else:
            line += (
                f"; the registry still declares {item.declared}: set `version: {item.suggested}` "
                f"and add `## {item.suggested}` to changelogs/{item.vendor}.md"
            )
        lines.append(line)
    return "\n" + "\n".join(lines) + "\n" if lines else ""


def _entry(vendor: Vendor) -> object:
    """The vendor's resolved entry as plain data, without the version itself."""
    return _plain(dataclasses.replace(vendor, version=""))


def _plain(value: object) -> object:
    """Records as nested tuples; where a sample file lies is left out (its place is no part of the
    package: an old registry compared from another folder has the same entry)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return tuple(
            (field.name, _plain(getattr(value, field.name))) for field in dataclasses.fields(value)
        )
    if isinstance(value, (list, tuple)):
        return tuple(_plain(item) for item in value)
    if isinstance(value, dict):
        return tuple((key, _plain(item)) for key, item in value.items())
    if isinstance(value, PurePath):
        return None
    return value


def _parts(version: str) -> tuple[int, int, int]:
    """MAJOR, MINOR, PATCH of a PEP 440 version's release segment (`1.3.0rc1` -> 1, 3, 0; `2.1` ->
    2, 1, 0): what a bump counts from."""
    release = re.match(r"(?:\d+!)?(\d+(?:\.\d+)*)", version)
    numbers = [int(part) for part in release.group(1).split(".")] if release else []
    major, minor, patch = [*numbers, 0, 0, 0][:3]
    return major, minor, patch
