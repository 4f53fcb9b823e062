"""``blueprint import`` of a BPMN 2.0 file (the command itself, which also reads sheets, is
:mod:`blueprint_app.importing.command`):

    blueprint import FILE.bpmn -o FILE.blueprint.json [--lane NAME=KIND]... [--force]

What mapped and what was dropped (with the reason) goes to stderr. A lane whose kind its name
does not tell becomes a custom lane; ``--lane "Clerk=frontstage"`` says it. Exit codes: 0
written, 2 the file could not be read or is not BPMN (then nothing is written).
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import TYPE_CHECKING

from blueprint_app.console import err, out
from blueprint_app.export.bpmn_import import BpmnImportError, import_bpmn
from blueprint_app.model.blueprint import LaneKind
from blueprint_app.storage import BlueprintFileError, save

if TYPE_CHECKING:
    SubParsers = argparse._SubParsersAction[argparse.ArgumentParser]

EXIT_OK, EXIT_UNREADABLE = 0, 2


def lane_kind(text: str) -> tuple[str, LaneKind]:
    name, _, kind = text.rpartition("=")
    values = {k.value: k for k in LaneKind}
    if not name.strip() or kind.strip() not in values:
        raise argparse.ArgumentTypeError(
            f"expected NAME=KIND with KIND one of {', '.join(values)}: {text!r}"
        )
    return name.strip(), values[kind.strip()]


def cmd_import(args: argparse.Namespace) -> int:
    target = Path(args.output)
    if os.path.lexists(target) and not args.force:
        err(f"{args.output} already exists; use --force to replace it")
        return EXIT_UNREADABLE
    try:
        blueprint, report = import_bpmn(args.file, dict(args.lane))
    except BpmnImportError as error:
        err(str(error))
        return EXIT_UNREADABLE
    for line in report.lines():
        err(line)
    if report.unsure_lanes:
        err('say a lane\'s kind with --lane "NAME=KIND" (customer, frontstage, backstage, support)')
    try:
        save(blueprint, target)
    except BlueprintFileError as error:
        err(str(error))
        return EXIT_UNREADABLE
    out(f"wrote {args.output}: {len(blueprint.steps)} steps, {len(blueprint.flows)} flows")
    return EXIT_OK
