"""The fast-food, bank and hospital templates carry simulation inputs that tell a story out of
the box (issue 20.7), the same in English and Chinese."""

from __future__ import annotations

import pytest

from blueprint_app.simulation import simulate
from blueprint_app.simulation.vary import run_vary
from blueprint_app.templates import load_template
from blueprint_app.validation import Severity, validate

SIMULATED = ("fast-food-counter", "bank-account-opening", "hospital-outpatient")


def _numbers(data: object) -> object:
    """The result without its words: what must not depend on the language."""
    if isinstance(data, dict):
        return {key: _numbers(value) for key, value in data.items() if key != "title"}
    if isinstance(data, list):
        return [_numbers(value) for value in data]
    return data


@pytest.mark.parametrize("name", SIMULATED)
def test_both_languages_simulate_alike_without_findings_on_the_inputs(name: str) -> None:
    english, chinese = load_template(name, "en"), load_template(name, "zh-CN")
    assert english.arrivals is not None and english.arrivals.schedule
    assert english.resources
    assert any(step.wait_target_minutes is not None for step in english.steps)
    first = simulate(english, seed=3)
    assert first.customers > 30
    assert first.bottleneck is not None
    assert _numbers(first.as_dict()) == _numbers(simulate(chinese, seed=3).as_dict())
    for blueprint in (english, chinese):
        found = [f for f in validate(blueprint) if f.rule.startswith("BP07")]
        assert found == []
        assert not [f for f in validate(blueprint) if f.severity is Severity.ERROR]


def test_the_fast_food_lunch_needs_three_tills_for_its_queue_standard() -> None:
    blueprint = load_template("fast-food-counter", "en")
    two, three, four = run_vary(blueprint, "till", [2, 3, 4], hours=24 * 10, seed=1, workers=1)
    shares = [v.result.step("order").within_wait_target for v in (two, three, four)]
    assert shares[0] is not None and shares[0] < 0.5  # two tills: most queue over 3 minutes
    assert shares[1] is not None and shares[1] > 0.85
    assert shares[2] is not None and shares[2] > 0.97
