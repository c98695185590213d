"""The baseline: throughput of the public information page /over/ under gunicorn.

Every other benchmark is printed as a ratio of its req/s to this figure, measured in the same run.
"""

from tests.bench.harness import Context, Row

BASELINE_NAME = "baseline GET /over/"


def run(ctx: Context) -> list[Row]:
    return [ctx.measure("/over/", BASELINE_NAME)]
