"""Realistic generated blueprints of any size, shared by every benchmark and scale test.

A blueprint is a chain of "moments": at each, the customer sees evidence, acts, the frontstage
answers, the backstage works and a support system helps. Every 8th customer step is a decision,
every 6th backstage step a fail point with a recovery step. About 1.5 flows per step.

    python -m benchmarks.generate 2000 -o big.blueprint.json
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

from blueprint_app.model import Blueprint, Flow, FlowKind, Phase, Step, StepKind, StepLayout
from blueprint_app.model.factory import new_blueprint
from blueprint_app.storage import save

COLUMN = 220.0
ACTORS = ("Host", "Agent", "Advisor", "Clerk", "Courier")
SYSTEMS = ("CRM", "Booking system", "Payments", "Inventory", "Ticketing")


def generate_blueprint(n_steps: int, seed: int = 0, moments_per_phase: int = 10) -> Blueprint:
    """About ``n_steps`` steps (never fewer than one moment), deterministic for a seed."""
    rng = random.Random(seed)
    blueprint = new_blueprint(f"Generated blueprint ({n_steps} steps)")
    blueprint.customer = "Generated customer"
    blueprint.target_minutes = float(n_steps)
    moments = max(2, round(n_steps / 5.2))  # 5 steps a moment plus a recovery every 6th
    steps, flows = blueprint.steps, blueprint.flows

    def step(sid: str, lane: str, phase: str, x: float, **fields: object) -> str:
        steps.append(Step(id=sid, lane=lane, phase=phase, layout=StepLayout(x=x, row=0), **fields))  # type: ignore[arg-type]
        return sid

    def flow(source: str, target: str, kind: FlowKind = FlowKind.FLOW, label: str = "") -> None:
        flows.append(
            Flow(id=f"f{len(flows) + 1}", source=source, target=target, kind=kind, label=label)
        )

    previous_customer: str | None = None
    previous_support: str | None = None
    pending_front: str | None = None
    for m in range(moments):
        phase_index = m // moments_per_phase
        phase = f"phase-{phase_index + 1}"
        if m % moments_per_phase == 0:
            blueprint.phases.append(Phase(id=phase, title=f"Phase {phase_index + 1}"))
        x = m * COLUMN
        kind = StepKind.ACTION
        if m == 0:
            kind = StepKind.START
        elif m == moments - 1:
            kind = StepKind.END
        elif m % 8 == 4:
            kind = StepKind.DECISION
        duration = float(rng.randint(1, 5))
        customer = step(
            f"c{m}",
            "customer",
            phase,
            x,
            kind=kind,
            title=f"Customer step {m}",
            duration_minutes=duration,
            emotion=rng.randint(-2, 2),
            moment_of_truth=m % 7 == 3,
            standard="Served within 5 minutes" if m % 7 == 3 else "",
            target_minutes=5.0 if m % 7 == 3 else None,
        )
        evidence = step(
            f"e{m}", "evidence", phase, x, kind=StepKind.EVIDENCE, title=f"Evidence {m}"
        )
        flow(evidence, customer, FlowKind.EVIDENCE)
        if previous_customer is not None:
            label = "yes" if previous_customer.endswith(str(m - 1)) and (m - 1) % 8 == 4 else ""
            flow(previous_customer, customer, label=label)
        if pending_front is not None:
            flow(pending_front, customer)
        if kind == StepKind.END:
            if previous_support is not None and pending_front is not None:
                flow(previous_support, pending_front)  # the last answer closes the loop
            break
        front = step(
            f"fs{m}",
            "frontstage",
            phase,
            x,
            title=f"Answer customer {m}",
            actor=ACTORS[m % len(ACTORS)],
            duration_minutes=duration,
        )
        back = step(
            f"bs{m}",
            "backstage",
            phase,
            x,
            title=f"Prepare {m}",
            actor=ACTORS[(m + 1) % len(ACTORS)],
            fail_point=m % 6 == 5,
        )
        support = step(
            f"s{m}", "support", phase, x, title=f"{SYSTEMS[m % len(SYSTEMS)]} {m}", actor="IT"
        )
        flow(customer, front, label="no" if kind == StepKind.DECISION else "")
        flow(front, back)
        flow(back, support)
        if previous_support is not None:
            flow(previous_support, front)
            if m % 3 == 0:
                flow(previous_support, back)
        if m % 6 == 5:
            recovery = step(
                f"r{m}",
                "backstage",
                phase,
                x + COLUMN / 2,
                title=f"Recover {m}",
                actor="Supervisor",
            )
            steps[-1].layout = StepLayout(x=x, row=1)
            flow(back, recovery, FlowKind.RECOVERY, "fails")
            flow(recovery, front)
        previous_customer, previous_support, pending_front = customer, support, front
    return blueprint


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("steps", type=int)
    parser.add_argument("-o", "--output", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    blueprint = generate_blueprint(args.steps, args.seed)
    save(blueprint, args.output)
    print(f"{args.output}: {len(blueprint.steps)} steps, {len(blueprint.flows)} flows")


if __name__ == "__main__":
    main()
