"""The client's own code per call: `client.tickets.get(...)` with the connection pool replaced by a stub.

The stub answers at once with the recorded `Ticket` body, so what is left is the client's work (argument
checks, URL and headers, the Request-ID, the attempt loop, reading the answer) plus the typed decode of
the body and the stub's own calls (`urlopen`, `read`); both of those are timed alone and subtracted.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import msgspec
import urllib3

import paciolan
from bench import data
from bench.figures import Row, Section, Target, us
from bench.measure import Config, interleaved, median
from bench.per_request import CREDENTIALS

GOAL = 2e-6  # seconds of the client's own code per call
STUBBED = "`client.tickets.get(ticket_id=...)`, pool stubbed"
DECODE = "typed decode of the body alone (`msgspec.json.Decoder(Ticket).decode(body)`)"
STUB = "the stub alone: `urlopen` with the transport's keywords, then `read`"
OWN = "the client's own code (stubbed call - decode - stub)"
BLOCK = 1_000


class StubResponse:
    def __init__(self, body: bytes) -> None:
        self.status = 200
        self.headers = urllib3.HTTPHeaderDict({"Content-Type": "application/json"})
        self.data = body
        # What the transport reads of a plain answer with a Content-Length.
        self.length_remaining = len(body)

    def read(self, amt: int | None = None, decode_content: bool = True) -> bytes:
        return self.data

    def release_conn(self) -> None:
        pass


class StubPool:
    """Answers every request with the same response, without a socket."""

    def __init__(self, body: bytes) -> None:
        self.response = StubResponse(body)

    # urllib3's own parameters (`HTTPConnectionPool.urlopen`), named: with `**kwargs` instead, every
    # keyword a call passes would be gathered into a dict, a cost urllib3's urlopen does not have.
    def urlopen(
        self,
        method: str,
        url: str,
        body: Any = None,
        headers: Any = None,
        retries: Any = None,
        redirect: bool = True,
        assert_same_host: bool = True,
        timeout: Any = None,
        pool_timeout: Any = None,
        release_conn: Any = None,
        chunked: bool = False,
        body_pos: Any = None,
        preload_content: bool = True,
        decode_content: bool = True,
        **response_kw: Any,
    ) -> StubResponse:
        return self.response


def stubbed_client(body: bytes) -> paciolan.PaciolanClient | None:
    """A client whose connection pool is the stub, or None when the runtime keeps its pools elsewhere."""
    client = paciolan.PaciolanClient(**CREDENTIALS, base_url="http://127.0.0.1:9")
    transport: Any = client._transport
    pools = getattr(transport, "_server_pools", None)
    if not isinstance(pools, dict):
        return None
    base = transport.base_urls["default"]
    transport._connection_pool(base)  # the per-request settings a first request makes
    origin = len(base) - len(urllib3.util.parse_url(base).path or "")
    pools["default"] = (StubPool(body), origin)
    return client


def _per_call(call: Callable[[], object]) -> float:
    clock = time.perf_counter
    started = clock()
    for _ in range(BLOCK):
        call()
    return (clock() - started) / BLOCK


def run(config: Config, inputs: data.Inputs) -> Section:
    section = Section("Client's own code per call (connection pool replaced by a stub)", "own")
    client = stubbed_client(inputs.ticket)
    if client is None:
        section.notes.append("The runtime has no per-server pool cache to stub: not measured.")
        return section
    ticket = client.tickets.get(ticket_id=data.TICKET_ID)
    if not isinstance(ticket, paciolan.models.Ticket):
        raise RuntimeError(f"the stubbed tickets.get returned {ticket!r}")
    stub = StubPool(inputs.ticket)
    headers = {"Accept": "application/json"}
    # What the call itself does to decode: a msgspec decoder of the response type, built once. (The
    # public `paciolan.decode` looks its decoder up first; subtracting that larger figure would count
    # part of the client's own code as decoding.)
    decode = msgspec.json.Decoder(paciolan.models.Ticket).decode
    variants: dict[str, Callable[[], object]] = {
        STUBBED: lambda: client.tickets.get(ticket_id=data.TICKET_ID),
        DECODE: lambda: decode(inputs.ticket),
        # Both stub calls the transport makes: the stub's answering is not the client's work.
        STUB: lambda: stub.urlopen(
            "GET",
            "/tickets/1",
            body=None,
            headers=headers,
            timeout=None,
            redirect=False,
            retries=None,
            assert_same_host=False,
            preload_content=False,
            decode_content=False,
        ).read(decode_content=False),
    }
    for call in variants.values():
        _per_call(call)  # warm up
    blocks = interleaved(
        list(variants), config.request_rounds, lambda name: _per_call(variants[name])
    )
    own = [
        call - decode - stub_
        for call, decode, stub_ in zip(blocks[STUBBED], blocks[DECODE], blocks[STUB], strict=True)
    ]
    runs = config.request_rounds * BLOCK
    for name, values in blocks.items():
        value = median(values)
        section.rows.append(Row(name, value, f"{value * 1e6:.2f} µs", runs))
    value = median(own)
    ratios = sorted(v / GOAL for v in own)
    section.rows.append(
        Row(
            OWN,
            value,
            f"{value * 1e6:.2f} µs",
            runs,
            median(ratios),
            f"of {us(GOAL)}",
            Target(1.0),
            (ratios[0], ratios[-1]),
        )
    )
    fastest = {name: min(values) for name, values in blocks.items()}
    section.notes.append(
        "From the fastest block of each variant instead (the least disturbed by other work on "
        f"the machine): {fastest[STUBBED] * 1e6:.2f} µs a stubbed call, of which "
        f"{(fastest[STUBBED] - fastest[DECODE] - fastest[STUB]) * 1e6:.2f} µs the client's own code."
    )
    section.notes.append(
        f"Blocks of {BLOCK:,} calls, the three variants interleaved, {config.request_rounds} rounds; "
        "the own-code figure is computed round by round. The stub stands where the client keeps its "
        "per-server `HTTPConnectionPool` (`Transport._server_pools`): everything before and after "
        "`pool.urlopen` runs as in a real call."
    )
    return section
