"""A broken registry is reported with file, line, path and a message that says what to fix."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from ticketing_codegen import model, registry, resolve

VALID = """\
registry: 1
vendors:
  shop:
    title: Shop
    client: ShopClient
    servers:
      default: https://shop.example/api
    credentials:
      - {arg: api_key, header: X-Key, secret: true}
    types:
      Item:
        fields:
          id: int
          name: str
    operations:
      - name: items.get
        method: GET
        path: /items/{item_id}
        path_params:
          item_id: {type: str}
        response: {type: Item}
"""


def load(tmp_path: Path, text: str) -> list[model.Vendor]:
    path = tmp_path / "endpoints.yaml"
    path.write_text(textwrap.dedent(text))
    return resolve.load(path)


def problems(tmp_path: Path, text: str) -> list[registry.Problem]:
    with pytest.raises(registry.RegistryError) as caught:
        load(tmp_path, text)
    return caught.value.problems


def test_the_valid_fixture_loads(tmp_path: Path) -> None:
    (package,) = load(tmp_path, VALID)
    assert [op.name for op in package.operations] == ["get"]


def test_invalid_yaml_names_its_line(tmp_path: Path) -> None:
    broken = VALID.replace("      default: https://shop.example/api", "      default: [unclosed")
    (problem,) = problems(tmp_path, broken)
    assert problem.file == "endpoints.yaml"
    assert problem.line == 8
    assert problem.message.startswith("invalid YAML")


def test_unknown_key_is_reported_at_its_line_with_a_suggestion(tmp_path: Path) -> None:
    broken = VALID.replace(
        "        method: GET", "        method: GET\n        sumary: Get one item"
    )
    (problem,) = problems(tmp_path, broken)
    assert problem.line == 18
    assert problem.path == "vendors.shop.operations[0].sumary"
    assert "unknown key `sumary` in operation (did you mean `summary`?)" in problem.message


def test_missing_required_key_names_the_object(tmp_path: Path) -> None:
    broken = VALID.replace("        method: GET\n", "")
    (problem,) = problems(tmp_path, broken)
    assert problem.line == 16
    assert problem.path == "vendors.shop.operations[0]"
    assert problem.message == "missing required key `method` in operation"


def test_wrong_value_type_names_the_value(tmp_path: Path) -> None:
    broken = VALID.replace("method: GET", "method: FETCH")
    (problem,) = problems(tmp_path, broken)
    assert problem.line == 17
    assert problem.path == "vendors.shop.operations[0].method"
    assert "FETCH" in problem.message


def test_a_type_that_refers_to_nothing_is_reported(tmp_path: Path) -> None:
    broken = VALID.replace("response: {type: Item}", "response: {type: Itme}")
    (problem,) = problems(tmp_path, broken)
    assert problem.line == 21
    assert problem.path == "vendors.shop.operations[0].response.type"
    assert problem.message == "type `Itme` refers to nothing"


def test_a_field_type_that_refers_to_nothing_suggests_the_spelling(tmp_path: Path) -> None:
    broken = VALID.replace("          name: str", "          name: list[item]")
    (problem,) = problems(tmp_path, broken)
    assert problem.line == 14
    assert problem.message == "type `item` refers to nothing (did you mean `Item`?)"


def test_duplicate_operation_names_both_places(tmp_path: Path) -> None:
    duplicated = VALID + "      - name: items.get\n        method: GET\n        path: /items\n"
    (problem,) = problems(tmp_path, duplicated)
    assert problem.line == 22
    assert problem.message == "duplicate operation `items.get` (first declared at line 16)"


def test_a_path_parameter_missing_from_the_path_is_reported(tmp_path: Path) -> None:
    broken = VALID.replace("path: /items/{item_id}", "path: /items")
    (problem,) = problems(tmp_path, broken)
    assert problem.line == 20
    assert problem.path == "vendors.shop.operations[0].path_params.item_id"
    assert problem.message == "path parameter `item_id` is not in the path `/items`"


def test_a_path_placeholder_without_a_parameter_is_reported(tmp_path: Path) -> None:
    broken = VALID.replace("path: /items/{item_id}", "path: /items/{item_id}/{part}")
    (problem,) = problems(tmp_path, broken)
    assert problem.line == 18
    assert problem.message == "path placeholder `{part}` has no entry in `path_params`"


def test_a_duplicate_yaml_key_is_an_error_not_a_silent_overwrite(tmp_path: Path) -> None:
    broken = VALID.replace("          name: str", "          name: str\n          id: str")
    (problem,) = problems(tmp_path, broken)
    assert problem.line == 15
    assert problem.message == "duplicate key `id`"


def test_a_bad_type_expression_is_explained(tmp_path: Path) -> None:
    broken = VALID.replace("          name: str", "          name: list[str")
    (problem,) = problems(tmp_path, broken)
    assert problem.line == 14
    assert problem.message == "missing `]` in `list[str`"


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    broken = VALID.replace("method: GET", "method: FETCH").replace("title: Shop", "titel: Shop")
    found = problems(tmp_path, broken)
    assert [(p.line, p.path) for p in found] == [
        (3, "vendors.shop"),
        (4, "vendors.shop.titel"),
        (17, "vendors.shop.operations[0].method"),
    ]
    assert found[0].message == "missing required key `title` in vendor"


def test_a_field_name_that_cannot_become_python_asks_for_name(tmp_path: Path) -> None:
    broken = VALID.replace("          name: str", "          1ticketid: str")
    (problem,) = problems(tmp_path, broken)
    assert problem.line == 14
    assert "give `name:` explicitly" in problem.message


def test_problems_print_as_file_line_path_message(tmp_path: Path) -> None:
    broken = VALID.replace("response: {type: Item}", "response: {type: Itme}")
    with pytest.raises(registry.RegistryError) as caught:
        load(tmp_path, broken)
    assert str(caught.value) == (
        "endpoints.yaml:21: vendors.shop.operations[0].response.type: type `Itme` refers to nothing"
    )


def test_an_undeclared_operation_in_the_emulator_section_is_reported(tmp_path: Path) -> None:
    broken = VALID + "    emulator:\n      echo: [items.gett]\n"
    (problem,) = problems(tmp_path, broken)
    assert problem.line == 23
    assert problem.path == "vendors.shop.emulator.echo[0]"
    assert problem.message == "operation `items.gett` is not declared"


def test_a_cart_template_without_a_sample_is_reported(tmp_path: Path) -> None:
    broken = VALID + "    emulator:\n      carts:\n        template: items.get\n"
    (problem,) = problems(tmp_path, broken)
    assert problem.line == 24
    assert problem.path == "vendors.shop.emulator.carts.template"
    assert problem.message == "`items.get` has no response sample for new carts to copy"


def test_also_accepts_on_a_parameter_that_is_not_an_enum_is_reported(tmp_path: Path) -> None:
    broken = VALID.replace("item_id: {type: str}", "item_id: {type: str, also_accepts: [x]}")
    (problem,) = problems(tmp_path, broken)
    assert problem.path == "vendors.shop.operations[0].path_params.item_id.also_accepts"
    assert problem.message == "`also_accepts` applies to enum parameters only"


def test_also_accepts_adds_spellings_to_an_enum_parameter(tmp_path: Path) -> None:
    text = VALID.replace(
        "          name: str\n",
        "          name: str\n      State:\n        enum: [Active]\n",
    ).replace(
        "item_id: {type: str}\n",
        "item_id: {type: str}\n        query:\n          state: {type: State, also_accepts: [active]}\n",
    )
    (package,) = load(tmp_path, text)
    (param,) = [p for p in package.operations[0].params if p.wire == "state"]
    assert param.accepted_values == ["Active", "active"]


def test_requires_naming_an_undeclared_parameter_is_reported(tmp_path: Path) -> None:
    broken = VALID.replace(
        "        response: {type: Item}\n",
        "        requires:\n          item_id: [since]\n        response: {type: Item}\n",
    )
    (problem,) = problems(tmp_path, broken)
    assert problem.path == "vendors.shop.operations[0].requires.item_id"
    assert problem.message == "`since` is not a parameter of `items.get`"


def test_aliases_on_a_field_that_is_not_optional_are_reported(tmp_path: Path) -> None:
    broken = VALID.replace(
        "          name: str\n", "          name: {type: str, aliases: [title]}\n"
    )
    (problem,) = problems(tmp_path, broken)
    assert problem.path == "vendors.shop.types.Item.fields.name.aliases"
    assert problem.message == "a field with `aliases` must be optional"


def test_an_alias_that_is_already_a_wire_name_is_reported(tmp_path: Path) -> None:
    broken = VALID.replace(
        "          name: str\n", "          name: {type: str, optional: true, aliases: [id]}\n"
    )
    (problem,) = problems(tmp_path, broken)
    assert problem.message == "`id` is already a wire name of this type"


def test_an_alias_becomes_a_hidden_field_merged_after_decoding(tmp_path: Path) -> None:
    text = VALID.replace(
        "          name: str\n", "          name: {type: str, optional: true, aliases: [title]}\n"
    )
    (package,) = load(tmp_path, text)
    (item,) = package.structs
    assert item.aliases == [("name", "_name_alias")]
    assert item.renames["_name_alias"] == "title"


def test_a_credential_pattern_that_is_not_a_regular_expression_is_reported(
    tmp_path: Path,
) -> None:
    broken = VALID.replace("secret: true}", "secret: true, pattern: '[a-', form: letters}")
    (problem,) = problems(tmp_path, broken)
    assert problem.path == "vendors.shop.credentials[0].pattern"
    assert problem.message.startswith("invalid pattern:")


def test_a_credential_range_on_a_str_is_reported(tmp_path: Path) -> None:
    broken = VALID.replace("secret: true}", "secret: true, minimum: 0}")
    (problem,) = problems(tmp_path, broken)
    assert problem.message == "`minimum` and `maximum` apply to int only"


def test_a_cart_role_whose_operation_lacks_its_path_parameter_is_reported(tmp_path: Path) -> None:
    broken = VALID + (
        "    emulator:\n      carts:\n        template: items.get\n        get: items.get\n"
    )
    found = problems(tmp_path, broken)
    role = next(p for p in found if p.path == "vendors.shop.emulator.carts.get")
    assert role.line == 25
    assert role.message == "`items.get` needs the path parameter `cart_id`"


def test_two_cart_roles_on_one_operation_are_reported(tmp_path: Path) -> None:
    broken = VALID.replace("item_id", "cart_id") + (
        "    emulator:\n      carts:\n        template: items.get\n"
        "        get: items.get\n        checkout: items.get\n"
    )
    found = problems(tmp_path, broken)
    assert [p.message for p in found if p.path == "vendors.shop.emulator.carts.checkout"] == [
        "`items.get` has two cart roles: get and checkout"
    ]


def test_a_workflow_example_argument_must_be_a_parameter(tmp_path: Path) -> None:
    broken = VALID + (
        "    workflows:\n      file_download:\n        group: items\n        method: save\n"
        "        source_type: Item\n        url_field: name\n        source_operation: get\n"
        "        example_args: {itemId: 1}\n"
    )
    (problem,) = problems(tmp_path, broken)
    assert problem.path == "vendors.shop.workflows.file_download.example_args.itemId"
    assert problem.message == "`itemId` is not a parameter"
