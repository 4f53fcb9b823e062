"""Files the loader accepts but that are built to hurt: far-away cards, crowded cards.

Each case starts from the shipped hotel example and is the smallest that showed the problem;
benchmarks/bench_hostile.py measures how the cost grows.
"""

from __future__ import annotations

import tracemalloc
from pathlib import Path
from typing import Any

import pytest

from blueprint_app.analysis.geometry import Rect
from blueprint_app.analysis.routing import CardIndex
from blueprint_app.model import Blueprint, Flow, LaneKind, Step, StepLayout, new_blueprint
from blueprint_app.storage import load

ROOT = Path(__file__).parent.parent
HOTEL = ROOT / "resources" / "examples" / "hotel-stay.blueprint.json"


def _far(x: float) -> Blueprint:
    """The hotel with its first laid-out step moved to ``x``."""
    blueprint = load(HOTEL)
    step = next(s for s in blueprint.steps if s.layout is not None)
    assert step.layout is not None
    step.layout.x = x
    return blueprint


def _python_peak_mb(action: object) -> float:
    tracemalloc.start()
    try:
        action()  # type: ignore[operator]
        return tracemalloc.get_traced_memory()[1] / 1e6
    finally:
        tracemalloc.stop()


def test_a_far_rectangle_costs_no_more_than_a_near_one() -> None:
    """A route box from 0 to -1e8 used to be filed under every grid cell it spans (GBs)."""
    index = CardIndex()
    index.put("near", Rect(0, 0, 160, 80))
    peak = _python_peak_mb(lambda: index.put("far", Rect(-1e8, 0, 1e8 + 160, 600)))
    assert peak < 1.0
    assert index.ids_in(Rect(-5e7, 10, 10, 10)) == {"far"}
    assert index.ids_in(Rect(-1e9, -1e9, 2e9, 2e9)) == {"near", "far"}
    assert index.blocked_except("far")(Rect(-5e7, 10, 10, 10)) is False
    assert index.blocked_except()(Rect(-5e7, 10, 10, 10)) is True
    index.remove("far")
    assert index.ids_in(Rect(-1e9, -1e9, 2e9, 2e9)) == {"near"}


def test_a_card_far_away_exports_to_svg_without_a_memory_blow_up() -> None:
    """x = -1e8 took 7.9 s and 1.3 GB (x = -1e9 was killed past 5 GB); now like any other."""
    from blueprint_app.export.formats import export_bytes

    blueprint = _far(-1e8)
    svg: list[bytes] = []
    peak = _python_peak_mb(lambda: svg.append(export_bytes(blueprint, "svg")))
    assert peak < 60, f"{peak:.0f} MB of Python objects"
    assert svg[0].startswith(b"<?xml")


def fan_in(n_flows: int) -> Blueprint:
    """``n_flows`` parallel flows from one backstage step into one customer step."""
    blueprint = new_blueprint("Fan-in")
    lane = {lane.kind: lane.id for lane in blueprint.lanes}
    blueprint.steps += [
        Step(id="a", lane=lane[LaneKind.BACKSTAGE], title="Prepare", layout=StepLayout(x=0, row=0)),
        Step(
            id="b", lane=lane[LaneKind.CUSTOMER], title="Receive", layout=StepLayout(x=400, row=0)
        ),
    ]
    blueprint.flows += [Flow(id=f"f{i}", source="a", target="b") for i in range(n_flows)]
    return blueprint


def _edge_walks(n_flows: int, monkeypatch: pytest.MonkeyPatch) -> int:
    """How often drawing the fan-in asks for the sides of a flow at the crowded cards."""
    from blueprint_app.render.scene_builder import BlueprintItems, build_static_scene

    calls = 0
    original = BlueprintItems._sides_of

    def counted(self: BlueprintItems, *args: Any) -> tuple[str, str]:
        nonlocal calls
        calls += 1
        return original(self, *args)

    monkeypatch.setattr(BlueprintItems, "_sides_of", counted)
    build_static_scene(fan_in(n_flows))
    return calls


def test_many_flows_at_one_card_cost_linear_work(monkeypatch: pytest.MonkeyPatch) -> None:
    """1,000 parallel flows into one card took 6.7 s, 5,000 took 121 s: each flow walked all."""
    from blueprint_app.pictures.image import ensure_qt

    ensure_qt()
    small, large = _edge_walks(100, monkeypatch), _edge_walks(400, monkeypatch)
    assert large <= 4.5 * small, (small, large)  # quadratic work would be 16 times


def test_more_unlaid_steps_in_one_slot_than_a_lane_has_rows_continue_in_new_columns() -> None:
    """10,002 unlaid steps of one lane and phase gave "internal error: ValidationError … row ≤
    10000" on export and on opening; now the 10,002nd starts a column of its own."""
    from blueprint_app.analysis.layout import missing_layouts
    from blueprint_app.model.blueprint import MAX_ROW

    blueprint = new_blueprint("Crowded")
    lane = next(lane.id for lane in blueprint.lanes if lane.kind == LaneKind.BACKSTAGE)
    blueprint.steps += [Step(id=f"s{i}", lane=lane, title=f"Task {i}") for i in range(MAX_ROW + 2)]
    layouts = missing_layouts(blueprint)
    places = {(layout.x, layout.row) for layout in layouts.values()}
    assert len(places) == len(blueprint.steps)  # no two cards on one spot
    assert max(layout.row for layout in layouts.values()) == MAX_ROW
    assert len({layout.x for layout in layouts.values()}) == 2


def test_an_internal_error_on_the_command_line_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from blueprint_app import cli
    from blueprint_app.model.blueprint import StepLayout as Layout

    def broken(*_args: object, **_kwargs: object) -> None:
        Layout(x=0, row=-1)  # a pydantic error: several lines of text

    monkeypatch.setattr(cli, "cmd_info", broken)
    parser_default = cli.main(["info", str(HOTEL)])
    err = capsys.readouterr().err
    assert parser_default == 2
    assert err.count("\n") == 1 and err.startswith("blueprint: internal error: ValidationError:")


def test_arrange_brings_a_far_card_back_beside_the_others() -> None:
    """Arrange started at the left-most card, so one card at -1e8 took the whole blueprint
    there; now the far card is named by validation and comes back."""
    from blueprint_app.analysis.extent import FAR_GAP
    from blueprint_app.analysis.layout import arrange
    from blueprint_app.history import Document, History
    from blueprint_app.validation import validate

    blueprint = _far(-1e8)
    far_id = next(s.id for s in blueprint.steps if s.layout is not None and s.layout.x == -1e8)
    assert [f.items for f in validate(blueprint) if f.rule == "BP013"] == [(far_id,)]
    document = Document(blueprint)
    history = History(document)
    with history.transaction("Arrange") as tx:
        arrange(tx)
    xs = sorted(s.layout.x for s in document.blueprint.steps if s.layout is not None)
    assert xs[0] >= 0 and xs[-1] - xs[0] < FAR_GAP
    assert not [f for f in validate(document.blueprint) if f.rule == "BP013"]


def test_adding_a_step_beside_a_card_at_the_coordinate_limit_does_not_crash() -> None:
    """The palette placed a new card 220 units right of the rightmost one: beside a card at
    x = 1e9 that broke the model's limit and reached the crash handler (review of issue 15)."""
    from blueprint_app.editing.placement import append_step
    from blueprint_app.history import Document, History
    from blueprint_app.model import StepKind
    from blueprint_app.model.blueprint import COORDINATE_LIMIT

    blueprint = load(HOTEL)
    customer = next(lane.id for lane in blueprint.lanes if lane.kind == LaneKind.CUSTOMER)
    lost = next(s for s in blueprint.steps if s.lane == customer and s.layout is not None)
    lost.layout = StepLayout(x=COORDINATE_LIMIT, row=0)  # one customer card at the far edge
    history = History(Document(blueprint))
    with history.transaction("Add") as tx:
        near = append_step(tx, StepKind.ACTION)  # continues beside the blueprint itself
    lone = new_blueprint("Edge")
    lane = next(lane.id for lane in lone.lanes if lane.kind == LaneKind.CUSTOMER)
    lone.steps.append(Step(id="edge", lane=lane, layout=StepLayout(x=COORDINATE_LIMIT, row=0)))
    lone_history = History(Document(lone))
    with lone_history.transaction("Add") as tx:
        at_edge = append_step(tx, StepKind.ACTION)
    near_layout = history.document.step(near).layout
    edge_layout = lone_history.document.step(at_edge).layout
    assert near_layout is not None and near_layout.x < 1e6
    assert edge_layout is not None and edge_layout.x == COORDINATE_LIMIT
