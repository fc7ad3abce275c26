"""Python names derived from wire names."""

from __future__ import annotations

import keyword
import re

# Names a generated attribute or argument must not take, besides keywords.
_RESERVED = frozenset({"self", "body", "timeout"})


def snake_case(wire: str) -> str:
    """`ticketID` -> `ticket_id`, `PDIVersion` -> `pdi_version`, `If-Unmodified-Since` -> `if_unmodified_since`.

    Returns "" when no identifier can be derived (the registry must then give `name:`).
    """
    text = re.sub(r"[^0-9A-Za-z]+", "_", wire.strip())
    text = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1_\2", text)
    text = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", text)
    text = re.sub(r"_+", "_", text).strip("_").lower()
    if not text.isidentifier():
        return ""
    if keyword.iskeyword(text) or text in _RESERVED:
        return text + "_"
    return text


def is_valid_name(name: str) -> bool:
    return name.isidentifier() and not keyword.iskeyword(name) and name not in _RESERVED


def constant_case(value: str | int) -> str:
    """An enum member name for a wire value: `PRINT_AT_HOME`, `LOCAKLPICKUP`, `VALUE_12`."""
    text = re.sub(r"[^0-9A-Za-z]+", "_", str(value)).strip("_").upper()
    if not text or text[0].isdigit():
        text = f"VALUE_{text}"
    return text


def pascal_case(snake: str) -> str:
    return "".join(part[:1].upper() + part[1:] for part in snake.split("_"))
