"""`ticketing-codegen openapi`: a valid OpenAPI 3.1 document per vendor that says what the registry says."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.tooling.conftest import FIXTURES, REGISTRY, ROOT
from ticketing_codegen import openapi
from ticketing_codegen.model import Vendor
from ticketing_codegen.schema import Registry

spec_validator = pytest.importorskip(
    "openapi_spec_validator",
    reason="openapi-spec-validator is not installed (pip install -e '.[dev]')",
)


def operation(doc: dict[str, Any], operation_id: str) -> dict[str, Any]:
    for item in doc["paths"].values():
        for method, op in item.items():
            if op["operationId"] == operation_id:
                return {**op, "method": method}
    raise AssertionError(f"no operation {operation_id}")


def parameter(op: dict[str, Any], wire: str) -> dict[str, Any]:
    return next(p for p in op.get("parameters", []) if p["name"] == wire)


def schema_of(doc: dict[str, Any], name: str) -> dict[str, Any]:
    schema: dict[str, Any] = doc["components"]["schemas"][name]
    return schema


def refs(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref":
                yield value
            else:
                yield from refs(value)
    elif isinstance(node, list):
        for item in node:
            yield from refs(item)


def schema_validator(doc: dict[str, Any], schema: dict[str, Any]) -> Any:
    """A JSON Schema validator for one schema of the document, resolving its `#/components` refs."""
    from openapi_schema_validator import OAS31Validator

    return OAS31Validator({**schema, "components": doc["components"]})


# -- the documents as a whole ------------------------------------------------------------------


def test_both_documents_are_valid_openapi_3_1(documents: dict[str, dict[str, Any]]) -> None:
    assert set(documents) == {"oneticket", "paciolan"}
    for doc in documents.values():
        assert doc["openapi"] == "3.1.0"
        spec_validator.validate(doc)


def test_every_registry_operation_is_in_the_document_at_its_path_and_method(
    spec: Registry, documents: dict[str, dict[str, Any]]
) -> None:
    for vendor, declared in spec.vendors.items():
        doc = documents[vendor]
        for op in declared.operations:
            exported = doc["paths"][op.path][op.method.lower()]
            assert exported["operationId"] == op.name
            assert exported["tags"] == [op.name.split(".")[0]]
            assert exported["x-python-method"] == f"client.{op.name}"


def test_every_parameter_is_declared_with_its_wire_name_location_and_requiredness(
    spec: Registry, documents: dict[str, dict[str, Any]]
) -> None:
    for vendor, declared in spec.vendors.items():
        doc = documents[vendor]
        for op in declared.operations:
            exported = operation(doc, op.name)
            sections = {"path": op.path_params, "query": op.query, "header": op.headers}
            for location, params in sections.items():
                for wire, param in params.items():
                    if wire.lower() == "authorization":
                        continue  # a security requirement: see the test below
                    entry = parameter(exported, wire)
                    assert entry["in"] == location, (op.name, wire)
                    assert entry["required"] == (location == "path" or param.required)


def test_every_reference_resolves(documents: dict[str, dict[str, Any]]) -> None:
    for doc in documents.values():
        for ref in refs(doc):
            _, section, name = ref.removeprefix("#/").split("/")
            assert name in doc["components"][section], ref


# -- info ----------------------------------------------------------------------------------------


def test_the_version_is_the_vendor_version_and_pep_440(
    spec: Registry, documents: dict[str, dict[str, Any]]
) -> None:
    from packaging.version import Version

    for vendor, declared in spec.vendors.items():
        version = documents[vendor]["info"]["version"]
        assert version == declared.version
        assert str(Version(version)) == version  # normal form, and no local label


def test_the_command_records_the_registry_hash_beside_the_version(tmp_path: Path) -> None:
    import hashlib

    assert openapi.main(REGISTRY, vendor="paciolan", output=tmp_path / "p.json") == 0
    info = json.loads((tmp_path / "p.json").read_text())["info"]
    assert info["x-registry-sha256"] == hashlib.sha256(REGISTRY.read_bytes()).hexdigest()


def test_a_version_that_is_not_pep_440_is_a_registry_problem(tmp_path: Path) -> None:
    from ticketing_codegen import registry, resolve

    broken = tmp_path / "endpoints.yaml"
    broken.write_text(REGISTRY.read_text().replace("version: 0.1.0", "version: v1-beta", 1))
    with pytest.raises(registry.RegistryError, match="not a PEP 440 public version"):
        resolve.load(broken)


def test_the_export_is_deterministic(packages: list[Vendor]) -> None:
    paciolan = next(vendor for vendor in packages if vendor.name == "paciolan")
    first = openapi.document(paciolan)
    second = openapi.document(paciolan)
    assert json.dumps(first) == json.dumps(second)


# -- servers and security ----------------------------------------------------------------------


def test_the_vendor_servers_are_the_document_servers(
    documents: dict[str, dict[str, Any]],
) -> None:
    assert documents["paciolan"]["servers"] == [
        {"url": "https://connect.evenue.net/pdi/v1", "description": "default"},
        {"url": "https://connect-qfnq.paciolan.info/pdi/v1", "description": "test"},
    ]


def test_an_operation_on_another_host_names_its_server_and_is_not_enveloped(
    documents: dict[str, dict[str, Any]],
) -> None:
    doc = documents["oneticket"]
    complete = operation(doc, "sales.complete")
    assert complete["servers"] == [
        {"url": "https://apis.dti1ticketapps.com", "description": "sales"}
    ]
    assert [s["description"] for s in doc["servers"]] == ["default"]
    body = complete["responses"]["200"]["content"]["application/json"]["schema"]
    assert body == {}  # `any`: undocumented, and not wrapped in the 1Ticket envelope


def test_credentials_are_header_api_keys_required_together(
    spec: Registry, documents: dict[str, dict[str, Any]]
) -> None:
    for vendor, declared in spec.vendors.items():
        doc = documents[vendor]
        schemes = doc["components"]["securitySchemes"]
        for credential in declared.credentials:
            scheme = schemes[credential.arg]
            assert (scheme["type"], scheme["in"], scheme["name"]) == (
                "apiKey",
                "header",
                credential.header,
            )
            assert scheme.get("x-secret", False) == credential.secret
        assert doc["security"] == [{c.arg: [] for c in declared.credentials}]


def test_an_authorization_header_parameter_is_an_operation_security_requirement(
    documents: dict[str, dict[str, Any]],
) -> None:
    # OpenAPI tools ignore a header *parameter* named Authorization, so it is a security scheme.
    doc = documents["paciolan"]
    reprint = operation(doc, "tickets.reprint")
    assert all(p["name"] != "Authorization" for p in reprint["parameters"])
    (requirement,) = reprint["security"]
    assert set(requirement) == {
        "api_key",
        "application_id",
        "channel_code",
        "organization_id",
        "user_agent",
        "tickets_reprint_authorization",
    }
    scheme = doc["components"]["securitySchemes"]["tickets_reprint_authorization"]
    assert (scheme["in"], scheme["name"], scheme["x-secret"]) == ("header", "Authorization", True)


# -- parameters --------------------------------------------------------------------------------


def test_repeated_list_parameters_are_exploded_form_parameters(
    documents: dict[str, dict[str, Any]],
) -> None:
    season = parameter(operation(documents["paciolan"], "catalog.list_items"), "seasonCode")
    assert (season["style"], season["explode"]) == ("form", True)
    assert season["schema"] == {"type": "array", "items": {"type": "string"}}


def test_comma_list_parameters_are_unexploded_form_parameters(
    documents: dict[str, dict[str, Any]],
) -> None:
    poid = parameter(operation(documents["oneticket"], "purchases.list"), "poid")
    assert (poid["style"], poid["explode"]) == ("form", False)
    assert poid["x-python-name"] == "po_ids"


def test_secret_parameters_are_write_only_passwords(documents: dict[str, dict[str, Any]]) -> None:
    password = parameter(operation(documents["oneticket"], "accounts.add"), "password")
    assert password["schema"] == {
        "type": "string",
        "writeOnly": True,
        "format": "password",
        "x-secret": True,
    }


def test_enum_parameters_refer_to_the_enum_schema(documents: dict[str, dict[str, Any]]) -> None:
    doc = documents["oneticket"]
    marketplace = parameter(operation(doc, "sales.fulfill"), "marketplaceid")
    assert marketplace["schema"] == {"$ref": "#/components/schemas/SalesMarketplaceId"}
    enum = schema_of(doc, "SalesMarketplaceId")
    assert enum["type"] == "integer"
    assert enum["enum"][:4] == [1, 2, 3, 4]


# -- types -------------------------------------------------------------------------------------


def test_fields_are_properties_under_their_exact_wire_names(
    documents: dict[str, dict[str, Any]],
) -> None:
    info = schema_of(documents["paciolan"], "SystemInfo")
    assert "t.ResVersion" in info["properties"]
    assert info["properties"]["t.ResVersion"]["x-python-name"] == "t_res_version"
    assert "status " in schema_of(documents["paciolan"], "BatchStatus")["properties"]


def test_type_expressions_become_json_schema(documents: dict[str, dict[str, Any]]) -> None:
    doc = documents["paciolan"]
    cart = schema_of(doc, "Cart")["properties"]
    assert cart["balance"] == {"type": "number", "format": "decimal"}
    assert cart["comments"] == {"type": ["string", "null"]}
    assert cart["tags"] == {"type": "array", "items": {"type": "string"}}
    assert cart["orders"] == {"type": "array", "items": {}}
    assert schema_of(doc, "PriceType")["properties"]["class"] == {
        "anyOf": [{"$ref": "#/components/schemas/CodeName"}, {"type": "null"}],
        "x-python-name": "class_",
    }
    echo = operation(doc, "util.echo")["requestBody"]["content"]["application/json"]["schema"]
    assert echo == {"type": "object", "additionalProperties": {}}


def test_fields_that_may_be_missing_are_not_required(documents: dict[str, dict[str, Any]]) -> None:
    doc = documents["paciolan"]
    checkout = schema_of(doc, "Checkout")
    assert checkout["required"] == ["patron", "delivery"]
    # A type-level `optional: true` leaves only the fields marked `required: true`.
    assert schema_of(doc, "OfferRequest")["required"] == ["seasonCode", "itemCode", "quantity"]
    assert "required" not in schema_of(doc, "OfferSeat")


def test_secret_fields_of_request_types_are_write_only(
    documents: dict[str, dict[str, Any]],
) -> None:
    payment = schema_of(documents["paciolan"], "Payment")["properties"]
    assert payment["accountNumber"] == {
        "type": "string",
        "format": "password",
        "x-secret": True,
        "writeOnly": True,
        "x-python-name": "account_number",
    }


def test_secret_fields_the_vendor_sends_back_are_passwords_but_not_write_only(
    documents: dict[str, dict[str, Any]],
) -> None:
    # 1Ticket returns account_password: `writeOnly` would make the real response invalid.
    account = schema_of(documents["oneticket"], "Account")["properties"]
    assert account["account_password"] == {"type": "string", "format": "password", "x-secret": True}


def test_enums_are_enum_schemas_of_their_json_type(documents: dict[str, dict[str, Any]]) -> None:
    status = schema_of(documents["paciolan"], "BatchJobStatus")
    assert status["type"] == "string"
    assert status["enum"] == ["SCHEDULED", "ERROR", "PENDING", "COMPLETED"]


# -- bodies and responses ----------------------------------------------------------------------


def test_request_bodies_carry_their_type_and_requiredness(
    documents: dict[str, dict[str, Any]],
) -> None:
    doc = documents["paciolan"]
    checkout = operation(doc, "cart.checkout")["requestBody"]
    assert checkout["required"] is True
    assert checkout["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/Checkout"
    }
    void = operation(doc, "tickets.void")["requestBody"]["content"]["application/json"]
    assert void["schema"] == {"type": "object", "maxProperties": 0}


def test_an_enveloped_response_is_the_envelope_with_the_operation_output(
    documents: dict[str, dict[str, Any]],
) -> None:
    doc = documents["oneticket"]
    verify = operation(doc, "token.verify")["responses"]["200"]["content"]["application/json"]
    envelope = verify["schema"]
    assert envelope["required"] == ["result", "output"]
    assert envelope["properties"]["result"] == {"$ref": "#/components/schemas/EnvelopeResult"}
    assert envelope["properties"]["output"] == {
        "type": "array",
        "items": {"$ref": "#/components/schemas/CompanyInfo"},
    }
    # The shared Envelope schema leaves `output` open.
    assert schema_of(doc, "Envelope")["properties"]["output"] == {}


def test_vendor_samples_are_the_response_examples(
    spec: Registry, documents: dict[str, dict[str, Any]]
) -> None:
    count = 0
    for vendor, declared in spec.vendors.items():
        for op in declared.operations:
            if op.response is None or op.response.sample is None:
                continue
            media_type = op.accept or "application/json"
            content = operation(documents[vendor], op.name)["responses"]["200"]["content"]
            example = content[media_type]["examples"]["vendor"]["value"]
            assert example == json.loads((ROOT / op.response.sample).read_text())
            count += 1
    assert count > 30


def test_every_example_is_valid_against_its_response_schema(
    documents: dict[str, dict[str, Any]],
) -> None:
    pytest.importorskip("openapi_schema_validator", reason="openapi-schema-validator is missing")
    for doc in documents.values():
        for item in doc["paths"].values():
            for op in item.values():
                for media in op["responses"]["200"].get("content", {}).values():
                    for example in media.get("examples", {}).values():
                        validator = schema_validator(doc, media["schema"])
                        errors = [e.message for e in validator.iter_errors(example["value"])]
                        assert errors == [], op["operationId"]


def test_a_response_of_the_wrong_shape_is_invalid_against_the_schema(
    documents: dict[str, dict[str, Any]],
) -> None:
    pytest.importorskip("openapi_schema_validator", reason="openapi-schema-validator is missing")
    doc = documents["paciolan"]
    media = operation(doc, "cart.get")["responses"]["200"]["content"]["application/json"]
    sample = json.loads((ROOT / "samples/paciolan/cart.get.json").read_text())
    sample["balance"] = "12.50"  # money is a JSON number
    del sample["offers"]
    messages = [e.message for e in schema_validator(doc, media["schema"]).iter_errors(sample)]
    assert any("'offers' is a required property" in m for m in messages)
    assert any("is not of type 'number'" in m for m in messages)


def test_paciolan_errors_are_described_with_the_registry_error_type(
    documents: dict[str, dict[str, Any]],
) -> None:
    doc = documents["paciolan"]
    error = doc["components"]["responses"]["Error"]
    assert error["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/ErrorBody"
    }
    assert schema_of(doc, "ErrorBody")["required"] == ["status", "message"]


def test_every_operation_refers_to_the_error_response_for_4xx_and_5xx(
    documents: dict[str, dict[str, Any]],
) -> None:
    for doc in documents.values():
        for item in doc["paths"].values():
            for method, op in item.items():
                if method == "head":
                    continue
                for status in ("4XX", "5XX"):
                    assert op["responses"][status] == {"$ref": "#/components/responses/Error"}


def test_1ticket_errors_are_its_failure_envelope(documents: dict[str, dict[str, Any]]) -> None:
    pytest.importorskip("openapi_schema_validator", reason="openapi-schema-validator is missing")
    doc = documents["oneticket"]
    error = doc["components"]["responses"]["Error"]["content"]["application/json"]["schema"]
    assert error == {"$ref": "#/components/schemas/Envelope"}
    failure = {"result": {"status": "error", "message": "no", "messageid": "E1"}, "output": []}
    assert list(schema_validator(doc, error).iter_errors(failure)) == []


def test_an_error_body_of_another_shape_is_invalid(documents: dict[str, dict[str, Any]]) -> None:
    pytest.importorskip("openapi_schema_validator", reason="openapi-schema-validator is missing")
    doc = documents["paciolan"]
    error = doc["components"]["responses"]["Error"]["content"]["application/json"]["schema"]
    messages = [e.message for e in schema_validator(doc, error).iter_errors({"error": "no"})]
    assert "'status' is a required property" in messages


def test_an_undeclared_error_type_is_a_registry_problem(tmp_path: Path) -> None:
    from ticketing_codegen import registry, resolve

    broken = tmp_path / "endpoints.yaml"
    broken.write_text(REGISTRY.read_text().replace("error_type: ErrorBody", "error_type: Oops"))
    with pytest.raises(registry.RegistryError, match="error type `Oops` is not a declared"):
        resolve.load(broken)


def test_a_check_exception_naming_an_undeclared_operation_is_a_registry_problem(
    tmp_path: Path,
) -> None:
    from ticketing_codegen import registry, resolve

    broken = tmp_path / "endpoints.yaml"
    text = REGISTRY.read_text().replace(
        "operations: [batch.export_orders]", "operations: [batch.x]"
    )
    broken.write_text(text)
    with pytest.raises(registry.RegistryError, match=r"operation `batch\.x` is not declared"):
        resolve.load(broken)


def test_a_required_query_value_may_not_be_empty(documents: dict[str, dict[str, Any]]) -> None:
    # The emulator refuses `policyCode=` as missing; the document says so with minLength.
    policy = parameter(operation(documents["paciolan"], "cart.get"), "policyCode")
    assert policy["schema"] == {"type": "string", "minLength": 1}
    season = parameter(operation(documents["paciolan"], "catalog.list_items"), "seasonCode")
    assert "minItems" not in season["schema"]  # optional: empty is allowed


def test_head_variants_and_not_modified_answers_are_documented(
    documents: dict[str, dict[str, Any]],
) -> None:
    doc = documents["paciolan"]
    head = doc["paths"]["/cart/{cart_id}"]["head"]
    assert head["operationId"] == "cart.get.head"
    assert [p["name"] for p in head["parameters"]] == ["cart_id", "policyCode"]
    assert "304" in operation(doc, "pricing.get_profile")["responses"]


def test_other_media_types_are_response_content(documents: dict[str, dict[str, Any]]) -> None:
    content = operation(documents["paciolan"], "tickets.print")["responses"]["200"]["content"]
    assert content["application/vnd.google-apps.pass"]["schema"] == {
        "$ref": "#/components/schemas/PassTickets"
    }
    assert set(content) >= {"application/json", "application/pdf", "application/vnd.apple.pkpass"}


def test_retry_safety_is_an_extension_of_each_operation(
    documents: dict[str, dict[str, Any]],
) -> None:
    doc = documents["paciolan"]
    assert operation(doc, "cart.get")["x-idempotent"] is True
    assert operation(doc, "cart.checkout")["x-idempotent"] is False
    assert operation(doc, "batch.export_orders")["x-idempotent"] is False  # a GET marked unsafe


def test_a_small_registry_exports_too() -> None:
    from ticketing_codegen import resolve

    small = resolve.load(FIXTURES / "diff" / "base.yaml", check_samples=False)
    doc = openapi.document(small[0], examples=False)
    spec_validator.validate(doc)
    assert set(doc["paths"]) == {"/orders/{order_id}", "/orders"}
    assert schema_of(doc, "Order")["required"] == ["id", "total", "status"]


# -- the command -------------------------------------------------------------------------------


def test_the_command_writes_json_or_yaml(tmp_path: Path) -> None:
    as_json = tmp_path / "paciolan.json"
    as_yaml = tmp_path / "paciolan.yaml"
    assert openapi.main(REGISTRY, vendor="paciolan", output=as_json) == 0
    assert openapi.main(REGISTRY, vendor="paciolan", output=as_yaml) == 0
    assert json.loads(as_json.read_text()) == yaml.load(
        as_yaml.read_text(), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    )
    assert json.loads(as_json.read_text())["info"]["title"] == "Paciolan PDI"


def test_the_command_exports_every_vendor_into_a_directory(tmp_path: Path) -> None:
    assert openapi.main(REGISTRY, output=tmp_path / "out") == 0
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "oneticket.openapi.json",
        "paciolan.openapi.json",
    ]


def test_the_command_prints_one_vendor_to_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    assert openapi.main(REGISTRY, vendor="oneticket") == 0
    assert json.loads(capsys.readouterr().out)["info"]["title"] == "1Ticket legacy API"


def test_the_command_refuses_an_unknown_vendor(capsys: pytest.CaptureFixture[str]) -> None:
    assert openapi.main(REGISTRY, vendor="ticketmaster") == 2
    assert "vendors: oneticket, paciolan" in capsys.readouterr().err


def test_the_command_reports_an_invalid_registry(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "endpoints.yaml"
    broken.write_text(REGISTRY.read_text().replace("method: GET", "method: FETCH", 1))
    assert openapi.main(broken, vendor="paciolan", output=tmp_path / "x.json") == 2
    assert "problem(s) in the registry" in capsys.readouterr().err
    assert not (tmp_path / "x.json").exists()
