"""Resolving merge conflicts as edits: each choice, undo, and the list going with its last entry."""

from __future__ import annotations

import pytest

from blueprint_app.history import Document, History
from blueprint_app.history.edits import EditError
from blueprint_app.history.resolve import resolve_conflict
from blueprint_app.model.blueprint import Blueprint, Phase
from blueprint_app.storage import dumps
from blueprint_app.versions.merge import merge
from tests.versions_support import copy, sample, step


def _merged(
    edit_ours: object, edit_theirs: object, three: bool = False
) -> tuple[Document, History]:
    base = sample()
    if three:
        base.phases.append(Phase(id="leave", title="Leave"))
    ours, theirs = copy(base), copy(base)
    edit_ours(ours)  # type: ignore[operator]
    edit_theirs(theirs)  # type: ignore[operator]
    document = Document(merge(base, ours, theirs).blueprint)
    return document, History(document)


def _resolve(history: History, index: int, choice: str, value: object = None) -> None:
    with history.transaction("Resolve") as tx:
        resolve_conflict(tx, index, choice, value)  # type: ignore[arg-type]


def _phases(blueprint: Blueprint, order: list[int]) -> None:
    blueprint.phases = [blueprint.phases[i] for i in order]


def test_a_reorder_conflict_takes_their_order_and_undo_puts_ours_back() -> None:
    document, history = _merged(
        lambda b: _phases(b, [1, 0, 2]), lambda b: _phases(b, [0, 2, 1]), three=True
    )
    assert [p.id for p in document.blueprint.phases] == ["stay", "arrive", "leave"]
    _resolve(history, 0, "theirs")
    assert [p.id for p in document.blueprint.phases] == ["arrive", "leave", "stay"]
    assert document.blueprint.conflicts == []
    assert '"conflicts"' not in dumps(document.blueprint)
    history.undo()
    assert [p.id for p in document.blueprint.phases] == ["stay", "arrive", "leave"]
    assert len(document.blueprint.conflicts) == 1


def test_a_rule_conflict_and_keeping_ours() -> None:
    def rule(value: str) -> object:
        return lambda b: b.rules.update({"BP023": value})

    document, history = _merged(rule("off"), rule("warning"))
    _resolve(history, 0, "ours")
    assert document.blueprint.rules == {"BP023": "off"} and document.blueprint.conflicts == []
    history.undo()
    _resolve(history, 0, "theirs")
    assert document.blueprint.rules == {"BP023": "warning"}


def test_a_value_of_the_wrong_kind_is_refused_and_changes_nothing() -> None:
    def minutes(value: float) -> object:
        return lambda b: setattr(step(b, "s2"), "duration_minutes", value)

    document, history = _merged(minutes(3), minutes(5))
    with pytest.raises(EditError):
        _resolve(history, 0, "edit", "three")
    assert step(document.blueprint, "s2").duration_minutes == 3
    assert len(document.blueprint.conflicts) == 1
    _resolve(history, 0, "edit", 4)
    assert step(document.blueprint, "s2").duration_minutes == 4


def test_their_deletion_of_a_step_we_changed_deletes_it_with_its_flows() -> None:
    def retitle(b: Blueprint) -> None:
        step(b, "s2").title = "Checks in online"

    def delete(b: Blueprint) -> None:
        b.steps = [s for s in b.steps if s.id != "s2"]
        b.flows = [f for f in b.flows if "s2" not in (f.source, f.target)]
        b.notes[0].attached_to = None

    document, history = _merged(retitle, delete)
    assert "f1" in document
    _resolve(history, 0, "theirs")
    assert "s2" not in document and "f1" not in document
    history.undo()
    assert step(document.blueprint, "s2").title == "Checks in online" and "f1" in document
