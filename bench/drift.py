"""What drift recording costs when on: the comparison of each response with its declared shape.

Off, recording costs one `is None` check per call (nothing to measure). On, each response is decoded a
second time into a strict copy of its type (closed enums, unknown fields forbidden), and walked in Python
only when that fails; this figure divides that by the typed decode the client does anyway. Responses that
match the registry are measured: the steady state, since each drift is new once.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import oneticket
import paciolan
from bench import data
from bench.figures import Row, Section, ms, us
from bench.measure import Config, interleaved, median, timed_after_collection
from oneticket import _drift as oneticket_drift
from oneticket import _endpoints as oneticket_endpoints
from paciolan import _drift as paciolan_drift
from paciolan import _endpoints as paciolan_endpoints

TYPED = "typed decode (what every call does)"
RECORDING = "drift recording on (compare with the registry)"


def _raw(package: Any, body: bytes) -> Any:
    return package._responses.RawResponse(
        status=200,
        headers={"Content-Type": "application/json"},
        body=body,
        method="GET",
        url="/",
        request_id=None,
        elapsed=0.0,
        attempts=1,
    )


def _measure(
    package: Any, recorder: Any, endpoint: Any, body: bytes, rounds: int
) -> tuple[float, float]:
    """Medians of the typed decode and of recording's comparison, for one body."""
    raw = _raw(package, body)
    body_type = endpoint.envelope_type or endpoint.response_type
    variants: dict[str, Callable[[], Any]] = {
        TYPED: lambda: package.decode(body, body_type),
        RECORDING: lambda: recorder.observe(endpoint, raw, None),
    }
    for work in variants.values():
        work()  # warm up: decoders and type information built once
    samples = interleaved(
        list(variants), rounds, lambda name: timed_after_collection(variants[name])
    )
    return median(samples[TYPED]), median(samples[RECORDING])


def run(config: Config, inputs: data.Inputs) -> Section:
    section = Section(
        "Drift recording on: its time per response, against the typed decode", "drift"
    )
    with tempfile.TemporaryDirectory(prefix="bench-drift-") as directory:
        cases = [
            (
                "Paciolan ticket (~1 KB)",
                paciolan,
                paciolan_drift,
                paciolan_endpoints._TICKETS_GET,
                inputs.ticket,
            ),
            (
                "Paciolan manifest",
                paciolan,
                paciolan_drift,
                paciolan_endpoints._MANIFEST_GET,
                inputs.manifest,
            ),
            (
                "1Ticket purchase list",
                oneticket,
                oneticket_drift,
                oneticket_endpoints._PURCHASES_LIST,
                inputs.purchases,
            ),
        ]
        rounds = max(config.decode_rounds, 3)
        for title, package, module, endpoint, body in cases:
            recorder = module.DriftRecorder(directory, vendor=package.__name__, secret_values=[])
            typed, recording = _measure(package, recorder, endpoint, body, rounds)
            show = us if typed < 1e-3 else ms
            section.rows.append(Row(f"{title}: {TYPED}", typed, show(typed), rounds))
            ratio = recording / typed
            shown = show(recording)
            row = Row(f"{title}: {RECORDING}", recording, shown, rounds, ratio, "typed decode")
            section.rows.append(row)
        recorded = list(Path(directory).iterdir())
    with tempfile.TemporaryDirectory(prefix="bench-drift-") as directory:
        # Drift already recorded (the registry not updated yet): a field the registry does not know at
        # the end of the manifest, so that the strict decode reads it all before it fails.
        drifted = inputs.manifest.rstrip()[:-1] + b',"benchAddedField":1}'
        title = "Paciolan manifest, its drift recorded already"
        recorder = paciolan_drift.DriftRecorder(directory, vendor="paciolan", secret_values=[])
        typed, recording = _measure(
            paciolan, recorder, paciolan_endpoints._MANIFEST_GET, drifted, rounds
        )
        section.rows.append(Row(f"{title}: {TYPED}", typed, ms(typed), rounds))
        ratio = recording / typed
        row = Row(f"{title}: {RECORDING}", recording, ms(recording), rounds, ratio, "typed decode")
        section.rows.append(row)
    if recorded:
        raise RuntimeError(
            f"the bench inputs drifted from the registry: {[p.name for p in recorded]}"
        )
    section.notes.append(
        "Recording is opt-in (`record_drift=`); off, a call pays one `is None` check. The ratio is "
        "recording's time over the typed decode of the same body. Drift recorded already is walked "
        "again at most once a second per operation (`WALK_PAUSE`)."
    )
    return section
