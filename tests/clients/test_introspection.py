"""Every operation shows its real keyword arguments to `inspect.signature`, `help()`, documentation tools,
editors (jedi, statically and on live objects as IPython does) and type checkers' messages."""

from __future__ import annotations

import inspect
import pydoc
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import oneticket
import paciolan
from oneticket import OneTicketClient
from paciolan import PaciolanClient
from paciolan.client import CartOperations
from tests.conftest import ONETICKET_TOKEN, PACIOLAN_KEY

GENERATED = Path(__file__).resolve().parents[2] / "generated"


def paciolan_client() -> PaciolanClient:
    return PaciolanClient(
        api_key=PACIOLAN_KEY,
        application_id="a",
        channel_code="c",
        organization_id=1,
        user_agent="Tests/1.0.0",
    )


def operations(client: Any) -> Iterator[tuple[str, Any]]:
    """`group.operation` and the bound operation, for every operation of a client."""
    for group_name, group in vars(client).items():
        if not type(group).__name__.endswith("Operations"):
            continue
        for name in dir(type(group)):
            member = getattr(group, name)
            if not name.startswith("_") and callable(member):
                yield f"{group_name}.{name}", member


CLIENTS = [paciolan_client(), OneTicketClient(api_token=ONETICKET_TOKEN)]


@pytest.mark.parametrize("client", CLIENTS, ids=["paciolan", "oneticket"])
def test_every_operation_shows_keyword_arguments_not_args_and_kwargs(client: Any) -> None:
    seen = 0
    for name, member in operations(client):
        kinds = {p.kind for p in inspect.signature(member).parameters.values()}
        assert inspect.Parameter.VAR_POSITIONAL not in kinds, name
        assert inspect.Parameter.VAR_KEYWORD not in kinds, name
        seen += 1
    assert seen >= 10


def test_the_signature_names_each_argument_with_its_type() -> None:
    signature = inspect.signature(paciolan_client().cart.get)
    assert [(p.name, p.kind, p.annotation) for p in signature.parameters.values()] == [
        ("cart_id", inspect.Parameter.KEYWORD_ONLY, str),
        ("policy_code", inspect.Parameter.KEYWORD_ONLY, str),
    ]
    assert signature.return_annotation is paciolan.models.Cart


def test_help_documents_the_operation_itself() -> None:
    text = pydoc.render_doc(paciolan_client().cart.get, renderer=pydoc.plaintext)
    assert "get(*, cart_id: str, policy_code: str) -> paciolan.models.Cart" in text
    assert "Get cart by ID" in text
    assert "with_response" not in text  # not the wrapper class's page


def test_on_the_class_an_operation_is_the_plain_documented_function() -> None:
    assert inspect.isfunction(CartOperations.get)
    assert (CartOperations.get.__doc__ or "").startswith("Get cart by ID")


def test_with_response_and_head_are_still_there() -> None:
    get = paciolan_client().cart.get
    assert callable(get.with_response) and callable(get.head)
    assert get.__name__ == "get" and (get.__doc__ or "").startswith("Get cart by ID")


@pytest.mark.parametrize("package", [oneticket, paciolan], ids=["oneticket", "paciolan"])
def test_the_type_checkers_signatures_match_the_methods(package: Any) -> None:
    from importlib import import_module

    signatures = import_module(f"{package.__name__}._signatures")
    client = paciolan_client() if package is paciolan else OneTicketClient(api_token="t")
    checked = 0
    for name, member in operations(client):
        protocol = getattr(signatures, _protocol_name(name), None)
        if protocol is None:  # media-type operations are plain overloaded methods
            assert not hasattr(member, "with_response"), name
            continue
        declared = inspect.signature(protocol.__call__)
        parameters = list(declared.parameters.values())[1:]
        runtime = inspect.signature(member._method)
        # The same types, spelled as each module imports them: the client names `models.Cart` (loaded
        # on first use) and, inside a group class, a shadowed builtin as `builtins.list`.
        method = runtime.replace(parameters=list(runtime.parameters.values())[1:])
        spelled = str(method).replace("builtins.", "").replace("models.", "")
        assert str(declared.replace(parameters=parameters)) == spelled, name
        checked += 1
    assert checked >= 10


def _protocol_name(dotted: str) -> str:
    words = dotted.replace(".", "_").split("_")
    return "".join(word[:1].upper() + word[1:] for word in words) + "Operation"


def test_request_body_dicts_have_typed_keys() -> None:
    from paciolan.bodies import CheckoutDict, OfferRequestDict

    assert {"patron", "delivery"} <= CheckoutDict.__required_keys__
    assert "payments" in CheckoutDict.__optional_keys__
    assert OfferRequestDict.__required_keys__ == {"seasonCode", "itemCode", "quantity"}
