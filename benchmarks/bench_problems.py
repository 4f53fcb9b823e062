"""The Problems panel and autosave at scale: a 2,000-step blueprint in the full window.

    python -m benchmarks.bench_problems [N_STEPS]

Measures: a keystroke in a step's title field (and checks that it ran no validation: the
panel waits for a 300 ms pause); the debounced validation run with the panel and status bar
update; ``validate`` alone for comparison; the autosave write of the recovery copy (on the GUI
thread, once per interval at most).
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(n_steps: int = 2000) -> None:
    from PySide6.QtTest import QTest

    from benchmarks.big_window import big_window
    from blueprint_app.validation import validate

    state = Path(tempfile.mkdtemp())
    os.environ["BLUEPRINT_STATE_DIR"] = str(state / "state")
    os.environ["BLUEPRINT_AUTOSAVE_SECONDS"] = "3600"  # written by hand below, not by the timer
    app, window, path = big_window(n_steps)
    window.open_path(path)
    app.processEvents()
    panel = window.problems_panel
    print(f"findings: {len(panel.findings)}; status bar: {panel.counts_label.text()}")

    target = window.session.blueprint.steps[len(window.session.blueprint.steps) // 2]
    window.scene.select_ids([target.id])
    window.property_panel.show_item(target.id)
    title = window.property_panel.forms["steps"].editor("title").widget
    title.setFocus()
    runs = panel.runs
    timings = []
    for char in "Renamed step":
        t = time.perf_counter()
        QTest.keyClick(title, char)
        app.processEvents()
        timings.append(time.perf_counter() - t)
    assert panel.runs == runs, "a keystroke ran validation"
    print(
        f"keystroke in title field: median {statistics.median(timings) * 1000:.1f} ms, "
        f"max {max(timings) * 1000:.1f} ms; validations run by the 12 keystrokes: "
        f"{panel.runs - runs}; debounce timer pending: {panel.timer.isActive()}"
    )

    timings = []
    for _ in range(5):
        panel.findings = []  # force the panel to redraw, as after a real change
        t = time.perf_counter()
        panel.refresh()
        app.processEvents()
        timings.append(time.perf_counter() - t)
    print(
        f"debounced validation + panel + status bar: median "
        f"{statistics.median(timings) * 1000:.0f} ms, max {max(timings) * 1000:.0f} ms"
    )

    timings = []
    for _ in range(5):
        t = time.perf_counter()
        validate(window.session.blueprint)
        timings.append(time.perf_counter() - t)
    print(f"validate() alone: median {statistics.median(timings) * 1000:.0f} ms")

    timings = []
    for i in range(5):
        with window.session.history.transaction("Rename") as tx:
            from blueprint_app.history import edits

            edits.set_field(tx, target.id, "title", f"autosave {i}")
        t = time.perf_counter()
        assert window.autosaver.write_now()
        timings.append(time.perf_counter() - t)
    print(f"autosave recovery copy write: median {statistics.median(timings) * 1000:.0f} ms")
    window.session.history.set_clean()
    window.close()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2000)
