"""``blueprint import``: a CSV or Excel sheet, or a BPMN 2.0 file, as a blueprint file.

    blueprint import FILE.csv|FILE.xlsx -o OUT.blueprint.json [--sheet NAME] [--title T]
        [--force]
    blueprint import FILE.bpmn -o OUT.blueprint.json [--lane NAME=KIND]... [--force]

The file's extension decides: ``.bpmn`` (and ``.bpmn20.xml``, ``.xml``) is read as BPMN by
:mod:`blueprint_app.export.import_command`, anything else as a sheet.

What could not be used is listed on stderr, each line saying why; a sheet that cannot become a
blueprint is refused with one message and nothing is written. Exit codes: 0 written, 2 refused
or not written.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from blueprint_app.console import err, out
from blueprint_app.export import import_command as bpmn_command
from blueprint_app.importing.build import REPORT_LINES, ImportRefused, ImportReport, import_file
from blueprint_app.model.blueprint import LaneKind
from blueprint_app.storage import BlueprintFileError, save

if TYPE_CHECKING:
    SubParsers = argparse._SubParsersAction[argparse.ArgumentParser]

EXIT_OK, EXIT_UNREADABLE = 0, 2


def register(sub: SubParsers) -> None:
    parser = sub.add_parser(
        "import",
        help="make a blueprint from a CSV or Excel sheet or a BPMN 2.0 file",
        description="Import a sheet: one step per row (our CSV export, or columns named Step, "
        "Lane, Phase… in English or Chinese) or a layered grid (lanes down the first column, "
        "moments across); or a BPMN 2.0 file: lanes and pools become lanes, tasks and events "
        "steps, choosing gateways decisions, flows flows, text annotations notes, data objects "
        "evidence, groups phases.",
    )
    parser.add_argument("file", metavar="FILE", help=".csv, .tsv, .txt, .xlsx or .bpmn")
    parser.add_argument("-o", "--output", required=True, metavar="OUT")
    parser.add_argument("--sheet", metavar="NAME", help="the workbook's sheet (default: first)")
    parser.add_argument("--title", help="the blueprint's title (default: the file's name)")
    parser.add_argument(
        "--lane",
        action="append",
        default=[],
        type=bpmn_command.lane_kind,
        metavar="NAME=KIND",
        help="BPMN: the kind of the lane or pool NAME: "
        + ", ".join(kind.value for kind in LaneKind)
        + " (default: guessed from the name)",
    )
    parser.add_argument("--force", action="store_true", help="replace an existing OUT")
    parser.set_defaults(handler=cmd_import)


#: Extensions read as BPMN 2.0 rather than as a sheet.
BPMN_SUFFIXES = (".bpmn", ".xml")


def cmd_import(args: argparse.Namespace) -> int:
    if Path(args.file).suffix.lower() in BPMN_SUFFIXES:
        return bpmn_command.cmd_import(args)
    target = Path(args.output)
    if target.exists() and not args.force:
        err(f"{target} exists; pass --force to replace it")
        return EXIT_UNREADABLE
    try:
        report = import_file(args.file, sheet=args.sheet, title=args.title)
    except ImportRefused as error:
        err(f"{args.file}: cannot import: {error}")
        return EXIT_UNREADABLE
    try:
        save(report.blueprint, target)
    except BlueprintFileError as error:
        err(str(error))
        return EXIT_UNREADABLE
    for line in report_lines(report):
        err(f"{args.file}: {line}")
    out(summary(report, target))
    return EXIT_OK


def summary(report: ImportReport, target: Path) -> str:
    bp = report.blueprint
    shape = "a layered grid" if report.layout == "grid" else "one step per row"
    return (
        f"{target}: {len(bp.steps)} steps, {len(bp.flows)} flows, {len(bp.phases)} phases, "
        f"{len(bp.lanes)} lanes ({shape})"
    )


def report_lines(report: ImportReport) -> list[str]:
    """The notes, then each skipped value with why (the first REPORT_LINES, then a count)."""
    lines = [f"note: {note}" for note in report.notes]
    lines += [f"skipped: {line}" for line in report.skipped[:REPORT_LINES]]
    if len(report.skipped) > REPORT_LINES:
        lines.append(f"skipped: … and {len(report.skipped) - REPORT_LINES} more")
    return lines
