"""A national-size file: the import streams it in bounded memory and combines scattered rows."""

import time
import tracemalloc

import pytest

from monitoring.constants import ImportStatus
from monitoring.models import Observatie
from tests.monitoring.conftest import HEADER, csv_row, run_import

pytestmark = [pytest.mark.sqlite, pytest.mark.django_db]

ROWS = 300_000
# Every this many rows one is about Hilversum; the rest are other municipalities' buurten.
HILVERSUM_EVERY = 100
BUURTEN = [f"BU040201{n:02d}" for n in range(1, 11)] + [f"BU040207{n:02d}" for n in range(1, 11)]
YEARS = ("2016JJ00", "2020JJ00", "2022JJ00")
AGES = ("20300", "53115", "80200")
MARGINS = (("MW00000", "40,0"), ("MOG0095", "35,5"), ("MBG0095", "44,5"))
KEYS = [(b, y, a) for b in BUURTEN for y in YEARS for a in AGES]  # 180 figures per indicator
# The file is ~22 MB on disk, far more as Python strings; the import must stay far below that.
MEMORY_LIMIT = 8 * 1024 * 1024


def national_file(path) -> int:
    """Write the file line by line; return how many Hilversum rows it holds."""
    hilversum = 0
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write(HEADER)
        for n in range(ROWS):
            if n % HILVERSUM_EVERY == 0:
                # Value, lower and upper of one figure lie ~180 Hilversum rows apart.
                key = KEYS[hilversum % len(KEYS)]
                margin, value = MARGINS[(hilversum // len(KEYS)) % len(MARGINS)]
                out.write(csv_row(n, key[0], key[1], key[2], margin, value, "9,9", ".", "30,1"))
                hilversum += 1
            else:
                code = f"BU9{n % 999:03d}{n % 9973:04d}"
                out.write(csv_row(n, code, "2022JJ00", "20300", "MW00000", "41,2", "9,9", "2", "3"))
    return hilversum


def test_a_national_file_is_streamed_with_bounded_memory_and_combined_correctly(tmp_path):
    path = tmp_path / "50150NED_nationaal.csv"
    hilversum_rows = national_file(path)
    assert path.stat().st_size > 2 * MEMORY_LIMIT  # reading it whole would break the limit

    tracemalloc.start()
    started = time.monotonic()
    try:
        batch = run_import(path)
        _size, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    elapsed = time.monotonic() - started

    assert batch.status == ImportStatus.KLAAR, batch.message
    assert batch.rows_read == ROWS
    assert batch.rows_imported == hilversum_rows
    assert batch.rows_skipped == ROWS - hilversum_rows
    assert peak < MEMORY_LIMIT, f"peak {peak / 1e6:.1f} MB"
    assert elapsed < 300

    eenzaam = Observatie.objects.filter(indicator__code="eenzaam")
    assert eenzaam.count() == len(KEYS)
    assert set(eenzaam.values_list("value", "lower", "upper")) == {(40, 35.5, 44.5)}
    # "." in the file for emotioneel eenzaam: no figures for it at all.
    assert not Observatie.objects.filter(indicator__code="emotioneel-eenzaam").exists()
