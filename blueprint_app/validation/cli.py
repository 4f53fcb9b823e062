"""``blueprint validate FILE...``: the rules from the command line, for people and for CI.

Text output is one finding a line, ``FILE: ID severity: message [item ids]``; ``--format json``
prints one JSON list of findings (shape in docs/validation.md). Exit 0 when no file has an
error (warnings too with ``--strict``), 1 when one has, 2 when a file cannot be read.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from blueprint_app.console import err, out, out_json
from blueprint_app.storage import BlueprintFileError, load
from blueprint_app.validation.engine import counts, validate
from blueprint_app.validation.findings import Finding, Severity
from blueprint_app.validation.registry import find_rule

EXIT_OK, EXIT_PROBLEMS, EXIT_UNREADABLE = 0, 1, 2


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "validate",
        help="check blueprints for incomplete flows and other problems",
        description="Check blueprint files against the rules listed in docs/rules.md.",
    )
    parser.add_argument("files", nargs="+", metavar="FILE")
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text (default): one finding a line; json: a list of findings",
    )
    parser.add_argument(
        "--disable",
        action="append",
        default=[],
        metavar="ID",
        help="turn a rule off, by id (BP023) or name (dead-end); repeatable",
    )
    parser.add_argument(
        "--strict", action="store_true", help="exit 1 on warnings as well as errors"
    )
    parser.add_argument(
        "--hints",
        action="store_true",
        help="text format: print each finding's hint on the line below it",
    )
    parser.add_argument(
        "--lang",
        metavar="L",
        default=None,
        help="language of the messages (en, zh-CN); default: each file's own",
    )
    parser.set_defaults(handler=cmd_validate)


def cmd_validate(args: argparse.Namespace) -> int:
    unknown = [key for key in args.disable if find_rule(key) is None]
    if unknown:
        _err(
            f"blueprint validate: unknown rule {', '.join(map(repr, unknown))} (see docs/rules.md)"
        )
        return EXIT_UNREADABLE
    failing = {Severity.ERROR, Severity.WARNING} if args.strict else {Severity.ERROR}
    status = EXIT_OK
    report: list[dict[str, Any]] = []
    for name in args.files:
        try:
            blueprint = load(name)
        except BlueprintFileError as error:
            _err(str(error))
            status = EXIT_UNREADABLE
            continue
        findings = validate(blueprint, disabled=args.disable, language=args.lang)
        if args.format == "json":
            report += [{"file": name, **finding.as_json()} for finding in findings]
        else:
            for finding in findings:
                _out(text_line(name, finding))
                if args.hints:
                    _out(f"    {finding.hint}")
            _err(summary(name, findings))
        if status == EXIT_OK and any(f.severity in failing for f in findings):
            status = EXIT_PROBLEMS
    if args.format == "json":
        out_json(json.dumps(report, ensure_ascii=False, indent=2))
    return status


def text_line(name: str, finding: Finding) -> str:
    items = f" [{', '.join(finding.items)}]" if finding.items else ""
    return f"{name}: {finding.rule} {finding.severity.value}: {finding.message}{items}"


def summary(name: str, findings: list[Finding]) -> str:
    """ "hotel.blueprint.json: 1 error, 2 warnings, 0 info findings", counted as words are."""
    per = counts(findings)
    return f"{name}: " + ", ".join(
        _counted(per[severity], one, many)
        for severity, one, many in (
            (Severity.ERROR, "error", "errors"),
            (Severity.WARNING, "warning", "warnings"),
            (Severity.INFO, "info finding", "info findings"),
        )
    )


def _counted(number: int, one: str, many: str) -> str:
    return f"{number} {one if number == 1 else many}"


_out, _err = out, err
