"""Writing blueprint files: canonical bytes, written atomically so the old file survives."""

from __future__ import annotations

import contextlib
import errno
import json
import os
import tempfile
from enum import Enum
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from blueprint_app.model.blueprint import ALWAYS_WRITTEN, Blueprint
from blueprint_app.model.integrity import integrity_problems
from blueprint_app.storage.errors import BlueprintFileError


def to_canonical_dict(blueprint: Blueprint) -> dict[str, Any]:
    """The JSON object of the file: contract field order, defaults left out except key fields."""
    return _canonical(blueprint)


def _canonical(model: BaseModel) -> dict[str, Any]:
    always = ALWAYS_WRITTEN.get(type(model), ())
    out: dict[str, Any] = {}
    for name, field in type(model).model_fields.items():
        value = getattr(model, name)
        if name not in always and value == field.get_default(call_default_factory=True):
            continue
        out[name] = _value(value)
    for name, value in (model.__pydantic_extra__ or {}).items():
        if name not in out:
            out[name] = value
    return out


def _value(value: Any) -> Any:
    if isinstance(value, BaseModel):
        return _canonical(value)
    if isinstance(value, list):
        return [_value(item) for item in value]
    if isinstance(value, dict):
        return {key: _value(item) for key, item in value.items()}
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return int(value)
    if isinstance(value, Enum):
        return value.value
    return value


def dumps(blueprint: Blueprint) -> str:
    """Canonical text: two-space indent, contract key order, non-ASCII as itself, final newline."""
    return json.dumps(to_canonical_dict(blueprint), indent=2, ensure_ascii=False,
                      allow_nan=False) + "\n"


def save(blueprint: Blueprint, path: str | Path) -> None:
    """Write ``blueprint`` to ``path`` atomically; on failure the old file is left untouched.

    An inconsistent document (dangling references, missing lanes) is refused, not written.
    """
    path = Path(path)
    problems = integrity_problems(blueprint.model_dump(mode="json"))
    if problems:
        raise BlueprintFileError(path, problems, action="save")
    write_atomic(path, dumps(blueprint).encode("utf-8"))


def write_atomic(path: Path, data: bytes) -> None:
    """Write to a temporary file in the same folder, fsync, then replace ``path`` in one step."""
    target = path.resolve() if path.is_symlink() else path
    folder = target.parent
    temp_name: str | None = None
    try:
        handle, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        _keep_mode(target, temp_name)
        os.replace(temp_name, target)
        temp_name = None
        _fsync_folder(folder)
    except OSError as error:
        reason = save_failure_reason(error, folder)
        raise BlueprintFileError(path, [reason], action="save") from None
    finally:
        if temp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(temp_name)


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


def save_failure_reason(error: OSError, folder: Path) -> str:
    """Words a person can act on for the usual ways a save fails."""
    if error.errno == errno.ENOSPC:
        return "the disk is full; free some space or save elsewhere (the old file is unchanged)"
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"no permission to write in {str(folder)!r}; save elsewhere"
    if error.errno == errno.ENOENT:
        return f"the folder {str(folder)!r} does not exist (was it removed?)"
    return f"{error.strerror or error} (the old file is unchanged)"
