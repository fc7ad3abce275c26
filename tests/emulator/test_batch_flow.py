"""The batch order export through the client and the emulator: export -> wait -> rows, end to end."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from paciolan import PaciolanClient
from paciolan.batch_export import COLUMNS, BatchJobFailed, BatchJobTimeout
from ticketing_emulator import Emulator, export_file

ROW = [
    "23456789", "false", "", "Avalos", "Marty", "m@example.com", "", "USD", "F17", "278151", "1",
    "F01", "SINGLE", "2", "75.00", "", "", "", "", "", "", "", "", "150.00", "F01", "1", "R", "K",
    "115", "31", "4", "43125975439416", "true", "0", "2017-08-09", "", "PAH", "", "", "1", "",
    "Regular", "2", "4316482555934982",
]  # fmt: skip


def gzip_rows(count: int) -> bytes:
    return export_file([ROW] * count)


def test_export_waits_through_pending_twice_then_streams_the_rows(
    emulator: Emulator, emulated_paciolan: PaciolanClient
) -> None:
    emulator.script_export(statuses=["PENDING", "PENDING", "COMPLETED"], data=gzip_rows(3))

    job = emulated_paciolan.batch.export_orders(season_code="F17")
    status = emulated_paciolan.batch.wait(job, poll_interval=0.01)
    rows = list(emulated_paciolan.batch.iter_order_rows(status))

    assert emulator.hits("paciolan", "batch.get_status") == 3
    assert len(rows) == 3
    assert rows[0].extended_price == Decimal("150.00")
    assert len(COLUMNS) == 44


def test_the_file_host_receives_no_credentials(
    emulator: Emulator, emulated_paciolan: PaciolanClient
) -> None:
    emulator.script_export(statuses=["COMPLETED"], data=gzip_rows(1))

    status = emulated_paciolan.batch.wait(
        emulated_paciolan.batch.export_orders(patron="278151"), poll_interval=0.01
    )
    list(emulated_paciolan.batch.iter_order_rows(status))

    (download,) = emulator.downloads
    assert download.credentials == ()


def test_an_export_that_errors_raises(
    emulator: Emulator, emulated_paciolan: PaciolanClient
) -> None:
    emulator.script_export(statuses=["PENDING", "ERROR"])

    with pytest.raises(BatchJobFailed):
        emulated_paciolan.batch.wait(
            emulated_paciolan.batch.export_orders(season_code="F17"), poll_interval=0.01
        )


def test_an_export_past_its_deadline_raises(
    emulator: Emulator, emulated_paciolan: PaciolanClient
) -> None:
    emulator.script_export(statuses=["PENDING"])

    with pytest.raises(BatchJobTimeout):
        emulated_paciolan.batch.wait(
            emulated_paciolan.batch.export_orders(season_code="F17"),
            timeout=0.2,
            poll_interval=0.02,
        )


def test_a_large_export_streams_completely(
    emulator: Emulator, emulated_paciolan: PaciolanClient, tmp_path: Path
) -> None:
    big = tmp_path / "orders.tsv.gz"
    big.write_bytes(gzip_rows(100_000))
    emulator.script_export(statuses=["COMPLETED"], path=big)
    status = emulated_paciolan.batch.wait(
        emulated_paciolan.batch.export_orders(season_code="F17"), poll_interval=0.01
    )

    count = sum(1 for _ in emulated_paciolan.batch.iter_order_rows(status))
    saved = tmp_path / "copy.tsv.gz"
    size = emulated_paciolan.batch.download(status, saved)

    assert count == 100_000
    assert size == big.stat().st_size
    assert saved.read_bytes() == big.read_bytes()
