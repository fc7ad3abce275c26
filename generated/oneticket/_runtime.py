# Generated from endpoints.yaml (sha256 4351ed15912ba5b4183a09621d482cd17cd9c2b41bcff903f0b6de6a59f0a3d9) by `python -m codegen generate`. Do not edit.
"""The transport behind every operation: the connection pool, the attempt loop, decoding and errors.

urllib3 is only a connection pool here; whether a failed attempt is repeated is decided by `_retry`, per
operation, so that a request that may have reached the server is never sent twice unless the operation
is idempotent. urllib3 and logging are imported on the first request, not on import.
"""

from __future__ import annotations

import _thread
import copy
import functools
import os
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, TypeVar

import msgspec

from . import _envelope, _retry, errors
from ._constants import MAX_ERROR_BODY
from ._endpoint import SECRET_QUERY_NAMES, Endpoint, Timeout
from ._files import on_own_server
from ._multipart import MULTIPART, parse_multipart
from ._request import check_header_value, prepare
from ._responses import RawResponse, _captured, _head_only
from ._serde import decoder_for, encode

if TYPE_CHECKING:
    import logging

    import urllib3

    from . import _drift
    from ._network import Network

T = TypeVar("T")
_DEBUG = 10  # logging.DEBUG, without importing logging before the first request


# The version (4) and variant (RFC 4122) bits of a UUID4, over 128 random bits.
_UUID4_KEEP = ~((0xF000 << 64) | (0xC000 << 48)) & ((1 << 128) - 1)
_UUID4_SET = (0x4000 << 64) | (0x8000 << 48)


def _request_id() -> str:
    """A UUID4 string, without importing `uuid` (which costs more than this module).

    The bits come from `random` (urllib3 loads it too): a request id only has to be unique, not
    secret, and a system call per request for it cost more than the rest of the id.
    """
    text = "%032x" % (_random_bits(128) & _UUID4_KEEP | _UUID4_SET)
    return f"{text[:8]}-{text[8:12]}-{text[12:16]}-{text[16:20]}-{text[20:]}"


def _load_random_bits(bits: int) -> int:
    """`random.getrandbits`, imported on the first request rather than with the package."""
    global _random_bits
    from random import getrandbits

    _random_bits = getrandbits
    return getrandbits(bits)


_random_bits: Callable[[int], int] = _load_random_bits


class Transport:
    """One connection pool (thread-safe, keep-alive) and the request loop.

    The vendor's differences arrive as data: its servers and default headers, which headers are secret,
    the date format of date arguments, the request-id header it echoes, and its envelope's success value.
    """

    def __init__(
        self,
        *,
        base_urls: Mapping[str, str],
        headers: Mapping[str, str],
        secret_headers: frozenset[str],
        timeout: Timeout,
        max_retries: int,
        logger_name: str,
        date_format: str = "%Y-%m-%d",
        request_id_header: str | None = None,
        envelope_success: str | None = None,
        record_drift: str | os.PathLike[str] | None = None,
        drift_env: str | None = None,
        network: Network | None = None,
    ) -> None:
        self.base_urls = {name: url.rstrip("/") for name, url in base_urls.items()}
        self.headers = {name: check_header_value(name, value) for name, value in headers.items()}
        self.secret_headers = secret_headers
        self.timeout = timeout
        self.max_retries = max_retries
        self.logger_name = logger_name
        self.date_format = date_format
        self.request_id_header = request_id_header
        self.envelope_success = envelope_success
        if network is None:
            from ._network import Network  # loaded with the first client, not with the package

            network = Network()
        # Proxies, TLS settings or the user's own pool (shared with the clients `with_options` makes).
        self.network = network
        # Per server: its connection pool, and where the request target starts in a URL on it.
        self._server_pools: dict[str, tuple[urllib3.HTTPConnectionPool, int]] = {}
        self._timeouts: dict[Timeout, urllib3.Timeout] = {}
        self._logger: logging.Logger | None = None
        # `_thread` is built in: `threading` would cost the import more than it gives here.
        self._lock = _thread.allocate_lock()
        self.drift = _drift_recorder(self, record_drift, drift_env)

    def __repr__(self) -> str:
        return f"<Transport {sorted(self.base_urls.values())}>"

    def close(self) -> None:
        self.network.clear()

    def derived(
        self, *, base_urls: Mapping[str, str] | None, headers: Mapping[str, str] | None
    ) -> Transport:
        """A transport on the same connections, sending to other servers or with more headers."""
        clone = copy.copy(self)
        if base_urls is not None:
            clone.base_urls = {name: url.rstrip("/") for name, url in base_urls.items()}
        if headers:
            checked = {name: check_header_value(name, value) for name, value in headers.items()}
            clone.headers = {**self.headers, **checked}
        clone._server_pools = {}
        return clone

    def _connection_pool(self, url: str) -> urllib3.PoolManager:
        """The pool manager that reaches `url` (logging is set up on the first request)."""
        if self._logger is None:
            with self._lock:
                if self._logger is None:
                    import logging

                    _mask_urllib3_log(logging)
                    self._logger = logging.getLogger(self.logger_name)
        return self.network.manager_for(url)

    @contextmanager
    def stream(
        self, operation: str, url: str, *, timeout: Timeout | None = None
    ) -> Iterator[Iterator[bytes]]:
        """GET `url` and give its body in chunks, without holding it in memory.

        The vendor's credential headers go only to the client's own servers (below a base URL): a file
        host named in a response (a PDF or export URL) never sees them.
        """
        pool = self._connection_pool(url)
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
                body = response.read(MAX_ERROR_BODY)
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
            from ._network import needs_absolute_target

            manager = self._connection_pool(base)
            pool = manager.connection_from_url(base)
            # Through a forwarding proxy the target is the whole URL; otherwise its path onwards.
            start = (
                0
                if needs_absolute_target(manager, base)
                else len(base) - len(parse_url(base).path or "")
            )
            cached = self._server_pools[server] = (pool, start)
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

    # -- sending -------------------------------------------------------------------------------

    def send(
        self,
        endpoint: Endpoint[T],
        args: Mapping[str, object],
        body: object = None,
        *,
        timeout: Timeout | None = None,
        max_retries: int | None = None,
        media_type: str | None = None,
    ) -> T:
        head_only = _head_only.get()
        if head_only and not endpoint.head:
            raise errors.ArgumentError(f"{endpoint.name} does not support HEAD")
        if media_type is not None:
            media_type = _chosen_media_type(endpoint, media_type)
        url, display, headers = prepare(
            endpoint,
            args,
            base_url=self.base_urls[endpoint.server],
            headers=self.headers,
            date_format=self.date_format,
        )
        if media_type is not None:
            headers["Accept"] = media_type
        payload: bytes | None = None
        if endpoint.body_type is not None:
            payload = self._encode_body(endpoint, body)
            headers["Content-Type"] = "application/json"
        request_id = None
        if self.request_id_header is not None:
            request_id = _request_id()
            headers[self.request_id_header] = request_id
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
        )
        if self.drift is not None:
            self.drift.observe(endpoint, response, media_type, args)
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
    ) -> RawResponse:
        """Send until an answer stands or no repeat is allowed; the attempt's answer, or an error."""
        pool, target = self._server_pool(endpoint.server, url)
        urllib3_timeout = self._urllib3_timeout(timeout)
        # urllib3's exception classes, imported once with urllib3 (not on every call).
        ConnectTimeoutError, HTTPError, NewConnectionError, ReadTimeoutError = _urllib3_errors()

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
                if _retry.after_connect_failure(attempt, max_retries):
                    time.sleep(_retry.backoff_delay(attempt))
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
            except HTTPError as exc:
                if _retry.after_send_failure(attempt, max_retries, idempotent=endpoint.idempotent):
                    time.sleep(_retry.backoff_delay(attempt))
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
            raw = self._raw_response(response, method, display, request_id, started, attempt)
            wait = _retry.after_status(
                raw.status, raw.headers, attempt, max_retries, idempotent=endpoint.idempotent
            )
            if wait is None:
                return raw
            time.sleep(wait)

    def _raw_response(
        self,
        response: Any,
        method: str,
        display: str,
        request_id: str | None,
        started: float,
        attempt: int,
    ) -> RawResponse:
        raw = RawResponse(
            status=response.status,
            headers=response.headers,
            body=response.data,
            method=method,
            url=display,
            request_id=request_id,
            elapsed=time.monotonic() - started,
            attempts=attempt,
            echo_header=self.request_id_header,
        )
        logger = self._logger
        if logger is not None and logger.isEnabledFor(_DEBUG):
            logger.debug(
                "%s %s -> %s in %.3fs (attempt %d)",
                method,
                display,
                raw.status,
                raw.elapsed,
                attempt,
            )
        return raw

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
            retry_after=_retry.retry_after_seconds(response.headers.get("Retry-After")),
        )

    # -- decoding ------------------------------------------------------------------------------

    def _decode(self, endpoint: Endpoint[T], response: RawResponse) -> T:
        if endpoint.response_type is None or (
            endpoint.response_type is Any and not response.body.strip()
        ):
            # No content expected, or undocumented content that did not come: nothing to decode.
            return None  # type: ignore[return-value]
        if endpoint.envelope_type is not None and self.envelope_success is not None:
            try:
                return _envelope.unwrap(endpoint, response, self.envelope_success)  # type: ignore[no-any-return]
            except msgspec.DecodeError as exc:
                raise _decode_error(endpoint, response, exc) from None
        return self._decode_as(endpoint, response, endpoint.response_type)  # type: ignore[no-any-return]

    def _decode_as(self, endpoint: Endpoint[Any], response: RawResponse, type_: Any) -> Any:
        try:
            return decoder_for(type_).decode(response.body)
        except msgspec.DecodeError as exc:
            raise _decode_error(endpoint, response, exc) from None

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


@functools.cache
def _urllib3_errors() -> tuple[type[Exception], type[Exception], type[Exception], type[Exception]]:
    """(ConnectTimeoutError, HTTPError, NewConnectionError, ReadTimeoutError), imported once."""
    from urllib3.exceptions import (
        ConnectTimeoutError,
        HTTPError,
        NewConnectionError,
        ReadTimeoutError,
    )

    return ConnectTimeoutError, HTTPError, NewConnectionError, ReadTimeoutError


def _drift_recorder(
    transport: Transport, directory: str | os.PathLike[str] | None, env: str | None
) -> _drift.DriftRecorder | None:
    """The drift recorder when recording is asked for (argument, else environment); None otherwise."""
    if directory is None and env is not None:
        directory = os.environ.get(env) or None
    if not directory:
        return None
    from . import _drift  # only when recording: a client that does not record never imports it

    secrets = [
        value for name, value in transport.headers.items() if name in transport.secret_headers
    ]
    try:
        # The package's name is the registry's vendor key, which the records name.
        return _drift.DriftRecorder(directory, vendor=transport.logger_name, secret_values=secrets)
    except OSError as exc:
        raise errors.ArgumentError(f"record_drift: cannot use {directory!s}: {exc}") from None


def _chosen_media_type(endpoint: Endpoint[Any], media_type: str | None) -> str | None:
    """The media type to ask for instead of the operation's default one, or None for the default."""
    if media_type is None or media_type == endpoint.accept:
        return None
    if media_type not in endpoint.media_types:
        choices = ", ".join([endpoint.accept, *endpoint.media_types])
        raise errors.ArgumentError(
            f"{endpoint.name}: media_type must be one of {choices}, got {media_type!r}"
        )
    return media_type


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


def _mask_urllib3_log(logging: Any) -> None:
    """urllib3 logs every request target at DEBUG: mask secret query values in those lines too."""
    import re

    if not SECRET_QUERY_NAMES:
        return
    names = "|".join(sorted(map(re.escape, SECRET_QUERY_NAMES)))
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
