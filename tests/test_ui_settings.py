"""The settings module: one rule per stored value, and the only way to QSettings."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray
from PySide6.QtWidgets import QApplication

from blueprint_app.ui import settings
from blueprint_app.ui.files import recent

from .ui_support import isolate_settings

PACKAGE = Path(__file__).parent.parent / "blueprint_app"


@pytest.fixture
def isolated(tmp_path: Path, qapp: QApplication, monkeypatch: pytest.MonkeyPatch) -> None:
    isolate_settings(tmp_path)
    monkeypatch.delenv(settings.AUTOSAVE_ENV, raising=False)


def stored(key: str, value: object) -> None:
    settings.store().setValue(key, value)


@pytest.mark.usefixtures("isolated")
def test_the_autosave_interval_keeps_to_the_range_preferences_offer() -> None:
    low, high = settings.AUTOSAVE_RANGE
    for good in (low, 45, high, "120"):
        stored(settings.AUTOSAVE_SECONDS.key, good)
        assert settings.AUTOSAVE_SECONDS.read() == int(good)
        assert settings.autosave_interval() == int(good)
    for bad in (low - 1, high + 1, 0, -3, "2.5", "nan", "inf", "soon", "", [1, 2]):
        stored(settings.AUTOSAVE_SECONDS.key, bad)
        assert settings.AUTOSAVE_SECONDS.read() == 30, bad
        assert settings.autosave_interval() == 30, bad


@pytest.mark.usefixtures("isolated")
def test_the_environment_may_ask_for_a_quicker_autosave_but_not_garbage(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    stored(settings.AUTOSAVE_SECONDS.key, 60)
    monkeypatch.setenv(settings.AUTOSAVE_ENV, "0.1")
    assert settings.autosave_interval() == 0.1
    for bad in ("0", "0.01", "-1", "nan", "soon", "86400"):
        monkeypatch.setenv(settings.AUTOSAVE_ENV, bad)
        assert settings.autosave_interval() == 60, bad


@pytest.mark.usefixtures("isolated")
def test_a_bad_language_reads_and_writes_as_following_the_system() -> None:
    assert settings.LANGUAGE.read() == "system"
    settings.LANGUAGE.write("zh_CN")
    assert settings.store().value("ui/language") == "zh_CN"
    for bad in ("klingon", 3, ""):
        stored("ui/language", bad)
        assert settings.LANGUAGE.read() == "system", bad
    settings.LANGUAGE.write("klingon")
    assert settings.store().value("ui/language") == "system"


@pytest.mark.usefixtures("isolated")
def test_export_choices_fall_back_one_by_one() -> None:
    assert settings.ExportChoices.load() == settings.ExportChoices()
    for key, value in (
        ("format", "svg"),
        ("scale", "100"),  # beyond the spin box's 8
        ("transparent", "maybe"),
        ("title_block", "false"),
        ("legend", ["a"]),
        ("page", "A3"),
    ):
        stored(f"export/{key}", value)
    loaded = settings.ExportChoices.load()
    assert loaded == settings.ExportChoices(format="svg", title_block=False, page="A3")
    settings.ExportChoices(scale=0.5, badges=True, lang="zh-CN").save()
    assert settings.ExportChoices.load() == settings.ExportChoices(
        scale=0.5, badges=True, lang="zh-CN"
    )


@pytest.mark.usefixtures("isolated")
def test_stored_keys_of_earlier_versions_still_load() -> None:
    """The INI keys users already have: renaming one would silently reset their choice."""
    stored("recentFiles", "/one/file.blueprint.json")  # a one-item list reads back as a string
    assert recent.recent_files() == [Path("/one/file.blueprint.json")]
    stored("window/geometry", QByteArray(b"geometry"))
    stored("window/state", "not bytes")
    assert settings.WINDOW_GEOMETRY.read() == QByteArray(b"geometry")
    assert settings.WINDOW_STATE.read() is None
    stored("export/folder", "/exports")
    assert settings.EXPORT_FOLDER.read() == "/exports"


def test_only_the_settings_module_reaches_qsettings() -> None:
    reaching = sorted(
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        if re.search(r"\bQSettings\b", path.read_text(encoding="utf-8"))
    )
    assert reaching == ["ui/settings.py"]
