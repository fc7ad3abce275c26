"""Type expressions of the registry (`list[Seat]`, `str | null`) parsed into a small tree."""

from __future__ import annotations

import re
from dataclasses import dataclass

# The registry's scalar types; every other name is a type the vendor declares.
SCALARS = frozenset({"str", "int", "float", "bool", "decimal", "date", "any"})


@dataclass(frozen=True)
class Named:
    """A scalar (`str`) or a type declared in the registry (`Cart`)."""

    name: str


@dataclass(frozen=True)
class ListOf:
    item: TypeRef


@dataclass(frozen=True)
class DictOf:
    value: TypeRef


@dataclass(frozen=True)
class Nullable:
    inner: TypeRef


TypeRef = Named | ListOf | DictOf | Nullable

_TOKEN = re.compile(r"\s*([A-Za-z_][A-Za-z0-9_]*|\[|\]|,|\|)")


class TypeSyntaxError(ValueError):
    pass


def parse(text: str) -> TypeRef:
    tokens = _tokenize(text)
    ref, rest = _parse_union(tokens, text)
    if rest:
        raise TypeSyntaxError(f"unexpected `{rest[0]}` in type `{text}`")
    return ref


def _tokenize(text: str) -> list[str]:
    tokens: list[str] = []
    pos = 0
    while pos < len(text.rstrip()):
        match = _TOKEN.match(text, pos)
        if not match:
            raise TypeSyntaxError(f"cannot read type `{text}` at `{text[pos:]}`")
        tokens.append(match.group(1))
        pos = match.end()
    return tokens


def _parse_union(tokens: list[str], text: str) -> tuple[TypeRef, list[str]]:
    ref, rest = _parse_atom(tokens, text)
    nullable = False
    while rest and rest[0] == "|":
        if rest[1:2] != ["null"]:
            raise TypeSyntaxError(f"only `| null` may follow a type in `{text}`")
        nullable, rest = True, rest[2:]
    return (Nullable(ref) if nullable else ref), rest


def _parse_atom(tokens: list[str], text: str) -> tuple[TypeRef, list[str]]:
    if not tokens or not re.match(r"[A-Za-z_]", tokens[0]):
        raise TypeSyntaxError(f"expected a type name in `{text}`")
    head, rest = tokens[0], tokens[1:]
    if head in ("list", "dict"):
        if not rest or rest[0] != "[":
            raise TypeSyntaxError(f"`{head}` needs `[...]` in `{text}`")
        rest = rest[1:]
        if head == "dict":
            if rest[:2] != ["str", ","]:
                raise TypeSyntaxError(f"dict keys must be `str` in `{text}`")
            rest = rest[2:]
        inner, rest = _parse_union(rest, text)
        if not rest or rest[0] != "]":
            raise TypeSyntaxError(f"missing `]` in `{text}`")
        return (ListOf(inner) if head == "list" else DictOf(inner)), rest[1:]
    if head == "null":
        raise TypeSyntaxError(f"`null` must follow a type (`X | null`) in `{text}`")
    return Named(head), rest


def names_in(ref: TypeRef) -> list[str]:
    """Every name the expression refers to."""
    if isinstance(ref, Named):
        return [ref.name]
    if isinstance(ref, ListOf):
        return names_in(ref.item)
    if isinstance(ref, DictOf):
        return names_in(ref.value)
    return names_in(ref.inner)


def is_list(ref: TypeRef) -> bool:
    return isinstance(ref, ListOf) or (isinstance(ref, Nullable) and is_list(ref.inner))


def spell(ref: TypeRef) -> str:
    """The expression in the registry's own spelling (`list[ Seat ]` and `list[Seat]` read the same)."""
    if isinstance(ref, Named):
        return ref.name
    if isinstance(ref, ListOf):
        return f"list[{spell(ref.item)}]"
    if isinstance(ref, DictOf):
        return f"dict[str, {spell(ref.value)}]"
    return f"{spell(ref.inner)} | null"
