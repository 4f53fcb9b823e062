"""Text no exporter may trip over: control characters, Markdown line markers, Mermaid directives."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from blueprint_app.export.bpmn import to_bpmn
from blueprint_app.export.markdown import to_markdown
from blueprint_app.export.mermaid import to_mermaid
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
