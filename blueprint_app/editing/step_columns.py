"""The step table's columns without Qt: what each cell shows, how typed text becomes a value,
and the one edit that writes it, shared by the Table dock, a paste into it and its tests.

Times show in human units in the blueprint's language and are typed as in the Properties dock
(``48h``, ``1:30``, ``2天``); lanes and phases are shown and typed by title (a lane also by the
name of its kind, in English or Chinese); flags read yes/no, 是/否, x, 1 or true.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from blueprint_app.history import Document, Transaction, edits
from blueprint_app.model import Lane, Phase, Step, StepKind
from blueprint_app.model.durations import (
    DurationError,
    format_exact,
    format_minutes,
    parse_duration,
)
from blueprint_app.model.glossary import LANE_KINDS, STEP_KINDS


class CellError(ValueError):
    """Typed text that is no value for its column; ``reason`` names why for the shell's words."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


@dataclass(frozen=True)
class Column:
    """One column: its key, the Step field it edits, and how its cells behave."""

    key: str
    field: str
    kind: str  # text, lane, phase, step_kind, minutes, flag, emotion, money, metrics
    editable: bool = True


COLUMNS: tuple[Column, ...] = (
    Column("phase", "phase", "phase"),
    Column("lane", "lane", "lane"),
    Column("kind", "kind", "step_kind"),
    Column("title", "title", "text"),
    Column("actor", "actor", "text"),
    Column("channel", "channel", "text"),
    Column("duration", "duration_minutes", "minutes"),
    Column("target", "target_minutes", "minutes"),
    Column("tolerance", "tolerance_minutes", "minutes"),
    Column("standard", "standard", "text"),
    Column("moment_of_truth", "moment_of_truth", "flag"),
    Column("fail_point", "fail_point", "flag"),
    Column("emotion", "emotion", "emotion"),
    Column("customer_independent", "customer_independent", "flag"),
    Column("policy", "policy", "text"),
    Column("cost", "cost", "money"),
    Column("metrics", "metrics", "metrics", editable=False),
)
COLUMN_KEYS = tuple(column.key for column in COLUMNS)
#: Which columns show a Step field: a change of that field refreshes only that cell.
COLUMN_OF_FIELD = {column.field: index for index, column in enumerate(COLUMNS)}

_YES = {"yes", "y", "true", "1", "x", "✓", "✔", "是", "对", "有", "√"}
_NO = {"no", "n", "false", "0", "", "否", "不", "无", "-", "—"}


def display_text(document: Document, step: Step, column: Column) -> str:
    """What the cell shows (flags show as a check box: their text is empty)."""
    value = getattr(step, column.field)
    language = document.blueprint.language
    if column.kind == "phase":
        phase = document.get(value) if value else None
        return phase.title if isinstance(phase, Phase) else ""
    if column.kind == "lane":
        lane = document.get(value)
        return lane.title if isinstance(lane, Lane) else str(value)
    if column.kind == "step_kind":
        return STEP_KINDS[value].name(language)
    if column.kind == "minutes":
        return "" if value is None else format_minutes(float(value), language)
    if column.kind == "flag":
        return ""
    if column.kind in ("emotion", "money"):
        return "" if value is None else f"{value:g}"
    if column.kind == "metrics":
        return "; ".join(metric_text(metric) for metric in value)
    return str(value)


def edit_text(document: Document, step: Step, column: Column) -> str:
    """What an editor starts with: a time exactly (``1 d 6 h 37 min``), else as shown."""
    value = getattr(step, column.field)
    if column.kind == "minutes":
        return "" if value is None else format_exact(float(value), document.blueprint.language)
    if column.kind == "flag":
        return "1" if value else "0"
    return display_text(document, step, column)


def metric_text(metric: Any) -> str:
    """``name=value/target unit``, the way the CSV export writes a metric."""

    def number(value: float | None) -> str:
        return "" if value is None else f"{value:g}"

    figures = number(metric.value) + ("" if metric.target is None else f"/{number(metric.target)}")
    unit = f" {metric.unit}" if metric.unit and figures else ""
    return f"{metric.name}={figures}{unit}" if figures else str(metric.name)


def parse_cell(document: Document, column: Column, text: str) -> Any:
    """The value typed ``text`` means in ``column``; raises :class:`CellError` when none."""
    if column.kind == "text":
        return text
    parse = _PARSERS.get(column.kind)
    if parse is None or not column.editable:
        raise CellError("read_only", f"the {column.key} column cannot be typed in")
    return parse(document, text.strip())


def _phase(document: Document, raw: str) -> str | None:
    if not raw:
        return None
    for phase in document.blueprint.phases:
        if phase.title.strip().casefold() == raw.casefold() or phase.id == raw:
            return phase.id
    raise CellError("phase", f"no phase called {raw!r}")


def _minutes(_document: Document, raw: str) -> float | None:
    if not raw:
        return None
    try:
        return parse_duration(raw)
    except DurationError as error:
        raise CellError("minutes", str(error)) from None


def parse_emotion(_document: Document, raw: str) -> int | None:
    if not raw:
        return None
    try:
        value = int(raw.replace("−", "-").lstrip("+"))
    except ValueError:
        raise CellError("emotion", f"not an emotion from -2 to 2: {raw!r}") from None
    if not -2 <= value <= 2:
        raise CellError("emotion", f"not an emotion from -2 to 2: {raw!r}")
    return value


def parse_money(_document: Document, raw: str) -> float | None:
    if not raw:
        return None
    try:
        value = float(raw.replace(",", "."))
    except ValueError:
        raise CellError("money", f"not a number: {raw!r}") from None
    if not math.isfinite(value) or value < 0:
        raise CellError("money", f"not a number ≥ 0: {raw!r}")
    return value


def parse_flag(raw: str) -> bool:
    word = raw.strip().casefold()
    if word in _YES:
        return True
    if word in _NO:
        return False
    raise CellError("flag", f"not yes or no: {raw!r}")


def parse_step_kind(raw: str) -> StepKind:
    word = raw.strip().casefold()
    if not word:
        return StepKind.ACTION
    for kind, term in STEP_KINDS.items():
        if word in (kind.value, term.en.casefold(), term.zh):
            return kind
    raise CellError("kind", f"no kind of step called {raw!r}")


def find_lane(document: Document, name: str) -> str:
    """The lane a name means: its title, its id, or the name of its kind (English or Chinese)."""
    lane = lane_named(document.blueprint.lanes, name)
    if lane is None:
        raise CellError("lane", f"no lane called {name!r}")
    return lane.id


def lane_named(lanes: list[Lane], name: str) -> Lane | None:
    """The lane ``name`` calls by title, id or kind name (``顾客``, ``Backstage``), if any."""
    word = " ".join(name.split()).casefold()
    if not word:
        return None
    for lane in lanes:
        if " ".join(lane.title.split()).casefold() == word or lane.id == name.strip():
            return lane
    for lane in lanes:
        term = LANE_KINDS[lane.kind]
        if word in (term.en.casefold(), term.zh, lane.kind.value):
            return lane
    return None


_PARSERS: dict[str, Callable[[Document, str], Any]] = {
    "lane": lambda document, raw: find_lane(document, raw),
    "phase": _phase,
    "step_kind": lambda _document, raw: parse_step_kind(raw),
    "minutes": _minutes,
    "flag": lambda _document, raw: parse_flag(raw),
    "emotion": parse_emotion,
    "money": parse_money,
}


def write_cell(tx: Transaction, step_id: str, column: Column, value: Any) -> None:
    """The one edit a cell makes, the same command the canvas and Properties run."""
    if column.kind == "lane":
        edits.move_step(tx, step_id, lane=value)
    elif column.kind == "phase":
        edits.move_step(tx, step_id, phase=value)
    else:
        edits.set_field(tx, step_id, column.field, value)
