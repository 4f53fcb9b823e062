"""No flow in the shipped templates and example runs through a card it does not join.

A route through a card reads as a flow into it; on a slide nobody can tell the two apart.
"""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from PySide6.QtWidgets import QGraphicsScene

from blueprint_app.export.image import ensure_qt
from blueprint_app.render.scene_builder import BlueprintItems, laid_out_copy
from blueprint_app.storage import load

ROOT = Path(__file__).parent.parent
SHIPPED = sorted((ROOT / "resources" / "templates").glob("*.blueprint.json")) + sorted(
    (ROOT / "resources" / "examples").glob("*.blueprint.json"))


@pytest.mark.parametrize("path", SHIPPED, ids=lambda path: path.name)
def test_routes_run_clear_of_other_cards(path: Path) -> None:
    ensure_qt()
    scene = QGraphicsScene()
    items = BlueprintItems(scene, laid_out_copy(load(path)))
    items.build()
    crossings = []
    for flow_id, item in items.flows.items():
        flow = items.flow(flow_id)
        for (x1, y1), (x2, y2) in itertools.pairwise(item.points):
            for step_id in items.cards:
                card = items.card_rect(step_id)
                if step_id not in (flow.source, flow.target) and (
                        min(x1, x2) < card.right - 1 and max(x1, x2) > card.x + 1
                        and min(y1, y2) < card.bottom - 1 and max(y1, y2) > card.y + 1):
                    crossings.append((flow_id, step_id))
    assert not crossings, f"flows through cards: {sorted(set(crossings))}"
