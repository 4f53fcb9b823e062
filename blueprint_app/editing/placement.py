"""Where a new step goes when the user adds one without pointing at the canvas (no Qt)."""

from __future__ import annotations

from blueprint_app.analysis.extent import far_steps
from blueprint_app.analysis.geometry import COLUMN_PITCH
from blueprint_app.history import Transaction, edits
from blueprint_app.model import LaneKind, Step, StepKind, StepLayout
from blueprint_app.model.blueprint import COORDINATE_LIMIT

#: Horizontal distance between consecutive cards added from the palette: Arrange's pitch.
STEP_SPACING = COLUMN_PITCH


def natural_lane(tx: Transaction, kind: StepKind) -> str:
    """Evidence goes to the physical-evidence lane, everything else to the customer's."""
    wanted = LaneKind.PHYSICAL_EVIDENCE if kind == StepKind.EVIDENCE else LaneKind.CUSTOMER
    lanes = tx.document.blueprint.lanes
    return next((lane.id for lane in lanes if lane.kind == wanted), lanes[0].id)


def append_step(
    tx: Transaction,
    kind: StepKind,
    title: str = "",
    lane: str | None = None,
    phase: str | None = None,
    layout: StepLayout | None = None,
) -> str:
    """Add a step (after the rightmost card of its lane unless ``layout`` says where)."""
    lane = lane or natural_lane(tx, kind)
    if layout is None:
        steps = tx.document.blueprint.steps
        far = set(far_steps(steps))  # a card lost far away is no place to continue from
        xs = [s.layout.x for s in steps if s.layout and s.lane == lane and s.id not in far]
        x = max(xs) + STEP_SPACING if xs else 0.0
        layout = StepLayout(x=min(x, COORDINATE_LIMIT), row=0)
    if phase is None and tx.document.blueprint.phases:
        phase = tx.document.blueprint.phases[-1].id
    step = Step(
        id=edits.fresh_id(tx, "step"), lane=lane, phase=phase, kind=kind, title=title, layout=layout
    )
    edits.add_item(tx, "steps", step)
    return step.id
