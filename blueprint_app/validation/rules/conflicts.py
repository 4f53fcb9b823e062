"""Merge: conflicts ``blueprint merge`` recorded in the file and nobody has resolved yet."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from blueprint_app.validation.context import Context
from blueprint_app.validation.findings import Severity
from blueprint_app.validation.registry import Hit, rule

_SHOWN = 40


def _value(value: Any) -> str:
    """A conflict's value, short: text as it is, anything else as compact JSON."""
    if value is None:
        return "—"
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    text = " ".join(text.split())
    return text if len(text) <= _SHOWN else text[: _SHOWN - 1] + "…"


@rule(
    "BP095",
    "unresolved-merge-conflict",
    Severity.ERROR,
    family="merge",
    description="The file's conflicts list holds a conflict from a merge: both sides changed "
    "the same field differently, or one deleted what the other changed. The file keeps our "
    "side's value until someone chooses; resolve it in the Conflicts panel. Source: the "
    "file format (docs/FORMAT.md, Conflict), after nbdime's content-aware merge of notebooks.",
    bad='"conflicts": [{"kind": "step", "id": "s2", "field": "title", "base": "Pay", '
    '"ours": "Pay at the desk", "theirs": "Pay online"}]',
    good="no conflicts list (every conflict resolved)",
)
def unresolved_merge_conflict(ctx: Context) -> Iterator[Hit]:
    for conflict in ctx.blueprint.conflicts:
        items = (conflict.id,) if conflict.id else ()
        name = conflict.id or ctx.blueprint.title
        if conflict.field is None:
            yield Hit(items, {"name": name}, variant="item")
        else:
            args = {
                "name": name,
                "field": conflict.field,
                "ours": _value(conflict.ours),
                "theirs": _value(conflict.theirs),
            }
            yield Hit(items, args)
