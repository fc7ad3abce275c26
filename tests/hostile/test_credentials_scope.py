"""Credentials go only to URLs below the client's base URL as the server reads them: after dot-segment
removal and percent-decoding of unreserved characters. Anything else is fetched without them."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import ONETICKET_TOKEN, PACIOLAN_KEY, oneticket_at, paciolan_at
from tests.hostile.server import Connection, HostileServer, Request, each_request, serving


def _file(connection: Connection, request: Request) -> None:
    connection.answer(200, b"%PDF-1.4 test", {"Content-Type": "application/pdf"})


def _token_sent_fetching(tmp_path: Path, file_path: str) -> str | None:
    with serving(each_request(_file)) as server:
        with oneticket_at(f"{server.url}/api/v1") as client:
            client.purchases.download_pdf(f"{server.url}{file_path}", tmp_path / "x.pdf")
        return _only_request(server).header("x-api-token")


def _only_request(server: HostileServer) -> Request:
    assert len(server.requests) == 1
    return server.requests[0]


def test_a_file_below_the_base_url_is_fetched_with_the_token(tmp_path: Path) -> None:
    assert _token_sent_fetching(tmp_path, "/api/v1/files/x.pdf") == ONETICKET_TOKEN


@pytest.mark.parametrize(
    "file_path",
    [
        "/api/v1/../elsewhere/x.pdf",
        "/api/v1/%2e%2e/elsewhere/x.pdf",
        "/api/v1/%2E%2E/elsewhere/x.pdf",
        "/api/v1/.%2e/elsewhere/x.pdf",
        "/api/v1/files/../../elsewhere/x.pdf",
        "/api/v1/..%2felsewhere/x.pdf",
        "/api/v1x/x.pdf",
        "/api/x.pdf",
    ],
)
def test_a_file_outside_the_base_url_is_fetched_without_the_token(
    tmp_path: Path, file_path: str
) -> None:
    assert _token_sent_fetching(tmp_path, file_path) is None


def test_an_export_outside_the_base_url_is_fetched_without_the_key(tmp_path: Path) -> None:
    with serving(each_request(_file)) as server:
        with paciolan_at(f"{server.url}/v2") as client:
            client.batch.download(f"{server.url}/v2/%2e%2e/exports/x.gz", tmp_path / "x.gz")
        headers = _only_request(server).headers

    assert PACIOLAN_KEY not in headers.values()
    assert not any(name.lower().startswith("pac-") for name in headers)
