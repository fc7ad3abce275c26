"""Per-request cost on loopback: a generated client call against raw urllib3, requests and httpx.

The server runs in its own process and answers a fixed ~1 KB `Ticket`; every client keeps one
connection alive. Calls are timed one by one, variants interleaved in blocks, median per call.
"""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import msgspec
import urllib3

import paciolan
from bench import data
from bench.figures import Section, Target, paired_ratios, row_with_spread, spread, us
from bench.measure import ROOT, Config, median, rotations

GENERATED = "generated `client.tickets.get(ticket_id=...)`, typed"
RAW = "raw `urllib3.PoolManager().request('GET', url)` + untyped `msgspec.json.decode`"
RAW_HEADERS = "raw urllib3 sending the client's 9 headers + untyped `msgspec.json.decode`"
REQUESTS = "`requests.Session().get(url)` + untyped `msgspec.json.decode`"
HTTPX = "`httpx.Client().get(url)` + untyped `msgspec.json.decode`"
WARM_UP = 100
CREDENTIALS: dict[str, Any] = {
    "api_key": "bench-key",
    "application_id": "com.example.bench",
    "channel_code": "BENCH",
    "organization_id": 999,
    "user_agent": "Bench/1.0.0",
}
# What the generated client sends on `tickets.get` (its request ID is new on every call).
CLIENT_HEADERS = {
    "Accept": "application/json",
    "PAC-API-Key": CREDENTIALS["api_key"],
    "PAC-Application-ID": CREDENTIALS["application_id"],
    "PAC-Channel-Code": CREDENTIALS["channel_code"],
    "PAC-Organization-ID": str(CREDENTIALS["organization_id"]),
    "User-Agent": CREDENTIALS["user_agent"],
    "Accept-Encoding": "gzip",
    "Request-ID": "0b5e7a8c-3d1f-4c2a-9e6b-7f4d2a1c8e90",
}


@contextmanager
def local_server(body: bytes) -> Iterator[str]:
    """The base URL of a keep-alive server (in a separate process) answering `body` to everything."""
    with tempfile.TemporaryDirectory(prefix="bench-server-") as directory:
        path = Path(directory) / "body.json"
        path.write_bytes(body)
        process = subprocess.Popen(
            [sys.executable, "-m", "bench.server", str(path)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            text=True,
        )
        try:
            assert process.stdout is not None
            port = int(process.stdout.readline())
            yield f"http://127.0.0.1:{port}"
        finally:
            process.terminate()
            process.wait(timeout=10)


def _optional(name: str) -> Any:
    try:
        return importlib.import_module(name)
    except ImportError:
        return None


def _variants(base_url: str) -> tuple[dict[str, Callable[[], object]], list[Callable[[], None]]]:
    """The calls to time, and what closes their connections afterwards."""
    url = f"{base_url}/tickets/{data.TICKET_ID}"
    client = paciolan.PaciolanClient(**CREDENTIALS, base_url=base_url)
    pool = urllib3.PoolManager()
    variants: dict[str, Callable[[], object]] = {
        GENERATED: lambda: client.tickets.get(ticket_id=data.TICKET_ID),
        RAW: lambda: msgspec.json.decode(pool.request("GET", url).data),
        RAW_HEADERS: lambda: msgspec.json.decode(
            pool.request("GET", url, headers=CLIENT_HEADERS).data
        ),
    }
    closers: list[Callable[[], None]] = [client.close, pool.clear]
    requests = _optional("requests")
    if requests is not None:
        session = requests.Session()
        variants[REQUESTS] = lambda: msgspec.json.decode(session.get(url).content)
        closers.append(session.close)
    httpx = _optional("httpx")
    if httpx is not None:
        http_client = httpx.Client()
        variants[HTTPX] = lambda: msgspec.json.decode(http_client.get(url).content)
        closers.append(http_client.close)
    return variants, closers


def _server_stats(base_url: str) -> dict[str, int]:
    with urllib3.PoolManager() as pool:
        stats: dict[str, int] = json.loads(pool.request("GET", f"{base_url}/__stats").data)
    return stats


def run(config: Config, inputs: data.Inputs) -> Section:
    with local_server(inputs.ticket) as base_url:
        variants, closers = _variants(base_url)
        ticket = variants[GENERATED]()
        if not isinstance(ticket, paciolan.models.Ticket) or ticket.ticket_id != data.TICKET_ID:
            raise RuntimeError(f"tickets.get returned {ticket!r}")
        for call in variants.values():
            for _ in range(WARM_UP):
                call()
        samples: dict[str, list[float]] = {name: [] for name in variants}
        blocks: dict[str, list[float]] = {name: [] for name in variants}  # a median per round
        clock = time.perf_counter
        for name in rotations(list(variants), config.request_rounds):
            call, times = variants[name], samples[name]
            block = []
            for _ in range(config.request_block):
                started = clock()
                call()
                block.append(clock() - started)
            times += block
            blocks[name].append(median(block))
        stats = _server_stats(base_url)
        clients = len(closers)
        for close in closers:
            close()
    calls = config.request_rounds * config.request_block
    medians = {name: median(values) for name, values in samples.items()}
    section = Section(
        f"Per request (loopback, keep-alive, {len(inputs.ticket):,}-byte `Ticket` body)", "request"
    )
    for name, value in medians.items():
        target = Target(1.0) if name == GENERATED else None
        section.rows.append(
            row_with_spread(
                name,
                value,
                us(value),
                calls,
                paired_ratios(blocks[name], blocks[RAW_HEADERS]),
                "raw urllib3, same headers",
                target,
            )
        )
    bare = spread(paired_ratios(blocks[GENERATED], blocks[RAW]))
    section.notes.append(
        "Ratios are against raw urllib3 sending the same 9 headers the client sends (the PAC-* "
        "credentials, User-Agent, Accept, Accept-Encoding, Request-ID): the same request. Against "
        f"a bare GET the generated call is {bare[1]:.2f}x ({bare[0]:.2f}-{bare[2]:.2f})."
    )
    missing = [name for name in ("requests", "httpx") if _optional(name) is None]
    if missing:
        section.notes.append(f"Not installed, so not measured: {', '.join(missing)}.")
    held = "keep-alive held" if stats["connections"] == clients + 1 else "keep-alive did NOT hold"
    section.notes.append(
        f"The server (its own process) accepted {stats['connections']} connections for "
        f"{stats['requests']:,} requests from {clients} clients plus this check: {held}. "
        "Runs are the number of calls per variant, timed one by one in blocks of "
        f"{config.request_block}, variants interleaved; each client was warmed with {WARM_UP} calls."
    )
    return section
