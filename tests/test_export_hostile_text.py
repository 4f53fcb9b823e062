"""Text no exporter may trip over: control characters, Markdown line markers, Mermaid directives."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from blueprint_app.export.bpmn import to_bpmn
from blueprint_app.export.markdown import to_markdown
from blueprint_app.export.mermaid import to_mermaid
from blueprint_app.model import Blueprint
from blueprint_app.storage import load
from tests.conftest import DATA


def test_control_characters_do_not_break_the_bpmn_xml() -> None:
    blueprint = load(DATA / "coffee.blueprint.json")
    blueprint.title = "Ctl\x01title\x1b"
    blueprint.steps[2].title = "Order\x0b a drink\x00"
    blueprint.flows[6].label = "wrong\x08 drink"
    root = ET.fromstring(to_bpmn(blueprint).encode("utf-8"))
    names = {element.get("name") for element in root.iter()}
    assert {"Ctltitle", "Order a drink", "wrong drink"} <= names


def test_a_description_cannot_turn_into_a_heading_or_list() -> None:
    blueprint = load(DATA / "coffee.blueprint.json")
    blueprint.description = "# Not a heading"
    blueprint.phases[0].description = "1. not a list"
    text = to_markdown(blueprint)
    assert "\\# Not a heading" in text
    assert "1\\. not a list" in text
    assert "\n# Not a heading" not in text


def test_a_title_cannot_become_a_mermaid_directive() -> None:
    blueprint = load(DATA / "coffee.blueprint.json")
    blueprint.title = "Hi %%{init: {'theme': 'dark'}}%%"
    first = to_mermaid(blueprint).splitlines()[0]
    assert first.startswith("%% ")
    assert "%%" not in first[3:]


#: Every character XML 1.0 refuses, and Word's manual line break (VT) among them.
CONTROLS = "".join(map(chr, [*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20)])) + "\ufffe\uffff"


def _every_text(blueprint: Blueprint, text: str) -> Blueprint:
    """Put ``text`` into every free-text field of the blueprint."""
    blueprint.title = blueprint.description = f"Title{text}"
    blueprint.customer = f"Customer{text}"
    for group in (blueprint.lanes, blueprint.phases):
        for item in group:
            item.title = f"{item.title}{text}"
    for step in blueprint.steps:
        step.title = f"{step.title}{text}"
        step.actor = f"Actor{text}"
        step.description = f"Said{text}"
    for flow in blueprint.flows:
        flow.label = f"Label{text}"
    for note in blueprint.notes:
        note.text = f"Note{text}"
    return blueprint


def test_control_characters_in_every_text_field_leave_every_xml_output_parsable() -> None:
    from blueprint_app.export.formats import FORMATS
    from blueprint_app.export.options import ExportOptions
    from blueprint_app.export.pipeline import export_document

    blueprint = _every_text(load(DATA / "coffee.blueprint.json"), CONTROLS)
    svg = export_document(blueprint, FORMATS["svg"], ExportOptions())
    ET.fromstring(svg)  # raises on a character XML cannot carry
    assert b"TitleCustomer" not in svg and b"Title" in svg
    ET.fromstring(to_bpmn(blueprint).encode("utf-8"))
    html = export_document(blueprint, FORMATS["html"], ExportOptions()).decode("utf-8")
    embedded = html[html.index("<svg") : html.index("</svg>") + len("</svg>")]
    ET.fromstring(embedded)
    assert not set(CONTROLS) & set(html)


def test_a_bare_cr_cannot_inject_markdown_headings_list_items_or_table_rows() -> None:
    blueprint = load(DATA / "coffee.blueprint.json")
    rows_before = to_markdown(blueprint).count("\n|")
    blueprint.steps[2].title = "Arrive\r# HEADING\r- item"
    blueprint.steps[3].actor = "Barista\u2028| cell |\x0bnext"
    text = to_markdown(blueprint)
    assert "\r" not in text and "\x0b" not in text and "\u2028" not in text
    lines = text.split("\n")
    assert not any(line.startswith(("# HEADING", "- item")) for line in lines)
    assert text.count("\n|") == rows_before
    assert "| Arrive<br># HEADING<br>- item |" in text  # one table cell: no line starts there


def test_a_bare_cr_cannot_start_a_new_mermaid_statement() -> None:
    blueprint = load(DATA / "coffee.blueprint.json")
    lines_before = len(to_mermaid(blueprint).splitlines())
    blueprint.steps[2].title = "Order\rclick a call alert()"
    text = to_mermaid(blueprint)
    assert "\r" not in text and len(text.splitlines()) == lines_before


def test_csv_cells_carry_one_kind_of_line_break_and_no_controls() -> None:
    from blueprint_app.export.csv import to_csv

    blueprint = load(DATA / "coffee.blueprint.json")
    blueprint.steps[2].title = "Order\ra\x0bdrink\x00"
    text = to_csv(blueprint)
    assert "Order\na\ndrink" in text
    assert "\x0b" not in text and "\x00" not in text


def test_a_card_title_draws_control_characters_as_nothing_and_breaks_as_spaces() -> None:
    from blueprint_app.render.text import one_line

    assert one_line("A\x00B\x0bC\rD\u2028E\x1b[31mF") == "AB C D E[31mF"
