"""Making room on the canvas when a card is added or dropped (no Qt).

A card dropped or added over another in its row goes to the nearest free slot beside it
(BP008 warned about overlaps but nothing prevented them), and a phase whose cards now reach
into the next phase's column pushes the later phases to the right, so the column widens to
hold them, as Smaply's and Miro's columns do.
"""

from __future__ import annotations

from collections.abc import Iterable

from blueprint_app.analysis.geometry import CARD_W, COLUMN_PAD
from blueprint_app.history import Transaction, edits
from blueprint_app.model import Step, StepLayout

#: between two cards of one row once a drop made room
CARD_GAP = 16.0


def _free(x: float, others: list[float]) -> bool:
    return all(abs(x - other) >= CARD_W for other in others)


def free_x(
    steps: Iterable[Step], step: Step, x: float, ignore: set[str], row: int | None = None
) -> float:
    """The left edge nearest ``x`` where ``step``'s card overlaps none of the cards of its
    phase in its lane and row (except those in ``ignore``): ``x`` itself when that is free.
    Cards of other phases are not looked at: :func:`widen_phases` pushes those aside."""
    row = step.layout.row if row is None and step.layout else (row or 0)
    others = [
        s.layout.x
        for s in steps
        if s.lane == step.lane
        and s.phase == step.phase
        and s.layout is not None
        and s.layout.row == row
        and s.id not in ignore
    ]
    if _free(x, others):
        return x
    beside = [o + CARD_W + CARD_GAP for o in others] + [o - CARD_W - CARD_GAP for o in others]
    return min((c for c in beside if _free(c, others)), key=lambda c: (abs(c - x), c))


def settle(tx: Transaction, step_ids: Iterable[str]) -> None:
    """After ``step_ids`` were added or moved: each onto a free slot of its row (the others stay
    where they are), then the phases around them widened to hold them."""
    steps = tx.document.blueprint.steps
    placed: set[str] = set()
    wanted = [tx.document.step(sid) for sid in step_ids]
    for step in sorted(wanted, key=lambda s: s.layout.x if s.layout else 0.0):
        placed.add(step.id)
        layout = step.layout
        if layout is None:
            continue
        moving = {s.id for s in wanted} - placed
        x = round(free_x(steps, step, layout.x, moving | {step.id}))
        if x != layout.x:
            edits.set_field(tx, step.id, "layout", StepLayout(x=x, row=layout.row))
    widen_phases(tx, {s.phase for s in wanted if s.phase is not None})


def widen_phases(tx: Transaction, phase_ids: set[str]) -> None:
    """Push the phases after each of ``phase_ids`` (and the phase itself, when its cards
    reach back into the one before) to the right until every column clears the next."""
    order = [phase.id for phase in tx.document.blueprint.phases]
    rank = {pid: index for index, pid in enumerate(order)}
    boundaries = sorted({b for pid in phase_ids if pid in rank for b in (rank[pid] - 1, rank[pid])})
    for boundary in boundaries:
        if boundary < 0 or boundary >= len(order) - 1:
            continue
        steps = [s for s in tx.document.blueprint.steps if s.layout and s.phase in rank]
        before = [s.layout.x for s in steps if s.layout and rank[s.phase or ""] <= boundary]
        after = [s for s in steps if rank[s.phase or ""] > boundary]
        if not before or not after:
            continue
        need = max(before) + CARD_W + 2 * COLUMN_PAD - min(s.layout.x for s in after if s.layout)
        if need <= 0:
            continue
        for step in after:
            assert step.layout is not None
            shifted = StepLayout(x=round(step.layout.x + need), row=step.layout.row)
            edits.set_field(tx, step.id, "layout", shifted)
