"""The ``blueprint`` command line: inspect, format, create and (later) validate and export files.

Exit codes: 0 ok, 1 a check found problems, 2 a file could not be read or written.
No traceback reaches the user unless ``--debug`` is given.
"""

from __future__ import annotations

import argparse
import importlib
import os
import re
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from blueprint_app import __version__
from blueprint_app.console import err, out

# Nothing heavier at import time: the arguments are parsed first, and each command imports what
# it needs (the models and pydantic, networkx, the exporters), so ``--version`` and ``--help``
# of one command cost little more than Python itself (0.29 s before, most of it importing).
if TYPE_CHECKING:
    from blueprint_app.model.blueprint import Blueprint

EXIT_OK, EXIT_PROBLEMS, EXIT_UNREADABLE = 0, 1, 2

Handler = Callable[[argparse.Namespace], int]
#: Functions that add further subcommands (validate, export, ...): each calls
#: ``sub.add_parser(...)`` and ``parser.set_defaults(handler=...)``.
Registrar = Callable[["argparse._SubParsersAction[argparse.ArgumentParser]"], None]


def cmd_info(args: argparse.Namespace) -> int:
    from blueprint_app.storage import BlueprintFileError, load

    status = EXIT_OK
    for index, name in enumerate(args.files):
        try:
            blueprint = load(name)
        except BlueprintFileError as error:
            err(str(error))
            status = EXIT_UNREADABLE
            continue
        if index:
            out()
        out(describe(blueprint, name))
    return status


def describe(blueprint: Blueprint, name: str) -> str:
    """A short human summary: title, counts per lane, per phase, flows by kind."""
    per_lane = Counter(step.lane for step in blueprint.steps)
    per_phase = Counter(step.phase for step in blueprint.steps)
    flows = Counter(flow.kind.value for flow in blueprint.flows)
    lines = [f"{name}", f"  title:     {blueprint.title}"]
    for label, value in (("customer", blueprint.customer), ("scenario", blueprint.scenario)):
        if value:
            lines.append(f"  {label + ':':<10} {value}")
    lines.append(f"  language:  {blueprint.language}")
    lines.append(
        f"  steps: {len(blueprint.steps)}, flows: {len(blueprint.flows)}, "
        f"notes: {len(blueprint.notes)}"
    )
    lines.append("  steps per lane:")
    for lane in blueprint.lanes:
        lines.append(f"    {per_lane[lane.id]:>5}  {lane.title} ({lane.kind.value})")
    lines.append("  steps per phase:")
    for phase in blueprint.phases:
        lines.append(f"    {per_phase[phase.id]:>5}  {phase.title}")
    if per_phase[None]:
        lines.append(f"    {per_phase[None]:>5}  (no phase)")
    lines.append("  flows by kind:")
    for kind in ("flow", "recovery", "evidence"):
        lines.append(f"    {flows[kind]:>5}  {kind}")
    return "\n".join(lines)


def cmd_format(args: argparse.Namespace) -> int:
    from blueprint_app.storage import BlueprintFileError, dumps, load
    from blueprint_app.storage.writer import write_atomic

    status = EXIT_OK
    for name in args.files:
        path = Path(name)
        try:
            canonical = dumps(load(path)).encode("utf-8")
            if path.read_bytes() == canonical:
                continue
            if args.check:
                err(f"{name}: not in canonical form (run 'blueprint format {name}')")
                status = max(status, EXIT_PROBLEMS)
            else:
                write_atomic(path, canonical)
                out(f"reformatted {name}")
        except BlueprintFileError as error:
            err(str(error))
            status = EXIT_UNREADABLE
        except OSError as error:
            err(f"Cannot read {name!r}: {error.strerror or error}")
            status = EXIT_UNREADABLE
    return status


def cmd_schema(args: argparse.Namespace) -> int:
    from blueprint_app.storage import schema_text

    sys.stdout.write(schema_text())
    return EXIT_OK


def cmd_new(args: argparse.Namespace) -> int:
    from blueprint_app.model.factory import new_blueprint
    from blueprint_app.storage import BlueprintFileError, save

    path = Path(args.output)
    if os.path.lexists(path) and not args.force:
        err(f"{args.output} already exists; use --force to replace it")
        return EXIT_UNREADABLE
    if args.template:
        from blueprint_app import templates

        try:
            blueprint = templates.instantiate(args.template, args.language)
        except (templates.TemplateNotFoundError, FileNotFoundError) as error:
            err(str(error.args[0]) if error.args else str(error))
            return EXIT_UNREADABLE
        except BlueprintFileError as error:
            err(str(error))
            return EXIT_UNREADABLE
        if args.title and args.title.strip():
            blueprint.title = args.title
    else:
        title = args.title if args.title and args.title.strip() else "Untitled blueprint"
        blueprint = new_blueprint(title, args.language)
    try:
        save(blueprint, path)
    except BlueprintFileError as error:
        err(str(error))
        return EXIT_UNREADABLE
    out(f"created {args.output}")
    return EXIT_OK


def language_tag(text: str) -> str:
    """argparse type: a BCP 47 tag as the file format accepts it (one clear line otherwise)."""
    from blueprint_app.model.blueprint import LANGUAGE_PATTERN

    if not re.fullmatch(LANGUAGE_PATTERN, text):
        raise argparse.ArgumentTypeError(f"{text!r} is not a language tag such as en or zh-CN")
    return text


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The whole parser, or (given the command on the line) one holding only the subcommands
    that live here and that command: a feature's subcommand imports its feature."""
    parser = argparse.ArgumentParser(
        prog="blueprint", description="Check, format, create and export service blueprint files."
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--debug", action="store_true", help="show a traceback on internal errors")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True

    info = sub.add_parser("info", help="summarise blueprint files")
    info.add_argument("files", nargs="+", metavar="FILE")
    info.set_defaults(handler=cmd_info)

    fmt = sub.add_parser("format", help="rewrite files in canonical form")
    fmt.add_argument("files", nargs="+", metavar="FILE")
    fmt.add_argument(
        "--check", action="store_true", help="change nothing; exit 1 if a file is not canonical"
    )
    fmt.set_defaults(handler=cmd_format)

    sub.add_parser("schema", help="print the JSON Schema of the file format").set_defaults(
        handler=cmd_schema
    )

    new = sub.add_parser(
        "new",
        help="create an empty blueprint with the five standard lanes, or a copy of a template",
    )
    new.add_argument("-o", "--output", required=True, metavar="FILE")
    new.add_argument(
        "--title", default=None, help="default: 'Untitled blueprint' or the template's title"
    )
    new.add_argument(
        "--template",
        metavar="NAME",
        help="start from a bundled template (see 'blueprint templates')",
    )
    new.add_argument(
        "--language", default="en", type=language_tag, help="BCP 47 tag, e.g. en or zh-CN"
    )
    new.add_argument("--force", action="store_true", help="replace an existing file")
    new.set_defaults(handler=cmd_new)
    for registrar in _registrars(command):
        registrar(sub)
    return parser


#: Subcommands that live beside the feature they expose: command → module with ``register``
#: (a module that registers several commands is listed under each of them).
FEATURE_COMMANDS = {
    "validate": "blueprint_app.validation.cli",
    "export": "blueprint_app.export.command",
    "import": "blueprint_app.importing.command",
    "simulate": "blueprint_app.simulation.command",
    "templates": "blueprint_app.templates",
    "diff": "blueprint_app.versions.cli",
    "merge": "blueprint_app.versions.cli",
    "git-setup": "blueprint_app.versions.cli",
    "git-diff": "blueprint_app.versions.cli",
    "git-textconv": "blueprint_app.versions.cli",
}
OWN_COMMANDS = ("info", "format", "schema", "new")


def _registrars(command: str | None = None) -> list[Registrar]:
    """The registrars of the feature commands the parser needs: none for one of this module's
    own commands or a bare ``--version``, the named one, or all (help, a mistyped command)."""
    if command in OWN_COMMANDS or command == "--version":
        names: list[str] = []
    elif command in FEATURE_COMMANDS:
        names = [command]
    else:
        names = list(FEATURE_COMMANDS)
    modules = dict.fromkeys(FEATURE_COMMANDS[name] for name in names)  # one may add several
    return [importlib.import_module(module).register for module in modules]


def command_of(argv: Sequence[str]) -> str | None:
    """The subcommand on a command line (its first word that is not an option), or
    ``"--version"`` when only options come, one of them ``--version``; None otherwise."""
    for word in argv:
        if word == "--":
            return None
        if not word.startswith("-"):
            return word
    return "--version" if "--version" in argv else None


def main(argv: Sequence[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
    words = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(command_of(words))
    args = parser.parse_args(words)
    try:
        handler: Handler = args.handler
        return handler(args)
    except KeyboardInterrupt:
        err("interrupted")
        return EXIT_UNREADABLE
    except Exception as error:  # the last line of defence: one line, never a traceback
        if args.debug:
            raise
        first = str(error).strip().splitlines()[0] if str(error).strip() else ""
        err(f"blueprint: internal error: {type(error).__name__}: {first} (run with --debug)")
        return EXIT_UNREADABLE


if __name__ == "__main__":
    sys.exit(main())
