"""How long the template catalogue takes: listing (loads every file), one copy, the rule check.

python -m benchmarks.bench_templates
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

from blueprint_app import templates
from blueprint_app.storage import load
from tests.blueprint_rules import rule_problems


def timed(fn: Callable[[], object], repeat: int = 20) -> float:
    """Median wall time in milliseconds."""
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def main() -> None:
    infos = templates.list_templates()
    print(f"templates: {len(infos)} files")
    print(f"list_templates (loads every file):       {timed(templates.list_templates):7.1f} ms")
    print(
        f"instantiate one template:                "
        f"{timed(lambda: templates.instantiate('online-order-delivery', 'zh-CN')):7.1f} ms"
    )
    blueprints = [load(info.path) for info in infos]
    print(
        f"rule check of every template:            "
        f"{timed(lambda: [rule_problems(bp) for bp in blueprints], repeat=5):7.1f} ms"
    )


if __name__ == "__main__":
    main()
