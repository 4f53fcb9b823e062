"""Writing blueprint files: canonical bytes, written atomically so the old file survives."""

from __future__ import annotations

import contextlib
import errno
import os
import re
import tempfile
import time
from enum import Enum
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from pydantic_core import to_json

from blueprint_app.gc_pause import gc_paused
from blueprint_app.model.blueprint import (
    ALWAYS_WRITTEN,
    Blueprint,
    Flow,
    Lane,
    Note,
    Phase,
    Resource,
    Step,
)
from blueprint_app.model.integrity import integrity_problems
from blueprint_app.storage.errors import BlueprintFileError


def to_canonical_dict(blueprint: Blueprint) -> dict[str, Any]:
    """The JSON object of the file: contract field order, defaults left out except key fields.

    pydantic dumps in its fast core; Python only restores the always-written key fields and
    writes whole numbers of the model's number fields without ``.0``.
    """
    with gc_paused():
        data = blueprint.model_dump(mode="json", exclude_defaults=True)
    data = _restore(data, Blueprint)
    for key, item_type in _COLLECTIONS.items():
        data[key] = [_restore(item, item_type) for item in data[key]]
    for key, item_type in _OPTIONAL_COLLECTIONS.items():
        if key in data:
            data[key] = [_restore(item, item_type) for item in data[key]]
    for step in data["steps"]:
        _whole_numbers(step, _STEP_NUMBERS)
        for metric in step.get("metrics", ()):
            _whole_numbers(metric, ("value", "target"))
        if "layout" in step:
            _whole_numbers(step["layout"], ("x",))
        if "duration_range_minutes" in step:
            step["duration_range_minutes"] = _whole_list(step["duration_range_minutes"])
    for flow in data["flows"]:
        _whole_numbers(flow, ("probability",))
    for note in data["notes"]:
        _whole_numbers(note["layout"], ("x", "y"))
    _whole_numbers(data, ("target_minutes", "tolerance_minutes"))
    arrivals = data.get("arrivals")
    if arrivals is not None:
        _whole_numbers(arrivals, ("per_hour",))
        for window in arrivals.get("schedule") or ():
            _whole_numbers(window, ("per_hour",))
    return data


_STEP_NUMBERS = (
    "duration_minutes",
    "target_minutes",
    "tolerance_minutes",
    "cost",
    "wait_target_minutes",
    "failure_rate",
)
_COLLECTIONS: dict[str, type[BaseModel]] = {
    "lanes": Lane,
    "phases": Phase,
    "steps": Step,
    "flows": Flow,
    "notes": Note,
}
#: collections a file may leave out (written only when not empty)
_OPTIONAL_COLLECTIONS: dict[str, type[BaseModel]] = {"resources": Resource}
_DEFAULTS = {
    model: {
        name: field.get_default(call_default_factory=True)
        for name, field in model.model_fields.items()
        if name in ALWAYS_WRITTEN[model]
    }
    for model in ALWAYS_WRITTEN
}
_FIELD_ORDER = {model: tuple(model.model_fields) for model in ALWAYS_WRITTEN}


def _restore(data: dict[str, Any], model: type[BaseModel]) -> dict[str, Any]:
    """Put back always-written fields that hold their default, keeping the contract's order."""
    defaults = _DEFAULTS[model]
    if all(name in data for name in defaults):
        return data
    out: dict[str, Any] = {}
    for name in _FIELD_ORDER[model]:
        if name in data:
            out[name] = data[name]
        elif name in defaults:
            value = defaults[name]
            out[name] = value.value if isinstance(value, Enum) else value
    for name, value in data.items():
        out.setdefault(name, value)
    return out


def _whole_numbers(data: dict[str, Any], names: tuple[str, ...]) -> None:
    for name in names:
        value = data.get(name)
        if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
            data[name] = int(value)


def _whole_list(values: list[Any]) -> list[Any]:
    return [
        int(value)
        if isinstance(value, float) and value.is_integer() and abs(value) < 2**53
        else value
        for value in values
    ]


def dumps(blueprint: Blueprint) -> str:
    """Canonical text: two-space indent, contract key order, non-ASCII as itself, final newline."""
    return to_json(to_canonical_dict(blueprint), indent=2).decode("utf-8") + "\n"


def save(blueprint: Blueprint, path: str | Path) -> None:
    """Write ``blueprint`` to ``path`` atomically; on failure the old file is left untouched.

    An inconsistent document (dangling references, missing lanes) is refused, not written.
    """
    path = Path(path)
    data = to_canonical_dict(blueprint)
    problems = integrity_problems(data)
    if problems:
        raise BlueprintFileError(path, problems, action="save")
    write_atomic(path, to_json(data, indent=2) + b"\n")


def write_atomic(path: Path, data: bytes, mode: int | None = None) -> None:
    """Write to a temporary file in the same folder, fsync, then replace ``path`` in one step.

    A read-only file is refused rather than replaced (the rename would need only the folder's
    permission), and temporary files that an earlier killed run left beside it are cleared.
    The file keeps the mode it had (a new one follows the umask) unless ``mode`` says otherwise.
    """
    folder = path.parent
    temp_name: str | None = None
    existed = False
    stage = "create"
    try:
        target = path.resolve() if path.is_symlink() else path
        folder = target.parent
        existed = target.exists()
        if existed and _read_only(target):
            raise BlueprintFileError(
                path, ["the file is read-only; save elsewhere, or make it writable first"], "save"
            )
        if folder not in _cleaned:  # once per folder and process: a listing per save adds up
            _cleaned.add(folder)
            clean_stale_temporaries(target)
        handle, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
        stage = "write"
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        if mode is None:
            _keep_mode(target, temp_name)
        else:
            os.chmod(temp_name, mode)
        stage = "replace"
        os.replace(temp_name, target)
        temp_name = None
        _fsync_folder(folder)
    except OSError as error:
        reason = save_failure_reason(error, folder, existed, stage)
        raise BlueprintFileError(path, [reason], action="save") from None
    finally:
        if temp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(temp_name)


def _read_only(target: Path) -> bool:
    """Nobody may write it (root included: editors refuse such a file too), or we may not."""
    return target.stat().st_mode & 0o222 == 0 or not os.access(target, os.W_OK)


#: A temporary file older than this beside a blueprint was left by a run that was killed.
STALE_SECONDS = 3600.0
#: Folders whose stale temporaries this process has already cleared.
_cleaned: set[Path] = set()


def clean_stale_temporaries(target: Path, now: float | None = None) -> list[Path]:
    """Remove ``.NAME.XXXXXXXX.tmp`` files of our own naming that are older than an hour.

    Only names mkstemp gives for this very file, and only old ones: a save in progress in
    another process is never touched. Returns what was removed.
    """
    return clean_temporaries(target.parent, re.escape(target.name), now)


def clean_temporaries(folder: Path, name_pattern: str, now: float | None = None) -> list[Path]:
    """Remove the temporaries ``.NAME.XXXXXXXX.tmp`` in ``folder`` whose NAME matches
    ``name_pattern`` (a regular expression) and that are older than ``STALE_SECONDS``."""
    pattern = re.compile(rf"\.{name_pattern}\.[a-z0-9_]{{8}}\.tmp")
    now = time.time() if now is None else now
    removed: list[Path] = []
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder):
            if not pattern.fullmatch(entry.name) or not entry.is_file(follow_symlinks=False):
                continue
            with contextlib.suppress(OSError):
                if now - entry.stat(follow_symlinks=False).st_mtime > STALE_SECONDS:
                    os.unlink(entry.path)
                    removed.append(Path(entry.path))
    return removed


def _keep_mode(target: Path, temp_name: str) -> None:
    try:
        mode = target.stat().st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    os.chmod(temp_name, mode)


def _fsync_folder(folder: Path) -> None:
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def save_failure_reason(
    error: OSError, folder: Path, existed: bool = True, stage: str = "write"
) -> str:
    """Words a person can act on for the usual ways a save fails.

    ``existed``: there was a file to keep (else nothing is promised about it); ``stage``: what
    failed — creating the temporary file tells about the folder, replacing the file about it.
    """
    kept = " (the old file is unchanged)" if existed else " (nothing was written)"
    if error.errno == errno.ENOSPC:
        return f"the disk is full; free some space or save elsewhere{kept}"
    if error.errno == errno.EROFS:
        return f"{str(folder)!r} is on a read-only disk; save elsewhere"
    in_use = error.errno == errno.EPERM or (os.name == "nt" and error.errno == errno.EACCES)
    if stage == "replace" and in_use:  # Windows says EACCES for a file another program holds
        return (
            "the file is protected or open in another program and cannot be replaced; "
            "close it there, or save elsewhere"
        )
    if error.errno in (errno.EACCES, errno.EPERM):
        return f"no permission to write in {str(folder)!r}; save elsewhere"
    if error.errno == errno.ENOENT:
        return f"the folder {str(folder)!r} does not exist (was it removed?)"
    return f"{error.strerror or error}{kept}"
