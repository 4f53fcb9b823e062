"""How the interface names an item of the blueprint: by what people call it, never its id
(the Problems list, undo steps)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


def nothing(_item_id: str) -> None:
    return None


def item_name(find: Callable[[str], Any], item_id: str) -> str:
    """How the Problems list names an item: a step, lane or phase by its title, a flow by its
    label or its two steps ("Order → Pay"), a note by its text; the id only for what has no
    name."""
    item = find(item_id)
    title = getattr(item, "title", "")
    if title:
        return str(title)
    for words in ("label", "text"):  # a flow's label, a note's text
        if getattr(item, words, ""):
            return str(getattr(item, words))
    source, target = getattr(item, "source", None), getattr(item, "target", None)
    if source and target:
        return f"{item_name(find, source)} → {item_name(find, target)}"
    return item_id


def short_name(find: Callable[[str], Any], item_id: str, limit: int = 32) -> str:
    """:func:`item_name` on one line, cut with "…" past ``limit`` characters (a menu entry)."""
    text = " ".join(item_name(find, item_id).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
