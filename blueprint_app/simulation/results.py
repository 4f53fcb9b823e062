"""What a simulation found, as plain data, and its JSON object (the contract of
``blueprint simulate --format json``, docs/simulation.md)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from blueprint_app.simulation.stats import Summary


@dataclass(frozen=True)
class StepResult:
    id: str
    title: str
    phase: str | None
    resource: str | None
    #: measured customers' visits (a loop or a retry visits again)
    visits: int
    #: minutes from reaching the step to starting it (waiting for a unit of its resource)
    wait: Summary
    #: of the step's resource over the measured time, 0..1; None without a resource
    utilization: float | None
    within_wait_target: float | None
    within_target: float | None
    #: customer-minutes lost waiting here: what names the bottleneck
    total_wait: float

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "visits": self.visits,
            "wait_minutes": self.wait.as_dict(),
            "utilization": self.utilization,
            "within_wait_target": self.within_wait_target,
            "within_target": self.within_target,
        }


@dataclass(frozen=True)
class ResourceResult:
    id: str
    title: str
    capacity: int
    utilization: float | None

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "capacity": self.capacity,
            "utilization": self.utilization,
        }


@dataclass(frozen=True)
class Result:
    seed: int
    #: measured customers who arrived (those past the warm-up)
    arrived: int
    #: measured customers who reached an end step
    customers: int
    journey: Summary
    journey_within_target: float | None
    target_minutes: float | None
    bottleneck: str | None
    steps: list[StepResult]
    resources: list[ResourceResult]
    #: every measured journey in minutes, in the order they ended (for charts)
    journeys: list[float] = field(repr=False)

    def step(self, step_id: str) -> StepResult:
        return next(step for step in self.steps if step.id == step_id)

    def as_dict(self) -> dict[str, Any]:
        return {
            "customers": self.customers,
            "journey_minutes": self.journey.as_dict(),
            "journey_within_target": self.journey_within_target,
            "bottleneck": self.bottleneck,
            "steps": [step.as_dict() for step in self.steps],
            "arrived": self.arrived,
            "seed": self.seed,
            "resources": [resource.as_dict() for resource in self.resources],
        }
