"""Property tests: whatever text goes into an argument, the request on the wire keeps its route and its values.

Every operation of both clients is found by walking the client's groups, and the argument each keyword
becomes (wire name, path/query/header, list style, documented choices) is read by calling the operation once
with a marker object per keyword and seeing where each marker lands in the operation's `Endpoint` arguments.
Hypothesis then feeds arbitrary text (slashes, `?`, `#`, `%`, dot segments, spaces, unicode, lone
surrogates, CR/LF, NUL, empty) to every text argument (and dates, numbers, booleans, documented and
undocumented choices to the others), calls the real client against a local HTTP server, and checks that only the
package's own errors come out, that what is refused is refused before anything is sent, and that what is
sent decodes back to exactly the arguments given.
"""

from __future__ import annotations

import importlib
import inspect
import types
import typing
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import Any, Literal, get_args, get_origin, get_type_hints
from urllib.parse import parse_qsl, unquote

import pytest

pytest.importorskip("hypothesis")

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import CLIENT_VENDORS, make_client, sample_path
from tests.local_server import LocalServer, Received

VENDORS = CLIENT_VENDORS
# How each vendor documents a date in a query: 1Ticket mm/dd/yyyy, Paciolan ISO 8601.
DATE_FORMATS = {"oneticket": "%m/%d/%Y", "paciolan": "%Y-%m-%d"}
UNUSED_URL = "http://127.0.0.1:9"  # discovery never sends anything

# A valid body for every operation that takes one: the text arguments are what is under test here.
BODIES: dict[str, Any] = {
    "paciolan.inventory.update_seat_status": [
        {"section": "UB:100", "rows": [{"row": "AA", "seats": ["1"]}], "seatStatus": "O"}
    ],
    "paciolan.cart.create": {"seasonCode": "FB16", "itemCode": "HOTDOG", "quantity": 1},
    "paciolan.cart.add_offer": {"seasonCode": "FB16", "itemCode": "HOTDOG", "quantity": 1},
    "paciolan.cart.checkout": {"patron": None, "delivery": {"method": "WC"}},
    "paciolan.cart.update_offer": {"itemCode": "F02"},
    "paciolan.cart.replace_offer": {"itemCode": "F02"},
    "paciolan.patron.authenticate": {
        "distributorCode": "DIST",
        "userName": "marty@example.com",
        "password": "5f4dcc3b5aa765d61d8327deb882cf99",
    },
    "paciolan.util.echo": {"hello": "world"},
    "oneticket.sales.add": {
        "saleid": "234234324",
        "credid": "4444",
        "posused": "ticketnetworkapi",
        "deliveryformat": "eticket",
        "saledatetime": "10/15/2018 4:55 PM",
        "marketplaceid": "1",
        "ticketgroupid": "12345678",
        "invoiceid": "99999",
        "inhanddate": "5/25/2019",
        "confirmed": True,
        "fulfilled": False,
        "priceperseat": {"list": "200.55", "face": "99.20", "cost": "125.00"},
        "pricepersale": {"total": "608.00", "fees": "45.00", "payout": "590.00"},
        "event": {"name": "taylor swift", "venue": "verizon center", "datetimelocal": "1/1/2020"},
        "section": "ORCH",
        "row": "AA",
        "seats": [{"seatnumber": "1", "seatid": "1000"}],
    },
    "oneticket.sales.complete": [{"user_id": "9003", "order_id": "247927697", "marketplace_id": 1}],
}


def _export_orders_needs_a_filter(values: Mapping[str, object]) -> bool:
    return values["season_code"] is None and values["patron"] is None


def _a_start_date_needs_its_end_date(values: Mapping[str, object]) -> bool:
    return (values["event_date_start"] is not None and values["event_date_end"] is None) or (
        values["purchase_date_start"] is not None and values["purchase_date_end"] is None
    )


# Documented rules across arguments: when one holds, the call is an ArgumentError and nothing is sent.
CROSS_ARGUMENT_RULES: dict[str, Callable[[Mapping[str, object]], bool]] = {
    "paciolan.batch.export_orders": _export_orders_needs_a_filter,
    "oneticket.purchases.list": _a_start_date_needs_its_end_date,
}


# -- discovering the operations ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Argument:
    """One keyword argument of an operation and how it goes on the wire."""

    name: str
    wire: str
    location: str  # "path", "query" or "header"
    kind: str  # "text", "date" (a date or text), "texts" (a list of text), "int", "bool", "choice"
    required: bool
    style: str | None
    choices: frozenset[object] | None
    documented: tuple[object, ...]  # for a choice: the documented values and the enum members


@dataclass(frozen=True)
class Operation:
    vendor: str
    group: str
    name: str
    endpoint: Any
    arguments: tuple[Argument, ...]
    takes_body: bool

    @property
    def id(self) -> str:
        return f"{self.vendor}.{self.group}.{self.name}"

    def __repr__(self) -> str:
        return self.id

    def argument(self, wire: str) -> Argument:
        return next(a for a in self.arguments if a.wire == wire)


class _Probed(Exception):
    pass


def _union_members(hint: object) -> list[object]:
    if get_origin(hint) in (typing.Union, types.UnionType):
        return [m for arg in get_args(hint) for m in _union_members(arg)]
    if get_origin(hint) is Literal:
        return list(get_args(hint))
    return [hint]


def _kind(hint: object, param: Any) -> tuple[str, tuple[object, ...]]:
    members = [m for m in _union_members(hint) if m is not type(None)]
    if param.choices is not None:
        enums = [m for m in members if isinstance(m, type) and issubclass(m, Enum)]
        documented = sorted(param.choices, key=repr) + [e for enum in enums for e in enum]
        return "choice", tuple(documented)
    if any(get_origin(m) is list for m in members):
        assert all(get_args(m) == (str,) for m in members), f"unexpected list type {hint}"
        return "texts", ()
    for kind, python_type in (("date", date), ("bool", bool), ("int", int), ("text", str)):
        if python_type in members:
            return kind, ()
    raise AssertionError(f"no strategy for an argument typed {hint}")


def _describe(vendor: str, client: Any, group: str, name: str, method: Any) -> Operation:
    """Call the operation once with a marker per keyword, catching the transport call it makes."""
    signature = inspect.signature(method)
    hints = get_type_hints(method)
    markers = {keyword: object() for keyword in list(signature.parameters)[1:]}
    seen: dict[str, Any] = {}

    def record(
        endpoint: Any, args: Mapping[str, object], body: object = None, **options: object
    ) -> Any:
        seen.update(endpoint=endpoint, args=dict(args), body=body, options=options)
        raise _Probed

    send = client._send  # what the operations call (the transport's `send`, bound)
    client._send = record
    try:
        getattr(getattr(client, group), name)(**markers)
    except _Probed:
        pass
    finally:
        client._send = send
    endpoint, args = seen["endpoint"], seen["args"]
    params = {param.wire: param for param in endpoint.params}
    arguments = []
    for keyword, marker in markers.items():
        if keyword == "body":
            assert seen["body"] is marker, (
                f"{vendor}.{group}.{name}: `body` is not the request body"
            )
            continue
        if seen["options"].get("media_type") is marker:
            # The response media type: one of those documented, asked for in `Accept`.
            media_types = (endpoint.accept, *endpoint.media_types)
            arguments.append(
                Argument(
                    name=keyword,
                    wire="Accept",
                    location="accept",
                    kind="choice",
                    required=signature.parameters[keyword].default is inspect.Parameter.empty,
                    style=None,
                    choices=frozenset(media_types),
                    documented=media_types,
                )
            )
            continue
        wires = [wire for wire, value in args.items() if value is marker]
        assert len(wires) == 1, f"{vendor}.{group}.{name}: `{keyword}` goes to {wires}"
        param = params[wires[0]]
        kind, documented = _kind(hints[keyword], param)
        arguments.append(
            Argument(
                name=keyword,
                wire=param.wire,
                location=param.location,
                kind=kind,
                required=signature.parameters[keyword].default is inspect.Parameter.empty,
                style=param.style,
                choices=param.choices,
                documented=documented,
            )
        )
    return Operation(vendor, group, name, endpoint, tuple(arguments), "body" in markers)


def discover(vendor: str) -> list[Operation]:
    responses = importlib.import_module(f"{vendor}._responses")
    client = make_client(vendor, UNUSED_URL)
    found = []
    for group, operations in vars(client).items():
        if not type(operations).__name__.endswith("Operations"):
            continue
        for name, attribute in vars(type(operations)).items():
            # An operation is wrapped by `@operation` (with_response, head), or a plain method where
            # overloads give each media type its own return type.
            if isinstance(attribute, responses.Operation):
                found.append(_describe(vendor, client, group, name, attribute._method))
            elif inspect.isfunction(attribute) and not name.startswith("_"):
                found.append(_describe(vendor, client, group, name, attribute))
    return found


OPERATIONS = [operation for vendor in VENDORS for operation in discover(vendor)]


def test_every_operation_of_both_clients_is_found() -> None:
    counts = {vendor: sum(op.vendor == vendor for op in OPERATIONS) for vendor in VENDORS}
    clients = {vendor: importlib.import_module(f"{vendor}._endpoints") for vendor in VENDORS}
    endpoints = {
        vendor: {
            value.name
            for value in vars(module).values()
            if isinstance(value, importlib.import_module(f"{vendor}._runtime").Endpoint)
        }
        for vendor, module in clients.items()
    }

    assert {op.endpoint.name for op in OPERATIONS} == endpoints["paciolan"] | endpoints["oneticket"]
    assert counts == {vendor: len(endpoints[vendor]) for vendor in VENDORS}
    assert {op.id for op in OPERATIONS if op.takes_body} == set(BODIES)


# -- strategies -------------------------------------------------------------------------------------------

NASTY = (
    "",
    " ",
    "/",
    "?",
    "#",
    "%",
    "%2F",
    "%25",
    "%zz",
    ".",
    "..",
    "...",
    "../..",
    "a/../b",
    "&",
    "=",
    "+",
    ";",
    ",",
    "\r",
    "\n",
    "\r\n",
    "\x00",
    "\t",
    "é",
    "ÿ",
    "☃",
    "\U0001f600",
    "\u2028",
    "\ud800",
    "x\udcffy",
    "a b",
    "?x=1#y",
    "x&policyCode=EVIL",
)


def _text() -> st.SearchStrategy[str]:
    """Arbitrary text (any code point, lone surrogates through the pieces above), often built of pieces."""
    nasty = st.sampled_from(NASTY)
    pieces = st.one_of(nasty, st.text(max_size=4))
    return st.one_of(nasty, st.text(), st.lists(pieces, max_size=5).map("".join))


TEXT = _text()


def _acceptable(argument: Argument, text: str) -> bool:
    if argument.location == "path" and text == "":
        return False
    if argument.location == "header":
        return is_header_text(text)
    return is_text(text)


def _argument_values(argument: Argument, valid: bool) -> st.SearchStrategy[object]:
    """Any value of the argument's type; with `valid`, only those the client must send."""
    text = TEXT.filter(lambda t: _acceptable(argument, t)) if valid else TEXT
    strategy: st.SearchStrategy[object]
    if argument.kind == "choice":
        documented = st.sampled_from(argument.documented)
        strategy = documented if valid else st.one_of(documented, TEXT)
    elif argument.kind == "texts":
        strategy = st.lists(text, min_size=1 if argument.style == "comma" else 0, max_size=4)
    elif argument.kind == "int":
        strategy = st.integers(min_value=-(2**63), max_value=2**63)
    elif argument.kind == "bool":
        strategy = st.booleans()
    elif argument.kind == "date":
        strategy = st.one_of(st.dates(), text)
    else:
        strategy = text
    return strategy if argument.required else st.one_of(st.none(), strategy)


def arguments_of(operation: Operation) -> st.SearchStrategy[dict[str, object]]:
    """Half the time only values the client must send (with many arguments, one bad value is likely)."""
    return st.one_of(
        *(
            st.fixed_dictionaries({a.name: _argument_values(a, valid) for a in operation.arguments})
            for valid in (True, False)
        )
    )


# -- what the wire must show ------------------------------------------------------------------------------


def wire_text(value: object, vendor: str) -> str:
    """The documented text of one value: booleans in lowercase, enums by value, dates as documented."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date):
        return value.strftime(DATE_FORMATS[vendor])
    if isinstance(value, Enum):
        value = value.value
    return value if isinstance(value, str) else str(value)


def is_text(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def is_header_text(text: str) -> bool:
    """HTTP/1.1 header values are Latin-1 without control characters (a tab is allowed)."""
    try:
        text.encode("latin-1")
    except UnicodeEncodeError:
        return False
    return not any((ord(c) < 0x20 and c != "\t") or c == "\x7f" for c in text)


def refused(operation: Operation, values: Mapping[str, object]) -> bool:
    """Whether the client must refuse these arguments (an ArgumentError, nothing sent)."""
    for argument in operation.arguments:
        value = values[argument.name]
        if value is None:
            continue
        if argument.choices is not None:
            raw = value.value if isinstance(value, Enum) else value
            if raw not in argument.choices:
                return True
        texts = [
            wire_text(v, operation.vendor) for v in (value if isinstance(value, list) else [value])
        ]
        if any(not is_text(text) for text in texts):
            return True  # a lone surrogate: not text, it cannot be encoded
        if argument.location == "path" and texts == [""]:
            return True
        if argument.location == "header" and not is_header_text(texts[0]):
            return True
    rule = CROSS_ARGUMENT_RULES.get(operation.id)
    return rule is not None and rule(values)


def expected_query(operation: Operation, values: Mapping[str, object]) -> list[tuple[str, str]]:
    """The decoded (name, value) pairs, in the order the operation documents its arguments."""
    pairs: list[tuple[str, str]] = []
    for param in operation.endpoint.params:
        if param.location != "query":
            continue
        value = values[operation.argument(param.wire).name]
        if value is None:
            continue
        if isinstance(value, list):
            texts = [wire_text(item, operation.vendor) for item in value]
            if param.style == "comma":
                pairs.append((param.wire, ",".join(texts)))
            else:
                pairs.extend((param.wire, text) for text in texts)
        else:
            pairs.append((param.wire, wire_text(value, operation.vendor)))
    return pairs


def assert_sent_exactly(
    operation: Operation, values: Mapping[str, object], received: Received, method: str
) -> None:
    assert received.method == method
    assert received.target.isascii(), received.target
    assert "#" not in received.target, received.target

    # The route: as many segments as the template, fixed ones unchanged, each argument one segment.
    template = operation.endpoint.path.split("/")
    segments = received.path.split("/")
    assert len(segments) == len(template), received.target
    for fixed, sent in zip(template, segments, strict=True):
        if fixed.startswith("{") and fixed.endswith("}"):
            value = values[operation.argument(fixed[1:-1]).name]
            assert sent not in (".", ".."), f"a dot segment changes the route: {received.target}"
            assert unquote(sent, errors="strict") == wire_text(value, operation.vendor), (
                received.target
            )
        else:
            assert sent == fixed, received.target

    # The query: every pair decodes back to the exact value, in order, and nothing else is there.
    assert parse_qsl(received.raw_query, keep_blank_values=True, errors="strict") == expected_query(
        operation, values
    ), received.target
    raw_pairs = [pair.split("=", 1) for pair in received.raw_query.split("&") if pair]
    for argument in operation.arguments:
        value = values[argument.name]
        if argument.style == "comma" and isinstance(value, list):
            raw_value = next(v for name, v in raw_pairs if unquote(name) == argument.wire)
            items = [unquote(item, errors="strict") for item in raw_value.split(",")]
            assert items == [wire_text(v, operation.vendor) for v in value], (
                "a literal comma only between items"
            )

    # The headers: no CR or LF anywhere; each header argument arrives as given (less surrounding blanks,
    # which HTTP does not count as part of a field value).
    for name, text in received.headers.items():
        assert "\r" not in text and "\n" not in text, (name, text)
    for argument in operation.arguments:
        value = values[argument.name]
        if argument.location == "header" and value is not None:
            arrived = received.header(argument.wire)
            assert arrived is not None, f"header {argument.wire} was not sent"
            assert arrived.strip(" \t") == wire_text(value, operation.vendor).strip(" \t")
        if argument.location == "accept":
            accept = (
                operation.endpoint.accept if value is None else wire_text(value, operation.vendor)
            )
            assert received.header("Accept") == accept


def reply_for(http: LocalServer, operation: Operation) -> None:
    sample = sample_path(operation.vendor, f"{operation.group}.{operation.name}")
    if sample.exists():
        http.reply(200, sample.read_bytes(), headers={"Content-Type": "application/json"})
    else:
        http.reply(204)


# -- the properties ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("operation", OPERATIONS, ids=lambda op: op.id)
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_any_argument_text_is_refused_before_sending_or_arrives_exactly(
    operation: Operation, data: st.DataObject, http: LocalServer, clients: dict[str, Any]
) -> None:
    http.reset()
    reply_for(http, operation)
    client = clients[operation.vendor]
    package = importlib.import_module(operation.vendor)
    values = data.draw(arguments_of(operation), label="arguments")
    head = operation.endpoint.head and data.draw(st.booleans(), label="HEAD")
    call = getattr(getattr(client, operation.group), operation.name)
    if head:
        call = call.head
    kwargs = dict(values)
    if operation.takes_body:
        kwargs["body"] = BODIES[operation.id]

    error: Exception | None = None
    try:
        call(**kwargs)
    except Exception as exc:
        error = exc

    if error is not None:
        assert isinstance(error, package.ApiError), f"{type(error).__name__} escaped: {error}"
    if refused(operation, values):
        assert isinstance(error, package.ArgumentError), f"not refused: {error!r}"
        assert http.requests == []
        return
    assert not isinstance(error, package.ArgumentError), f"refused valid arguments: {error}"
    assert len(http.requests) == 1
    assert_sent_exactly(operation, values, http.last, "HEAD" if head else operation.endpoint.method)


def _valid_arguments(operation: Operation) -> dict[str, object]:
    """A plain valid value for every argument (so no cross-argument rule applies either)."""
    values: dict[str, object] = {}
    for argument in operation.arguments:
        if argument.kind == "choice":
            values[argument.name] = argument.documented[0]
        elif argument.kind == "texts":
            values[argument.name] = ["A"]
        elif argument.kind == "int":
            values[argument.name] = 1
        elif argument.kind == "bool":
            values[argument.name] = True
        else:
            values[argument.name] = "A"
    return values


def _escapes(
    http: LocalServer, clients: dict[str, Any], location: set[str], bad_text: str
) -> list[str]:
    """Every (operation, argument) where `bad_text` is not refused with the package's ArgumentError."""
    escaped = []
    for operation in OPERATIONS:
        package = importlib.import_module(operation.vendor)
        for argument in operation.arguments:
            if argument.kind not in ("text", "date") or argument.location not in location:
                continue
            http.reset()
            reply_for(http, operation)
            kwargs: dict[str, object] = {**_valid_arguments(operation), argument.name: bad_text}
            if operation.takes_body:
                kwargs["body"] = BODIES[operation.id]
            call = getattr(getattr(clients[operation.vendor], operation.group), operation.name)
            try:
                call(**kwargs)
                outcome = "sent without error"
            except package.ArgumentError:
                outcome = "" if not http.requests else "refused after sending"
            except Exception as exc:
                outcome = f"{type(exc).__module__}.{type(exc).__name__}"
            if outcome:
                escaped.append(f"{operation.id}({argument.name}=...): {outcome}")
    return escaped


# The two cases below are also in the property's domain; here every argument of every operation is
# tried once, so a regression names each argument it affects. (Both escaped as a bare UnicodeEncodeError
# from urllib.parse.quote or http.client before the transport checked for them.)


def test_a_header_value_outside_latin_1_is_refused_before_sending(
    http: LocalServer, clients: dict[str, Any]
) -> None:
    assert _escapes(http, clients, {"header"}, "Bearer tok\u2603en") == []


def test_a_lone_surrogate_in_any_text_argument_is_refused_before_sending(
    http: LocalServer, clients: dict[str, Any]
) -> None:
    assert _escapes(http, clients, {"path", "query", "header"}, "ab\ud800cd") == []
