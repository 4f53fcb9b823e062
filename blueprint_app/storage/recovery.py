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
import time
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import platformdirs

from blueprint_app.model.blueprint import Blueprint
from blueprint_app.storage import instance_lock
from blueprint_app.storage.errors import BlueprintFileError
from blueprint_app.storage.reader import load
from blueprint_app.storage.writer import clean_temporaries, dumps, write_atomic

STATE_ENV = "BLUEPRINT_STATE_DIR"
#: Unsaved work is its owner's alone: the folder and the copies are not readable by others.
FOLDER_MODE, COPY_MODE = 0o700, 0o600
#: A copy with no meta this old was left by an app killed between its two writes.
ORPHAN_SECONDS = 60.0


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
        """Write or refresh the copy of one document; raises BlueprintFileError on failure.

        The first time the meta goes first: an app killed between the two writes leaves a meta
        with no copy, which :meth:`pending` clears, rather than a copy nobody can attribute.
        Later the copy goes first, so a refresh that fails leaves the meta's time true.
        """
        self._private_folder()
        instance_lock.hold(self.folder, self.instance)  # before any copy exists: see pending()
        copy, meta = self._paths(key)
        info = {
            "original": str(original) if original else None,
            "title": blueprint.title,
            "saved_at": datetime.now(UTC).replace(microsecond=0).isoformat(),
            "instance": self.instance,
            "pid": os.getpid(),  # for older versions of the app, which tell liveness by it
        }
        meta_bytes = json.dumps(info, ensure_ascii=False, indent=2).encode("utf-8")
        copy_bytes = dumps(blueprint).encode("utf-8")
        writes = [(meta, meta_bytes), (copy, copy_bytes)]
        for path, data in writes if not meta.exists() else reversed(writes):
            write_atomic(path, data, COPY_MODE)
        return copy

    def _private_folder(self) -> None:
        """Create the folder readable by its owner only, and make an older, wider one so."""
        self.folder.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
        with contextlib.suppress(OSError):
            if self.folder.stat().st_mode & 0o777 != FOLDER_MODE:
                self.folder.chmod(FOLDER_MODE)

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
        clean_temporaries(self.folder, r"[0-9a-f]{32}\.(?:blueprint|meta)\.json")
        found = self._orphan_copies()
        for meta_path in self.folder.glob("*.meta.json"):
            key = meta_path.name.removesuffix(".meta.json")
            copy = self.folder / f"{key}.blueprint.json"
            try:
                info = json.loads(meta_path.read_text(encoding="utf-8"))
                owner = info.get("instance")
            except (OSError, ValueError, AttributeError):
                continue  # a damaged entry must not hide the others
            if self._owned_by_a_live_app(owner):
                continue
            if not copy.is_file():  # killed between the meta and the copy: nothing to offer
                with contextlib.suppress(OSError):
                    meta_path.unlink()
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

    def _orphan_copies(self, now: float | None = None) -> list[RecoveredDocument]:
        """Copies with no meta (an older app killed between writing the copy and its meta):
        offered once they are old enough that no live app is about to write the meta."""
        now = time.time() if now is None else now
        found = []
        for copy in self.folder.glob("*.blueprint.json"):
            key = copy.name.removesuffix(".blueprint.json")
            if (self.folder / f"{key}.meta.json").exists():
                continue
            try:
                modified = copy.stat().st_mtime
                title = json.loads(copy.read_text(encoding="utf-8")).get("title", "")
            except (OSError, ValueError, AttributeError):
                title, modified = "", 0.0  # offered all the same; loading it says what is wrong
            if now - modified <= ORPHAN_SECONDS:
                continue
            saved_at = datetime.fromtimestamp(modified, UTC).replace(microsecond=0).isoformat()
            found.append(RecoveredDocument(key, copy, None, str(title), saved_at))
        return found

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
