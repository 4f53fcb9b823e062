"""Cells from a spreadsheet (no Qt): clipboard text as rows, and the steps pasted from them.

Excel, LibreOffice Calc and WPS put a copied block on the clipboard as tab-separated text (a
cell with a line break or a quote in double quotes) and as an HTML table. Either becomes rows of
cells here. Pasted on the canvas, a block whose first column names lanes (in English or Chinese:
``顾客``, ``Backstage``, a lane's title) is a *layered grid* (NN/g, 18F): one card per cell, in
that lane, each column one moment (a phase when the first row names them), and no flows, the
layered style. Any other block is a list of steps, one per line, in one lane. Pasted into the
table, cells follow the table's columns.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from html.parser import HTMLParser

from blueprint_app.analysis.extent import far_steps
from blueprint_app.analysis.geometry import COLUMN_PITCH
from blueprint_app.editing import step_columns as sc
from blueprint_app.editing.placement import append_step
from blueprint_app.history import Transaction, edits
from blueprint_app.model import Lane, LaneKind, Phase, StepKind, StepLayout

#: More cells than this in one paste are refused rather than frozen on.
MAX_CELLS = 1_000_000


@dataclass
class PasteReport:
    """What a paste made, and what it could not use with why: ``refused`` in English (a log,
    the command line), ``unknown_lanes`` and ``bad_cells`` for the shell to say in its words."""

    steps: list[str] = field(default_factory=list)
    phases: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)
    unknown_lanes: list[str] = field(default_factory=list)
    bad_cells: list[tuple[int, str, sc.CellError]] = field(default_factory=list)


def parse_tsv(text: str) -> list[list[str]]:
    """Tab-separated clipboard text as rows of cells; trailing empty rows and cells dropped."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        return []
    reader = csv.reader(io.StringIO(text), delimiter="\t", quotechar='"')
    return _trimmed([list(row) for row in reader])


def _trimmed(rows: list[list[str]]) -> list[list[str]]:
    rows = [row[: _last_filled(row) + 1] for row in rows]
    while rows and not rows[-1]:
        rows.pop()
    return rows


def _last_filled(row: list[str]) -> int:
    for index in range(len(row) - 1, -1, -1):
        if row[index].strip():
            return index
    return -1


class _TableParser(HTMLParser):
    """The cells of the first table in an HTML fragment; merged cells fill their span."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[list[str]] = []
        self._cell: list[str] | None = None
        self._span = (1, 1)
        self._pending: dict[tuple[int, int], str] = {}  # cells a rowspan above covers
        self._depth = 0
        self._done = False
        self._skip = 0  # inside <style> or <script>

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._done:
            return
        if tag in ("style", "script"):
            self._skip += 1
        elif tag == "table":
            self._depth += 1
        elif tag == "tr" and self._depth == 1:
            self.rows.append([])
            self._fill_pending()
        elif tag in ("td", "th") and self._depth == 1 and self.rows:
            values = dict(attrs)
            self._span = (_span(values.get("rowspan")), _span(values.get("colspan")))
            self._cell = []
        elif tag == "br" and self._cell is not None:
            self._cell.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if self._done:
            return
        if tag in ("style", "script"):
            self._skip = max(0, self._skip - 1)
        elif tag == "table":
            self._depth -= 1
            self._done = self._depth == 0
        elif tag in ("td", "th") and self._cell is not None:
            text = " ".join("".join(self._cell).replace("\xa0", " ").split(" ")).strip()
            text = "\n".join(" ".join(line.split()) for line in text.split("\n"))
            row = self.rows[-1]
            rows, columns = self._span
            at = len(row)
            row.append(text)
            row.extend([""] * (columns - 1))
            for down in range(1, rows):
                for across in range(columns):
                    self._pending[(len(self.rows) - 1 + down, at + across)] = ""
            self._cell = None
            self._fill_pending()

    def _fill_pending(self) -> None:
        row_index = len(self.rows) - 1
        row = self.rows[row_index]
        while (row_index, len(row)) in self._pending:
            row.append(self._pending.pop((row_index, len(row))))

    def handle_data(self, data: str) -> None:
        if self._cell is not None and not self._skip:
            self._cell.append(" ".join(data.split("\n")))


def _span(value: str | None) -> int:
    try:
        return max(1, min(1000, int(value or 1)))
    except ValueError:
        return 1


def parse_html_table(html: str) -> list[list[str]]:
    """The first table of an HTML clipboard flavour (Excel's, Calc's) as rows of cells."""
    parser = _TableParser()
    parser.feed(html)
    parser.close()
    return _trimmed(parser.rows)


def clipboard_rows(text: str, html: str = "") -> list[list[str]]:
    """Rows from what the clipboard holds: its tab-separated text, else its HTML table; none
    from JSON (a copied fragment that did not load is no list of step titles)."""
    if _is_json(text):
        return []
    rows = parse_tsv(text) if text.strip() else []
    if not rows and html.strip():
        rows = parse_html_table(html)
    return rows


def _is_json(text: str) -> bool:
    if not text.lstrip().startswith(("{", "[")):
        return False
    try:
        json.loads(text)
    except (ValueError, RecursionError):
        return False
    return True


# -- the layered grid ------------------------------------------------------------------------------
def grid_lanes(lanes: list[Lane], rows: list[list[str]]) -> list[Lane | None] | None:
    """For a layered grid, the lane each row is about (None: the header row or an unknown
    name); None when ``rows`` is no grid (fewer than two rows whose first cell names a lane)."""
    if len(rows) < 2 or max(len(row) for row in rows) < 2:
        return None
    found = [sc.lane_named(lanes, row[0]) if row else None for row in rows]
    named = sum(lane is not None for lane in found)
    return found if named >= 2 and named * 2 >= len(rows) else None


def paste_grid(tx: Transaction, rows: list[list[str]]) -> PasteReport:
    """One card per filled cell of a layered grid, right of what is already there."""
    report = PasteReport()
    document = tx.document
    lanes = list(document.blueprint.lanes)
    found = grid_lanes(lanes, rows)
    if found is None:
        raise ValueError("the cells are no layered grid")
    width = max(len(row) for row in rows)
    first_lane = next(index for index, lane in enumerate(found) if lane is not None)
    header = rows[0] if first_lane > 0 else []
    phase_of = _grid_phases(tx, header, width, report)
    steps = document.blueprint.steps
    far = set(far_steps(steps))
    xs = [s.layout.x for s in steps if s.layout is not None and s.id not in far]
    left = max(xs) + COLUMN_PITCH if xs else 0.0
    next_row: dict[str, int] = {}
    for row_index, (row, lane) in enumerate(zip(rows, found, strict=True)):
        if row_index < first_lane or not any(cell.strip() for cell in row[1:]):
            continue
        if lane is None:
            report.refused.append(f"row {row_index + 1}: no lane called {row[0]!r}")
            report.unknown_lanes.append(row[0].strip())
            continue
        depth = next_row.get(lane.id, 0)
        next_row[lane.id] = depth + 1
        kind = StepKind.EVIDENCE if lane.kind == LaneKind.PHYSICAL_EVIDENCE else StepKind.ACTION
        for column in range(1, len(row)):
            title, description = _title_and_rest(row[column])
            if not title:
                continue
            step_id = append_step(
                tx,
                kind,
                title=title,
                lane=lane.id,
                phase=phase_of.get(column),
                layout=StepLayout(x=left + (column - 1) * COLUMN_PITCH, row=depth),
            )
            if phase_of.get(column) is None and document.blueprint.phases:
                edits.set_field(tx, step_id, "phase", None)
            if description:
                edits.set_field(tx, step_id, "description", description)
            report.steps.append(step_id)
    return report


def _grid_phases(
    tx: Transaction, header: list[str], width: int, report: PasteReport
) -> dict[int, str]:
    """The phase of each grid column the header row names, made when the blueprint lacks it."""
    phases: dict[int, str] = {}
    known = {p.title.strip().casefold(): p.id for p in tx.document.blueprint.phases}
    for column in range(1, min(width, len(header))):
        title = " ".join(header[column].split())
        if not title:
            continue
        phase_id = known.get(title.casefold())
        if phase_id is None:
            phase_id = edits.fresh_id(tx, "phase")
            edits.add_item(tx, "phases", Phase(id=phase_id, title=title))
            known[title.casefold()] = phase_id
            report.phases.append(phase_id)
        phases[column] = phase_id
    return phases


def _title_and_rest(cell: str) -> tuple[str, str]:
    """A cell's first line is the card's title, the lines after it its description."""
    lines = cell.strip().split("\n")
    return lines[0].strip(), "\n".join(lines[1:]).strip()


# -- plain lines and table rows --------------------------------------------------------------------
def paste_lines(
    tx: Transaction, rows: list[list[str]], lane: str, phase: str | None, x: float | None
) -> PasteReport:
    """One step per non-empty line, left to right in ``lane`` from ``x`` on (None: after the
    lane's last card)."""
    report = PasteReport()
    if x is None:
        steps = tx.document.blueprint.steps
        far = set(far_steps(steps))
        xs = [s.layout.x for s in steps if s.layout and s.lane == lane and s.id not in far]
        x = max(xs) + COLUMN_PITCH if xs else 0.0
    lane_item = tx.document.get(lane)
    evidence = isinstance(lane_item, Lane) and lane_item.kind == LaneKind.PHYSICAL_EVIDENCE
    kind = StepKind.EVIDENCE if evidence else StepKind.ACTION
    for row in rows:
        title = " ".join(" ".join(cell.split()) for cell in row if cell.strip())
        if not title:
            continue
        step_id = append_step(
            tx,
            kind,
            title=title,
            lane=lane,
            phase=phase,
            layout=StepLayout(x=round(x + len(report.steps) * COLUMN_PITCH, 1), row=0),
        )
        if phase is None and tx.document.blueprint.phases:
            edits.set_field(tx, step_id, "phase", None)
        report.steps.append(step_id)
    return report


def paste_into_rows(
    tx: Transaction, rows: list[list[str]], step_ids: list[str], first_column: int
) -> PasteReport:
    """Cells written into the table from ``first_column`` on: the ``step_ids`` rows are
    overwritten in order, rows past them become new steps (in the lane and phase of the step
    before them). A cell that means no value for its column is reported and left."""
    if sum(len(row) for row in rows) > MAX_CELLS:
        raise edits.EditError(f"more than {MAX_CELLS:,} cells in one paste")
    report = PasteReport()
    document = tx.document
    previous = step_ids[0] if step_ids else None
    for index, row in enumerate(rows):
        if index < len(step_ids):
            step_id = step_ids[index]
        else:
            before = document.step(previous) if previous else None
            step_id = append_step(
                tx,
                StepKind.ACTION,
                lane=before.lane if before else None,
                phase=before.phase if before else None,
            )
        previous = step_id
        for offset, text in enumerate(row):
            position = first_column + offset
            if position >= len(sc.COLUMNS):
                break
            column = sc.COLUMNS[position]
            if not column.editable:
                continue
            try:
                value = sc.parse_cell(document, column, text)
            except sc.CellError as error:
                report.refused.append(f"row {index + 1}, {column.key}: {error}")
                report.bad_cells.append((index, column.key, error))
                continue
            sc.write_cell(tx, step_id, column, value)
        report.steps.append(step_id)
    return report
