"""What changed between two blueprints, by id: the meaning, never the text of the file.

Two files that differ only in key order, whitespace, defaults written or left out, the order of
steps, flows or notes in their lists, or the ``created`` / ``modified`` timestamps (which every
save stamps) are the same blueprint: their diff is empty. The order of lanes and of phases is
meaning (it is the drawing's order), so a reorder is a change of the blueprint's ``lane_order``
or ``phase_order``. A step's ``layout`` is one field: a move is a change of lane, phase or
layout. The blueprint's ``rules`` are compared per entry (field ``rules.<key>``) so that two
people may set different rules; unknown fields a newer version wrote are compared like any other.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from blueprint_app.model.blueprint import Blueprint

#: The collections compared by id, in the order a change log lists them.
COLLECTIONS = ("lanes", "phases", "steps", "flows", "notes")
#: Each collection's item kind, as the JSON output and the ``conflicts`` list name it.
KIND_OF = {"lanes": "lane", "phases": "phase", "steps": "step", "flows": "flow", "notes": "note"}
COLLECTION_OF = {kind: key for key, kind in KIND_OF.items()}
#: Collections whose list order is meaning: reordering them is a change.
ORDERED = {"lanes": "lane_order", "phases": "phase_order"}
#: Top-level fields that are no part of the blueprint's meaning (each save stamps them) or that
#: are compared on their own (the collections, the rules per entry).
NOT_COMPARED = frozenset({"created", "modified", "rules", *COLLECTIONS})


class _Missing:
    """A field one side does not have at all (an unknown field only the other side holds)."""

    def __repr__(self) -> str:
        return "MISSING"


MISSING: Any = _Missing()

Item = dict[str, Any]


@dataclass(frozen=True)
class Change:
    """One changed item: its ``kind`` (``blueprint`` for the document's own fields), ``id`` (None
    for the blueprint) and each changed field's (old, new) value; :data:`MISSING` is absent."""

    kind: str
    id: str | None
    fields: dict[str, tuple[Any, Any]]


@dataclass
class BlueprintDiff:
    """Added and removed items per collection (the new side's or old side's whole item), and the
    changed items field by field."""

    added: dict[str, list[Item]] = field(default_factory=lambda: {k: [] for k in COLLECTIONS})
    removed: dict[str, list[Item]] = field(default_factory=lambda: {k: [] for k in COLLECTIONS})
    changed: list[Change] = field(default_factory=list)
    #: The new side's ids of each ordered collection, in order: where added lanes and phases go.
    orders: dict[str, list[str]] = field(default_factory=dict)

    def is_empty(self) -> bool:
        return not self.changed and not any(self.added.values()) and not any(self.removed.values())

    def to_json(self) -> dict[str, Any]:
        """The shape ``blueprint diff --format json`` prints (docs/FORMAT.md, "Comparing")."""
        return {
            "added": {key: [item["id"] for item in items] for key, items in self.added.items()},
            "removed": {key: [item["id"] for item in items] for key, items in self.removed.items()},
            "changed": [
                {
                    "kind": change.kind,
                    "id": change.id,
                    "fields": {
                        name: [_json(old), _json(new)] for name, (old, new) in change.fields.items()
                    },
                }
                for change in self.changed
            ],
        }

    def ids(self) -> dict[str, set[str]]:
        """The ids the diff touches, by what happened to them: ``added``, ``changed``,
        ``removed`` (what the picture and the canvas colour)."""
        return {
            "added": {item["id"] for items in self.added.values() for item in items},
            "removed": {item["id"] for items in self.removed.values() for item in items},
            "changed": {c.id for c in self.changed if c.id is not None},
        }


def _json(value: Any) -> Any:
    return None if value is MISSING else value


def as_data(blueprint: Blueprint) -> dict[str, Any]:
    """The blueprint as plain JSON data with every field (defaults included), for comparing."""
    return blueprint.model_dump(mode="json")


def by_id(items: Iterable[Item]) -> dict[str, Item]:
    return {item["id"]: item for item in items}


def field_changes(old: Mapping[str, Any], new: Mapping[str, Any]) -> dict[str, tuple[Any, Any]]:
    """Each field whose value differs, in the new side's field order, then fields it lost."""
    changes: dict[str, tuple[Any, Any]] = {}
    for name in [*new, *(name for name in old if name not in new)]:
        before, after = old.get(name, MISSING), new.get(name, MISSING)
        if before is not after and (before is MISSING or after is MISSING or before != after):
            changes[name] = (before, after)
    return changes


def own_fields(data: Mapping[str, Any]) -> dict[str, Any]:
    """The blueprint's own compared fields: everything but the collections and timestamps, with
    each rule as a field of its own."""
    fields = {name: value for name, value in data.items() if name not in NOT_COMPARED}
    for key, value in (data.get("rules") or {}).items():
        fields[f"rules.{key}"] = value
    return fields


def diff_data(old: Mapping[str, Any], new: Mapping[str, Any]) -> BlueprintDiff:
    """The diff of two blueprints given as :func:`as_data` dictionaries."""
    result = BlueprintDiff()
    own = field_changes(own_fields(old), own_fields(new))
    for key, name in ORDERED.items():
        before, after = order_change(old[key], new[key])
        if before != after:
            own[name] = (before, after)
    if own:
        result.changed.append(Change("blueprint", None, own))
    result.orders = {key: [item["id"] for item in new[key]] for key in ORDERED}
    for key in COLLECTIONS:
        _diff_collection(key, old[key], new[key], result)
    return result


def order_change(old: list[Item], new: list[Item]) -> tuple[list[str], list[str]]:
    """The relative order of the ids both lists hold, old and new (equal: no reorder)."""
    common = {item["id"] for item in old} & {item["id"] for item in new}
    return (
        [item["id"] for item in old if item["id"] in common],
        [item["id"] for item in new if item["id"] in common],
    )


def _diff_collection(key: str, old: list[Item], new: list[Item], result: BlueprintDiff) -> None:
    before, after = by_id(old), by_id(new)
    result.added[key] = [item for item in new if item["id"] not in before]
    result.removed[key] = [item for item in old if item["id"] not in after]
    for item in new:
        was = before.get(item["id"])
        if was is not None and was != item:
            result.changed.append(Change(KIND_OF[key], item["id"], field_changes(was, item)))


def diff(old: Blueprint, new: Blueprint) -> BlueprintDiff:
    """What changed from ``old`` to ``new``; empty when they are the same in meaning."""
    return diff_data(as_data(old), as_data(new))


def apply_diff(data: Mapping[str, Any], changes: BlueprintDiff) -> dict[str, Any]:
    """``data`` (an :func:`as_data` dictionary) with ``changes`` made: removed items go, added
    items come at the end of their list, changed fields take their new value, reorders apply."""
    result = {key: value for key, value in data.items()}
    own = next((c.fields for c in changes.changed if c.kind == "blueprint"), {})
    rules = dict(result.get("rules") or {})
    for name, (_old, new) in own.items():
        if name in ORDERED.values():
            continue
        target, key = (rules, name[6:]) if name.startswith("rules.") else (result, name)
        if new is MISSING:
            target.pop(key, None)
        else:
            target[key] = new
    result["rules"] = rules
    for key in COLLECTIONS:
        result[key] = _apply_collection(key, data[key], changes)
        if key in changes.orders:
            result[key] = reorder(result[key], changes.orders[key])
    return result


def _apply_collection(key: str, items: list[Item], changes: BlueprintDiff) -> list[Item]:
    gone = {item["id"] for item in changes.removed[key]}
    edits = {c.id: c.fields for c in changes.changed if c.kind == KIND_OF[key]}
    out: list[Item] = []
    for item in items:
        if item["id"] in gone:
            continue
        if item["id"] in edits:
            item = dict(item)
            for name, (_old, new) in edits[item["id"]].items():
                if new is MISSING:
                    item.pop(name, None)
                else:
                    item[name] = new
        out.append(item)
    return out + [dict(item) for item in changes.added[key]]


def reorder(items: list[Item], order: list[str]) -> list[Item]:
    """``items`` with the ids of ``order`` in that relative order, each other item staying after
    the item it followed."""
    rank = {item_id: index for index, item_id in enumerate(order)}
    slots = iter(sorted((it for it in items if it["id"] in rank), key=lambda it: rank[it["id"]]))
    return [next(slots) if item["id"] in rank else item for item in items]
