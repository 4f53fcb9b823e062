"""A blueprint from the rows of a sheet (no Qt): one step per row, or a layered grid.

A sheet whose header row names a step column (our CSV export's ``Step``/``步骤``, or ``Title``,
``名称``, …) is read one step per row; lanes come by kind or name (an unknown name becomes a
custom lane), phases by title, flows from the next/recovery/evidence columns by step title. Any
other sheet whose first column names lanes is a layered grid (as a paste of one). Anything else
is refused with one message. Every value that cannot be used is left out and reported.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from blueprint_app.editing import spreadsheet
from blueprint_app.editing import step_columns as sc
from blueprint_app.export.words import Words
from blueprint_app.history import Document, History
from blueprint_app.importing import headers as hd
from blueprint_app.importing.messages import Remark
from blueprint_app.importing.sheets import Sheet, SheetError, read_sheet
from blueprint_app.model import (
    Blueprint,
    Flow,
    FlowKind,
    Lane,
    LaneKind,
    Metric,
    Phase,
    Step,
    StepKind,
    StepLayout,
    new_blueprint,
)
from blueprint_app.model.blueprint import ID_PATTERN, STANDARD_LANE_ORDER
from blueprint_app.model.durations import DurationError, parse_duration
from blueprint_app.model.factory import new_id, standard_lanes

_FORMULA_GUARD = ("=", "+", "-", "@", "\t", "\r")
#: How many skipped rows a report lists one by one before it only counts them.
REPORT_LINES = 50


class ImportRefused(ValueError):
    """The file cannot become a blueprint; the message says why. Nothing is written."""


@dataclass
class ImportReport:
    """The blueprint made and what was left out of it, each line saying why (English)."""

    blueprint: Blueprint
    layout: str  # "rows" (one step per row) or "grid" (a layered grid)
    skipped: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def import_file(
    path: str | Path,
    sheet: str | None = None,
    title: str | None = None,
    remembered: Mapping[str, str] | None = None,
) -> ImportReport:
    """Read ``path`` (CSV or XLSX) into a blueprint; raises :class:`ImportRefused`."""
    path = Path(path)
    try:
        found = read_sheet(path, sheet)
    except SheetError as error:
        raise ImportRefused(str(error)) from None
    name = title or _stem(path)
    report = import_rows(found.rows, name, remembered)
    report.notes[:0] = _sheet_notes(found)
    return report


def _stem(path: Path) -> str:
    name = path.name
    for suffix in (".csv", ".tsv", ".txt", ".xlsx", ".xlsm"):
        if name.lower().endswith(suffix):
            return name[: -len(suffix)] or name
    return path.stem or name


def _sheet_notes(found: Sheet) -> list[str]:
    notes: list[str] = []
    if found.encoding and found.encoding not in ("utf-8", "utf-8-sig", "xlsx"):
        notes.append(Remark("encoding", value=found.encoding.upper()))
    if found.delimiter and found.delimiter != ",":
        notes.append(Remark("tabs" if found.delimiter == "\t" else "semicolons"))
    if found.merged:
        notes.append(Remark("merged", count=found.merged))
    if found.formulas:
        shown = ", ".join(found.formulas[:10]) + (" …" if len(found.formulas) > 10 else "")
        notes.append(Remark("formulas", count=len(found.formulas), value=shown))
    return notes


def import_rows(
    rows: list[list[str]], title: str, remembered: Mapping[str, str] | None = None
) -> ImportReport:
    """A blueprint from rows of cells (the first row its header, unless it is a grid)."""
    filled = [row for row in rows if any(cell.strip() for cell in row)]
    if not filled:
        raise ImportRefused("the sheet is empty")
    empty = len(rows) - len(filled) - _trailing_empty(rows)
    columns, unknown = hd.map_headers(filled[0], remembered)
    if "step" in columns.values():
        report = _import_step_rows(filled, columns, title.strip() or "Imported", rows)
        if unknown:
            report.notes.append(Remark("columns", value=", ".join(unknown)))
    else:
        report = _import_grid(filled, title.strip() or "Imported")
    if empty > 0:
        report.notes.append(Remark("empty_rows", count=empty))
    return report


def _trailing_empty(rows: list[list[str]]) -> int:
    count = 0
    for row in reversed(rows):
        if any(cell.strip() for cell in row):
            break
        count += 1
    return count


# -- a layered grid --------------------------------------------------------------------------------
def _import_grid(rows: list[list[str]], title: str) -> ImportReport:
    first_column = [row[0] for row in rows if row]
    language = "zh-CN" if hd.is_chinese(first_column) else "en"
    blueprint = new_blueprint(title, language)
    if spreadsheet.grid_lanes(blueprint.lanes, rows) is None:
        raise ImportRefused(
            "no column is headed Step (or Title, 步骤, 名称…) and the first column names no "
            "lanes: the sheet is neither one step per row nor a layered grid"
        )
    document = Document(blueprint)
    history = History(document)
    with history.transaction("Import") as tx:
        pasted = spreadsheet.paste_grid(tx, rows)
    skipped: list[str] = [Remark("grid_lane", value=name) for name in pasted.unknown_lanes]
    report = ImportReport(document.blueprint, "grid", skipped=skipped)
    if not pasted.steps:
        raise ImportRefused("the layered grid has no filled cells beside its lane names")
    return report


# -- one step per row ------------------------------------------------------------------------------
@dataclass
class _Row:
    number: int  # as the spreadsheet counts it, the header being 1
    cells: dict[str, str]


class _Builder:
    """Collects lanes, phases, steps and flows as the rows are read."""

    def __init__(self, title: str, language: str, report_skip: list[str]) -> None:
        self.blueprint = new_blueprint(title, language)
        self.standard = {lane.kind: lane for lane in self.blueprint.lanes}
        self.seen_standard: set[LaneKind] = set()
        self.custom: dict[str, Lane] = {}
        self.lane_order: list[str] = []  # lane ids in the order rows first name them
        self.phases: dict[str, Phase] = {}
        self.skipped = report_skip
        self.notes: list[str] = []
        self.ids: set[str] = {lane.id for lane in self.blueprint.lanes}
        self.kind_words = _kind_words()

    def lane(self, row: _Row) -> str:
        kind_text = row.cells.get("lane_kind", "").strip()
        name = row.cells.get("lane", "").strip()
        kind: LaneKind | None = None
        if kind_text:
            try:
                kind = LaneKind(kind_text.lower())
            except ValueError:
                self.skipped.append(Remark("lane_kind", row=row.number, value=kind_text))
        if kind is None and name:
            found = sc.lane_named(list(self.standard.values()), name)
            kind = found.kind if found is not None else LaneKind.CUSTOM
        if kind is None:
            self.notes.append(Remark("no_lane", row=row.number))
            kind = LaneKind.CUSTOMER
        if kind == LaneKind.CUSTOM:
            return self._custom_lane(name or "Custom lane", row)
        lane = self.standard[kind]
        if kind not in self.seen_standard:
            self.seen_standard.add(kind)
            self.lane_order.append(lane.id)
            if name and kind_text:  # our export: the lane's own title beside its kind
                lane.title = name
        return lane.id

    def _custom_lane(self, name: str, row: _Row) -> str:
        key = " ".join(name.split()).casefold()
        if key not in self.custom:
            lane = Lane(id=new_id("lane", self.ids), kind=LaneKind.CUSTOM, title=name)
            self.ids.add(lane.id)
            self.custom[key] = lane
            self.lane_order.append(lane.id)
            if not row.cells.get("lane_kind"):
                self.notes.append(Remark("custom_lane", row=row.number, value=name))
        return self.custom[key].id

    def phase(self, row: _Row) -> str | None:
        name = row.cells.get("phase", "").strip()
        if not name:
            return None
        key = " ".join(name.split()).casefold()
        if key not in self.phases:
            phase = Phase(id=new_id("phase", self.ids), title=name)
            self.ids.add(phase.id)
            self.phases[key] = phase
        return self.phases[key].id

    def lanes(self) -> list[Lane]:
        """The five standard lanes in their order, each custom lane after the standard lane the
        rows named before it."""
        placed: list[Lane] = []
        after: dict[str | None, list[Lane]] = {}
        last_standard: str | None = None
        customs = {lane.id for lane in self.custom.values()}
        by_id = {lane.id: lane for lane in self.custom.values()}
        for lane_id in self.lane_order:
            if lane_id in customs:
                after.setdefault(last_standard, []).append(by_id[lane_id])
            else:
                last_standard = lane_id
        placed.extend(after.get(None, []))
        for kind in STANDARD_LANE_ORDER:
            lane = self.standard[kind]
            placed.append(lane)
            placed.extend(after.get(lane.id, []))
        return placed


def _kind_words() -> dict[str, StepKind]:
    words: dict[str, StepKind] = {}
    for language in ("en", "zh-CN"):
        spoken = Words(language)
        for kind in StepKind:
            words[hd.normal(spoken(f"kind_{kind.value}"))] = kind
    return words


def _import_step_rows(
    rows: list[list[str]], columns: dict[int, str], title: str, original: list[list[str]]
) -> ImportReport:
    header = rows[0]
    language = "zh-CN" if hd.is_chinese(header) else "en"
    numbers = _row_numbers(original)
    skipped: list[str] = []
    builder = _Builder(title, language, skipped)
    cost_header = next((header[i] for i, key in columns.items() if key == "cost"), "")
    builder.blueprint.currency = hd.currency_in(cost_header)
    steps: list[Step] = []
    links: list[tuple[str, _Row]] = []
    wanted_ids: dict[str, int] = {}
    for position, raw in enumerate(rows[1:], start=1):
        row = _Row(
            numbers[position],
            {key: _unguarded(raw[i]) for i, key in columns.items() if i < len(raw)},
        )
        step = _step(builder, row)
        if step is None:
            continue
        wanted_ids[step.id] = wanted_ids.get(step.id, 0) + 1
        steps.append(step)
        links.append((step.id, row))
    steps, links = _unique_ids(builder, steps, links, wanted_ids)
    blueprint = builder.blueprint
    blueprint.lanes = builder.lanes()
    blueprint.phases = list(builder.phases.values())
    blueprint.steps = steps
    blueprint.flows = _flows(builder, steps, links)
    if not steps:
        raise ImportRefused("no row holds a step: every row was empty or refused")
    report = ImportReport(blueprint, "rows", skipped=skipped, notes=builder.notes)
    return report


def _row_numbers(original: list[list[str]]) -> list[int]:
    """For each non-empty row, its number in the sheet (1 is the first)."""
    return [i + 1 for i, row in enumerate(original) if any(cell.strip() for cell in row)]


def _unguarded(text: str) -> str:
    """A cell without the apostrophe a CSV export put before text a sheet would run."""
    return text[1:] if text.startswith("'") and text[1:2] in _FORMULA_GUARD and text[1:2] else text


def _step(builder: _Builder, row: _Row) -> Step | None:
    cells = row.cells
    title = cells.get("step", "")
    if not title.strip():
        builder.skipped.append(Remark("no_title", row=row.number))
        return None
    data: dict[str, Any] = {
        "id": cells.get("id", "").strip(),
        "lane": builder.lane(row),
        "phase": builder.phase(row),
        "title": title,
        "kind": _kind(builder, row),
    }
    for key in ("description", "actor", "channel", "standard", "policy"):
        if key in cells:
            data[key] = cells[key]
    _times(builder, row, data)
    _marks(builder, row, data)
    layout = _layout(builder, row)
    if layout is not None:
        data["layout"] = layout
    try:
        return Step.model_validate(data) if _valid_id(data["id"]) else _fresh(builder, data)
    except ValidationError as error:
        reason = "; ".join(str(e.get("msg", "")) for e in error.errors())
        builder.skipped.append(Remark("invalid", row=row.number, value=reason))
        return None


def _valid_id(text: str) -> bool:
    return bool(re.fullmatch(ID_PATTERN, text))


def _fresh(builder: _Builder, data: dict[str, Any]) -> Step:
    data["id"] = new_id("step", builder.ids)
    builder.ids.add(data["id"])
    return Step.model_validate(data)


def _kind(builder: _Builder, row: _Row) -> StepKind:
    text = row.cells.get("kind", "").strip()
    if not text:
        return StepKind.ACTION
    found = builder.kind_words.get(hd.normal(text))
    if found is not None:
        return found
    try:
        return sc.parse_step_kind(text)
    except sc.CellError:
        builder.skipped.append(Remark("kind", row=row.number, value=text))
        return StepKind.ACTION


def _times(builder: _Builder, row: _Row, data: dict[str, Any]) -> None:
    for key, name in (
        ("duration_min", "duration_minutes"),
        ("target_min", "target_minutes"),
        ("tolerance_min", "tolerance_minutes"),
    ):
        text = row.cells.get(key, "").strip()
        if not text:
            continue
        try:
            data[name] = parse_duration(text)
        except DurationError:
            builder.skipped.append(Remark("time", row=row.number, column=key, value=text))


def _marks(builder: _Builder, row: _Row, data: dict[str, Any]) -> None:
    for key in ("moment_of_truth", "fail_point", "customer_independent"):
        text = row.cells.get(key, "")
        if text.strip():
            try:
                data[key] = sc.parse_flag(text)
            except sc.CellError:
                builder.skipped.append(Remark("flag", row=row.number, column=key, value=text))
    for key, parse in (("emotion", sc.parse_emotion), ("cost", sc.parse_money)):
        text = row.cells.get(key, "").strip()
        if text:
            try:
                value = parse(None, _number_text(text))  # type: ignore[arg-type]
            except sc.CellError:
                builder.skipped.append(Remark("number", row=row.number, column=key, value=text))
            else:
                data[key] = value
    text = row.cells.get("metrics", "").strip()
    if text:
        metrics, problems = parse_metrics(text)
        data["metrics"] = metrics
        builder.skipped.extend(Remark("metric", row=row.number, value=p) for p in problems)


def _number_text(text: str) -> str:
    """ "1.0" → "1": Excel's numbers where a whole one is wanted."""
    try:
        value = float(text.replace(",", "."))
    except ValueError:
        return text
    return str(int(value)) if math.isfinite(value) and value.is_integer() else text


def parse_metrics(text: str) -> tuple[list[Metric], list[str]]:
    """``name=value/target unit; …`` as the CSV export writes metrics."""
    found: list[Metric] = []
    problems: list[str] = []
    for part in text.split("; "):
        part = part.strip()
        if not part:
            continue
        name, _, figures = part.rpartition("=") if "=" in part else (part, "", "")
        values, _, unit = figures.partition(" ")
        value_text, _, target_text = values.partition("/")
        try:
            found.append(
                Metric(
                    name=name.strip(),
                    value=float(value_text) if value_text else None,
                    target=float(target_text) if target_text else None,
                    unit=unit.strip(),
                )
            )
        except (ValueError, ValidationError):
            problems.append(part)
    return found, problems


def _layout(builder: _Builder, row: _Row) -> StepLayout | None:
    x_text, row_text = row.cells.get("layout_x", "").strip(), row.cells.get("layout_row", "")
    if not x_text:
        return None
    try:
        return StepLayout(x=float(x_text), row=int(float(row_text.strip() or 0)))
    except (ValueError, ValidationError):
        builder.skipped.append(Remark("layout", row=row.number, value=f"{x_text}/{row_text}"))
        return None


def _unique_ids(
    builder: _Builder, steps: list[Step], links: list[tuple[str, _Row]], counts: dict[str, int]
) -> tuple[list[Step], list[tuple[str, _Row]]]:
    """Steps whose id another row has too, or a lane or phase has, get a new one."""
    lanes_and_phases = set(builder.ids)
    kept: set[str] = set()
    for index, step in enumerate(steps):
        if (counts[step.id] > 1 and step.id in kept) or step.id in lanes_and_phases:
            new = new_id("step", builder.ids | kept | set(counts))
            steps[index] = step.model_copy(update={"id": new})
            links[index] = (new, links[index][1])
        kept.add(steps[index].id)
    return steps, links


def _flows(builder: _Builder, steps: list[Step], links: list[tuple[str, _Row]]) -> list[Flow]:
    """Flows from the next-step, recovery and evidence columns, their ends found by title.

    When several steps share a title, a flow goes to the nearest one after its source (a
    journey reads forward), an evidence link to the one whose row names the source back.
    """
    by_title: dict[str, list[str]] = {}
    for step in steps:
        by_title.setdefault(step.title or step.id, []).append(step.id)
    position = {step_id: index for index, (step_id, _) in enumerate(links)}
    row_of = dict(links)
    title_of = {step.id: step.title or step.id for step in steps}
    flows: list[Flow] = []
    taken = {step.id for step in steps} | builder.ids
    paired: set[tuple[str, str, str]] = set()
    for source, row in links:
        for key, kind in (
            ("next_steps", FlowKind.FLOW),
            ("recovery_to", FlowKind.RECOVERY),
            ("evidence", FlowKind.EVIDENCE),
        ):
            used: set[str] = set()
            for name in _names(row.cells.get(key, "")):
                candidates = [c for c in by_title.get(name, []) if c != source and c not in used]
                if not candidates:
                    builder.skipped.append(
                        Remark("no_step", row=row.number, column=key, value=name)
                    )
                    continue

                def rank(candidate: str, source: str = source, key: str = key) -> tuple[int, int]:
                    distance = position[candidate] - position[source]
                    if key == "evidence":
                        back = title_of[source] in _names(row_of[candidate].cells.get(key, ""))
                        return (0 if back else 1, abs(distance))
                    return (0 if distance > 0 else 1, abs(distance))

                target = min(candidates, key=rank)
                used.add(target)
                if kind == FlowKind.EVIDENCE:
                    low, high = sorted((source, target))
                    if (kind.value, low, high) in paired:
                        continue  # the other end's row names the same link
                    paired.add((kind.value, low, high))
                flow_id = new_id("flow", taken)
                taken.add(flow_id)
                flows.append(Flow(id=flow_id, source=source, target=target, kind=kind))
    return flows


def _names(cell: str) -> list[str]:
    return [name.strip() for name in cell.split("; ") if name.strip()]


__all__ = ["ImportRefused", "ImportReport", "import_file", "import_rows", "standard_lanes"]
