"""Recovery copies of unsaved work, so a crash or power cut loses at most a few seconds.

While a document has unsaved changes the app writes a copy here (atomically, like a save); a
clean save or a deliberate discard removes it. At start-up, copies whose app is no longer
running are offered back to the user. Whether it runs is told by the lock each app holds in the
folder (:mod:`instance_lock`), never by its process id. Qt-free: the GUI only decides *when* to
call this.
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
from blueprint_app.storage import instance_lock
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
    """Recovery copies in one folder: ``KEY.blueprint.json`` plus ``KEY.meta.json``, and a
    ``INSTANCE.lock`` held by each running app that wrote copies there."""

    def __init__(self, folder: Path | None = None, instance: str = instance_lock.INSTANCE) -> None:
        self.folder = folder or state_dir() / "recovery"
        self.instance = instance

    def _paths(self, key: str) -> tuple[Path, Path]:
        return self.folder / f"{key}.blueprint.json", self.folder / f"{key}.meta.json"

    def write(self, key: str, blueprint: Blueprint, original: Path | None) -> Path:
        """Write or refresh the copy of one document; raises BlueprintFileError on failure."""
        instance_lock.hold(self.folder, self.instance)  # before any copy exists: see pending()
        copy, meta = self._paths(key)
        write_atomic(copy, dumps(blueprint).encode("utf-8"))
        info = {
            "original": str(original) if original else None,
            "title": blueprint.title,
            "saved_at": datetime.now(UTC).replace(microsecond=0).isoformat(),
            "instance": self.instance,
            "pid": os.getpid(),  # for older versions of the app, which tell liveness by it
        }
        write_atomic(meta, json.dumps(info, ensure_ascii=False, indent=2).encode("utf-8"))
        return copy

    def discard(self, key: str) -> None:
        """Remove a document's copy (after a clean save, a discard, or once recovered)."""
        for path in self._paths(key):
            with contextlib.suppress(FileNotFoundError):
                path.unlink()

    def pending(self) -> list[RecoveredDocument]:
        """Copies whose app is gone (crashed or killed), newest first; broken ones skipped.

        Copies of another running app are left to it. This app's own copies are included: at
        start-up, when the offer is made, it has written none yet.
        """
        if not self.folder.is_dir():
            return []
        found = []
        for meta_path in self.folder.glob("*.meta.json"):
            key = meta_path.name.removesuffix(".meta.json")
            copy = self.folder / f"{key}.blueprint.json"
            try:
                info = json.loads(meta_path.read_text(encoding="utf-8"))
                owner = info.get("instance")
            except (OSError, ValueError, AttributeError):
                continue  # a damaged entry must not hide the others
            if not copy.is_file() or self._owned_by_a_live_app(owner):
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
        instance_lock.sweep(self.folder)
        return sorted(found, key=lambda doc: doc.saved_at, reverse=True)

    def _owned_by_a_live_app(self, owner: object) -> bool:
        """Whether another app that is still running wrote the copy (and keeps it current).

        A meta with no instance comes from a version before the locks, which recorded only a
        process id: it counts as dead and is offered. The app that wrote it was almost surely
        closed to upgrade; a copy offered once too often costs a click on Discard, while a copy
        hidden behind a reused process id could be hidden for good. A damaged instance id
        hides nothing either: losing work is the worse mistake.
        """
        if owner is None or not instance_lock.is_instance_id(owner):
            return False
        return owner != self.instance and instance_lock.is_alive(self.folder, str(owner))

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
