"""The Open Recent list, kept in QSettings so it survives restarts and is shared by windows."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

KEY = "recentFiles"
LIMIT = 10


def settings() -> QSettings:
    """The application's settings (an INI file in the user's config folder)."""
    return QSettings(
        QSettings.Format.IniFormat,
        QSettings.Scope.UserScope,
        "Blueprint Studio",
        "Blueprint Studio",
    )


def recent_files() -> list[Path]:
    value = settings().value(KEY, [])
    if isinstance(value, str):  # QSettings gives a bare string for a one-item list
        value = [value]
    if not isinstance(value, list):
        return []
    return [Path(str(item)) for item in value if item]


def remember(path: Path) -> None:
    """Put ``path`` first in the list, without duplicates, at most :data:`LIMIT` long."""
    path = path.absolute()
    paths = [path] + [p for p in recent_files() if p != path]
    settings().setValue(KEY, [str(p) for p in paths[:LIMIT]])


def forget(path: Path) -> None:
    settings().setValue(KEY, [str(p) for p in recent_files() if p != path.absolute()])


def clear() -> None:
    settings().setValue(KEY, [])
