"""Upgrading files written by older versions of the format, one version step at a time.

Each migration takes the raw JSON object of version N and returns version N+1. Loading runs the
chain up to :data:`FORMAT_VERSION`; the migrated document is written back only when the user saves.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from blueprint_app.model.blueprint import FORMAT_VERSION

Migration = Callable[[dict[str, Any]], dict[str, Any]]

#: from_version -> function producing from_version + 1
MIGRATIONS: dict[int, Migration] = {}


def register_migration(from_version: int) -> Callable[[Migration], Migration]:
    """Decorator: register the step from ``from_version`` to ``from_version + 1``."""

    def register(function: Migration) -> Migration:
        MIGRATIONS[from_version] = function
        return function

    return register


class MigrationError(ValueError):
    pass


@register_migration(1)
def _version_1_to_2(data: dict[str, Any]) -> dict[str, Any]:
    """Version 2 only adds optional fields (a step's customer_independent, tolerance_minutes,
    policy, cost, metrics; a flow's two_way and channel; the blueprint's tolerance_minutes and
    currency), each absent meaning what version 1 meant: nothing to change but the version."""
    return data


def migrate(data: dict[str, Any], version: int) -> dict[str, Any]:
    """Run ``data`` of ``version`` through the chain up to the current version."""
    while version < FORMAT_VERSION:
        step = MIGRATIONS.get(version)
        if step is None:
            raise MigrationError(
                f"format_version {version} is too old: this app reads versions "
                f"{min(MIGRATIONS, default=FORMAT_VERSION)} to {FORMAT_VERSION}"
            )
        data = step(dict(data))
        version += 1
        data["format_version"] = version
    return data
