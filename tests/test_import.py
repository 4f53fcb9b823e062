"""Import of CSV and Excel sheets (issue 19.3, 19.4): our own export comes back exactly, other
sheets are mapped by header, a layered grid becomes a layered blueprint, and bad input imports
what it can with a report, or is refused with one message and nothing written."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from blueprint_app.cli import main
from blueprint_app.export.csv import to_csv
from blueprint_app.export.xlsx import to_xlsx
from blueprint_app.importing import ImportRefused, import_file, import_rows
from blueprint_app.importing.headers import map_headers
from blueprint_app.importing.sheets import MAX_ROWS, read_csv_bytes
from blueprint_app.model import Blueprint, FlowKind, LaneKind
from blueprint_app.storage import load
from tests.test_spreadsheet_paste import EXCEL_GRID_TSV

RESOURCES = Path(__file__).parent.parent / "resources"
TEMPLATES = sorted((RESOURCES / "templates").glob("*.blueprint.json"))
assert TEMPLATES


def flows_of(blueprint: Blueprint) -> set[tuple[str, str, str]]:
    """Flows by kind and ends; an evidence link has no direction in a sheet."""
    found = set()
    for flow in blueprint.flows:
        ends = (flow.source, flow.target)
        if flow.kind == FlowKind.EVIDENCE:
            ends = tuple(sorted(ends))  # type: ignore[assignment]
        found.add((flow.kind.value, *ends))
    return found


#: Step fields the CSV has no column for: issue 20's simulation inputs live in the file only.
NOT_IN_SHEETS = {
    "resource",
    "duration_range_minutes",
    "duration_distribution",
    "wait_target_minutes",
    "failure_rate",
}


def assert_same_content(original: Blueprint, imported: Blueprint) -> None:
    """Every step with every field a sheet carries, every lane, phase and flow (ids of steps
    kept)."""
    assert [(lane.kind, lane.title) for lane in imported.lanes] == [
        (lane.kind, lane.title) for lane in original.lanes
    ]
    used = {step.phase for step in original.steps}
    assert [p.title for p in imported.phases] == [p.title for p in original.phases if p.id in used]
    lane_kind = {lane.id: (lane.kind, lane.title) for lane in original.lanes}
    new_lane = {lane.id: (lane.kind, lane.title) for lane in imported.lanes}
    phase_title = {p.id: p.title for p in original.phases}
    new_phase = {p.id: p.title for p in imported.phases}
    by_id = {step.id: step for step in imported.steps}
    assert set(by_id) == {step.id for step in original.steps}
    for step in original.steps:
        copy = by_id[step.id]
        skip = {"lane", "phase", *NOT_IN_SHEETS}
        assert copy.model_dump(exclude=skip) == step.model_dump(exclude=skip), step.id
        assert new_lane[copy.lane] == lane_kind[step.lane]
        assert new_phase.get(copy.phase or "") == phase_title.get(step.phase or "")
    assert flows_of(imported) == flows_of(original)


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: p.name)
def test_our_csv_export_round_trips_exactly(path: Path, tmp_path: Path) -> None:
    original = load(path)
    text = to_csv(original)
    sheet = tmp_path / "sheet.csv"
    sheet.write_bytes(text.encode("utf-8"))
    report = import_file(sheet)
    assert not report.skipped and report.layout == "rows"
    assert to_csv(report.blueprint) == text
    assert_same_content(original, report.blueprint)
    assert report.blueprint.language == ("zh-CN" if "zh" in original.language else "en")


@pytest.mark.parametrize("path", TEMPLATES[::3], ids=lambda p: p.name)
def test_our_xlsx_export_round_trips_exactly(path: Path, tmp_path: Path) -> None:
    original = load(path)
    book = tmp_path / "sheet.xlsx"
    book.write_bytes(to_xlsx(original))
    report = import_file(book)
    assert not report.skipped
    assert to_csv(report.blueprint) == to_csv(original)
    assert_same_content(original, report.blueprint)


def test_the_xlsx_export_has_a_bold_frozen_header(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    book = tmp_path / "out.xlsx"
    assert (
        main(["export", str(RESOURCES / "examples" / "hotel-stay.blueprint.json"), "-o", str(book)])
        == 0
    )
    sheet = load_workbook(book).worksheets[0]
    assert sheet.freeze_panes == "A2"
    assert sheet["A1"].font.bold and sheet["A1"].value == "Order"
    assert sheet.max_row == 1 + len(
        load(RESOURCES / "examples" / "hotel-stay.blueprint.json").steps
    )


def test_a_foreign_sheet_is_mapped_by_english_and_chinese_headers() -> None:
    rows = [
        ["阶段", "泳道", "名称", "负责人", "时长", "关键时刻", "Weather"],
        ["到店", "顾客", "进店", "", "2 min", "是", "sunny"],
        ["到店", "前台员工行为", "问候", "迎宾员", "30 s", "", ""],
        ["点餐", "后台", "备餐", "厨师", "1:30", "否", ""],
    ]
    columns, unknown = map_headers(rows[0])
    assert sorted(columns.values()) == sorted(
        ["phase", "lane", "step", "actor", "duration_min", "moment_of_truth"]
    )
    assert unknown == ["Weather"]
    report = import_rows(rows, "快餐")
    blueprint = report.blueprint
    assert blueprint.language == "zh-CN"
    assert [s.title for s in blueprint.steps] == ["进店", "问候", "备餐"]
    assert [s.duration_minutes for s in blueprint.steps] == [2, 0.5, 90]
    assert blueprint.steps[0].moment_of_truth and blueprint.steps[1].actor == "迎宾员"
    kinds = {lane.id: lane.kind for lane in blueprint.lanes}
    assert kinds[blueprint.steps[0].lane] == LaneKind.CUSTOMER
    assert kinds[blueprint.steps[1].lane] == LaneKind.FRONTSTAGE
    # "后台" is no lane's name: it becomes a custom lane, and the report says so
    assert kinds[blueprint.steps[2].lane] == LaneKind.CUSTOM
    assert any("后台" in note for note in report.notes)
    assert any("Weather" in note for note in report.notes)


def test_a_remembered_mapping_names_a_column_nothing_else_knows() -> None:
    rows = [["Was passiert", "Wer"], ["Bestellen", "Gast"]]
    report = import_rows(rows, "Café", remembered={"was passiert": "step", "wer": "actor"})
    assert [(s.title, s.actor) for s in report.blueprint.steps] == [("Bestellen", "Gast")]


def test_a_layered_grid_sheet_with_chinese_lanes_becomes_a_layered_blueprint() -> None:
    sheet = read_csv_bytes(EXCEL_GRID_TSV.encode("gb18030"))
    report = import_rows(sheet.rows, "快餐")
    blueprint = report.blueprint
    assert report.layout == "grid" and blueprint.language == "zh-CN"
    assert len(blueprint.steps) == 10 and not blueprint.flows
    assert [p.title for p in blueprint.phases] == ["到店", "点餐", "取餐"]


@pytest.mark.parametrize(
    ("encoding", "separator"),
    [
        ("utf-8-sig", ","),
        ("utf-8", ";"),
        ("gbk", ","),
        ("utf-16", "\t"),  # Chinese Excel's "Unicode text"
        ("utf-16-le", ","),
    ],
)
def test_encodings_and_separators_from_chinese_and_european_excel(
    encoding: str, separator: str
) -> None:
    text = separator.join(["步骤", "泳道", "用时"]) + "\r\n"
    text += separator.join(["点一份套餐", "顾客", "3"]) + "\r\n\r\n"
    text += separator.join(["备餐", "后台员工行为", "5"]) + "\r\n"
    sheet = read_csv_bytes(text.encode(encoding))
    report = import_rows(sheet.rows, "x")
    assert [s.title for s in report.blueprint.steps] == ["点一份套餐", "备餐"]
    assert [s.duration_minutes for s in report.blueprint.steps] == [3, 5]
    assert any("empty rows" in note for note in report.notes)


def test_bad_cells_are_left_out_and_each_is_reported() -> None:
    rows = [
        ["Step", "Lane", "Duration", "Emotion", "Kind", "Fail point"],
        ["Order", "Customer", "soon", "9", "Dance", "maybe"],
        ["", "Customer", "5", "", "", ""],
        ["Pay", "Customer", "5", "-1", "Decision", "yes"],
    ]
    report = import_rows(rows, "Diner")
    steps = report.blueprint.steps
    assert [s.title for s in steps] == ["Order", "Pay"]
    assert steps[0].duration_minutes is None and steps[0].emotion is None
    assert steps[1].kind.value == "decision" and steps[1].fail_point
    text = "\n".join(report.skipped)
    for needle in (
        "row 2, duration_min",
        "row 2, emotion",
        "Dance",
        "maybe",
        "row 3: no step title",
    ):
        assert needle in text


def test_formulas_are_never_run_and_merged_cells_fill_their_range(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Step", "Lane", "Duration"])
    sheet.append(["Order", "Customer", "=1+1"])
    sheet.append(["Pay", "Customer", 5])
    sheet.append(["Leave", "Frontstage", None])
    sheet.merge_cells("B3:B4")  # "Customer" spans two rows: the second row's cell is empty
    path = tmp_path / "sheet.xlsx"
    book.save(path)
    report = import_file(path)
    steps = report.blueprint.steps
    assert [s.title for s in steps] == ["Order", "Pay", "Leave"]
    assert steps[0].duration_minutes is None and steps[1].duration_minutes == 5
    assert any("formula" in note and "C2" in note for note in report.notes)
    assert steps[2].lane == steps[1].lane == "customer"  # the merged lane cell, filled down
    assert any("merged" in note for note in report.notes)


def test_a_named_sheet_or_a_clear_refusal(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    first = book.active
    assert first is not None
    first.append(["nothing here"])
    second = book.create_sheet("Steps")
    second.append(["Step"])
    second.append(["Order"])
    path = tmp_path / "book.xlsx"
    book.save(path)
    assert [s.title for s in import_file(path, sheet="Steps").blueprint.steps] == ["Order"]
    with pytest.raises(ImportRefused, match="no sheet 'Nope'"):
        import_file(path, sheet="Nope")
    with pytest.raises(ImportRefused, match="neither one step per row nor a layered grid"):
        import_file(path)


def test_a_sheet_of_100000_rows_is_refused_at_once() -> None:
    text = "Step,Lane\r\n" + "Order,Customer\r\n" * 100_000
    started = time.perf_counter()
    with pytest.raises(Exception, match=f"more than {MAX_ROWS:,} rows"):
        read_csv_bytes(text.encode("utf-8"))
    assert time.perf_counter() - started < 10


def test_the_command_writes_the_blueprint_and_reports(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "sheet.csv"
    source.write_text("Step;Lane\r\nOrder;Kitchen\r\n", encoding="utf-8")
    out = tmp_path / "out.blueprint.json"
    assert main(["import", str(source), "-o", str(out)]) == 0
    blueprint = load(out)
    assert [s.title for s in blueprint.steps] == ["Order"]
    captured = capsys.readouterr()
    assert "1 steps" in captured.out and "Kitchen" in captured.err


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"\x00\x01\x02\xff\xfe\x00binary\x00\x00\x00\xd8", "binary"),
        (b"just,some,numbers\r\n1,2,3\r\n", "neither one step per row"),
        (b"\xff\xd8\xff\xe0 not text at all \x80\x81", "not text"),
    ],
)
def test_the_command_refuses_with_one_message_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, message: str
) -> None:
    source = tmp_path / "sheet.csv"
    source.write_bytes(content)
    out = tmp_path / "out.blueprint.json"
    assert main(["import", str(source), "-o", str(out)]) == 2
    assert not out.exists()
    error = capsys.readouterr().err.strip()
    assert re.search(message, error) and len(error.splitlines()) == 1


def test_the_command_refuses_an_xlsx_that_is_not_one(tmp_path: Path) -> None:
    source = tmp_path / "sheet.xlsx"
    source.write_bytes(b"PK\x03\x04 broken zip")
    out = tmp_path / "out.blueprint.json"
    assert main(["import", str(source), "-o", str(out)]) == 2
    assert not out.exists()


def test_the_report_speaks_chinese_too() -> None:
    rows = [["步骤", "用时"], ["点餐", "马上"], ["", "5"]]
    report = import_rows(rows, "快餐")
    said = [remark.said("zh-CN") for remark in report.skipped]
    assert "第 2 行，用时（分钟）：“马上”不是时间，留空" in said
    assert "第 3 行：没有步骤标题" in said
    assert report.skipped[0] == "row 2, duration_min: '马上' is no time; left empty"


def test_every_message_has_both_languages_with_the_same_blanks() -> None:
    import string

    from blueprint_app.importing.messages import MESSAGES

    def blanks(text: str) -> set[str]:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}

    for code, (english, chinese) in MESSAGES.items():
        assert english and chinese and english != chinese, code
        assert blanks(english) == blanks(chinese), code
