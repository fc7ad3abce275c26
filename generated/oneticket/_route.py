# Generated from endpoints.yaml (sha256 3750acddfbb35d332c19e57261e2fb4db0cd75297ec40220e5e2d195ab230ba7) by `ticketing-codegen generate`. Do not edit.
"""One operation as one client sends it, prepared on its first call: what its arguments do not change.

The headers (the client's own, the operation's `Accept`, `Accept-Encoding` and `Content-Type`), where
the request target starts, the server's connection pool, how each argument goes on the wire and the
decoder of the answer depend only on the operation and the client's settings. A `Route` holds them, so
that a call does only the work of its arguments: check them, percent-encode them, place them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from . import errors
from ._endpoint import Endpoint
from ._request import (
    check_choices,
    check_header_value,
    check_kind,
    path_segment,
    percent_encode,
    query_items,
    wire_text,
)
from ._request_ids import request_id as new_request_id
from ._request_ids import take_ready as take_ready_request_id
from ._serde import decoder_for

if TYPE_CHECKING:
    import msgspec
    import urllib3

# The declared kinds whose value, given as this exact class, is its own wire text once made a str: no
# type check, no enum or date conversion needed. Other values take the full path (`check_kind`).
_PLAIN_CLASS = {"str": str, "date": str, "http_date": str, "int": int}


class Route:
    """An operation on one client's transport: its constant parts, and the making of one request."""

    __slots__ = (
        "base_url",
        "date_format",
        "decoder",
        "endpoint",
        "envelope_success",
        "header_tail",
        "headers",
        "operation",
        "params",
        "path",
        "pool",
        "quick_decoder",
        "request_id_header",
        "secret_query",
        "target_prefix",
    )

    def __init__(
        self,
        endpoint: Endpoint[Any],
        *,
        base_url: str,
        target_prefix: str,
        pool: urllib3.HTTPConnectionPool,
        headers: Mapping[str, str],
        request_id_header: str | None,
        date_format: str,
        envelope_success: str | None,
        recording: bool,
    ) -> None:
        self.endpoint = endpoint
        self.operation = endpoint.name
        self.path = endpoint.path
        self.base_url = base_url
        # The request target of a URL on this server is `target_prefix` + path + query: the base URL's
        # own path, or the whole base URL through a forwarding proxy.
        self.target_prefix = target_prefix
        self.pool = pool
        self.date_format = date_format
        # A new id goes in this header on every call, when the vendor has one.
        self.request_id_header = request_id_header
        # What every call adds after the client's headers (and after any header argument).
        tail = {"Accept": endpoint.accept}
        if endpoint.gzip:
            tail["Accept-Encoding"] = "gzip"
        if endpoint.body_type is not None:
            tail["Content-Type"] = "application/json"
        if any(param.location == "header" for param in endpoint.params):
            self.headers = dict(headers)
            self.header_tail: dict[str, str] | None = tail
        else:  # the usual case: the whole header dict is known now, a call copies it
            self.headers = {**headers, **tail}
            self.header_tail = None
        # Per argument: its wire name, its declaration, where it goes ("path", "query" or "header"), the
        # class a plain value has (None: always the full checks), the `{name}` it replaces in the path,
        # and its percent-encoded query name.
        self.params = tuple(
            (
                param.wire,
                param,
                param.location,
                None if param.many or param.choices is not None else _PLAIN_CLASS.get(param.kind),
                "{" + param.wire + "}",
                percent_encode(endpoint.name, param.wire, param.wire)
                if param.location == "query"
                else "",
            )
            for param in endpoint.params
        )
        self.secret_query = any(p.secret and p.location == "query" for p in endpoint.params)
        # The success value of an enveloped answer's `result.status` (None: the answer is not
        # enveloped, or the vendor has no envelope).
        enveloped = endpoint.envelope_type is not None and envelope_success is not None
        self.envelope_success = envelope_success if enveloped else None
        # The decoder of a plain typed answer; None for no content, undocumented content (`Any`) and
        # enveloped answers, which `Transport._decode` handles.
        response_type = endpoint.response_type
        typed = response_type is not None and response_type is not Any
        self.decoder: msgspec.json.Decoder[Any] | None = (
            decoder_for(response_type) if typed and not enveloped else None
        )
        # The decoder of a typed answer (its envelope, if any) decoded at once on the quick way, with
        # no raw response made; None where one is needed for every answer (drift recording).
        self.quick_decoder: msgspec.json.Decoder[Any] | None = self.decoder
        if recording or not typed:
            self.quick_decoder = None
        elif enveloped:
            self.quick_decoder = decoder_for(endpoint.envelope_type)

    def __repr__(self) -> str:
        return f"<Route {self.endpoint.name} {self.base_url}>"

    def request(self, args: Mapping[str, object]) -> tuple[str, str, dict[str, str], str | None]:
        """The request target, the URL after `base_url` as logs and errors show it (secret query
        values masked), the headers and the Request-ID (None if the vendor has none) of one call with
        `args`; an `ArgumentError` for a value that cannot be sent."""
        path = self.path
        query: list[str] = []
        shown = [] if self.secret_query else query  # filled only when it differs
        headers = self.headers.copy()
        for wire, param, location, plain_class, placeholder, query_name in self.params:
            value = args.get(wire)
            if value is None:
                if param.required:
                    raise errors.ArgumentError(
                        f"{self.operation}: `{param.argument or wire}` is required"
                    )
                continue
            plain = value.__class__ is plain_class
            if not plain:
                check_kind(self.operation, param, value)
                check_choices(self.operation, param, value)
            # Below, letters and digits (most ids and codes) need no percent-encoding.
            if location == "path":
                text = str(value) if plain else wire_text(value, self.date_format)
                segment = (
                    text
                    if text.isascii() and text.encode().isalnum()
                    else path_segment(self.operation, wire, text)
                )
                path = path.replace(placeholder, segment)
            elif location == "query":
                if plain:
                    text = str(value)
                    items = [
                        text
                        if text.isascii() and text.encode().isalnum()
                        else percent_encode(self.operation, wire, text)
                    ]
                else:
                    items = query_items(self.operation, param, value, self.date_format)
                for item in items:
                    query.append(f"{query_name}={item}")
                    if self.secret_query:
                        shown.append(f"{query_name}={'***' if param.secret else item}")
            else:
                text = str(value) if plain else wire_text(value, self.date_format)
                headers[wire] = check_header_value(wire, text)
        if self.header_tail is not None:
            headers.update(self.header_tail)
        request_id = None
        if self.request_id_header is not None:
            try:
                request_id = take_ready_request_id()
            except IndexError:
                request_id = new_request_id()
            headers[self.request_id_header] = request_id
        if not query:
            return self.target_prefix + path, path, headers, request_id
        query_string = "?" + "&".join(query)
        shown_query = "?" + "&".join(shown) if self.secret_query else query_string
        return self.target_prefix + path + query_string, path + shown_query, headers, request_id
