"""tickets.print and tickets.reprint in each media type the vendor documents."""

from __future__ import annotations

import pytest

from paciolan import MultipartDocument, PaciolanClient
from paciolan.errors import ArgumentError, DecodeError
from paciolan.models import PassTickets, Ticket
from tests.conftest import sample
from tests.local_server import LocalServer

BOUNDARY = "pdi-boundary-42"
PDF_BYTES = b"%PDF-1.7\r\n%\xe2\xe3\xcf\xd3\r\nbinary \x00\x01 body\r\n%%EOF"


def multipart(file_type: str, filename: str, data: bytes) -> bytes:
    return (
        (
            f"--{BOUNDARY}\r\nContent-Type: application/json\r\n\r\n"
            '{"barcode": "75813167566966"}\r\n'
            f"--{BOUNDARY}\r\nContent-Type: {file_type}\r\n"
            f'Content-Disposition: attachment; filename="{filename}"\r\n'
            "Content-Transfer-Encoding: binary\r\n\r\n"
        ).encode()
        + data
        + f"\r\n--{BOUNDARY}--\r\n".encode()
    )


def test_print_as_json_by_default_returns_the_ticket(
    http: LocalServer, paciolan: PaciolanClient
) -> None:
    http.reply(200, sample("paciolan", "tickets.print"))

    ticket = paciolan.tickets.print(ticket_id="1234567890123456")

    assert isinstance(ticket, Ticket)
    assert ticket.barcode == "75813167566966"
    assert http.last.header("Accept") == "application/json"


def test_print_as_pdf_returns_the_barcode_part_and_the_file_bytes(
    http: LocalServer, paciolan: PaciolanClient
) -> None:
    http.reply(
        200,
        multipart("application/pdf", "ticket.pdf", PDF_BYTES),
        headers={"Content-Type": f'multipart/mixed; boundary="{BOUNDARY}"'},
    )

    document = paciolan.tickets.print(
        ticket_id="1234567890123456", media_type="application/pdf", format="BOTH"
    )

    assert isinstance(document, MultipartDocument)
    assert http.last.header("Accept") == "application/pdf"
    assert http.last.target == "/tickets/1234567890123456/print?format=BOTH"
    assert document.json == {"barcode": "75813167566966"}
    (pdf,) = document.files
    assert pdf.content_type == "application/pdf"
    assert pdf.filename == "ticket.pdf"
    assert pdf.data == PDF_BYTES


def test_reprint_as_pkpass_returns_the_pass_file(
    http: LocalServer, paciolan: PaciolanClient
) -> None:
    pkpass = b"PK\x03\x04 zipped pass"
    http.reply(
        200,
        multipart("application/vnd.apple.pkpass", "ticket.pkpass", pkpass),
        headers={"Content-Type": f"multipart/related; boundary={BOUNDARY}"},
    )

    document = paciolan.tickets.reprint(
        ticket_id="1", authorization="Basic dGVzdDp0ZXN0", media_type="application/vnd.apple.pkpass"
    )

    assert http.last.header("Accept") == "application/vnd.apple.pkpass"
    assert [(f.content_type, f.data) for f in document.files] == [
        ("application/vnd.apple.pkpass", pkpass)
    ]


def test_print_as_google_pass_returns_the_ticket_jwts(
    http: LocalServer, paciolan: PaciolanClient
) -> None:
    http.reply(200, sample("paciolan", "tickets.reissue"))

    passes = paciolan.tickets.print(ticket_id="1", media_type="application/vnd.google-apps.pass")

    assert isinstance(passes, PassTickets)
    assert http.last.header("Accept") == "application/vnd.google-apps.pass"
    assert [t.ticket_id for t in passes.tickets] == ["string"]


def test_an_undocumented_media_type_is_refused_before_sending(
    http: LocalServer, paciolan: PaciolanClient
) -> None:
    with pytest.raises(ArgumentError) as caught:
        paciolan.tickets.print(ticket_id="1", media_type="text/html")  # type: ignore[call-overload]

    assert "application/pdf" in str(caught.value)
    assert http.requests == []


def test_a_pdf_answer_that_is_not_multipart_is_a_decode_error(
    http: LocalServer, paciolan: PaciolanClient
) -> None:
    http.reply(200, b"<html>maintenance</html>", headers={"Content-Type": "text/html"})

    with pytest.raises(DecodeError) as caught:
        paciolan.tickets.print(ticket_id="1", media_type="application/pdf")

    assert caught.value.operation == "tickets.print"
    assert caught.value.body == b"<html>maintenance</html>"
