"""Recovery copies of unsaved work, so a crash or power cut loses at most a few seconds.

While a document has unsaved changes the app writes a copy here (atomically, like a save); a
clean save or a deliberate discard removes it. At start-up, copies whose app is no longer
running are offered back to the user. Qt-free: the GUI only decides *when* to call this.
"""

from __future__ import annotations

import contextlib
import json
import os
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import platformdirs

from blueprint_app.model.blueprint import Blueprint
from blueprint_app.storage.errors import BlueprintFileError
from blueprint_app.storage.reader import load
from blueprint_app.storage.writer import dumps, write_atomic

STATE_ENV = "BLUEPRINT_STATE_DIR"


def state_dir() -> Path:
    """The per-user state folder (recovery copies, logs); ``$BLUEPRINT_STATE_DIR`` overrides."""
    override = os.environ.get(STATE_ENV)
    if override:
        return Path(override)
    return Path(platformdirs.user_state_dir("blueprint-studio", appauthor=False))


@dataclass(frozen=True)
class RecoveredDocument:
    """A recovery copy left behind by an app that is no longer running."""

    key: str
    copy: Path
    original: Path | None
    title: str
    saved_at: str

    def load(self) -> Blueprint:
        return load(self.copy)


def new_key() -> str:
    return uuid.uuid4().hex


class RecoveryStore:
    """Recovery copies in one folder: ``KEY.blueprint.json`` plus ``KEY.meta.json``."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder or state_dir() / "recovery"

    def _paths(self, key: str) -> tuple[Path, Path]:
        return self.folder / f"{key}.blueprint.json", self.folder / f"{key}.meta.json"

    def write(self, key: str, blueprint: Blueprint, original: Path | None) -> Path:
        """Write or refresh the copy of one document; raises BlueprintFileError on failure."""
        self.folder.mkdir(parents=True, exist_ok=True)
        copy, meta = self._paths(key)
        write_atomic(copy, dumps(blueprint).encode("utf-8"))
        info = {
            "original": str(original) if original else None,
            "title": blueprint.title,
            "saved_at": datetime.now(UTC).replace(microsecond=0).isoformat(),
            "pid": os.getpid(),
        }
        write_atomic(meta, json.dumps(info, ensure_ascii=False, indent=2).encode("utf-8"))
        return copy

    def discard(self, key: str) -> None:
        """Remove a document's copy (after a clean save, a discard, or once recovered)."""
        for path in self._paths(key):
            with contextlib.suppress(FileNotFoundError):
                path.unlink()

    def pending(self) -> list[RecoveredDocument]:
        """Copies whose app is gone (crashed or killed), newest first; broken ones skipped."""
        if not self.folder.is_dir():
            return []
        found = []
        for meta_path in self.folder.glob("*.meta.json"):
            key = meta_path.name.removesuffix(".meta.json")
            copy = self.folder / f"{key}.blueprint.json"
            try:
                info = json.loads(meta_path.read_text(encoding="utf-8"))
                pid = int(info.get("pid") or 0)
            except (OSError, ValueError, TypeError, AttributeError, OverflowError):
                continue  # a damaged entry must not hide the others
            if not copy.is_file() or (pid != os.getpid() and _is_running(pid)):
                continue
            original = info.get("original")
            found.append(
                RecoveredDocument(
                    key=key,
                    copy=copy,
                    original=Path(original) if original else None,
                    title=str(info.get("title", "")),
                    saved_at=str(info.get("saved_at", "")),
                )
            )
        return sorted(found, key=lambda doc: doc.saved_at, reverse=True)

    def recover(self, document: RecoveredDocument) -> Blueprint:
        """Load a copy; the copy stays until the user saves or discards the recovered work.

        A copy that cannot be loaded (written by a newer app, damaged) is never deleted: it is
        set aside as ``KEY.unreadable.json`` so nobody's only copy of their work disappears.
        """
        try:
            return document.load()
        except BlueprintFileError:
            self.set_aside(document.key)
            raise

    def set_aside(self, key: str) -> Path:
        """Keep an unloadable copy out of the start-up offer without deleting it."""
        copy, meta = self._paths(key)
        kept = self.folder / f"{key}.unreadable.json"
        with contextlib.suppress(FileNotFoundError):
            copy.replace(kept)
        with contextlib.suppress(FileNotFoundError):
            meta.unlink()
        return kept


def _is_running(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
