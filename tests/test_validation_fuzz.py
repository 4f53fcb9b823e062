"""Random blueprints never crash validation, and what it returns always makes sense."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from blueprint_app.model import Blueprint, Flow, FlowKind, Phase, Step, StepKind, StepLayout
from blueprint_app.model.factory import standard_lanes
from blueprint_app.validation import all_rules, validate
from blueprint_app.validation.cli import text_line

LANES = [lane.id for lane in standard_lanes()] + ["custom"]
RULE_KEYS = [r.id for r in all_rules()] + [r.name for r in all_rules()] + ["BP999", "nope"]
SETTING = st.sampled_from(["off", "error", "warning", "info", "loud", 3])


@st.composite
def blueprints(draw: st.DrawFn) -> Blueprint:
    lanes = [*standard_lanes(), {"id": "custom", "kind": "custom", "title": "Emotions"}]
    phases = [
        Phase(id=f"p{i}", title=draw(st.text(max_size=5))) for i in range(draw(st.integers(0, 3)))
    ]
    steps = []
    for i in range(draw(st.integers(0, 14))):
        steps.append(
            Step(
                id=f"s{i}",
                lane=draw(st.sampled_from(LANES)),
                phase=draw(st.sampled_from([None, *(p.id for p in phases)])),
                kind=draw(st.sampled_from(list(StepKind))),
                title=draw(st.text(max_size=12)),
                actor=draw(st.sampled_from(["", "Clerk", "IT"])),
                duration_minutes=draw(st.none() | st.floats(0, 30)),
                target_minutes=draw(st.none() | st.floats(0, 30)),
                moment_of_truth=draw(st.booleans()),
                fail_point=draw(st.booleans()),
                emotion=draw(st.none() | st.integers(-2, 2)),
                layout=draw(
                    st.none() | st.builds(StepLayout, x=st.floats(0, 1000), row=st.integers(0, 2))
                ),
            )
        )
    flows = []
    if steps:
        ids = st.sampled_from([s.id for s in steps])
        for i in range(draw(st.integers(0, 25))):
            flows.append(
                Flow(
                    id=f"f{i}",
                    source=draw(ids),
                    target=draw(ids),
                    kind=draw(st.sampled_from(list(FlowKind))),
                    label=draw(st.sampled_from(["", "yes", "no", "Yes"])),
                )
            )
    rules: dict[str, Any] = draw(st.dictionaries(st.sampled_from(RULE_KEYS), SETTING, max_size=3))
    return Blueprint.model_validate(
        {
            "title": "Fuzz",
            "language": draw(st.sampled_from(["en", "zh-CN"])),
            "target_minutes": draw(st.none() | st.floats(0, 60)),
            "lanes": lanes,
            "phases": phases,
            "steps": steps,
            "flows": flows,
            "rules": rules,
        }
    )


@settings(max_examples=150, deadline=None)
@given(blueprints())
def test_random_blueprints_validate_sensibly(blueprint: Blueprint) -> None:
    findings = validate(blueprint)
    known = {
        item.id
        for items in (blueprint.lanes, blueprint.phases, blueprint.steps, blueprint.flows)
        for item in items
    }
    ranks = [f.severity.rank for f in findings]
    assert ranks == sorted(ranks)
    for finding in findings:
        assert set(finding.items) <= known
        assert finding.message.strip() and finding.hint.strip()
        assert text_line("x", finding).startswith(f"x: {finding.rule} ")
    assert findings == validate(blueprint)
    other = "en" if blueprint.language != "en" else "zh-CN"
    assert [f.rule for f in validate(blueprint, language=other)] == [f.rule for f in findings]
    assert validate(blueprint, disabled=[f.name for f in findings]) == []
