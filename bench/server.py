"""A keep-alive HTTP/1.1 server answering every request with one fixed JSON body.

Run in its own process (`python -m bench.server BODY_FILE`) so that the client being timed does not
share a GIL with it; it prints its port, then serves until terminated. `GET /__stats` answers the
number of connections accepted and requests served, to check that the clients kept their connection.
"""

from __future__ import annotations

import asyncio
import json
import sys
from pathlib import Path

STATS = {"connections": 0, "requests": 0}


def response(body: bytes) -> bytes:
    head = (
        f"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n"
    )
    return head.encode() + body


def content_length(head: bytes) -> int:
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            return int(value)
    return 0


class Handler(asyncio.Protocol):
    def __init__(self, answer: bytes) -> None:
        self.answer = answer
        self.buffer = b""
        self.transport: asyncio.Transport | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport
        STATS["connections"] += 1

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        while self.transport is not None:
            end = self.buffer.find(b"\r\n\r\n")
            if end < 0:
                return
            head = self.buffer[:end]
            total = end + 4 + content_length(head)
            if len(self.buffer) < total:
                return
            self.buffer = self.buffer[total:]
            STATS["requests"] += 1
            target = head.split(b" ", 2)[1]
            if target == b"/__stats":
                self.transport.write(response(json.dumps(STATS).encode()))
            else:
                self.transport.write(self.answer)


async def serve(body: bytes) -> None:
    loop = asyncio.get_running_loop()
    answer = response(body)
    server = await loop.create_server(lambda: Handler(answer), "127.0.0.1", 0, backlog=64)
    port = server.sockets[0].getsockname()[1]
    print(port, flush=True)
    async with server:
        await server.serve_forever()


def main() -> None:
    body = Path(sys.argv[1]).read_bytes()
    asyncio.run(serve(body))  # until terminated


if __name__ == "__main__":
    main()
