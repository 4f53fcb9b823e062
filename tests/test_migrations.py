"""Older files are upgraded on load through the registered chain of migrations."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import blueprint_app.storage.migrations as migrations
from blueprint_app.storage import BlueprintFileError, dumps, load
from tests.conftest import DATA


def test_a_made_up_version_0_is_migrated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Version 0 (invented for this test) called lanes "swimlanes" and steps "cards".
    monkeypatch.setattr(migrations, "MIGRATIONS", {})

    @migrations.register_migration(0)
    def rename_collections(data: dict[str, Any]) -> dict[str, Any]:
        data["lanes"] = data.pop("swimlanes")
        data["steps"] = data.pop("cards")
        return data

    current = json.loads((DATA / "coffee.blueprint.json").read_text(encoding="utf-8"))
    old = dict(current, format_version=0)
    old["swimlanes"] = old.pop("lanes")
    old["cards"] = old.pop("steps")
    path = tmp_path / "old.blueprint.json"
    path.write_text(json.dumps(old), encoding="utf-8")

    migrated = load(path)
    assert migrated.format_version == 1
    assert dumps(migrated) == dumps(load(DATA / "coffee.blueprint.json"))


def test_a_version_without_migration_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(migrations, "MIGRATIONS", {})
    data = json.loads((DATA / "coffee.blueprint.json").read_text(encoding="utf-8"))
    data["format_version"] = 0
    path = tmp_path / "old.blueprint.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(BlueprintFileError) as caught:
        load(path)
    assert str(caught.value) == (
        "Cannot read 'old.blueprint.json': format_version 0 is too old: this app reads versions "
        "1 to 1"
    )


def test_a_failing_migration_gives_a_file_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(migrations, "MIGRATIONS", {0: lambda data: data["missing"]})
    data = json.loads((DATA / "coffee.blueprint.json").read_text(encoding="utf-8"))
    data["format_version"] = 0
    path = tmp_path / "old.blueprint.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(BlueprintFileError) as caught:
        load(path)
    assert str(caught.value) == (
        "Cannot read 'old.blueprint.json': could not upgrade from format_version 0: 'missing'"
    )
