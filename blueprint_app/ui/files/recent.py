"""The Open Recent list, kept in the settings so it survives restarts and is shared by windows."""

from __future__ import annotations

from pathlib import Path

from blueprint_app.ui.settings import RECENT_FILES

LIMIT = 10


def recent_files() -> list[Path]:
    return RECENT_FILES.read()


def remember(path: Path) -> None:
    """Put ``path`` first in the list, without duplicates, at most :data:`LIMIT` long."""
    path = path.absolute()
    paths = [path] + [p for p in recent_files() if p != path]
    RECENT_FILES.write(paths[:LIMIT])


def forget(path: Path) -> None:
    RECENT_FILES.write([p for p in recent_files() if p != path.absolute()])


def clear() -> None:
    RECENT_FILES.write([])
