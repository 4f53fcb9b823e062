"""``blueprint simulate FILE``: the what-if simulation from the command line.

Text is a short report in the blueprint's language (``--lang`` to choose); ``--format json``
one object (its fields in docs/simulation.md); ``--format html`` a self-contained report with
charts. ``--vary RESOURCE=2..6`` runs each capacity with the same seed in parallel processes.
Exit 0 on success, 2 when the file cannot be read or simulated, or OUT cannot be written.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from blueprint_app.console import err, out, out_json
from blueprint_app.model.blueprint import Blueprint
from blueprint_app.simulation.engine import simulate
from blueprint_app.simulation.html import to_html
from blueprint_app.simulation.network import SimulationError
from blueprint_app.simulation.report import to_json, to_text
from blueprint_app.simulation.vary import Variant, parse_vary, run_vary, vary_dict, vary_text
from blueprint_app.simulation.words import word
from blueprint_app.storage import BlueprintFileError, load
from blueprint_app.storage.writer import write_atomic

EXIT_OK, EXIT_UNREADABLE = 0, 2


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "simulate",
        help="simulate customers through a blueprint under load (what-if)",
        description="Play the blueprint's arrivals through its steps and resources and report "
        "waits, journey times, standards met and the bottleneck (docs/simulation.md).",
    )
    parser.add_argument("file", metavar="FILE")
    parser.add_argument(
        "--customers", type=int, metavar="N", help="customers to measure (steady rate: 2000)"
    )
    parser.add_argument(
        "--hours", type=float, metavar="H", help="hours of arrivals (schedule: one day)"
    )
    parser.add_argument("--seed", type=int, default=0, metavar="S", help="random seed (0)")
    parser.add_argument(
        "--vary",
        metavar="RESOURCE=2..6",
        help="run each capacity of a resource (FROM..TO or N,N,…) and compare them",
    )
    parser.add_argument(
        "--format",
        choices=("text", "json", "html"),
        default=None,
        help="default: from OUT, else text",
    )
    parser.add_argument("-o", "--output", metavar="OUT", help="write to OUT instead of stdout")
    parser.add_argument(
        "--lang", metavar="L", default=None, help="language of the report (en, zh-CN)"
    )
    parser.set_defaults(handler=cmd_simulate)


def _format(args: argparse.Namespace) -> str:
    if args.format:
        return str(args.format)
    suffix = Path(args.output).suffix.lower() if args.output else ""
    return {".json": "json", ".html": "html", ".htm": "html"}.get(suffix, "text")


def cmd_simulate(args: argparse.Namespace) -> int:
    try:
        blueprint = load(args.file)
    except BlueprintFileError as error:
        err(str(error))
        return EXIT_UNREADABLE
    language = args.lang or blueprint.language
    try:
        text = _report(args, blueprint, language, _format(args))
    except SimulationError as error:
        err(f"blueprint simulate: {args.file}: {word(language, error.key, **error.args_)}")
        return EXIT_UNREADABLE
    if args.output:
        try:
            write_atomic(Path(args.output), text.encode("utf-8") + b"\n")
        except OSError as error:
            err(f"blueprint simulate: cannot write {args.output!r}: {error.strerror or error}")
            return EXIT_UNREADABLE
    elif _format(args) == "json":
        out_json(text)
    else:
        out(text)
    return EXIT_OK


def _report(args: argparse.Namespace, blueprint: Blueprint, language: str, kind: str) -> str:
    runs = {"customers": args.customers, "hours": args.hours, "seed": args.seed}
    variants: list[Variant] = []
    if args.vary:
        resource, capacities = parse_vary(args.vary)
        variants = run_vary(blueprint, resource, capacities, **runs)
        if kind == "json":
            return to_json(vary_dict(blueprint, resource, variants))
        if kind == "text":
            return vary_text(blueprint, resource, variants, language)
        own = next(r.capacity for r in blueprint.resources if r.id == resource)
        shown = next((v for v in variants if v.capacity == own), variants[0])
        return to_html(blueprint, shown.result, language, resource, variants)
    result = simulate(blueprint, **runs)
    if kind == "json":
        return to_json(result.as_dict())
    if kind == "html":
        return to_html(blueprint, result, language)
    return to_text(result, blueprint, language)
