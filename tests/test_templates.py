"""Every shipped example and template is a complete blueprint by the rules of tests/blueprint_rules."""

from __future__ import annotations

from pathlib import Path

import pytest

from blueprint_app.model import Blueprint, Flow, FlowKind, StepKind
from blueprint_app.storage import dumps, load
from tests.blueprint_rules import longest_path_minutes, rule_problems

ROOT = Path(__file__).parent.parent
SHIPPED = sorted((ROOT / "resources" / "examples").glob("*.blueprint.json")) + sorted(
    (ROOT / "resources" / "templates").glob("*.blueprint.json")
)
HOTEL = ROOT / "resources" / "examples" / "hotel-stay.blueprint.json"


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_shipped_blueprint_follows_every_rule(path: Path) -> None:
    blueprint = load(path)
    assert rule_problems(blueprint) == []
    assert path.read_text(encoding="utf-8") == dumps(blueprint), "not in canonical form"
    assert {lane.kind.value for lane in blueprint.lanes} >= {
        "physical_evidence",
        "customer",
        "frontstage",
        "backstage",
        "support",
    }
    assert len({step.lane for step in blueprint.steps}) == 5, "a lane is empty"
    assert 15 <= len(blueprint.steps) <= 40
    assert any(step.kind == StepKind.DECISION for step in blueprint.steps)
    assert any(step.fail_point for step in blueprint.steps)
    assert any(step.moment_of_truth for step in blueprint.steps)
    assert blueprint.customer and blueprint.scenario and blueprint.notes


def test_showcase_example_has_the_promised_shape() -> None:
    hotel = load(HOTEL)
    assert hotel.language == "en"
    assert 18 <= len(hotel.steps) <= 28
    assert 4 <= len(hotel.phases) <= 5
    assert all(step.layout is not None for step in hotel.steps)
    recovery = [f for f in hotel.flows if f.kind == FlowKind.RECOVERY]
    assert recovery and all(
        hotel.steps[[s.id for s in hotel.steps].index(f.source)].fail_point for f in recovery
    )
    assert longest_path_minutes(hotel) <= (hotel.target_minutes or 0)


def _broken(mutate: str) -> Blueprint:
    """The hotel with one rule broken, to prove the checker notices."""
    hotel = load(HOTEL)
    steps = {step.id: step for step in hotel.steps}
    if mutate == "self-flow":
        hotel.flows.append(Flow(id="bad", source="stay", target="stay"))
    elif mutate == "customer-to-backstage":
        hotel.flows.append(Flow(id="bad", source="stay", target="bill"))
    elif mutate == "no-evidence":
        hotel.flows = [
            f for f in hotel.flows if not (f.kind == FlowKind.EVIDENCE and f.target == "breakfast")
        ]
    elif mutate == "unlabelled-branch":
        next(f for f in hotel.flows if f.source == "found").label = ""
    elif mutate == "fail-without-recovery":
        hotel.flows = [f for f in hotel.flows if f.kind != FlowKind.RECOVERY]
    elif mutate == "overlap":
        steps["host"].layout.x = steps["lookup"].layout.x + 1300  # type: ignore[union-attr]
        steps["present-bill"].layout.x = steps["host"].layout.x + 100  # type: ignore[union-attr]
    elif mutate == "too-long":
        steps["stay"].duration_minutes = 2000
    elif mutate == "emotion-in-frontstage":
        steps["greet"].emotion = 1
    elif mutate == "moment-without-standard":
        steps["check-in"].standard = ""
    elif mutate == "dead-end":
        hotel.flows = [f for f in hotel.flows if f.source != "payment"]
    return hotel


@pytest.mark.parametrize(
    "mutate",
    [
        "self-flow",
        "customer-to-backstage",
        "no-evidence",
        "unlabelled-branch",
        "fail-without-recovery",
        "overlap",
        "too-long",
        "emotion-in-frontstage",
        "moment-without-standard",
        "dead-end",
    ],
)
def test_the_rule_checker_catches_a_broken_blueprint(mutate: str) -> None:
    assert rule_problems(_broken(mutate)) != []


#: what fits on a card (three lines) or a sticky note without an ellipsis, checked against the
#: canvas renderer when the templates were written
TITLE_LIMIT = {"en": 36, "zh-CN": 24}
NOTE_LIMIT = {"en": 55, "zh-CN": 48}


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_card_titles_and_notes_are_short_enough_to_show_whole(path: Path) -> None:
    blueprint = load(path)
    limit = TITLE_LIMIT[blueprint.language]
    too_long = [step.title for step in blueprint.steps if len(step.title) > limit]
    assert too_long == [], f"put the detail in the description: {too_long}"
    long_notes = [n.text for n in blueprint.notes if len(n.text) > NOTE_LIMIT[blueprint.language]]
    assert long_notes == []
