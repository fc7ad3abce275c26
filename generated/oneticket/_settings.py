# Generated from endpoints.yaml (sha256 3750acddfbb35d332c19e57261e2fb4db0cd75297ec40220e5e2d195ab230ba7) by `ticketing-codegen generate`. Do not edit.
"""Client settings, checked when the client is built: a wrong value fails there, named, not later.

A `None` token, `timeout=0`, `timeout="5"`, a base URL without a scheme or `max_retries=2.5` would
otherwise fail on the first request with urllib3's or Python's own errors, or never at all.
"""

from __future__ import annotations

from collections.abc import Mapping

from . import errors
from ._endpoint import Timeout
from ._request import check_header_value

_INFINITY = float("inf")


def _seconds(name: str, value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise errors.ArgumentError(
            f"{name} must be a number of seconds, got {type(value).__name__}"
        )
    seconds = float(value)
    if not 0 < seconds < _INFINITY:  # also false for NaN
        raise errors.ArgumentError(
            f"{name} must be a finite number of seconds above 0, got {value!r}"
        )
    return seconds


def timeout_from(value: object) -> Timeout:
    """A `Timeout` from a number (connect, read and total alike) or a `Timeout`, checked."""
    if isinstance(value, Timeout):
        return Timeout(
            _seconds("timeout.connect", value.connect),
            _seconds("timeout.read", value.read),
            _seconds("timeout.total", value.total),
        )
    seconds = _seconds("timeout", value)
    return Timeout(seconds, seconds, seconds)


def retry_count(value: object) -> int:
    """`max_retries`: a whole number, 0 or more (`2.5` and `True` are refused)."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise errors.ArgumentError(f"max_retries must be a whole number, 0 or more, got {value!r}")
    return value


def byte_limit(name: str, value: object) -> int:
    """A size limit in bytes: a whole number above 0."""
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise errors.ArgumentError(f"{name} must be a whole number of bytes above 0, got {value!r}")
    return value


def credential(name: str, value: object, kind: type) -> str:
    """The header text of a credential argument; the value itself never appears in the error."""
    if isinstance(value, bool) or not isinstance(value, kind):
        raise errors.ArgumentError(f"`{name}` must be {kind.__name__}, got {type(value).__name__}")
    text = str(value)
    if not text or text != text.strip():
        raise errors.ArgumentError(f"`{name}` must not be empty or start or end with spaces")
    try:
        check_header_value(name, text)
    except errors.ArgumentError:
        raise errors.ArgumentError(
            f"`{name}` must be Latin-1 text without control characters"
        ) from None
    return text


def server_urls(
    servers: Mapping[str, str], base_url: object, overrides: Mapping[str, str] | None
) -> dict[str, str]:
    """The URL of each named server: the vendor's, all replaced by `base_url`, then `overrides`."""
    urls = dict(servers)
    if base_url is not None:
        urls = dict.fromkeys(urls, _checked_url("base_url", base_url))
    for name, url in (overrides or {}).items():
        if name not in urls:
            raise errors.ArgumentError(
                f"servers: no server named {name!r} (known: {', '.join(sorted(urls))})"
            )
        urls[name] = _checked_url(f"servers[{name!r}]", url)
    return urls


def _checked_url(name: str, url: object) -> str:
    """An absolute http(s) URL with a host and nothing after its path."""
    if not isinstance(url, str):
        raise errors.ArgumentError(f"{name} must be a URL string, got {type(url).__name__}")
    from urllib.parse import urlsplit

    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 (reading it validates the port)
    except ValueError as exc:
        raise errors.ArgumentError(f"{name} is not a valid URL: {exc}") from None
    if (
        parts.scheme not in ("http", "https")
        or not parts.hostname
        or parts.query
        or parts.fragment
        or any(c.isspace() or not c.isprintable() for c in url)
    ):
        raise errors.ArgumentError(
            f"{name} must be an http:// or https:// URL with a host and no query, got {url[:100]!r}"
        )
    return url
