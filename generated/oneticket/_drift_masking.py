# Generated from endpoints.yaml (sha256 3750acddfbb35d332c19e57261e2fb4db0cd75297ec40220e5e2d195ab230ba7) by `ticketing-codegen generate`. Do not edit.
"""Drift records never carry secrets: masks for credential-looking keys, the models' secret fields and the
client's credential values, and short examples instead of whole values."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from ._endpoint import Endpoint

MASK = "***"
MAX_EXAMPLE_TEXT = 80  # characters of a string example
MAX_EXAMPLE_ITEMS = 5  # entries of a list or object example

# Words that make an undeclared key's value a secret (the key is kept, its value masked).
_SECRET_WORDS = frozenset(
    {"password", "passwd", "pwd", "secret", "token", "jwt", "apikey", "auth", "authorization"}
    | {"cvv", "cvc", "ssn", "pin", "credential", "credentials", "key"}
)
_SECRET_PAIRS = (
    ("card", "number"),
    ("account", "number"),
    ("routing", "number"),
    ("bank", "account"),
)
_WORDS = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+")


def looks_secret(key: str) -> bool:
    """Whether an undeclared key names a credential (`apiKey`, `card_number`, `resetToken`)."""
    words = {word.lower() for word in _WORDS.findall(key)}
    return bool(words & _SECRET_WORDS) or any(a in words and b in words for a, b in _SECRET_PAIRS)


def masked_value(value: Any) -> Any:
    """A secret's stand-in of the same JSON kind, so a masked sample still decodes."""
    if isinstance(value, str):
        return MASK if value else value
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, (int, float)):
        return 0
    if isinstance(value, list):
        return [masked_value(v) for v in value]
    if isinstance(value, dict):
        return {k: masked_value(v) for k, v in value.items()}
    return MASK


def mask_document(value: Any, secret_names: frozenset[str]) -> Any:
    """A copy of a JSON document with the values of secret keys masked."""
    if isinstance(value, dict):
        return {
            key: masked_value(item)
            if key in secret_names or looks_secret(key)
            else mask_document(item, secret_names)
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [mask_document(item, secret_names) for item in value]
    return value


def short_example(value: Any, secret_names: frozenset[str], depth: int = 0) -> Any:
    """A masked, truncated copy of a value to show in a record."""
    if isinstance(value, str):
        return value if len(value) <= MAX_EXAMPLE_TEXT else value[:MAX_EXAMPLE_TEXT] + "..."
    if isinstance(value, dict):
        if depth >= 2:
            return {"...": f"{len(value)} keys"}
        items = list(value.items())[:MAX_EXAMPLE_ITEMS]
        return {
            key: MASK
            if key in secret_names or looks_secret(key)
            else short_example(item, secret_names, depth + 1)
            for key, item in items
        }
    if isinstance(value, list):
        if depth >= 2:
            return [f"... {len(value)} items"]
        return [short_example(item, secret_names, depth + 1) for item in value[:MAX_EXAMPLE_ITEMS]]
    return value


def scrub(value: Any, secrets: list[str]) -> Any:
    """`value` with every credential value replaced by the mask, wherever it appears."""
    if isinstance(value, str):
        for secret in secrets:
            value = value.replace(secret, MASK)
        return value
    if isinstance(value, list):
        return [scrub(item, secrets) for item in value]
    if isinstance(value, dict):
        return {scrub(k, secrets): scrub(v, secrets) for k, v in value.items()}
    return value


def secret_args(endpoint: Endpoint[Any], args: Mapping[str, object] | None) -> list[str]:
    """The values of the call's secret arguments (a password query value, an Authorization header)."""
    if not args:
        return []
    return [
        str(args[p.wire])
        for p in endpoint.params
        if p.secret and args.get(p.wire) is not None and len(str(args[p.wire])) >= 4
    ]
