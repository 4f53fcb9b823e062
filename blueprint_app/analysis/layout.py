"""Arrange: an automatic layout, phases left to right and flow order inside each phase.

Columns follow the order of work: a step sits one column right of the latest step before it in
the same lane; a hand-off to another lane stays in the same column, so a customer action and the
frontstage answer line up vertically across the line of interaction. Steps that would share a
lane's column slot (parallel work) take separate rows. Cycles (loops back, recovery paths) are
ignored for the order. Evidence cards sit above the step they are linked to.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable

from blueprint_app.analysis.extent import main_left
from blueprint_app.analysis.geometry import CARD_W, COLUMN_PITCH
from blueprint_app.gc_pause import gc_paused
from blueprint_app.history.edits import set_field
from blueprint_app.history.undo import Transaction
from blueprint_app.model.blueprint import (
    COORDINATE_LIMIT,
    MAX_ROW,
    Blueprint,
    FlowKind,
    Step,
    StepLayout,
)


def arranged_layout(
    blueprint: Blueprint, origin: float = 0.0, progress: Callable[[float], None] | None = None
) -> dict[str, StepLayout]:
    """A fresh layout for every step: {step_id: StepLayout}.

    Reads the blueprint and changes nothing, so the window runs it off its own thread;
    ``progress`` hears the fraction done between stages (and may raise there to stop it).
    The collector is paused: the process graph is tens of thousands of small dicts, and
    collections started while building it would rescan the whole document for nothing.
    """
    with gc_paused():
        return _arranged_layout(blueprint, origin, progress or _ignore_progress)


def _ignore_progress(_: float) -> None:
    """No one listens to the progress."""


def _arranged_layout(
    blueprint: Blueprint, origin: float, progress: Callable[[float], None]
) -> dict[str, StepLayout]:
    # networkx only here: the window imports this module for missing_layouts at start-up
    from blueprint_app.analysis.process import RECOVERY, acyclic_order, process_graph

    steps = {step.id: step for step in blueprint.steps}
    phase_index = {phase.id: index for index, phase in enumerate(blueprint.phases)}
    no_phase = len(blueprint.phases)
    rank = {
        sid: (phase_index.get(s.phase or "", no_phase), i)
        for i, (sid, s) in enumerate(steps.items())
    }
    evidence_of: dict[str, str] = {}
    for flow in blueprint.flows:
        if flow.kind == FlowKind.EVIDENCE and flow.source in steps and flow.target in steps:
            evidence_of.setdefault(flow.source, flow.target)
            evidence_of.setdefault(flow.target, flow.source)
    progress(0.05)
    graph = process_graph(blueprint, key=rank.__getitem__)
    progress(0.4)
    recovery = {(u, v) for u, v, marked in graph.edges(data=RECOVERY) if marked}
    order = acyclic_order(graph)
    progress(0.6)
    position = {sid: index for index, sid in enumerate(order)}
    predecessors: dict[str, list[str]] = {
        sid: [p for p in graph.pred[sid] if position[p] < position[sid]] for sid in order
    }
    level = _levels(order, steps, predecessors, rank, recovery)
    progress(0.8)
    _place_evidence(steps, evidence_of, predecessors, level)
    return _slots(blueprint, steps, rank, level, origin)


def _levels(
    order: list[str],
    steps: dict[str, Step],
    predecessors: dict[str, list[str]],
    rank: dict[str, tuple[int, int]],
    recovery: set[tuple[str, str]],
) -> dict[str, int]:
    """Column inside the step's phase.

    A step goes right of every earlier step of its own lane that leads to it (directly or through
    other lanes) and no further left than the steps of other lanes that hand over to it, so a
    hand-off across a line stays in the same column. A recovery step stays in its fail point's
    column, so it lands in the row below it.
    """
    level: dict[str, int] = {}
    reach: dict[str, dict[str, int]] = {}  # per step: lane -> latest column among it and before
    for sid in order:
        lane = steps[sid].lane
        best = 0
        before: dict[str, int] = {}
        for pred in predecessors[sid]:
            if rank[pred][0] != rank[sid][0]:
                continue
            same_lane = steps[pred].lane == lane
            if (pred, sid) in recovery and same_lane:
                best = max(best, level[pred])
                earlier = {k: v for k, v in reach[pred].items() if k != lane}
            else:
                best = max(best, level[pred] + (1 if same_lane else 0))
                earlier = reach[pred]
            if lane in earlier:
                best = max(best, earlier[lane] + 1)
            for key, value in earlier.items():
                before[key] = max(before.get(key, value), value)
        level[sid] = best
        before[lane] = max(before.get(lane, best), best)
        reach[sid] = before
    return level


def _place_evidence(
    steps: dict[str, Step],
    evidence_of: dict[str, str],
    predecessors: dict[str, list[str]],
    level: dict[str, int],
) -> None:
    for sid, partner in evidence_of.items():
        if not predecessors[sid] and steps[sid].phase == steps[partner].phase:
            level[sid] = level[partner]


def _slots(
    blueprint: Blueprint,
    steps: dict[str, Step],
    rank: dict[str, tuple[int, int]],
    level: dict[str, int],
    origin: float,
) -> dict[str, StepLayout]:
    """Turn (phase, level) into x and give clashing steps in a lane separate rows."""
    widths: dict[int, int] = defaultdict(int)
    for sid, step_level in level.items():
        widths[rank[sid][0]] = max(widths[rank[sid][0]], step_level + 1)
    starts: dict[int, int] = {}
    cursor = 0
    for phase in sorted(widths):
        starts[phase] = cursor
        cursor += widths[phase]
    column = {sid: starts[rank[sid][0]] + level[sid] for sid in steps}
    shift = _spill_shift(steps, column)
    taken: dict[tuple[str, int], int] = defaultdict(int)
    result: dict[str, StepLayout] = {}
    for sid in sorted(steps, key=rank.__getitem__):
        slot = (steps[sid].lane, column[sid])
        spill, row = divmod(taken[slot], MAX_ROW + 1)
        x = origin + (column[sid] + shift[column[sid]] + spill) * COLUMN_PITCH
        result[sid] = StepLayout(x=min(x, COORDINATE_LIMIT), row=row)  # at the edge: no crash
        taken[slot] += 1
    return result


def _spill_shift(steps: dict[str, Step], column: dict[str, int]) -> dict[int, int]:
    """How far each column moves right to make room for the columns before it that overflow.

    A lane holds at most ``MAX_ROW + 1`` rows; more steps in one slot (thousands of unconnected
    steps of one phase, written by a script) continue in extra columns instead of failing.
    """
    counts = Counter((steps[sid].lane, col) for sid, col in column.items())
    extra: dict[int, int] = defaultdict(int)
    for (_lane, col), count in counts.items():
        extra[col] = max(extra[col], (count - 1) // (MAX_ROW + 1))
    shift: dict[int, int] = {}
    total = 0
    for col in sorted(set(column.values())):
        shift[col] = total
        total += extra[col]
    return shift


def missing_layouts(blueprint: Blueprint) -> dict[str, StepLayout]:
    """Layouts for the steps that have none (a file written by hand or by a script).

    When no step has a layout the whole blueprint is arranged; otherwise each step without one
    goes right of the cards already placed, keeping the user's layout of the others.
    """
    missing = [step for step in blueprint.steps if step.layout is None]
    if not missing:
        return {}
    if len(missing) == len(blueprint.steps):
        return arranged_layout(blueprint)
    arranged = arranged_layout(blueprint)
    placed = [step.layout.x for step in blueprint.steps if step.layout is not None]
    start = max(placed) + CARD_W + COLUMN_PITCH - CARD_W
    base = min(arranged[step.id].x for step in missing)
    return {
        step.id: StepLayout(x=start + arranged[step.id].x - base, row=arranged[step.id].row)
        for step in missing
    }


def arrange(tx: Transaction) -> None:
    """Lay the whole blueprint out again inside the caller's transaction (one undo step)."""
    apply_layout(tx, arrangement(tx.document.blueprint))


def arrangement(
    blueprint: Blueprint, progress: Callable[[float], None] | None = None
) -> dict[str, StepLayout]:
    """What Arrange would give every step (computed without changing anything)."""
    left = main_left(blueprint.steps)  # a card lost far away comes back, not the reverse
    return arranged_layout(blueprint, origin=left, progress=progress)


def apply_layout(tx: Transaction, layouts: dict[str, StepLayout]) -> None:
    """Give the steps these layouts (computed by :func:`arrangement`), changing only the steps
    that move; a step deleted meanwhile is skipped."""
    for step_id, layout in layouts.items():
        if tx.document.collection_of(step_id) != "steps":
            continue
        step = tx.document.step(step_id)
        if step.layout is None or (step.layout.x, step.layout.row) != (layout.x, layout.row):
            set_field(tx, step_id, "layout", layout)
