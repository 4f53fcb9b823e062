"""Editing commands: each composes primitive operations inside one transaction.

They keep the document consistent (no flow without its steps, no step without its lane) so the
file can always be saved, and they never touch Qt: the canvas turns gestures into these calls.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from pydantic import BaseModel

from blueprint_app.history.document import (
    BLUEPRINT,
    ITEM_TYPES,
    Collection,
    Insert,
    Item,
    RemoveMany,
    Reorder,
    SetField,
)
from blueprint_app.history.undo import Transaction
from blueprint_app.model.blueprint import (
    Flow,
    FlowKind,
    Lane,
    LaneKind,
    Note,
    Step,
    StepKind,
    StepLayout,
)
from blueprint_app.model.factory import new_id


class EditError(ValueError):
    """An edit that would break the document's rules; the message says which."""


#: Fields that name another item, and the collection that item must be in.
_REFERENCES: dict[tuple[type, str], str] = {
    (Step, "lane"): "lanes",
    (Step, "phase"): "phases",
    (Flow, "source"): "steps",
    (Flow, "target"): "steps",
    (Note, "attached_to"): "steps",
}
#: Blueprint fields that are collections: changed item by item, never replaced whole.
_COLLECTION_FIELDS = {"lanes", "phases", "steps", "flows", "notes", "format", "format_version"}


def set_field(tx: Transaction, item_id: str, field: str, value: Any) -> None:
    """Change one field (``item_id`` BLUEPRINT for the blueprint); equal values do nothing.

    References must resolve to an item of the right kind, so an edit never leaves the document
    unsaveable.
    """
    document = tx.document
    item = document.blueprint if item_id == BLUEPRINT else document.get(item_id)
    if item is None:
        raise EditError(f"no item with id {item_id!r}")
    if field == "id":
        raise EditError("ids cannot be changed")
    if item_id == BLUEPRINT and field in _COLLECTION_FIELDS:
        raise EditError(f"the blueprint's {field!r} cannot be replaced as a whole")
    value = _detached(value)
    if getattr(item, field) == value:
        return
    if (
        isinstance(item, Lane)
        and field == "kind"
        and (item.kind != LaneKind.CUSTOM or value != LaneKind.CUSTOM)
    ):
        raise EditError("the kind of a lane cannot be changed")
    wanted = _REFERENCES.get((type(item), field))
    if wanted is not None and value is not None and document.collection_of(value) != wanted:
        raise EditError(f"{item_id}.{field}: no {wanted[:-1]} with id {value!r}")
    if wanted in ("lanes", "steps") and value is None:
        raise EditError(f"{item_id}.{field} cannot be empty")
    tx.apply(SetField(item_id, field, value))


def _detached(value: Any) -> Any:
    """A list of models (a step's ``metrics``) as fresh copies: the document then shares no
    object with the caller, so changing the caller's list or rows later cannot change the
    document behind the history's back, and undo restores exactly the old list."""
    if isinstance(value, list) and any(isinstance(entry, BaseModel) for entry in value):
        return [
            entry.model_copy(deep=True) if isinstance(entry, BaseModel) else entry
            for entry in value
        ]
    return value


def add_item(tx: Transaction, collection: Collection, item: Item, index: int | None = None) -> None:
    """Insert a lane, phase, step, flow or note (at the end unless ``index`` is given)."""
    document = tx.document
    if item.id in document:
        raise EditError(f"id {item.id!r} is already used")
    _check_references(tx, item)
    position = len(document.items(collection)) if index is None else index
    tx.apply(Insert(collection, item, position))


def _check_references(tx: Transaction, item: Item) -> None:
    document = tx.document
    wanted: list[tuple[str | None, str]] = []
    if isinstance(item, Step):
        wanted = [(item.lane, "lanes"), (item.phase, "phases")]
    elif isinstance(item, Flow):
        wanted = [(item.source, "steps"), (item.target, "steps")]
    elif isinstance(item, Note):
        wanted = [(item.attached_to, "steps")]
    for ref, collection in wanted:
        if ref is not None and document.collection_of(ref) != collection:
            raise EditError(f"{item.id}: no {collection[:-1]} with id {ref!r}")


def delete_items(tx: Transaction, ids: Iterable[str]) -> None:
    """Delete items and what depends on them: a lane's steps, a step's flows; notes detach.

    Each collection is removed in one pass, so deleting thousands of items stays linear.
    """
    document = tx.document
    doomed: dict[str, list[str]] = {name: [] for name in ITEM_TYPES}
    for item_id in dict.fromkeys(ids):
        collection = document.collection_of(item_id)
        if collection is None:
            continue
        item = document.get(item_id)
        if isinstance(item, Lane) and item.kind != LaneKind.CUSTOM:
            raise EditError(f"the standard lane {item.title!r} cannot be deleted")
        doomed[collection].append(item_id)
    lanes, phases = set(doomed["lanes"]), set(doomed["phases"])
    steps = set(doomed["steps"]) | {s.id for s in document.blueprint.steps if s.lane in lanes}
    flows = set(doomed["flows"]) | {f.id for step in steps for f in document.flows_at(step)}
    notes = set(doomed["notes"])
    for step in document.blueprint.steps:
        if step.phase in phases and step.id not in steps:
            tx.apply(SetField(step.id, "phase", None))
    for note in document.blueprint.notes:
        if note.attached_to in steps and note.id not in notes:
            tx.apply(SetField(note.id, "attached_to", None))
    for collection, chosen in (
        ("flows", flows),
        ("steps", steps),
        ("notes", notes),
        ("phases", phases),
        ("lanes", lanes),
    ):
        if chosen:
            tx.apply(RemoveMany(collection, tuple(sorted(chosen))))  # type: ignore[arg-type]


def reorder(tx: Transaction, item_id: str, index: int) -> None:
    """Move a lane, phase or other item to another position in its list."""
    collection = tx.document.collection_of(item_id)
    if collection is None:
        raise EditError(f"no item with id {item_id!r}")
    if collection == "lanes":
        _check_lane_order(tx, item_id, index)
    tx.apply(Reorder(collection, item_id, index))


def _check_lane_order(tx: Transaction, lane_id: str, index: int) -> None:
    lanes = list(tx.document.blueprint.lanes)
    moving = next(lane for lane in lanes if lane.id == lane_id)
    lanes.remove(moving)
    lanes.insert(max(0, min(index, len(lanes))), moving)
    order = [lane.kind for lane in lanes if lane.kind != LaneKind.CUSTOM]
    standard = [kind for kind in LaneKind if kind != LaneKind.CUSTOM]
    if order != standard:
        raise EditError(
            "the standard lanes keep their order: evidence, customer, frontstage, "
            "backstage, support"
        )


def move_step(
    tx: Transaction, step_id: str, *, lane: str | None = None, phase: Any = ..., layout: Any = ...
) -> None:
    """Move a step to another lane, phase (None: no phase) or layout; ``...`` leaves it."""
    if lane is not None:
        if tx.document.collection_of(lane) != "lanes":
            raise EditError(f"no lane with id {lane!r}")
        set_field(tx, step_id, "lane", lane)
    if phase is not ...:
        if phase is not None and tx.document.collection_of(str(phase)) != "phases":
            raise EditError(f"no phase with id {phase!r}")
        set_field(tx, step_id, "phase", phase)
    if layout is not ...:
        set_field(tx, step_id, "layout", layout)


def fresh_id(tx: Transaction, prefix: str, taken: set[str] | None = None) -> str:
    """A new id for ``prefix``; pass ``taken`` (and it is updated) when making many at once."""
    if taken is None:
        resources = {resource.id for resource in tx.document.blueprint.resources}
        return new_id(prefix, tx.document.ids() | resources)
    new = new_id(prefix, taken)
    taken.add(new)
    return new


def paste(tx: Transaction, fragment: Mapping[str, Any], dx: float = 0.0) -> list[str]:
    """Insert copied steps, flows and notes with new ids; returns the new ids.

    ``fragment`` holds ``steps``, ``flows`` and ``notes`` lists as in the file. Steps whose lane or
    phase is unknown here land in the lane of the same kind (``lane_kind``) or the customer lane.
    Flows whose ends were not copied are dropped.
    """
    document = tx.document
    renamed: dict[str, str] = {}
    created: list[str] = []
    resources = {resource.id for resource in document.blueprint.resources}
    taken = document.ids() | resources  # resource ids share the file's one namespace
    lanes_by_kind = {lane.kind.value: lane.id for lane in document.blueprint.lanes}
    for raw in fragment.get("steps", []):
        data = dict(raw)
        if data.get("resource") is not None and data["resource"] not in resources:
            data["resource"] = None  # a resource this blueprint lacks would make it unsaveable
        if document.collection_of(str(data.get("lane"))) != "lanes":
            data["lane"] = lanes_by_kind.get(str(data.get("lane_kind")), lanes_by_kind["customer"])
        data.pop("lane_kind", None)
        if data.get("phase") is not None and document.collection_of(str(data["phase"])) != "phases":
            data["phase"] = None
        if isinstance(data.get("layout"), dict):
            data["layout"] = {**data["layout"], "x": float(data["layout"].get("x", 0)) + dx}
        new = fresh_id(tx, "step", taken)
        renamed[str(data.get("id"))] = new
        add_item(tx, "steps", Step.model_validate({**data, "id": new}))
        created.append(new)
    for raw in fragment.get("flows", []):
        source, target = renamed.get(str(raw.get("source"))), renamed.get(str(raw.get("target")))
        if source is None or target is None:
            continue
        new = fresh_id(tx, "flow", taken)
        add_item(
            tx, "flows", Flow.model_validate({**raw, "id": new, "source": source, "target": target})
        )
        created.append(new)
    for raw in fragment.get("notes", []):
        data = dict(raw)
        data["attached_to"] = renamed.get(str(data.get("attached_to")))
        layout = dict(data.get("layout") or {"x": 0, "y": 0})
        layout["x"] = float(layout.get("x", 0)) + dx
        new = fresh_id(tx, "note", taken)
        add_item(tx, "notes", Note.model_validate({**data, "id": new, "layout": layout}))
        created.append(new)
    return created


# -- canvas gestures -------------------------------------------------------------------------------
def add_step(
    tx: Transaction,
    lane: str,
    *,
    phase: str | None = None,
    x: float = 0.0,
    row: int = 0,
    kind: StepKind = StepKind.ACTION,
    title: str = "",
) -> str:
    """A new step in ``lane`` (and ``phase``) at a card position; returns its id."""
    step_id = fresh_id(tx, "step")
    add_item(
        tx,
        "steps",
        Step(
            id=step_id,
            lane=lane,
            phase=phase,
            kind=kind,
            title=title,
            layout=StepLayout(x=round(x, 1), row=max(0, row)),
        ),
    )
    return step_id


def move_steps(tx: Transaction, moves: Mapping[str, tuple[str, str | None, StepLayout]]) -> None:
    """Move several steps at once: {step_id: (lane, phase, layout)}; unchanged parts do nothing."""
    for step_id, (lane, phase, layout) in moves.items():
        step = tx.document.step(step_id)
        old = step.layout
        if old is not None and (old.x, old.row) == (layout.x, layout.row):
            move_step(tx, step_id, lane=lane, phase=phase)
        else:
            move_step(tx, step_id, lane=lane, phase=phase, layout=layout)


def add_flow(
    tx: Transaction, source: str, target: str, kind: FlowKind = FlowKind.FLOW, label: str = ""
) -> str:
    """Connect two steps; returns the new flow's id."""
    if source == target:
        raise EditError("a flow needs two different steps")
    flow_id = fresh_id(tx, "flow")
    add_item(tx, "flows", Flow(id=flow_id, source=source, target=target, kind=kind, label=label))
    return flow_id


def reconnect_flow(tx: Transaction, flow_id: str, end: str, step_id: str) -> None:
    """Attach the ``source`` or ``target`` end of a flow to another step."""
    if end not in ("source", "target"):
        raise EditError(f"a flow has no end {end!r}")
    flow = tx.document.get(flow_id)
    if not isinstance(flow, Flow):
        raise EditError(f"no flow with id {flow_id!r}")
    if tx.document.collection_of(step_id) != "steps":
        raise EditError(f"no step with id {step_id!r}")
    other = flow.target if end == "source" else flow.source
    if other == step_id:
        raise EditError("a flow needs two different steps")
    set_field(tx, flow_id, end, step_id)
