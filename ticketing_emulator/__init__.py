"""A local emulator of both vendors' APIs, built from `endpoints.yaml`, for tests and demos.

    with running() as emulator:
        client = PaciolanClient(..., servers=emulator.servers("paciolan"))
        emulator.inject("cart.checkout", vendor="paciolan", status=503, retry_after="2")

Every operation of the registry is routed and answered with the vendor's sample (or a minimal body of its
response type); requests are checked against the registry and a bad one gets the vendor's error shape;
carts keep their state and echo operations echo (as the vendor's `emulator:` section in the registry
says); batch export jobs go through their statuses and serve their file
(`Emulator.script_export`, or `POST /_emulator/exports`); faults are injected per operation
(`Emulator.inject`, or `POST /_emulator/faults`). What one client may cost it (body and head sizes,
idle time, connections, the journal) is bounded by `Limits` (`running(limits=...)`). Standard library
HTTP server; the generated clients never import this package.

`Emulator` (which reads the registry with PyYAML, the `emulator` extra) is imported on first use: importing
this package needs no extra, so pytest loads the `ticketing_emulator.pytest_plugin` plugin in any
environment holding the tool, and `python -m ticketing_emulator` names the missing extra in one line.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from ticketing_codegen.resources import REGISTRY as DEFAULT_REGISTRY
from ticketing_emulator.exports import export_file
from ticketing_emulator.faults import Fault
from ticketing_emulator.journal import ReceivedRequest
from ticketing_emulator.limits import Limits

if TYPE_CHECKING:
    from ticketing_emulator.emulator import Emulator

__all__ = [
    "DEFAULT_REGISTRY",
    "Emulator",
    "Fault",
    "Limits",
    "ReceivedRequest",
    "export_file",
    "running",
    "serve",
]


@contextmanager
def running(
    port: int = 0, registry: Path = DEFAULT_REGISTRY, limits: Limits | None = None
) -> Iterator[Emulator]:
    """A started emulator (port 0: a free port), stopped when the block ends."""
    from ticketing_emulator.emulator import Emulator

    with Emulator(registry, port, limits) as emulator:
        yield emulator


def __getattr__(name: str) -> object:
    """`ticketing_emulator.Emulator`, imported on first use (see the module's docstring)."""
    if name == "Emulator":
        from ticketing_emulator.emulator import Emulator

        return Emulator
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def serve(port: int = 8080, registry: Path = DEFAULT_REGISTRY) -> None:
    """Serve until Ctrl-C, printing the base URLs; rejected requests are logged to stderr."""
    if not logging.getLogger().handlers:
        logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s: %(message)s")
    from ticketing_emulator.emulator import Emulator

    started = time.perf_counter()
    emulator = Emulator(registry, port).start()
    elapsed = time.perf_counter() - started
    print(
        f"Ticketing emulator on {emulator.url} (ready in {elapsed * 1000:.0f} ms), from {registry}"
    )
    for vendor in emulator.vendors:
        for name, url in emulator.servers(vendor).items():
            print(f"  {vendor:<10} {name:<8} {url}")
    print(
        "Faults: POST /_emulator/faults; export jobs: POST /_emulator/exports; "
        "requests: GET /_emulator/requests. Ctrl-C stops.",
        flush=True,
    )
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        emulator.stop()
        print("Emulator stopped.")
