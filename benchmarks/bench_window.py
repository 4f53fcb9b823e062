"""The main window at scale: open a 2,000-step blueprint in the full window (canvas, property
panel, lanes-and-phases and history docks) and time what a user does there.

    python -m benchmarks.bench_window [N_STEPS]

Measures: opening the file in a window up to its first painted frame; selecting a step (the
property panel follows); one keystroke in the step's title field (one merged undo step, the
card repaints); undo of that run; Arrange (one transaction over every card) and its undo.
"""

from __future__ import annotations

import os
import statistics
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(n_steps: int = 2000) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from benchmarks.big_window import big_window

    app, window, path = big_window(n_steps)
    start = time.perf_counter()
    window.open_path(path)
    window.grab()  # paints the first frame of the whole window
    print(f"open in window + first frame: {time.perf_counter() - start:.2f} s")

    steps = window.session.blueprint.steps
    timings = []
    for step in steps[10:30]:
        t = time.perf_counter()
        window.scene.select_ids([step.id])
        app.processEvents()
        timings.append(time.perf_counter() - t)
    print(f"select a step (panel follows): median {statistics.median(timings) * 1000:.1f} ms")

    target = steps[len(steps) // 2]
    window.scene.select_ids([target.id])
    title = window.property_panel.forms["steps"].editor("title").widget
    title.setFocus()
    timings = []
    for char in "Renamed step":
        t = time.perf_counter()
        QTest.keyClick(title, char)
        app.processEvents()
        timings.append(time.perf_counter() - t)
    print(
        f"keystroke in title field: median {statistics.median(timings) * 1000:.1f} ms, "
        f"max {max(timings) * 1000:.1f} ms; undo entries: {len(window.session.history.entries)}"
    )
    QTest.keyClick(title, Qt.Key.Key_Return)
    t = time.perf_counter()
    window.session.history.undo()
    app.processEvents()
    print(f"undo the typing run: {(time.perf_counter() - t) * 1000:.1f} ms")

    t = time.perf_counter()
    window.menu_actions["arrange"].trigger()
    app.processEvents()
    print(f"Arrange (one undo step): {time.perf_counter() - t:.2f} s")
    t = time.perf_counter()
    window.session.history.undo()
    app.processEvents()
    print(f"undo Arrange: {time.perf_counter() - t:.2f} s")
    window.session.history.set_clean()
    window.close()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2000)
