"""The CSV export's table as an Excel workbook: the same columns and cells, a bold header row
that stays in view (frozen), so a sheet exported, edited in Excel and imported comes back.

Cells are written as text exactly as the CSV has them (numbers too: "90" imports as 90 either
way), with the CSV's apostrophe before text Excel would run as a formula, so no cell of a
blueprint ever becomes a formula. openpyxl writes the file; it is loaded only when asked for.
"""

from __future__ import annotations

import io

from blueprint_app.export.csv import table_rows
from blueprint_app.model.blueprint import Blueprint

#: How wide a column may grow to fit its text, in Excel's character widths.
MAX_WIDTH = 60


def to_xlsx(blueprint: Blueprint, lang: str | None = None) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill

    rows = table_rows(blueprint, lang)
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = _sheet_title(blueprint.title)
    for row in rows:
        sheet.append(row)
    bold, fill = Font(bold=True), PatternFill("solid", fgColor="DDE4EE")
    for cell in sheet[1]:
        cell.font, cell.fill = bold, fill
    for column in sheet.iter_cols(min_row=1, max_row=1):
        letter = column[0].column_letter
        width = max(len(str(r[column[0].column - 1])) for r in rows[: min(len(rows), 200)])
        sheet.column_dimensions[letter].width = min(MAX_WIDTH, max(8, width + 2))
    sheet.freeze_panes = "A2"
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.data_type = "s"  # text, never a formula
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _sheet_title(title: str) -> str:
    """Excel's sheet names: at most 31 characters, none of []:*?/\\."""
    cleaned = "".join(" " if char in "[]:*?/\\" else char for char in title).strip()
    return (cleaned or "Blueprint")[:31]
