import pytest

HEADER = "PC6,Huisnummer,Buurt2024,Wijk2024,Gemeente2024"


@pytest.fixture
def cbs_file(tmp_path):
    """Write a small file in the CBS "postcode-huisnummer" format and return its path.

    Rows are strings as they appear in the file, so tests can also write broken ones.
    """

    def write(rows, *, header=HEADER, name="pc6hnr.csv", bom=False, delimiter=","):
        lines = [header, *rows]
        text = "\n".join(line.replace(",", delimiter) for line in lines) + "\n"
        path = tmp_path / name
        path.write_text(("\ufeff" if bom else "") + text, encoding="utf-8")
        return path

    return write
