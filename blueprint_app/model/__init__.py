"""The blueprint document: pydantic models of the file contract, and cross-object rules."""

from blueprint_app.model.blueprint import (
    FORMAT_NAME,
    FORMAT_VERSION,
    STANDARD_LANE_ORDER,
    Blueprint,
    Flow,
    FlowKind,
    Lane,
    LaneKind,
    Metric,
    Note,
    NoteLayout,
    Phase,
    Step,
    StepKind,
    StepLayout,
)
from blueprint_app.model.factory import new_blueprint, new_id, standard_lanes
from blueprint_app.model.integrity import Problem, integrity_problems

__all__ = [
    "FORMAT_NAME",
    "FORMAT_VERSION",
    "STANDARD_LANE_ORDER",
    "Blueprint",
    "Flow",
    "FlowKind",
    "Lane",
    "LaneKind",
    "Metric",
    "Note",
    "NoteLayout",
    "Phase",
    "Problem",
    "Step",
    "StepKind",
    "StepLayout",
    "integrity_problems",
    "new_blueprint",
    "new_id",
    "standard_lanes",
]
