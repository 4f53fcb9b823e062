"""Simulation benchmark (issue 20.6): 10,000 customers through a 30-step blueprint with 3
resources, and a --vary of five capacities in parallel processes.

    python -m benchmarks.bench_simulation [--customers 10000] [--runs 3]

The blueprint (built here, :func:`thirty_steps`) is a counter service drawn in flowchart style:
ten customer steps from a start to an end; after each of the first nine a frontstage step that
hands to a backstage step, both leading to the next customer step (so every frontstage step
forks and every customer step after it joins: 9 forks, 9 joins per customer); a decision that
lets 30% skip a frontstage step, a fail point that sends 5% to a support step for recovery.
Triangular durations on every step. ``--heavy`` puts every frontstage and backstage step on a
resource (18 queues per customer); the default has 8 steps on 3 resources, as a real blueprint
has a few queues and much plain work. Figures are the best of ``--runs`` (shared machine).
"""

from __future__ import annotations

import argparse
import os
import time
from typing import Any

from blueprint_app.model import Blueprint
from blueprint_app.simulation import simulate
from blueprint_app.simulation.vary import run_vary

LANES = ["physical_evidence", "customer", "frontstage", "backstage", "support"]


def thirty_steps(heavy: bool = False) -> Blueprint:
    steps: list[dict[str, Any]] = []
    flows: list[dict[str, Any]] = []

    def step(sid: str, lane: str, minutes: float, **fields: Any) -> None:
        steps.append(
            {
                "id": sid,
                "lane": lane,
                "title": sid,
                "duration_minutes": minutes,
                "duration_range_minutes": [minutes * 0.5, minutes * 2],
                **fields,
            }
        )

    def flow(source: str, target: str, **fields: Any) -> None:
        flows.append({"id": f"f{len(flows)}", "source": source, "target": target, **fields})

    queues = {1: "counter", 2: "counter", 4: "kitchen", 6: "kitchen", 7: "till"}  # frontstage
    for i in range(10):
        kind = "start" if i == 0 else "end" if i == 9 else "decision" if i == 3 else "action"
        step(f"c{i}", "customer", 0.5, kind=kind)
        if i == 9:
            break
        front = queues.get(i) or ("counter" if heavy else None)
        back = {4: "kitchen", 6: "kitchen"}.get(i) or ("kitchen" if heavy else None)
        step(f"f{i}", "frontstage", 0.6, **({"resource": front} if front else {}))
        step(
            f"b{i}",
            "backstage",
            0.8,
            **({"resource": back} if back else {}),
            **({"fail_point": True, "failure_rate": 0.05} if i == 5 else {}),
        )
        flow(f"c{i}", f"f{i}", **({"probability": 0.7} if i == 3 else {}))
        if i == 3:
            flow("c3", "c4")  # the 30% who need no help here
        flow(f"f{i}", f"b{i}")
        flow(f"f{i}", f"c{i + 1}")
        flow(f"b{i}", f"c{i + 1}")
    step("s0", "support", 2.0)
    step("s1", "support", 1.0)
    flow("b5", "s0", kind="recovery")
    flow("s0", "s1")
    flow("s1", "c6")
    resources = [
        {"id": "counter", "title": "Counter staff", "capacity": 6 if heavy else 2},
        {"id": "kitchen", "title": "Kitchen", "capacity": 12 if heavy else 4},
        {"id": "till", "title": "Till", "capacity": 1},
    ]
    doc = {
        "format": "service-blueprint",
        "format_version": 2,
        "title": "Thirty steps",
        "lanes": [{"id": lane, "kind": lane, "title": lane} for lane in LANES],
        "steps": steps,
        "flows": flows,
        "resources": resources,
        "arrivals": {"per_hour": 60},
        "target_minutes": 20,
    }
    blueprint = Blueprint.model_validate(doc)
    assert len(blueprint.steps) == 30
    return blueprint


def best(runs: int, work: Any) -> tuple[float, Any]:
    times, value = [], None
    for _ in range(runs):
        start = time.perf_counter()
        value = work()
        times.append(time.perf_counter() - start)
    return min(times), value


def best_cpu(runs: int, work: Any) -> float:
    """The processor time of this process (what a busy machine's other jobs do not add)."""
    times = []
    for _ in range(runs):
        start = time.process_time()
        work()
        times.append(time.process_time() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--customers", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--heavy", action="store_true")
    args = parser.parse_args()
    blueprint = thirty_steps(args.heavy)
    queued = sum(1 for s in blueprint.steps if s.resource)
    print(
        f"30 steps, {queued} on 3 resources, {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}"
    )
    seconds, result = best(args.runs, lambda: simulate(blueprint, customers=args.customers, seed=1))
    warm = int(args.customers * 1.1)
    cpu = best_cpu(args.runs, lambda: simulate(blueprint, customers=args.customers, seed=1))
    print(
        f"simulate {args.customers:,} customers (+{warm - args.customers:,} warm-up): "
        f"{seconds:.2f} s wall, {cpu:.2f} s processor; journey mean {result.journey.mean:.1f} min, "
        f"bottleneck {result.bottleneck}, "
        + ", ".join(f"{r.id} {r.utilization:.0%}" for r in result.resources)
    )
    capacities = [5, 6, 7, 8, 9] if args.heavy else [1, 2, 3, 4, 5]
    serial, _ = best(
        args.runs,
        lambda: run_vary(
            blueprint, "counter", capacities, customers=args.customers, seed=1, workers=1
        ),
    )
    parallel, variants = best(
        args.runs,
        lambda: run_vary(blueprint, "counter", capacities, customers=args.customers, seed=1),
    )
    print(
        f"--vary counter={capacities[0]}..{capacities[-1]}: {parallel:.2f} s in parallel processes, {serial:.2f} s in one "
        f"({serial / parallel:.2f}× faster)"
    )
    for variant in variants:
        counter = next(r for r in variant.result.resources if r.id == "counter")
        print(
            f"  capacity {variant.capacity}: journey within target "
            f"{variant.result.journey_within_target:.0%}, counter busy {counter.utilization:.0%}"
        )


if __name__ == "__main__":
    main()
