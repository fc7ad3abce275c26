"""Throughput of 8 threads sharing one client against 8 threads sharing one raw urllib3 PoolManager.

Both send the same request (the client's 9 headers) to the same keep-alive server process and decode
the body (typed for the client, untyped for urllib3); what is compared is calls per second over all
threads, rounds interleaved. A third variant gives raw urllib3 the client's timeouts, so the figure shows
what the client adds apart from having timeouts at all.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

import msgspec
import urllib3

import paciolan
from bench import data
from bench.figures import Row, Section, Target, paired_ratios, spread
from bench.measure import Config, interleaved, median
from bench.per_request import CLIENT_HEADERS, CREDENTIALS, local_server

THREADS = 8
CLIENT = f"{THREADS} threads sharing one client, `client.tickets.get(...)`"
RAW = f"{THREADS} threads sharing one `urllib3.PoolManager`, same headers + untyped decode"
RAW_TIMEOUTS = "the same raw urllib3, with the client's default timeouts (connect, read)"


def _throughput(call: Callable[[], object], calls_per_thread: int) -> float:
    """Calls per second of `THREADS` threads each making `calls_per_thread` calls, started together."""
    start = threading.Barrier(THREADS + 1)
    failures: list[BaseException] = []

    def work() -> None:
        start.wait()
        try:
            for _ in range(calls_per_thread):
                call()
        except BaseException as exc:  # reported below: a failed thread must not look fast
            failures.append(exc)

    workers = [threading.Thread(target=work) for _ in range(THREADS)]
    for worker in workers:
        worker.start()
    start.wait()
    started = time.perf_counter()
    for worker in workers:
        worker.join(timeout=300)
    elapsed = time.perf_counter() - started
    if failures or any(worker.is_alive() for worker in workers):
        raise RuntimeError(f"a thread failed or hung: {failures[:1]}")
    return THREADS * calls_per_thread / elapsed


def run(config: Config, inputs: data.Inputs) -> Section:
    calls_per_thread = max(20, config.request_rounds * config.request_block // 20)
    with local_server(inputs.ticket) as base_url:
        url = f"{base_url}/tickets/{data.TICKET_ID}"
        client = paciolan.PaciolanClient(**CREDENTIALS, base_url=base_url)
        pool = urllib3.PoolManager(maxsize=THREADS)
        # A socket with a timeout waits for readiness before each read, which costs the raw variant
        # too once it has one: the client's figure against both says which part is the client's.
        default = paciolan.Timeout()
        timeouts = urllib3.Timeout(connect=default.connect, read=default.read)
        timed_pool = urllib3.PoolManager(maxsize=THREADS, timeout=timeouts)
        variants: dict[str, Callable[[], object]] = {
            CLIENT: lambda: client.tickets.get(ticket_id=data.TICKET_ID),
            RAW: lambda: msgspec.json.decode(pool.request("GET", url, headers=CLIENT_HEADERS).data),
            RAW_TIMEOUTS: lambda: msgspec.json.decode(
                timed_pool.request("GET", url, headers=CLIENT_HEADERS).data
            ),
        }
        for call in variants.values():  # warm up: every thread's connection open
            _throughput(call, 10)
        rates = interleaved(
            list(variants),
            max(3, config.request_rounds // 6),
            lambda name: _throughput(variants[name], calls_per_thread),
        )
        client.close()
        pool.clear()
        timed_pool.clear()
    section = Section(f"Threads: {THREADS} threads, one shared client (loopback)", "threads")
    for name, values in rates.items():
        value = median(values)
        low, middle, high = spread(paired_ratios(values, rates[RAW]))
        section.rows.append(
            Row(
                name,
                value,
                f"{value:,.0f} calls/s",
                len(values) * THREADS * calls_per_thread,
                middle,
                "raw urllib3 throughput",
                Target(0.95, at_most=False) if name == CLIENT else None,
                (low, high) if name != RAW else None,
            )
        )
    low, middle, high = spread(paired_ratios(rates[CLIENT], rates[RAW_TIMEOUTS]))
    section.notes.append(
        f"The client over raw urllib3 with the same timeouts: {middle:.2f}x ({low:.2f}-{high:.2f}). "
        "The target compares with raw urllib3 at its defaults (no timeouts), the harder reference."
    )
    section.notes.append(
        f"Each round: {THREADS} threads x {calls_per_thread} calls per variant, started together "
        "behind a barrier; the ratio is the client's calls per second over raw urllib3's in the "
        "same round. Both share the 2 CPUs with the server process, so the figures are throughput "
        "of the whole loopback exchange."
    )
    return section
