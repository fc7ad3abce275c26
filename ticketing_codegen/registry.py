"""Load `endpoints.yaml` into the schema of `ticketing_codegen.schema`, reporting every problem with its line.

PyYAML composes the document into nodes (which keep line numbers); the values are then converted into the
schema Structs field by field, so that each problem names its own place (`file:line: path: message`) and
all problems are reported at once, not only the first.
"""

from __future__ import annotations

import contextlib
import difflib
import functools
import gc
import hashlib
import json
import re
import types
import typing
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import msgspec
import yaml

from ticketing_codegen.schema import Registry

# Turns scalar nodes into Python values (ints, bools, strings) the way safe_load does.
_SCALARS = yaml.SafeLoader("")
# libyaml when available: the pure-Python composer takes most of a second on this registry.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_SIMPLE_KEY = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*$")


def child_path(path: str, key: str | int) -> str:
    """The path of a mapping key or list index below `path`, as shown in messages."""
    if isinstance(key, int):
        return f"{path}[{key}]"
    step = key if _SIMPLE_KEY.match(key) else json.dumps(key)
    if not path:
        return step if _SIMPLE_KEY.match(key) else f"[{step}]"
    return f"{path}.{step}" if _SIMPLE_KEY.match(key) else f"{path}[{step}]"


@dataclass(frozen=True)
class Problem:
    file: str
    line: int
    path: str
    message: str

    def __str__(self) -> str:
        where = f"{self.path}: " if self.path else ""
        return f"{self.file}:{self.line}: {where}{self.message}"


class RegistryError(Exception):
    """The registry is invalid; `problems` lists every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems, key=lambda p: (p.line, p.path, p.message))
        super().__init__("\n".join(str(p) for p in self.problems))


@dataclass
class Source:
    """The text of the registry and where each path in it starts."""

    file: str
    lines: dict[str, int] = field(default_factory=dict)

    def line_of(self, path: str) -> int:
        """The line of `path`, or of its nearest ancestor that exists in the document."""
        while path and path not in self.lines:
            parent = re.sub(r"(\.[^.\[]+|\[[^\]]+\])$", "", path)
            path = "" if parent == path else parent
        return self.lines.get(path, 1)


class Problems:
    """Collects problems for one source file."""

    def __init__(self, source: Source) -> None:
        self.source = source
        self.items: list[Problem] = []

    def add(self, path: str, message: str) -> None:
        self.items.append(Problem(self.source.file, self.source.line_of(path), path, message))

    def raise_if_any(self) -> None:
        if self.items:
            raise RegistryError(self.items)


def sha256(path: Path) -> str:
    """The registry file's hash, recorded in everything made from it (headers, metadata, exports)."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def load(path: Path) -> tuple[Registry, Source]:
    """Parse and convert the registry; raise `RegistryError` listing every problem."""
    source = Source(path.name)
    problems = Problems(source)
    try:
        with _collector_paused():
            node = yaml.compose(path.read_text(encoding="utf-8"), Loader=_LOADER)
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else 1
        raise RegistryError(
            [Problem(source.file, line, "", f"invalid YAML: {exc.problem or exc}")]
        ) from None
    except OSError as exc:
        raise RegistryError([Problem(source.file, 1, "", f"cannot read: {exc}")]) from None
    if node is None:
        raise RegistryError([Problem(source.file, 1, "", "the registry is empty")])
    with _collector_paused():
        data = _plain(node, "", source, problems)
        problems.raise_if_any()
        registry = _convert(data, Registry, "", problems)
    problems.raise_if_any()
    assert isinstance(registry, Registry)
    return registry, source


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Build the document and its Structs with the garbage collector off.

    Loading allocates a node, a mark, a dict or list and a Struct per value and frees almost none of
    them, so each collection walks everything built so far and the load grows faster than the registry
    (measured: 3.6x the time for twice the operations). What is built holds no cycles to collect.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _plain(node: yaml.Node, path: str, source: Source, problems: Problems) -> Any:
    """Turn a YAML node into plain Python data, recording the line of every path."""
    source.lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = _SCALARS.construct_object(key_node)
            if not isinstance(key, str):
                key = str(key)
            sub = child_path(path, key)
            if key in result:
                source.lines[sub + "#dup"] = key_node.start_mark.line + 1
                problems.items.append(
                    Problem(
                        source.file, key_node.start_mark.line + 1, sub, f"duplicate key `{key}`"
                    )
                )
            source.lines[sub] = key_node.start_mark.line + 1
            result[key] = _plain(value_node, sub, source, problems)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [
            _plain(item, child_path(path, i), source, problems) for i, item in enumerate(node.value)
        ]
    return _SCALARS.construct_object(node)


_FAILED = object()


def _describe(value: Any) -> str:
    if value is None:
        return "nothing (null)"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return f"{type(value).__name__} {value!r}"


def _convert(value: Any, tp: Any, path: str, problems: Problems) -> Any:
    """Convert plain data into `tp`, descending so each problem is reported at its own path."""
    if isinstance(tp, type) and issubclass(tp, msgspec.Struct):
        return _convert_struct(value, tp, path, problems)
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin is dict:
        if not isinstance(value, dict):
            problems.add(path, f"expected a mapping, got {_describe(value)}")
            return _FAILED
        converted = {
            k: _convert(v, args[1], child_path(path, k), problems) for k, v in value.items()
        }
        return _FAILED if _FAILED in converted.values() else converted
    if origin is list and not _is_scalar_list(tp):
        if not isinstance(value, list):
            problems.add(path, f"expected a list, got {_describe(value)}")
            return _FAILED
        items = [_convert(v, args[0], child_path(path, i), problems) for i, v in enumerate(value)]
        return _FAILED if any(item is _FAILED for item in items) else items
    if origin in (typing.Union, types.UnionType):
        struct_member = next(
            (a for a in args if isinstance(a, type) and issubclass(a, msgspec.Struct)), None
        )
        if struct_member is not None and isinstance(value, dict):
            return _convert_struct(value, struct_member, path, problems)
    try:
        return msgspec.convert(value, tp)
    except msgspec.ValidationError as exc:
        message = str(exc).split(" - at `$", 1)[0]
        problems.add(path, f"{message}: got {_describe(value)}")
        return _FAILED


def _is_scalar_list(tp: Any) -> bool:
    (item,) = typing.get_args(tp)
    return item in (str, int) or typing.get_origin(item) in (typing.Union, types.UnionType)


@functools.cache
def _fields(tp: type[msgspec.Struct]) -> dict[str, msgspec.structs.FieldInfo]:
    """The fields of a schema Struct by wire name (msgspec evaluates annotations on every call)."""
    return {f.encode_name: f for f in msgspec.structs.fields(tp)}


@functools.cache
def _type_hints(tp: type) -> dict[str, Any]:
    return typing.get_type_hints(tp, include_extras=True)  # keeps msgspec.Meta constraints


def _convert_struct(value: Any, tp: type[msgspec.Struct], path: str, problems: Problems) -> Any:
    name = tp.__name__.lower()
    if not isinstance(value, dict):
        problems.add(path, f"expected a mapping ({name}), got {_describe(value)}")
        return _FAILED
    fields = _fields(tp)
    before = len(problems.items)
    for key in value:
        if key not in fields:
            hint = difflib.get_close_matches(key, list(fields), n=1)
            suggestion = f" (did you mean `{hint[0]}`?)" if hint else ""
            allowed = ", ".join(fields)
            problems.add(
                child_path(path, key),
                f"unknown key `{key}` in {name}{suggestion}; allowed: {allowed}",
            )
    for key, info in fields.items():
        if info.required and key not in value:
            problems.add(path, f"missing required key `{key}` in {name}")
    hints = _type_hints(tp)
    kwargs = {
        info.name: _convert(value[key], hints[info.name], child_path(path, key), problems)
        for key, info in fields.items()
        if key in value
    }
    if len(problems.items) > before or _FAILED in kwargs.values():
        return _FAILED
    return tp(**kwargs)
