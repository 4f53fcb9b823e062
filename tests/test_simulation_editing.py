"""Editing keeps the simulation inputs saveable: a pasted step keeps a resource only where the
blueprint has it, and new ids never take a resource's id (ids are one namespace)."""

from __future__ import annotations

from blueprint_app.history import Document, History
from blueprint_app.history.edits import fresh_id, paste
from blueprint_app.model import Resource
from blueprint_app.storage import dumps, loads
from blueprint_app.templates import load_template


def test_a_pasted_step_keeps_its_resource_only_where_the_blueprint_has_it() -> None:
    source = load_template("fast-food-counter", "en")
    order = next(step for step in source.steps if step.id == "order")
    assert order.resource == "till"
    fragment = {"steps": [order.model_dump(mode="json")]}
    for target, expected in ((source, "till"), (load_template("hotel-stay", "en"), None)):
        document = Document(target.model_copy(deep=True))
        with History(document).transaction("Paste") as tx:
            (new,) = paste(tx, fragment)
        assert document.step(new).resource == expected
        assert loads(dumps(document.blueprint))  # still saveable


def test_new_ids_do_not_take_a_resources_id() -> None:
    blueprint = load_template("hotel-stay", "en")
    blueprint.resources = [Resource(id=f"step-{n}", capacity=1) for n in range(1, 400)]
    document = Document(blueprint)
    with History(document).transaction("Add") as tx:
        new = fresh_id(tx, "step")
    assert new not in {resource.id for resource in blueprint.resources}
