"""Undo history: every edit undoable, merges, rollback, and a random-edit property test."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from blueprint_app.history import BLUEPRINT, Change, Document, History
from blueprint_app.history.document import InsertMany, SetField
from blueprint_app.history.edits import (
    EditError,
    add_item,
    delete_items,
    fresh_id,
    move_step,
    paste,
    reorder,
    set_field,
)
from blueprint_app.model import Flow, Lane, LaneKind, Metric, Phase, Step, StepLayout
from blueprint_app.storage import dumps, load
from tests.conftest import DATA


def _open() -> tuple[Document, History]:
    document = Document(load(DATA / "coffee.blueprint.json"))
    return document, History(document)


def test_delete_step_takes_its_flows_and_undo_restores_them() -> None:
    document, history = _open()
    before = dumps(document.blueprint)
    with history.transaction("Delete") as tx:
        delete_items(tx, ["make"])
    assert "make" not in document and "f6" not in document and "f7" not in document
    assert history.undo_label == "Delete" and not history.is_clean
    history.undo()
    assert dumps(document.blueprint) == before and history.is_clean
    history.redo()
    assert "f4" not in document


def test_listeners_hear_each_change() -> None:
    document, history = _open()
    heard: list[Change] = []
    document.subscribe(heard.append)
    with history.transaction("Rename") as tx:
        set_field(tx, "make", "title", "Brew")
        set_field(tx, BLUEPRINT, "title", "Coffee")
    assert heard == [
        Change("changed", "steps", "make", "title"),
        Change("changed", "", BLUEPRINT, "title"),
    ]


def test_typing_merges_into_one_undo_step() -> None:
    document, history = _open()
    for text in ("B", "Br", "Bre", "Brew"):
        with history.transaction("Edit title", merge_key=("make", "title")) as tx:
            set_field(tx, "make", "title", text)
    assert len(history.entries) == 1
    history.undo()
    assert document.step("make").title == "Make the drink"


def test_failed_edit_rolls_back() -> None:
    document, history = _open()
    before = dumps(document.blueprint)
    try:
        with history.transaction("Bad") as tx:
            set_field(tx, "make", "title", "Half done")
            add_item(tx, "flows", Flow(id="fx", source="make", target="nowhere"))
    except EditError as error:
        assert str(error) == "fx: no step with id 'nowhere'"
    assert dumps(document.blueprint) == before and not history.can_undo


def test_standard_lanes_cannot_be_deleted_or_reordered() -> None:
    document, history = _open()
    for action in (lambda tx: delete_items(tx, ["customer"]), lambda tx: reorder(tx, "support", 0)):
        try:
            with history.transaction("x") as tx:
                action(tx)
            raise AssertionError("the edit should have been refused")
        except EditError:
            pass
    assert document.blueprint.lanes[0].id == "evidence"


def test_paste_renews_ids_and_keeps_inner_flows() -> None:
    document, history = _open()
    fragment = {
        "steps": [
            document.step("make").model_dump(mode="json"),
            document.step("remake").model_dump(mode="json"),
        ],
        "flows": [f.model_dump(mode="json") for f in document.flows_at("make")],
    }
    with history.transaction("Paste") as tx:
        created = paste(tx, fragment, dx=40)
    new_steps = [document.step(i) for i in created if document.collection_of(i) == "steps"]
    assert [s.title for s in new_steps] == ["Make the drink", "Remake with priority"]
    assert new_steps[0].layout == StepLayout(x=340, row=0)
    new_flows = [i for i in created if document.collection_of(i) == "flows"]
    assert len(new_flows) == 1  # only the recovery flow had both ends copied


EDITS = st.lists(
    st.tuples(st.integers(0, 6), st.integers(0, 1000), st.text(max_size=8)), min_size=1, max_size=25
)


def _random_edit(document: Document, history: History, kind: int, n: int, text: str) -> None:
    steps = [s.id for s in document.blueprint.steps]
    lanes = [lane.id for lane in document.blueprint.lanes]
    phases = [p.id for p in document.blueprint.phases]
    with history.transaction(f"edit {kind}", merge_key=("t", n % 2) if kind == 1 else None) as tx:
        if kind == 0:
            add_item(
                tx,
                "steps",
                Step(
                    id=fresh_id(tx, "step"),
                    lane=lanes[n % len(lanes)],
                    title=text,
                    layout=StepLayout(x=n, row=n % 3),
                ),
            )
        elif kind == 1 and steps:
            set_field(tx, steps[n % len(steps)], "title", text)
        elif kind == 2 and steps:
            delete_items(tx, [steps[n % len(steps)]])
        elif kind == 3 and len(steps) > 1:
            add_item(
                tx,
                "flows",
                Flow(
                    id=fresh_id(tx, "flow"),
                    source=steps[n % len(steps)],
                    target=steps[(n * 7 + 1) % len(steps)],
                    label=text,
                ),
            )
        elif kind == 4 and steps:
            move_step(
                tx,
                steps[n % len(steps)],
                lane=lanes[n % len(lanes)],
                phase=phases[n % len(phases)] if n % 3 and phases else None,
                layout=StepLayout(x=float(n), row=n % 4),
            )
        elif kind == 5:
            add_item(tx, "phases", Phase(id=fresh_id(tx, "phase"), title=text), index=n % 3)
        elif kind == 6 and phases:
            delete_items(tx, [phases[n % len(phases)]])


@settings(max_examples=60, deadline=None)
@given(EDITS)
def test_undo_all_restores_the_start_and_redo_all_the_end(
    edits: list[tuple[int, int, str]],
) -> None:
    document, history = _open()
    start = dumps(document.blueprint)
    for kind, n, text in edits:
        _random_edit(document, history, kind, n, text)
    end = dumps(document.blueprint)
    while history.can_undo:
        history.undo()
    assert dumps(document.blueprint) == start
    assert history.is_clean
    while history.can_redo:
        history.redo()
    assert dumps(document.blueprint) == end
    assert Document(document.blueprint).ids() == document.ids()  # indexes stayed in step


def test_references_set_by_hand_must_resolve() -> None:
    document, history = _open()
    before = dumps(document.blueprint)
    for item_id, field, value in [
        ("make", "lane", "nowhere"),
        ("make", "phase", "p-missing"),
        ("f1", "target", "frontstage"),
        ("n1", "attached_to", "f1"),
        ("make", "lane", None),
        (BLUEPRINT, "steps", []),
    ]:
        with pytest.raises(EditError), history.transaction("bad") as tx:
            set_field(tx, item_id, field, value)
    assert dumps(document.blueprint) == before
    with history.transaction("ok") as tx:
        set_field(tx, "make", "phase", None)
        set_field(tx, "n1", "attached_to", "make")
    assert document.step("make").phase is None


def test_a_refused_value_leaves_the_indexes_alone() -> None:
    document, history = _open()
    with pytest.raises(ValueError, match="should match pattern"), history.transaction("x") as tx:
        tx.apply(SetField("f1", "source", "not a valid id!"))
    assert [f.id for f in document.flows_at("arrive")] == ["f1"]
    with history.transaction("Delete") as tx:
        delete_items(tx, ["arrive"])
    assert "f1" not in document


def test_a_failing_listener_does_not_leave_an_untracked_change() -> None:
    document, history = _open()
    before = dumps(document.blueprint)

    def broken(change: Change) -> None:
        raise RuntimeError("view crashed")

    document.subscribe(broken)
    with pytest.raises(RuntimeError), history.transaction("Add") as tx:
        add_item(tx, "steps", Step(id="new", lane="customer", title="New"))
    assert "new" not in document
    assert dumps(document.blueprint) == before
    assert not history.can_undo


def test_deleting_thousands_of_steps_is_one_pass_per_collection() -> None:
    from benchmarks.generate import generate_blueprint

    document = Document(generate_blueprint(2000))
    history = History(document)
    before = dumps(document.blueprint)
    doomed = [s.id for s in document.blueprint.steps[::2]]
    with history.transaction("Delete") as tx:
        delete_items(tx, doomed)
    entry = history.entries[-1]
    assert sum(isinstance(op, InsertMany) for op in entry.undo_ops) == 2  # flows and steps
    assert not any(f.source in doomed or f.target in doomed for f in document.blueprint.flows)
    history.undo()
    assert dumps(document.blueprint) == before
    assert Document(document.blueprint).ids() == document.ids()


def test_deleting_a_phase_and_a_lane_detaches_and_cascades() -> None:
    document, history = _open()
    with history.transaction("Add lane") as tx:
        add_item(tx, "lanes", Lane(id="mood", kind=LaneKind.CUSTOM, title="Mood"))
        add_item(tx, "steps", Step(id="happy", lane="mood", phase="order", title="Happy"))
        add_item(tx, "flows", Flow(id="fm", source="happy", target="arrive"))
    before = dumps(document.blueprint)
    with history.transaction("Delete") as tx:
        delete_items(tx, ["mood", "collect"])
    assert "happy" not in document and "fm" not in document
    assert document.step("make").phase is None
    history.undo()
    assert dumps(document.blueprint) == before


def test_a_list_of_metrics_is_one_undoable_edit_that_shares_nothing_with_the_caller() -> None:
    """The property panel's metrics table writes the whole list per edit; undo restores it."""
    document, history = _open()
    before = dumps(document.blueprint)
    rows = [Metric(name='NPS 净推荐值 <&">', value=45, target=50, unit="%")]
    with history.transaction("Change metrics") as tx:
        set_field(tx, "make", "metrics", rows)
    rows[0].value = 99  # the caller's rows are not the document's
    rows.append(Metric(name="later"))
    assert document.step("make").metrics == [
        Metric(name='NPS 净推荐值 <&">', value=45, target=50, unit="%")
    ]
    with history.transaction("Change metrics") as tx:
        set_field(tx, "make", "metrics", [*document.step("make").metrics, Metric(name="🎉")])
    assert [m.name for m in document.step("make").metrics] == ['NPS 净推荐值 <&">', "🎉"]
    history.undo()
    assert [m.value for m in document.step("make").metrics] == [45]
    history.undo()
    assert dumps(document.blueprint) == before
    history.redo()
    history.redo()
    assert len(document.step("make").metrics) == 2


def test_a_metric_without_a_name_is_refused_and_changes_nothing() -> None:
    document, history = _open()
    before = dumps(document.blueprint)
    with pytest.raises(ValidationError), history.transaction("Change metrics") as tx:
        set_field(tx, "make", "metrics", [{"name": ""}])
    assert dumps(document.blueprint) == before and not history.entries
