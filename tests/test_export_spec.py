"""The process specification in Markdown, HTML and CSV: complete, escaped, in the file's language."""

from __future__ import annotations

import csv
import io
from html.parser import HTMLParser
from pathlib import Path
from types import SimpleNamespace

import pytest

from benchmarks.generate import generate_blueprint
from blueprint_app.export.csv import to_csv
from blueprint_app.export.html import to_html
from blueprint_app.export.markdown import escape as md_escape
from blueprint_app.export.markdown import to_markdown
from blueprint_app.export.spec import Finding, as_finding, build_spec
from blueprint_app.model import Blueprint, Flow, FlowKind
from blueprint_app.storage import load
from tests.conftest import DATA, ODD_TEXT

#: The coffee example's hand-offs, worked out by hand: (from step, to step)
COFFEE_HANDOFFS = {
    ("Take order and payment", "Point-of-sale system"),  # frontstage → support: both lines
    ("Point-of-sale system", "Make the drink"),  # support → backstage: internal interaction
    ("Make the drink", "Call name, hand over"),
    ("Remake with priority", "Call name, hand over"),
}


def coffee() -> Blueprint:
    """The example, with the order ticket going from the till to the barista (flow f4) pinned
    so these hand-offs hold whichever version of the example file is checked out."""
    blueprint = Blueprint.model_validate_json((DATA / "coffee.blueprint.json").read_text("utf-8"))
    f4 = next(flow for flow in blueprint.flows if flow.id == "f4")
    f4.source, f4.target = "pos", "make"
    return blueprint


class Page(HTMLParser):
    """Text per table row, all text, and every tag used: what a browser would show."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: set[str] = set()
        self.text: list[str] = []
        self.rows: list[list[str]] = []
        self._cell: list[str] | None = None
        self._in = ""

    def handle_starttag(self, tag: str, _attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self._in = tag
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self._cell = []
        elif tag == "br" and self._cell is not None:
            self._cell.append("\n")

    def handle_endtag(self, tag: str) -> None:
        self._in = ""
        if tag in ("td", "th") and self._cell is not None:
            self.rows[-1].append("".join(self._cell))
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._in not in ("style", "title"):
            self.text.append(data)
        if self._cell is not None:
            self._cell.append(data)


def parse(text: str) -> Page:
    page = Page()
    page.feed(text)
    page.close()
    return page


def csv_rows(text: str) -> list[dict[str, str]]:
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"), newline="")))


def test_markdown_has_every_step_and_handoff() -> None:
    blueprint = coffee()
    text = to_markdown(blueprint)
    for step in blueprint.steps:
        assert step.title in text
    table = text.split("## Hand-offs", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in table.splitlines() if line.startswith("| ")][1:]
    assert {(r.split(" | ")[2], r.split(" | ")[4].rstrip(" |")) for r in rows} == COFFEE_HANDOFFS
    assert (
        "| Line of visibility + Line of internal interaction | Barista (Frontstage) | Take order and payment |"
        in table
    )
    assert (
        "| Line of internal interaction | IT (Support processes) | Point-of-sale system |" in table
    )
    assert "\\[wrong drink\\] → Remake with priority → Call name, hand over" in text
    assert "5 min 30 s (within the target of 6 min)" in text
    # the customer's table names no actor or channel: those columns are left out, not blank
    assert (
        "| Order a drink | 1 min 30 s / 2 min | Greeted within 30 seconds | Moment of truth |"
        in text
    )
    assert "| Step | Duration / Target | Service standard | Flags |" in text
    assert "| Order a drink | Menu board |" in text


def test_markdown_order_inside_a_phase_follows_the_flow() -> None:
    text = to_markdown(coffee())
    collect = text.split("### 2. Collect", 1)[1]
    assert (
        collect.index("Physical evidence")
        < collect.index("Customer actions")
        < collect.index("Frontstage")
        < collect.index("Backstage")
    )
    assert collect.index("Make the drink") < collect.index("Remake with priority")
    order = text.split("### 1. Order", 1)[1].split("### 2.", 1)[0]
    assert order.index("Walk in") < order.index("Order a drink")


def test_markdown_escapes_odd_text() -> None:
    blueprint = coffee()
    blueprint.steps[2].title = ODD_TEXT
    text = to_markdown(blueprint)
    assert md_escape(ODD_TEXT) in text
    assert "<tag>" not in text and "<b>" not in text and "| back" not in text
    assert md_escape("a|b <c> & *d*") == "a\\|b \\<c\\> \\& \\*d\\*"


def test_html_has_every_step_and_handoff() -> None:
    blueprint = coffee()
    page = parse(to_html(blueprint))
    text = "".join(page.text)
    for step in blueprint.steps:
        assert step.title in text
    handoffs = {
        (row[2], row[4]) for row in page.rows if len(row) == 5 and row[0].startswith("Line of")
    }
    assert handoffs == COFFEE_HANDOFFS
    assert page.tags <= {
        "html",
        "head",
        "meta",
        "title",
        "style",
        "body",
        "main",
        "h1",
        "h2",
        "h3",
        "h4",
        "p",
        "dl",
        "dt",
        "dd",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "br",
        "footer",
    }


def test_html_is_self_contained_and_printable() -> None:
    text = to_html(coffee())
    assert text.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in text
    assert "@media print" in text and "@page" in text
    assert "<link" not in text and "<script" not in text and "src=" not in text
    assert "<svg" not in text  # no diagram given: none embedded


def test_html_embeds_a_given_svg_without_its_xml_prologue() -> None:
    svg = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE svg>\n'
        '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="5" '
        'height="5"/></svg>'
    )
    text = to_html(coffee(), svg=svg)
    assert '<figure class="diagram"><svg xmlns="http://www.w3.org/2000/svg"' in text
    assert "<?xml" not in text and "<!DOCTYPE svg>" not in text
    assert "rect" in parse(text).tags


def test_html_escapes_odd_text_everywhere() -> None:
    blueprint = coffee()
    blueprint.title = ODD_TEXT
    blueprint.customer = ODD_TEXT
    blueprint.phases[0].title = ODD_TEXT
    blueprint.lanes[2].title = ODD_TEXT
    blueprint.steps[3].title = ODD_TEXT  # take-order: in the hand-off table too
    blueprint.steps[3].actor = ODD_TEXT
    blueprint.flows[3].label = ODD_TEXT
    page = parse(to_html(blueprint, findings=[("BP001", "error", ODD_TEXT)]))
    assert "tag" not in page.tags and "b" not in page.tags
    cells = [cell for row in page.rows for cell in row]
    assert ODD_TEXT in cells  # a cell holding exactly the text, line break included
    assert sum(ODD_TEXT in cell for cell in cells) >= 5
    joined = "".join(page.text)
    for line in ODD_TEXT.split("\n"):
        assert line in joined


def test_csv_one_row_per_step_in_flow_order() -> None:
    blueprint = coffee()
    text = to_csv(blueprint)
    rows = csv_rows(text)
    assert [row["Step"] for row in rows][:3] == ["Walk in", "Menu board", "Order a drink"]
    assert sorted(row["ID"] for row in rows) == sorted(step.id for step in blueprint.steps)
    make = next(row for row in rows if row["ID"] == "make")
    assert make["Fail point"] == "yes" and make["Recovery to"] == "Remake with priority"
    assert make["Duration (min)"] == "3" and make["Target (min)"] == "3"
    assert make["Actor"] == "Barista" and make["Lane kind"] == "backstage"
    order = next(row for row in rows if row["ID"] == "order-drink")
    assert order["Evidence"] == "Menu board" and order["Moment of truth"] == "yes"
    assert order["Emotion"] == "1" and order["Service standard"] == "Greeted within 30 seconds"
    by_title = {row["Step"]: row for row in rows}
    for source, target in COFFEE_HANDOFFS:  # every hand-off: the receiving step is named
        assert target in by_title[source]["Next steps"].split("; ")
    assert "\r\n" in text


def test_csv_round_trips_odd_text_and_defuses_formulas() -> None:
    blueprint = coffee()
    blueprint.steps[2].title = ODD_TEXT
    blueprint.steps[2].standard = ODD_TEXT
    blueprint.steps[3].title = '=HYPERLINK("http://x")'
    blueprint.steps[4].title = "-1"
    data = to_csv(blueprint).encode("utf-8")
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    by_id = {row["ID"]: row for row in rows}
    assert by_id["order-drink"]["Step"] == ODD_TEXT
    assert by_id["order-drink"]["Service standard"] == ODD_TEXT
    assert by_id["take-order"]["Step"] == '\'=HYPERLINK("http://x")'
    assert by_id["make"]["Step"] == "'-1"


def test_chinese_headings_follow_the_blueprint_language() -> None:
    blueprint = coffee()
    blueprint.language = "zh-CN"
    md, html = to_markdown(blueprint), to_html(blueprint)
    for text in (md, html):
        for word in (
            "服务流程说明书",
            "概况",
            "各阶段步骤",
            "顾客各步骤的有形展示",
            "交接",
            "失误点与补救",
            "顾客耗时",
            "校验结果",
            "可视分界线",
            "内部互动分界线",
        ):
            assert word in text
        assert "Process specification" not in text and "Hand-offs" not in text
    assert "5 分钟 30 秒" in md and "1 分钟 30 秒 / 2 分钟" in md
    assert '<html lang="zh-CN">' in html
    header = csv_rows(to_csv(blueprint))[0].keys()
    assert "步骤" in header and "失误点" in header
    assert "Process specification" in to_markdown(blueprint, lang="en")  # --lang wins


def test_english_for_unknown_languages() -> None:
    blueprint = coffee()
    blueprint.language = "fr"
    assert "Process specification" in to_markdown(blueprint)
    assert "服务流程说明书" in to_markdown(blueprint, lang="zh-Hans")


def test_validation_summary_seam() -> None:
    blueprint = coffee()
    assert "Not checked in this export." in to_markdown(blueprint)
    assert "No problems found." in to_markdown(blueprint, findings=[])
    finding = SimpleNamespace(
        rule_id="BP007",
        severity=SimpleNamespace(value="WARNING"),
        message="Fail point without recovery",
    )
    text = to_markdown(blueprint, findings=[finding, ("BP001", "error", "No start step")])
    assert "1 error, 1 warning, 0 info findings" in text  # counted as words are, no "notes"
    two = [finding, finding, ("BP001", "info", "x")]
    assert "0 errors, 2 warnings, 1 info finding" in to_markdown(blueprint, findings=two)
    assert "| BP001 | info | x |" in to_markdown(blueprint, findings=two)  # not a "note"
    assert "| BP007 | warning | Fail point without recovery |" in text
    assert "| BP001 | error | No start step |" in text
    assert as_finding(("X", "info", "m")) == Finding("X", "info", "m")


def test_timing_over_target_and_without_flows() -> None:
    blueprint = coffee()
    blueprint.target_minutes = 4
    assert "over the target of 4 min by 1 min 30 s" in to_markdown(blueprint)
    blueprint.target_minutes = None
    assert "no target set" in to_markdown(blueprint)
    blueprint.flows = []
    text = to_markdown(blueprint)
    assert "No flows: there is no path to time." in text
    assert "No work crosses these lines." in text


def test_fail_point_without_recovery_is_called_out() -> None:
    blueprint = coffee()
    blueprint.flows = [f for f in blueprint.flows if f.kind != "recovery"]
    assert "⚠ no recovery path" in to_markdown(blueprint)


def test_cycles_do_not_stop_the_spec() -> None:
    blueprint = coffee()
    blueprint.flows.append(Flow(id="back", source="leave", target="arrive"))
    spec = build_spec(blueprint)
    assert len(spec.steps) == len(blueprint.steps)
    order = [entry.step.id for entry in spec.steps]
    assert order.index("arrive") < order.index("order-drink") < order.index("leave")


@pytest.mark.parametrize("exporter", [to_markdown, to_html, to_csv])
def test_large_generated_blueprint_exports_every_step(exporter: object) -> None:
    blueprint = generate_blueprint(300)
    text = exporter(blueprint)  # type: ignore[operator]
    assert all(step.title in text for step in blueprint.steps)


def test_a_hand_off_by_an_unnamed_actor_names_the_lane_once() -> None:
    """ "Backstage (Backstage)" said nothing twice; an actor is still shown with its lane."""
    blueprint = coffee()
    for step in blueprint.steps:
        step.actor = ""
    text = to_markdown(blueprint)
    for lane in blueprint.lanes:
        assert f"{lane.title} ({lane.title})" not in text
    blueprint = coffee()
    named = [s for s in blueprint.steps if s.actor]
    assert named and any(f"{s.actor} (" in to_markdown(blueprint) for s in named)


def test_times_read_in_human_units_and_csv_keeps_minutes() -> None:
    """A 48-hour call-back target reads "2 d", not "2880 min"; a spreadsheet still gets 2880."""
    blueprint = coffee()
    make = next(step for step in blueprint.steps if step.id == "make")
    make.duration_minutes, make.target_minutes = 90, 2880
    blueprint.target_minutes = 0.75
    md, html = to_markdown(blueprint), to_html(blueprint)
    for text in (md, html):
        assert "1 h 30 min / 2 d" in text and "2880" not in text
        assert "over the target of 45 s by 1 h" in text
    chinese = to_markdown(blueprint, lang="zh-CN")
    assert "1 小时 30 分钟 / 2 天" in chinese and "超出时限目标 45 秒" in chinese
    row = next(row for row in csv_rows(to_csv(blueprint)) if row["ID"] == "make")
    assert row["Duration (min)"] == "90" and row["Target (min)"] == "2880"


def test_encounters_across_the_line_of_interaction_show_two_way_interactions() -> None:
    # Bitner, Ostrom & Morgan (2008): check-in is guest ↔ front desk; the call to room service
    # goes straight to the backstage and is listed with the hand-offs (it crosses two lines)
    published = Path(__file__).parent / "data" / "published"
    blueprint = load(published / "bitner-2008-hotel-stay.blueprint.json")
    text = to_markdown(blueprint)
    encounters = text.split("## Encounters across the line of interaction")[1].split("\n## ")[0]
    assert "| Customer actions | Check in | ↔ | in person |" in encounters
    assert "| Customer actions | Give bags to bellperson | → |" in encounters
    assert "Call room service" not in encounters
    handoffs = text.split("## Hand-offs")[1].split("\n## ")[0]
    assert "Line of interaction + Line of visibility | Customer actions | Call room service" in (
        handoffs
    )
    blueprint.language = "zh-CN"
    assert "## 互动分界线上的接触" in to_markdown(blueprint)
    html = to_html(blueprint)
    assert "互动分界线上的接触" in html and "↔" in html


def test_a_blueprint_without_encounters_has_no_encounter_section() -> None:
    blueprint = coffee()
    blueprint.flows = [flow for flow in blueprint.flows if flow.kind is FlowKind.EVIDENCE]
    assert "Encounters across the line of interaction" not in to_markdown(blueprint)
