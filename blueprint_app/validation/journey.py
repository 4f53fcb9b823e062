"""The customer's longest journey in minutes, from a start to an end.

Parallel work is not summed: only the longest single path counts. Ordinary flows only (a
recovery is the exception, not the journey the standard is set for); a loop is walked once, by
dropping the flows that close it (back edges of a depth-first search from the starts), which
leaves a DAG whose longest node-weighted path is found in one topological pass.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from blueprint_app.model.blueprint import FlowKind
from blueprint_app.validation.context import Context


@dataclass(frozen=True)
class Journey:
    total_minutes: float
    path: tuple[str, ...]


def longest_journey(ctx: Context) -> Journey | None:
    """The start-to-end path with the largest sum of step durations, or None if no end is
    reachable from a start."""
    succ: dict[str, list[str]] = {}
    cards, steps = ctx.evidence_cards, ctx.step_by_id
    for flow in ctx.of_flow_kind[FlowKind.FLOW]:
        source, target = flow.source, flow.target
        if source in steps and target in steps and source not in cards and target not in cards:
            succ.setdefault(source, []).append(target)
    dag, order = _drop_back_edges(ctx.starts, succ)
    weight = {node: steps[node].duration_minutes or 0.0 for node in order}
    best: dict[str, float] = {}
    parent: dict[str, str] = {}
    for start in ctx.starts:
        best[start] = weight[start]
    for node in order:
        here = best[node]
        for nxt in dag.get(node, ()):
            candidate = here + weight[nxt]
            if nxt not in best or candidate > best[nxt]:
                best[nxt] = candidate
                parent[nxt] = node
    reached_ends = [end for end in ctx.ends if end in best]
    if not reached_ends:
        return None
    end = max(reached_ends, key=lambda e: best[e])  # first of equals, in document order
    return Journey(best[end], tuple(_walk_back(end, parent)))


def _walk_back(end: str, parent: dict[str, str]) -> list[str]:
    path = [end]
    while path[-1] in parent:
        path.append(parent[path[-1]])
    path.reverse()
    return path


def _drop_back_edges(
    starts: list[str], succ: dict[str, list[str]]
) -> tuple[dict[str, list[str]], list[str]]:
    """The graph reachable from ``starts`` without its back edges, and a topological order."""
    state: dict[str, bool] = {}  # False while on the DFS stack, True once finished
    dag: dict[str, list[str]] = {}
    finished: list[str] = []
    for start in starts:
        if start in state:
            continue
        state[start] = False
        stack: list[tuple[str, Iterator[str]]] = [(start, iter(succ.get(start, ())))]
        while stack:
            node, targets = stack[-1]
            for nxt in targets:
                seen = state.get(nxt)
                if seen is None:
                    dag.setdefault(node, []).append(nxt)
                    state[nxt] = False
                    stack.append((nxt, iter(succ.get(nxt, ()))))
                    break
                if seen:  # finished: a forward or cross edge, keeps the graph acyclic
                    dag.setdefault(node, []).append(nxt)
            else:
                state[node] = True
                finished.append(node)
                stack.pop()
    finished.reverse()
    return dag, finished
