"""The order in which a written process is read, and the customer's time along it.

Blueprints are drawn by people: flows may loop back (a retry), steps may lack a layout. The order
here is a topological order of the process graph (flows and recovery flows, evidence left out)
with ties broken by layout x, and a cycle is broken at its left-most step instead of failing.
"""

from __future__ import annotations

import heapq
import math
from dataclasses import dataclass

from blueprint_app.model.blueprint import Blueprint, FlowKind, Step

SortKey = tuple[float, int, int]


def _key(step: Step, index: int) -> SortKey:
    if step.layout is None:
        return (math.inf, 0, index)
    return (step.layout.x, step.layout.row, index)


def flow_rank(blueprint: Blueprint) -> dict[str, int]:
    """Step id → position in reading order (0 first), for every step of the blueprint."""
    keys = {step.id: _key(step, index) for index, step in enumerate(blueprint.steps)}
    successors: dict[str, list[str]] = {step.id: [] for step in blueprint.steps}
    indegree = dict.fromkeys(keys, 0)
    for flow in blueprint.flows:
        if flow.kind == FlowKind.EVIDENCE or flow.source not in keys or flow.target not in keys:
            continue
        successors[flow.source].append(flow.target)
        indegree[flow.target] += 1
    ready = [(keys[sid], sid) for sid, degree in indegree.items() if degree == 0]
    heapq.heapify(ready)
    remaining = {sid: keys[sid] for sid in keys}
    rank: dict[str, int] = {}
    while remaining:
        if not ready:  # only cycles left: start the left-most remaining step
            sid = min(remaining, key=remaining.__getitem__)
            heapq.heappush(ready, (remaining[sid], sid))
        _, sid = heapq.heappop(ready)
        if sid in rank:
            continue
        rank[sid] = len(rank)
        del remaining[sid]
        for target in successors[sid]:
            indegree[target] -= 1
            if indegree[target] == 0 and target not in rank:
                heapq.heappush(ready, (keys[target], target))
    return rank


def ordered_steps(blueprint: Blueprint) -> list[Step]:
    rank = flow_rank(blueprint)
    return sorted(blueprint.steps, key=lambda step: rank[step.id])


def depth(blueprint: Blueprint, rank: dict[str, int] | None = None) -> dict[str, int]:
    """How many forward flows lead to each step at most: a column for steps without layout."""
    rank = rank if rank is not None else flow_rank(blueprint)
    predecessors: dict[str, list[str]] = {step.id: [] for step in blueprint.steps}
    for flow in blueprint.flows:
        if (
            flow.kind != FlowKind.EVIDENCE
            and flow.source in rank
            and flow.target in rank
            and rank[flow.source] < rank[flow.target]
        ):
            predecessors[flow.target].append(flow.source)
    result: dict[str, int] = {}
    for sid in sorted(rank, key=rank.__getitem__):
        result[sid] = max((result[p] + 1 for p in predecessors[sid]), default=0)
    return result


@dataclass(frozen=True)
class TimedPath:
    """The longest path by expected duration along ordinary flows, and its total."""

    steps: list[Step]
    minutes: float
    target: float | None
    missing_duration: list[Step]

    @property
    def over_by(self) -> float | None:
        if self.target is None:
            return None
        return max(0.0, self.minutes - self.target)


def longest_path(blueprint: Blueprint) -> TimedPath:
    """The critical path of the normal process (recovery flows left out, loops cut).

    Each step counts its ``duration_minutes`` (0 when unknown, and listed as such), so the
    total is the time from the customer's first step to the last along the slowest chain.
    """
    rank = flow_rank(blueprint)
    by_id = {step.id: step for step in blueprint.steps}
    predecessors: dict[str, list[str]] = {sid: [] for sid in by_id}
    has_flow = False
    for flow in blueprint.flows:
        if (
            flow.kind == FlowKind.FLOW
            and flow.source in by_id
            and flow.target in by_id
            and rank[flow.source] < rank[flow.target]
        ):
            predecessors[flow.target].append(flow.source)
            has_flow = True
    if not has_flow:
        return TimedPath([], 0.0, blueprint.target_minutes, [])
    best: dict[str, tuple[float, int]] = {}  # (minutes, steps): ties go to the longer chain
    came_from: dict[str, str | None] = {}
    for sid in sorted(by_id, key=rank.__getitem__):
        own = by_id[sid].duration_minutes or 0.0
        before = max(predecessors[sid], key=lambda p: (best[p], -rank[p]), default=None)
        minutes, count = best[before] if before is not None else (0.0, 0)
        best[sid] = (minutes + own, count + 1)
        came_from[sid] = before
    end = max(best, key=lambda sid: (best[sid], -rank[sid]))
    chain: list[Step] = []
    current: str | None = end
    while current is not None:
        chain.append(by_id[current])
        current = came_from[current]
    chain.reverse()
    missing = [step for step in chain if step.duration_minutes is None]
    return TimedPath(chain, best[end][0], blueprint.target_minutes, missing)
