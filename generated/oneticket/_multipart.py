# Generated from endpoints.yaml (sha256 3750acddfbb35d332c19e57261e2fb4db0cd75297ec40220e5e2d195ab230ba7) by `ticketing-codegen generate`. Do not edit.
"""Multipart answers (a ticket as PDF or pkpass): a JSON part and file parts.

The standard library's email parser does the work; it is imported only when a document is asked for.
"""

from __future__ import annotations

from typing import Any, NamedTuple

import msgspec

# The media-type value meaning "a multipart answer": a JSON part and file parts.
MULTIPART = "multipart"


class FilePart(NamedTuple):
    """One file of a multipart answer (a PDF, a pkpass)."""

    content_type: str
    filename: str | None
    data: bytes


class MultipartDocument:
    """A multipart answer: the decoded JSON part (`json`) and the file parts (`files`)."""

    __slots__ = ("files", "json")
    json: Any
    files: list[FilePart]

    def __init__(self, json: Any, files: list[FilePart]) -> None:
        self.json = json
        self.files = files

    def __repr__(self) -> str:
        kinds = ", ".join(f"{part.content_type} ({len(part.data)} bytes)" for part in self.files)
        return f"<MultipartDocument json={self.json!r} files=[{kinds}]>"


def parse_multipart(content_type: str, body: bytes) -> MultipartDocument:
    """Split a multipart body with the standard library (loaded only when a document is asked for)."""
    from email.parser import BytesParser
    from email.policy import HTTP

    message = BytesParser(policy=HTTP).parsebytes(
        b"Content-Type: " + content_type.encode("latin-1") + b"\r\n\r\n" + body
    )
    if not message.is_multipart():
        raise ValueError(f"expected a multipart body, got {content_type or 'no Content-Type'}")
    document: Any = None
    files: list[FilePart] = []
    for part in message.iter_parts():
        data = part.get_payload(decode=True)
        payload = data if isinstance(data, bytes) else b""
        if part.get_content_type() == "application/json" and document is None:
            document = msgspec.json.decode(payload)
        else:
            files.append(FilePart(part.get_content_type(), part.get_filename(), payload))
    return MultipartDocument(document, files)
