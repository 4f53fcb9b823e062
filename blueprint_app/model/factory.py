"""Building new documents: the five standard lanes, fresh ids, timestamps."""

from __future__ import annotations

import re
from collections.abc import Collection
from datetime import UTC, datetime

from blueprint_app.model.blueprint import STANDARD_LANE_ORDER, Blueprint, Lane, LaneKind

#: Default lane titles per interface language; the lane kind, not the title, carries meaning.
DEFAULT_LANE_TITLES: dict[str, dict[LaneKind, str]] = {
    "en": {
        LaneKind.PHYSICAL_EVIDENCE: "Physical evidence",
        LaneKind.CUSTOMER: "Customer actions",
        LaneKind.FRONTSTAGE: "Frontstage",
        LaneKind.BACKSTAGE: "Backstage",
        LaneKind.SUPPORT: "Support processes",
        LaneKind.CUSTOM: "Custom lane",
    },
    "zh": {
        LaneKind.PHYSICAL_EVIDENCE: "有形展示",
        LaneKind.CUSTOMER: "顾客行为",
        LaneKind.FRONTSTAGE: "前台员工行为",
        LaneKind.BACKSTAGE: "后台员工行为",
        LaneKind.SUPPORT: "支持过程",
        LaneKind.CUSTOM: "自定义泳道",
    },
}

_LANE_IDS = {
    LaneKind.PHYSICAL_EVIDENCE: "evidence",
    LaneKind.CUSTOMER: "customer",
    LaneKind.FRONTSTAGE: "frontstage",
    LaneKind.BACKSTAGE: "backstage",
    LaneKind.SUPPORT: "support",
}


def lane_titles(language: str) -> dict[LaneKind, str]:
    """Default lane titles for a BCP 47 tag; unknown languages get English."""
    return DEFAULT_LANE_TITLES.get(language.split("-")[0].lower(), DEFAULT_LANE_TITLES["en"])


def now_iso() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def standard_lanes(language: str = "en") -> list[Lane]:
    titles = lane_titles(language)
    return [Lane(id=_LANE_IDS[kind], kind=kind, title=titles[kind]) for kind in STANDARD_LANE_ORDER]


def new_blueprint(title: str = "Untitled blueprint", language: str = "en") -> Blueprint:
    """An empty blueprint with the five standard lanes, ready to draw on."""
    stamp = now_iso()
    return Blueprint(
        title=title,
        language=language,
        created=stamp,
        modified=stamp,
        lanes=standard_lanes(language),
    )


def new_id(prefix: str, taken: Collection[str]) -> str:
    """The first ``prefix-N`` not in ``taken``; ids stay short and readable in diffs."""
    prefix = re.sub(r"[^A-Za-z0-9_.-]", "", prefix)[:40] or "id"
    number = len(taken) + 1
    while f"{prefix}-{number}" in taken:
        number += 1
    return f"{prefix}-{number}"
