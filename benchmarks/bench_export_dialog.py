"""The editor's exports at scale: does the window stay live, and how fast does Cancel stop?

    python -m benchmarks.bench_export_dialog              # 1,000 and 5,000 steps
    python -m benchmarks.bench_export_dialog 2000 --runs 3

For a generated blueprint, each picture format is exported the way File > Export… does it
(run_with_progress: an ExportJob on its own thread, the progress dialog after 0.4 s) while a
10 ms timer runs on the window's thread. Reported: the export's time; the longest gap between
two timer ticks (how long the window could not repaint or take a click), also as a share of the
export; the same export done on the window's thread for comparison (the gap is then the whole
export); and how long Cancel takes to stop a PNG export a third of the way through.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
from collections.abc import Callable

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _ticking() -> tuple[Callable[[], float], Callable[[], None]]:
    """A 10 ms timer on this thread; returns (longest gap so far, stop)."""
    from PySide6.QtCore import QTimer

    last = [time.perf_counter()]
    longest = [0.0]

    def tick() -> None:
        now = time.perf_counter()
        longest[0] = max(longest[0], now - last[0])
        last[0] = now

    timer = QTimer()
    timer.timeout.connect(tick)
    timer.start(10)
    holder.append(timer)

    def stop() -> None:
        tick()
        timer.stop()

    return (lambda: longest[0]), stop


holder: list[object] = []


def measure(n_steps: int, runs: int) -> None:
    from PySide6.QtWidgets import QApplication, QWidget

    from benchmarks.generate import generate_blueprint
    from blueprint_app.export.formats import FORMATS
    from blueprint_app.export.options import ExportOptions
    from blueprint_app.export.pipeline import export_document
    from blueprint_app.ui.export.export_job import ExportJob, run_with_progress

    app = QApplication.instance() or QApplication([])
    parent = QWidget()
    blueprint = generate_blueprint(n_steps)
    options = ExportOptions(scale=1.0)
    for name in ("png", "svg", "pdf"):
        fmt = FORMATS[name]
        threaded, gaps, inline = [], [], []
        for _ in range(runs):
            longest, stop = _ticking()
            start = time.perf_counter()
            outcome = run_with_progress(
                parent, "bench", lambda p, f=fmt: export_document(blueprint, f, options, p)
            )
            threaded.append(time.perf_counter() - start)
            stop()
            gaps.append(longest())
            assert outcome.ok, outcome.error
            start = time.perf_counter()
            export_document(blueprint, fmt, options)
            inline.append(time.perf_counter() - start)
        best, gap = min(threaded), min(gaps)
        print(
            f"{n_steps:>6} steps {name}: on a job {best:.2f} s, longest window gap "
            f"{gap * 1000:.0f} ms ({gap / best:.0%} of the export); on the window's thread "
            f"{min(inline):.2f} s (the window frozen throughout)"
        )
    # Cancel a third of the way through a PNG
    stops = []
    for _ in range(runs):
        asked: list[float] = []
        job = ExportJob(lambda p: export_document(blueprint, FORMATS["png"], options, p))

        def maybe_cancel(fraction: float, job: ExportJob = job, asked: list[float] = asked) -> None:
            if fraction >= 0.33 and not asked:
                asked.append(time.perf_counter())
                job.cancel()

        job.progressed.connect(maybe_cancel)
        job.start()
        while job.isRunning():
            app.processEvents()
            time.sleep(0.001)
        app.processEvents()
        ended = time.perf_counter()
        assert asked, "the export ended before a third"
        stops.append(ended - asked[0])
    print(
        f"{n_steps:>6} steps png: Cancel at a third stops it in {min(stops) * 1000:.0f} ms "
        f"(best of {runs})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("steps", nargs="*", type=int, default=[1000, 5000])
    parser.add_argument("--runs", type=int, default=2)
    args = parser.parse_args()
    print(f"Python {sys.version.split()[0]} on {platform.platform()}, {os.cpu_count()} cores")
    for n_steps in args.steps:
        measure(n_steps, args.runs)


if __name__ == "__main__":
    main()
