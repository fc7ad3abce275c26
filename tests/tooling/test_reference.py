"""The generated API reference (`docs/<vendor>.md`): complete, true to the generated client, deterministic."""

from __future__ import annotations

import ast
import importlib
import inspect
import re
from pathlib import Path

import pytest

from tests.tooling.conftest import ROOT
from ticketing_codegen import reference
from ticketing_codegen.model import Operation, Vendor
from ticketing_codegen.pytyping import PythonTypes

DOCS = ROOT / "docs"


@pytest.fixture(scope="module")
def files(packages: list[Vendor]) -> dict[str, str]:
    return reference.render_reference(packages)


def sections(text: str) -> dict[str, str]:
    """Operation call (`client.cart.get`) -> its section of the reference."""
    found: dict[str, str] = {}
    for part in text.split("\n### ")[1:]:
        heading, _, body = part.partition("\n")
        match = re.fullmatch(r"`(client\.[a-z_]+\.[a-z_0-9]+)`", heading)
        if match:
            found[match.group(1)] = body
    return found


def section(files: dict[str, str], vendor: str, call: str) -> str:
    return sections(files[f"{vendor}.md"])[call]


def code_blocks(text: str) -> list[str]:
    return re.findall(r"```python\n(.*?)\n```", text, flags=re.S)


def generated_method(package: Vendor, op: Operation) -> inspect.Signature:
    client = importlib.import_module(f"{package.name}.client")
    group = next(g for g in package.groups if g.name == op.group)
    member = vars(getattr(client, group.class_name))[op.name]
    return inspect.signature(getattr(member, "_method", member))


def test_the_committed_reference_is_what_the_registry_produces(files: dict[str, str]) -> None:
    assert sorted(files) == ["oneticket.md", "paciolan.md"]
    assert reference.differences(files, DOCS) == [], "run `ticketing-codegen generate`"


def test_rendering_twice_gives_the_same_text(packages: list[Vendor], files: dict[str, str]) -> None:
    assert reference.render_reference(packages) == files


def test_each_file_starts_by_saying_it_is_generated_and_by_which_command(
    files: dict[str, str],
) -> None:
    for text in files.values():
        first = text.splitlines()[0]
        assert first.startswith("_Generated from `endpoints.yaml` by `ticketing-codegen generate`")
        assert "do not edit" in first


def test_every_operation_has_a_section_with_its_signature(
    packages: list[Vendor], files: dict[str, str]
) -> None:
    for package in packages:
        found = sections(files[f"{package.name}.md"])
        assert list(found) == [f"client.{op.group}.{op.name}" for op in package.operations]
        for op in package.operations:
            signature = code_blocks(found[f"client.{op.group}.{op.name}"])[0]
            assert signature.startswith(f"client.{op.group}.{op.name}(")
            returns = PythonTypes(models_from=None).returns(op).replace("'", '"')
            assert signature.endswith(f") -> {returns}") or (
                op.media_types and "|" in signature.rsplit("->", 1)[1]
            )


def test_signatures_name_the_generated_methods_parameters_in_order(
    packages: list[Vendor], files: dict[str, str]
) -> None:
    for package in packages:
        found = sections(files[f"{package.name}.md"])
        for op in package.operations:
            documented = code_blocks(found[f"client.{op.group}.{op.name}"])[0]
            parameters = documented.split("(", 1)[1].rsplit("->", 1)[0]
            tree = ast.parse(f"def f({parameters}: ...")
            function = tree.body[0]
            assert isinstance(function, ast.FunctionDef)
            names = [a.arg for a in function.args.kwonlyargs]
            actual = [p for p in generated_method(package, op).parameters if p != "self"]
            assert names == actual, f"{package.name} {op.group}.{op.name}"


def test_examples_call_the_method_with_its_required_arguments(
    packages: list[Vendor], files: dict[str, str]
) -> None:
    for package in packages:
        found = sections(files[f"{package.name}.md"])
        for op in package.operations:
            example = code_blocks(found[f"client.{op.group}.{op.name}"])[-1]
            calls = [
                node
                for node in ast.walk(ast.parse(example))
                if isinstance(node, ast.Call) and ast.unparse(node.func).startswith("client.")
            ]
            (call,) = calls
            assert ast.unparse(call.func) == f"client.{op.group}.{op.name}"
            given = {k.arg for k in call.keywords}
            signature = generated_method(package, op)
            required = {
                name
                for name, p in signature.parameters.items()
                if name != "self" and p.default is inspect.Parameter.empty
            }
            assert required <= given <= set(signature.parameters), op.name


def test_parameter_tables_give_python_and_wire_names_and_where_they_go(
    files: dict[str, str],
) -> None:
    purchases = section(files, "oneticket", "client.purchases.list")
    assert "| `po_ids` | `poid` | query | `list[str]` | no |" in purchases
    delete = section(files, "paciolan", "client.cart.delete")
    assert (
        "| `if_unmodified_since` | `If-Unmodified-Since` | header | `dt.datetime \\| str` | no |"
        in delete
    )
    assert "| `cart_id` | `cart_id` | path | `str` | yes |" in delete


def test_retry_safety_is_stated_for_every_operation(files: dict[str, str]) -> None:
    assert "Safe to repeat: retried" in section(files, "paciolan", "client.cart.get")
    checkout = section(files, "paciolan", "client.cart.checkout")
    assert "never re-sent once it may have reached the server" in checkout
    export = section(files, "paciolan", "client.batch.export_orders")
    assert "never re-sent" in export  # a GET the registry marks unsafe


def test_errors_follow_what_the_operation_can_do(files: dict[str, str]) -> None:
    verify = section(files, "oneticket", "client.token.verify")
    assert "`EnvelopeError`" in verify
    assert "`DecodeError`" in verify
    assert "`ArgumentError`" not in verify  # no arguments to reject
    complete = section(files, "oneticket", "client.sales.complete")
    assert "`EnvelopeError`" not in complete  # outside the envelope
    export = section(files, "paciolan", "client.batch.export_orders")
    assert "ArgumentError` otherwise): give `season_code` or `patron`." in export
    assert "`ArgumentError`, before anything is sent: an argument check above not met" in export
    purchases = section(files, "oneticket", "client.purchases.list")
    assert "`event_date_start` needs `event_date_end`" in purchases
    assert "`ArgumentError`, before anything is sent: an argument check above not met" in purchases
    for text in sections(files["paciolan.md"]).values():
        assert "`ApiConnectionError`" in text
        assert "`StatusError`" in text
        assert "EnvelopeError" not in text


def test_the_return_value_says_how_1ticket_unwraps_the_envelope(files: dict[str, str]) -> None:
    pdf = section(files, "oneticket", "client.purchases.get_pdf")
    assert "**Returns** `list[PdfSeat]`. The `seats` of the first element" in pdf
    assert "(`[]` when `output` is empty)" in pdf
    fulfill = section(files, "oneticket", "client.sales.fulfill")
    assert "**Returns** `None`. Nothing: the call succeeds" in fulfill


def test_every_table_row_has_as_many_cells_as_its_header(files: dict[str, str]) -> None:
    for text in files.values():
        width = None
        for line in text.splitlines():
            if not line.startswith("|"):
                width = None
                continue
            cells = len(re.findall(r"(?<!\\)\|", line))
            if width is None:
                width = cells
            assert cells == width, line


def test_notes_come_from_the_registry_only_when_it_is_given(
    packages: list[Vendor], files: dict[str, str]
) -> None:
    assert "Notes from the registry" in files["paciolan.md"]
    without = reference.render_reference(packages, notes=False)
    assert "Notes from the registry" not in without["paciolan.md"]
    assert "## Decisions" not in without["paciolan.md"]


def test_check_reports_a_missing_or_edited_file_and_write_repairs_it(
    files: dict[str, str], tmp_path: Path
) -> None:
    docs = tmp_path / "docs"
    assert reference.differences(files, docs) == [
        "missing: docs/oneticket.md",
        "missing: docs/paciolan.md",
    ]
    reference.write(files, docs)
    assert reference.differences(files, docs) == []
    edited = docs / "paciolan.md"
    edited.write_text(edited.read_text().replace("client.cart.get(", "client.cart.fetch("))
    report = reference.differences(files, docs)
    assert report[0].startswith("changed: docs/paciolan.md (")
    assert any(line.startswith("    +client.cart.get(") for line in report)
    reference.write(files, docs)
    assert reference.differences(files, docs) == []
    assert sorted(p.name for p in docs.iterdir()) == ["oneticket.md", "paciolan.md"]


def test_the_documented_retry_statuses_and_status_errors_are_the_runtimes(
    packages: list[Vendor],
) -> None:
    for package in packages:
        runtime = importlib.import_module(f"{package.name}._constants")
        errors = importlib.import_module(f"{package.name}.errors")
        assert set(reference.RETRY_STATUSES) == set(runtime.RETRY_STATUSES)
        by_status = {str(status): cls.__name__ for status, cls in errors.STATUS_ERRORS.items()}
        by_status["5xx"] = errors.status_error_class(503).__name__
        assert {status: name for name, status in reference.STATUS_ERRORS} == by_status


def _documented_workflow_methods(text: str) -> list[tuple[str, str, list[str]]]:
    """(group, method, parameter names) of each `client.<group>.<method>(...)` line under Workflows."""
    workflows = text.split("\n## Workflows\n", 1)[1].split("\n## ", 1)[0]
    found = []
    for group, method, params in re.findall(
        r"^client\.([a-z_]+)\.([a-z_]+)\((.*)\) -> ", workflows, flags=re.M
    ):
        names = [p.split(":")[0].strip() for p in params.split(",") if p.strip() not in ("*", "")]
        found.append((group, method, names))
    return found


@pytest.mark.parametrize("vendor", ["oneticket", "paciolan"])
def test_documented_workflow_methods_match_the_generated_ones(
    files: dict[str, str], vendor: str
) -> None:
    client_module = importlib.import_module(f"{vendor}.client")
    documented = _documented_workflow_methods(files[f"{vendor}.md"])

    assert documented, "the reference documents no workflow method"
    for group, method, names in documented:
        group_class = getattr(client_module, f"{group.title()}Operations")
        parameters = list(inspect.signature(getattr(group_class, method)).parameters)[1:]
        assert names == parameters, f"{group}.{method}"
