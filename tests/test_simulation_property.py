"""A property over random process drawings: with fixed times and no contention every simulated
customer takes exactly the journey time of the analysis (`customer_journey`), whatever forks,
joins and side branches the drawing has, through one process per branch (steps on a resource)
or the lone customer's shortcuts (plain work) alike."""

from __future__ import annotations

import os
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from blueprint_app.analysis.process import customer_journey
from blueprint_app.model import Blueprint
from blueprint_app.simulation import simulate

BUDGET = int(os.environ.get("BLUEPRINT_FUZZ_EXAMPLES", "60"))
LANES = ["physical_evidence", "customer", "frontstage", "backstage", "support"]


@st.composite
def drawings(draw: st.DrawFn) -> dict[str, Any]:
    """A start, then steps each fed by at least one earlier step (so all are reached), extra
    forward flows, an end last and maybe another end on the way; some steps on a resource."""
    count = draw(st.integers(3, 14))
    steps: list[dict[str, Any]] = []
    flows: list[tuple[int, int]] = []
    for index in range(count):
        kind = "start" if index == 0 else "end" if index == count - 1 else "action"
        if 0 < index < count - 1 and draw(st.integers(0, 9)) == 0:
            kind = "end"
        step: dict[str, Any] = {
            "id": f"s{index}",
            "lane": "customer" if kind != "action" else draw(st.sampled_from(LANES[1:])),
            "kind": kind,
            "title": f"Step {index}",
            "duration_minutes": draw(st.integers(0, 10)),
        }
        if kind == "action" and draw(st.booleans()):
            step["resource"] = "ample"
        steps.append(step)
        if index:
            flows.append((draw(st.integers(0, index - 1)), index))
    for _ in range(draw(st.integers(0, count))):
        source = draw(st.integers(0, count - 2))
        flows.append((source, draw(st.integers(source + 1, count - 1))))
    return {
        "format": "service-blueprint",
        "format_version": 2,
        "title": "Random drawing",
        "lanes": [{"id": lane, "kind": lane, "title": lane} for lane in LANES],
        "steps": steps,
        "flows": [
            {"id": f"f{n}", "source": f"s{a}", "target": f"s{b}"}
            for n, (a, b) in enumerate(dict.fromkeys(flows))
        ],
        "resources": [{"id": "ample", "capacity": 1_000_000}],
        "arrivals": {"per_hour": 20},
    }


@settings(
    max_examples=BUDGET,
    deadline=None,
    derandomize=BUDGET <= 100,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(drawings())
def test_fixed_times_without_contention_equal_the_analysed_journey(doc: dict[str, Any]) -> None:
    blueprint = Blueprint.model_validate(doc)
    journey = customer_journey(blueprint)
    assert journey is not None
    result = simulate(blueprint, customers=5, seed=1)
    assert result.customers == 5
    for minutes in result.journeys:
        assert abs(minutes - journey.total_minutes) < 1e-9, (minutes, journey)


@settings(
    max_examples=BUDGET,
    deadline=None,
    derandomize=BUDGET <= 100,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(drawings(), st.data())
def test_with_decisions_no_journey_is_longer_than_the_analysed_one(
    doc: dict[str, Any], data: st.DataObject
) -> None:
    for step in doc["steps"]:
        if step["kind"] == "action" and data.draw(st.booleans()):
            step["kind"] = "decision"
    blueprint = Blueprint.model_validate(doc)
    journey = customer_journey(blueprint)
    assert journey is not None
    result = simulate(blueprint, customers=20, seed=2)
    assert result.arrived == 20
    for minutes in result.journeys:
        assert minutes <= journey.total_minutes + 1e-9, (minutes, journey)
