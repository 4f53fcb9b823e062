"""The simulation engine's walk of a blueprint: exact journeys when nothing varies, branch and
failure shares within binomial error, joins, loops, schedules, warm-up, seeds."""

from __future__ import annotations

import json
import math
from statistics import NormalDist

import pytest

from blueprint_app.analysis.process import customer_journey
from blueprint_app.model import Blueprint
from blueprint_app.simulation import SimulationError, build_network, simulate
from tests.simulation_support import build_doc, queue
from tests.validation_cases import Doc, add_flow, add_step, clean, flow, step

#: two-sided 1 − 10⁻⁵ normal quantile (≈ 4.42): a correct engine fails one case in 100,000
Z = NormalDist().inv_cdf(1 - 0.5e-5)


def _timed(**minutes: float) -> Doc:
    """The lunch counter of the validation cases, with fixed durations and steady arrivals:
    Walk in → Order → (Take order → Cook → Kitchen display | Wait) → Serve → Leave."""
    doc = clean()
    for step_id, value in minutes.items():
        step(doc, step_id)["duration_minutes"] = value
    doc["arrivals"] = {"per_hour": 30}
    return doc


def _within_binomial(count: int, trials: int, share: float) -> bool:
    return abs(count / trials - share) <= Z * math.sqrt(share * (1 - share) / trials)


def test_fixed_times_without_contention_give_exactly_the_journey_of_the_analysis() -> None:
    doc = _timed(order=2, take=1, cook=4, kitchen=0.5, wait=3, serve=1.25, leave=0.1)
    blueprint = Blueprint.model_validate(doc)
    journey = customer_journey(blueprint)
    assert journey is not None
    assert journey.total_minutes == pytest.approx(8.85)  # the kitchen branch, not the wait
    result = simulate(blueprint, customers=300, seed=3)
    assert result.customers == 300
    assert result.journey.mean == pytest.approx(journey.total_minutes, abs=1e-9)
    assert result.journey.max == pytest.approx(journey.total_minutes, abs=1e-9)
    assert min(result.journeys) == pytest.approx(journey.total_minutes, abs=1e-9)
    assert all(s.visits == 300 for s in result.steps)
    assert result.bottleneck is None


def test_ample_resources_change_nothing_and_the_slower_branch_is_awaited() -> None:
    doc = _timed(order=2, take=1, cook=1, wait=6, serve=1)  # now the wait is the longer branch
    doc["resources"] = [{"id": "clerk", "capacity": 1000}]
    step(doc, "take")["resource"] = step(doc, "serve")["resource"] = "clerk"
    blueprint = Blueprint.model_validate(doc)
    journey = customer_journey(blueprint)
    assert journey is not None
    assert journey.path == ("arrive", "order", "wait", "serve", "leave")
    result = simulate(blueprint, customers=200, seed=1)
    assert {round(minutes, 9) for minutes in result.journeys} == {journey.total_minutes}
    assert result.step("take").wait.max == 0
    assert result.step("take").utilization == pytest.approx(30 / 60 * 2 / 1000, rel=0.2)


def test_a_decision_merge_does_not_wait_for_the_branch_not_taken() -> None:
    doc = _timed(order=2, take=1, cook=1, wait=6, serve=1)
    step(doc, "order")["kind"] = "decision"
    result = simulate(Blueprint.model_validate(doc), customers=2000, seed=5)
    short, long = 2 + 1 + 1 + 1, 2 + 6 + 1
    assert {round(minutes, 9) for minutes in result.journeys} == {short, long}
    assert result.step("serve").visits == 2000


def test_branch_probabilities_are_observed_within_binomial_error() -> None:
    doc = _timed(order=1)
    step(doc, "order")["kind"] = "decision"
    add_step(doc, "pay", "customer", 300, title="Pay at the kiosk")
    add_flow(doc, "order", "pay")
    add_flow(doc, "pay", "leave")
    flow(doc, "f2")["probability"] = 0.2  # order → take; wait and pay share 0.8 equally
    customers = 20000
    result = simulate(Blueprint.model_validate(doc), customers=customers, seed=11)
    visits = {s.id: s.visits for s in result.steps}
    assert visits["order"] == customers
    assert _within_binomial(visits["take"], customers, 0.2)
    assert _within_binomial(visits["wait"], customers, 0.4)
    assert _within_binomial(visits["pay"], customers, 0.4)
    assert visits["take"] + visits["wait"] + visits["pay"] == customers


def test_a_fail_point_sends_its_failure_rate_down_the_recovery_flow() -> None:
    doc = _timed(cook=4)
    step(doc, "cook").update(fail_point=True, failure_rate=0.15)
    add_step(doc, "remake", "backstage", 300, title="Remake with priority", duration_minutes=3)
    add_flow(doc, "cook", "remake", kind="recovery")
    add_flow(doc, "remake", "kitchen")
    customers = 20000
    result = simulate(Blueprint.model_validate(doc), customers=customers, seed=2)
    assert _within_binomial(result.step("remake").visits, customers, 0.15)
    assert result.step("kitchen").visits == customers
    # order 2 + cook 4 (the wait, 3, runs beside them), and 3 more to remake
    assert {round(j, 9) for j in result.journeys} == {6.0, 9.0}


def test_a_loop_is_walked_again_by_its_probability() -> None:
    doc = _timed(order=1)
    step(doc, "serve")["kind"] = "decision"
    add_step(doc, "check", "frontstage", 500, title="Check the order")
    flow(doc, "f8")["target"] = "check"
    flow(doc, add_flow(doc, "serve", "leave"))["probability"] = 0.75
    add_flow(doc, "check", "serve")  # a loop: serve → check → serve, left with 0.75
    flow(doc, "f8")["probability"] = 0.25
    result = simulate(Blueprint.model_validate(doc), customers=20000, seed=4)
    # visits of serve per customer are geometric with mean 1 / 0.75
    per_customer = result.step("serve").visits / 20000
    spread = math.sqrt(0.25 / 0.75**2 / 20000)
    assert abs(per_customer - 4 / 3) <= Z * spread
    assert result.customers == 20000


def test_customer_independent_steps_and_evidence_are_not_simulated() -> None:
    doc = _timed(order=2)
    add_step(doc, "bake", "backstage", 0, title="Bake tomorrow's bread", customer_independent=True)
    add_flow(doc, "bake", "kitchen")
    network = build_network(Blueprint.model_validate(doc))
    assert "bake" not in network.nodes
    assert "menu" not in network.nodes
    result = simulate(Blueprint.model_validate(doc), customers=50, seed=0)
    assert "bake" not in {s.id for s in result.steps}
    assert result.customers == 50


def test_the_same_seed_gives_the_same_run_and_another_seed_another() -> None:
    blueprint = build_doc(queue(50, 60, 1, 2))
    first = simulate(blueprint, customers=500, seed=7).as_dict()
    assert json.dumps(first) == json.dumps(simulate(blueprint, customers=500, seed=7).as_dict())
    assert first != simulate(blueprint, customers=500, seed=8).as_dict()


def test_a_steady_run_measures_the_customers_asked_for_after_its_warm_up() -> None:
    blueprint = build_doc(queue(50, 60, 1, 2))
    result = simulate(blueprint, customers=1000, seed=1)
    assert result.arrived == result.customers == 1000
    assert result.step("serve").visits == 1000
    by_hours = simulate(blueprint, hours=100, seed=1)
    assert abs(by_hours.arrived - 5000) <= Z * math.sqrt(5000)  # Poisson: variance = mean


def test_a_schedule_brings_customers_only_in_its_windows_and_measures_them() -> None:
    doc = queue(0.5, 240, 1, 1)
    doc["arrivals"] = {
        "schedule": [
            {"from": "11:00", "to": "13:00", "per_hour": 120},
            {"from": "13:00", "to": "14:00", "per_hour": 30},
        ]
    }
    blueprint = Blueprint.model_validate(doc)
    one_day = simulate(blueprint, seed=1)  # default: one day, 11:00 to 14:00
    assert abs(one_day.arrived - 270) <= Z * math.sqrt(270)
    days = simulate(blueprint, hours=24 * 50, seed=1)
    assert abs(days.arrived - 50 * 270) <= Z * math.sqrt(50 * 270)
    # utilization over the open hours: (2 h · 120 + 1 h · 30) · 0.25 min / 180 min = 0.375
    utilization = days.step("serve").utilization
    assert utilization is not None
    assert utilization == pytest.approx(0.375, rel=0.05)


def test_capacities_can_be_overridden_for_a_what_if() -> None:
    blueprint = build_doc(queue(110, 60, 2, 2))
    tight = simulate(blueprint, customers=3000, seed=1)
    ample = simulate(blueprint, customers=3000, seed=1, capacities={"r": 4})
    assert ample.resources[0].capacity == 4
    assert (ample.step("serve").wait.mean or 0) < (tight.step("serve").wait.mean or 0)
    assert tight.bottleneck == "serve"
    with pytest.raises(SimulationError) as caught:
        simulate(blueprint, capacities={"till": 2})
    assert caught.value.key == "unknown_resource"


def test_progress_is_reported_and_an_exception_from_it_cancels() -> None:
    blueprint = build_doc(queue(50, 60, 1, 2))
    seen: list[float] = []
    simulate(blueprint, customers=1000, seed=1, progress=seen.append)
    assert len(seen) == 100
    assert seen == sorted(seen)
    assert seen[-1] == 1.0

    class Cancelled(Exception):
        pass

    def cancel(share: float) -> None:
        if share >= 0.1:
            raise Cancelled

    with pytest.raises(Cancelled):
        simulate(blueprint, customers=1000, seed=1, progress=cancel)


@pytest.mark.parametrize(
    ("edit", "key"),
    [
        (lambda d: d.pop("arrivals"), "no_arrivals"),
        (lambda d: d["steps"][0].update(kind="action"), "no_start"),
    ],
)
def test_what_cannot_be_simulated_says_why(edit: object, key: str) -> None:
    doc = queue(50, 60, 1, 2)
    edit(doc)  # type: ignore[operator]
    with pytest.raises(SimulationError) as caught:
        simulate(Blueprint.model_validate(doc))
    assert caught.value.key == key


def test_the_journey_ends_at_the_last_end_step_any_branch_reaches() -> None:
    doc = _timed(order=1)
    # a second end: the kitchen branch also ends the visit (a take-away bag), much later
    add_step(doc, "bag", "customer", 700, kind="end", title="Take the bag", duration_minutes=0)
    step(doc, "cook")["duration_minutes"] = 20
    add_flow(doc, "kitchen", "bag")
    flow(doc, "f5")["target"] = "bag"  # kitchen → bag, not → serve
    result = simulate(Blueprint.model_validate(doc), customers=50, seed=0)
    # wait (3) → serve → leave ends at 4; the kitchen branch reaches its end at 1 + 20 = 21
    assert {round(j, 9) for j in result.journeys} == {21.0}


def test_progress_of_a_schedule_runs_by_the_clock_from_its_opening() -> None:
    doc = queue(0.5, 240, 1, 1)
    doc["arrivals"] = {"schedule": [{"from": "08:00", "to": "18:00", "per_hour": 120}]}
    seen: list[float] = []
    simulate(Blueprint.model_validate(doc), hours=20, seed=1, progress=seen.append)
    assert len(seen) > 10
    assert seen == sorted(seen)
    assert 0 < seen[0] < 0.1  # not already past 1 because the clock starts at midnight
    assert seen[-1] <= 1.0
