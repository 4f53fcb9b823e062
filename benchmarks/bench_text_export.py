"""Time every text export on generated blueprints (best of a few runs, wall clock).

python -m benchmarks.bench_text_export            # 300 and 1000 steps
python -m benchmarks.bench_text_export 2000 5000
"""

from __future__ import annotations

import argparse
import platform
import sys
import time

from benchmarks.generate import generate_blueprint
from blueprint_app.export.formats import FORMATS
from blueprint_app.export.options import ExportOptions


def best_of(runs: int, action: object) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("sizes", nargs="*", type=int, default=[300, 1000])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print(f"Python {sys.version.split()[0]}, {platform.system()} {platform.machine()}")
    names = list(FORMATS)
    print("| steps | flows | " + " | ".join(f"{name} (s)" for name in names) + " | size (KiB) |")
    print("|---|---|" + "---|" * len(names) + "---|")
    options = ExportOptions(findings=[])
    for size in args.sizes:
        blueprint = generate_blueprint(size)
        cells, total = [], 0
        for name in names:
            fmt = FORMATS[name]
            seconds = best_of(args.runs, lambda fmt=fmt, bp=blueprint: fmt.export(bp, options))
            total += len(fmt.export(blueprint, options))
            cells.append(f"{seconds:.3f}")
        print(
            f"| {len(blueprint.steps)} | {len(blueprint.flows)} | "
            + " | ".join(cells)
            + f" | {total / 1024:.0f} |"
        )


if __name__ == "__main__":
    main()
