"""The three-way merge by id: what merges cleanly, what is a conflict, and that the result
always loads; property tests over random edits on two branches."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from blueprint_app.model.blueprint import Lane, LaneKind, Phase, Step
from blueprint_app.storage import load, save
from blueprint_app.storage.reader import from_raw
from blueprint_app.versions.diff import apply_diff, as_data, diff, diff_data
from blueprint_app.versions.merge import merge, merge_data
from tests.versions_support import blueprint_cli, copy, sample, step


def test_one_side_deletes_a_lane_the_other_puts_a_step_in_keeps_the_lane() -> None:
    base = sample()
    base.lanes.insert(2, Lane(id="app", kind=LaneKind.CUSTOM, title="App"))
    ours, theirs = copy(base), copy(base)
    ours.lanes = [lane for lane in ours.lanes if lane.id != "app"]
    theirs.steps.append(Step(id="s9", lane="app", title="Books in the app"))
    result = merge(base, ours, theirs)
    assert [lane.id for lane in result.blueprint.lanes][:3] == ["evidence", "customer", "app"]
    assert step(result.blueprint, "s9").lane == "app"
    assert [(c.kind, c.id, c.field) for c in result.conflicts] == [("lane", "app", None)]


def test_a_deleted_phase_still_used_comes_back_and_notes_lose_a_deleted_step() -> None:
    base = sample()
    ours, theirs = copy(base), copy(base)
    ours.phases = [p for p in ours.phases if p.id != "stay"]
    for item in ours.steps:
        item.phase = None if item.phase == "stay" else item.phase
    theirs.steps.append(Step(id="s9", lane="customer", phase="stay", title="Checks out"))
    theirs.steps = [s for s in theirs.steps if s.id != "s2"]  # unchanged in ours: goes
    theirs.flows = [f for f in theirs.flows if "s2" not in (f.source, f.target)]
    merged = merge(base, ours, theirs).blueprint
    assert "stay" in {p.id for p in merged.phases}
    assert merged.notes[0].attached_to is None
    assert not [f for f in merged.flows if "s2" in (f.source, f.target)]


def test_order_one_side_reorders_the_other_adds() -> None:
    base = sample()
    ours, theirs = copy(base), copy(base)
    ours.phases.reverse()
    theirs.phases.insert(1, Phase(id="pay", title="Pay"))
    merged = merge(base, ours, theirs).blueprint
    assert [p.id for p in merged.phases] == ["stay", "arrive", "pay"]


def test_both_sides_reorder_differently_is_a_conflict_keeping_ours() -> None:
    base = sample()
    base.phases.append(Phase(id="leave", title="Leave"))
    ours, theirs = copy(base), copy(base)
    ours.phases = [ours.phases[i] for i in (1, 0, 2)]
    theirs.phases = [theirs.phases[i] for i in (0, 2, 1)]
    result = merge(base, ours, theirs)
    assert [p.id for p in result.blueprint.phases] == ["stay", "arrive", "leave"]
    assert [(c.kind, c.field) for c in result.conflicts] == [("blueprint", "phase_order")]


def test_blueprint_fields_and_rules_merge_per_entry() -> None:
    base = sample()
    ours, theirs = copy(base), copy(base)
    ours.rules["BP023"] = "off"
    theirs.rules["dead-end"] = "warning"
    ours.title, theirs.title = "Ours", "Theirs"
    theirs.customer = "Business traveller"
    result = merge(base, ours, theirs)
    assert result.blueprint.rules == {"BP023": "off", "dead-end": "warning"}
    assert result.blueprint.customer == "Business traveller"
    assert [(c.kind, c.id, c.field, c.theirs) for c in result.conflicts] == [
        ("blueprint", None, "title", "Theirs")
    ]


def test_earlier_conflicts_stay_and_a_merge_of_equal_sides_is_clean() -> None:
    base = sample()
    ours, theirs = copy(base), copy(base)
    step(ours, "s1").title = step(theirs, "s1").title = "Same change"
    result = merge(base, ours, theirs)
    assert result.clean and step(result.blueprint, "s1").title == "Same change"
    step(ours, "s2").title, step(theirs, "s2").title = "A", "B"
    first = merge(base, ours, theirs).blueprint
    again = merge(first, first, first)
    assert len(again.blueprint.conflicts) == 1


# -- properties ---------------------------------------------------------------------------------

STEP_IDS = ["s1", "s2", "s3", "b1"]
FIELDS = st.sampled_from(["title", "description", "standard", "actor"])
ACTION = st.sampled_from(["none", "edit", "delete", "move"])


def _base() -> dict[str, Any]:
    blueprint = sample()
    blueprint.notes = []
    return as_data(blueprint)


def _edit(data: dict[str, Any], step_id: str, action: str, name: str, text: str) -> None:
    if action == "delete":
        data["steps"] = [s for s in data["steps"] if s["id"] != step_id]
        data["flows"] = [f for f in data["flows"] if step_id not in (f["source"], f["target"])]
        return
    for item in data["steps"]:
        if item["id"] == step_id:
            if action == "edit":
                item[name] = text
            elif action == "move":
                item["lane"] = "frontstage" if item["lane"] != "frontstage" else "support"
                item["layout"] = {"x": 100.0, "row": 2}


def _add(data: dict[str, Any], prefix: str, count: int, text: str) -> None:
    """``count`` new steps in a row, joined by new flows."""
    for number in range(count):
        new_id = f"{prefix}{number}"
        data["steps"].append(as_data_step(new_id, text))
        if number:
            data["flows"].append(
                {"id": f"f-{new_id}", "source": f"{prefix}{number - 1}", "target": new_id,
                 "kind": "flow", "label": "", "two_way": False, "channel": ""}
            )  # fmt: skip


def as_data_step(step_id: str, text: str) -> dict[str, Any]:
    return Step(id=step_id, lane="customer", title=text).model_dump(mode="json")


EDITS = st.lists(st.tuples(ACTION, FIELDS, st.text(max_size=8)), min_size=4, max_size=4)


@settings(max_examples=60, deadline=None)
@given(
    edits=EDITS,
    owners=st.lists(st.sampled_from(["ours", "theirs"]), min_size=4, max_size=4),
    added=st.tuples(st.integers(0, 3), st.integers(0, 3)),
    text=st.text(min_size=1, max_size=10),
)
def test_disjoint_edits_merge_to_both_sets_of_edits(
    edits: list[tuple[str, str, str]], owners: list[str], added: tuple[int, int], text: str
) -> None:
    base = _base()
    sides = {"ours": _base(), "theirs": _base()}
    expected = _base()
    for step_id, owner, (action, name, value) in zip(STEP_IDS, owners, edits, strict=True):
        _edit(sides[owner], step_id, action, name, value)
        _edit(expected, step_id, action, name, value)
    for prefix, count, side in (("o", added[0], "ours"), ("t", added[1], "theirs")):
        _add(sides[side], prefix, count, text)
        _add(expected, prefix, count, text)
    merged, conflicts, renamed = merge_data(base, sides["ours"], sides["theirs"])
    assert conflicts == [] and renamed == {}
    loaded = from_raw(merged)  # loadable
    assert diff_data(as_data(loaded), as_data(from_raw(expected))).is_empty()


@settings(max_examples=60, deadline=None)
@given(edits=EDITS, added=st.integers(0, 3), text=st.text(min_size=1, max_size=10))
def test_diff_of_itself_is_empty_and_applying_a_diff_gives_the_new_side(
    edits: list[tuple[str, str, str]], added: int, text: str
) -> None:
    old = _base()
    new = _base()
    for step_id, (action, name, value) in zip(STEP_IDS, edits, strict=True):
        _edit(new, step_id, action, name, value)
    _add(new, "n", added, text)
    assert diff_data(old, old).is_empty() and diff_data(new, new).is_empty()
    changes = diff_data(old, new)
    assert diff_data(apply_diff(old, changes), new).is_empty()
    assert diff(from_raw(apply_diff(old, changes)), from_raw(new)).is_empty()


LANE_EDITS = st.sampled_from(["none", "add_lane", "delete_lane", "add_phase", "delete_phase"])


def _structure(data: dict[str, Any], action: str, prefix: str) -> None:
    """Lanes and phases added or deleted; a deleted lane takes its steps and their flows."""
    if action == "add_lane":
        data["lanes"].insert(
            2, Lane(id="app", kind=LaneKind.CUSTOM, title=prefix).model_dump(mode="json")
        )
        data["steps"].append(as_data_step(f"{prefix}-in-app", prefix) | {"lane": "app"})
    elif action == "delete_lane":
        data["lanes"] = [lane for lane in data["lanes"] if lane["id"] != "extra"]
        gone = {s["id"] for s in data["steps"] if s["lane"] == "extra"}
        data["steps"] = [s for s in data["steps"] if s["id"] not in gone]
        data["flows"] = [f for f in data["flows"] if not {f["source"], f["target"]} & gone]
    elif action == "add_phase":
        data["phases"].insert(1, Phase(id="pay", title=prefix).model_dump(mode="json"))
    elif action == "delete_phase":
        data["phases"] = [p for p in data["phases"] if p["id"] != "stay"]
        for item in data["steps"]:
            item["phase"] = None if item["phase"] == "stay" else item["phase"]


@settings(max_examples=int(os.environ.get("BLUEPRINT_FUZZ_EXAMPLES", "80")), deadline=None)
@given(
    ours=st.tuples(EDITS, LANE_EDITS, st.integers(0, 2)),
    theirs=st.tuples(EDITS, LANE_EDITS, st.integers(0, 2)),
)
def test_any_two_sets_of_edits_merge_into_a_loadable_blueprint(
    ours: tuple[list[tuple[str, str, str]], str, int],
    theirs: tuple[list[tuple[str, str, str]], str, int],
) -> None:
    """Overlapping edits too: both sides editing, moving and deleting the same steps, adding
    the same ids, deleting lanes and phases the other uses; the result always loads."""
    blueprint = sample()
    blueprint.notes[0].attached_to = "s2"
    blueprint.lanes.insert(3, Lane(id="extra", kind=LaneKind.CUSTOM, title="Extra"))
    blueprint.steps.append(Step(id="x1", lane="extra", phase="stay", title="In the extra lane"))
    base = as_data(blueprint)
    sides = []
    for prefix, (edits, structure, added) in zip(("o", "t"), (ours, theirs), strict=True):
        side = as_data(blueprint)
        for step_id, (action, name, value) in zip(STEP_IDS, edits, strict=True):
            _edit(side, step_id, action, name, value)
        _structure(side, structure, prefix)
        _add(side, "new", added, "same id, other text" if edits[0][2] else "x")
        for note in side["notes"]:
            if note["attached_to"] not in {s["id"] for s in side["steps"]}:
                note["attached_to"] = None
        sides.append(side)
    merged, conflicts, _renamed = merge_data(base, sides[0], sides[1])
    loaded = from_raw(merged)
    assert len(loaded.conflicts) == len(conflicts)
    if not conflicts:
        assert diff_data(merged, merge_data(base, sides[0], sides[1])[0]).is_empty()


def test_the_merge_command_writes_ours_or_out_and_nothing_when_a_side_is_unreadable(
    tmp_path: Path,
) -> None:
    base = sample()
    ours, theirs = copy(base), copy(base)
    step(ours, "s1").title, step(theirs, "s3").title = "Ours", "Theirs"
    paths = [tmp_path / f"{name}.blueprint.json" for name in ("base", "ours", "theirs")]
    for blueprint, path in zip((base, ours, theirs), paths, strict=True):
        save(blueprint, path)
    clean = blueprint_cli("merge", *paths, "-o", tmp_path / "out.blueprint.json")
    assert clean.returncode == 0, clean.stderr
    merged = load(tmp_path / "out.blueprint.json")
    assert (step(merged, "s1").title, step(merged, "s3").title) == ("Ours", "Theirs")
    assert load(paths[1]).steps == ours.steps  # -o: OURS untouched
    paths[2].write_text("<<<<<<< not json", encoding="utf-8")
    before = paths[1].read_bytes()
    broken = blueprint_cli("merge", *paths)
    assert broken.returncode == 2 and "theirs.blueprint.json" in broken.stderr
    assert paths[1].read_bytes() == before
