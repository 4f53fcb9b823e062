"""Where everything of a blueprint sits on the canvas, in scene units, without Qt.

The canvas, the image exports and validation (overlapping cards) share these numbers, so a card is
in the same place on screen, in a PNG and in a finding. A step's ``layout.x`` is the left edge of
its card; ``layout.row`` is a slot inside its lane. Lanes grow to hold their highest row; phase
columns span the cards of their phase, in phase order, never overlapping.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from blueprint_app.model import glossary
from blueprint_app.model.blueprint import Blueprint, LaneKind, Step

CARD_W = 108.0
CARD_H = 66.0
ROW_H = 88.0  # vertical pitch of rows inside a lane
LANE_PAD = 14.0  # space above the first and below the last row of a lane
LANE_HEADER_W = 150.0  # the title column at the left of every lane
PHASE_H = 34.0  # the header band of the phase columns
PHASE_GAP = 10.0  # between the phase header band and the first lane
COLUMN_PAD = 16.0  # space between a phase column's edge and its cards
MIN_WIDTH = 600.0  # an empty blueprint still offers room to draw
EMPTY_PHASE_W = 160.0
COLUMN_PITCH = 170.0  # horizontal distance between cards that Arrange uses
HANDLE_R = 6.0  # radius of the connect handle at a card's right edge

#: The lane kind whose top edge each of the three lines follows.
_LINE_EDGES: dict[str, LaneKind] = {
    "interaction": LaneKind.FRONTSTAGE,
    "visibility": LaneKind.BACKSTAGE,
    "internal": LaneKind.SUPPORT,
}
#: The three lines between lanes: (name, English label, the lane kind whose top edge it follows).
LINES: tuple[tuple[str, str, LaneKind], ...] = tuple(
    (name, term.en, _LINE_EDGES[name]) for name, term in glossary.LINES.items()
)
#: The lines' labels per glossary language.
LINE_LABELS: dict[str, dict[str, str]] = {
    language: {name: term.name(language) for name, term in glossary.LINES.items()}
    for language in glossary.LANGUAGES
}


def line_labels(language: str) -> dict[str, str]:
    """Labels of the three lines for a BCP 47 tag; unknown languages get English."""
    return LINE_LABELS[glossary.language_key(language)]


def order_penetration_label(language: str) -> str:
    return glossary.ORDER_PENETRATION.name(language)


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    w: float
    h: float

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h

    @property
    def cx(self) -> float:
        return self.x + self.w / 2

    @property
    def cy(self) -> float:
        return self.y + self.h / 2

    def intersects(self, other: Rect) -> bool:
        # written out (no properties): routing asks this hundreds of thousands of times
        return (
            self.x < other.x + other.w
            and other.x < self.x + self.w
            and self.y < other.y + other.h
            and other.y < self.y + self.h
        )

    def contains(self, x: float, y: float) -> bool:
        return self.x <= x <= self.right and self.y <= y <= self.bottom


@dataclass(frozen=True)
class LaneBand:
    id: str
    kind: LaneKind
    title: str
    top: float
    height: float
    rows: int

    @property
    def bottom(self) -> float:
        return self.top + self.height


@dataclass(frozen=True)
class PhaseColumn:
    id: str
    title: str
    left: float
    right: float


@dataclass
class Geometry:
    """The frame of a blueprint: lane bands, phase columns and the overall extent."""

    lanes: list[LaneBand] = field(default_factory=list)
    phases: list[PhaseColumn] = field(default_factory=list)
    left: float = 0.0
    right: float = MIN_WIDTH
    top: float = 0.0
    bottom: float = 0.0

    # -- lookups -------------------------------------------------------------------------------
    def lane(self, lane_id: str) -> LaneBand | None:
        for band in self.lanes:
            if band.id == lane_id:
                return band
        return None

    def lane_at(self, y: float) -> LaneBand | None:
        """The lane under a scene y; above the first lane the first, below the last the last."""
        if not self.lanes:
            return None
        for band in self.lanes:
            if y < band.bottom:
                return band
        return self.lanes[-1]

    def phase_at(self, x: float) -> PhaseColumn | None:
        """The phase column containing x, or the nearest one."""
        if not self.phases:
            return None
        for column in self.phases:
            if x < column.right:
                return column
        return self.phases[-1]

    def row_at(self, band: LaneBand, centre_y: float) -> int:
        """The row slot for a card whose centre is at ``centre_y``.

        A card dropped on the lower edge of a lane's last row opens a new row below it.
        """
        offset = centre_y - band.top - LANE_PAD
        row = max(0, int(offset // ROW_H))
        if row >= band.rows - 1 and offset - row * ROW_H > CARD_H * 0.8:
            row += 1
        return row

    def card_top(self, band: LaneBand, row: int) -> float:
        return band.top + LANE_PAD + row * ROW_H

    def card_rect(self, step: Step) -> Rect:
        band = self.lane(step.lane)
        x = step.layout.x if step.layout else 0.0
        row = step.layout.row if step.layout else 0
        top = self.card_top(band, row) if band else 0.0
        return Rect(x, top, CARD_W, CARD_H)

    def line_y(self, lane_kind: LaneKind) -> float | None:
        for band in self.lanes:
            if band.kind == lane_kind:
                return band.top
        return None

    @property
    def content_left(self) -> float:
        """The left edge of the drawing area, right of the lane titles."""
        return self.left + LANE_HEADER_W


def lane_height(rows: int) -> float:
    return 2 * LANE_PAD + max(rows, 1) * ROW_H - (ROW_H - CARD_H)


def rows_per_lane(steps: Iterable[Step]) -> dict[str, int]:
    rows: dict[str, int] = {}
    for step in steps:
        row = step.layout.row if step.layout else 0
        rows[step.lane] = max(rows.get(step.lane, 0), row + 1)
    return rows


def compute_geometry(blueprint: Blueprint) -> Geometry:
    """Lane bands, phase columns and the extent for the blueprint as it is now (O(steps))."""
    rows = rows_per_lane(blueprint.steps)
    geometry = Geometry()
    y = PHASE_H + PHASE_GAP
    for lane in blueprint.lanes:
        count = max(rows.get(lane.id, 1), 1)
        height = lane_height(count)
        geometry.lanes.append(LaneBand(lane.id, lane.kind, lane.title, y, height, count))
        y += height
    geometry.bottom = y
    spans = _phase_spans(blueprint)
    xs = [x for span in spans.values() for x in span]
    xs += [n.layout.x for n in blueprint.notes]
    xs += [s.layout.x for s in blueprint.steps if s.layout]
    content_left = min(xs) - COLUMN_PAD - 8 if xs else 0.0
    content_right = max(xs) + CARD_W + COLUMN_PAD + 8 if xs else MIN_WIDTH
    geometry.phases = _columns(blueprint, spans, content_left)
    if geometry.phases:
        content_right = max(content_right, geometry.phases[-1].right)
    content_right = max(content_right, content_left + MIN_WIDTH)
    geometry.left = content_left - LANE_HEADER_W
    geometry.right = content_right
    return geometry


def _phase_spans(blueprint: Blueprint) -> dict[str, tuple[float, float]]:
    spans: dict[str, tuple[float, float]] = {}
    for step in blueprint.steps:
        if step.phase is None or step.layout is None:
            continue
        x = step.layout.x
        low, high = spans.get(step.phase, (x, x))
        spans[step.phase] = (min(low, x), max(high, x))
    return spans


def _columns(
    blueprint: Blueprint, spans: dict[str, tuple[float, float]], content_left: float
) -> list[PhaseColumn]:
    """Phase columns in phase order: each spans its cards and starts where the last one ended."""
    columns: list[PhaseColumn] = []
    cursor = content_left
    for phase in blueprint.phases:
        span = spans.get(phase.id)
        if span is None:
            left, right = cursor, cursor + EMPTY_PHASE_W
        else:
            left = min(cursor, span[0] - COLUMN_PAD)
            right = max(left + EMPTY_PHASE_W * 0.5, span[1] + CARD_W + COLUMN_PAD)
        if columns:
            left = columns[-1].right
        columns.append(PhaseColumn(phase.id, phase.title, left, max(right, left + 40)))
        cursor = columns[-1].right
    return columns


def overlapping_cards(blueprint: Blueprint) -> list[tuple[str, str]]:
    """Pairs of step ids whose cards overlap on the canvas (same lane, near x, same row)."""
    by_slot: dict[tuple[str, int], list[Step]] = {}
    for step in blueprint.steps:
        row = step.layout.row if step.layout else 0
        by_slot.setdefault((step.lane, row), []).append(step)
    pairs: list[tuple[str, str]] = []
    for steps in by_slot.values():
        steps.sort(key=lambda s: s.layout.x if s.layout else 0.0)
        for index, step in enumerate(steps):
            x = step.layout.x if step.layout else 0.0
            for other in steps[index + 1 :]:
                other_x = other.layout.x if other.layout else 0.0
                if other_x - x >= CARD_W:
                    break
                pairs.append((step.id, other.id))
    return pairs


@dataclass(frozen=True)
class OrderLine:
    """A stretch of Fließ & Kleinaltenkamp's line of order penetration across one lane: below
    it, down to the lane's bottom, lie only customer-independent cards."""

    lane_id: str
    y: float


def order_penetration_lines(blueprint: Blueprint, geometry: Geometry) -> list[OrderLine]:
    """Where the line of order penetration fits, lane by lane (O(steps)).

    In a lane whose customer-independent cards sit in rows below all its customer-induced
    cards, the line runs between those rows; a lane holding only customer-independent cards
    gets it along its top, unless the lane above already ends in such work (then the line
    above bounds both). A lane that mixes the two within a row gets no line: its cards still
    show the dashed outline, and moving the independent ones to lower rows draws the line.
    """
    induced: dict[str, int] = {}
    independent: dict[str, int] = {}
    for step in blueprint.steps:
        row = step.layout.row if step.layout else 0
        table = independent if step.customer_independent else induced
        table[step.lane] = max(table.get(step.lane, -1), row)
    lines: list[OrderLine] = []
    above_has_line = False
    for band in geometry.lanes:
        first_free = induced.get(band.id, -1) + 1  # the first row below every induced card
        if independent.get(band.id, -1) < first_free:
            above_has_line = False
            continue
        if first_free == 0:
            if not above_has_line:
                lines.append(OrderLine(band.id, band.top + LANE_PAD / 2))
        else:
            lines.append(
                OrderLine(band.id, geometry.card_top(band, first_free) - (ROW_H - CARD_H) / 2)
            )
        above_has_line = True
    return lines
