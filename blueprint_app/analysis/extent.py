"""Where the blueprint is: the cards that belong together, and the ones lost far away.

A coordinate typed or scripted wrong (x = -1e8) puts one card a hundred million units from the
rest; the canvas and every picture would stretch to reach it. Validation names such cards and
Arrange lays them out beside the others, both by the same rule, here.
"""

from __future__ import annotations

from itertools import pairwise

from blueprint_app.model.blueprint import Step

#: Empty space wider than this (about 90 columns) between cards means a card is lost far away.
FAR_GAP = 20_000.0


def groups_by_x(steps: list[Step]) -> list[list[str]]:
    """Ids of the laid-out steps, in groups split wherever ``FAR_GAP`` of nothing lies between."""
    placed = sorted(
        (step.layout.x, index, step.id)
        for index, step in enumerate(steps)
        if step.layout is not None
    )
    if not placed:
        return []
    groups: list[list[str]] = [[placed[0][2]]]
    for (x1, _, _), (x2, _, step_id) in pairwise(placed):
        if x2 - x1 > FAR_GAP:
            groups.append([])
        groups[-1].append(step_id)
    return groups


def far_steps(steps: list[Step]) -> list[str]:
    """The steps outside the group where most cards are (the blueprint itself)."""
    groups = groups_by_x(steps)
    if len(groups) < 2:
        return []
    main = _largest(groups)
    return [step_id for group in groups if group is not main for step_id in group]


def main_left(steps: list[Step]) -> float:
    """The left edge of the blueprint itself (0 when nothing is laid out), far cards ignored."""
    groups = groups_by_x(steps)
    if not groups:
        return 0.0
    main = set(_largest(groups))
    return min(s.layout.x for s in steps if s.id in main and s.layout is not None)


def _largest(groups: list[list[str]]) -> list[str]:
    return max(groups, key=lambda group: len(group))
