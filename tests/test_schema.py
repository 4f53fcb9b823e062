"""The committed JSON Schema is the one the models generate, and real files satisfy it."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema

from blueprint_app.storage import blueprint_schema, schema_text
from tests.conftest import DATA

COMMITTED = Path(__file__).parent.parent / "resources" / "schema" / "blueprint.schema.json"


def test_committed_schema_is_current() -> None:
    assert COMMITTED.read_text(encoding="utf-8") == schema_text(), (
        "the schema changed: run `blueprint schema > resources/schema/blueprint.schema.json`"
    )


def test_schema_accepts_a_real_file_and_rejects_a_broken_one() -> None:
    schema = blueprint_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    data = json.loads((DATA / "coffee.blueprint.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, schema)
    data["steps"][0]["kind"] = "teleport"
    validator = jsonschema.Draft202012Validator(schema)
    assert [list(e.absolute_path) for e in validator.iter_errors(data)] == [["steps", 0, "kind"]]
