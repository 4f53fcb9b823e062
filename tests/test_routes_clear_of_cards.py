"""No flow in the shipped templates and example runs through a card it does not join.

A route through a card reads as a flow into it; on a slide nobody can tell the two apart.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QGraphicsScene

from blueprint_app.analysis.geometry import Rect
from blueprint_app.pictures.image import ensure_qt
from blueprint_app.render.scene_builder import BlueprintItems, laid_out_copy
from blueprint_app.storage import load
from tests.test_layout_geometry import _crosses

ROOT = Path(__file__).parent.parent
SHIPPED = sorted((ROOT / "resources" / "templates").glob("*.blueprint.json")) + sorted(
    (ROOT / "resources" / "examples").glob("*.blueprint.json")
)


@pytest.mark.parametrize("path", SHIPPED, ids=lambda path: path.name)
def test_routes_run_clear_of_other_cards(path: Path) -> None:
    ensure_qt()
    scene = QGraphicsScene()
    items = BlueprintItems(scene, laid_out_copy(load(path)))
    items.build()
    crossings = []
    for flow_id, item in items.flows.items():
        flow = items.flow(flow_id)
        for step_id in items.cards:
            card = items.card_rect(step_id)
            inner = Rect(card.x + 1, card.y + 1, card.w - 2, card.h - 2)  # touching is fine
            if step_id not in (flow.source, flow.target) and _crosses(item.points, inner):
                crossings.append((flow_id, step_id))
    assert not crossings, f"flows through cards: {sorted(crossings)}"
