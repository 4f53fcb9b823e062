"""Cross-object rules of the file contract: unique ids, resolvable references, standard lanes.

Works on plain JSON-like data (what ``json.load`` or ``model_dump`` gives) and never assumes a
field has the right type, so the loader can report these problems together with type errors.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from blueprint_app.model.blueprint import STANDARD_LANE_ORDER

COLLECTIONS = ("lanes", "phases", "steps", "flows", "notes", "resources")


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with a file: where (a JSON path such as ``steps[3].lane``) and why."""

    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}" if self.path else self.reason


def _items(data: Mapping[str, Any], key: str) -> Iterator[tuple[int, Mapping[str, Any]]]:
    value = data.get(key)
    if isinstance(value, list):
        for index, item in enumerate(value):
            if isinstance(item, Mapping):
                yield index, item


def _ids(data: Mapping[str, Any], key: str) -> set[str]:
    return {item["id"] for _, item in _items(data, key) if isinstance(item.get("id"), str)}


def integrity_problems(data: Mapping[str, Any]) -> list[Problem]:
    """Every cross-object problem in ``data``, in document order."""
    problems: list[Problem] = []
    problems += _duplicate_ids(data)
    problems += _dangling_references(data)
    problems += _lane_problems(data)
    return problems


def _duplicate_ids(data: Mapping[str, Any]) -> list[Problem]:
    seen: dict[str, str] = {}
    problems = []
    for key in COLLECTIONS:
        for index, item in _items(data, key):
            item_id = item.get("id")
            if not isinstance(item_id, str):
                continue
            path = f"{key}[{index}].id"
            if item_id in seen:
                problems.append(Problem(path, f"id {item_id!r} is already used by {seen[item_id]}"))
            else:
                seen[item_id] = f"{key}[{index}]"
    return problems


def _check_ref(problems: list[Problem], path: str, value: Any, known: set[str], what: str) -> None:
    if isinstance(value, str) and value not in known:
        problems.append(Problem(path, f"no {what} with id {value!r}"))


def _dangling_references(data: Mapping[str, Any]) -> list[Problem]:
    lanes, phases, steps = _ids(data, "lanes"), _ids(data, "phases"), _ids(data, "steps")
    resources = _ids(data, "resources")
    problems: list[Problem] = []
    for index, step in _items(data, "steps"):
        _check_ref(problems, f"steps[{index}].lane", step.get("lane"), lanes, "lane")
        _check_ref(problems, f"steps[{index}].phase", step.get("phase"), phases, "phase")
        resource = step.get("resource")
        _check_ref(problems, f"steps[{index}].resource", resource, resources, "resource")
    for index, flow in _items(data, "flows"):
        _check_ref(problems, f"flows[{index}].source", flow.get("source"), steps, "step")
        _check_ref(problems, f"flows[{index}].target", flow.get("target"), steps, "step")
    for index, note in _items(data, "notes"):
        _check_ref(problems, f"notes[{index}].attached_to", note.get("attached_to"), steps, "step")
    return problems


def _lane_problems(data: Mapping[str, Any]) -> list[Problem]:
    if not isinstance(data.get("lanes"), list):
        return []
    problems: list[Problem] = []
    positions: dict[str, list[int]] = {}
    for index, lane in _items(data, "lanes"):
        kind = lane.get("kind")
        if isinstance(kind, str):
            positions.setdefault(kind, []).append(index)
    found_order = []
    for kind in STANDARD_LANE_ORDER:
        where = positions.get(kind.value, [])
        if not where:
            reason = f"the standard lane of kind {kind.value!r} is missing"
            problems.append(Problem("lanes", reason))
        for extra in where[1:]:
            problems.append(
                Problem(
                    f"lanes[{extra}].kind",
                    f"a second lane of kind {kind.value!r}; each standard lane kind appears once",
                )
            )
        if where:
            found_order.append((where[0], kind.value))
    actual = [kind for _, kind in sorted(found_order)]
    expected = [kind.value for kind in STANDARD_LANE_ORDER if kind.value in actual]
    if actual != expected:
        problems.append(
            Problem(
                "lanes",
                "the standard lanes are out of order: expected "
                f"{' > '.join(expected)}, found {' > '.join(actual)}",
            )
        )
    return problems
