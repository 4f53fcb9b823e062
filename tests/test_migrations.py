"""Older files are upgraded on load through the registered chain of migrations."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import blueprint_app.storage.migrations as migrations
from blueprint_app.storage import BlueprintFileError, dumps, load, save
from tests.conftest import DATA


def test_a_made_up_version_0_is_migrated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Version 0 (invented for this test) called lanes "swimlanes" and steps "cards".
    monkeypatch.setattr(migrations, "MIGRATIONS", {})

    @migrations.register_migration(0)
    def rename_collections(data: dict[str, Any]) -> dict[str, Any]:
        data["lanes"] = data.pop("swimlanes")
        data["steps"] = data.pop("cards")
        return data

    migrations.register_migration(1)(migrations._version_1_to_2)

    current = json.loads((DATA / "coffee.blueprint.json").read_text(encoding="utf-8"))
    old = dict(current, format_version=0)
    old["swimlanes"] = old.pop("lanes")
    old["cards"] = old.pop("steps")
    path = tmp_path / "old.blueprint.json"
    path.write_text(json.dumps(old), encoding="utf-8")

    migrated = load(path)
    assert migrated.format_version == 2
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
        "2 to 2"
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


# -- version 1 → 2 ---------------------------------------------------------------------------

V1 = DATA / "format-v1"
SHIPPED = {
    path.name: path
    for folder in (
        DATA.parent.parent / "resources" / "templates",
        DATA.parent.parent / "resources" / "examples",
    )
    for path in folder.glob("*.blueprint.json")
} | {"coffee.blueprint.json": DATA / "coffee.blueprint.json"}


#: templates revised since version 1 (issue 20.7: simulation inputs, and their queue steps
#: timed as the walk to the counter, the queue itself coming from the simulation)
REVISED_IN_VERSION_2 = {
    f"{name}.{language}.blueprint.json"
    for name in ("fast-food-counter", "bank-account-opening", "hospital-outpatient")
    for language in ("en", "zh-CN")
}


def test_every_file_shipped_in_version_1_is_kept_for_the_migration_test() -> None:
    assert sorted(path.name for path in V1.glob("*.blueprint.json")) == sorted(SHIPPED)


@pytest.mark.parametrize("name", sorted(SHIPPED))
def test_a_version_1_file_opens_unchanged_in_meaning(name: str) -> None:
    old_text = (V1 / name).read_text(encoding="utf-8")
    assert json.loads(old_text)["format_version"] == 1
    migrated = load(V1 / name)
    assert migrated.format_version == 2
    for step in migrated.steps:
        assert not step.customer_independent and not step.metrics
        assert step.tolerance_minutes is None and step.cost is None and not step.policy
        assert step.resource is None and step.duration_range_minutes is None
    assert not any(flow.two_way or flow.channel for flow in migrated.flows)
    assert migrated.arrivals is None and not migrated.resources
    assert migrated.tolerance_minutes is None and not migrated.currency
    if name in REVISED_IN_VERSION_2:
        # the same document as the version 1 file, byte for byte but the version
        assert dumps(migrated) == old_text.replace('"format_version": 1,', '"format_version": 2,')
        return
    current = load(SHIPPED[name])
    # the same document: every field of version 1 as it was, no field of version 2 set
    assert migrated.model_dump(exclude={"format_version"}) == current.model_dump(
        exclude={"format_version"}
    )
    assert dumps(migrated) == dumps(current)


def test_a_migrated_file_is_written_back_as_version_2_only_when_saved(tmp_path: Path) -> None:
    path = tmp_path / "old.blueprint.json"
    old = (V1 / "hotel-stay.blueprint.json").read_bytes()
    path.write_bytes(old)
    blueprint = load(path)
    assert path.read_bytes() == old  # opening never rewrites the file
    save(blueprint, path)
    text = path.read_text(encoding="utf-8")
    assert json.loads(text)["format_version"] == 2
    assert text == old.decode("utf-8").replace('"format_version": 1,', '"format_version": 2,', 1)


def test_version_1_files_keep_unknown_fields_through_the_upgrade(tmp_path: Path) -> None:
    data = json.loads((V1 / "coffee.blueprint.json").read_text(encoding="utf-8"))
    data["x-team"] = {"owner": "服务设计组"}
    data["steps"][0]["x-note"] = "kept"
    path = tmp_path / "old.blueprint.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    written = json.loads(dumps(load(path)))
    assert written["x-team"] == {"owner": "服务设计组"}
    assert written["steps"][0]["x-note"] == "kept"
