"""How the cost of hostile but loadable files grows: flows at one card, far-away coordinates.

    python -m benchmarks.bench_hostile                       # the issue's sizes
    python -m benchmarks.bench_hostile --flows 1000 5000 --coordinates 1e3 1e9

Each case runs in a fresh process (so peak memory is that case's alone): it builds the file in
memory (the hotel example with one card moved to x = -C, or one card receiving F parallel flows)
and exports it to SVG, timing the export and reading the process's peak resident memory. Before
issue 15, 5,000 flows at one card took 121 s and x = -1e9 was killed past 5 GB.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parent.parent

CASE = """
import json, os, resource, sys, time
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from blueprint_app.export.formats import export_bytes
from tests.test_hostile_files import _far, fan_in
kind, size = sys.argv[1], float(sys.argv[2])
blueprint = fan_in(int(size)) if kind == "flows" else _far(-size)
start = time.perf_counter()
data = export_bytes(blueprint, "svg")
seconds = time.perf_counter() - start
peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": seconds, "peak_mb": peak_mb, "bytes": len(data)}))
"""


def run_case(kind: str, size: float, timeout: float) -> dict[str, float] | None:
    try:
        result = subprocess.run(
            [sys.executable, "-c", CASE, kind, repr(size)],
            capture_output=True,
            text=True,
            cwd=ROOT,
            timeout=timeout,
            check=True,
        )
    except subprocess.TimeoutExpired:
        return None
    return dict(json.loads(result.stdout.strip().splitlines()[-1]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--flows", type=int, nargs="*", default=[1_000, 5_000, 20_000])
    parser.add_argument("--coordinates", type=float, nargs="*", default=[1e3, 1e5, 1e7, 1e8, 1e9])
    parser.add_argument("--timeout", type=float, default=600.0)
    args = parser.parse_args()
    print(
        f"# {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}"
    )
    print("| case | SVG export | peak memory | SVG size |")
    print("|---|---|---|---|")
    cases = [("flows", float(n)) for n in args.flows] + [("x", c) for c in args.coordinates]
    for kind, size in cases:
        found = run_case(kind, size, args.timeout)
        label = (
            f"{int(size):,} flows at one card" if kind == "flows" else f"one card at x = -{size:g}"
        )
        if found is None:
            print(f"| {label} | > {args.timeout:.0f} s | | |")
        else:
            print(
                f"| {label} | {found['seconds']:.2f} s | {found['peak_mb']:.0f} MB "
                f"| {found['bytes'] / 1e6:.1f} MB |"
            )


if __name__ == "__main__":
    main()
