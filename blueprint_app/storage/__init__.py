"""Reading and writing blueprint files (no Qt): checked loads, canonical atomic saves, schema."""

from blueprint_app.storage.errors import BlueprintFileError
from blueprint_app.storage.reader import MAX_FILE_BYTES, load, loads
from blueprint_app.storage.schema import blueprint_schema, schema_text
from blueprint_app.storage.writer import dumps, save, to_canonical_dict

__all__ = [
    "MAX_FILE_BYTES",
    "BlueprintFileError",
    "blueprint_schema",
    "dumps",
    "load",
    "loads",
    "save",
    "schema_text",
    "to_canonical_dict",
]
