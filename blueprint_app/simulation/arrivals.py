"""When customers arrive: a Poisson process at one rate, or at each window's rate of a day.

The plan is a stream of timed marks in minutes since midnight of the first day: an arrival,
or the opening and closing of a measured stretch (a schedule's windows; a steady rate's time
after the warm-up), so that utilization is measured over the time the service is open.
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from blueprint_app.model.blueprint import Arrivals

DAY = 1440.0
Mark = tuple[Literal["open", "close", "arrive"], float]


def clock(time_of_day: str) -> float:
    hours, minutes = time_of_day.split(":")
    return int(hours) * 60.0 + int(minutes)


@dataclass(frozen=True)
class Window:
    start: float
    end: float
    per_minute: float


@dataclass(frozen=True)
class ArrivalPlan:
    """The arrival process of a blueprint: a steady rate, or windows repeated day after day."""

    per_minute: float | None
    windows: tuple[Window, ...]

    @classmethod
    def of(cls, arrivals: Arrivals) -> ArrivalPlan:
        if arrivals.schedule is None:
            return cls((arrivals.per_hour or 0.0) / 60.0, ())
        windows = sorted(
            (
                Window(clock(w.start), clock(w.to), w.per_hour / 60.0)
                for w in arrivals.schedule
                if clock(w.to) > clock(w.start)  # an empty window (BP076) has no arrivals
            ),
            key=lambda w: w.start,
        )
        merged: list[Window] = []
        for window in windows:  # an overlap (BP076): the later window starts where one ends
            if merged and window.start < merged[-1].end:
                if window.end <= merged[-1].end:
                    continue
                window = Window(merged[-1].end, window.end, window.per_minute)
            merged.append(window)
        return cls(None, tuple(merged))

    @property
    def steady(self) -> bool:
        return self.per_minute is not None

    @property
    def opening(self) -> float:
        """When the first customer may come: 0 for a steady rate, else the first window."""
        return self.windows[0].start if self.windows else 0.0

    @property
    def day_minutes(self) -> float:
        """A schedule's span, from its first opening to its last closing."""
        return self.windows[-1].end - self.windows[0].start if self.windows else 0.0

    def marks(self, rng: random.Random, horizon: float | None, warm_up: float) -> Iterator[Mark]:
        """Arrivals until ``horizon`` (None: without end), with the measured stretches opened
        and closed. A steady rate's stretch opens after ``warm_up`` minutes."""
        if self.per_minute is not None:
            yield from self._steady(rng, self.per_minute, horizon, warm_up)
            return
        for day in itertools.count():
            for window in self.windows:
                start, end = day * DAY + window.start, day * DAY + window.end
                if horizon is not None and start >= horizon:
                    return
                end = end if horizon is None else min(end, horizon)
                yield "open", start
                yield from self._window(rng, start, end, window.per_minute)
                yield "close", end

    @staticmethod
    def _steady(
        rng: random.Random, rate: float, horizon: float | None, warm_up: float
    ) -> Iterator[Mark]:
        now, opened = 0.0, False
        while True:
            now += rng.expovariate(rate)
            if not opened and now >= warm_up:
                opened = True
                yield "open", warm_up
            if horizon is not None and now >= horizon:
                yield "close", horizon
                return
            yield "arrive", now

    @staticmethod
    def _window(rng: random.Random, start: float, end: float, rate: float) -> Iterator[Mark]:
        now = start
        while True:
            now += rng.expovariate(rate)
            if now >= end:
                return
            yield "arrive", now
