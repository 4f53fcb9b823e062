"""Which app instances are alive, told by lock files instead of process ids.

Each running app holds an exclusive lock on ``FOLDER/INSTANCE.lock`` for as long as it runs
(taken before it writes its first recovery copy there); the operating system drops the lock the
moment the process ends, however it ends. Another app can then tell a live owner from a dead
one by trying the lock: a process id cannot do that (a reused id looks alive, and
``os.kill(pid, 0)`` terminates the process on Windows). Qt-free.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import re
import time
import uuid
from pathlib import Path

from filelock import FileLock, Timeout

#: This process's instance id: recorded with every recovery copy it writes.
INSTANCE = uuid.uuid4().hex

_ID = re.compile(r"[0-9a-f]{32}")
#: A lock file nobody holds and no copy names is swept once it is this old: younger, it may
#: belong to an app that created the file and is about to lock it.
STALE_SECONDS = 60.0

_held: dict[tuple[Path, str], FileLock] = {}


def is_instance_id(value: object) -> bool:
    """An id as :data:`INSTANCE` makes them; anything else in a meta file is damage."""
    return isinstance(value, str) and _ID.fullmatch(value) is not None


def lock_path(folder: Path, instance: str) -> Path:
    return folder / f"{instance}.lock"


def hold(folder: Path, instance: str = INSTANCE) -> None:
    """Take ``instance``'s lock in ``folder`` for the rest of this process (once per folder).

    Raises OSError (filelock's Timeout is one) when the lock cannot be taken.
    """
    key = (folder, instance)
    if key in _held:
        return
    folder.mkdir(parents=True, exist_ok=True)
    lock = FileLock(lock_path(folder, instance))
    lock.acquire(timeout=0)
    if not _held:
        atexit.register(release_all)
    _held[key] = lock


def release_all() -> None:
    """Let go of every lock this process holds and remove their files (a clean exit)."""
    while _held:
        (folder, instance), lock = _held.popitem()
        lock.release()
        with contextlib.suppress(OSError):
            lock_path(folder, instance).unlink()


def is_alive(folder: Path, instance: str) -> bool:
    """True while the app ``instance`` runs; a dead one's lock file is removed on the way."""
    path = lock_path(folder, instance)
    if (folder, instance) in _held:
        return True
    if not path.exists():
        return False  # a copy is written only under its lock: the file went with its owner
    return not _take_and_remove(path)


def sweep(folder: Path) -> None:
    """Remove old lock files of apps that ended without removing them (crashed, killed)."""
    now = time.time()
    for path in folder.glob("*.lock"):
        if (folder, path.name.removesuffix(".lock")) in _held:
            continue
        with contextlib.suppress(OSError):
            if now - path.stat().st_mtime > STALE_SECONDS:
                _take_and_remove(path)


def _take_and_remove(path: Path) -> bool:
    """Try the lock once; if nobody holds it, remove the file. True when it was free."""
    probe = FileLock(path)
    try:
        probe.acquire(timeout=0)
    except Timeout:
        return False
    try:
        with contextlib.suppress(OSError):
            os.unlink(path)
    finally:
        probe.release()
    return True
