"""One open document: its file, live model and undo history, without any Qt.

The window shows a session; keeping the file bookkeeping here lets tests and scripts check the
dirty state and saving rules without a display.
"""

from __future__ import annotations

from pathlib import Path

from blueprint_app.editing.file_stamp import FileStamp
from blueprint_app.history import Document, History
from blueprint_app.model import Blueprint, new_blueprint
from blueprint_app.model.factory import now_iso
from blueprint_app.storage import load, save
from blueprint_app.storage.recovery import new_key

BLUEPRINT_SUFFIX = ".blueprint.json"


class Session:
    """A document plus where it lives; ``dirty`` follows the history's clean mark."""

    def __init__(self, blueprint: Blueprint, path: Path | None = None) -> None:
        self.path = path
        self.document = Document(blueprint)
        self.history = History(self.document)
        self.recovery_key = new_key()  # names this document's autosave copy
        self.disk_stamp: FileStamp | None = None  # the file as last read or written

    @classmethod
    def new(cls, title: str = "Untitled blueprint", language: str = "en") -> Session:
        return cls(new_blueprint(title, language))

    @classmethod
    def open(cls, path: str | Path) -> Session:
        """Load a file; raises :class:`BlueprintFileError` with the loader's full message."""
        path = Path(path)
        stamp = FileStamp.of(path)  # before reading: a change during the load is noticed later
        session = cls(load(path), path.absolute())
        session.disk_stamp = stamp
        return session

    @property
    def blueprint(self) -> Blueprint:
        return self.document.blueprint

    @property
    def dirty(self) -> bool:
        return not self.history.is_clean

    @property
    def display_name(self) -> str:
        if self.path is None:
            return self.blueprint.title
        name = self.path.name
        return name[: -len(BLUEPRINT_SUFFIX)] if name.endswith(BLUEPRINT_SUFFIX) else name

    def save(self, path: str | Path | None = None) -> None:
        """Write to ``path`` (or the current file); only a successful write marks it clean.

        Raises :class:`BlueprintFileError` when the write fails; the session stays unsaved.
        """
        target = Path(path) if path is not None else self.path
        if target is None:
            raise ValueError("the session has no file yet; give a path")
        if self.dirty:  # the file says when its content last changed (not an undo step)
            self.blueprint.modified = now_iso()
        save(self.blueprint, target)
        self.path = target.absolute()
        self.disk_stamp = FileStamp.of(self.path)
        self.history.set_clean()


def with_suffix(path: str | Path) -> Path:
    """Add ``.blueprint.json`` when the user typed a bare name in a save dialog."""
    path = Path(path)
    return path if path.name.endswith(".json") else path.with_name(path.name + BLUEPRINT_SUFFIX)
