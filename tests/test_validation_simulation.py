"""The simulation rules' finer cases, beyond the one bad/good pair each has in CASES."""

from __future__ import annotations

from blueprint_app.validation import validate
from tests.validation_cases import add_flow, build, clean, flow, step


def _rules(doc: dict, language: str = "en") -> dict[str, list]:
    found: dict[str, list] = {}
    for finding in validate(build(doc), language=language):
        found.setdefault(finding.rule, []).append(finding)
    return found


def test_a_reversed_range_and_a_range_without_duration_say_so() -> None:
    doc = clean()
    step(doc, "order")["duration_range_minutes"] = [5, 1]
    step(doc, "take")["duration_range_minutes"] = [1, 90]
    messages = [f.message for f in _rules(doc)["BP074"]]
    assert messages == [
        "The duration range of “Order” runs backwards: from 5 min to 1 min.",
        "“Take order” has a duration range (1 min to 1 h 30 min) but no duration.",
    ]
    chinese = [f.message for f in _rules(doc, "zh-CN")["BP074"]]
    assert "颠倒" in chinese[0]
    assert "没有填写时长" in chinese[1]


def test_a_duration_on_the_edge_of_its_range_is_inside() -> None:
    doc = clean()
    step(doc, "order")["duration_range_minutes"] = [2, 2]
    assert "BP074" not in _rules(doc)


def test_a_probability_on_a_recovery_flow_is_off_decision_even_from_a_decision() -> None:
    doc = clean()
    step(doc, "take")["kind"] = "decision"
    flow_id = add_flow(doc, "take", "serve", kind="recovery")
    flow(doc, flow_id)["probability"] = 0.2
    assert [f.items for f in _rules(doc)["BP070"]] == [(flow_id, "take")]


def test_branch_shares_are_added_without_float_noise() -> None:
    doc = clean()
    step(doc, "take")["kind"] = "decision"
    flow(doc, "f3")["probability"] = 0.1
    for share in (0.2, 0.7):
        flow(doc, add_flow(doc, "take", "serve"))["probability"] = share
    found = _rules(doc)
    assert "BP071" not in found
    assert "BP072" not in found


def test_overlapping_windows_are_found_against_any_earlier_window() -> None:
    doc = clean()
    spans = [("08:00", "18:00"), ("09:00", "10:00"), ("12:00", "13:00"), ("20:00", "19:00")]
    doc["arrivals"] = {"schedule": [{"from": a, "to": b, "per_hour": 30} for a, b in spans]}
    messages = [f.message for f in _rules(doc)["BP076"]]
    assert messages == [
        "Arrival window 4 (20:00–19:00) ends before it starts.",
        "Arrival window 2 (09:00–10:00) overlaps window 1 (08:00–18:00).",
        "Arrival window 3 (12:00–13:00) overlaps window 1 (08:00–18:00).",
    ]


def test_the_end_of_the_day_closes_a_window() -> None:
    doc = clean()
    doc["arrivals"] = {"schedule": [{"from": "22:00", "to": "24:00", "per_hour": 5}]}
    assert "BP076" not in _rules(doc)


def test_an_unused_resource_is_named_by_its_title_or_its_id() -> None:
    doc = clean()
    doc["resources"] = [
        {"id": "till", "capacity": 1},
        {"id": "desk", "title": "前台", "capacity": 2},
    ]
    messages = [f.message for f in _rules(doc, "zh-CN")["BP077"]]
    assert messages == [
        "没有任何步骤需要资源“till”（till）。",
        "没有任何步骤需要资源“前台”（desk）。",
    ]
