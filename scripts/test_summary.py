"""Print how many tests ran where, from the JUnit XML files of the `make test` phases."""

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

PHASES = [("postgresql", "PostgreSQL"), ("sqlite", "SQLite"), ("chromium", "Chromium (e2e)")]


def counts(path: Path) -> dict[str, int]:
    suite = ET.parse(path).getroot()
    if suite.tag == "testsuites":
        suite = suite[0]
    total = int(suite.get("tests", 0))
    failed = int(suite.get("failures", 0)) + int(suite.get("errors", 0))
    skipped = int(suite.get("skipped", 0))
    return {"passed": total - failed - skipped, "failed": failed, "skipped": skipped}


def main() -> None:
    folder, seconds = Path(sys.argv[1]), int(sys.argv[2])
    totals = {"passed": 0, "failed": 0, "skipped": 0}
    print("\n==> Summary")
    for name, label in PHASES:
        row = counts(folder / f"{name}.xml")
        for key in totals:
            totals[key] += row[key]
        print(
            f"  {label:<16} {row['passed']:>5} passed {row['failed']:>3} failed"
            f" {row['skipped']:>3} skipped"
        )
    print(f"  make test took {seconds // 60} min {seconds % 60} s")
    print(
        f"total: {totals['passed']} passed, {totals['failed']} failed, {totals['skipped']} skipped"
    )


if __name__ == "__main__":
    main()
