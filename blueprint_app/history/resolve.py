"""Resolving a merge conflict (docs/FORMAT.md, "Conflict") as one undoable edit.

``ours`` keeps what the file holds now (the merge kept our side) and only drops the entry;
``theirs`` puts their value in (for a whole item: their item back, or the item deleted);
``edit`` puts a value the user typed. The ``conflicts`` list goes with its last entry.
"""

from __future__ import annotations

from typing import Any, Literal

from blueprint_app.history.document import BLUEPRINT, ITEM_TYPES, Collection
from blueprint_app.history.edits import (
    EditError,
    add_item,
    delete_items,
    reorder,
    set_field,
)
from blueprint_app.history.undo import Transaction
from blueprint_app.model.blueprint import Conflict

Choice = Literal["ours", "theirs", "edit"]
COLLECTION_OF_KIND: dict[str, Collection] = {
    "lane": "lanes",
    "phase": "phases",
    "step": "steps",
    "flow": "flows",
    "note": "notes",
}
_ORDERS: dict[str, Collection] = {"lane_order": "lanes", "phase_order": "phases"}


def resolve_conflict(tx: Transaction, index: int, choice: Choice, value: Any = None) -> None:
    """Resolve the ``index``-th conflict of the document with ``choice`` (``value``: the edited
    value, for ``edit``) and remove it from the list."""
    blueprint = tx.document.blueprint
    if not 0 <= index < len(blueprint.conflicts):
        raise EditError(f"there is no conflict number {index + 1}")
    conflict = blueprint.conflicts[index]
    if choice != "ours":
        chosen = value if choice == "edit" else conflict.theirs
        if conflict.field is None:
            _whole_item(tx, conflict, chosen)
        else:
            _field(tx, conflict, conflict.field, chosen)
    rest = [c for number, c in enumerate(blueprint.conflicts) if number != index]
    set_field(tx, BLUEPRINT, "conflicts", rest)


def _field(tx: Transaction, conflict: Conflict, field: str, value: Any) -> None:
    blueprint = tx.document.blueprint
    if conflict.id is None and field in _ORDERS:
        order = [item_id for item_id in value or [] if item_id in tx.document]
        for position, item_id in enumerate(order):
            reorder(tx, item_id, position)
        return
    if conflict.id is None and field.startswith("rules."):
        rules = dict(blueprint.rules)
        if value is None:
            rules.pop(field[6:], None)
        else:
            rules[field[6:]] = value
        set_field(tx, BLUEPRINT, "rules", rules)
        return
    item_id = BLUEPRINT if conflict.id is None else conflict.id
    if item_id != BLUEPRINT and item_id not in tx.document:
        return  # deleted since the merge: nothing left to choose for
    try:
        set_field(tx, item_id, field, value)
    except ValueError as error:  # pydantic's refusal of a value of the wrong type
        raise EditError(f"{field}: {error}") from None


def _whole_item(tx: Transaction, conflict: Conflict, chosen: Any) -> None:
    """Their whole item: deleted (null), put back, or its fields taken over."""
    item_id = conflict.id
    collection = COLLECTION_OF_KIND.get(conflict.kind.value)
    if item_id is None or collection is None:
        return
    if chosen is None:
        if item_id in tx.document:
            delete_items(tx, [item_id])
        return
    item = ITEM_TYPES[collection].model_validate(chosen)
    if item_id not in tx.document:
        add_item(tx, collection, item)
        return
    current = tx.document.get(item_id)
    for name in type(item).model_fields:
        if name != "id" and getattr(current, name) != getattr(item, name):
            set_field(tx, item_id, name, getattr(item, name))
