"""Editor benchmark: open a 2,000-step blueprint onto the canvas, drag one card, memory.

    QT_QPA_PLATFORM=offscreen python -m benchmarks.bench_editor [--steps 2000] [--moves 200]

Targets (issue 3): first frame within 1.5 s; under 8 ms per mouse move while dragging one step
(only the moved card and its flows update); memory reported. Each mouse move is followed by the
repaint it causes, so the figure is what the user waits for.
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import tempfile
import time
import tracemalloc
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from benchmarks.generate import generate_blueprint
from blueprint_app.analysis import geometry as geo
from blueprint_app.analysis.geometry import overlapping_cards
from blueprint_app.analysis.layout import arrange, arranged_layout
from blueprint_app.canvas.scene import BlueprintScene
from blueprint_app.canvas.view import BlueprintView
from blueprint_app.history import Document, History
from blueprint_app.model import Blueprint
from blueprint_app.storage import load, save


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def open_and_paint(
    app: QApplication, path: Path, fit: bool
) -> tuple[float, float, BlueprintScene, BlueprintView]:
    """Seconds from reading the file to the first painted frame, and the seconds of that paint."""
    start = time.perf_counter()
    document = Document(load(path))
    scene = BlueprintScene(document, History(document))
    view = BlueprintView(scene)
    view.resize(1600, 1000)
    view.show()
    if fit:
        view.fit_all()
    else:
        view.centerOn(scene.sceneRect().left() + 800, scene.sceneRect().top() + 500)
    app.processEvents()
    before_paint = time.perf_counter()
    view.viewport().grab()  # forces a full paint of the visible area
    end = time.perf_counter()
    return end - start, end - before_paint, scene, view


def drag_cost(
    app: QApplication, scene: BlueprintScene, view: BlueprintView, moves: int, step_id: str
) -> tuple[list[float], int]:
    """Milliseconds per mouse move (event handling and the repaint it causes)."""
    view.set_zoom(1.0)
    card = scene.item_for(step_id)
    assert card is not None
    view.centerOn(card)
    app.processEvents()
    viewport = view.viewport()
    centre = view.mapFromScene(card.pos() + QPointF(geo.CARD_W / 2, geo.CARD_H / 2))
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre)
    app.processEvents()
    timings = []
    for index in range(moves):
        offset = QPoint(5 + (index % 40) * 3, (index % 20) * 2)
        begin = time.perf_counter()
        QTest.mouseMove(viewport, centre + offset)
        app.processEvents()  # paints the regions the move dirtied, as the event loop would
        timings.append((time.perf_counter() - begin) * 1000)
    QTest.mouseRelease(
        viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre + QPoint(60, 0)
    )
    app.processEvents()
    return timings, len(scene.content.flows_at.get(step_id, ()))


def run(app: QApplication, blueprint: Blueprint, label: str, moves: int) -> None:
    print(
        f"--- {label}: {len(blueprint.steps)} steps, {len(blueprint.flows)} flows, "
        f"{len(overlapping_cards(blueprint))} overlapping card pairs"
    )
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "big.blueprint.json"
        save(blueprint, path)
        open_and_paint(app, path, fit=False)[3].close()  # warm-up: font database, first widget
        total, paint, _scene, view = open_and_paint(app, path, fit=False)
        print(f"open + first frame at 100%: {total:.3f} s (paint {paint * 1000:.0f} ms)")
        view.close()
        gc.collect()
        rss_before = rss_mb()
        tracemalloc.start()
        _, _, _scene, view = open_and_paint(app, path, fit=False)
        current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        rss_after = rss_mb()
        print(
            f"python heap: {current / 2**20:.1f} MiB held, {peak / 2**20:.1f} MiB peak "
            f"(tracemalloc); RSS +{rss_after - rss_before:.0f} MiB, {rss_after:.0f} MiB total"
        )
        view.close()
        total_fit, paint_fit, scene2, view2 = open_and_paint(app, path, fit=True)
        print(
            f"open + first frame fitted to window (all cards visible): {total_fit:.3f} s "
            f"(paint {paint_fit * 1000:.0f} ms)"
        )
        busiest = max(scene2.content.cards, key=lambda s: len(scene2.content.flows_at.get(s, ())))
        timings, flows = drag_cost(app, scene2, view2, moves, busiest)
        timings.sort()
        print(
            f"drag {busiest} ({flows} flows): mean {statistics.mean(timings):.2f} ms, "
            f"median {statistics.median(timings):.2f} ms, "
            f"p95 {timings[int(len(timings) * 0.95)]:.2f} ms per mouse move"
        )
        history = scene2.history
        print(f"undo steps the drag made: {len(history.entries)}")
        begin = time.perf_counter()
        history.undo()
        app.processEvents()
        print(f"undo the drag: {(time.perf_counter() - begin) * 1000:.1f} ms")
        begin = time.perf_counter()
        with history.transaction("Arrange") as tx:
            arrange(tx)
        app.processEvents()
        print(f"Arrange (one undo step): {time.perf_counter() - begin:.2f} s")
        begin = time.perf_counter()
        history.undo()
        app.processEvents()
        print(f"undo Arrange: {time.perf_counter() - begin:.2f} s")
        scene2.detach()
        view2.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=2000)
    parser.add_argument("--moves", type=int, default=200)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    generated = generate_blueprint(args.steps)
    run(app, generated, "as generated", args.moves)
    arranged = generated.model_copy(deep=True)
    layouts = arranged_layout(arranged)
    for step in arranged.steps:
        step.layout = layouts[step.id]
    run(app, arranged, "after Arrange", args.moves)


if __name__ == "__main__":
    main()
