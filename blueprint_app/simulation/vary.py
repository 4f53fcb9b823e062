"""``--vary RESOURCE=2..6``: the same customers (the same seed) with each capacity of one
resource, run in parallel processes, and the table a manager reads: capacity → share within
each standard, mean wait for the resource, its utilization."""

from __future__ import annotations

import math
import os
import re
import unicodedata
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any

from blueprint_app.model.blueprint import Blueprint
from blueprint_app.simulation.engine import Simulation, simulate
from blueprint_app.simulation.network import SimulationError
from blueprint_app.simulation.report import minutes
from blueprint_app.simulation.results import Result
from blueprint_app.simulation.words import percent, word

MAX_CAPACITIES = 50
_RANGE = re.compile(r"^\s*([A-Za-z0-9_.-]{1,64})\s*=\s*(\d+)\s*\.\.\s*(\d+)\s*$")
_LIST = re.compile(r"^\s*([A-Za-z0-9_.-]{1,64})\s*=\s*(\d+(?:\s*,\s*\d+)*)\s*$")


def parse_vary(text: str) -> tuple[str, list[int]]:
    """``counter=2..6`` → ("counter", [2, 3, 4, 5, 6]); ``counter=2,4,8`` → the list."""
    if found := _RANGE.match(text):
        low, high = int(found.group(2)), int(found.group(3))
        capacities = list(range(low, high + 1))
    elif found := _LIST.match(text):
        capacities = sorted({int(part) for part in found.group(2).split(",")})
    else:
        raise SimulationError("bad_vary")
    if not capacities or capacities[0] < 1 or len(capacities) > MAX_CAPACITIES:
        raise SimulationError("bad_vary")
    return found.group(1), capacities


@dataclass(frozen=True)
class Variant:
    capacity: int
    result: Result


def _one(job: tuple[Blueprint, str, int, int | None, float | None, int]) -> Variant:
    blueprint, resource, capacity, customers, hours, seed = job
    result = simulate(
        blueprint, customers=customers, hours=hours, seed=seed, capacities={resource: capacity}
    )
    return Variant(capacity, result)


def run_vary(
    blueprint: Blueprint,
    resource: str,
    capacities: list[int],
    *,
    customers: int | None = None,
    hours: float | None = None,
    seed: int = 0,
    workers: int | None = None,
) -> list[Variant]:
    """One run per capacity, the same seed for each, in up to ``workers`` processes (default:
    one per core); results in the order of ``capacities``."""
    if resource not in {r.id for r in blueprint.resources}:
        raise SimulationError("unknown_resource", resource=resource)
    # what makes every run fail (no arrivals, no start…) is said here, once, not from a worker
    Simulation(blueprint, customers=customers, hours=hours, capacities={resource: capacities[0]})
    jobs = [(blueprint, resource, capacity, customers, hours, seed) for capacity in capacities]
    count = min(len(jobs), workers or os.cpu_count() or 1)
    if count <= 1:
        return [_one(job) for job in jobs]
    with ProcessPoolExecutor(max_workers=count) as pool:
        return list(pool.map(_one, jobs))


def mean_wait(result: Result, resource: str) -> float | None:
    """Mean wait of a visit to a step that needs ``resource``."""
    steps = [s for s in result.steps if s.resource == resource and s.visits]
    visits = sum(s.visits for s in steps)
    return math.fsum(s.total_wait for s in steps) / visits if visits else None


def _standards(blueprint: Blueprint, result: Result) -> list[tuple[str, str, float | None]]:
    """(key, column title, share) of the journey's standard and of each wait standard."""
    language = blueprint.language
    columns: list[tuple[str, str, float | None]] = []
    if blueprint.target_minutes is not None:
        title = word(language, "journey_column", target=minutes(blueprint.target_minutes, language))
        columns.append(("journey", title, result.journey_within_target))
    targets = {s.id: s.wait_target_minutes for s in blueprint.steps}
    for step in result.steps:
        target = targets.get(step.id)
        if target is not None and step.within_wait_target is not None:
            title = word(language, "wait_column", step=step.title, target=minutes(target, language))
            columns.append((step.id, title, step.within_wait_target))
    return columns


def vary_dict(blueprint: Blueprint, resource: str, variants: list[Variant]) -> dict[str, Any]:
    return {
        "resource": resource,
        "runs": [
            {
                "capacity": v.capacity,
                "journey_within_target": v.result.journey_within_target,
                "within_wait_target": {
                    key: share
                    for key, _, share in _standards(blueprint, v.result)
                    if key != "journey"
                },
                "mean_wait_minutes": mean_wait(v.result, resource),
                "utilization": next(r.utilization for r in v.result.resources if r.id == resource),
                "simulation": v.result.as_dict(),
            }
            for v in variants
        ],
    }


def width(text: str) -> int:
    """Columns ``text`` takes in a terminal: wide (CJK) characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, columns: int) -> str:
    return " " * max(0, columns - width(text)) + text


def vary_text(blueprint: Blueprint, resource: str, variants: list[Variant], language: str) -> str:
    """The capacity table: one row per capacity, one column per standard."""
    titles = {r.id: r.title.strip() or r.id for r in blueprint.resources}
    header = [word(language, "capacity")]
    standards = _standards(blueprint, variants[0].result) if variants else []
    header += [title for _, title, _ in standards]
    header += [word(language, "mean_wait"), word(language, "utilization")]
    rows = [header]
    for variant in variants:
        result = variant.result
        utilization = next(r.utilization for r in result.resources if r.id == resource)
        shares = [share for _, _, share in _standards(blueprint, result)]
        rows.append(
            [
                str(variant.capacity),
                *(percent(share) for share in shares),
                minutes(mean_wait(result, resource), language),
                percent(utilization),
            ]
        )
    widths = [max(width(row[i]) for row in rows) for i in range(len(header))]
    lines = [word(language, "vary_title", resource=titles.get(resource, resource))]
    lines += ["  ".join(_pad(cell, widths[i]) for i, cell in enumerate(row)) for row in rows]
    return "\n".join(lines)
