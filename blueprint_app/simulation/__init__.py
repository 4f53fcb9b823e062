"""What-if simulation of a blueprint under load (issue 20): customers arrive as a Poisson
process, walk the customer-induced process and queue for the resources its steps need.

Qt-free, in the layer after analysis. See docs/simulation.md.
"""

from blueprint_app.simulation.engine import simulate
from blueprint_app.simulation.network import SimulationError, build_network
from blueprint_app.simulation.results import ResourceResult, Result, StepResult

__all__ = ["ResourceResult", "Result", "SimulationError", "StepResult", "build_network", "simulate"]
