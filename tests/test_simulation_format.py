"""The simulation inputs in the file (format version 2): strict types, checked references,
canonical writing ("from" in the file, whole numbers without .0)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from blueprint_app.model import Blueprint
from blueprint_app.storage import BlueprintFileError, loads
from blueprint_app.storage.writer import dumps
from tests.validation_cases import clean, step


def _with_inputs() -> dict[str, Any]:
    doc = clean()
    doc["arrivals"] = {
        "schedule": [
            {"from": "11:00", "to": "13:00", "per_hour": 120},
            {"from": "13:00", "to": "24:00", "per_hour": 12.5},
        ]
    }
    doc["resources"] = [{"id": "counter", "title": '收银台 <&">', "capacity": 3}]
    order = step(doc, "take")
    order.update(
        resource="counter",
        duration_minutes=2,
        duration_range_minutes=[1, 4.5],
        duration_distribution="triangular",
        wait_target_minutes=3,
    )
    step(doc, "cook").update(fail_point=True, failure_rate=0.05)
    doc["flows"][0]["probability"] = 1
    return doc


def test_the_inputs_load_and_save_canonically() -> None:
    text = json.dumps(_with_inputs(), ensure_ascii=False)
    blueprint = loads(text)
    assert blueprint.arrivals is not None
    assert blueprint.arrivals.schedule is not None
    assert blueprint.arrivals.schedule[0].start == "11:00"
    assert blueprint.resources[0].capacity == 3
    written = dumps(blueprint)
    data = json.loads(written)
    assert data["arrivals"]["schedule"][0] == {"from": "11:00", "to": "13:00", "per_hour": 120}
    assert '"per_hour": 120\n' in written
    take = next(s for s in data["steps"] if s["id"] == "take")
    assert take["duration_range_minutes"] == [1, 4.5]
    assert '"failure_rate": 0.05' in written
    assert '"probability": 1' in written
    assert dumps(loads(written)) == written
    assert list(data)[:7] == [
        "format",
        "format_version",
        "title",
        "language",
        "arrivals",
        "resources",
        "lanes",
    ]


def test_a_resource_always_states_its_capacity() -> None:
    doc = clean()
    doc["resources"] = [{"id": "desk"}]
    assert json.loads(dumps(loads(json.dumps(doc))))["resources"] == [{"id": "desk", "capacity": 1}]


def test_a_blueprint_without_inputs_writes_none_of_them() -> None:
    written = dumps(Blueprint.model_validate(clean()))
    for name in ("arrivals", "resources", "probability", "failure_rate", "resource"):
        assert f'"{name}"' not in written


@pytest.mark.parametrize(
    ("edit", "reason"),
    [
        (lambda d: step(d, "take").update(resource="till"), "steps[3].resource: no resource"),
        (lambda d: d["resources"][0].update(capacity=0), "resources[0].capacity"),
        (lambda d: d["resources"][0].update(capacity=2.5), "resources[0].capacity"),
        (lambda d: d["resources"][0].update(id="take"), "resources[0].id: id 'take' is already"),
        (lambda d: d["arrivals"].update(per_hour=5), "arrivals: Value error, give either"),
        (lambda d: d.update(arrivals={}), "arrivals: Value error, give either"),
        (lambda d: d["arrivals"]["schedule"][0].update({"from": "9:00"}), "schedule[0].from"),
        (lambda d: d["arrivals"]["schedule"][0].update(to="24:01"), "schedule[0].to"),
        (lambda d: d["arrivals"]["schedule"][0].update(per_hour=0), "schedule[0].per_hour"),
        (lambda d: d["arrivals"].update(schedule=[]), "arrivals.schedule"),
        (lambda d: step(d, "cook").update(failure_rate=1.5), "steps[4].failure_rate"),
        (lambda d: d["flows"][0].update(probability=-0.1), "flows[0].probability"),
        (lambda d: d["flows"][0].update(probability="0.5"), "flows[0].probability"),
        (lambda d: step(d, "take").update(duration_range_minutes=[1]), "duration_range_minutes"),
        (lambda d: step(d, "take").update(duration_range_minutes=[1, -2]), "duration_range"),
        (lambda d: step(d, "take").update(duration_distribution="normal"), "duration_distr"),
    ],
)
def test_bad_inputs_are_refused_with_their_path(edit: Any, reason: str) -> None:
    doc = _with_inputs()
    edit(doc)
    with pytest.raises(BlueprintFileError) as caught:
        loads(json.dumps(doc))
    assert reason in str(caught.value)
