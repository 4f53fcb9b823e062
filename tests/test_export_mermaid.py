"""Mermaid flowchart text: phases as subgraphs, shapes by kind, labels that cannot break out."""

from __future__ import annotations

import html
import re

from blueprint_app.export.mermaid import label, to_mermaid
from blueprint_app.model import Blueprint
from tests.conftest import DATA, ODD_TEXT

NODE = re.compile(r'^\s+(s\d+)(\(\["|\{\{"|\{"|>"|\[")(.*?)("\]\)|"\}\}|"\}|"\])$')


def coffee() -> Blueprint:
    return Blueprint.model_validate_json((DATA / "coffee.blueprint.json").read_text("utf-8"))


def unescape(text: str) -> str:
    """Mermaid's ``#name;``/``#35;`` entity codes back to characters, as Mermaid does."""
    text = text.replace("<br>", "\n")
    return re.sub(
        r"#(\w+);", lambda m: html.unescape(f"&{'#' if m[1].isdigit() else ''}{m[1]};"), text
    )


def nodes(text: str) -> dict[str, tuple[str, str]]:
    found = {}
    for line in text.splitlines():
        match = NODE.match(line)
        if match:
            found[match[1]] = (match[2], unescape(match[3]))
    return found


def test_structure() -> None:
    blueprint = coffee()
    text = to_mermaid(blueprint)
    lines = text.splitlines()
    assert "flowchart LR" in lines
    assert lines.count('  subgraph p1["Order"]') == 1 and '  subgraph p2["Collect"]' in lines
    assert lines.count("  end") == 2
    found = nodes(text)
    titles = {title: shape for shape, title in found.values()}
    assert sorted(titles) == sorted(step.title for step in blueprint.steps)
    assert titles["Walk in"] == '(["' and titles["Leave with the drink"] == '(["'
    assert titles["Wait at the counter"] == '{{"' and titles["Menu board"] == '>"'
    assert titles["Order a drink"] == '["'
    arrows = [line.strip() for line in lines if re.match(r"\s+s\d+ (-->|-\.->|---)", line)]
    assert len(arrows) == len(blueprint.flows)
    assert sum(" -.->" in a for a in arrows) == 1 and '|"wrong drink"|' in text
    assert sum(" --- " in a for a in arrows) == 2
    assert "  class s5 fail" in lines and "  class s1,s9 evidence" in lines


def test_decision_shape_and_reserved_ids() -> None:
    blueprint = coffee()
    blueprint.steps[2].kind = "decision"  # type: ignore[assignment]
    blueprint.steps[2].id = "end"  # a Mermaid keyword as a blueprint id
    blueprint.flows[0].target = "end"
    text = to_mermaid(Blueprint.model_validate(blueprint.model_dump()))
    assert '{"Order a drink"}' in text
    assert re.search(r"^\s+end\b(?!$)", text, re.MULTILINE) is None


def test_odd_labels_come_back_intact() -> None:
    blueprint = coffee()
    blueprint.steps[2].title = ODD_TEXT
    blueprint.phases[0].title = ODD_TEXT
    blueprint.flows[6].label = ODD_TEXT
    text = to_mermaid(blueprint)
    assert ODD_TEXT in [title for _, title in nodes(text).values()]
    escaped = label(ODD_TEXT)
    assert all(ch not in escaped.replace("<br>", "") for ch in '"<>&`|[]{}\n')
    assert unescape(escaped) == ODD_TEXT
    assert f'subgraph p1["{escaped}"]' in text and f'|"{escaped}"|' in text
