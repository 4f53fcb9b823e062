"""Shared fixtures. Qt runs offscreen in every test without the caller setting anything."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from blueprint_app.storage import instance_lock

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# the window tests read English; tests of the Chinese interface set it themselves
os.environ.setdefault("BLUEPRINT_LANG", "en")

DATA = Path(__file__).parent / "data"
ODD_TEXT = "中文标签 <b>&amp;</b> \"quoted\" 'single' 🎉 émoji & <tag> \\ back\nslash"


@pytest.fixture(autouse=True)
def private_state_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Recovery copies and logs of every test go to its own folder, never the user's; the
    instance locks taken there are let go after the test, as at the app's exit."""
    folder = tmp_path / "state"
    monkeypatch.setenv("BLUEPRINT_STATE_DIR", str(folder))
    yield folder
    instance_lock.release_all()


@pytest.fixture(autouse=True)
def private_settings(tmp_path: Path) -> None:
    """The app's settings of every test start empty in its own folder, never the user's (the
    recent files, language and autosave interval of whoever runs the tests)."""
    from PySide6.QtCore import QSettings

    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings")
    )


@pytest.fixture
def coffee_path(tmp_path: Path) -> Path:
    """A copy of the hand-written example in a temporary folder."""
    target = tmp_path / "coffee.blueprint.json"
    shutil.copy(DATA / "coffee.blueprint.json", target)
    return target
