"""The one process analysis: reading order, reachability and the customer's journey, and the
spec and validation reporting the same journey."""

from __future__ import annotations

from pathlib import Path

import pytest

from blueprint_app.analysis.process import (
    Process,
    acyclic_order,
    columns,
    customer_journey,
    process_graph,
    reachable,
    reaching,
    reading_rank,
)
from blueprint_app.export.markdown import to_markdown
from blueprint_app.export.spec import build_spec
from blueprint_app.model import Blueprint
from blueprint_app.storage import load
from blueprint_app.validation import validate
from tests.validation_cases import Doc, add_flow, add_step, build, clean, step

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = sorted((ROOT / "resources").glob("*/*.blueprint.json"))


def _loose(*steps: tuple[str, float | None], flows: tuple[tuple[str, str], ...] = ()) -> Blueprint:
    """Backstage action steps at the given x (None: no layout), joined by ordinary flows."""
    doc = clean()
    doc["steps"], doc["flows"] = [], []
    for step_id, x in steps:
        add_step(doc, step_id, "backstage", 0 if x is None else x)
        if x is None:
            doc["steps"][-1]["layout"] = None
    for source, target in flows:
        add_flow(doc, source, target)
    return build(doc)


def _order(blueprint: Blueprint) -> list[str]:
    rank = reading_rank(blueprint)
    return sorted(rank, key=rank.__getitem__)


def test_reading_order_breaks_ties_by_layout_then_file_order() -> None:
    blueprint = _loose(("late", 300), ("none", None), ("first", 0), ("twin", 0))
    blueprint.steps[3].layout.row = 1  # type: ignore[union-attr]
    assert _order(blueprint) == ["first", "twin", "late", "none"]
    blueprint.steps[3].layout.row = 0  # type: ignore[union-attr]
    assert _order(blueprint) == ["first", "twin", "late", "none"]  # same place: file order


def test_reading_order_follows_flows_before_layout() -> None:
    blueprint = _loose(("a", 500), ("b", 0), flows=(("a", "b"),))
    assert _order(blueprint) == ["a", "b"]


def test_a_cycle_is_broken_at_its_left_most_step() -> None:
    # a → b → c → b (a loop back), c → d; b waits for c until the loop is cut at b
    blueprint = _loose(
        ("a", 0), ("c", 200), ("b", 100), ("d", 300), flows=(("a", "b"), ("b", "c"), ("c", "b"))
    )
    blueprint.flows.append(blueprint.flows[0].model_copy(update={"id": "cd", "source": "c"}))
    blueprint.flows[-1].target = "d"
    assert _order(blueprint) == ["a", "b", "c", "d"]
    only_loop = _loose(("x", 400), ("y", 100), flows=(("x", "y"), ("y", "x")))
    assert _order(only_loop) == ["y", "x"]


def test_evidence_links_are_not_process_and_recovery_flows_are() -> None:
    doc = clean()
    step(doc, "cook")["fail_point"] = True
    add_step(doc, "redo", "backstage", 300)
    add_flow(doc, "cook", "redo", "recovery")
    add_flow(doc, "redo", "serve")
    graph = process_graph(build(doc))
    assert not graph.has_edge("menu", "order")
    assert graph.edges["cook", "redo"] == {"ordinary": False, "recovery": True, "two_way": False}
    assert reachable(graph, ["arrive"]) == set(graph) - {"menu", "door"}
    assert reaching(graph, ["redo"]) == {"redo", "cook", "take", "order", "arrive"}
    assert Process(build(doc)).normally_reached == set(graph) - {"redo"}
    assert Process(build(doc)).reached == set(graph) - {"menu", "door"}


def test_columns_count_forward_flows_and_acyclic_order_drops_the_loop_back() -> None:
    blueprint = _loose(
        ("a", 0), ("b", 100), ("c", 200), flows=(("a", "b"), ("b", "c"), ("c", "a"), ("a", "c"))
    )
    graph = process_graph(blueprint)
    assert columns(graph, reading_rank(blueprint, graph)) == {"a": 0, "b": 1, "c": 2}
    assert acyclic_order(graph) == ["a", "b", "c"]  # c → a closes the loop
    c_first = process_graph(blueprint, key=["c", "a", "b"].index)
    assert acyclic_order(c_first) == ["c", "a", "b"]  # b → c does


# -- the customer's journey ----------------------------------------------------------------


def _kiosk() -> Doc:
    """A 5-minute customer journey and a 540-minute overnight preparation that feeds it."""
    doc = clean()
    doc["title"] = "Kiosk"
    step(doc, "order")["duration_minutes"] = 2
    add_step(doc, "bake", "support", 0, title="Bake overnight", duration_minutes=480)
    add_step(doc, "stock", "backstage", 200, title="Stock the shelves", duration_minutes=60)
    add_flow(doc, "bake", "stock")
    add_flow(doc, "stock", "serve")
    return doc


def test_the_journey_runs_from_a_customer_start_not_along_any_chain() -> None:
    journey = customer_journey(build(_kiosk()))
    assert journey is not None
    assert journey.path == ("arrive", "order", "wait", "serve", "leave")
    assert journey.total_minutes == 5


def test_the_spec_and_validation_time_the_kiosk_journey_alike() -> None:
    doc = _kiosk()
    doc["target_minutes"] = 4
    blueprint = build(doc)
    timing = build_spec(blueprint).timing
    assert [s.id for s in timing.steps] == ["arrive", "order", "wait", "serve", "leave"]
    assert timing.minutes == 5 and timing.over_by == 1
    assert "Time of the customer's journey: 5 min" in to_markdown(blueprint, lang="en")
    [finding] = [f for f in validate(blueprint, language="en") if f.rule == "BP063"]
    assert finding.data is not None
    assert finding.data["total_minutes"] == 5
    assert finding.data["path"] == [s.id for s in timing.steps]


def test_parallel_work_is_not_summed() -> None:
    doc = clean()
    step(doc, "cook")["duration_minutes"] = 10  # beside the 3-minute wait
    journey = customer_journey(build(doc))
    assert journey is not None
    assert journey.total_minutes == 12  # order 2 + cook 10, not + wait 3
    assert "cook" in journey.path and "wait" not in journey.path


def test_a_loop_is_walked_once_and_recovery_is_not_the_journey() -> None:
    doc = clean()
    add_flow(doc, "serve", "order", label="another round")
    add_flow(doc, "wait", "wait")  # a step looping on itself
    step(doc, "cook").update(fail_point=True)
    add_step(doc, "redo", "backstage", 300, duration_minutes=30)
    add_flow(doc, "cook", "redo", "recovery")
    add_flow(doc, "redo", "serve")
    journey = customer_journey(build(doc))
    assert journey is not None
    assert journey.path == ("arrive", "order", "wait", "serve", "leave")
    assert journey.total_minutes == 5


def test_no_journey_without_a_start_and_end_joined() -> None:
    doc = clean()
    doc["flows"] = [f for f in doc["flows"] if f["id"] != "f8"]  # nothing reaches the end
    assert customer_journey(build(doc)) is None
    assert build_spec(build(doc)).timing.steps == []


def test_untimed_journey_still_has_its_path() -> None:
    doc = clean()
    for item in doc["steps"]:
        item.pop("duration_minutes", None)
    journey = customer_journey(build(doc))
    assert journey is not None and journey.total_minutes == 0
    assert journey.path[0] == "arrive" and journey.path[-1] == "leave"


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_spec_and_validation_report_the_same_journey(path: Path) -> None:
    blueprint = load(path)
    blueprint.target_minutes = 0.5  # so that the journey-time rule reports the path it found
    timing = build_spec(blueprint).timing
    assert timing.steps, "every shipped blueprint has a customer journey"
    [finding] = [f for f in validate(blueprint, language="en") if f.rule == "BP063"]
    assert finding.data is not None
    assert finding.data["path"] == [s.id for s in timing.steps]
    assert finding.data["total_minutes"] == timing.minutes


def test_a_start_and_end_outside_the_customer_lane_still_bound_the_journey() -> None:
    """As before the one analysis existed: BP004 says where such steps belong, but the journey
    is still timed (review of issue 13.5: the module had narrowed this to the customer lane)."""
    from blueprint_app.analysis.process import customer_journey
    from blueprint_app.model import Flow, LaneKind, Step, StepKind, StepLayout, new_blueprint

    blueprint = new_blueprint("Front only")
    front = next(lane.id for lane in blueprint.lanes if lane.kind == LaneKind.FRONTSTAGE)
    blueprint.steps += [
        Step(id=sid, lane=front, kind=kind, duration_minutes=10, layout=StepLayout(x=x, row=0))
        for sid, kind, x in (
            ("a", StepKind.START, 0),
            ("b", StepKind.ACTION, 220),
            ("c", StepKind.END, 440),
        )
    ]
    blueprint.flows += [
        Flow(id="f1", source="a", target="b"),
        Flow(id="f2", source="b", target="c"),
    ]
    journey = customer_journey(blueprint)
    assert journey is not None and journey.path == ("a", "b", "c") and journey.total_minutes == 30


def _reference_rank(blueprint: Blueprint) -> dict[str, int]:
    """Kahn's algorithm breaking each cycle with a min() over every step left: the plain (and
    quadratic) statement of the reading order, for one-way flows."""
    from heapq import heappop, heappush

    from blueprint_app.analysis.process import layout_key

    graph = process_graph(blueprint)
    keys = {step.id: layout_key(step, index) for index, step in enumerate(blueprint.steps)}
    indegree = dict(graph.in_degree())
    ready: list[tuple[tuple[float, int, int], str]] = []
    for sid, degree in indegree.items():
        if degree == 0:
            heappush(ready, (keys[sid], sid))
    remaining, rank = dict(keys), {}
    while remaining:
        if not ready:
            sid = min(remaining, key=remaining.__getitem__)
            heappush(ready, (remaining[sid], sid))
        _, sid = heappop(ready)
        if sid in rank:
            continue
        rank[sid] = len(rank)
        del remaining[sid]
        for target in graph.succ[sid]:
            indegree[target] -= 1
            if indegree[target] == 0 and target not in rank:
                heappush(ready, (keys[target], target))
    return rank


@pytest.mark.parametrize("seed", range(12))
def test_breaking_cycles_in_one_pass_reads_as_the_plain_algorithm(seed: int) -> None:
    import random

    chance = random.Random(seed)
    size = chance.randint(2, 40)
    steps = tuple(
        (f"s{i}", None if chance.random() < 0.1 else float(chance.randint(0, 8) * 200))
        for i in range(size)
    )
    pairs = {(f"s{chance.randrange(size)}", f"s{chance.randrange(size)}") for _ in range(size * 2)}
    flows = tuple((a, b) for a, b in sorted(pairs) if a != b)  # loops and cycles aplenty
    blueprint = _loose(*steps, flows=flows)
    assert reading_rank(blueprint) == _reference_rank(blueprint)
