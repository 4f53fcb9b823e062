"""Small blueprints for the simulation tests: a single queue (M/M/c) and helpers."""

from __future__ import annotations

import math
from typing import Any

from blueprint_app.model import Blueprint
from tests.validation_cases import Doc, clean


def queue(per_hour: float, service_per_hour: float, capacity: int, wait_target: float) -> Doc:
    """Start → one step that needs a unit of resource ``r`` (exponential service) → end."""
    doc = clean()
    doc["steps"] = [
        {"id": "in", "lane": "customer", "kind": "start", "title": "In"},
        {
            "id": "serve",
            "lane": "frontstage",
            "title": "Serve",
            "resource": "r",
            "duration_minutes": 60 / service_per_hour,
            "duration_distribution": "exponential",
            "wait_target_minutes": wait_target,
        },
        {"id": "out", "lane": "customer", "kind": "end", "title": "Out"},
    ]
    doc["flows"] = [
        {"id": "a", "source": "in", "target": "serve"},
        {"id": "b", "source": "serve", "target": "out"},
    ]
    doc["resources"] = [{"id": "r", "title": "Clerks", "capacity": capacity}]
    doc["arrivals"] = {"per_hour": per_hour}
    return doc


def erlang_c(per_hour: float, service_per_hour: float, servers: int) -> tuple[float, float, float]:
    """M/M/c in closed form: (probability of waiting C, mean wait Wq in minutes, the rate
    θ = cμ − λ per minute of the wait's tail, P(W > t) = C·e^(−θt))."""
    offered = per_hour / service_per_hour
    load = offered / servers
    below = math.fsum(offered**k / math.factorial(k) for k in range(servers))
    top = offered**servers / math.factorial(servers) / (1 - load)
    waiting = top / (below + top)
    theta = (servers * service_per_hour - per_hour) / 60
    return waiting, waiting / theta, theta


def build_doc(doc: Doc, **top: Any) -> Blueprint:
    doc.update(top)
    return Blueprint.model_validate(doc)
