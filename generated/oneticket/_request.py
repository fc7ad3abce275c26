# Generated from endpoints.yaml (sha256 4351ed15912ba5b4183a09621d482cd17cd9c2b41bcff903f0b6de6a59f0a3d9) by `python -m codegen generate`. Do not edit.
"""Arguments to the wire: the URL (path segments, query string), header values, and their checks.

Every value is percent-encoded or checked so that no argument can change the route, add a header or
break the request line; a value that cannot be sent is an `ArgumentError` before anything leaves.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any, NamedTuple

from . import errors
from ._endpoint import Endpoint, Param


class PreparedRequest(NamedTuple):
    url: str
    display: str  # the URL as logs and errors show it: secret query values masked
    headers: dict[str, str]


def check_header_value(name: str, value: str) -> str:
    if "\r" in value or "\n" in value:
        raise errors.ArgumentError(f"header `{name}` must not contain CR or LF")
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


def prepare(
    endpoint: Endpoint[Any],
    args: Mapping[str, object],
    *,
    base_url: str,
    headers: Mapping[str, str],
    date_format: str,
) -> PreparedRequest:
    """The URL, the URL to show, and the headers of one call of `endpoint` with `args`."""
    path = endpoint.path
    query: list[str] = []
    shown: list[str] = []
    request_headers = dict(headers)
    for param in endpoint.params:
        value = args.get(param.wire)
        if value is None:
            if param.required:
                raise errors.ArgumentError(
                    f"{endpoint.name}: `{param.argument or param.wire}` is required"
                )
            continue
        if param.choices is not None:
            _check_choices(endpoint.name, param, value)
        if param.location == "path":
            segment = _path_segment(endpoint.name, param.wire, value, date_format)
            path = path.replace("{" + param.wire + "}", segment)
        elif param.location == "query":
            name = _quote(endpoint.name, param.wire, param.wire)
            for item in _query_items(endpoint.name, param, value, date_format):
                query.append(f"{name}={item}")
                shown.append(f"{name}={'***' if param.secret else item}")
        else:
            text = _wire_text(value, date_format)
            request_headers[param.wire] = check_header_value(param.wire, text)
    url = base_url + path + ("?" + "&".join(query) if query else "")
    display = base_url + path + ("?" + "&".join(shown) if shown else "")
    request_headers["Accept"] = endpoint.accept
    if endpoint.gzip:
        request_headers["Accept-Encoding"] = "gzip"
    return PreparedRequest(url, display, request_headers)


def _quote(operation: str, name: str, text: str) -> str:
    """Percent-encode every character that is not unreserved, so a value can never change the URL."""
    if text.isascii() and text.isalnum():
        return text  # nothing to encode (most ids and codes): `urllib.parse` waits for other text
    from urllib.parse import quote

    try:
        return quote(text, safe="")
    except UnicodeEncodeError:
        raise errors.ArgumentError(
            f"{operation}: `{name}` is not valid text (it holds a lone surrogate)"
        ) from None


def _wire_text(value: object, date_format: str) -> str:
    """The text of one argument value as sent: enums by value, booleans in lowercase."""
    if type(value) is str:
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date):
        return value.strftime(date_format)
    raw = getattr(value, "value", value)  # an Enum member
    return raw if isinstance(raw, str) else str(raw)


def _path_segment(operation: str, name: str, value: object, date_format: str) -> str:
    text = _wire_text(value, date_format)
    if not text:
        raise errors.ArgumentError(f"{operation}: `{name}` must not be empty")
    if text in (".", ".."):
        # Dot segments would be resolved by the server and change the route.
        return text.replace(".", "%2E")
    return _quote(operation, name, text)


def _check_choices(operation: str, param: Param, value: object) -> None:
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


def _query_items(operation: str, param: Param, value: object, date_format: str) -> list[str]:
    """Percent-encoded values; a comma-joined list keeps its delimiters as literal commas."""
    if isinstance(value, (list, tuple)):
        texts = [_quote(operation, param.wire, _wire_text(item, date_format)) for item in value]
        return [",".join(texts)] if param.style == "comma" else texts
    return [_quote(operation, param.wire, _wire_text(value, date_format))]
