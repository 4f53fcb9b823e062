"""``blueprint export``: write blueprint files as specifications, BPMN or Mermaid.

    blueprint export FILE... -o OUT [--format md|html|csv|bpmn|mmd|xlsx|png|svg|pdf] [--lang L]
        [--scale N | --dpi D] [--transparent] [--page A4|A3|Letter] [--phases A..B]
        [--select ID,ID...] [--no-title] [--no-legend] [--badges]

The format comes from OUT's extension unless ``--format`` names it. With several files, or when
OUT is a folder, each FILE is written as OUT/NAME.EXT. Exit codes as for every command: 0 all
written, 2 a file could not be read or written, or the request itself was wrong.

The pictures (png, svg, pdf) need Qt but no display: without DISPLAY, WAYLAND_DISPLAY or
QT_QPA_PLATFORM the offscreen platform is chosen. ``html`` embeds the SVG diagram when Qt
can start, and says so on stderr when it cannot.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import TYPE_CHECKING

from blueprint_app.console import err, out
from blueprint_app.export.formats import FORMATS, ExportFormat, format_for_path
from blueprint_app.export.options import ExportOptions
from blueprint_app.export.pipeline import export_document
from blueprint_app.export.scope import ImageOptionError
from blueprint_app.export.words import CATALOGUES, catalogue_language
from blueprint_app.storage import BlueprintFileError, load
from blueprint_app.storage.writer import write_atomic

if TYPE_CHECKING:
    SubParsers = argparse._SubParsersAction[argparse.ArgumentParser]

EXIT_OK, EXIT_UNREADABLE = 0, 2
_SUFFIXES = (".blueprint.json", ".json")


def register(sub: SubParsers) -> None:
    names = ", ".join(FORMATS)
    parser = sub.add_parser(
        "export",
        help="export blueprints as a process spec, BPMN, Mermaid or a picture",
        description=f"Export blueprint files. Formats: {names} (taken from OUT's extension "
        "unless --format is given).",
    )
    parser.add_argument("files", nargs="+", metavar="FILE")
    parser.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="OUT",
        help="output file, or a folder for NAME.EXT per input file",
    )
    parser.add_argument("--format", metavar="FORMAT", help=f"one of: {names}")
    parser.add_argument(
        "--lang",
        metavar="LANG",
        help="language of the fixed words (en, zh-CN); default: the file's",
    )
    _picture_arguments(parser.add_argument_group("pictures (png, svg, pdf)"))
    parser.set_defaults(handler=cmd_export)


def _positive(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not value > 0 or value == float("inf"):
        raise argparse.ArgumentTypeError(f"must be a positive number: {text!r}")
    return value


def _picture_arguments(group: argparse._ArgumentGroup) -> None:
    size = group.add_mutually_exclusive_group()
    size.add_argument(
        "--scale",
        type=_positive,
        default=1.0,
        metavar="N",
        help="PNG pixels per diagram unit (default 1; 2 for sharp slides)",
    )
    size.add_argument(
        "--dpi",
        type=_positive,
        metavar="D",
        help="PNG resolution instead of --scale (96 dpi = scale 1)",
    )
    group.add_argument(
        "--transparent", action="store_true", help="no white background behind the diagram"
    )
    group.add_argument(
        "--page",
        choices=["A4", "A3", "Letter"],
        type=_page_name,
        help="PDF: fit onto one landscape page (default: a page the diagram's size)",
    )
    group.add_argument(
        "--phases",
        metavar="A..B",
        help="only the steps of these phases (ids or 1-based numbers; "
        "A..B, A, A.. or ..B) and the flows between them",
    )
    group.add_argument(
        "--select",
        metavar="ID,...",
        help="only these steps (and notes; a flow id brings its two steps)",
    )
    group.add_argument(
        "--no-title", dest="title_block", action="store_false", help="leave out the title block"
    )
    group.add_argument(
        "--no-legend", dest="legend", action="store_false", help="leave out the legend"
    )
    group.add_argument(
        "--badges",
        action="store_true",
        help="mark cards and flows with their worst validation finding",
    )


def _page_name(text: str) -> str:
    return {"a4": "A4", "a3": "A3", "letter": "Letter"}.get(text.lower(), text)


def options_from(args: argparse.Namespace) -> ExportOptions:
    """The :class:`ExportOptions` the parsed command line asks for (findings come per file)."""
    selection = None
    if args.select is not None:
        selection = frozenset(part.strip() for part in args.select.split(",") if part.strip())
    return ExportOptions(
        lang=args.lang,
        scale=args.scale,
        dpi=args.dpi,
        transparent=args.transparent,
        page=args.page,
        title_block=args.title_block,
        legend=args.legend,
        badges=args.badges,
        selection=selection,
        phases=args.phases,
    )


_err = err


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
        f"or --format ({known})"
    )


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
    into_folder = len(args.files) > 1 or os.path.isdir(output) or args.output.endswith(("/", "\\"))
    fmt = _choose_format(args, into_folder)
    if isinstance(fmt, str):
        _err(f"blueprint export: {fmt}")
        return EXIT_UNREADABLE
    if args.lang and catalogue_language(args.lang) != args.lang.split("-")[0].lower():
        _err(
            f"blueprint export: no words for language {args.lang!r} "
            f"(have: {', '.join(CATALOGUES)}); using English"
        )
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
    base = options_from(args)
    for name, target in zip(args.files, targets, strict=True):
        status = max(status, _export_one(name, target, fmt, base))
    return status


def _export_one(name: str, target: Path, fmt: ExportFormat, base: ExportOptions) -> int:
    try:
        blueprint = load(name)
        data = export_document(
            blueprint, fmt, base, note=lambda text: _err(f"blueprint export: {text}")
        )
        write_atomic(target, data)
    except BlueprintFileError as error:
        _err(str(error))
        return EXIT_UNREADABLE
    except ImageOptionError as error:
        _err(f"blueprint export: {name}: {error}")
        return EXIT_UNREADABLE
    out(f"wrote {target}")
    return EXIT_OK
