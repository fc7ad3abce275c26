# Generated from endpoints.yaml (sha256 3750acddfbb35d332c19e57261e2fb4db0cd75297ec40220e5e2d195ab230ba7) by `ticketing-codegen generate`. Do not edit.
"""Downloads of files the API points at (`PdfSeat.pdf_url`), saved atomically.

    seats = client.purchases.get_pdf(rid=16990019)
    client.purchases.download_pdf(seats[0], "ticket.pdf")

The file is fetched through the client's connection pool with its timeouts; the API token is sent only to
the client's own servers, never to the file's host.
"""

from __future__ import annotations

from os import PathLike
from typing import TYPE_CHECKING

from ._lazy import LazyModule
from .errors import ArgumentError

if TYPE_CHECKING:
    from . import models
    from .client import OneTicketClient
else:
    models = LazyModule(f"{__package__}.models")  # imported with the first call, not the package


class FileDownload:
    """File downloads, mixed into `client.purchases`."""

    _client: OneTicketClient

    def download_pdf(self, source: models.PdfSeat | str, path: str | PathLike[str]) -> int:
        """Save the file of `source` (or a URL) to `path`, atomically; return its size in bytes."""
        from ._files import save_atomically  # loaded with the first download, not the package

        url = source if isinstance(source, str) else source.pdf_url
        if not isinstance(url, str) or not url:
            raise ArgumentError("purchases.download_pdf: no file URL to download")
        with self._client._stream("purchases.download_pdf", url) as chunks:
            return save_atomically(chunks, path)
