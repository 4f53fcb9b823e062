"""Summaries of simulated times: mean and the percentiles a service standard is read at."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass


def percentile(ordered: Sequence[float], share: float) -> float:
    """The ``share`` quantile (0..1) of sorted values, interpolating between the closest ranks
    (the common "type 7" definition, as spreadsheets and numpy use)."""
    if not ordered:
        raise ValueError("no values")
    position = share * (len(ordered) - 1)
    low = math.floor(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


@dataclass(frozen=True)
class Summary:
    """Mean, median, 90th and 95th percentile and maximum of some minutes (None: no values)."""

    mean: float | None
    p50: float | None
    p90: float | None
    p95: float | None
    max: float | None

    @classmethod
    def of(cls, values: Sequence[float]) -> Summary:
        if not values:
            return cls(None, None, None, None, None)
        ordered = sorted(values)
        return cls(
            math.fsum(ordered) / len(ordered),
            percentile(ordered, 0.5),
            percentile(ordered, 0.9),
            percentile(ordered, 0.95),
            ordered[-1],
        )

    def as_dict(self) -> dict[str, float | None]:
        return {
            "mean": self.mean,
            "p50": self.p50,
            "p90": self.p90,
            "p95": self.p95,
            "max": self.max,
        }


def share_within(values: Sequence[float], limit: float | None) -> float | None:
    """The share of ``values`` at most ``limit`` (None without a limit or without values)."""
    if limit is None or not values:
        return None
    return sum(1 for value in values if value <= limit + 1e-9) / len(values)
