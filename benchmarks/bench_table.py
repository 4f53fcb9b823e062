"""Table benchmark (issue 19.1): the Table dock on a 5,000-step blueprint in the real window.

    QT_QPA_PLATFORM=offscreen python -m benchmarks.bench_table [--steps 5000] [--keys 60]

Measures what a user waits for: showing the table; one keystroke typed in a title cell (the
edit, the canvas card and the table cell following it, and the repaints that posts), unsorted
and with the table sorted by that column; one page of scrolling with the rows it paints. Prints median, p95 and
the run count of each, and checks that the typing made one undo step.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit

from benchmarks.big_window import big_window
from blueprint_app.editing import step_columns as sc
from blueprint_app.ui.window.main_window import MainWindow


def figures(name: str, timings: list[float]) -> None:
    ordered = sorted(timings)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    print(
        f"{name}: median {statistics.median(ordered):.2f} ms, p95 {p95:.2f} ms, "
        f"best {ordered[0]:.2f} ms, {len(ordered)} runs"
    )


def type_in_title(app: QApplication, window: MainWindow, row: int, keys: int) -> list[float]:
    """Milliseconds per keystroke typed into the title cell of the shown ``row``."""
    dock = window.table_dock
    table = dock.table
    index = dock.proxy.index(row, sc.COLUMN_KEYS.index("title"))
    table.scrollTo(index)
    table.setCurrentIndex(index)
    table.setFocus()
    table.edit(index)
    app.processEvents()
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit), editor
    entries = len(window.session.history.entries)
    timings = []
    for number in range(keys):
        start = time.perf_counter()
        QTest.keyClick(editor, "abcdefghij"[number % 10])
        app.processEvents()  # the updates it posts: the cell's and the card's repaint
        timings.append((time.perf_counter() - start) * 1000)
    QTest.keyClick(editor, Qt.Key.Key_Return)
    app.processEvents()
    made = len(window.session.history.entries) - entries
    print(f"  undo steps made by {keys} keystrokes: {made}")
    return timings


def type_in_properties(app: QApplication, window: MainWindow, keys: int) -> list[float]:
    """The same keystrokes in the Properties dock's title field: the edit without the table."""
    form = window.property_panel.current_form()
    assert form is not None
    editor = form.editor("title").widget
    assert isinstance(editor, QLineEdit)
    editor.setFocus()
    timings = []
    for number in range(keys):
        start = time.perf_counter()
        QTest.keyClick(editor, "abcdefghij"[number % 10])
        app.processEvents()
        timings.append((time.perf_counter() - start) * 1000)
    window.session.history.break_merge()
    return timings


def settle(app: QApplication, seconds: float = 3.0) -> None:
    """Let live validation and autosave, started by the typing, finish before timing more."""
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.01)


def scroll(app: QApplication, window: MainWindow, pages: int) -> list[float]:
    table = window.table_dock.table
    bar = table.verticalScrollBar()
    bar.setValue(0)
    app.processEvents()
    timings = []
    for _ in range(pages):
        start = time.perf_counter()
        bar.setValue(bar.value() + bar.pageStep())
        app.processEvents()  # the rows scrolled in are painted
        timings.append((time.perf_counter() - start) * 1000)
    return timings


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--steps", type=int, default=5000)
    parser.add_argument("--keys", type=int, default=60)
    parser.add_argument("--pages", type=int, default=60)
    args = parser.parse_args()
    app, window, path = big_window(args.steps)
    window.open_path(path)
    app.processEvents()
    start = time.perf_counter()
    window.table_dock.toggleViewAction().trigger()
    app.processEvents()
    window.table_dock.table.viewport().repaint()
    print(f"show the table: {(time.perf_counter() - start) * 1000:.0f} ms")
    rows = window.table_dock.proxy.rowCount()
    print(f"{rows} rows; load average {os.getloadavg()[0]:.1f}")
    settle(app)
    figures("keystroke in a title cell", type_in_title(app, window, rows // 2, args.keys))
    settle(app)
    figures("same in the Properties title field", type_in_properties(app, window, args.keys))
    window.table_dock.table.sortByColumn(sc.COLUMN_KEYS.index("title"), Qt.SortOrder.AscendingOrder)
    app.processEvents()
    figures("keystroke, table sorted by title", type_in_title(app, window, rows // 3, args.keys))
    window.table_dock.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
    settle(app)
    figures("scroll one page", scroll(app, window, args.pages))
    window.session.history.set_clean()
    window.close()


if __name__ == "__main__":
    main()
