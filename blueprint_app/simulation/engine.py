"""The discrete-event simulation of a blueprint under load, on SimPy.

Each customer is one or more SimPy processes (one per parallel branch, a *token*) walking the
:class:`~blueprint_app.simulation.network.Network`: a step without a resource takes its
duration; a step with one requests a unit, waits for it, holds it for the duration and releases
it. Time is in minutes. Everything random is drawn from generators seeded by ``seed``: the
arrivals from one stream, each customer's durations and branches from its own generator seeded
from another, so a run is reproducible and runs that differ only in capacities see the same
customers (common random numbers, which makes a --vary comparison sharper).

Speed: a customer with a single token does not stop at steps that need no resource; their
durations are added up and waited in one timeout before the next step that needs a resource, a
fork or the end, which is the same as waiting each in turn (nothing else can observe that
customer in between).
"""

from __future__ import annotations

import itertools
import math
import random
from collections.abc import Callable, Generator
from dataclasses import dataclass, field
from typing import Any

import simpy

from blueprint_app.model.blueprint import Blueprint
from blueprint_app.simulation.arrivals import ArrivalPlan
from blueprint_app.simulation.network import Network, Node, SimulationError, build_network
from blueprint_app.simulation.results import ResourceResult, Result, StepResult
from blueprint_app.simulation.stats import Summary, share_within

#: share of a steady-rate run simulated before measuring starts (the run starts empty, the
#: service it stands for does not)
WARM_UP_SHARE = 0.1
DEFAULT_CUSTOMERS = 2000
#: visits of one loop's head by one customer before that part of its journey is cut short
LOOP_LIMIT = 100

Progress = Callable[[float], None]


@dataclass
class _StepLog:
    visits: int = 0
    waits: list[float] = field(default_factory=list)
    minutes: list[float] = field(default_factory=list)


class _Tracker:
    """The busy units of one resource integrated over time, measured in open stretches."""

    __slots__ = (
        "_opened_area",
        "area",
        "busy",
        "last",
        "measured_area",
        "measured_time",
        "opened",
    )

    def __init__(self) -> None:
        self.busy, self.last, self.area = 0, 0.0, 0.0
        self.opened: float | None = None
        self._opened_area = 0.0
        self.measured_area, self.measured_time = 0.0, 0.0

    def change(self, now: float, delta: int) -> None:
        self.area += self.busy * (now - self.last)
        self.busy += delta
        self.last = now

    def _area(self, now: float) -> float:
        return self.area + self.busy * (now - self.last)

    def open(self, now: float) -> None:
        self.opened = now
        self._opened_area = self._area(now)

    def close(self, now: float) -> None:
        if self.opened is not None:
            self.measured_area += self._area(now) - self._opened_area
            self.measured_time += now - self.opened
            self.opened = None


class _Customer:
    __slots__ = ("arrival", "end", "loops", "measured", "rng", "tokens", "waiting")

    def __init__(self, arrival: float, measured: bool, rng: random.Random) -> None:
        self.arrival, self.measured, self.rng = arrival, measured, rng
        self.end: float | None = None
        self.tokens: dict[int, str] = {}
        self.waiting: dict[str, list[tuple[int, simpy.Event]]] = {}
        self.loops: dict[str, int] = {}


class Simulation:
    """One run: build it, :meth:`run` it once, read the :class:`Result`."""

    def __init__(
        self,
        blueprint: Blueprint,
        *,
        customers: int | None = None,
        hours: float | None = None,
        seed: int = 0,
        capacities: dict[str, int] | None = None,
        progress: Progress | None = None,
    ) -> None:
        if blueprint.arrivals is None:
            raise SimulationError("no_arrivals")
        if customers is not None and customers < 1:
            raise SimulationError("bad_customers")
        if hours is not None and not 0 < hours <= 1e6:
            raise SimulationError("bad_hours")
        self.blueprint = blueprint
        self.network: Network = build_network(blueprint)
        self.plan = ArrivalPlan.of(blueprint.arrivals)
        if not self.plan.steady and not self.plan.windows:
            raise SimulationError("no_arrivals")
        if customers is None and hours is None and self.plan.steady:
            customers = DEFAULT_CUSTOMERS
        self.customers, self.hours, self.seed = customers, hours, seed
        self.capacities = {r.id: r.capacity for r in blueprint.resources}
        unknown = sorted(set(capacities or {}) - set(self.capacities))
        if unknown:
            raise SimulationError("unknown_resource", resource=unknown[0])
        self.capacities.update(capacities or {})
        self.progress = progress
        self.env = simpy.Environment()
        self.resources = {
            rid: simpy.Resource(self.env, capacity) for rid, capacity in self.capacities.items()
        }
        self.trackers = {rid: _Tracker() for rid in self.resources}
        self.logs = {sid: _StepLog() for sid in self.network.nodes}
        self.journeys: list[float] = []
        self.arrived = 0
        self.loop_heads = self.network.loop_heads
        self._token_ids = itertools.count()

    # -- the run ------------------------------------------------------------------------

    def run(self) -> Result:
        self.env.process(self._arrivals())
        self.env.run()
        return self._result()

    def _horizon_and_warm_up(self) -> tuple[float | None, float]:
        plan = self.plan
        if plan.per_minute is not None:
            if self.hours is not None:
                warm_up = self.hours * 60 * WARM_UP_SHARE
                return warm_up + self.hours * 60, warm_up
            assert self.customers is not None
            return None, self.customers * WARM_UP_SHARE / plan.per_minute
        if self.hours is None and self.customers is None:
            return plan.opening + plan.day_minutes, 0.0
        return (None if self.hours is None else plan.opening + self.hours * 60), 0.0

    def _arrivals(self) -> Generator[simpy.Event, Any, None]:
        env = self.env
        horizon, warm_up = self._horizon_and_warm_up()
        arrivals_rng = random.Random(f"arrivals:{self.seed}")
        customers_rng = random.Random(f"customers:{self.seed}")
        starts = self.network.starts
        wanted = self.customers
        opened = False
        report = self._reporter(horizon, warm_up)
        for kind, time in self.plan.marks(arrivals_rng, horizon, warm_up):
            if time > env.now:
                yield env.timeout(time - env.now)
            if kind == "open":
                opened = True
                for tracker in self.trackers.values():
                    tracker.open(env.now)
                continue
            if kind == "close":
                opened = False
                for tracker in self.trackers.values():
                    tracker.close(env.now)
                continue
            rng = random.Random(customers_rng.getrandbits(64))
            customer = _Customer(env.now, opened, rng)
            start = starts[0] if len(starts) == 1 else rng.choice(starts)
            token = next(self._token_ids)
            customer.tokens[token] = start
            env.process(self._token(customer, token, start))
            if opened:
                self.arrived += 1
                if report is not None:
                    report()
                if wanted is not None and self.arrived >= wanted:
                    break
        for tracker in self.trackers.values():
            tracker.close(env.now)

    def _reporter(self, horizon: float | None, warm_up: float) -> Callable[[], None] | None:
        """What tells ``progress`` the share done, every hundredth of the run (None: nobody
        listens): by customers measured, or by time when the run is set in hours."""
        progress, wanted = self.progress, self.customers
        if progress is None:
            return None
        every = max(1, (wanted or 0) // 100)
        begin = warm_up if self.plan.steady else self.plan.opening
        span = (horizon or 0.0) - begin

        def report() -> None:
            if wanted is not None:
                if self.arrived % every == 0:
                    progress(self.arrived / wanted)
            elif span > 0 and self.arrived % 100 == 0:
                progress(min(1.0, (self.env.now - begin) / span))

        return report

    def _token(  # noqa: C901 - one customer's walk is one loop, kept together for speed
        self, customer: _Customer, token: int, sid: str, delay: float = 0.0
    ) -> Generator[simpy.Event, Any, None]:
        """One branch of a customer, from ``sid`` on. ``delay`` is time already due but not
        yet waited: the durations of steps that need no resource are added up and waited only
        where it matters (a resource, a join, a choice another branch could see, the end of
        the branch), which times everything exactly as waiting at each step would."""
        env, nodes, tokens = self.env, self.network.nodes, customer.tokens
        rng, measured = customer.rng, customer.measured
        while True:
            node: Node = nodes[sid]
            if sid in self.loop_heads:
                count = customer.loops[sid] = customer.loops.get(sid, 0) + 1
                if count > LOOP_LIMIT:
                    break
            if node.join and len(tokens) > 1:
                if delay:
                    yield env.timeout(delay)
                    delay = 0.0
                if self._blocked(customer, token, sid):
                    event = env.event()
                    customer.waiting.setdefault(sid, []).append((token, event))
                    if not (yield event):
                        return  # merged into the branch that goes on
                else:  # the last branch to come: the ones waiting merge into it
                    for merged, event in customer.waiting.pop(sid, ()):
                        del tokens[merged]
                        event.succeed(False)
            minutes = node.duration.sample(rng)
            wait = 0.0
            if node.resource is not None:
                if delay:
                    yield env.timeout(delay)
                    delay = 0.0
                resource, tracker = self.resources[node.resource], self.trackers[node.resource]
                came = env.now
                request = resource.request()
                if not request.triggered:  # a free unit is granted at once: no need to wait
                    yield request
                wait = env.now - came
                tracker.change(env.now, 1)
                if minutes > 0:
                    yield env.timeout(minutes)
                resource.release(request)
                tracker.change(env.now, -1)
            else:
                delay += minutes
            if measured:
                log = self.logs[sid]
                log.visits += 1
                if node.resource is not None:  # elsewhere nobody waits: visits say it all
                    log.waits.append(wait)
                if node.target is not None:
                    log.minutes.append(minutes)
            if node.is_end:  # the journey ends at the last end step reached
                ends = env.now + delay
                customer.end = ends if customer.end is None else max(customer.end, ends)
            if node.fold is not None and len(tokens) == 1:
                # parallel plain work meeting at one join: the slowest branch sets the pace
                sid, branches = node.fold
                slowest = 0.0
                for chain in branches:
                    total = 0.0
                    for step in chain:
                        minutes = nodes[step].duration.sample(rng)
                        total += minutes
                        if measured:
                            log = self.logs[step]
                            log.visits += 1
                            if nodes[step].target is not None:
                                log.minutes.append(minutes)
                    slowest = max(slowest, total)
                delay += slowest
                tokens[token] = sid
                continue
            if node.choosing and delay and len(tokens) > 1:
                yield env.timeout(delay)  # the other branches learn the choice when it is made
                delay = 0.0
            following = node.next_steps(rng)
            if not following:
                break
            for other in following[1:]:
                branch = next(self._token_ids)
                tokens[branch] = other
                env.process(self._token(customer, branch, other, delay))
            sid = tokens[token] = following[0]
            if node.branching and customer.waiting:
                self._release_joins(customer)
        if delay and len(tokens) > 1:
            yield env.timeout(delay)
        del tokens[token]
        if customer.waiting:
            self._release_joins(customer)
        if not tokens and customer.measured and customer.end is not None:
            self.journeys.append(customer.end - customer.arrival)

    def _blocked(self, customer: _Customer, token: int, sid: str) -> bool:
        """Whether another branch of the customer (not waiting at ``sid``) can still reach it."""
        upstream = self.network.feeders[sid]
        here = {other for other, _ in customer.waiting.get(sid, ())}
        here.add(token)
        return any(
            other not in here and (where == sid or where in upstream)
            for other, where in customer.tokens.items()
        )

    def _release_joins(self, customer: _Customer) -> None:
        """Let each join go on that no other branch of the customer can still reach (after a
        branch chose a way, forked or ended)."""
        tokens = customer.tokens
        for sid, waiters in list(customer.waiting.items()):
            first, _ = waiters[0]
            if self._blocked(customer, first, sid):
                continue
            del customer.waiting[sid]
            for other, event in waiters[1:]:
                del tokens[other]
                event.succeed(False)
            waiters[0][1].succeed(True)

    # -- the result ---------------------------------------------------------------------

    def _result(self) -> Result:
        bp = self.blueprint
        utilization = {
            rid: (
                tracker.measured_area / (tracker.measured_time * self.capacities[rid])
                if tracker.measured_time > 0
                else None
            )
            for rid, tracker in self.trackers.items()
        }
        steps = []
        for sid, node in self.network.nodes.items():
            log = self.logs[sid]
            waits = log.waits if node.resource is not None else [0.0] * log.visits
            steps.append(
                StepResult(
                    id=sid,
                    title=node.title,
                    phase=node.phase,
                    resource=node.resource,
                    visits=log.visits,
                    wait=Summary.of(waits),
                    utilization=None if node.resource is None else utilization[node.resource],
                    within_wait_target=share_within(waits, node.wait_target),
                    within_target=share_within(log.minutes, node.target),
                    total_wait=math.fsum(waits),
                )
            )
        waiting = [s for s in steps if s.total_wait > 1e-9]
        bottleneck = max(waiting, key=lambda s: s.total_wait).id if waiting else None
        titles = {r.id: r.title.strip() or r.id for r in bp.resources}
        return Result(
            seed=self.seed,
            arrived=self.arrived,
            customers=len(self.journeys),
            journey=Summary.of(self.journeys),
            journey_within_target=share_within(self.journeys, bp.target_minutes),
            target_minutes=bp.target_minutes,
            bottleneck=bottleneck,
            steps=steps,
            resources=[
                ResourceResult(rid, titles[rid], self.capacities[rid], utilization[rid])
                for rid in self.capacities
            ],
            journeys=self.journeys,
        )


def simulate(
    blueprint: Blueprint,
    *,
    customers: int | None = None,
    hours: float | None = None,
    seed: int = 0,
    capacities: dict[str, int] | None = None,
    progress: Progress | None = None,
) -> Result:
    """Simulate ``blueprint`` under its arrivals; see :class:`Simulation` and docs/simulation.md.

    ``customers``: how many customers to measure (a steady rate's default is 2,000, after a
    warm-up of a tenth as many); ``hours``: how long customers arrive (a schedule's default is
    one day, from its first window to its last, with no warm-up: the day starts empty as the
    service does). With both, whichever ends first. ``capacities`` overrides resources' capacity.
    ``progress`` is called with the share done; an exception it raises stops the run.
    """
    return Simulation(
        blueprint,
        customers=customers,
        hours=hours,
        seed=seed,
        capacities=capacities,
        progress=progress,
    ).run()
