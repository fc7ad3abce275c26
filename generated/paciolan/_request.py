# Generated from endpoints.yaml (sha256 3750acddfbb35d332c19e57261e2fb4db0cd75297ec40220e5e2d195ab230ba7) by `ticketing-codegen generate`. Do not edit.
"""Arguments to the wire: the URL (path segments, query string), header values, and their checks.

Every value is percent-encoded or checked so that no argument can change the route, add a header or
break the request line; a value that cannot be sent is an `ArgumentError` before anything leaves.
"""

from __future__ import annotations

from datetime import date, datetime, timezone
from enum import Enum
from typing import Any

from . import errors
from ._endpoint import Param


def _has_control_character(value: str) -> bool:
    """Control characters (NUL, CR, LF, DEL, ...) would end or corrupt a header line; a tab is allowed."""
    if value.isprintable():  # the common case, in C
        return False
    return any((c < " " and c != "\t") or c == "\x7f" for c in value)


def check_header_value(name: str, value: str) -> str:
    if _has_control_character(value):
        raise errors.ArgumentError(
            f"header `{name}` must not contain control characters (CR, LF, NUL, ...)"
        )
    try:
        value.encode("latin-1")
    except UnicodeEncodeError:
        raise errors.ArgumentError(
            f"header `{name}` must be Latin-1 text (HTTP headers cannot carry other characters)"
        ) from None
    return value


def check_credential(
    name: str,
    value: object,
    *,
    pattern: str | None = None,
    form: str = "",
    minimum: int | None = None,
    maximum: int | None = None,
    secret: bool = False,
) -> None:
    """Refuse a credential the vendor would refuse, when the client is built (the registry's rule).

    A str must match `pattern` in full (described to the caller as `form`); an int must lie from
    `minimum` to `maximum`. A secret value is never shown in the error.
    """
    shown = "" if secret else f", got {value!r}"
    if pattern is not None:
        import re

        if not isinstance(value, str) or re.fullmatch(pattern, value) is None:
            raise errors.ArgumentError(f"`{name}` must be {form}{shown}")
        return
    if isinstance(value, bool) or not isinstance(value, int):
        raise errors.ArgumentError(f"`{name}` must be an int{_range_text(minimum, maximum)}{shown}")
    if (minimum is not None and value < minimum) or (maximum is not None and value > maximum):
        raise errors.ArgumentError(f"`{name}` must be an int{_range_text(minimum, maximum)}{shown}")


def _range_text(minimum: int | None, maximum: int | None) -> str:
    if minimum is not None and maximum is not None:
        return f" from {minimum} to {maximum}"
    if minimum is not None:
        return f" of at least {minimum}"
    return f" of at most {maximum}" if maximum is not None else ""


def percent_encode(operation: str, name: str, text: str) -> str:
    """Percent-encode every character that is not unreserved, so a value can never change the URL."""
    # ASCII letters and digits only: nothing to encode (most ids and codes), and `urllib.parse` waits
    # for other text. `bytes.isalnum` knows only ASCII and costs half of `str.isalnum`.
    if text.isascii() and text.encode().isalnum():
        return text
    from urllib.parse import quote

    try:
        return quote(text, safe="")
    except UnicodeEncodeError:
        raise errors.ArgumentError(
            f"{operation}: `{name}` is not valid text (it holds a lone surrogate)"
        ) from None


def wire_text(value: object, date_format: str) -> str:
    """The text of one argument value as sent: enums by value, booleans in lowercase."""
    if type(value) is str:
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime):
        return http_date(value)
    if isinstance(value, date):
        return value.strftime(date_format)
    raw = getattr(value, "value", value)  # an Enum member
    return raw if isinstance(raw, str) else str(raw)


def path_segment(operation: str, name: str, text: str) -> str:
    """The path segment of an argument's text: percent-encoded, never empty, never a dot segment."""
    if not text:
        raise errors.ArgumentError(f"{operation}: `{name}` must not be empty")
    if text in (".", ".."):
        # Dot segments would be resolved by the server and change the route.
        return text.replace(".", "%2E")
    return percent_encode(operation, name, text)


def check_choices(operation: str, param: Param, value: object) -> None:
    if param.choices is None:
        return
    values = value if isinstance(value, (list, tuple)) else [value]
    for item in values:
        raw = getattr(item, "value", item)
        if raw not in param.choices:
            allowed = ", ".join(sorted(repr(c) for c in param.choices))
            raise errors.ArgumentError(
                f"{operation}: `{param.wire}` must be one of {allowed}, got {raw!r}"
            )


def query_items(operation: str, param: Param, value: object, date_format: str) -> list[str]:
    """Percent-encoded values; a comma-joined list keeps its delimiters as literal commas."""
    if isinstance(value, (list, tuple)):
        texts = [
            percent_encode(operation, param.wire, wire_text(item, date_format)) for item in value
        ]
        return [",".join(texts)] if param.style == "comma" else texts
    return [percent_encode(operation, param.wire, wire_text(value, date_format))]


# -- declared types -------------------------------------------------------------------------------


def _is_text(value: object) -> bool:
    return isinstance(value, str)


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_bool(value: object) -> bool:
    return isinstance(value, bool)


def _is_date(value: object) -> bool:
    # A date argument may also be the vendor's own text (a comparison such as ">=06/15/2018").
    return isinstance(value, (date, str)) and not isinstance(value, datetime)


def _is_choice(value: object) -> bool:
    raw = value.value if isinstance(value, Enum) else value
    return isinstance(raw, (str, int)) and not isinstance(raw, bool)


def _is_http_date(value: object) -> bool:
    return isinstance(value, (datetime, str))


_KINDS = {
    "str": (_is_text, "text (str)"),
    "int": (_is_int, "an int"),
    "bool": (_is_bool, "a bool"),
    "date": (_is_date, "a date or its text"),
    "choice": (_is_choice, "one of its documented values"),
    "http_date": (_is_http_date, "a datetime or an HTTP date text"),
}


def check_kind(operation: str, param: Param, value: object) -> None:
    """Refuse a value that is not of the parameter's declared type (`True` is not an int, `object()`
    is not text) before anything is sent, instead of sending its `str()`."""
    if value.__class__ is str and param.kind == "str" and not param.many:
        return  # the common case, decided without a lookup
    fits, described = _KINDS[param.kind]
    name = param.argument or param.wire
    if param.many:
        if not isinstance(value, (list, tuple)):
            raise errors.ArgumentError(
                f"{operation}: `{name}` must be a list of {described}, got {type(value).__name__}"
            )
        items: Any = value
    else:
        items = (value,)
    for item in items:
        if not fits(item) and not (param.builder is not None and isinstance(item, param.builder)):
            raise errors.ArgumentError(
                f"{operation}: `{name}` must be {described}, got {type(item).__name__}"
            )


_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def http_date(value: datetime) -> str:
    """IMF-fixdate (`Wed, 11 Aug 2023 00:00:00 GMT`), in English whatever the locale.

    A datetime without a time zone is taken as UTC, the zone HTTP dates are written in.
    """
    moment = value.astimezone(timezone.utc) if value.tzinfo is not None else value
    return (
        f"{_DAYS[moment.weekday()]}, {moment.day:02d} {_MONTHS[moment.month - 1]} {moment.year:04d} "
        f"{moment.hour:02d}:{moment.minute:02d}:{moment.second:02d} GMT"
    )
