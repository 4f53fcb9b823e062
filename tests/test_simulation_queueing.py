"""The simulation against queueing theory: one resource with Poisson arrivals and exponential
service is an M/M/c queue, whose mean wait Wq and share waiting at most t minutes are known in
closed form (Erlang C).

Tolerances come from the sampling error, not from slack picked by hand: each case runs
``REPLICATIONS`` independent replications (seeds 0..9, each after its own warm-up), whose means
are independent and near-normal, so ``(mean − truth) / (s / √n)`` follows Student's t with n − 1
degrees of freedom. A case fails when it lies beyond the two-sided 99.9% quantile (one chance in
a thousand for a correct engine; the seeds are fixed, so the outcome is too). A second check
keeps the test meaningful: the standard error itself must be small against the value tested.
"""

from __future__ import annotations

import math
import statistics

import pytest

from blueprint_app.simulation import simulate
from tests.simulation_support import build_doc, erlang_c, queue

REPLICATIONS = 10
#: Student's t, 9 degrees of freedom, two-sided 99.9% (tables: t(0.9995, 9) = 4.781)
T_999_9 = 4.781

CASES = [
    # (λ per hour, μ per hour, c, customers per replication, wait target t in minutes)
    pytest.param(30, 40, 1, 5000, 5.0, id="M/M/1 rho=0.75"),
    pytest.param(100, 60, 2, 10000, 3.0, id="M/M/2 rho=0.83"),
    pytest.param(90, 20, 5, 20000, 5.0, id="M/M/5 rho=0.9"),
    pytest.param(45, 60, 3, 3000, 0.0, id="M/M/3 rho=0.25 (t=0: share not waiting = 1-C)"),
]


@pytest.mark.parametrize(("per_hour", "mu", "servers", "customers", "target"), CASES)
def test_mean_wait_and_share_within_target_match_erlang_c(
    per_hour: float, mu: float, servers: int, customers: int, target: float
) -> None:
    blueprint = build_doc(queue(per_hour, mu, servers, target))
    waits, shares, loads = [], [], []
    for seed in range(REPLICATIONS):
        result = simulate(blueprint, customers=customers, seed=seed)
        serve = result.step("serve")
        assert result.customers == result.arrived == customers
        assert serve.wait.mean is not None
        assert serve.within_wait_target is not None
        assert serve.utilization is not None
        waits.append(serve.wait.mean)
        shares.append(serve.within_wait_target)
        loads.append(serve.utilization)
    waiting, mean_wait, theta = erlang_c(per_hour, mu, servers)
    within = 1 - waiting * math.exp(-theta * target)
    for observed, truth, relative in (
        (waits, mean_wait, 0.1),
        (shares, within, 0.02),
        (loads, per_hour / mu / servers, 0.02),
    ):
        error = statistics.stdev(observed) / math.sqrt(REPLICATIONS)
        assert error < relative * truth, (truth, error)  # precise enough to mean something
        gap = statistics.fmean(observed) - truth
        assert abs(gap) <= T_999_9 * error, (statistics.fmean(observed), truth, error)
