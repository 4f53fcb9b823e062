"""``blueprint export``: write blueprint files as specifications, BPMN or Mermaid.

    blueprint export FILE... -o OUT [--format md|html|csv|bpmn|mmd] [--lang L]

The format comes from OUT's extension unless ``--format`` names it. With several files, or when
OUT is a folder, each FILE is written as OUT/NAME.EXT. Exit codes as for every command: 0 all
written, 2 a file could not be read or written, or the request itself was wrong.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from blueprint_app.console import err, out
from blueprint_app.export.formats import FORMATS, ExportFormat, ExportOptions, format_for_path
from blueprint_app.export.spec import FindingLike
from blueprint_app.export.words import CATALOGUES, catalogue_language
from blueprint_app.model.blueprint import Blueprint
from blueprint_app.storage import BlueprintFileError, load
from blueprint_app.storage.writer import write_atomic
from blueprint_app.validation import validate

if TYPE_CHECKING:
    SubParsers = argparse._SubParsersAction[argparse.ArgumentParser]

EXIT_OK, EXIT_UNREADABLE = 0, 2
_SUFFIXES = (".blueprint.json", ".json")


def register(sub: SubParsers) -> None:
    names = ", ".join(FORMATS)
    parser = sub.add_parser(
        "export", help="export blueprints as a process spec, BPMN or Mermaid",
        description=f"Export blueprint files. Formats: {names} (taken from OUT's extension "
                    "unless --format is given).")
    parser.add_argument("files", nargs="+", metavar="FILE")
    parser.add_argument("-o", "--output", required=True, metavar="OUT",
                        help="output file, or a folder for NAME.EXT per input file")
    parser.add_argument("--format", metavar="FORMAT", help=f"one of: {names}")
    parser.add_argument("--lang", metavar="LANG",
                        help="language of the fixed words (en, zh-CN); default: the file's")
    parser.set_defaults(handler=cmd_export)


_err = err


def findings_for(blueprint: Blueprint, lang: str | None) -> Sequence[FindingLike]:
    """Validation findings for the spec's summary, in the language ``lang`` (None: the file's)."""
    return validate(blueprint, language=lang)


def output_name(source: str | Path, fmt: ExportFormat) -> str:
    """``shop/coffee.blueprint.json`` → ``coffee.md`` (for ``--format md``)."""
    name = Path(source).name
    for suffix in _SUFFIXES:
        if name.lower().endswith(suffix) and len(name) > len(suffix):
            name = name[: -len(suffix)]
            break
    return name + fmt.extensions[0]


def _choose_format(args: argparse.Namespace, into_folder: bool) -> ExportFormat | str:
    """The format, or the message that says why none could be chosen."""
    known = ", ".join(FORMATS)
    if args.format:
        fmt = FORMATS.get(args.format.lower().lstrip("."))
        return fmt or f"unknown format {args.format!r}; known formats: {known}"
    if into_folder:
        return f"writing into the folder {args.output!r}: say which format with --format ({known})"
    return format_for_path(args.output) or (
        f"cannot tell the format from {args.output!r}; use an extension "
        f"({', '.join(ext for f in FORMATS.values() for ext in f.extensions)}) "
        f"or --format ({known})")


def _targets(args: argparse.Namespace, fmt: ExportFormat, into_folder: bool) -> list[Path] | str:
    if not into_folder:
        return [Path(args.output)]
    folder = Path(args.output)
    targets = [folder / output_name(name, fmt) for name in args.files]
    seen: dict[Path, str] = {}
    for name, target in zip(args.files, targets, strict=True):
        if target in seen:
            return f"{seen[target]!r} and {name!r} would both be written to {str(target)!r}"
        seen[target] = name
    return targets


def cmd_export(args: argparse.Namespace) -> int:
    output = Path(args.output)
    # os.path.isdir, unlike Path.is_dir, answers False for names the system cannot even stat
    into_folder = (len(args.files) > 1 or os.path.isdir(output)
                   or args.output.endswith(("/", "\\")))
    fmt = _choose_format(args, into_folder)
    if isinstance(fmt, str):
        _err(f"blueprint export: {fmt}")
        return EXIT_UNREADABLE
    if args.lang and catalogue_language(args.lang) != args.lang.split("-")[0].lower():
        _err(f"blueprint export: no words for language {args.lang!r} "
             f"(have: {', '.join(CATALOGUES)}); using English")
    targets = _targets(args, fmt, into_folder)
    if isinstance(targets, str):
        _err(f"blueprint export: {targets}")
        return EXIT_UNREADABLE
    if into_folder:
        try:
            output.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            _err(f"Cannot create the folder {args.output!r}: {error.strerror or error}")
            return EXIT_UNREADABLE
    status = EXIT_OK
    for name, target in zip(args.files, targets, strict=True):
        status = max(status, _export_one(name, target, fmt, args.lang))
    return status


def _export_one(name: str, target: Path, fmt: ExportFormat, lang: str | None) -> int:
    try:
        blueprint = load(name)
        options = ExportOptions(lang=lang, findings=findings_for(blueprint, lang))
        write_atomic(target, fmt.export(blueprint, options))
    except BlueprintFileError as error:
        _err(str(error))
        return EXIT_UNREADABLE
    out(f"wrote {target}")
    return EXIT_OK
