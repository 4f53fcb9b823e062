"""The process specification as CSV: one row per step in reading order, for spreadsheets.

UTF-8 with a byte-order mark so that Excel opens Chinese text correctly; CRLF line ends as RFC
4180 asks. Numbers stay numbers (minutes without a unit). A text cell that a spreadsheet would
run as a formula (starting with ``=``, ``+``, ``-``, ``@``) gets a leading apostrophe.

The columns of format 1 are always there, in a fixed order, so sheets built on an export keep
working. Format 2's columns follow them, each only when some step fills it in: a blueprint
without customer-independent work, tolerances, policies, costs or metrics exports as before.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from blueprint_app.export.spec import Spec, StepEntry, build_spec, metric_cell, money_number, number
from blueprint_app.model.blueprint import Blueprint, Step
from blueprint_app.model.text import plain

BOM = "\ufeff"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

COLUMNS = (
    "order",
    "phase",
    "lane",
    "lane_kind",
    "id",
    "kind",
    "step",
    "description",
    "actor",
    "channel",
    "duration_min",
    "target_min",
    "standard",
    "moment_of_truth",
    "fail_point",
    "emotion",
    "evidence",
    "next_steps",
    "recovery_to",
    "layout_x",
    "layout_row",
)
#: Format 2's columns, after the fixed ones, each only when some step sets it.
OPTIONAL_COLUMNS = ("customer_independent", "tolerance_min", "policy", "cost", "metrics")
_OPTIONAL_FIELDS = {
    "customer_independent": "customer_independent",
    "tolerance_min": "tolerance_minutes",
    "policy": "policy",
    "cost": "cost",
    "metrics": "metrics",
}


def columns_for(steps: Sequence[Step]) -> list[str]:
    """The fixed columns, then the optional ones some step fills in."""
    used = [
        column
        for column in OPTIONAL_COLUMNS
        if any(
            getattr(step, _OPTIONAL_FIELDS[column]) not in (None, False, "", []) for step in steps
        )
    ]
    return [*COLUMNS, *used]


def safe_cell(text: str) -> str:
    """Keep spreadsheets from running user text as a formula (CSV injection); line breaks of
    every kind become the one a spreadsheet cell keeps, and invisible controls go."""
    text = plain(text)
    return f"'{text}" if text.startswith(_FORMULA_START) else text


def to_csv(blueprint: Blueprint, lang: str | None = None) -> str:
    """The CSV text, starting with the BOM; write it encoded as UTF-8."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerows(table_rows(blueprint, lang))
    return BOM + buffer.getvalue()


def table_rows(blueprint: Blueprint, lang: str | None = None) -> list[list[str]]:
    """The header and one row per step, as the CSV has them (the XLSX export writes them too)."""
    spec = build_spec(blueprint, lang)
    columns = columns_for(blueprint.steps)
    rows = [[_header(spec, column) for column in columns]]
    phases = {phase.id: phase.title for phase in blueprint.phases}
    for index, entry in enumerate(spec.steps, start=1):
        row = _row(spec, phases, index, entry)
        rows.append([row[column] for column in columns])
    return rows


def _header(spec: Spec, column: str) -> str:
    if column == "cost" and spec.currency:  # the cells stay plain numbers a sheet can add up
        return safe_cell(spec.words("cost_in", currency=spec.currency))
    return spec.words(column)


def _titles(steps: Sequence[Step]) -> str:
    return "; ".join(step.title or step.id for step in steps)


def _row(spec: Spec, phases: dict[str, str], index: int, entry: StepEntry) -> dict[str, str]:
    step, words = entry.step, spec.words

    def yes_no(value: bool) -> str:
        return words("yes") if value else words("no")

    def minutes(value: float | None) -> str:
        return "" if value is None else number(value)

    text = {
        "phase": phases.get(step.phase or "", ""),
        "lane": entry.lane.title,
        "lane_kind": entry.lane.kind.value,
        "id": step.id,
        "kind": spec.kind_word(step),
        "step": step.title,
        "description": step.description,
        "actor": step.actor,
        "channel": step.channel,
        "standard": step.standard,
        "evidence": _titles(entry.evidence),
        "next_steps": _titles(entry.next_steps),
        "recovery_to": _titles(entry.recovery),
        "policy": step.policy,
        "metrics": "; ".join(metric_cell(metric) for metric in step.metrics),
    }
    values = {key: safe_cell(value) for key, value in text.items()}
    values.update(
        {
            "order": str(index),
            "duration_min": minutes(step.duration_minutes),
            "target_min": minutes(step.target_minutes),
            "moment_of_truth": yes_no(step.moment_of_truth),
            "fail_point": yes_no(step.fail_point),
            "emotion": "" if step.emotion is None else str(step.emotion),
            "layout_x": "" if step.layout is None else number(step.layout.x),
            "layout_row": "" if step.layout is None else str(step.layout.row),
            "customer_independent": yes_no(step.customer_independent),
            "tolerance_min": minutes(step.tolerance_minutes),
            "cost": "" if step.cost is None else money_number(step.cost),
        }
    )
    return values
