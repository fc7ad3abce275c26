"""An answer with `Connection: close` hands the socket to the response: its body is read to the end."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import oneticket_at, paciolan_at, sample
from tests.hostile.server import Connection, Request, each_request, serving

SYSINFO = sample("paciolan", "util.sysinfo")


def _closing(body: bytes) -> object:
    def answer(connection: Connection, request: Request) -> None:
        # HTTP/1.0 style: no length, the body ends when the connection does.
        connection.send(
            b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n"
        )
        connection.send(body)
        connection.sock.close()

    return each_request(answer)


def test_a_call_answered_with_connection_close_reads_the_whole_body() -> None:
    with serving(_closing(SYSINFO)) as server, paciolan_at(server.url) as client:  # type: ignore[arg-type]
        first = client.util.sysinfo()
        second = client.util.sysinfo()

    assert first == second
    assert server.connections == 2


def test_a_download_answered_with_connection_close_is_saved_whole(tmp_path: Path) -> None:
    data = b"%PDF" + bytes(range(256)) * 1000
    with serving(_closing(data)) as server, oneticket_at(server.url) as client:  # type: ignore[arg-type]
        size = client.purchases.download_pdf(f"{server.url}/x.pdf", tmp_path / "x.pdf")

    assert size == len(data) == (tmp_path / "x.pdf").stat().st_size
