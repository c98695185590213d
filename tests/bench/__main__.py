"""`python -m tests.bench`: run every benchmark in tests/bench/ and print one table.

The runner migrates a throwaway database (or the one of DATABASE_URL when given), starts
gunicorn on a free loopback port, measures the /over/ baseline first, then every other
`bench_*.py` module in name order, and prints each row with its req/s ratio to the baseline.
"""

from __future__ import annotations

import importlib
import os
import pkgutil
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

from tests.bench import bench_over
from tests.bench.harness import (
    BENCH_DIR,
    BenchError,
    Config,
    Context,
    Row,
    gunicorn,
    manage,
    require_wrk,
    server_env,
)

BASELINE_MODULE = "bench_over"
COLUMNS = ("benchmark", "requests", "req/s", "median ms", "p95 ms", "errors", "ratio")


def discover() -> list[str]:
    """Names of the benchmark modules other than the baseline, in name order."""
    names = [
        info.name
        for info in pkgutil.iter_modules([str(BENCH_DIR)])
        if info.name.startswith("bench_") and info.name != BASELINE_MODULE
    ]
    # BENCH_ONLY=bench_meldpunt_submit,… runs just those (the baseline always runs).
    only = {n.strip() for n in os.environ.get("BENCH_ONLY", "").split(",") if n.strip()}
    return sorted(n for n in names if not only or n in only)


def with_ratios(rows: list[Row], baseline: Row) -> list[Row]:
    return [replace(row, ratio=row.rps / baseline.rps if baseline.rps else None) for row in rows]


def format_table(rows: list[Row]) -> str:
    cells = [
        (
            row.name,
            str(row.requests),
            f"{row.rps:.1f}",
            f"{row.median_ms:.2f}",
            f"{row.p95_ms:.2f}",
            str(row.errors),
            "-" if row.ratio is None else f"{row.ratio:.2f}",
        )
        for row in rows
    ]
    widths = [max(len(line[i]) for line in [COLUMNS, *cells]) for i in range(len(COLUMNS))]

    def line(values: tuple[str, ...]) -> str:
        first = values[0].ljust(widths[0])
        rest = (value.rjust(width) for value, width in zip(values[1:], widths[1:], strict=True))
        return "  ".join([first, *rest])

    rule = "  ".join("-" * width for width in widths)
    return "\n".join([line(COLUMNS), rule, *(line(values) for values in cells)])


def say(message: str) -> None:
    print(f"bench: {message}", file=sys.stderr, flush=True)


def prepare(tmp_dir: Path) -> dict[str, str]:
    """Environment of the server, with a migrated database."""
    database_url = os.environ.get("DATABASE_URL") or f"sqlite:///{tmp_dir / 'bench.sqlite3'}"
    env = server_env(database_url, tmp_dir / "static")
    say("migrating the database")
    manage(env, "migrate", "--noinput", "--verbosity", "0")
    return env


def run_all(ctx: Context) -> tuple[list[Row], list[str]]:
    """Rows of the baseline and of every benchmark, and the names of benchmarks that failed.

    Without a baseline there is nothing to divide by, so its failure ends the run; any other
    benchmark that fails is reported and the rest still run.
    """
    say(f"measuring {bench_over.BASELINE_NAME}")
    rows = bench_over.run(ctx)
    baseline = rows[0]
    failed = []
    for name in discover():
        say(f"running {name}")
        try:
            rows += importlib.import_module(f"tests.bench.{name}").run(ctx)
        except BenchError as exc:
            say(f"{name} failed: {exc}")
            failed.append(name)
    return with_ratios(rows, baseline), failed


def main() -> int:
    try:
        require_wrk()
        config = Config.from_env()
    except BenchError as exc:
        print(f"bench: {exc}", file=sys.stderr)
        return 2
    say(
        f"{config.warmup_seconds} s warm-up + {config.seconds} s per benchmark, "
        f"{config.connections} connections, {config.threads} wrk threads, "
        f"{config.workers} gunicorn workers"
    )
    try:
        with tempfile.TemporaryDirectory(prefix="hilversum-bench-") as tmp:
            tmp_dir = Path(tmp)
            env = prepare(tmp_dir)
            with gunicorn(env, config.workers, tmp_dir / "gunicorn.log") as base_url:
                say(f"gunicorn ready at {base_url}")
                rows, failed = run_all(Context(config, base_url, env, tmp_dir))
    except BenchError as exc:
        print(f"bench: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("bench: interrupted, server stopped", file=sys.stderr)
        return 130
    print(format_table(rows))
    if failed:
        say(f"benchmarks that did not run: {', '.join(failed)}")
    if any(row.errors for row in rows):
        say("some requests failed (see the errors column)")
    return 1 if failed or any(row.errors for row in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
