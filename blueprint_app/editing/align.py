"""Align and distribute the selected cards (issue 17.14), Qt-free, inside the caller's one
transaction.

Left, centre and right line the cards' edges or middles up across lanes (a customer action over
the frontstage step that answers it); top and bottom put cards of one lane on its top-most or
bottom-most row of them; distribute spaces the cards evenly between the outer two. Cards never
end on one another: those that would share a slot move aside as a drop does.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum

from blueprint_app.analysis.geometry import CARD_W
from blueprint_app.editing import room
from blueprint_app.history import Transaction, edits
from blueprint_app.model import Step, StepLayout


class Align(StrEnum):
    LEFT = "left"
    CENTRE = "centre"
    RIGHT = "right"
    TOP = "top"
    BOTTOM = "bottom"
    DISTRIBUTE = "distribute"


def _laid_out(tx: Transaction, ids: Sequence[str]) -> list[Step]:
    steps = [tx.document.step(i) for i in ids if tx.document.collection_of(i) == "steps"]
    return [s for s in steps if s.layout is not None]


def align(tx: Transaction, ids: Sequence[str], how: Align) -> int:
    """Align (or distribute) the steps among ``ids``; returns how many moved (two are needed,
    three to distribute)."""
    steps = _laid_out(tx, ids)
    if len(steps) < (3 if how is Align.DISTRIBUTE else 2):
        return 0
    wanted: dict[str, StepLayout] = {}
    xs = [s.layout.x for s in steps if s.layout]
    if how in (Align.LEFT, Align.CENTRE, Align.RIGHT):
        target = {
            Align.LEFT: min(xs),
            Align.RIGHT: max(xs),
            Align.CENTRE: (min(xs) + max(xs)) / 2,
        }[how]
        for step in steps:
            assert step.layout is not None
            wanted[step.id] = StepLayout(x=round(target), row=step.layout.row)
    elif how is Align.DISTRIBUTE:
        ordered = sorted(steps, key=lambda s: s.layout.x if s.layout else 0.0)
        left, right = min(xs), max(xs)
        pitch = max((right - left) / (len(ordered) - 1), CARD_W + room.CARD_GAP)
        for index, step in enumerate(ordered):
            assert step.layout is not None
            wanted[step.id] = StepLayout(x=round(left + index * pitch), row=step.layout.row)
    else:
        by_lane: dict[str, list[Step]] = {}
        for step in steps:
            by_lane.setdefault(step.lane, []).append(step)
        for group in by_lane.values():
            rows = [s.layout.row for s in group if s.layout]
            row = {Align.TOP: min(rows), Align.BOTTOM: max(rows)}[how]
            for step in group:
                assert step.layout is not None
                wanted[step.id] = StepLayout(x=step.layout.x, row=row)
    moved = 0
    for step in steps:
        layout = wanted[step.id]
        if step.layout != layout:
            edits.set_field(tx, step.id, "layout", layout)
            moved += 1
    room.settle(tx, [s.id for s in steps])
    return moved
