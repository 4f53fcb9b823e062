"""Building new documents: the five standard lanes, fresh ids, timestamps."""

from __future__ import annotations

import re
from collections.abc import Collection
from datetime import UTC, datetime

from blueprint_app.model.blueprint import STANDARD_LANE_ORDER, Blueprint, Lane, LaneKind
from blueprint_app.model.glossary import LANE_TITLES, LANGUAGES, language_key

#: Default lane titles per language, from the glossary; the kind, not the title, carries meaning.
DEFAULT_LANE_TITLES: dict[str, dict[LaneKind, str]] = {
    language: {kind: term.name(language) for kind, term in LANE_TITLES.items()}
    for language in LANGUAGES
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
    return DEFAULT_LANE_TITLES[language_key(language)]


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
