# Generated from endpoints.yaml (sha256 3750acddfbb35d332c19e57261e2fb4db0cd75297ec40220e5e2d195ab230ba7) by `ticketing-codegen generate`. Do not edit.
"""What the transport knows about one operation (`Endpoint`) and each of its arguments (`Param`).

The generated `client.py` declares one `Endpoint` per operation from the registry; nothing here is
specific to a vendor.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Generic, NamedTuple, TypeVar

from ._constants import CONNECT_TIMEOUT, READ_TIMEOUT, TOTAL_TIMEOUT

T = TypeVar("T")


class Timeout(NamedTuple):
    """Seconds to wait: for the connection, for each read of the response, and for the whole call.

    `total` bounds a call from its start to its end, every attempt and every wait between attempts
    included, so a server that sends a byte now and then cannot hold a call past it. A download or an
    export stream is bounded by `total` until its headers arrive; after that, `read` is an idle timeout:
    each piece of 64 KiB (or the end of the file) must arrive within `read` seconds, so a large file may
    take as long as it needs while a stalled or dripping one fails.
    """

    connect: float = CONNECT_TIMEOUT
    read: float = READ_TIMEOUT
    total: float = TOTAL_TIMEOUT


DEFAULT_TIMEOUT = Timeout()


class Param:
    """How one argument of an operation goes on the wire.

    A plain class rather than a NamedTuple: defining a NamedTuple costs the package's import more
    than this whole module does otherwise.
    """

    __slots__ = (
        "argument",
        "builder",
        "choices",
        "kind",
        "location",
        "many",
        "required",
        "secret",
        "style",
        "wire",
    )

    def __init__(
        self,
        wire: str,
        location: str,
        style: str | None = None,
        choices: frozenset[object] | None = None,
        secret: bool = False,
        required: bool = False,
        argument: str | None = None,
        kind: str = "str",
        many: bool = False,
        builder: type | None = None,
    ) -> None:
        self.wire = wire
        self.location = location  # "path", "query" or "header"
        self.style = style  # lists: "repeated" (a=1&a=2) or "comma" (a=1,2)
        self.choices = choices
        self.secret = secret
        self.required = required
        self.argument = argument  # the Python argument's name, where it is not the wire name
        # The declared type a value is checked against before sending: "str", "int", "bool", "date" (a
        # date or the vendor's text), "choice" (one of `choices`) or "http_date" (a datetime or its
        # text); `many`: a list of them. `builder`: a query builder class also accepted, sent as text.
        self.kind = kind
        self.many = many
        self.builder = builder

    def __repr__(self) -> str:
        return f"Param({self.wire!r}, {self.location!r})"


# Query parameters whose values are secret (a password in a query string), of every operation.
SECRET_QUERY_NAMES: set[str] = set()


class Endpoint(Generic[T]):
    """Everything the transport needs to know about one operation."""

    __slots__ = (
        "accept",
        "body_type",
        "envelope_type",
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
        envelope: Any = None,
        head: bool = False,
        media_types: Mapping[str, Any] | None = None,
        require_output: bool = False,
        not_modified: bool = False,
    ) -> None:
        self.name = name
        self.method = method
        self.path = path
        self.params = params
        SECRET_QUERY_NAMES.update(p.wire for p in params if p.secret and p.location == "query")
        self.response_type = response_type
        self.body_type = body_type
        self.server = server
        self.idempotent = idempotent
        self.accept = accept
        self.gzip = gzip
        # The whole body's type when the response is enveloped (`Envelope[Output]`), built once here
        # rather than on every response; None when the body is the result itself.
        self.envelope_type: Any = envelope[response_type] if envelope is not None else None
        self.head = head  # the vendor also answers HEAD on this path
        # Other media types the caller may ask for, with the type each decodes into (or MULTIPART).
        self.media_types = dict(media_types or {})
        self.not_modified = not_modified  # 304 Not Modified is a result (None), not an error
        self.require_output = (
            require_output  # the method returns output[0]: an empty output is an error
        )
