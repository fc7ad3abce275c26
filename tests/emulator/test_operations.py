"""Every operation of the registry is served, and the generated clients decode what the emulator answers."""

from __future__ import annotations

import gzip
from pathlib import Path
from typing import Any

import pytest

import oneticket as oneticket_package
import paciolan as paciolan_package
from oneticket import OneTicketClient
from paciolan import MultipartDocument, PaciolanClient
from paciolan.models import PassTickets
from tests.local_server import ONETICKET_HEADERS, PACIOLAN_HEADERS, send, send_json
from ticketing_codegen import resolve
from ticketing_codegen.model import BatchExport, Operation, Parameter
from ticketing_codegen.typeexpr import ListOf, Named
from ticketing_emulator import DEFAULT_REGISTRY, Emulator, running
from ticketing_emulator.shapes import Shapes

VENDORS = {vendor.name: vendor for vendor in resolve.load(DEFAULT_REGISTRY)}
SHAPES = {key: Shapes(vendor) for key, vendor in VENDORS.items()}
CASES = [(key, operation) for key, vendor in VENDORS.items() for operation in vendor.operations]
OPERATIONS = [pytest.param(vendor, op, id=f"{vendor}:{op.qualified_name}") for vendor, op in CASES]
# The start and status operations of batch export workflows: answered from the export jobs.
EXPORT_OPERATIONS = {
    (key, op.qualified_name)
    for key, vendor in VENDORS.items()
    for workflow in vendor.workflows
    if isinstance(workflow, BatchExport)
    for op in (workflow.start, workflow.status)
}
# What the registry's `emulator:` sections answer otherwise: echoes, and the cart state.
ECHO_OPERATIONS = {
    (key, name)
    for key, vendor in VENDORS.items()
    if vendor.emulator is not None
    for name in vendor.emulator.echo
}
CART_OPERATIONS = {
    (key, name)
    for key, vendor in VENDORS.items()
    if vendor.emulator is not None and vendor.emulator.carts is not None
    for name in vendor.emulator.carts.roles
}
# Operations whose answer is the vendor sample byte for byte: not the cart or job state, not an echo.
SAMPLED = [
    pytest.param(vendor, op, id=f"{vendor}:{op.qualified_name}")
    for vendor, op in CASES
    if op.sample is not None
    and (vendor, op.qualified_name) not in ECHO_OPERATIONS
    and (vendor, op.qualified_name) not in EXPORT_OPERATIONS
    and (vendor, op.qualified_name) not in CART_OPERATIONS
]
PROFILE: dict[str, Any] = {
    "profile_code": "P1",
    "season_code": "F19",
    "item_code": "F01",
    "policy_code": "WEB",
}
OFFER = {"seasonCode": "F19", "itemCode": "F01", "quantity": 1}


def test_servers_give_a_base_url_for_every_server_of_the_registry(emulator: Emulator) -> None:
    assert emulator.servers("oneticket") == {
        "default": f"{emulator.url}/1ticket/api",
        "sales": f"{emulator.url}/dti1ticketapps",
    }
    assert emulator.servers("paciolan") == {
        "default": f"{emulator.url}/paciolan/pdi/v1",
        "test": f"{emulator.url}/paciolan/pdi/v1",
    }


@pytest.mark.parametrize(("vendor", "operation"), OPERATIONS)
def test_every_operation_answers_what_the_client_decodes(
    emulator: Emulator,
    emulated_oneticket: OneTicketClient,
    emulated_paciolan: PaciolanClient,
    vendor: str,
    operation: Operation,
) -> None:
    client = emulated_oneticket if vendor == "oneticket" else emulated_paciolan
    arguments = _arguments(vendor, operation, emulated_paciolan)

    raw = _call(client, operation, arguments)

    assert raw.status in (200, 204)
    assert emulator.problems == []
    assert emulator.hits(vendor, operation.qualified_name) == 1


@pytest.mark.parametrize(("vendor", "operation"), SAMPLED)
def test_an_operation_with_a_sample_answers_the_sample(
    emulator: Emulator,
    emulated_oneticket: OneTicketClient,
    emulated_paciolan: PaciolanClient,
    vendor: str,
    operation: Operation,
) -> None:
    client = emulated_oneticket if vendor == "oneticket" else emulated_paciolan
    assert operation.sample is not None
    sample = operation.sample.read_bytes()

    raw = _call(client, operation, _arguments(vendor, operation, emulated_paciolan))

    assert raw.body == sample


def test_an_operation_that_compresses_answers_gzip_to_a_client_that_accepts_it(
    emulated_paciolan: PaciolanClient,
) -> None:
    _manifest, raw = emulated_paciolan.manifest.get.with_response(
        season_code="F19", facility_code="STADIUM", configuration_code="FB"
    )

    assert raw.headers.get("Content-Encoding") == "gzip"


def test_an_operation_without_compression_answers_plain_json(
    emulated_paciolan: PaciolanClient,
) -> None:
    _info, raw = emulated_paciolan.util.sysinfo.with_response()

    assert raw.headers.get("Content-Encoding") is None


def test_head_answers_the_headers_of_get_without_a_body(emulator: Emulator) -> None:
    url = emulator.servers("paciolan")["default"] + "/tickets/1234567890123456"
    get = send(url, headers=PACIOLAN_HEADERS)

    head = send(url, "HEAD", headers=PACIOLAN_HEADERS)

    assert (head.status, head.body) == (200, b"")
    assert head.header("Content-Length") == str(len(get.body))


def test_the_client_head_variant_gets_the_headers(emulated_paciolan: PaciolanClient) -> None:
    raw = emulated_paciolan.tickets.get.head(ticket_id="1234567890123456")

    assert (raw.status, raw.body) == (200, b"")


def test_a_ticket_printed_as_pdf_is_a_multipart_document(emulated_paciolan: PaciolanClient) -> None:
    document = emulated_paciolan.tickets.print(
        ticket_id="1234567890123456", media_type="application/pdf"
    )

    assert isinstance(document, MultipartDocument)
    assert document.json == {"barcode": "75813167566966"}
    (pdf,) = document.files
    assert (pdf.content_type, pdf.filename) == ("application/pdf", "tickets.print.pdf")


def test_a_ticket_reprinted_as_a_google_pass_is_pass_tickets(
    emulated_paciolan: PaciolanClient,
) -> None:
    passes = emulated_paciolan.tickets.reprint(
        ticket_id="1",
        authorization="Basic dGVzdDp0ZXN0",
        media_type="application/vnd.google-apps.pass",
    )

    assert isinstance(passes, PassTickets)
    assert passes.tickets


def test_head_on_an_operation_without_head_is_method_not_allowed(emulator: Emulator) -> None:
    url = emulator.servers("paciolan")["default"] + "/util/sysinfo"

    reply = send(url, "HEAD", headers=PACIOLAN_HEADERS)

    assert reply.status == 405


def test_echo_returns_the_request_body(emulated_paciolan: PaciolanClient) -> None:
    echoed = emulated_paciolan.util.echo(body={"hello": ["world", 1, None]})

    assert echoed == {"hello": ["world", 1, None]}


def test_an_unchanged_resource_is_not_modified(emulated_paciolan: PaciolanClient) -> None:
    _profile, first = emulated_paciolan.pricing.get_profile.with_response(**PROFILE)

    again = emulated_paciolan.pricing.get_profile(
        **PROFILE, if_modified_since=first.headers["Last-Modified"]
    )

    assert again is None


def test_a_resource_changed_since_the_date_is_sent_again(emulated_paciolan: PaciolanClient) -> None:
    profile = emulated_paciolan.pricing.get_profile(
        **PROFILE, if_modified_since="Wed, 11 Aug 2021 00:00:00 GMT"
    )

    assert profile is not None


@pytest.mark.parametrize(
    "date", ["Mon, 01 Jan 99999999999 00:00:00 GMT", "Mon, 01 Jan 0 00:00:00 GMT", "yesterday"]
)
def test_an_if_modified_since_that_is_not_a_date_is_ignored(emulator: Emulator, date: str) -> None:
    url = emulator.servers("paciolan")["default"] + "/pricing/P1/F19/F01?policyCode=WEB"

    reply = send(url, headers={**PACIOLAN_HEADERS, "If-Modified-Since": date})

    assert reply.status == 200


def test_the_request_id_is_echoed(emulated_paciolan: PaciolanClient) -> None:
    _info, raw = emulated_paciolan.util.sysinfo.with_response()

    assert raw.request_id is not None
    assert raw.headers.get("Request-ID") == raw.request_id


def test_an_operation_without_a_sample_answers_a_minimal_body(
    emulated_oneticket: OneTicketClient,
) -> None:
    assert emulated_oneticket.purchases.crawl(source="tests") == []


def test_an_operation_without_a_response_type_answers_no_content(emulator: Emulator) -> None:
    cart = send_json(
        emulator.servers("paciolan")["default"] + "/cart?policyCode=WEB",
        "POST",
        OFFER,
        PACIOLAN_HEADERS,
    ).json()
    url = emulator.servers("paciolan")["default"] + f"/cart/{cart['ID']}?policyCode=WEB"

    reply = send(url, "DELETE", headers=PACIOLAN_HEADERS)

    assert (reply.status, reply.body) == (204, b"")


def test_every_request_is_recorded_with_its_operation(
    emulator: Emulator, emulated_oneticket: OneTicketClient
) -> None:
    emulated_oneticket.sales.query(query="unfulfilled vivid next 3 days")

    (request,) = emulator.requests
    assert (request.vendor, request.operation, request.method) == (
        "oneticket",
        "sales.query",
        "GET",
    )
    assert request.target == "/1ticket/api/v2/sales/?q=unfulfilled%20vivid%20next%203%20days"
    assert request.header("x-api-token") is not None


def test_the_sales_host_is_served_under_its_own_base_path(
    emulator: Emulator, emulated_oneticket: OneTicketClient
) -> None:
    emulated_oneticket.sales.complete(
        body=[{"user_id": "7", "order_id": "22009999", "marketplace_id": 4}]
    )

    (request,) = emulator.requests
    assert request.path == "/dti1ticketapps/sales/v1/complete-sale"


def test_the_root_lists_the_base_urls(emulator: Emulator) -> None:
    reply = send(emulator.url + "/")

    assert reply.json() == {
        "vendors": {
            "oneticket": emulator.servers("oneticket"),
            "paciolan": emulator.servers("paciolan"),
        }
    }


def test_faults_are_injected_over_http(
    emulator: Emulator, emulated_paciolan: PaciolanClient
) -> None:
    fault = {"vendor": "paciolan", "operation": "util.sysinfo", "status": 503, "retry_after": "1"}

    reply = send_json(emulator.url + "/_emulator/faults", "POST", fault, {})

    assert reply.status == 200
    assert (
        send(
            emulator.servers("paciolan")["default"] + "/util/sysinfo", headers=PACIOLAN_HEADERS
        ).status
        == 503
    )


def test_a_fault_with_an_unknown_key_is_refused_over_http(emulator: Emulator) -> None:
    fault = {"vendor": "paciolan", "operation": "util.sysinfo", "stauts": 503}

    reply = send_json(emulator.url + "/_emulator/faults", "POST", fault, {})

    assert reply.status == 400
    assert "stauts" in reply.json()["message"]


def test_requests_are_listed_over_http(
    emulator: Emulator, emulated_oneticket: OneTicketClient
) -> None:
    emulated_oneticket.token.verify()

    listed = send(emulator.url + "/_emulator/requests").json()

    assert [r["operation"] for r in listed["requests"]] == ["token.verify"]
    assert listed["problems"] == []


def test_reset_over_http_forgets_the_requests(
    emulator: Emulator, emulated_oneticket: OneTicketClient
) -> None:
    emulated_oneticket.token.verify()

    send(emulator.url + "/_emulator/reset", "POST")

    assert emulator.requests == []
    assert emulator.hits("oneticket", "token.verify") == 0


def test_two_emulators_run_side_by_side_on_free_ports() -> None:
    with running() as first, running() as second:
        assert first.port != second.port
        assert send(second.url + "/").status == 200


def test_the_emulator_reads_another_registry(tmp_path: Path) -> None:
    copy = tmp_path / "endpoints.yaml"
    copy.write_text(DEFAULT_REGISTRY.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "samples").symlink_to(DEFAULT_REGISTRY.parent / "samples")

    with running(registry=copy) as emulator:
        reply = send(
            emulator.servers("oneticket")["default"] + "/v2/verify/", headers=ONETICKET_HEADERS
        )

    assert reply.json()["result"]["status"] == "success"


def test_a_gzip_answer_is_valid_gzip(emulator: Emulator) -> None:
    url = emulator.servers("paciolan")["default"] + "/util/echo"
    headers = {**PACIOLAN_HEADERS, "Accept-Encoding": "gzip", "Content-Type": "application/json"}

    reply = send(url, "POST", headers=headers, body=b'{"a": 1}')

    assert gzip.decompress(reply.body) == b'{"a": 1}'


# -- arguments ---------------------------------------------------------------------------------------


def _call(client: Any, operation: Operation, arguments: dict[str, Any]) -> Any:
    """Call the client method of the operation; return the raw response it decoded."""
    group, name = operation.group, operation.name
    package = oneticket_package if isinstance(client, OneTicketClient) else paciolan_package
    with package.capture_responses() as captured:
        getattr(getattr(client, group), name)(**arguments)
    return captured[-1]


def _arguments(
    vendor: str, operation: Operation, emulated_paciolan: PaciolanClient
) -> dict[str, Any]:
    """Minimal valid keyword arguments: required parameters and the body, from the registry."""
    arguments: dict[str, Any] = {}
    for param in operation.required_params:
        arguments[param.python_name] = _value(param)
    for group in operation.one_of:  # at least one of each group: the first
        arguments[group[0].python_name] = _value(group[0])
    path_params = operation.params_in("path")
    if "cart_id" in path_params:
        # Cart operations act on a cart that exists: a new one for each test.
        arguments["cart_id"] = str(emulated_paciolan.cart.create(policy_code="WEB", body=OFFER).id)
    if "offer_id" in path_params:
        arguments["offer_id"] = "1"
    if "batch_id" in path_params:
        # The status of a job that exists: a new export for each test.
        arguments["batch_id"] = emulated_paciolan.batch.export_orders(season_code="F19").batch_id
    if operation.body_type is not None:
        arguments["body"] = SHAPES[vendor].minimal(operation.body_type)
    return arguments


def _value(param: Parameter) -> Any:
    if param.wire == "Authorization":
        return "Bearer emulator-test"
    item = param.item_type
    assert isinstance(item, Named)
    value: Any = {"int": 7, "bool": True, "float": 1.5, "decimal": 1}.get(item.name, "X1")
    if param.enum is not None:
        value = param.enum.values[0]
    return [value] if isinstance(param.type, ListOf) else value
