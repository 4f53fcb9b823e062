"""Saving and loading: canonical, deterministic bytes, nothing lost, odd text intact."""

from __future__ import annotations

import json
from pathlib import Path

from blueprint_app.model import Note, NoteLayout, Phase, Step, StepLayout, new_blueprint
from blueprint_app.storage import dumps, load, save
from tests.conftest import ODD_TEXT


def test_round_trip_is_byte_identical(coffee_path: Path, tmp_path: Path) -> None:
    first = tmp_path / "first.blueprint.json"
    second = tmp_path / "second.blueprint.json"
    save(load(coffee_path), first)
    save(load(first), second)
    assert first.read_bytes() == second.read_bytes()
    save(load(second), second)
    assert first.read_bytes() == second.read_bytes()


def test_canonical_text_follows_the_contract(coffee_path: Path) -> None:
    text = dumps(load(coffee_path))
    assert text.endswith("}\n") and not text.endswith("\n\n")
    assert text.startswith('{\n  "format": "service-blueprint",\n  "format_version": 2,\n')
    assert '"x": 120,' in text  # whole numbers stay whole, not 120.0
    assert json.loads(text)["steps"][0] == {
        "id": "menu",
        "lane": "evidence",
        "phase": "order",
        "kind": "evidence",
        "title": "Menu board",
        "layout": {"x": 120, "row": 0},
    }


def test_chinese_is_written_as_itself(tmp_path: Path) -> None:
    blueprint = new_blueprint("酒店入住服务蓝图", "zh-CN")
    path = tmp_path / "酒店.blueprint.json"
    save(blueprint, path)
    raw = path.read_bytes()
    assert "酒店入住服务蓝图".encode() in raw
    assert b"\\u" not in raw
    assert "有形展示".encode() in raw


def test_unknown_fields_survive(coffee_path: Path, tmp_path: Path) -> None:
    data = json.loads(coffee_path.read_text(encoding="utf-8"))
    data["x_future"] = {"nested": [1, 2]}
    data["steps"][1]["x_colour"] = "teal"
    data["steps"][1]["layout"]["x_snap"] = True
    data["lanes"][0]["x_height"] = 90
    data["notes"][0]["x_author"] = "Li"
    source = tmp_path / "future.blueprint.json"
    source.write_text(json.dumps(data), encoding="utf-8")
    out = tmp_path / "out.blueprint.json"
    save(load(source), out)
    again = json.loads(out.read_text(encoding="utf-8"))
    assert again["x_future"] == {"nested": [1, 2]}
    assert again["steps"][1]["x_colour"] == "teal"
    assert again["steps"][1]["layout"]["x_snap"] is True
    assert again["lanes"][0]["x_height"] == 90
    assert again["notes"][0]["x_author"] == "Li"


def test_odd_text_in_every_field_survives(tmp_path: Path) -> None:
    blueprint = new_blueprint(ODD_TEXT, "zh-CN")
    blueprint.description = blueprint.customer = blueprint.scenario = ODD_TEXT
    for lane in blueprint.lanes:
        lane.title = ODD_TEXT
    blueprint.phases.append(Phase(id="p1", title=ODD_TEXT, description=ODD_TEXT))
    blueprint.steps.append(
        Step(
            id="s1",
            lane="customer",
            phase="p1",
            title=ODD_TEXT,
            description=ODD_TEXT,
            actor=ODD_TEXT,
            channel=ODD_TEXT,
            standard=ODD_TEXT,
            layout=StepLayout(x=1.5, row=2),
        )
    )
    blueprint.notes.append(Note(id="n1", text=ODD_TEXT, layout=NoteLayout(x=0, y=0)))
    path = tmp_path / "odd.blueprint.json"
    save(blueprint, path)
    loaded = load(path)
    assert loaded == blueprint
    assert loaded.steps[0].title == ODD_TEXT
    assert loaded.lanes[3].title == ODD_TEXT
    assert dumps(loaded) == path.read_text(encoding="utf-8")


def test_saving_an_unchanged_document_twice_gives_identical_bytes(tmp_path: Path) -> None:
    blueprint = new_blueprint("Twice")
    a, b = tmp_path / "a.blueprint.json", tmp_path / "b.blueprint.json"
    save(blueprint, a)
    save(blueprint, b)
    assert a.read_bytes() == b.read_bytes()


def test_saving_an_edited_session_stamps_modified_and_a_clean_one_keeps_it(
    tmp_path: Path,
) -> None:
    """The saved ``modified`` follows the edits (it stayed at its creation stamp before)."""
    from blueprint_app.editing.session import Session
    from blueprint_app.history import BLUEPRINT, edits

    path = tmp_path / "stamp.blueprint.json"
    session = Session.new("Stamped")
    session.blueprint.modified = "2020-01-01T00:00:00+00:00"
    with session.history.transaction("Rename") as tx:
        edits.set_field(tx, BLUEPRINT, "title", "Stamped again")
    session.save(path)
    stamp = load(path).modified
    assert stamp is not None and stamp > "2020-01-01T00:00:00+00:00"
    session.blueprint.modified = "2021-01-01T00:00:00+00:00"
    session.save(path)  # nothing changed since: the stamp stays
    assert load(path).modified == "2021-01-01T00:00:00+00:00"
