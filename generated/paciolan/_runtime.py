# Generated from endpoints.yaml (sha256 02162d2bc14d3f0c3da0a7d6dd34666bcc6bb1d8e329602b6935bc8e5304b94d) by `python -m codegen generate`. Do not edit.
"""The transport behind every operation: URLs, headers, retries, timeouts, decoding, errors.

urllib3 is only a connection pool here; retrying is decided by this module, per operation, so that a
request that may have reached the server is never sent twice unless the operation is idempotent.
urllib3 and logging are imported on the first request, not on import.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from datetime import date
from typing import TYPE_CHECKING, Any, Generic, NamedTuple, TypeVar
from urllib.parse import quote

import msgspec

from . import errors
from ._files import on_own_server
from ._multipart import MULTIPART, parse_multipart
from ._responses import RawResponse, _captured, _head_only
from ._serde import decoder_for, encode

if TYPE_CHECKING:
    import logging

    import urllib3

T = TypeVar("T")

# Statuses that are retried, for idempotent operations only.
RETRY_STATUSES = frozenset({408, 429, 500, 502, 503, 504})
BACKOFF_INITIAL = 0.5
BACKOFF_MAX = 8.0
# A server asking to wait longer than this gets the error at once, carrying the value it asked for.
RETRY_AFTER_MAX = 60.0


# How a `datetime.date` argument is written on the wire.
DATE_FORMAT = "%Y-%m-%d"


class Timeout(NamedTuple):
    """Seconds to wait for the connection, and for each read of the response."""

    connect: float = 5.0
    read: float = 30.0


DEFAULT_TIMEOUT = Timeout()


class Param(NamedTuple):
    """How one argument of an operation goes on the wire."""

    wire: str
    location: str  # "path", "query" or "header"
    style: str | None = None  # lists: "repeated" (a=1&a=2) or "comma" (a=1,2)
    choices: frozenset[object] | None = None
    secret: bool = False
    required: bool = False
    argument: str | None = None  # the Python argument's name, where it is not the wire name


# Query parameters whose values are secret (a password in a query string), of every operation.
_SECRET_QUERY_NAMES: set[str] = set()


class Endpoint(Generic[T]):
    """Everything the transport needs to know about one operation."""

    __slots__ = (
        "accept",
        "body_type",
        "enveloped",
        "gzip",
        "head",
        "idempotent",
        "media_types",
        "method",
        "name",
        "not_modified",
        "params",
        "path",
        "require_output",
        "response_type",
        "server",
    )

    def __init__(
        self,
        name: str,
        method: str,
        path: str,
        params: tuple[Param, ...] = (),
        *,
        response_type: Any = None,
        body_type: Any = None,
        server: str = "default",
        idempotent: bool,
        accept: str = "application/json",
        gzip: bool = True,
        enveloped: bool = False,
        head: bool = False,
        media_types: Mapping[str, Any] | None = None,
        require_output: bool = False,
        not_modified: bool = False,
    ) -> None:
        self.name = name
        self.method = method
        self.path = path
        self.params = params
        _SECRET_QUERY_NAMES.update(p.wire for p in params if p.secret and p.location == "query")
        self.response_type = response_type
        self.body_type = body_type
        self.server = server
        self.idempotent = idempotent
        self.accept = accept
        self.gzip = gzip
        self.enveloped = enveloped
        self.head = head  # the vendor also answers HEAD on this path
        # Other media types the caller may ask for, with the type each decodes into (or MULTIPART).
        self.media_types = dict(media_types or {})
        self.not_modified = not_modified  # 304 Not Modified is a result (None), not an error
        self.require_output = (
            require_output  # the method returns output[0]: an empty output is an error
        )


def _request_id() -> str:
    """A UUID4 string, without importing `uuid` (which costs more than this module)."""
    raw = bytearray(os.urandom(16))
    raw[6] = (raw[6] & 0x0F) | 0x40
    raw[8] = (raw[8] & 0x3F) | 0x80
    text = raw.hex()
    return f"{text[:8]}-{text[8:12]}-{text[12:16]}-{text[16:20]}-{text[20:]}"


def _check_header_value(name: str, value: str) -> str:
    if "\r" in value or "\n" in value:
        raise errors.ArgumentError(f"header `{name}` must not contain CR or LF")
    try:
        value.encode("latin-1")
    except UnicodeEncodeError:
        raise errors.ArgumentError(
            f"header `{name}` must be Latin-1 text (HTTP headers cannot carry other characters)"
        ) from None
    return value


def _quote(operation: str, name: str, text: str) -> str:
    """Percent-encode every character that is not unreserved, so a value can never change the URL."""
    try:
        return quote(text, safe="")
    except UnicodeEncodeError:
        raise errors.ArgumentError(
            f"{operation}: `{name}` is not valid text (it holds a lone surrogate)"
        ) from None


def _wire_text(value: object) -> str:
    """The text of one argument value as sent: enums by value, booleans in lowercase."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date):
        return value.strftime(DATE_FORMAT)
    raw = getattr(value, "value", value)  # an Enum member
    return raw if isinstance(raw, str) else str(raw)


def _path_segment(operation: str, name: str, value: object) -> str:
    text = _wire_text(value)
    if not text:
        raise errors.ArgumentError(f"{operation}: `{name}` must not be empty")
    if text in (".", ".."):
        # Dot segments would be resolved by the server and change the route.
        return text.replace(".", "%2E")
    return _quote(operation, name, text)


class Transport:
    """One connection pool (thread-safe, keep-alive) and the request loop."""

    def __init__(
        self,
        *,
        base_urls: Mapping[str, str],
        headers: Mapping[str, str],
        secret_headers: frozenset[str],
        timeout: Timeout,
        max_retries: int,
        logger_name: str,
    ) -> None:
        self.base_urls = {name: url.rstrip("/") for name, url in base_urls.items()}
        self.headers = {name: _check_header_value(name, value) for name, value in headers.items()}
        self.secret_headers = secret_headers
        self.timeout = timeout
        self.max_retries = max_retries
        self.logger_name = logger_name
        self._pool: urllib3.PoolManager | None = None
        # Per server: its connection pool, and where the request target starts in a URL on it.
        self._server_pools: dict[str, tuple[urllib3.HTTPConnectionPool, int]] = {}
        self._timeouts: dict[Timeout, urllib3.Timeout] = {}
        self._logger: logging.Logger | None = None
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return f"<Transport {sorted(self.base_urls.values())}>"

    def close(self) -> None:
        if self._pool is not None:
            self._pool.clear()

    def _connection_pool(self) -> urllib3.PoolManager:
        with self._lock:
            if self._pool is None:
                import logging

                import urllib3

                self._logger = logging.getLogger(self.logger_name)
                _mask_urllib3_log(logging)
                self._pool = urllib3.PoolManager(maxsize=10, retries=False)
            return self._pool

    @contextmanager
    def stream(
        self, operation: str, url: str, *, timeout: Timeout | None = None
    ) -> Iterator[Iterator[bytes]]:
        """GET `url` and give its body in chunks, without holding it in memory.

        The vendor's credential headers go only to the client's own servers (below a base URL): a file
        host named in a response (a PDF or export URL) never sees them.
        """
        pool = self._connection_pool()
        import urllib3
        from urllib3.exceptions import HTTPError, ReadTimeoutError

        headers = dict(self.headers) if on_own_server(url, self.base_urls) else {}
        headers["Accept"] = "*/*"
        timeout = timeout or self.timeout
        display = url.split("?", 1)[0]
        try:
            response = pool.request(
                "GET",
                url,
                headers=headers,
                timeout=urllib3.Timeout(connect=timeout.connect, read=timeout.read),
                redirect=False,
                retries=False,
                preload_content=False,
            )
        except HTTPError as exc:
            raise errors.ApiConnectionError(
                f"{operation}: cannot fetch {display}: {type(exc).__name__}"
            ) from None
        try:
            if response.status >= 300:
                body = response.read(errors.MAX_ERROR_BODY)
                raise errors.status_error_class(response.status)(
                    f"{operation}: GET {display} returned HTTP {response.status}",
                    status=response.status,
                    headers=response.headers,
                    body=body,
                )
            yield self._chunks(operation, display, response, ReadTimeoutError, HTTPError)
        finally:
            response.release_conn()

    @staticmethod
    def _chunks(
        operation: str,
        display: str,
        response: Any,
        read_timeout: type[Exception],
        failure: type[Exception],
    ) -> Iterator[bytes]:
        try:
            yield from response.stream(64 * 1024)
        except read_timeout:
            raise errors.ApiTimeoutError(f"{operation}: {display} stopped sending") from None
        except failure as exc:
            raise errors.ApiConnectionError(
                f"{operation}: the download of {display} failed: {type(exc).__name__}"
            ) from None

    def _server_pool(self, server: str, url: str) -> tuple[urllib3.HTTPConnectionPool, str]:
        """The pool of a server and the request target of `url` on it, without parsing `url` again."""
        cached = self._server_pools.get(server)
        if cached is None:
            from urllib3.util import parse_url

            base = self.base_urls[server]
            pool = self._connection_pool().connection_from_url(base)
            cached = self._server_pools[server] = (
                pool,
                len(base) - len(parse_url(base).path or ""),
            )
        pool, origin_length = cached
        return pool, url[origin_length:]

    def _urllib3_timeout(self, timeout: Timeout) -> urllib3.Timeout:
        cached = self._timeouts.get(timeout)
        if cached is None:
            import urllib3

            cached = self._timeouts[timeout] = urllib3.Timeout(
                connect=timeout.connect, read=timeout.read
            )
        return cached

    # -- building the request ------------------------------------------------------------------

    def prepare(
        self, endpoint: Endpoint[Any], args: Mapping[str, object]
    ) -> tuple[str, str, dict[str, str]]:
        """The URL, the URL to show in logs and errors (secrets masked), and the headers."""
        path = endpoint.path
        query: list[str] = []
        shown: list[str] = []
        headers = dict(self.headers)
        for param in endpoint.params:
            value = args.get(param.wire)
            if value is None:
                if param.required:
                    raise errors.ArgumentError(
                        f"{endpoint.name}: `{param.argument or param.wire}` is required"
                    )
                continue
            self._check_choices(endpoint.name, param, value)
            if param.location == "path":
                path = path.replace(
                    "{" + param.wire + "}", _path_segment(endpoint.name, param.wire, value)
                )
            elif param.location == "query":
                name = quote(param.wire, safe="")
                for item in self._query_items(endpoint.name, param, value):
                    query.append(f"{name}={item}")
                    shown.append(f"{name}={'***' if param.secret else item}")
            else:
                headers[param.wire] = _check_header_value(param.wire, _wire_text(value))
        base = self.base_urls[endpoint.server]
        url = base + path + ("?" + "&".join(query) if query else "")
        display = base + path + ("?" + "&".join(shown) if shown else "")
        headers["Accept"] = endpoint.accept
        if endpoint.gzip:
            headers["Accept-Encoding"] = "gzip"
        return url, display, headers

    @staticmethod
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

    @staticmethod
    def _query_items(operation: str, param: Param, value: object) -> list[str]:
        """Percent-encoded values; a comma-joined list keeps its delimiters as literal commas."""
        if isinstance(value, (list, tuple)):
            texts = [_quote(operation, param.wire, _wire_text(item)) for item in value]
            return [",".join(texts)] if param.style == "comma" else texts
        return [_quote(operation, param.wire, _wire_text(value))]

    # -- sending -------------------------------------------------------------------------------

    def send(
        self,
        endpoint: Endpoint[T],
        args: Mapping[str, object],
        body: object = None,
        *,
        timeout: Timeout | None = None,
        max_retries: int | None = None,
        request_id_header: str | None = None,
        media_type: str | None = None,
    ) -> T:
        head_only = _head_only.get()
        if head_only and not endpoint.head:
            raise errors.ArgumentError(f"{endpoint.name} does not support HEAD")
        if media_type is not None and media_type != endpoint.accept:
            if media_type not in endpoint.media_types:
                choices = ", ".join([endpoint.accept, *endpoint.media_types])
                raise errors.ArgumentError(
                    f"{endpoint.name}: media_type must be one of {choices}, got {media_type!r}"
                )
        else:
            media_type = None
        url, display, headers = self.prepare(endpoint, args)
        if media_type is not None:
            headers["Accept"] = media_type
        payload: bytes | None = None
        if endpoint.body_type is not None:
            payload = self._encode_body(endpoint, body)
            headers["Content-Type"] = "application/json"
        request_id = None
        if request_id_header is not None:
            request_id = _request_id()
            headers[request_id_header] = request_id
        response = self._exchange(
            endpoint,
            "HEAD" if head_only else endpoint.method,
            url,
            display,
            headers,
            payload,
            timeout or self.timeout,
            self.max_retries if max_retries is None else max_retries,
            request_id,
            request_id_header,
        )
        captured = _captured.get()
        if captured is not None:
            captured.append(response)
        if response.status == 304 and endpoint.not_modified:
            return None  # type: ignore[return-value]
        if response.status >= 300:
            raise self._status_error(endpoint, response, display)
        if head_only:
            return None  # type: ignore[return-value]
        if media_type is not None:
            return self._decode_media(endpoint, response, media_type)  # type: ignore[no-any-return]
        return self._decode(endpoint, response)

    def _decode_media(self, endpoint: Endpoint[Any], response: RawResponse, media_type: str) -> Any:
        kind = endpoint.media_types[media_type]
        if kind != MULTIPART:
            return self._decode_as(endpoint, response, kind)
        content_type = response.headers.get("Content-Type", "")
        try:
            return parse_multipart(content_type, response.body)
        except (ValueError, msgspec.DecodeError) as exc:
            raise errors.DecodeError(
                f"{endpoint.name}: the {media_type} response is not a readable multipart body: {exc}",
                operation=endpoint.name,
                path="$",
                body=response.body,
                status=response.status,
                request_id=response.request_id,
            ) from None

    def _encode_body(self, endpoint: Endpoint[Any], body: object) -> bytes:
        body_type = endpoint.body_type
        if body_type is dict:  # an empty JSON object, for operations whose body carries nothing
            return b"{}"
        if body is None:
            raise errors.ArgumentError(f"{endpoint.name}: `body` is required")
        if not isinstance(body, msgspec.Struct):
            # A dict (or a list of dicts) with the wire names: check it against the declared shape.
            try:
                body = msgspec.convert(body, body_type)
            except msgspec.ValidationError as exc:
                raise errors.ArgumentError(f"{endpoint.name}: invalid body: {exc}") from None
        return encode(body)

    def _exchange(
        self,
        endpoint: Endpoint[Any],
        method: str,
        url: str,
        display: str,
        headers: dict[str, str],
        payload: bytes | None,
        timeout: Timeout,
        max_retries: int,
        request_id: str | None,
        request_id_header: str | None,
    ) -> RawResponse:
        pool, target = self._server_pool(endpoint.server, url)
        urllib3_timeout = self._urllib3_timeout(timeout)
        from urllib3.exceptions import (
            ConnectTimeoutError,
            HTTPError,
            NewConnectionError,
            ProtocolError,
            ReadTimeoutError,
        )

        attempt = 0
        started = time.monotonic()
        while True:
            attempt += 1
            try:
                response = pool.urlopen(
                    method,
                    target,
                    body=payload,
                    headers=headers,
                    timeout=urllib3_timeout,
                    redirect=False,
                    retries=False,
                    assert_same_host=False,
                )
            except (NewConnectionError, ConnectTimeoutError) as exc:
                # The request never left: safe to send again whatever the method.
                if attempt <= max_retries:
                    self._sleep(attempt, None)
                    continue
                error_class: type[errors.ApiConnectionError] = (
                    errors.ApiTimeoutError
                    if isinstance(exc, ConnectTimeoutError)
                    else errors.ApiConnectionError
                )
                raise error_class(
                    f"{endpoint.name}: cannot connect to {display}: {type(exc).__name__}",
                    attempts=attempt,
                    request_id=request_id,
                ) from None
            except (ReadTimeoutError, ProtocolError, HTTPError) as exc:
                # The request may have reached the server: only an idempotent operation is repeated.
                if endpoint.idempotent and attempt <= max_retries:
                    self._sleep(attempt, None)
                    continue
                error_class = (
                    errors.ApiTimeoutError
                    if isinstance(exc, ReadTimeoutError)
                    else errors.ApiConnectionError
                )
                raise error_class(
                    f"{endpoint.name}: {method} {display} failed after the request was sent: "
                    f"{type(exc).__name__}",
                    attempts=attempt,
                    request_id=request_id,
                ) from None
            status = response.status
            raw = RawResponse(
                status=status,
                headers=response.headers,
                body=response.data,
                method=method,
                url=display,
                request_id=(
                    response.headers.get(request_id_header, request_id)
                    if request_id_header
                    else None
                ),
                elapsed=time.monotonic() - started,
                attempts=attempt,
            )
            if self._logger is not None:
                self._logger.debug(
                    "%s %s -> %s in %.3fs (attempt %d)",
                    method,
                    display,
                    status,
                    raw.elapsed,
                    attempt,
                )
            if status in RETRY_STATUSES and endpoint.idempotent and attempt <= max_retries:
                wait = _retry_after_seconds(response.headers.get("Retry-After"))
                if wait is None or wait <= RETRY_AFTER_MAX:
                    self._sleep(attempt, wait)
                    continue
            return raw

    @staticmethod
    def _sleep(attempt: int, retry_after: float | None) -> None:
        if retry_after is not None:
            time.sleep(retry_after)
            return
        import random

        backoff = min(BACKOFF_MAX, BACKOFF_INITIAL * 2 ** (attempt - 1))
        time.sleep(backoff * (0.5 + random.random() / 2))

    @staticmethod
    def _status_error(
        endpoint: Endpoint[Any], response: RawResponse, display: str
    ) -> errors.StatusError:
        error_class = errors.status_error_class(response.status)
        return error_class(
            f"{endpoint.name}: {response.method} {display} returned HTTP {response.status}",
            status=response.status,
            headers=response.headers,
            body=response.body,
            request_id=response.request_id,
            attempts=response.attempts,
            retry_after=_retry_after_seconds(response.headers.get("Retry-After")),
        )

    def _decode(self, endpoint: Endpoint[T], response: RawResponse) -> T:
        if endpoint.response_type is None or (
            endpoint.response_type is Any and not response.body.strip()
        ):
            # No content expected, or undocumented content that did not come: nothing to decode.
            return None  # type: ignore[return-value]
        return self._decode_as(endpoint, response, endpoint.response_type)  # type: ignore[no-any-return]

    def _decode_as(self, endpoint: Endpoint[Any], response: RawResponse, type_: Any) -> Any:
        try:
            return decoder_for(type_).decode(response.body)
        except msgspec.DecodeError as exc:
            raise self._decode_error(endpoint, response, exc) from None

    @staticmethod
    def _decode_error(
        endpoint: Endpoint[Any], response: RawResponse, exc: msgspec.DecodeError
    ) -> errors.DecodeError:
        text = str(exc)
        path = text.rsplit(" - at `", 1)[1].rstrip("`") if " - at `" in text else "$"
        content_type = response.headers.get("Content-Type", "unknown")
        return errors.DecodeError(
            f"{endpoint.name}: the response (HTTP {response.status}, {content_type}) "
            f"is not the documented shape: {text}",
            operation=endpoint.name,
            path=path,
            body=response.body,
            status=response.status,
            request_id=response.request_id,
        )


def _retry_after_seconds(value: str | None) -> float | None:
    """`Retry-After` in seconds, given as a number or an HTTP date; None when absent or unreadable."""
    if value is None:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    from email.utils import parsedate_to_datetime

    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def _mask_urllib3_log(logging: Any) -> None:
    """urllib3 logs every request target at DEBUG: mask secret query values in those lines too."""
    import re

    if not _SECRET_QUERY_NAMES:
        return
    names = "|".join(sorted(map(re.escape, _SECRET_QUERY_NAMES)))
    secret_value = re.compile(rf"([?&](?:{names})=)[^&\s\"]*")

    class MaskSecretQuery(logging.Filter):  # type: ignore[misc]
        def filter(self, record: Any) -> bool:
            if isinstance(record.args, tuple):
                record.args = tuple(
                    secret_value.sub(r"\1***", arg) if isinstance(arg, str) else arg
                    for arg in record.args
                )
            return True

    target = logging.getLogger("urllib3.connectionpool")
    if not any(type(f).__name__ == "MaskSecretQuery" for f in target.filters):
        target.addFilter(MaskSecretQuery())
