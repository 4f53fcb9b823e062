"""How long validating a blueprint takes, from the hand-written example to 10,000 steps.

    python -m benchmarks.bench_validation            # prints a markdown table

The target (issue 4): a generated 10,000-step / 15,000-flow blueprint in under 300 ms, so the
editor can validate on every debounced edit. Each size is validated ``REPEAT`` times; the table
shows the best and the median wall time and the median CPU time of this process (the machine is
shared, so the best and the CPU time are the fairest figures).
"""

from __future__ import annotations

import argparse
import gc
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks.generate import COLUMN, generate_blueprint
from blueprint_app.model import Blueprint, StepLayout
from blueprint_app.storage import load
from blueprint_app.validation import Severity, counts, validate
from blueprint_app.validation.context import Context
from blueprint_app.validation.registry import Rule

REPEAT = 7
COFFEE = Path(__file__).parent.parent / "tests" / "data" / "coffee.blueprint.json"


def spread_layout(blueprint: Blueprint, moments_per_phase: int = 10) -> Blueprint:
    """The generator restarts x at every phase, so cards of different phases overlap (one BP008
    warning each); this copy moves every phase to its own stretch of the canvas."""
    copy = blueprint.model_copy(deep=True)
    phase_index = {phase.id: index for index, phase in enumerate(copy.phases)}
    for step in copy.steps:
        if step.layout is not None and step.phase is not None:
            x = step.layout.x + phase_index[step.phase] * moments_per_phase * COLUMN
            step.layout = StepLayout(x=x, row=step.layout.row)
    return copy


def measure(run: Callable[[], object]) -> tuple[float, float, float]:
    """(best wall, median wall, median CPU) in milliseconds."""
    walls, cpus = [], []
    run()  # warm up (imports, caches)
    for _ in range(REPEAT):
        wall, cpu = time.perf_counter(), time.process_time()
        run()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return min(walls) * 1e3, statistics.median(walls) * 1e3, statistics.median(cpus) * 1e3


def per_rule(size: int) -> None:
    """Best time of the indexes, each lazy analysis, and each rule (with its findings'
    messages) on one shared Context, as ``validate`` runs them."""
    from blueprint_app.validation.engine import _finding
    from blueprint_app.validation.registry import all_rules

    blueprint = generate_blueprint(size)
    gc.disable()  # as validate() runs them
    ctx = Context(blueprint)
    rows = [("Context (indexes)", measure(lambda: Context(blueprint))[0], 0)]
    process = ctx.process
    for name in ("_edges", "adjacency", "induced", "reached", "reaching_end", "journey"):

        def work_out(name: str = name) -> object:
            process.__dict__.pop(name, None)
            return getattr(process, name)

        rows.append((f"Process.{name} (lazy)", measure(work_out)[0], 0))
    for name in ("trapped_loops", "with_evidence"):

        def analyse(name: str = name) -> object:
            ctx.__dict__.pop(name, None)
            return getattr(ctx, name)

        rows.append((f"Context.{name} (lazy)", measure(analyse)[0], 0))
    for rule in all_rules():

        def run(rule: Rule = rule) -> list[object]:
            return [_finding(rule, rule.severity, hit, "en") for hit in rule.check(ctx)]

        rows.append((f"{rule.id} {rule.name}", measure(run)[0], len(run())))
    print("| part | best ms | findings |")
    print("|---|---:|---:|")
    ranked = sorted(rows, key=lambda row: -row[1])
    for label, ms, count in ranked[:12]:
        print(f"| {label} | {ms:.1f} | {count} |")
    print(
        f"| the other {len(ranked) - 12} parts together | {sum(r[1] for r in ranked[12:]):.1f} |"
        f" {sum(r[2] for r in ranked[12:])} |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000, 5000, 10000])
    parser.add_argument(
        "--per-rule",
        type=int,
        metavar="N",
        default=0,
        help="also list the N costliest rules on generate_blueprint(N)",
    )
    args = parser.parse_args()
    if args.per_rule:
        per_rule(args.per_rule)
        return
    cases: list[tuple[str, Blueprint]] = [("coffee example", load(COFFEE))]
    for size in args.sizes:
        generated = generate_blueprint(size)
        cases.append((f"generated {size}", generated))
        cases.append((f"generated {size}, spread layout", spread_layout(generated)))
    print(
        "| blueprint | steps | flows | findings (E/W/I) | best ms | median ms | CPU ms |"
        " Context ms |"
    )
    print("|---|---:|---:|---|---:|---:|---:|---:|")
    for label, blueprint in cases:
        findings = validate(blueprint)
        per = counts(findings)
        best, median, cpu = measure(lambda bp=blueprint: validate(bp))  # type: ignore[misc]
        context_best = measure(lambda bp=blueprint: Context(bp))[0]  # type: ignore[misc]
        print(
            f"| {label} | {len(blueprint.steps)} | {len(blueprint.flows)} | "
            f"{per[Severity.ERROR]}/{per[Severity.WARNING]}/{per[Severity.INFO]} | "
            f"{best:.1f} | {median:.1f} | {cpu:.1f} | {context_best:.1f} |"
        )


if __name__ == "__main__":
    main()
