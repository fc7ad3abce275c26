"""Connections cost the emulator a bounded number of threads for a bounded time, even at the fd limit."""

from __future__ import annotations

import contextlib
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator

import pytest

from tests.local_server import PACIOLAN_HEADERS, exchange, raw_request, send
from ticketing_emulator import Emulator, Limits, running

IDLE = 0.5  # the idle timeout of these tests' emulators
MARGIN = 1.5  # how much later than the idle timeout a close may come on a busy machine
SYSINFO = "/paciolan/pdi/v1/util/sysinfo"


def _get_request(path: str = SYSINFO) -> bytes:
    return raw_request("GET", path)


def _seconds_until_closed(connection: socket.socket) -> float:
    """Read until the emulator closes the connection; fails (TimeoutError) if it does not in time."""
    started = time.monotonic()
    connection.settimeout(IDLE + MARGIN)
    with contextlib.suppress(ConnectionResetError):
        while connection.recv(65536):
            pass
    return time.monotonic() - started


@contextlib.contextmanager
def _idle_connections(emulator: Emulator, count: int) -> Iterator[list[socket.socket]]:
    connections = [
        socket.create_connection(("127.0.0.1", emulator.port), timeout=5) for _ in range(count)
    ]
    try:
        yield connections
    finally:
        for connection in connections:
            connection.close()


def test_an_idle_connection_is_closed_after_the_idle_timeout() -> None:
    with (
        running(limits=Limits(idle_timeout=IDLE)) as emulator,
        socket.create_connection(("127.0.0.1", emulator.port)) as connection,
    ):
        elapsed = _seconds_until_closed(connection)

    assert IDLE * 0.5 <= elapsed < IDLE + MARGIN


def test_a_kept_alive_connection_is_closed_when_idle_after_its_answer() -> None:
    with (
        running(limits=Limits(idle_timeout=IDLE)) as emulator,
        socket.create_connection(("127.0.0.1", emulator.port), timeout=5) as connection,
    ):
        connection.sendall(_get_request())
        assert connection.recv(65536).startswith(b"HTTP/1.1 200 ")

        elapsed = _seconds_until_closed(connection)

    assert elapsed < IDLE + MARGIN


def test_a_body_that_stops_arriving_is_408_after_the_idle_timeout() -> None:
    request = (
        _get_request("/paciolan/pdi/v1/util/echo")
        .replace(b"GET ", b"POST ", 1)
        .removesuffix(b"\r\n")
        + b"Content-Type: application/json\r\nContent-Length: 10\r\n\r\n{}"
    )
    with running(limits=Limits(idle_timeout=IDLE)) as emulator:
        started = time.monotonic()
        reply = exchange(emulator.port, request, timeout=IDLE + MARGIN)
        elapsed = time.monotonic() - started

    assert reply.status == 408
    assert elapsed < IDLE + MARGIN


def test_a_request_dripping_in_is_closed_at_the_request_deadline() -> None:
    deadline = 1.0
    limits = Limits(idle_timeout=IDLE, request_deadline=deadline)
    with (
        running(limits=limits) as emulator,
        socket.create_connection(("127.0.0.1", emulator.port), timeout=5) as connection,
    ):
        started = time.monotonic()
        connection.settimeout(IDLE / 2)
        for byte in _get_request()[:40]:  # a byte within each idle timeout, for 10 s at most
            try:
                connection.sendall(bytes([byte]))
                if not connection.recv(65536):
                    break
            except TimeoutError:
                continue
            except (ConnectionResetError, BrokenPipeError):
                break
        elapsed = time.monotonic() - started

    assert deadline * 0.8 <= elapsed < deadline + MARGIN


def _drip(port: int, seconds: float) -> None:
    """Send a request a byte at a time, each within the idle timeout, until closed (or `seconds`)."""
    with socket.create_connection(("127.0.0.1", port), timeout=5) as connection:
        connection.settimeout(IDLE / 2)
        for byte in _get_request()[: int(seconds / (IDLE / 2))]:
            try:
                connection.sendall(bytes([byte]))
                if not connection.recv(65536):
                    return
            except TimeoutError:
                continue
            except (ConnectionResetError, BrokenPipeError):
                return


def test_a_client_waiting_behind_a_dripping_one_is_served_after_its_deadline() -> None:
    deadline = 1.0
    limits = Limits(max_connections=1, idle_timeout=IDLE, request_deadline=deadline)
    with running(limits=limits) as emulator:
        dripper = threading.Thread(target=_drip, args=(emulator.port, 5.0))
        dripper.start()
        time.sleep(0.1)  # the dripping connection holds the only slot
        started = time.monotonic()
        reply = send(emulator.url + SYSINFO, headers=PACIOLAN_HEADERS)
        elapsed = time.monotonic() - started
        dripper.join(timeout=10)

    assert reply.status == 200
    assert elapsed < deadline + MARGIN


def test_idle_connections_beyond_the_limit_hold_no_threads() -> None:
    with running(limits=Limits(max_connections=4, idle_timeout=5)) as emulator:
        before = threading.active_count()
        with _idle_connections(emulator, 40):
            time.sleep(0.3)  # time to accept them all, if it did
            during = threading.active_count()

    assert during - before <= 4


def test_a_connection_over_the_limit_waits_for_a_slot_freed_by_the_idle_timeout() -> None:
    with (
        running(limits=Limits(max_connections=2, idle_timeout=IDLE)) as emulator,
        _idle_connections(emulator, 2),
    ):
        time.sleep(0.1)  # both accepted: every slot is taken
        started = time.monotonic()
        reply = send(emulator.url + SYSINFO, headers=PACIOLAN_HEADERS)
        elapsed = time.monotonic() - started

    assert reply.status == 200
    assert IDLE * 0.5 <= elapsed < IDLE + MARGIN


# The emulator in a process of its own, whose open-file limit is a few descriptors above what it uses:
# the parent's connections take the rest, and accept() fails with EMFILE until they close.
_AT_THE_FD_LIMIT = """
import os, resource, sys, time
from ticketing_emulator import Limits, running

with running(limits=Limits(max_connections=1000)) as emulator:
    _soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (len(os.listdir("/proc/self/fd")) + 4, hard))
    print(emulator.port, flush=True)
    sys.stdin.readline()  # the parent's connections are open
    time.sleep(0.3)
    started = time.process_time()
    time.sleep(1.0)
    print(time.process_time() - started, flush=True)
    sys.stdin.readline()  # the parent is done
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="counts /proc/self/fd")
def test_at_the_open_file_limit_accept_backs_off_instead_of_spinning() -> None:
    server = subprocess.Popen(
        [sys.executable, "-c", _AT_THE_FD_LIMIT],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert server.stdin is not None and server.stdout is not None
    try:
        port = int(server.stdout.readline())
        connections = [socket.create_connection(("127.0.0.1", port), timeout=5) for _ in range(8)]
        server.stdin.write("\n")
        server.stdin.flush()
        cpu_seconds = float(server.stdout.readline())
        for connection in connections:
            connection.close()
        reply = exchange(port, _get_request(), timeout=5)
        server.stdin.write("\n")
        server.stdin.flush()
        server.wait(timeout=5)
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()

    assert cpu_seconds < 0.5  # spinning on accept() costs a whole core: ~1.0 s in that second
    assert reply.status == 200  # and it answers again once descriptors are free
