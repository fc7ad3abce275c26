"""Property tests: a value of another type than the declared one, in any argument or body of any
operation of either client, is an ArgumentError and nothing is sent; no other exception escapes."""

from __future__ import annotations

import datetime as dt
import importlib
import typing
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.clients.test_properties import (
    BODIES,
    OPERATIONS,
    Operation,
    _valid_arguments,
)
from tests.local_server import LocalServer

# Values of no declared scalar type at all.
ALIEN: st.SearchStrategy[object] = st.one_of(
    st.builds(object),
    st.binary(max_size=8),
    st.builds(bytearray, st.binary(max_size=4)),
    st.floats(allow_nan=True),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
    st.frozensets(st.integers(), max_size=2),
    st.decimals(allow_nan=True),
    st.complex_numbers(max_magnitude=10),
)


def wrong_values(kind: str, many: bool) -> st.SearchStrategy[object]:
    """Values that are not of the declared kind (`kind` as declared on the operation's `Param`)."""
    wrong = [ALIEN]
    if kind != "bool":
        wrong.append(st.booleans())
    if kind not in ("int", "choice"):
        wrong.append(st.integers())
    if kind in ("int", "bool"):
        wrong.append(st.text(max_size=5))
    if kind != "date":
        wrong.append(st.dates())
    if kind != "http_date":
        wrong.append(st.datetimes())
    if kind == "http_date":
        wrong.append(st.dates())
    scalars = st.one_of(*wrong)
    if many:
        # A list holding one wrong item, or a wrong value instead of a list (text is not a list).
        return st.one_of(
            scalars.map(lambda value: ["A", value]), ALIEN, st.text(min_size=1, max_size=3)
        )
    return st.one_of(scalars, st.lists(st.text(max_size=2), max_size=2))


def _params(operation: Operation) -> dict[str, Any]:
    return {param.wire: param for param in operation.endpoint.params}


TYPED_ARGUMENTS = [
    (operation, argument.name)
    for operation in OPERATIONS
    for argument in operation.arguments
    if argument.location != "accept"
]


def _call(client: Any, operation: Operation, values: dict[str, object], body: object) -> Exception:
    call = getattr(getattr(client, operation.group), operation.name)
    kwargs = dict(values)
    if operation.takes_body:
        kwargs["body"] = body
    try:
        call(**kwargs)
    except Exception as exc:
        return exc
    raise AssertionError(f"{operation.id} sent {values!r}")


@pytest.mark.parametrize(
    ("operation", "name"), TYPED_ARGUMENTS, ids=[f"{op.id}.{name}" for op, name in TYPED_ARGUMENTS]
)
@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_a_value_of_another_type_is_refused_before_sending(
    operation: Operation, name: str, data: st.DataObject, http: LocalServer, clients: Any
) -> None:
    http.reset()
    argument = next(a for a in operation.arguments if a.name == name)
    param = _params(operation)[argument.wire]
    values = _valid_arguments(operation)
    values[name] = data.draw(wrong_values(param.kind, param.many), label=name)
    package = importlib.import_module(operation.vendor)

    error = _call(clients[operation.vendor], operation, values, BODIES.get(operation.id))

    assert isinstance(error, package.ArgumentError), f"{type(error).__name__}: {error}"
    assert http.requests == []


MEDIA_OPERATIONS = [op for op in OPERATIONS if any(a.location == "accept" for a in op.arguments)]


@pytest.mark.parametrize("operation", MEDIA_OPERATIONS, ids=lambda op: op.id)
@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_a_media_type_of_another_type_is_refused_before_sending(
    operation: Operation, data: st.DataObject, http: LocalServer, clients: Any
) -> None:
    http.reset()
    argument = next(a for a in operation.arguments if a.location == "accept")
    values = _valid_arguments(operation)
    values[argument.name] = data.draw(st.one_of(ALIEN, st.lists(st.text(max_size=2), max_size=2)))
    package = importlib.import_module(operation.vendor)

    error = _call(clients[operation.vendor], operation, values, BODIES.get(operation.id))

    assert isinstance(error, package.ArgumentError), f"{type(error).__name__}: {error}"
    assert http.requests == []


BODY_OPERATIONS = [op for op in OPERATIONS if op.takes_body]

# Bodies no operation declares: scalars, bytes, objects, lists of them, dicts of unknown keys.
WRONG_BODIES: st.SearchStrategy[object] = st.one_of(
    ALIEN.filter(lambda value: not isinstance(value, dict)),
    st.booleans(),
    st.integers(),
    st.text(max_size=5),
    st.lists(st.one_of(st.integers(), st.builds(object), st.binary(max_size=3)), min_size=1),
    st.dictionaries(
        st.sampled_from(["x", "paymnt", "seasoncode", "\ud800"]), st.integers(), min_size=1
    ),
    st.just(dt.datetime(2020, 1, 1)),
    st.just(Decimal("0.1")),
)
NOT_OBJECTS = WRONG_BODIES.filter(lambda value: not isinstance(value, dict))


@pytest.mark.parametrize("operation", BODY_OPERATIONS, ids=lambda op: op.id)
@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_a_body_of_another_shape_is_refused_before_sending(
    operation: Operation, data: st.DataObject, http: LocalServer, clients: Any
) -> None:
    http.reset()
    # An operation whose body is any JSON object (util.echo) takes every dict: it gets the rest.
    any_object = typing.get_origin(operation.endpoint.body_type) is dict
    body = data.draw(NOT_OBJECTS if any_object else WRONG_BODIES, label="body")
    package = importlib.import_module(operation.vendor)

    error = _call(clients[operation.vendor], operation, _valid_arguments(operation), body)

    assert isinstance(error, package.ArgumentError), f"{type(error).__name__}: {error}"
    assert http.requests == []
