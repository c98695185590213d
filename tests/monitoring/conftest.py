"""Helpers of the monitoring tests: the fixture files, running an import, finding a figure."""

import io
from pathlib import Path

import pytest

from monitoring.models import ImportBatch, Observatie
from monitoring.services import ggd_import, import_batch_start_cli

DATA = Path(__file__).parent / "data"
CSV_BOM = DATA / "statline_50150_utf8_bom.csv"
CSV_1252 = DATA / "statline_50120_cp1252.csv"
JSON_ODATA = DATA / "statline_50150_typeddataset.json"


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Uploaded files go to a throwaway folder, not to var/media."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def run_import(source: Path | bytes, *, name: str = "", bron: str = "Testbron") -> ImportBatch:
    """Import a file (a path, or the bytes of one) the way the command does."""
    if isinstance(source, Path):
        batch = import_batch_start_cli(file_name=name or source.name, source=bron)
        with source.open("rb") as stream:
            return ggd_import(batch=batch, stream=stream)
    batch = import_batch_start_cli(file_name=name or "test.csv", source=bron)
    return ggd_import(batch=batch, stream=io.BytesIO(source))


def figure(code: str, indicator: str, *, year: int = 2022, age: str = "18+") -> Observatie:
    return Observatie.objects.select_related("regio", "batch").get(
        regio__code=code, indicator__code=indicator, year=year, age_group=age
    )


HEADER = (
    '"ID";"WijkenEnBuurten";"Perioden";"Leeftijd";"Marges";'
    '"Eenzaam_27";"SterkEenzaam_28";"EmotioneelEenzaam_29";"SociaalEenzaam_30"\n'
)


def csv_row(number, code, period, age, margin, *values) -> str:
    """One StatLine-shaped CSV line with padded codes."""
    cells = [str(number), code.ljust(10), period, age.ljust(7), margin, *values]
    return ";".join(f'"{cell}"' for cell in cells) + "\n"


def csv_bytes(*rows: str, header: str = HEADER, encoding: str = "utf-8") -> bytes:
    return (header + "".join(rows)).encode(encoding)
