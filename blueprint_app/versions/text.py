"""A diff as a change log a service designer reads, in the blueprint's language.

Items are named by their titles (a flow by the steps it joins), lanes and phases in a move by
their titles on the side they belong to, times in human units, kinds by their glossary names.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from blueprint_app.model.blueprint import Blueprint, Conflict
from blueprint_app.model.durations import format_exact, format_minutes
from blueprint_app.model.glossary import FLOW_KINDS, LANE_KINDS, STEP_KINDS, Term
from blueprint_app.storage.writer import to_canonical_dict
from blueprint_app.versions.diff import (
    COLLECTION_OF,
    COLLECTIONS,
    KIND_OF,
    MISSING,
    NOT_COMPARED,
    ORDERED,
    BlueprintDiff,
    Item,
    by_id,
)
from blueprint_app.versions.words import field_name, words

_KIND_TERMS: dict[str, Mapping[Any, Term]] = {
    "step": {kind.value: term for kind, term in STEP_KINDS.items()},
    "flow": {kind.value: term for kind, term in FLOW_KINDS.items()},
    "lane": {kind.value: term for kind, term in LANE_KINDS.items()},
}
#: Fields that hold the id of an item of another collection.
_REFERS_TO = {"lane": "lanes", "phase": "phases", "source": "steps", "target": "steps"}
_ORDER_OF = {"lane_order": "lanes", "phase_order": "phases"}
_NAME_LIMIT = 60


class ChangeLog:
    """Names items and values of two blueprints (as diff data) in one language."""

    def __init__(self, old: Mapping[str, Any], new: Mapping[str, Any], language: str) -> None:
        self.language = language
        self.words = words(language)
        self.old = {key: by_id(old[key]) for key in COLLECTIONS}
        self.new = {key: by_id(new[key]) for key in COLLECTIONS}

    def lookup(self, key: str, item_id: str, prefer_old: bool = False) -> Item | None:
        sides = (self.old, self.new) if prefer_old else (self.new, self.old)
        return sides[0][key].get(item_id) or sides[1][key].get(item_id)

    def title(self, key: str, item_id: str, prefer_old: bool = False) -> str:
        item = self.lookup(key, item_id, prefer_old)
        if item is None:
            return item_id
        text = item.get("title") or item.get("text") or ""
        text = " ".join(str(text).split())
        if len(text) > _NAME_LIMIT:
            text = text[: _NAME_LIMIT - 1] + "…"
        return text or item_id

    def what(self, kind: str, item_id: str | None, prefer_old: bool = False) -> str:
        """``Step “Checks in”``; a flow by its two steps; the blueprint by its word."""
        if kind == "blueprint" or item_id is None:
            return self.words["blueprint"]
        if kind == "flow":
            flow = self.lookup("flows", item_id, prefer_old) or {}
            return self.words["flow_name"].format(
                kind=self.words["flow"],
                source=self.title("steps", str(flow.get("source", "?")), prefer_old),
                target=self.title("steps", str(flow.get("target", "?")), prefer_old),
            )
        name = self.title(COLLECTION_OF[kind], item_id, prefer_old)
        return self.words["named"].format(kind=self.words[kind], name=name)

    def value(self, name: str, value: Any, prefer_old: bool = False, kind: str = "") -> str:
        """A field's value as the change log shows it."""
        if value is MISSING or value is None or value == "":
            return self.words["none"]
        if isinstance(value, bool):
            return self.words["yes" if value else "no"]
        if name.endswith("_minutes") and isinstance(value, int | float):
            return format_minutes(float(value), self.language)
        if name in _REFERS_TO and isinstance(value, str):
            return f"“{self.title(_REFERS_TO[name], value, prefer_old)}”"
        if name == "kind" and isinstance(value, str) and value in _KIND_TERMS.get(kind, {}):
            return _KIND_TERMS[kind][value].name(self.language)
        if name in _ORDER_OF and isinstance(value, list):
            return " > ".join(self.title(_ORDER_OF[name], str(i), prefer_old) for i in value)
        if name == "layout" and isinstance(value, dict):
            key = "layout" if "row" in value else "note_at"
            return self.words[key].format(**{k: _number(v) for k, v in value.items()})
        if isinstance(value, str):
            return f"“{' '.join(value.split())}”"
        if isinstance(value, int | float):
            return _number(value)
        return json.dumps(value, ensure_ascii=False, sort_keys=True)

    def change(self, kind: str, item_id: str | None, name: str, old: Any, new: Any) -> str:
        what = self.what(kind, item_id)
        label = field_name(name, self.language)
        before, after = self.value(name, old, True, kind), self.value(name, new, kind=kind)
        if before == after and name.endswith("_minutes"):  # rounding hid the difference
            before, after = (format_exact(float(v), self.language) for v in (old, new))
        if old in (MISSING, None, "") and new not in (MISSING, None, ""):
            return self.words["set"].format(what=what, field=label, new=after)
        if new in (MISSING, None, ""):
            return self.words["cleared"].format(what=what, field=label, old=before)
        return self.words["changed"].format(what=what, field=label, old=before, new=after)


def _number(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


@dataclass(frozen=True)
class Entry:
    """One line of a change log: ``added``, ``removed`` or ``changed``, the item's kind and id
    (None: the blueprint itself), and the text."""

    status: str
    kind: str
    id: str | None
    text: str


_SIGNS = {"added": "+", "removed": "-", "changed": "~"}


def change_entries(
    changes: BlueprintDiff, old: Mapping[str, Any], new: Mapping[str, Any], language: str
) -> list[Entry]:
    """Additions, removals, then each changed field, old → new (one entry each)."""
    log = ChangeLog(old, new, language)
    w = log.words
    entries = []
    for key in COLLECTIONS:
        for item in changes.added[key]:
            text = w["added"].format(what=log.what(KIND_OF[key], item["id"]))
            entries.append(Entry("added", KIND_OF[key], item["id"], text))
    for key in COLLECTIONS:
        for item in changes.removed[key]:
            what = log.what(KIND_OF[key], item["id"], prefer_old=True)
            entries.append(
                Entry("removed", KIND_OF[key], item["id"], w["removed"].format(what=what))
            )
    for change in changes.changed:
        for name, (before, after) in change.fields.items():
            text = log.change(change.kind, change.id, name, before, after)
            entries.append(Entry("changed", change.kind, change.id, text))
    return entries


def change_log(
    changes: BlueprintDiff, old: Mapping[str, Any], new: Mapping[str, Any], language: str
) -> list[str]:
    """The change log as text lines, each marked ``+``, ``-`` or ``~``."""
    entries = change_entries(changes, old, new, language)
    return [f"{_SIGNS[entry.status]} {entry.text}" for entry in entries]


def conflict_line(conflict: Conflict, log: ChangeLog) -> str:
    """What a merge conflict is about, in the log's language."""
    what = log.what(conflict.kind.value, conflict.id)
    if conflict.field is None:
        kept = log.words["kept_deleted" if conflict.ours is None else "kept_item"]
        return log.words["conflict_item"].format(what=what, kept=kept)
    values: dict[str, Any] = {
        side: log.value(conflict.field, getattr(conflict, side), kind=conflict.kind.value)
        for side in ("base", "ours", "theirs")
    }
    label = field_name(conflict.field, log.language)
    return log.words["conflict"].format(what=what, field=label, **values)


def summary(changes: BlueprintDiff, language: str) -> str:
    """``2 added, 1 removed, 3 changed``, or that nothing changed in meaning."""
    w = words(language)
    if changes.is_empty():
        return w["same"]
    return w["summary"].format(
        added=sum(len(items) for items in changes.added.values()),
        removed=sum(len(items) for items in changes.removed.values()),
        changed=len(changes.changed),
    )


def outline(blueprint: Blueprint) -> list[str]:
    """The blueprint as ``kind id: field = value`` lines (defaults left out; lanes and phases
    in their order, other items by id; timestamps left out as no part of the meaning)."""
    data = to_canonical_dict(blueprint)
    lines = [
        f"blueprint: {name} = {_compact(value)}"
        for name, value in data.items()
        if name not in NOT_COMPARED and name not in ("format", "format_version")
    ]
    for key, value in data.get("rules", {}).items():
        lines.append(f"blueprint: rules.{key} = {_compact(value)}")
    for key in COLLECTIONS:
        items = data[key] if key in ORDERED else sorted(data[key], key=lambda item: item["id"])
        for item in items:
            lines += [
                f"{KIND_OF[key]} {item['id']}: {name} = {_compact(value)}"
                for name, value in item.items()
                if name != "id"
            ] or [f"{KIND_OF[key]} {item['id']}"]
    return lines


def _compact(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)
