"""The rules, one module per family; importing this package registers them all."""

from blueprint_app.validation.rules import (  # noqa: F401
    completeness,
    conflicts,
    lines,
    quality,
    roles,
    settings,
    structure,
)
