"""The Qt-free edit commands behind canvas gestures."""

from __future__ import annotations

from pathlib import Path

import pytest

from blueprint_app.history import Document, History
from blueprint_app.history.edits import EditError, add_flow, add_step, move_steps, reconnect_flow
from blueprint_app.model import FlowKind, StepKind, StepLayout
from blueprint_app.storage import dumps, load


@pytest.fixture
def history(coffee_path: Path) -> History:
    return History(Document(load(coffee_path)))


def test_add_step_and_flow(history: History) -> None:
    with history.transaction("Add") as tx:
        step_id = add_step(
            tx,
            "support",
            phase="collect",
            x=480.04,
            row=1,
            kind=StepKind.DECISION,
            title="Check stock",
        )
        flow_id = add_flow(tx, "make", step_id, FlowKind.RECOVERY, "out of milk")
    step = history.document.step(step_id)
    assert (step.lane, step.phase, step.kind, step.layout) == (
        "support",
        "collect",
        StepKind.DECISION,
        StepLayout(x=480.0, row=1),
    )
    flow = history.document.get(flow_id)
    assert (flow.source, flow.target, flow.kind, flow.label) == (
        "make",
        step_id,
        FlowKind.RECOVERY,
        "out of milk",
    )
    assert len(history.entries) == 1


def test_flows_need_two_existing_different_steps(history: History) -> None:
    before = dumps(history.document.blueprint)
    with pytest.raises(EditError), history.transaction("Bad") as tx:
        add_flow(tx, "make", "make")
    with pytest.raises(EditError), history.transaction("Bad") as tx:
        add_flow(tx, "make", "nowhere")
    with pytest.raises(EditError), history.transaction("Bad") as tx:
        add_step(tx, "no-lane")
    assert dumps(history.document.blueprint) == before and not history.can_undo


def test_move_steps_together_changes_only_what_moved(history: History) -> None:
    with history.transaction("Move") as tx:
        move_steps(
            tx,
            {
                "make": ("frontstage", "collect", StepLayout(x=300, row=1)),
                "remake": ("backstage", "order", StepLayout(x=300, row=1)),
            },
        )
    document = history.document
    assert document.step("make").lane == "frontstage"
    assert document.step("make").layout == StepLayout(x=300, row=1)
    assert document.step("remake").phase == "order"
    assert len(history.entries[0].undo_ops) == 3  # make: lane + layout; remake: phase


def test_reconnect_flow(history: History) -> None:
    with history.transaction("Reconnect") as tx:
        reconnect_flow(tx, "f3", "target", "remake")
    assert history.document.get("f3").target == "remake"
    assert "f3" in {f.id for f in history.document.flows_at("remake")}
    assert "f3" not in {f.id for f in history.document.flows_at("pos")}
    for end, step in (("target", "take-order"), ("middle", "pos"), ("source", "nowhere")):
        with pytest.raises(EditError), history.transaction("Bad") as tx:
            reconnect_flow(tx, "f3", end, step)
    with pytest.raises(EditError), history.transaction("Bad") as tx:
        reconnect_flow(tx, "nope", "source", "pos")
