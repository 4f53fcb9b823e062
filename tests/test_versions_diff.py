"""``blueprint diff``: the same in meaning whatever the formatting; every change by id."""

from __future__ import annotations

import json
from pathlib import Path

from blueprint_app.model.blueprint import Lane, LaneKind, Step, StepLayout
from blueprint_app.storage import dumps, save
from blueprint_app.versions.diff import apply_diff, as_data, diff, diff_data
from blueprint_app.versions.text import change_log
from tests.versions_support import blueprint_cli, copy, sample, step


def test_same_meaning_in_another_layout_of_the_file_is_no_change(tmp_path: Path) -> None:
    old = sample()
    new = copy(old)
    new.steps.reverse()  # document order of steps, flows and notes is no meaning
    new.flows.reverse()
    new.modified = "2030-01-01T00:00:00+00:00"  # every save stamps it
    data = json.loads(dumps(old))
    (tmp_path / "a.json").write_text(dumps(old), encoding="utf-8")
    shuffled = {key: data[key] for key in reversed(list(data))}
    shuffled["steps"][0]["description"] = ""  # a default written out
    (tmp_path / "b.json").write_text(json.dumps(shuffled, indent=7), encoding="utf-8")
    save(new, tmp_path / "c.json")
    assert diff(old, new).is_empty()
    for other in ("b.json", "c.json"):
        result = blueprint_cli("diff", tmp_path / "a.json", tmp_path / other)
        assert result.returncode == 0, result.stdout + result.stderr
        assert "No changes in meaning." in result.stdout


def test_every_kind_of_change_is_found_by_id() -> None:
    old = sample()
    new = copy(old)
    step(new, "s2").standard = "Smile and greet by name"
    step(new, "s2").duration_minutes = 90
    step(new, "b1").lane = "support"  # a move
    step(new, "s3").layout = StepLayout(x=400, row=1)
    new.steps.append(Step(id="s4", lane="customer", title="Pays"))
    new.flows = [f for f in new.flows if f.id != "f3"]
    new.lanes.insert(2, Lane(id="digital", kind=LaneKind.CUSTOM, title="App"))
    new.phases.reverse()
    new.title = "Hotel check-in"
    new.rules["BP023"] = "off"
    new.notes[0].__pydantic_extra__["colour"] = "red"  # an unknown field, kept by the model
    found = diff(old, new).to_json()
    assert found["added"] == {
        "lanes": ["digital"], "phases": [], "steps": ["s4"], "flows": [], "notes": []
    }  # fmt: skip
    assert found["removed"]["flows"] == ["f3"]
    changed = {(c["kind"], c["id"]): c["fields"] for c in found["changed"]}
    assert changed[("step", "s2")] == {
        "duration_minutes": [None, 90.0],
        "standard": ["Smile", "Smile and greet by name"],
    }
    assert changed[("step", "b1")] == {"lane": ["backstage", "support"]}
    assert changed[("step", "s3")] == {"layout": [None, {"x": 400.0, "row": 1}]}
    assert changed[("note", "n1")] == {"colour": [None, "red"]}
    own = changed[("blueprint", None)]
    assert own["title"] == ["Check-in", "Hotel check-in"]
    assert own["rules.BP023"] == [None, "off"]
    assert own["phase_order"] == [["arrive", "stay"], ["stay", "arrive"]]
    assert "lane_order" not in own  # an inserted lane is no reorder


def test_the_change_log_reads_in_the_blueprints_language() -> None:
    for language, expected in (
        ("en", "~ Step “Checks in”: service standard changed from “Smile” to “Smile and greet”"),
        ("zh-CN", "~ 步骤“Checks in”：服务标准由 “Smile” 改为 “Smile and greet”"),
    ):
        old = sample(language)
        new = copy(old)
        step(new, "s2").standard = "Smile and greet"
        step(new, "s2").duration_minutes = 90
        step(new, "b1").lane = "support"
        lines = change_log(diff(old, new), as_data(old), as_data(new), language)
        assert expected in lines
        if language == "en":
            assert "~ Step “Checks in”: duration set to 1 h 30 min" in lines
            assert (
                "~ Step “Prepares the room”: lane changed from “Backstage” to “Support processes”"
                in lines
            )
        else:
            assert "~ 步骤“Checks in”：用时设为 1 小时 30 分钟" in lines
            assert "~ 步骤“Prepares the room”：泳道由 “后台员工行为” 改为 “支持过程”" in lines


def test_a_time_change_rounding_hides_is_shown_exactly() -> None:
    old = sample()
    new = copy(old)
    step(old, "s2").duration_minutes = 120
    step(new, "s2").duration_minutes = 120.25
    lines = change_log(diff(old, new), as_data(old), as_data(new), "en")
    assert "~ Step “Checks in”: duration changed from 2 h to 2 h 15 s" in lines


def test_json_output_and_exit_codes(tmp_path: Path) -> None:
    old, new = sample(), sample()
    step(new, "s1").title = 'Walks in <&"> 🙂'
    save(old, tmp_path / "old.blueprint.json")
    save(new, tmp_path / "new.blueprint.json")
    result = blueprint_cli(
        "diff", tmp_path / "old.blueprint.json", tmp_path / "new.blueprint.json", "--format", "json"
    )
    assert result.returncode == 1
    assert json.loads(result.stdout) == {
        "added": {k: [] for k in ("steps", "flows", "lanes", "phases", "notes")},
        "removed": {k: [] for k in ("steps", "flows", "lanes", "phases", "notes")},
        "changed": [
            {"kind": "step", "id": "s1", "fields": {"title": ["Walks in", 'Walks in <&"> 🙂']}}
        ],
    }
    (tmp_path / "broken.json").write_text("{", encoding="utf-8")
    unreadable = blueprint_cli("diff", tmp_path / "old.blueprint.json", tmp_path / "broken.json")
    assert unreadable.returncode == 2
    assert "broken.json" in unreadable.stderr


def test_applying_a_diff_gives_the_new_side() -> None:
    old = sample()
    new = copy(old)
    new.lanes.insert(1, Lane(id="digital", kind=LaneKind.CUSTOM, title="App"))
    del new.steps[0]
    new.flows = [f for f in new.flows if f.source != "s1"]
    step(new, "s2").title = "Checks in online"
    before, after = as_data(old), as_data(new)
    assert diff_data(apply_diff(before, diff_data(before, after)), after).is_empty()


def test_kinds_are_named_by_the_glossary_for_their_own_item() -> None:
    old = sample()
    new = copy(old)
    step(new, "s2").kind = "decision"
    new.flows[0].kind = "evidence"  # a flow's evidence is an evidence link, not a card
    assert change_log(diff(old, new), as_data(old), as_data(new), "zh-CN") == [
        "~ 步骤“Checks in”：类型由 行动 改为 判断",
        "~ 连线“Walks in”→“Checks in”：类型由 普通连线 改为 有形展示连线",
    ]
