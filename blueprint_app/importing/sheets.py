"""A CSV or XLSX file as rows of text cells (no Qt), with what was odd about it.

CSV comes in UTF-8 (with or without a byte-order mark), UTF-16 (Chinese Excel's "Unicode text")
or GBK/GB18030 (Chinese Excel's plain CSV), separated by commas, semicolons (European Excel) or
tabs. XLSX is read with openpyxl in read-only mode (it parses the XML through defusedxml when
that is installed); formulas are never evaluated: a formula cell is left empty and reported.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

#: A sheet longer than this is refused at once: a blueprint of more steps is no drawing.
MAX_ROWS = 20_000
#: An .xlsx up to this size is read whole, so merged cells can be seen (larger ones stream).
SMALL_XLSX = 10 * 1024 * 1024
#: A file larger than this is refused before it is read.
MAX_BYTES = 200 * 1024 * 1024


class SheetError(ValueError):
    """The file cannot be read as a sheet; the message says why, in one line."""


@dataclass
class Sheet:
    rows: list[list[str]]
    encoding: str = ""
    delimiter: str = ""
    formulas: list[str] = field(default_factory=list)  # cells like "C4" whose formula was left
    merged: int = 0  # merged ranges whose value was given to each of their cells


def read_sheet(path: str | Path, sheet_name: str | None = None) -> Sheet:
    """The cells of a .csv/.tsv/.txt or .xlsx file (its first sheet, or ``sheet_name``)."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as error:
        raise SheetError(f"cannot read {path}: {error.strerror or error}") from None
    if size > MAX_BYTES:
        raise SheetError(f"{path.name} is larger than {MAX_BYTES // (1024 * 1024)} MB")
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return read_xlsx(path, sheet_name)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise SheetError(f"cannot read {path}: {error.strerror or error}") from None
    return read_csv_bytes(data)


def decode(data: bytes) -> tuple[str, str]:
    """The text of a file and the encoding it was in."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace"), "utf-16"
    head = data[:4096]
    if b"\0" in head:  # UTF-16 without a mark: ASCII's zero bytes on one side (or binary)
        odd = sum(1 for i in range(1, len(head), 2) if head[i] == 0)
        even = sum(1 for i in range(0, len(head), 2) if head[i] == 0)
        encoding = "utf-16-le" if odd > even else "utf-16-be"
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            raise SheetError("the file is binary, not text in UTF-8, UTF-16 or GBK") from None
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030"), "gbk"
    except UnicodeDecodeError:
        raise SheetError("the file is not text in UTF-8, UTF-16 or GBK") from None


def read_csv_bytes(data: bytes) -> Sheet:
    text, encoding = decode(data)
    if "\0" in text:
        raise SheetError("the file is binary, not a CSV sheet")
    delimiter = _delimiter(text[:65536])
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        rows = _limited(list(row) for row in reader)
    except csv.Error as error:
        raise SheetError(f"not a CSV sheet: {error}") from None
    return Sheet(rows, encoding, delimiter)


def _delimiter(sample: str) -> str:
    """Comma, semicolon or tab: the one that splits the first rows most evenly into most cells."""
    best, best_score = ",", (False, 0.0, 0)
    for candidate in (",", ";", "\t"):
        try:
            reader = csv.reader(io.StringIO(sample, newline=""), delimiter=candidate)
            lengths = [len(row) for _, row in zip(range(50), reader, strict=False) if any(row)]
        except csv.Error:
            continue
        if not lengths:
            continue
        mode = max(set(lengths), key=lengths.count)
        score = (mode > 1, lengths.count(mode) / len(lengths), mode)
        if score > best_score:
            best, best_score = candidate, score
    return best


def _limited(rows: Iterable[list[str]]) -> list[list[str]]:
    found: list[list[str]] = []
    for row in rows:
        found.append(row)
        if len(found) > MAX_ROWS + 1:  # the header and MAX_ROWS rows of steps
            raise SheetError(
                f"the sheet has more than {MAX_ROWS:,} rows; a blueprint holds at most "
                f"{MAX_ROWS:,} steps (split it into several blueprints)"
            )
    return found


def sheet_names(path: str | Path) -> list[str]:
    """The sheets of a workbook, in order; [] for a CSV or a file that is no workbook."""
    path = Path(path)
    if path.suffix.lower() not in (".xlsx", ".xlsm"):
        return []
    try:
        import openpyxl

        book = openpyxl.load_workbook(path, read_only=True)
    except Exception:  # not a workbook: the import itself says why
        return []
    try:
        return list(book.sheetnames)
    finally:
        book.close()


def read_xlsx(path: Path, sheet_name: str | None = None) -> Sheet:
    try:
        import openpyxl  # loaded only for Excel files: it takes a while to import
        from openpyxl.utils.exceptions import InvalidFileException
    except ImportError:  # pragma: no cover - a dependency of the package
        raise SheetError("reading .xlsx needs openpyxl (pip install openpyxl)") from None
    # Read-only mode streams a big sheet but cannot see merged cells; a small one is read whole
    read_only = path.stat().st_size > SMALL_XLSX
    try:
        book = openpyxl.load_workbook(path, read_only=read_only, data_only=False)
    except (InvalidFileException, OSError, KeyError, ValueError) as error:
        raise SheetError(f"{path.name} is not an Excel workbook: {error}") from None
    except Exception as error:  # zipfile.BadZipFile, defusedxml's refusals, broken XML
        raise SheetError(f"{path.name} is not a readable Excel workbook: {error}") from None
    try:
        if sheet_name is not None:
            if sheet_name not in book.sheetnames:
                names = ", ".join(book.sheetnames)
                raise SheetError(f"the workbook has no sheet {sheet_name!r} (it has: {names})")
            sheet = book[sheet_name]
        else:
            sheet = book.worksheets[0]
        formulas: list[str] = []
        rows = _limited(_xlsx_rows(sheet.iter_rows(), formulas))
        merged = [] if read_only else [r.bounds for r in sheet.merged_cells.ranges]
    finally:
        book.close()
    _fill_merged(rows, merged)
    return Sheet(rows, "xlsx", "", formulas, len(merged))


def _fill_merged(rows: list[list[str]], merged: list[tuple[int, int, int, int]]) -> None:
    """Every cell of a merged range holds the range's value: a lane merged down three rows
    means three steps in that lane, a phase merged across columns one phase for each."""
    for min_col, min_row, max_col, max_row in merged:
        if min_row > len(rows) or min_col > len(rows[min_row - 1]):
            continue
        value = rows[min_row - 1][min_col - 1]
        for row in rows[min_row - 1 : min(max_row, len(rows))]:
            if len(row) < max_col:
                row.extend([""] * (max_col - len(row)))
            for column in range(min_col - 1, max_col):
                row[column] = value


def _xlsx_rows(rows: Iterable[Any], formulas: list[str]) -> Iterator[list[str]]:
    for row in rows:
        cells: list[str] = []
        for cell in row:
            if getattr(cell, "data_type", None) == "f":
                formulas.append(str(getattr(cell, "coordinate", "?")))
                cells.append("")
            else:
                cells.append(cell_text(getattr(cell, "value", None)))
        yield cells


def cell_text(value: Any) -> str:
    """An Excel value as the text a person sees: 5 not 5.0, dates in ISO form."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        if not math.isfinite(value):
            return ""
        return str(int(value)) if value.is_integer() else f"{value:g}"
    if isinstance(value, (datetime, date, time)):
        return value.isoformat()
    return str(value)
