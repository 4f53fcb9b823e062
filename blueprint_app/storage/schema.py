"""The JSON Schema of the file, generated from the pydantic models and committed in the repo."""

from __future__ import annotations

import json
from typing import Any

from blueprint_app.model.blueprint import FORMAT_VERSION, Blueprint

SCHEMA_ID = f"https://blueprint-studio.example/schema/blueprint-v{FORMAT_VERSION}.schema.json"


def blueprint_schema() -> dict[str, Any]:
    """The schema of the current format version; cross-object rules (ids, references) are
    not expressible."""
    schema = Blueprint.model_json_schema(mode="validation")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "Service blueprint",
        "description": (
            "A service blueprint file (NAME.blueprint.json), format version "
            f"{FORMAT_VERSION}. Ids must also be unique across the file and every reference "
            "must resolve; the five standard lanes appear once each in standard order."
        ),
        **{key: value for key, value in schema.items() if key not in ("title", "description")},
    }


def schema_text() -> str:
    return json.dumps(blueprint_schema(), indent=2, ensure_ascii=False) + "\n"
