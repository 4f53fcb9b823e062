"""A three-way merge of blueprints by id, as git's merge driver runs it (``%O %A %B``).

Each item and each field of an item merges on its own: a change on one side wins over the base;
the same change on both sides is one change. Where both sides changed one field differently, or
one side deleted what the other changed, OURS' value stays and the clash is recorded in the
result's ``conflicts`` list (docs/FORMAT.md). Ids both sides added for different things are told
apart: THEIRS' item gets a fresh id and everything of theirs that pointed at it follows. The
result is always a loadable blueprint: flows of a deleted step go with it, notes on a deleted
step stay unattached, and a lane or phase one side deleted while the other put steps in it stays.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from blueprint_app.model.blueprint import ID_PATTERN, Blueprint, Conflict
from blueprint_app.storage.reader import from_raw
from blueprint_app.versions.diff import (
    COLLECTIONS,
    KIND_OF,
    MISSING,
    ORDERED,
    Item,
    as_data,
    by_id,
    own_fields,
)

#: Fields of each kind that hold another item's id.
REFERENCES: dict[str, tuple[str, ...]] = {
    "steps": ("lane", "phase"),
    "flows": ("source", "target"),
    "notes": ("attached_to",),
}
_ID_LIMIT = int(ID_PATTERN.split("{1,")[1].split("}")[0])


@dataclass
class MergeResult:
    """The merged blueprint, the conflicts this merge found, and the ids it gave THEIRS' items."""

    blueprint: Blueprint
    conflicts: list[Conflict]
    renamed: dict[str, str]

    @property
    def clean(self) -> bool:
        return not self.blueprint.conflicts


class _Merge:
    """One merge's state: the three sides as data, and the conflicts met so far."""

    def __init__(self, base: dict[str, Any], ours: dict[str, Any], theirs: dict[str, Any]):
        self.base, self.ours = base, ours
        self.renamed = clashing_ids(base, ours, theirs)
        self.theirs = renamed_data(theirs, self.renamed) if self.renamed else theirs
        self.conflicts: list[dict[str, Any]] = []

    def conflict(self, kind: str, item_id: str | None, name: str | None, *values: Any) -> None:
        base, ours, theirs = (None if value in _ABSENT else value for value in values)
        self.conflicts.append(
            {
                "kind": kind,
                "id": item_id,
                "field": name,
                "base": base,
                "ours": ours,
                "theirs": theirs,
            }
        )

    def fields(
        self,
        kind: str,
        item_id: str | None,
        base: Mapping[str, Any],
        ours: Mapping[str, Any],
        theirs: Mapping[str, Any],
    ) -> dict[str, Any]:
        """Each field merged three ways; a clash keeps ours and is recorded."""
        out: dict[str, Any] = {}
        for name in _union(ours, theirs, base):
            b, o, t = base.get(name, MISSING), ours.get(name, MISSING), theirs.get(name, MISSING)
            value = _pick(b, o, t)
            if value is _CLASH:
                self.conflict(kind, item_id, name, b, o, t)
                value = o
            if value is not MISSING:
                out[name] = value
        return out

    def collection(self, key: str) -> list[Item]:
        base, ours, theirs = (by_id(side[key]) for side in (self.base, self.ours, self.theirs))
        merged: dict[str, Item] = {}
        for item_id in _union(ours, theirs, base):
            item = self.item(
                key, item_id, base.get(item_id), ours.get(item_id), theirs.get(item_id)
            )
            if item is not None:
                merged[item_id] = item
        return list(merged.values())

    def item(
        self, key: str, item_id: str, base: Item | None, ours: Item | None, theirs: Item | None
    ) -> Item | None:
        kind = KIND_OF[key]
        if ours is not None and theirs is not None:
            quick = _pick(base, ours, theirs)
            if quick is not _CLASH or base is None:
                return ours if quick is _CLASH else quick
            return self.fields(kind, item_id, base, ours, theirs)
        if base is None or (ours is None and theirs is None):
            return ours or theirs  # added on one side, or deleted on both
        kept = ours if theirs is None else None  # the side that did not delete it
        changed = ours if ours is not None else theirs
        if changed == base:  # deleted on one side, untouched on the other: deleted
            return None
        self.conflict(kind, item_id, None, base, ours, theirs)
        return kept  # ours' value: kept if ours kept it, deleted if ours deleted it

    def blueprint_fields(self) -> dict[str, Any]:
        own = self.fields("blueprint", None, *(own_fields(s) for s in self.sides))
        out = {name: value for name, value in own.items() if not name.startswith("rules.")}
        out["rules"] = {n[6:]: value for n, value in own.items() if n.startswith("rules.")}
        for name in ("created", "modified"):  # no part of the meaning: ours' stamps
            if self.ours.get(name) is not None:
                out[name] = self.ours[name]
        out.pop("conflicts", None)
        return out

    @property
    def sides(self) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
        return self.base, self.ours, self.theirs

    def ordered(self, key: str, items: list[Item]) -> list[Item]:
        """Lanes and phases in order: one side's reorder wins, then each side's new items
        after the item they followed there; both sides reordering differently is a conflict."""
        present = {item["id"] for item in items}
        everywhere = present.intersection(*({i["id"] for i in side[key]} for side in self.sides))
        base, ours, theirs = (
            [i["id"] for i in side[key] if i["id"] in everywhere] for side in self.sides
        )
        first, second = (
            (self.theirs, self.ours) if ours == base != theirs else (self.ours, self.theirs)
        )
        if base not in (ours, theirs) and ours != theirs:
            self.conflict("blueprint", None, ORDERED[key], base, ours, theirs)
        sequence = [i for i in (item["id"] for item in first[key]) if i in present]
        for side in (second, self.base):
            _insert_missing(sequence, [item["id"] for item in side[key]], present)
        sequence += [item["id"] for item in items if item["id"] not in set(sequence)]
        found = by_id(items)
        return [found[item_id] for item_id in sequence]

    def run(self) -> dict[str, Any]:
        data = self.blueprint_fields()
        for key in COLLECTIONS:
            items = self.collection(key)
            data[key] = self.ordered(key, items) if key in ORDERED else items
        self.repair(data)
        data["conflicts"] = _unique(
            [*self.ours.get("conflicts", []), *self.theirs.get("conflicts", []), *self.conflicts]
        )
        return data

    def repair(self, data: dict[str, Any]) -> None:
        """Make the result loadable: keep used lanes and phases, drop flows without both ends
        (back: flows whose deletion only followed a step the merge kept), unpin notes."""
        for key, field_name in (("lanes", "lane"), ("phases", "phase")):
            used = {step.get(field_name) for step in data["steps"]} - {None}
            missing = used - {item["id"] for item in data[key]}
            for item_id in missing:
                data[key] = self.restored(key, item_id, data[key])
        steps = {step["id"] for step in data["steps"]}
        kept = by_id(data["flows"])
        known = [({s["id"] for s in side["steps"]}, by_id(side["flows"])) for side in self.sides]
        for _steps, side_flows in (known[1], known[2], known[0]):
            for flow in side_flows.values():
                if flow["id"] not in kept and _followed_a_step(flow, steps, known):
                    kept[flow["id"]] = flow
        data["flows"] = [f for f in kept.values() if f["source"] in steps and f["target"] in steps]
        for note in data["notes"]:
            if note.get("attached_to") not in steps:
                note["attached_to"] = None

    def restored(self, key: str, item_id: str, items: list[Item]) -> list[Item]:
        """``items`` with the lane or phase ``item_id`` back (from whichever side still has it):
        one side deleted it while the other put steps in it."""
        sides = [by_id(side[key]).get(item_id) for side in self.sides]
        item = next(found for found in (sides[1], sides[2], sides[0]) if found is not None)
        if not any(c["id"] == item_id and c["field"] is None for c in self.conflicts):
            self.conflict(KIND_OF[key], item_id, None, *sides)
        order = [found["id"] for found in next(s[key] for s in self.sides if item in s[key])]
        sequence = [existing["id"] for existing in items]
        _insert_missing(sequence, order, {*sequence, item_id})
        found = {**by_id(items), item_id: item}
        return [found[i] for i in sequence]


_CLASH: Any = object()
#: The base of a field two sides added differently with no common ancestor: equal to neither.
_NO_BASE: Any = type("_NoBase", (), {"__repr__": lambda self: "NO_BASE"})()
_ABSENT = (MISSING, _NO_BASE)


def _pick(base: Any, ours: Any, theirs: Any) -> Any:
    """The three-way choice for one value; :data:`_CLASH` when both sides changed it apart."""
    if ours == theirs:
        return ours
    if ours == base:
        return theirs
    if theirs == base:
        return ours
    return _CLASH


def _union(*mappings: Iterable[str]) -> list[str]:
    """The keys of all mappings, first-seen order."""
    return list(dict.fromkeys(key for mapping in mappings for key in mapping))


def _unique(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for item in items:
        if item not in out:
            out.append(item)
    return out


def _insert_missing(sequence: list[str], order: list[str], wanted: set[str]) -> None:
    """Put each id of ``order`` that is wanted but not yet in ``sequence`` right after the
    nearest id before it in ``order`` that is (at the start when there is none)."""
    placed = set(sequence)
    previous: str | None = None
    for item_id in order:
        if item_id in wanted and item_id not in placed:
            at = sequence.index(previous) + 1 if previous is not None else 0
            sequence.insert(at, item_id)
            placed.add(item_id)
        if item_id in placed:
            previous = item_id


def _followed_a_step(
    flow: Item, steps: set[str], sides: list[tuple[set[str], dict[str, Item]]]
) -> bool:
    """Whether ``flow`` is missing only because each side without it deleted one of its steps,
    which the merge kept (a delete/edit conflict): then the flow stays with its step."""
    if flow["source"] not in steps or flow["target"] not in steps:
        return False
    without = [side_steps for side_steps, side_flows in sides if flow["id"] not in side_flows]
    return bool(without) and all(
        flow["source"] not in side_steps or flow["target"] not in side_steps
        for side_steps in without
    )


def clashing_ids(
    base: Mapping[str, Any], ours: Mapping[str, Any], theirs: Mapping[str, Any]
) -> dict[str, str]:
    """THEIRS' new ids that ours also added for something else, each with a fresh id."""

    def added(side: Mapping[str, Any]) -> dict[str, tuple[str, Item]]:
        known = _all_ids(base)
        return {i["id"]: (k, i) for k in COLLECTIONS for i in side[k] if i["id"] not in known}

    ours_new, theirs_new = added(ours), added(theirs)
    taken = _all_ids(base) | set(ours_new) | set(theirs_new)
    renamed: dict[str, str] = {}
    for item_id in sorted(ours_new.keys() & theirs_new.keys()):
        if ours_new[item_id] != theirs_new[item_id]:
            renamed[item_id] = fresh_id(item_id, taken)
            taken.add(renamed[item_id])
    return renamed


def _all_ids(data: Mapping[str, Any]) -> set[str]:
    return {item["id"] for key in COLLECTIONS for item in data[key]}


def fresh_id(item_id: str, taken: set[str]) -> str:
    """``s3`` → ``s3-2`` (or ``-3`` …): an id nobody uses, within the format's length limit."""
    number = 2
    while True:
        suffix = f"-{number}"
        candidate = item_id[: _ID_LIMIT - len(suffix)] + suffix
        if candidate not in taken:
            return candidate
        number += 1


def renamed_data(data: dict[str, Any], renamed: Mapping[str, str]) -> dict[str, Any]:
    """``data`` with its items' ids and every reference to them changed as ``renamed`` says."""
    out = dict(data)
    for key in COLLECTIONS:
        references = REFERENCES.get(key, ())
        items = []
        for item in data[key]:
            if item["id"] in renamed or any(item.get(ref) in renamed for ref in references):
                item = dict(item)
                item["id"] = renamed.get(item["id"], item["id"])
                for ref in references:
                    if item.get(ref) in renamed:
                        item[ref] = renamed[item[ref]]
            items.append(item)
        out[key] = items
    return out


def merge_data(
    base: dict[str, Any], ours: dict[str, Any], theirs: dict[str, Any]
) -> tuple[dict[str, Any], list[dict[str, Any]], dict[str, str]]:
    """The merged data, this merge's conflicts and THEIRS' renamed ids (sides as ``as_data``)."""
    merge = _Merge(base, ours, theirs)
    return merge.run(), merge.conflicts, merge.renamed


def two_way_base(ours: Mapping[str, Any], theirs: Mapping[str, Any]) -> dict[str, Any]:
    """A base for two sides with no common ancestor (both added the file): what they agree on,
    and for each field they hold differently a value equal to neither, so that it conflicts."""

    def common(first: Mapping[str, Any], second: Mapping[str, Any]) -> dict[str, Any]:
        return {
            name: first[name] if first[name] == second[name] else _NO_BASE
            for name in first.keys() & second.keys()
        }

    base = common(ours, theirs)
    base["rules"] = common(ours.get("rules") or {}, theirs.get("rules") or {})
    for key in COLLECTIONS:
        theirs_items = by_id(theirs[key])
        base[key] = [
            common(item, theirs_items[item["id"]]) | {"id": item["id"]}
            for item in ours[key]
            if item["id"] in theirs_items
        ]
    return base


def merge_added_twice(ours: Blueprint, theirs: Blueprint) -> MergeResult:
    """Merge two blueprints without a common ancestor (git's add/add: an empty base): items
    with the same id are one item, and each field they hold differently is a conflict."""
    ours_data, theirs_data = as_data(ours), as_data(theirs)
    data, conflicts, renamed = merge_data(
        two_way_base(ours_data, theirs_data), ours_data, theirs_data
    )
    blueprint = from_raw(data, "<merge>")
    return MergeResult(blueprint, [Conflict.model_validate(c) for c in conflicts], renamed)


def merge(base: Blueprint, ours: Blueprint, theirs: Blueprint) -> MergeResult:
    """Merge ``theirs`` into ``ours`` with ``base`` their common ancestor.

    The result passes the loader's checks (BlueprintFileError would mean a bug here)."""
    data, conflicts, renamed = merge_data(as_data(base), as_data(ours), as_data(theirs))
    blueprint = from_raw(data, "<merge>")
    return MergeResult(blueprint, [Conflict.model_validate(c) for c in conflicts], renamed)
