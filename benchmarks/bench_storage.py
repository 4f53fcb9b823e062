"""Load and save of large generated blueprints (issue 7: 10,000 steps / 15,000 flows < 0.5 s each).

    .venv/bin/python -m benchmarks.bench_storage [--steps 10000] [--repeat 5]

Reports the best of N runs (the machine is shared; the minimum is the least disturbed figure).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks.generate import generate_blueprint
from blueprint_app.storage import load, save


def best_of(repeat: int, action: Callable[[], object]) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--steps", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    blueprint = generate_blueprint(args.steps)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "big.blueprint.json"
        save_time = best_of(args.repeat, lambda: save(blueprint, path))
        load_time = best_of(args.repeat, lambda: load(path))
        size = path.stat().st_size
    print(f"steps {len(blueprint.steps)}, flows {len(blueprint.flows)}, file {size / 1e6:.1f} MB")
    print(f"save  {save_time * 1000:7.1f} ms  (target 500 ms)")
    print(f"load  {load_time * 1000:7.1f} ms  (target 500 ms)")


if __name__ == "__main__":
    main()
