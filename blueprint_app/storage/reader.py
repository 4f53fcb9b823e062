"""Reading blueprint files: every problem at once, each with its JSON path; never a traceback."""

from __future__ import annotations

import json
import math
import re
import stat
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from blueprint_app.gc_pause import gc_paused
from blueprint_app.model.blueprint import FORMAT_NAME, FORMAT_VERSION, Blueprint
from blueprint_app.model.integrity import Problem, integrity_problems
from blueprint_app.storage.errors import BlueprintFileError
from blueprint_app.storage.migrations import MigrationError, migrate

#: Files larger than this are refused before parsing: no real blueprint comes near it.
MAX_FILE_BYTES = 64 * 1024 * 1024
#: A blueprint nests five levels; unknown fields may nest more, but not without bound.
MAX_NESTING = 64


def load(path: str | Path) -> Blueprint:
    """Read and check a blueprint file; raise :class:`BlueprintFileError` for anything wrong."""
    path = Path(path)
    try:
        status = path.stat()
        if stat.S_ISDIR(status.st_mode):
            raise BlueprintFileError(path, ["Is a directory"])
        if not stat.S_ISREG(status.st_mode):
            raise BlueprintFileError(path, ["not a regular file (a device, pipe or socket)"])
        too_big = [
            f"the file is {_human_size(status.st_size)}; blueprint files are limited "
            f"to {_human_size(MAX_FILE_BYTES)}"
        ]
        if status.st_size > MAX_FILE_BYTES:
            raise BlueprintFileError(path, too_big)
        with path.open("rb") as stream:  # bounded: the size may change after stat()
            data = stream.read(MAX_FILE_BYTES + 1)
        if len(data) > MAX_FILE_BYTES:
            raise BlueprintFileError(path, too_big)
    except OSError as error:
        raise BlueprintFileError(path, [_os_reason(error)]) from None
    return loads(data, source=path)


def _human_size(size: int) -> str:
    """A size a person reads at a glance, exact where rounding would hide the difference (the
    limit plus one byte must not read as the limit)."""
    unit, name = (1024, "KiB") if size < 1024 * 1024 else (1024 * 1024, "MiB")
    if size % unit == 0:
        return f"{size // unit} {name}"
    return f"{size / unit:.1f} {name} ({size:,} bytes)"


def _os_reason(error: OSError) -> str:
    return error.strerror or str(error)


def loads(data: bytes | str, source: str | Path = "<memory>") -> Blueprint:
    """Parse and check blueprint JSON given as bytes or text."""
    if isinstance(data, bytes) and len(data) > MAX_FILE_BYTES:
        raise BlueprintFileError(source, ["the data is larger than the blueprint size limit"])
    text = _decode(data, source) if isinstance(data, bytes) else data.removeprefix("\ufeff")
    with gc_paused():
        raw = _parse_json(text, source)
        return from_raw(raw, source)


def _decode(data: bytes, source: str | Path) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise BlueprintFileError(source, ["the file is UTF-16 text; blueprint files are UTF-8"])
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise BlueprintFileError(
            source, [f"not UTF-8 text: invalid byte at offset {error.start}"]
        ) from None


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"the number {text[:20]} is too large")
    return value


def _parse_json(text: str, source: str | Path) -> Any:
    duplicates: list[str] = []

    def keep_pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key, value in pairs:
            if key in result:
                duplicates.append(key)
            result[key] = value
        return result

    try:
        raw = json.loads(
            text,
            object_pairs_hook=keep_pairs,
            parse_constant=_reject_constant,
            parse_float=_finite_float,
        )
    except json.JSONDecodeError as error:
        start = text.lstrip("\ufeff \t\r\n")[:1]
        if not start:
            reason = "the file is empty, not a blueprint file"
        elif start not in "{[":  # a picture, a text, a CSV…: no JSON at all
            reason = "not a blueprint file (a blueprint file is JSON text starting with “{”)"
        else:
            reason = f"not valid JSON: {error.msg} at line {error.lineno} column {error.colno}"
        raise BlueprintFileError(source, [reason]) from None
    except ValueError as error:
        raise BlueprintFileError(source, [f"not valid JSON: {error}"]) from None
    except RecursionError:
        raise BlueprintFileError(source, ["not valid JSON: nested too deeply"]) from None
    if duplicates:
        names = ", ".join(sorted({repr(key) for key in duplicates}))
        raise BlueprintFileError(source, [f"duplicate keys in one JSON object: {names}"])
    problem = _scan(raw)
    if problem:
        raise BlueprintFileError(source, [problem])
    return raw


def _scan(value: Any) -> str | None:
    """What no later step could store: nesting beyond the limit, text that is not Unicode.

    Iterative, so a hostile file cannot exhaust the stack of a later recursive step.
    """
    stack: list[tuple[Any, int]] = [(value, 0)]
    while stack:
        current, depth = stack.pop()
        if depth > MAX_NESTING:
            return f"nested more than {MAX_NESTING} levels deep"
        if isinstance(current, str):
            if not current.isascii() and _SURROGATE.search(current):
                return "text with an unpaired surrogate escape (\\ud800-\\udfff): not Unicode"
        elif isinstance(current, dict):
            stack.extend((key, depth + 1) for key in current)
            stack.extend((child, depth + 1) for child in current.values())
        elif isinstance(current, list):
            stack.extend((child, depth + 1) for child in current)
    return None


_SURROGATE = re.compile("[\ud800-\udfff]")


def from_raw(raw: Any, source: str | Path = "<memory>") -> Blueprint:
    """Check parsed JSON against the contract (migrating older versions) and build the model."""
    if not isinstance(raw, dict):
        kind = {list: "an array", str: "a string", type(None): "null"}.get(type(raw), "a value")
        raise BlueprintFileError(source, [f"not a blueprint: the file holds {kind}, not an object"])
    if raw.get("format") != FORMAT_NAME:
        found = raw.get("format")
        detail = "has no 'format' field" if found is None else f"has format {found!r}"
        raise BlueprintFileError(
            source, [f"not a service blueprint: the file {detail}, expected {FORMAT_NAME!r}"]
        )
    raw = _migrated(raw, source)
    problems = integrity_problems(raw)
    try:
        blueprint = Blueprint.model_validate(raw)
    except ValidationError as error:
        problems += _pydantic_problems(error)
        blueprint = None
    if problems or blueprint is None:
        raise BlueprintFileError(source, sort_problems(problems))
    return blueprint


def _migrated(raw: dict[str, Any], source: str | Path) -> dict[str, Any]:
    version = raw.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 0:
        raise BlueprintFileError(
            source, [Problem("format_version", f"expected a whole number, found {version!r}")]
        )
    if version > FORMAT_VERSION:
        raise BlueprintFileError(
            source,
            [
                f"the file has format_version {version}, newer than this app supports "
                f"(format_version {FORMAT_VERSION}); update Blueprint Studio to open it"
            ],
        )
    try:
        return migrate(raw, version)
    except MigrationError as error:
        raise BlueprintFileError(source, [str(error)]) from None
    except Exception as error:  # a migration met data it did not expect
        raise BlueprintFileError(
            source, [f"could not upgrade from format_version {version}: {error}"]
        ) from None


def json_path(loc: Iterable[int | str]) -> str:
    """``('steps', 3, 'lane')`` -> ``steps[3].lane``."""
    path = ""
    for part in loc:
        if isinstance(part, int):
            path += f"[{part}]"
        else:
            path += f".{part}" if path else part
    return path


def _pydantic_problems(error: ValidationError) -> list[Problem]:
    problems = []
    for detail in error.errors(include_url=False):
        loc = [part for part in detail["loc"] if not _is_schema_tag(part)]
        reason = _REASONS.get(detail["type"], detail["msg"])
        if detail["type"] == "string_pattern_mismatch" and loc and loc[-1] in _ID_FIELDS:
            reason = f"{detail['input']!r} is not a valid id (letters, digits, _ . - ; 1 to 64)"
        problems.append(Problem(json_path(loc), reason))
    return problems


_ID_FIELDS = {"id", "lane", "phase", "source", "target", "attached_to"}
_REASONS = {"missing": "missing required field"}


def _is_schema_tag(part: int | str) -> bool:
    return isinstance(part, str) and bool(re.match(r"^(function-|lax-|json-or|literal\[)", part))


_SEGMENT = re.compile(r"[A-Za-z_]+|\[\d+\]")
_ORDER = {name: index for index, name in enumerate(Blueprint.model_fields)}


def sort_problems(problems: list[Problem]) -> list[Problem]:
    """Document order: top-level fields first in contract order, then items by index."""

    def key(problem: Problem) -> tuple[tuple[int, int], ...]:
        parts = []
        for segment in _SEGMENT.findall(problem.path):
            if segment.startswith("["):
                parts.append((1, int(segment[1:-1])))
            else:
                parts.append((0, _ORDER.get(segment, len(_ORDER))))
        return tuple(parts)

    unique = list(dict.fromkeys(problems))
    return sorted(unique, key=key)
