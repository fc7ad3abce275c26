"""The generator, one feature at a time, from small inline registries.

Each test writes a registry of a few lines, generates its package into `tmp_path` (resolved, rendered and
formatted as `ticketing-codegen generate` does), then imports and uses it against the local test server,
or looks at the resolved model. A failure names one feature, not a line of a 2,000-line registry.
"""

from __future__ import annotations

import importlib
import inspect
import re
import sys
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import msgspec
import pytest

from tests.local_server import LocalServer
from ticketing_codegen import model, output, render, resolve
from ticketing_codegen.__main__ import ROOT
from ticketing_codegen.typeexpr import ListOf, Named

# The vendor key (the package name) is filled in per test, so each test imports its own package.
HEADER = """\
registry: 1
vendors:
  {name}:
    title: Shop
    client: ShopClient
    servers:
      default: https://shop.example/api
    credentials:
      - {{arg: api_key, header: X-Key, secret: true}}
"""

Generate = Callable[[str], tuple[model.Vendor, ModuleType]]


@pytest.fixture
def generate(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Generate]:
    """`generate(vendor_yaml)` -> (the resolved vendor, its generated package, imported)."""
    name = "shop_" + re.sub(r"\W", "_", request.node.name.removeprefix("test_"))[:40]
    added: list[str] = []

    def run(vendor_yaml: str) -> tuple[model.Vendor, ModuleType]:
        registry = tmp_path / "endpoints.yaml"
        body = textwrap.indent(textwrap.dedent(vendor_yaml), " " * 4)
        registry.write_text(HEADER.format(name=name) + body, encoding="utf-8")
        (vendor,) = resolve.load(registry)
        files = render.render([vendor], "0" * 64)
        scratch = output.formatted(files, ROOT / "pyproject.toml", tmp_path)
        sys.path.insert(0, str(scratch))
        added.append(str(scratch))
        return vendor, importlib.import_module(name)

    yield run
    for path in added:
        sys.path.remove(path)
    for module in [m for m in sys.modules if m == name or m.startswith(name + ".")]:
        del sys.modules[module]


def client(package: ModuleType, http: LocalServer) -> Any:
    return package.ShopClient(api_key="k", base_url=http.url, max_retries=0)


ITEM_GET = """\
types:
  Item:
    fields:
      id: int
{fields}
operations:
  - name: items.get
    method: GET
    path: /items/{{item_id}}
    summary: Get one item
    path_params:
      item_id: {{type: str}}
    response: {{type: Item}}
"""


def test_a_field_with_an_explicit_name_keeps_its_wire_name(
    generate: Generate, http: LocalServer
) -> None:
    vendor, package = generate(
        ITEM_GET.format(fields="      t.ResVersion: {type: str, name: res_version}")
    )

    (item,) = vendor.structs
    assert [f.python_name for f in item.fields] == ["id", "res_version"]
    http.reply(body={"id": 1, "t.ResVersion": "v2"})
    assert client(package, http).items.get(item_id="1").res_version == "v2"


def test_an_optional_field_may_be_missing_and_is_then_unset(
    generate: Generate, http: LocalServer
) -> None:
    vendor, package = generate(ITEM_GET.format(fields="      note: {type: str, optional: true}"))

    assert vendor.structs[0].field("note") == vendor.structs[0].fields[1]
    assert vendor.structs[0].fields[1].may_be_missing
    http.reply(body={"id": 1})
    assert client(package, http).items.get(item_id="1").note is msgspec.UNSET


def test_a_path_parameter_is_percent_encoded_into_the_path(
    generate: Generate, http: LocalServer
) -> None:
    _, package = generate(ITEM_GET.format(fields=""))

    http.reply(body={"id": 1})
    client(package, http).items.get(item_id="a/b c")
    assert http.last.path == "/items/a%2Fb%20c"


def test_the_method_docstring_names_its_http_method_and_path(generate: Generate) -> None:
    _, package = generate(ITEM_GET.format(fields=""))

    doc = inspect.getdoc(package.client.ItemsOperations.get) or ""
    assert doc.splitlines()[:3] == ["Get one item", "", "`GET /items/{item_id}`"]


def test_a_decimal_field_imports_decimal_in_the_models(generate: Generate) -> None:
    _, package = generate(ITEM_GET.format(fields="      price: decimal"))

    source = inspect.getsource(package.models)
    assert "from decimal import Decimal" in source
    assert "import datetime" not in source  # only what the annotations use


SEARCH = """\
types:
  Color:
    enum: [red, green]
operations:
  - name: items.search
    method: GET
    path: /items
    query:
      color: {{type: Color}}
      ids: {{type: "list[str]", style: {style}}}
"""


def test_an_enum_parameter_refuses_other_values_before_sending(
    generate: Generate, http: LocalServer
) -> None:
    vendor, package = generate(SEARCH.format(style="repeated"))

    (op,) = vendor.operations
    assert op.params[0].enum is not None and op.params[0].enum.values == ["red", "green"]
    shop = client(package, http)
    with pytest.raises(package.ArgumentError):
        shop.items.search(color="blue")
    assert http.requests == []
    shop.items.search(color="red")
    assert http.last.query == [("color", "red")]


@pytest.mark.parametrize(
    ("style", "sent"),
    [("repeated", [("ids", "a"), ("ids", "b")]), ("comma", [("ids", "a,b")])],
)
def test_a_list_query_parameter_is_sent_in_its_style(
    generate: Generate, http: LocalServer, style: str, sent: list[tuple[str, str]]
) -> None:
    vendor, package = generate(SEARCH.format(style=style))

    assert vendor.operations[0].params[1].type == ListOf(Named("str"))
    client(package, http).items.search(ids=["a", "b"])
    assert http.last.query == sent


ENVELOPED = """\
envelope: Envelope
types:
  Envelope:
    fields:
      result: Result
      output: any
  Result:
    fields:
      status: str
      message: str
      messageid: {{type: str, name: message_id}}
  Item:
    fields:
      id: int
      tags: {{type: "list[str]", optional: true}}
operations:
  - name: items.first
    method: GET
    path: /items
    response: {{type: "list[Item]", unwrap: "{unwrap}"}}
"""


def test_an_unwrap_rule_returns_the_first_element_of_the_output(
    generate: Generate, http: LocalServer
) -> None:
    vendor, package = generate(ENVELOPED.format(unwrap="output[0]"))

    (op,) = vendor.operations
    assert (op.unwrap.kind, op.call_shape, op.returns) == ("first", "first", Named("Item"))
    http.reply(
        body={
            "result": {"status": "success", "message": "", "messageid": ""},
            "output": [{"id": 7}],
        }
    )
    assert client(package, http).items.first().id == 7


def test_an_unwrap_rule_on_a_list_field_gives_an_empty_list_when_output_is_empty(
    generate: Generate, http: LocalServer
) -> None:
    vendor, package = generate(ENVELOPED.format(unwrap="output[0].tags"))

    (op,) = vendor.operations
    assert op.call_shape == "first_field_or_empty" and op.unwrap.empty_value == "[]"
    http.reply(body={"result": {"status": "success", "message": "", "messageid": ""}, "output": []})
    assert client(package, http).items.first() == []


def test_retry_safety_follows_the_method_unless_the_registry_says_otherwise(
    generate: Generate,
) -> None:
    vendor, _ = generate(
        """\
        operations:
          - {name: jobs.start, method: POST, path: /jobs}
          - {name: jobs.rerun, method: POST, path: /jobs/again, idempotent: true}
          - {name: jobs.get, method: GET, path: /jobs/1}
        """
    )

    assert [op.idempotent for op in vendor.operations] == [False, True, True]


def test_a_query_builder_workflow_is_generated_and_accepted_by_its_parameter(
    generate: Generate, http: LocalServer
) -> None:
    vendor, package = generate(
        """\
        workflows:
          query_builder:
            group: sales
            operation: query
            param: q
            builder: SaleQuery
            statuses: [open]
            marketplaces: [north]
            window: "next {days} days"
        operations:
          - name: sales.query
            method: GET
            path: /sales
            query:
              q: {type: str, required: true}
        """
    )

    (workflow,) = vendor.workflows
    assert isinstance(workflow, model.QueryBuilder) and workflow.argument == "q"
    assert vendor.operations[0].params[0].builder == "SaleQuery"
    queries = importlib.import_module(f"{package.__name__}.queries")
    client(package, http).sales.query(q=queries.SaleQuery(status="open", next_days=2))
    assert http.last.query == [("q", "open next 2 days")]


def test_a_method_named_list_does_not_shadow_the_list_type(
    generate: Generate, http: LocalServer
) -> None:
    _, package = generate(
        """\
        operations:
          - name: items.list
            method: GET
            path: /items
            query:
              ids: {type: "list[int]", style: comma}
            response: {type: "list[str]"}
        """
    )

    source = inspect.getsource(package.client.ItemsOperations)
    assert "ids: builtins.list[int] | None = None" in source
    assert "-> builtins.list[str]:" in source
    http.reply(body=["a"])
    assert client(package, http).items.list(ids=[1, 2]) == ["a"]
