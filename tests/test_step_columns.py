"""The table's columns without Qt: what a cell shows and what typed text means (issue 19.1)."""

from __future__ import annotations

import pytest

from blueprint_app.editing import step_columns as sc
from blueprint_app.history import Document, History
from blueprint_app.model import Metric, StepKind, new_blueprint
from blueprint_app.model.blueprint import Phase, Step, StepLayout


def document(language: str = "en") -> Document:
    blueprint = new_blueprint("T", language)
    blueprint.phases.append(Phase(id="ph1", title="到店"))
    customer = next(lane for lane in blueprint.lanes if lane.kind.value == "customer")
    blueprint.steps.append(
        Step(
            id="s1",
            lane=customer.id,
            phase="ph1",
            title="Order",
            duration_minutes=90,
            metrics=[Metric(name="NPS", value=45, target=50, unit="%")],
            layout=StepLayout(x=0, row=0),
        )
    )
    return Document(blueprint)


def column(key: str) -> sc.Column:
    return sc.COLUMNS[sc.COLUMN_KEYS.index(key)]


def test_cells_show_titles_kinds_and_human_times() -> None:
    doc = document()
    step = doc.step("s1")
    assert sc.display_text(doc, step, column("phase")) == "到店"
    assert sc.display_text(doc, step, column("lane")) == "Customer actions"
    assert sc.display_text(doc, step, column("kind")) == "Action"
    assert sc.display_text(doc, step, column("duration")) == "1 h 30 min"
    assert sc.display_text(doc, step, column("metrics")) == "NPS=45/50 %"


def test_chinese_blueprint_shows_chinese_units_and_kinds() -> None:
    doc = document("zh-CN")
    step = doc.step("s1")
    assert sc.display_text(doc, step, column("kind")) == "行动"
    assert "小时" in sc.display_text(doc, step, column("duration"))


@pytest.mark.parametrize(
    ("key", "text", "value"),
    [
        ("duration", "48h", 2880),
        ("duration", "1:30", 90),
        ("duration", "2天", 2880),
        ("duration", "", None),
        ("lane", "后台员工行为", "backstage"),
        ("lane", "Support processes", "support"),
        ("phase", "到店", "ph1"),
        ("phase", "", None),
        ("kind", "判断", StepKind.DECISION),
        ("kind", "wait", StepKind.WAIT),
        ("moment_of_truth", "是", True),
        ("fail_point", "no", False),
        ("emotion", "-2", -2),
        ("cost", "12,50", 12.5),
        ("title", ' <&"> 🙂 ', ' <&"> 🙂 '),
    ],
)
def test_typed_text_means_a_value(key: str, text: str, value: object) -> None:
    doc = document()
    parsed = sc.parse_cell(doc, column(key), text)
    if key == "lane":
        lane = doc.get(parsed)
        assert lane is not None and lane.kind.value == value
    else:
        assert parsed == value


@pytest.mark.parametrize(
    ("key", "text"),
    [
        ("duration", "soon"),
        ("duration", "-5"),
        ("lane", "Kitchen"),
        ("phase", "Nowhere"),
        ("emotion", "3"),
        ("cost", "-1"),
        ("moment_of_truth", "maybe"),
        ("metrics", "NPS=1"),
    ],
)
def test_text_that_means_nothing_is_refused(key: str, text: str) -> None:
    with pytest.raises(sc.CellError):
        sc.parse_cell(document(), column(key), text)


def test_writing_a_lane_moves_the_step_undoably() -> None:
    doc = document()
    history = History(doc)
    with history.transaction("Lane") as tx:
        sc.write_cell(tx, "s1", column("lane"), sc.find_lane(doc, "Backstage"))
    assert doc.step("s1").lane == sc.find_lane(doc, "backstage")
    history.undo()
    assert doc.step("s1").lane == sc.find_lane(doc, "customer")
