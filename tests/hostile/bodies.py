"""Hostile bodies, built in bounded memory: gzip bombs, endless chunked streams."""

from __future__ import annotations

import zlib

from tests.hostile.server import Connection

MIB = 1024 * 1024


def gzip_bomb(decompressed: int, byte: bytes = b"0") -> bytes:
    """A gzip stream of `decompressed` bytes of `byte`, compressed piece by piece (kilobytes in the end)."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, 31)
    piece = byte * MIB
    parts = [compressor.compress(piece) for _ in range(decompressed // MIB)]
    parts.append(compressor.flush())
    return b"".join(parts)


def endless_chunks(connection: Connection, status: int = 200, budget: int = 256 * MIB) -> None:
    """A chunked body that never ends (until the client hangs up, or `budget` bytes were sent)."""
    connection.send(
        f"HTTP/1.1 {status} OK\r\nContent-Type: application/json\r\n"
        "Transfer-Encoding: chunked\r\n\r\n".encode()
    )
    chunk = b"%x\r\n" % 65536 + b"[" * 65536 + b"\r\n"
    for _ in range(budget // 65536):
        connection.send(chunk)
