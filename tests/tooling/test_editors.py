"""What editors, documentation tools and type checkers show of the generated clients: jedi's completions
(statically, and on a live client as IPython does), IPython's `?`, pdoc's pages and mypy's messages name
each operation's own keyword arguments.

Here rather than in tests/clients/: these need the dev tools (jedi, IPython, pdoc, mypy), which the clients' own test
runs on other Pythons (only urllib3 and msgspec installed) do not have.
"""

from __future__ import annotations

from pathlib import Path

import jedi
import mypy.api as api
import pdoc
import pdoc.doc
from IPython.core.oinspect import Inspector

import paciolan.client
from tests.clients.test_introspection import GENERATED, paciolan_client


def test_jedi_completes_the_keyword_arguments_from_the_source(tmp_path: Path) -> None:
    source = "from paciolan import PaciolanClient\nclient = PaciolanClient()\nclient.cart.get(cart"
    project = jedi.Project(tmp_path, sys_path=[str(GENERATED)])
    script = jedi.Script(source, path=tmp_path / "user.py", project=project)
    assert "cart_id=" in [completion.name for completion in script.complete()]
    with_response = source.replace("get(cart", "get.with_response(pol")
    script = jedi.Script(with_response, path=tmp_path / "user.py", project=project)
    assert "policy_code=" in [completion.name for completion in script.complete()]


def test_jedi_completes_them_on_a_live_client_as_ipython_does() -> None:
    namespace = {"client": paciolan_client()}
    completions = jedi.Interpreter("client.cart.get(cart", [namespace]).complete()
    assert "cart_id=" in [completion.name for completion in completions]


def test_ipython_question_mark_shows_the_signature_and_the_docstring() -> None:
    info = Inspector(theme_name="nocolor").info(paciolan_client().cart.get)
    assert info["definition"] == "(*, cart_id: str, policy_code: str) -> paciolan.models.Cart"
    assert info["docstring"].startswith("Get cart by ID")


def test_pdoc_documents_each_operation_with_its_keyword_arguments() -> None:
    groups = pdoc.doc.Module(paciolan.client)
    get = groups.get("CartOperations.get")
    assert isinstance(get, pdoc.doc.Function)
    assert list(get.signature_without_self.parameters) == ["cart_id", "policy_code"]
    assert get.docstring.startswith("Get cart by ID")
    page = pdoc.pdoc("paciolan.client")
    assert "(unknown)" not in page and ">unknown<" not in page


def test_mypy_names_the_operation_and_its_argument(tmp_path: Path) -> None:
    user = tmp_path / "user.py"
    user.write_text(
        "from paciolan import PaciolanClient\n"
        "client = PaciolanClient()\n"
        "client.cart.get(cartid='1', policy_code='WEB')\n"
        "value, raw = client.cart.get.with_response(cart_id='1', policy_code=2)\n"
    )
    out, _, status = api.run(["--strict", "--cache-dir", str(tmp_path / "cache"), str(user)])
    assert status == 1
    assert 'Unexpected keyword argument "cartid" for "__call__" of "CartGetOperation"' in out
    assert 'Argument "policy_code" to "with_response" of "CartGetOperation"' in out


def test_mypy_checks_the_keys_of_a_dict_body(tmp_path: Path) -> None:
    user = tmp_path / "user.py"
    user.write_text(
        "from paciolan import PaciolanClient\n"
        "from paciolan.bodies import CheckoutDict\n"
        "client = PaciolanClient()\n"
        "good: CheckoutDict = {'patron': None, 'delivery': {'method': 'PAH'}}\n"
        "client.cart.checkout(cart_id='1', policy_code='WEB', body=good)\n"
        "client.cart.checkout(cart_id='1', policy_code='WEB', body={'patron': None})\n"
    )
    out, _, status = api.run(["--strict", "--cache-dir", str(tmp_path / "cache"), str(user)])
    assert status == 1
    problems = [line for line in out.splitlines() if ": error:" in line]
    assert len(problems) == 1, out
    # The dict without `delivery` is refused; the typed one with it is accepted.
    assert "user.py:6:" in problems[0] and '"Checkout | CheckoutDict"' in problems[0], out
