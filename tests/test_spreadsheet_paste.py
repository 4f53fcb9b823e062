"""Spreadsheet cells as clipboard text and HTML, and the steps pasted from them (issue 19.2).

The clipboard contents are as Excel (Windows, the "HTML Format" flavour once Qt has taken its
header off), LibreOffice Calc (Linux, text/html) and WPS put a copied block there."""

from __future__ import annotations

from blueprint_app.analysis.geometry import COLUMN_PITCH
from blueprint_app.editing import spreadsheet
from blueprint_app.history import Document, History
from blueprint_app.model import LaneKind, new_blueprint
from blueprint_app.model.integrity import integrity_problems

# A layered grid with Chinese lane names, copied from Excel: tab-separated, CRLF, a trailing
# line end, a cell with a line break in double quotes, an empty cell.
EXCEL_GRID_TSV = (
    "\t到店\t点餐\t取餐\r\n"
    "有形展示\t门头招牌\t菜单板\t\r\n"
    '顾客\t进店\t"看菜单\n点一份套餐"\t取餐\r\n'
    "前台员工行为\t问候\t收银\t叫号\r\n"
    "后台员工行为\t\t备餐\t\r\n"
    "支持过程\t\t点餐系统\t\r\n"
)

EXCEL_GRID_HTML = """<html xmlns:v="urn:schemas-microsoft-com:vml"
xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:x="urn:schemas-microsoft-com:office:excel"
xmlns="http://www.w3.org/TR/REC-html40">
<head>
<meta http-equiv=Content-Type content="text/html; charset=utf-8">
<meta name=ProgId content=Excel.Sheet>
<meta name=Generator content="Microsoft Excel 15">
<style>
<!--table
	{mso-displayed-decimal-separator:"\\.";
	mso-displayed-thousand-separator:"\\,";}
br
	{mso-data-placement:same-cell;}
td	{padding-top:1px; mso-number-format:General;
	font-family:宋体;
	mso-font-charset:134;}
-->
</style>
</head>
<body link="#0563C1" vlink="#954F72">
<table border=0 cellpadding=0 cellspacing=0 width=288 style='border-collapse:
 collapse;width:216pt'>
<!--StartFragment-->
 <col width=72 span=4 style='width:54pt'>
 <tr height=19 style='height:14.25pt'>
  <td height=19 width=72 style='height:14.25pt;width:54pt'></td>
  <td width=72 style='width:54pt'>到店</td>
  <td width=72 style='width:54pt'>点餐</td>
  <td width=72 style='width:54pt'>取餐</td>
 </tr>
 <tr height=19 style='height:14.25pt'>
  <td height=19 style='height:14.25pt'>有形展示</td>
  <td>门头招牌</td>
  <td>菜单板</td>
  <td></td>
 </tr>
 <tr height=38 style='height:28.5pt'>
  <td height=38 style='height:28.5pt'>顾客</td>
  <td>进店</td>
  <td class=xl65 width=72 style='width:54pt'>看菜单<br>
    点一份套餐</td>
  <td>取餐</td>
 </tr>
 <tr height=19 style='height:14.25pt'>
  <td height=19 style='height:14.25pt'>前台员工行为</td>
  <td>问候</td>
  <td>收银</td>
  <td>叫号</td>
 </tr>
 <tr height=19 style='height:14.25pt'>
  <td height=19 style='height:14.25pt'>后台员工行为</td>
  <td></td>
  <td>备餐</td>
  <td></td>
 </tr>
 <tr height=19 style='height:14.25pt'>
  <td height=19 style='height:14.25pt'>支持过程</td>
  <td></td>
  <td>点餐系统</td>
  <td></td>
 </tr>
<!--EndFragment-->
</table>
</body>
</html>
"""

# LibreOffice Calc: empty cells hold <br> (inside <font> when formatted), numbers carry sdval,
# attributes go unquoted (colspan=2, valign=middle), a merged header cell spans two.
CALC_HTML = """<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.0 Transitional//EN">
<html><head><meta http-equiv="content-type" content="text/html; charset=utf-8"/><title></title>
<meta name="generator" content="LibreOffice 7.6.4.1 (Linux)"/><style type="text/css">
body,div,table,thead,tbody,tfoot,tr,th,td,p { font-family:"Liberation Sans"; font-size:x-small }
</style></head><body><table cellspacing="0" border="0">
<colgroup width="85"></colgroup><colgroup span="2" width="85"></colgroup>
<tr><td height="17" align="left"><br></td><td colspan=2 align="center">Arrival</td></tr>
<tr><td height="17" align="left">Customer</td><td align="left">Walk in</td>
<td align="right" sdval="5" sdnum="1033;">5</td></tr>
<tr><td height="17" align="left">Backstage</td><td align="left" valign=middle><font size=1><br></font></td>
<td align="left" valign=bottom><font color="#000000">Fry &amp; pack</font></td></tr>
</table></body></html>"""

CALC_TSV = "\tArrival\t\nCustomer\tWalk in\t5\nBackstage\t\tFry & pack\n"


def test_excel_text_and_html_give_the_same_cells() -> None:
    from_text = spreadsheet.parse_tsv(EXCEL_GRID_TSV)
    from_html = spreadsheet.parse_html_table(EXCEL_GRID_HTML)
    assert from_text == from_html
    assert from_text[2] == ["顾客", "进店", "看菜单\n点一份套餐", "取餐"]
    assert len(from_text) == 6


def test_calc_html_fills_merged_cells_and_drops_empty_line_breaks() -> None:
    rows = spreadsheet.parse_html_table(CALC_HTML)
    assert rows == [["", "Arrival"], ["Customer", "Walk in", "5"], ["Backstage", "", "Fry & pack"]]
    assert spreadsheet.parse_tsv(CALC_TSV) == rows


def test_the_clipboard_text_wins_and_html_stands_in_for_none() -> None:
    assert spreadsheet.clipboard_rows(CALC_TSV, CALC_HTML) == spreadsheet.parse_tsv(CALC_TSV)
    assert spreadsheet.clipboard_rows("", CALC_HTML) == spreadsheet.parse_html_table(CALC_HTML)
    assert spreadsheet.clipboard_rows("  \r\n", "") == []


def chinese_document() -> tuple[Document, History]:
    document = Document(new_blueprint("快餐", "zh-CN"))
    return document, History(document)


def test_a_layered_grid_with_chinese_lane_names_becomes_one_card_per_cell() -> None:
    document, history = chinese_document()
    rows = spreadsheet.parse_tsv(EXCEL_GRID_TSV)
    assert spreadsheet.grid_lanes(document.blueprint.lanes, rows) is not None
    with history.transaction("Paste") as tx:
        report = spreadsheet.paste_grid(tx, rows)
    blueprint = document.blueprint
    assert len(history.entries) == 1
    assert [p.title for p in blueprint.phases] == ["到店", "点餐", "取餐"]
    assert len(report.steps) == 10 and not report.refused
    assert not blueprint.flows  # the layered style
    by_title = {s.title: s for s in blueprint.steps}
    lane_kind = {lane.id: lane.kind for lane in blueprint.lanes}
    order = by_title["看菜单"]
    assert order.description == "点一份套餐"
    assert lane_kind[order.lane] == LaneKind.CUSTOMER
    assert order.phase == blueprint.phases[1].id
    assert lane_kind[by_title["菜单板"].lane] == LaneKind.PHYSICAL_EVIDENCE
    assert by_title["菜单板"].kind.value == "evidence"
    assert lane_kind[by_title["点餐系统"].lane] == LaneKind.SUPPORT
    assert order.layout is not None and by_title["进店"].layout is not None
    assert order.layout.x - by_title["进店"].layout.x == COLUMN_PITCH
    assert not integrity_problems(blueprint.model_dump(mode="json"))  # a file that saves
    history.undo()
    assert not document.blueprint.steps and not document.blueprint.phases


def test_a_grid_pasted_twice_reuses_its_phases_and_goes_to_the_right() -> None:
    document, history = chinese_document()
    rows = spreadsheet.parse_tsv(EXCEL_GRID_TSV)
    for _ in range(2):
        with history.transaction("Paste") as tx:
            spreadsheet.paste_grid(tx, rows)
    assert len(document.blueprint.phases) == 3
    xs = sorted({s.layout.x for s in document.blueprint.steps if s.layout})
    assert len(xs) == 6


def test_an_unknown_lane_row_is_reported_and_the_rest_pasted() -> None:
    _, history = chinese_document()
    rows = spreadsheet.parse_tsv(EXCEL_GRID_TSV + "厨房\t切菜\t\t\r\n")
    with history.transaction("Paste") as tx:
        report = spreadsheet.paste_grid(tx, rows)
    assert len(report.steps) == 10
    assert report.refused and "厨房" in report.refused[0]


def test_english_grid_without_a_header_has_no_phases() -> None:
    document = Document(new_blueprint("Diner", "en"))
    history = History(document)
    rows = spreadsheet.parse_tsv("Customer\tOrder\tEat\r\nFrontstage\tTake the order\r\n")
    with history.transaction("Paste") as tx:
        report = spreadsheet.paste_grid(tx, rows)
    assert len(report.steps) == 3
    assert all(s.phase is None for s in document.blueprint.steps)


def test_plain_lines_are_not_a_grid_and_become_a_row_of_steps() -> None:
    document = Document(new_blueprint("Diner", "en"))
    history = History(document)
    rows = spreadsheet.parse_tsv("Order at the counter\nPay <&> 🙂\n\nWait for the number\n")
    assert spreadsheet.grid_lanes(document.blueprint.lanes, rows) is None
    customer = next(lane.id for lane in document.blueprint.lanes if lane.kind.value == "customer")
    with history.transaction("Paste") as tx:
        report = spreadsheet.paste_lines(tx, rows, customer, None, 100.0)
    steps = document.blueprint.steps
    assert [s.title for s in steps] == ["Order at the counter", "Pay <&> 🙂", "Wait for the number"]
    assert [s.layout.x for s in steps if s.layout] == [
        100.0,
        100 + COLUMN_PITCH,
        100 + 2 * COLUMN_PITCH,
    ]
    assert {s.lane for s in steps} == {customer} and len(report.steps) == 3
    assert len(history.entries) == 1
