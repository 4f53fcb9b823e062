"""Copied selections as blueprint JSON (no Qt): what goes on the clipboard and comes back.

A fragment is the part of a file a paste needs: the chosen steps (each with ``lane_kind`` so it
lands in the right lane of another blueprint), the flows between them, and the notes. Another
window, or a text editor, can read it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from blueprint_app.history import Document
from blueprint_app.model import Flow, Lane, Note, Step

MIME_TYPE = "application/x-blueprint+json"
FRAGMENT_FORMAT = "service-blueprint-fragment"


def make_fragment(document: Document, ids: Iterable[str]) -> dict[str, Any]:
    """The steps, notes and flows among ``ids``; a flow comes along only with both its ends."""
    chosen = set(ids)
    steps = [s for s in document.blueprint.steps if s.id in chosen]
    step_ids = {s.id for s in steps}
    flows = [f for f in document.blueprint.flows if f.source in step_ids and f.target in step_ids]
    notes = [n for n in document.blueprint.notes if n.id in chosen]
    return {
        "format": FRAGMENT_FORMAT,
        "steps": [_step_data(document, s) for s in steps],
        "flows": [_dump(f) for f in flows],
        "notes": [_dump(n) for n in notes],
    }


def _dump(item: Flow | Note | Step) -> dict[str, Any]:
    data: dict[str, Any] = item.model_dump(mode="json", exclude_none=True)
    return data


def _step_data(document: Document, step: Step) -> dict[str, Any]:
    data = _dump(step)
    lane = document.get(step.lane)
    if isinstance(lane, Lane):
        data["lane_kind"] = lane.kind.value
    return data


def fragment_text(fragment: dict[str, Any]) -> str:
    return json.dumps(fragment, ensure_ascii=False, indent=2)


def parse_fragment(text: str) -> dict[str, Any] | None:
    """A fragment from clipboard text, or None if the text is not one."""
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        return None
    if not isinstance(data, dict) or data.get("format") != FRAGMENT_FORMAT:
        return None
    for key in ("steps", "flows", "notes"):
        value = data.setdefault(key, [])
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            return None
    return data


def is_empty(fragment: dict[str, Any]) -> bool:
    return not (fragment["steps"] or fragment["notes"])


def search_steps(document: Document, text: str) -> list[str]:
    """Ids of steps whose title, description, actor or channel contain ``text`` (any case)."""
    needle = text.strip().casefold()
    if not needle:
        return []
    found = []
    for step in document.blueprint.steps:
        haystack = " ".join((step.title, step.description, step.actor, step.channel, step.id))
        if needle in haystack.casefold():
            found.append(step.id)
    return found
