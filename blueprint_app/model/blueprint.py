"""The blueprint document as pydantic models: the file contract of docs/FORMAT.md, version 2.

Models are deliberately plain data. Cross-object rules (unique ids, references, lane order)
live in :mod:`blueprint_app.model.integrity` so that a loader can report every problem at once.
Unknown fields are kept (``extra="allow"``) so files from newer minor versions survive a round trip.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, Strict

FORMAT_NAME = "service-blueprint"
FORMAT_VERSION = 2
ID_PATTERN = r"^[A-Za-z0-9_.-]{1,64}$"
LANGUAGE_PATTERN = r"^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$"  # BCP 47, the common subset

Id = Annotated[str, Field(pattern=ID_PATTERN, description="Unique id: [A-Za-z0-9_.-]{1,64}")]
# Numbers and flags are strict: "5" or "yes" in a file is an error, as the schema says, not
# something silently converted. Whole numbers are accepted where a number is expected.
Minutes = Annotated[float, Strict(), Field(ge=0, le=1e9, allow_inf_nan=False)]
Flag = Annotated[bool, Strict()]
#: A sum of money in the blueprint's ``currency``; no negative costs.
Money = Annotated[float, Strict(), Field(ge=0, le=1e15, allow_inf_nan=False)]
#: A measured or target value of a metric: any finite number (a change may be negative).
MetricValue = Annotated[float, Strict(), Field(ge=-1e15, le=1e15, allow_inf_nan=False)]


def _check_timestamp(value: str) -> str:
    try:
        datetime.fromisoformat(value)
    except ValueError:
        raise ValueError(f"not an ISO 8601 timestamp: {value!r}") from None
    return value


Timestamp = Annotated[str, AfterValidator(_check_timestamp)]
#: How far from the origin a card or note may lie, either way, in scene units.
COORDINATE_LIMIT = 1e9
Coordinate = Annotated[
    float, Strict(), Field(allow_inf_nan=False, ge=-COORDINATE_LIMIT, le=COORDINATE_LIMIT)
]


class LaneKind(StrEnum):
    PHYSICAL_EVIDENCE = "physical_evidence"
    CUSTOMER = "customer"
    FRONTSTAGE = "frontstage"
    BACKSTAGE = "backstage"
    SUPPORT = "support"
    CUSTOM = "custom"


STANDARD_LANE_ORDER: tuple[LaneKind, ...] = (
    LaneKind.PHYSICAL_EVIDENCE,
    LaneKind.CUSTOMER,
    LaneKind.FRONTSTAGE,
    LaneKind.BACKSTAGE,
    LaneKind.SUPPORT,
)


class StepKind(StrEnum):
    ACTION = "action"
    START = "start"
    END = "end"
    DECISION = "decision"
    WAIT = "wait"
    EVIDENCE = "evidence"


class FlowKind(StrEnum):
    FLOW = "flow"
    RECOVERY = "recovery"
    EVIDENCE = "evidence"


class _Item(BaseModel):
    """Base of every stored object: mutable, keeps unknown fields, validates assignments."""

    model_config = ConfigDict(extra="allow", validate_assignment=True, use_enum_values=False)


#: The deepest row a card may sit in within its lane (a stack deeper than this is no drawing).
MAX_ROW = 10_000


class StepLayout(_Item):
    x: Coordinate = Field(description="Horizontal position in scene units")
    row: Annotated[int, Strict()] = Field(
        ge=0, le=MAX_ROW, description="Vertical slot inside the lane"
    )


class NoteLayout(_Item):
    x: Coordinate
    y: Coordinate


class Lane(_Item):
    id: Id
    kind: LaneKind
    title: str


class Phase(_Item):
    id: Id
    title: str
    description: str = ""


class Metric(_Item):
    """A key figure measured at a step (a KPI): what is counted, its value and its target."""

    name: Annotated[str, Field(min_length=1, description="What is measured, e.g. 'NPS'")]
    value: MetricValue | None = Field(default=None, description="The measured value")
    target: MetricValue | None = Field(default=None, description="The value aimed for")
    unit: str = Field(default="", description="Unit of value and target, e.g. '%', 'calls'")


class Step(_Item):
    id: Id
    lane: Id
    phase: Id | None = None
    kind: StepKind = StepKind.ACTION
    title: str = ""
    description: str = ""
    actor: str = ""
    channel: str = ""
    duration_minutes: Minutes | None = None
    target_minutes: Minutes | None = None
    tolerance_minutes: Minutes | None = Field(
        default=None,
        description="Shostack's tolerance: the longest time still acceptable, beside the "
        "standard's target_minutes (format 2)",
    )
    standard: str = ""
    policy: str = Field(
        default="", description="A policy or business rule that governs the step (format 2)"
    )
    moment_of_truth: Flag = False
    fail_point: Flag = False
    emotion: Annotated[int, Strict(), Field(ge=-2, le=2)] | None = None
    customer_independent: Flag = Field(
        default=False,
        description="Below the line of order penetration: work done regardless of any one "
        "customer (preparation, follow-up), not part of a customer's journey (format 2)",
    )
    cost: Money | None = Field(
        default=None, description="What the step costs, in the blueprint's currency (format 2)"
    )
    metrics: list[Metric] = Field(
        default_factory=list, description="Key figures measured at the step (format 2)"
    )
    layout: StepLayout | None = None


class Flow(_Item):
    id: Id
    source: Id
    target: Id
    kind: FlowKind = FlowKind.FLOW
    label: str = ""
    two_way: Flag = Field(
        default=False,
        description="A two-headed arrow: an interaction that goes both ways (format 2)",
    )
    channel: str = Field(
        default="",
        description="The channel of the interaction: in person, phone, e-mail, chat … (format 2)",
    )


class Note(_Item):
    id: Id
    text: str = ""
    layout: NoteLayout
    attached_to: Id | None = None


class ConflictKind(StrEnum):
    """What a merge conflict is about: the blueprint's own fields or one of its items."""

    BLUEPRINT = "blueprint"
    LANE = "lane"
    PHASE = "phase"
    STEP = "step"
    FLOW = "flow"
    NOTE = "note"


class Conflict(_Item):
    """One unresolved merge conflict (format 2): ``blueprint merge`` kept ours' value and wrote
    what base, ours and theirs held so that someone can choose. ``field`` None: the whole item
    (deleted on one side, changed on the other; the deleted side holds null)."""

    kind: ConflictKind
    id: Id | None = Field(default=None, description="The item's id; null: the blueprint itself")
    field: str | None = Field(
        default=None, description="The field both sides changed; null: the whole item"
    )
    base: Any = Field(default=None, description="The common ancestor's value")
    ours: Any = Field(default=None, description="Our value: the one the merged file holds")
    theirs: Any = Field(default=None, description="Their value")


class Blueprint(_Item):
    format: Literal["service-blueprint"] = "service-blueprint"
    format_version: Literal[2] = 2
    title: Annotated[str, Field(min_length=1)]
    description: str = ""
    customer: str = ""
    scenario: str = ""
    language: Annotated[str, Field(pattern=LANGUAGE_PATTERN)] = "en"
    created: Timestamp | None = None
    modified: Timestamp | None = None
    target_minutes: Minutes | None = None
    tolerance_minutes: Minutes | None = Field(
        default=None,
        description="Shostack's tolerance for the whole journey: the longest total time still "
        "acceptable, beside target_minutes (format 2)",
    )
    currency: str = Field(
        default="", description="Currency of the steps' cost, e.g. 'EUR', '¥' (format 2)"
    )
    lanes: list[Lane] = Field(default_factory=list)
    phases: list[Phase] = Field(default_factory=list)
    steps: list[Step] = Field(default_factory=list)
    flows: list[Flow] = Field(default_factory=list)
    notes: list[Note] = Field(default_factory=list)
    rules: dict[str, Any] = Field(default_factory=dict)
    conflicts: list[Conflict] = Field(
        default_factory=list,
        description="Unresolved merge conflicts left by 'blueprint merge' (format 2); "
        "validation reports each as an error until it is resolved",
    )


#: Fields written even when they hold their default, so every file states them explicitly.
ALWAYS_WRITTEN: dict[type[BaseModel], tuple[str, ...]] = {
    Blueprint: (
        "format",
        "format_version",
        "title",
        "language",
        "lanes",
        "phases",
        "steps",
        "flows",
        "notes",
    ),
    Step: ("id", "lane", "kind", "title"),
    Flow: ("id", "source", "target", "kind"),
    Lane: ("id", "kind", "title"),
    Phase: ("id", "title"),
    Note: ("id", "text", "layout"),
}
