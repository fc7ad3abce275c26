# Generated from endpoints.yaml (sha256 3750acddfbb35d332c19e57261e2fb4db0cd75297ec40220e5e2d195ab230ba7) by `ticketing-codegen generate`. Do not edit.
"""The transport behind every operation: the connection pool, the attempt loop, decoding and errors.

urllib3 is only a connection pool here; whether a failed attempt is repeated is decided by `_retry`, per
operation, so that a request that may have reached the server is never sent twice unless the operation
is idempotent. urllib3 and logging are imported on the first request, not on import.

What an operation's calls share is made on its first call and kept (`_route.Route`): a call does only
the work of its arguments. Downloads are in `_download`, the errors of failed attempts in `_failures`.
"""

from __future__ import annotations

import _thread
import functools
import os
import time
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

import msgspec

from . import _envelope, errors
from ._constants import (
    MAX_DOWNLOAD_BYTES,
    MAX_ERROR_BODY,
    MAX_RESPONSE_BYTES,
    RETRY_STATUSES,
)
from ._endpoint import SECRET_QUERY_NAMES, Endpoint, Timeout
from ._lazy import LazyModule
from ._multipart import MULTIPART, parse_multipart
from ._request import check_header_value
from ._responses import RawResponse, _call_mode
from ._serde import decoder_for

if TYPE_CHECKING:
    import logging
    from collections.abc import Iterator
    from contextlib import AbstractContextManager

    import urllib3

    from . import _bodies, _body, _drift
    from ._network import Network
    from ._route import Route

T = TypeVar("T")
_DEBUG = 10  # logging.DEBUG, without importing logging before the first request
# urllib3's exception classes, imported with the first request (a name lookup once loaded).
_urllib3_exceptions: Any = LazyModule("urllib3.exceptions")
if not TYPE_CHECKING:
    # Loaded with the first body sent, and with the first answer not read at once (gzip, chunked,
    # an error).
    _bodies = LazyModule(f"{__package__}._bodies")
    _body = LazyModule(f"{__package__}._body")


class Sender(Protocol):
    """A client's way to send one call: `Transport.send` with the client's options."""

    def __call__(
        self,
        endpoint: Endpoint[T],
        args: Mapping[str, object],
        body: object = None,
        *,
        media_type: str | None = None,
    ) -> T: ...


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
        max_response_bytes: int = MAX_RESPONSE_BYTES,
        max_download_bytes: int = MAX_DOWNLOAD_BYTES,
        record_drift: str | os.PathLike[str] | None = None,
        drift_env: str | None = None,
        network: Network | None = None,
    ) -> None:
        self.base_urls = {name: url.rstrip("/") for name, url in base_urls.items()}
        self.secret_headers = secret_headers
        self._set_headers(
            {name: check_header_value(name, value) for name, value in headers.items()}
        )
        self.timeout = timeout
        self.max_retries = max_retries
        self.logger_name = logger_name
        self.date_format = date_format
        self.request_id_header = request_id_header
        self.envelope_success = envelope_success
        self.max_response_bytes = max_response_bytes
        self.max_download_bytes = max_download_bytes
        if network is None:
            from ._network import Network  # loaded with the first client, not with the package

            network = Network()
        # Proxies, TLS settings or the user's own pool (shared with the clients `with_options` makes).
        self.network = network
        # Per server: its connection pool, and where the request target starts in a URL on it.
        self._server_pools: dict[str, tuple[urllib3.HTTPConnectionPool, int]] = {}
        # Per operation: its constant parts on this transport, made on its first call.
        self._routes: dict[Endpoint[Any], Route] = {}
        self._timeouts: dict[Timeout, urllib3.Timeout] = {}
        # The timeout of the last first attempt, and urllib3's for it: most calls use the same one.
        self._first_attempt: tuple[Timeout | None, Any] = (None, None)
        self._logger: logging.Logger | None = None
        self._read_deadline: Any = None  # `_connections.read_deadline`, once urllib3 is loaded
        self._no_retries: Any = None
        # `_thread` is built in: `threading` would cost the import more than it gives here.
        self._lock = _thread.allocate_lock()
        self.drift = _drift_recorder(self, record_drift, drift_env)

    def __repr__(self) -> str:
        return f"<Transport {sorted(self.base_urls.values())}>"

    def close(self) -> None:
        """Close every pooled connection now (urllib3's `PoolManager.clear` only forgets them, so their
        sockets stayed open until garbage collection), never those of a pool the user gave. The
        transport stays usable: a later request opens new connections."""
        with self._lock:
            self._server_pools.clear()
            self._routes = {}  # they hold the pools
        self.network.clear()

    def derived(
        self, *, base_urls: Mapping[str, str] | None, headers: Mapping[str, str] | None
    ) -> Transport:
        """A transport on the same connections, sending to other servers or with more headers."""
        import copy

        clone = copy.copy(self)
        if base_urls is not None:
            clone.base_urls = {name: url.rstrip("/") for name, url in base_urls.items()}
        if headers:
            checked = {name: check_header_value(name, value) for name, value in headers.items()}
            clone._set_headers({**self.headers, **checked})
            if clone.drift is not None:  # shared with this transport: it masks the new values too
                clone.drift.mask(clone._secret_values)
        clone._server_pools = {}
        clone._routes = {}
        return clone

    def _set_headers(self, headers: dict[str, str]) -> None:
        self.headers = headers
        # A server echoing a credential in its error message must not put it in `str(error)`.
        self._secret_values = tuple(
            value for name, value in headers.items() if name in self.secret_headers and value
        )

    def _connection_pool(self, url: str) -> urllib3.PoolManager:
        """The pool manager that reaches `url`; logging and the per-request settings are made with the
        first request (`_no_retries`, set last, says they are there)."""
        if self._no_retries is None:
            with self._lock:
                if self._no_retries is None:
                    import logging

                    import urllib3

                    from ._connections import read_deadline

                    self._logger = logging.getLogger(self.logger_name)
                    _mask_urllib3_log(logging)
                    self._read_deadline = read_deadline
                    # What `retries=False` becomes inside urllib3, built once instead of per request.
                    self._no_retries = urllib3.Retry(False, redirect=False)
        return self.network.manager_for(url)

    def stream(
        self, operation: str, url: str, *, timeout: Timeout | None = None
    ) -> AbstractContextManager[Iterator[bytes]]:
        """GET `url` and give its body in chunks as sent (never decoded), without holding it in memory
        (see `_download.stream`)."""
        from ._download import stream  # loaded with the first download

        return stream(self, operation, url, timeout or self.timeout)

    def _server_pool(self, server: str) -> tuple[urllib3.HTTPConnectionPool, int]:
        """The pool of a server, and where the request target starts in a URL on it."""
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
        return cached

    def _new_route(self, endpoint: Endpoint[Any]) -> Route:
        """The constant parts of `endpoint` on this transport, kept for its later calls."""
        from ._route import Route  # loaded with the first call

        base_url = self.base_urls[endpoint.server]
        pool, origin_length = self._server_pool(endpoint.server)
        route = Route(
            endpoint,
            base_url=base_url,
            target_prefix=base_url[origin_length:],
            pool=pool,
            headers=self.headers,
            request_id_header=self.request_id_header,
            date_format=self.date_format,
            envelope_success=self.envelope_success,
            recording=self.drift is not None,
        )
        self._routes[endpoint] = route
        return route

    def _urllib3_timeout(self, timeout: Timeout, remaining: float) -> urllib3.Timeout:
        """urllib3's timeouts for one attempt: the connect timeout shortened to the time left."""
        if remaining < timeout.connect:
            import urllib3

            return urllib3.Timeout(connect=max(remaining, 0.001), read=timeout.read)
        cached = self._timeouts.get(timeout)
        if cached is None:
            import urllib3

            cached = self._timeouts[timeout] = urllib3.Timeout(
                connect=timeout.connect, read=timeout.read
            )
        return cached

    def _first_attempt_timeout(self, timeout: Timeout) -> urllib3.Timeout:
        """urllib3's timeouts for a first attempt, kept for the next call with the same timeout."""
        attempt_timeout = self._urllib3_timeout(timeout, timeout.total)
        self._first_attempt = (timeout, attempt_timeout)
        return attempt_timeout

    # -- sending -------------------------------------------------------------------------------

    def sender(self, timeout: Timeout | None, max_retries: int | None) -> Sender:
        """What a client calls to send: `send` with the client's timeout and retry count (None: the
        transport's own). A client calls it directly, with no frame of its own in between."""
        if timeout is None and max_retries is None:
            return self.send
        return functools.partial(self.send, timeout=timeout, max_retries=max_retries)

    def send(
        self,
        endpoint: Endpoint[T],
        args: Mapping[str, object],
        body: object = None,
        timeout: Timeout | None = None,
        max_retries: int | None = None,
        media_type: str | None = None,
    ) -> T:
        """One call of `endpoint` with `args` (and `body`): its decoded result, or the package's error.

        `timeout` and `max_retries` are the calling client's (None: the transport's own).
        """
        route = self._routes.get(endpoint) or self._new_route(endpoint)
        mode = _call_mode.get()  # None: no HEAD, no raw response kept (the usual case)
        head_only = mode is not None and mode[1]
        if head_only and not endpoint.head:
            raise errors.ArgumentError(f"{endpoint.name} does not support HEAD")
        if media_type is not None:
            media_type = _chosen_media_type(endpoint, media_type)
        target, shown, headers, request_id = route.request(args)
        if media_type is not None:
            headers["Accept"] = media_type
        payload: bytes | None = None
        if endpoint.body_type is not None:
            payload = self._encode_body(endpoint, body)
        method = "HEAD" if head_only else endpoint.method
        answer, content, attempts, started = self._exchange(
            route,
            method,
            target,
            shown,
            headers,
            payload,
            timeout or self.timeout,
            self.max_retries if max_retries is None else max_retries,
            request_id,
        )
        status = answer.status
        quick_decoder = route.quick_decoder
        if status < 300 and quick_decoder is not None and media_type is None and mode is None:
            # The common answer: a typed body nobody asked to keep a record of, decoded at once. A
            # body that does not decode, or an envelope saying failure, takes the long way below,
            # which reports it with the raw response.
            try:
                value = quick_decoder.decode(content)
            except (msgspec.DecodeError, RecursionError):
                pass
            else:
                if route.envelope_success is None:
                    return value  # type: ignore[no-any-return]
                if _envelope.succeeded(value, route.envelope_success, endpoint.require_output):
                    return value.output  # type: ignore[no-any-return]
        display = route.base_url + shown
        response = RawResponse(
            status,
            answer.headers,
            content,
            method,
            display,
            request_id,
            time.monotonic() - started,
            attempts,
            self.request_id_header,
        )
        if self.drift is not None:
            self.drift.observe(endpoint, response, media_type, args)
        if mode is not None:
            mode[0].append(response)
        if status >= 300:
            if status == 304 and endpoint.not_modified:
                return None  # type: ignore[return-value]
            raise self._status_error(endpoint, response, display)
        if head_only:
            return None  # type: ignore[return-value]
        if media_type is not None:
            return self._decode_media(endpoint, response, media_type)  # type: ignore[no-any-return]
        decoder = route.decoder
        if decoder is None:  # no content, undocumented content, or an envelope
            return self._decode(endpoint, response)
        try:
            return decoder.decode(response.body)  # type: ignore[no-any-return]
        except (msgspec.DecodeError, RecursionError) as exc:
            raise _decode_error(endpoint, response, exc) from None

    def _encode_body(self, endpoint: Endpoint[Any], body: object) -> bytes:
        body_type = endpoint.body_type
        if body_type is dict:  # an empty JSON object, for operations whose body carries nothing
            return b"{}"
        if body is None:
            raise errors.ArgumentError(f"{endpoint.name}: `body` is required")
        return _bodies.encode_body(endpoint.name, body, body_type)

    def _exchange(
        self,
        route: Route,
        method: str,
        target: str,
        shown: str,
        headers: dict[str, str],
        payload: bytes | None,
        timeout: Timeout,
        max_retries: int,
        request_id: str | None,
    ) -> tuple[Any, bytes, int, float]:
        """Send until an answer stands or no repeat is allowed; the attempt's answer, or an error.

        The answer is urllib3's response, its body, the number of attempts and when the call started
        (the caller makes a `RawResponse` of them only when one is kept or an error reports it).
        `shown` is the URL after the base URL as logs and errors show it.
        The whole call, every attempt and every wait, ends by `timeout.total`; each socket read of an
        attempt ends by that deadline too (`_connections.read_deadline`).
        """
        pool = route.pool
        first = self._first_attempt
        # The first attempt has the whole timeout: urllib3's timeout for it is the same every call.
        attempt_timeout = first[1] if first[0] is timeout else self._first_attempt_timeout(timeout)
        attempt = 0
        started = time.monotonic()
        deadline = started + timeout.total
        token = self._read_deadline.set(deadline)
        try:
            while True:
                attempt += 1
                try:
                    response = pool.urlopen(
                        method,
                        target,
                        body=payload,
                        headers=headers,
                        timeout=attempt_timeout,
                        redirect=False,
                        retries=self._no_retries,
                        assert_same_host=False,
                        preload_content=False,
                        decode_content=False,
                    )
                    status = response.status
                    length = response.length_remaining
                    if (
                        length is not None
                        and length <= self.max_response_bytes
                        and status < 300
                        and "Content-Encoding" not in response.headers
                    ):
                        # The common answer: plain, with a Content-Length within the limit, read at
                        # once (the connection goes back to the pool at its end).
                        body = response.read(decode_content=False)
                    else:
                        body = self._read_body(
                            route.endpoint, response, route.base_url + shown, request_id
                        )
                except _urllib3_exceptions.HTTPError as exc:
                    from . import _retry
                    from ._failures import attempt_failure, is_connect_timeout

                    endpoint = route.endpoint
                    display = route.base_url + shown
                    # Refused or unreachable (urllib3's NewConnectionError is a ConnectTimeoutError
                    # too): the request never left, so it may always be repeated.
                    never_sent = isinstance(
                        exc, _urllib3_exceptions.NewConnectionError
                    ) or is_connect_timeout(exc)
                    repeat = (
                        _retry.after_connect_failure(attempt, max_retries)
                        if never_sent
                        else _retry.after_send_failure(
                            attempt, max_retries, idempotent=endpoint.idempotent
                        )
                    )
                    if repeat:
                        wait = _retry.backoff_delay(attempt)
                        if time.monotonic() + wait < deadline:
                            time.sleep(wait)
                            attempt_timeout = self._urllib3_timeout(
                                timeout, deadline - time.monotonic()
                            )
                            continue
                    raise attempt_failure(
                        endpoint.name, exc, method, display, attempt, request_id
                    ) from None
                logger = self._logger
                if logger is not None and logger.isEnabledFor(_DEBUG):
                    logger.debug(
                        "%s %s -> %s in %.3fs (attempt %d)",
                        method,
                        route.base_url + shown,
                        status,
                        time.monotonic() - started,
                        attempt,
                    )
                if status not in RETRY_STATUSES:
                    return response, body, attempt, started  # the common case: no retry decision
                from . import _retry

                wait_for = _retry.after_status(
                    status,
                    response.headers,
                    attempt,
                    max_retries,
                    idempotent=route.endpoint.idempotent,
                )
                if wait_for is None or time.monotonic() + wait_for >= deadline:
                    return response, body, attempt, started
                time.sleep(wait_for)
                attempt_timeout = self._urllib3_timeout(timeout, deadline - time.monotonic())
        finally:
            self._read_deadline.reset(token)

    def _read_body(
        self, endpoint: Endpoint[Any], response: Any, display: str, request_id: str | None
    ) -> bytes:
        """The decoded body, within `max_response_bytes` (an error body: its first MAX_ERROR_BODY bytes).

        A body not read to its end leaves its connection unusable: it is closed, never pooled again.
        """
        status = response.status
        complete = False
        try:
            if status < 300:
                body = _body.read_body(response, self.max_response_bytes)
            else:
                body = _body.read_body(response, MAX_ERROR_BODY, cut=True)
            complete = body.complete
            return body.data
        except _body.BodyTooLarge:
            limit = self.max_response_bytes
            raise errors.ResponseTooLargeError(
                f"{endpoint.name}: the response of {display} is larger than "
                f"max_response_bytes={limit} (decompressed)",
                limit=limit,
                setting="max_response_bytes",
                request_id=request_id,
            ) from None
        except _body.UnreadableBody as exc:
            raise errors.DecodeError(
                f"{endpoint.name}: the response (HTTP {status}) cannot be read: {exc}",
                operation=endpoint.name,
                path="$",
                body=b"",
                status=status,
                request_id=request_id,
            ) from None
        finally:
            if not complete:
                response.close()
            response.release_conn()

    def _status_error(
        self, endpoint: Endpoint[Any], response: RawResponse, display: str
    ) -> errors.StatusError:
        from ._failures import status_error

        return status_error(
            endpoint.name,
            response.method,
            display,
            response.status,
            response.headers,
            response.body,
            self._secret_values,
            request_id=response.request_id,
            attempts=response.attempts,
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
            except (msgspec.DecodeError, RecursionError) as exc:
                raise _decode_error(endpoint, response, exc) from None
        return self._decode_as(endpoint, response, endpoint.response_type)  # type: ignore[no-any-return]

    def _decode_as(self, endpoint: Endpoint[Any], response: RawResponse, type_: Any) -> Any:
        try:
            return decoder_for(type_).decode(response.body)
        except (msgspec.DecodeError, RecursionError) as exc:
            raise _decode_error(endpoint, response, exc) from None

    def _decode_media(self, endpoint: Endpoint[Any], response: RawResponse, media_type: str) -> Any:
        kind = endpoint.media_types[media_type]
        if kind != MULTIPART:
            return self._decode_as(endpoint, response, kind)
        content_type = response.headers.get("Content-Type", "")
        try:
            return parse_multipart(content_type, response.body)
        except (ValueError, msgspec.DecodeError, RecursionError) as exc:
            raise response.decode_error(
                endpoint.name, f"the {media_type} response is not a readable multipart body: {exc}"
            ) from None


def _drift_recorder(
    transport: Transport, directory: str | os.PathLike[str] | None, env: str | None
) -> _drift.DriftRecorder | None:
    """The drift recorder when recording is asked for (argument, else environment); None otherwise."""
    if directory is None and env is not None:
        directory = os.environ.get(env) or None
    if not directory:
        return None
    from . import _drift  # only when recording: a client that does not record never imports it

    try:
        # The package's name is the registry's vendor key, which the records name.
        return _drift.DriftRecorder(
            directory, vendor=transport.logger_name, secret_values=transport._secret_values
        )
    except OSError as exc:
        raise errors.ArgumentError(f"record_drift: cannot use {directory!s}: {exc}") from None


def _decode_error(
    endpoint: Endpoint[Any], response: RawResponse, exc: msgspec.DecodeError | RecursionError
) -> errors.DecodeError:
    from ._failures import decode_error  # loaded with the first failure

    return decode_error(endpoint, response, exc)


def _chosen_media_type(endpoint: Endpoint[Any], media_type: str | None) -> str | None:
    """The media type to ask for instead of the operation's default one, or None for the default."""
    if media_type is None or media_type == endpoint.accept:
        return None
    if not isinstance(media_type, str) or media_type not in endpoint.media_types:
        choices = ", ".join([endpoint.accept, *endpoint.media_types])
        raise errors.ArgumentError(
            f"{endpoint.name}: media_type must be one of {choices}, got {media_type!r}"
        )
    return media_type


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
