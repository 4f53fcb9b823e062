"""The editor at 1,000-10,000 steps (issue 18): open, drag, undo, zoom, scroll, Arrange, memory.

    QT_QPA_PLATFORM=offscreen python -m benchmarks.bench_scale --steps 2000 10000 --runs 3
    python -m benchmarks.bench_scale --steps 10000 --compare /path/to/other/checkout

Each size runs in a fresh process (so memory is that size's own). ``--compare DIR`` runs the
same measurements on the code in DIR too, alternating the two checkouts, and prints the ratio
of each median: the machine is shared, so only figures of one run compare. Written to run on
code from before issue 18 as well (no idle routing there: "routed" equals the first frame).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent.parent


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def measure(n_steps: int, runs: int, moves: int) -> dict[str, Any]:
    """All figures for one size on the code importable here (medians over ``runs``)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QPoint, QPointF, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from benchmarks.generate import generate_blueprint
    from blueprint_app.analysis import geometry as geo
    from blueprint_app.analysis import layout
    from blueprint_app.canvas.scene import BlueprintScene
    from blueprint_app.canvas.view import BlueprintView
    from blueprint_app.history import Document, History
    from blueprint_app.storage import load, save

    app = QApplication.instance() or QApplication([])
    folder = Path(tempfile.mkdtemp())
    path = folder / "big.blueprint.json"
    blueprint = generate_blueprint(n_steps)
    save(blueprint, path)
    import blueprint_app

    result: dict[str, Any] = {"steps": len(blueprint.steps), "flows": len(blueprint.flows)}
    result["code"] = str(Path(blueprint_app.__file__).parent.parent)
    del blueprint

    def pending(scene: Any) -> bool:
        return bool(getattr(scene, "routing_pending", lambda: False)())

    def until_routed(scene: Any) -> None:
        while pending(scene):
            app.processEvents()

    def open_view(fit: bool) -> tuple[float, float, Any, Any]:
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
        app.processEvents()  # the first frame is painted here
        first = time.perf_counter() - start
        until_routed(scene)
        return first, time.perf_counter() - start, scene, view

    def close(scene: Any, view: Any) -> None:
        scene.detach()
        view.close()
        view.setScene(None)
        scene.clear()
        app.processEvents()

    close(*open_view(False)[2:])  # warm-up: fonts, first widgets
    series: dict[str, list[float]] = {}

    def note(name: str, value: float) -> None:
        series.setdefault(name, []).append(value)

    for _ in range(runs):
        first, routed, scene, view = open_view(False)
        note("open_100_s", first)
        note("open_100_routed_s", routed)
        note("rss_mb", rss_mb())
        close(scene, view)
        first, routed, scene, view = open_view(True)
        note("open_fit_s", first)
        note("open_fit_routed_s", routed)
        # zoom one step and scroll one screen at 100 %, each with its repaint
        view.set_zoom(1.0)
        view.centerOn(scene.sceneRect().center())
        app.processEvents()
        until_routed(scene)
        begin = time.perf_counter()
        view.set_zoom(1.0 / 1.2)
        app.processEvents()
        note("zoom_step_ms", (time.perf_counter() - begin) * 1000)
        view.set_zoom(1.0)
        app.processEvents()
        bar = view.horizontalScrollBar()
        begin = time.perf_counter()
        bar.setValue(bar.value() + view.viewport().width())
        app.processEvents()
        note("scroll_ms", (time.perf_counter() - begin) * 1000)
        content = scene.content
        busiest = max(content.cards, key=lambda s: len(content.flows_at.get(s, ())))
        for label, zoom_fit in (("100", False), ("fit", True)):
            if zoom_fit:
                view.fit_all()
            else:
                view.set_zoom(1.0)
                view.centerOn(content.cards[busiest])
            app.processEvents()
            card = content.cards[busiest]
            viewport = view.viewport()
            centre = view.mapFromScene(card.pos() + QPointF(geo.CARD_W / 2, geo.CARD_H / 2))
            QTest.mousePress(
                viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre
            )
            app.processEvents()
            timings = []
            start_pos = card.pos()
            step = 3 if not zoom_fit else 1
            for index in range(moves):
                offset = QPoint(step + (index % 40) * step, (index % 20) * (step - 1))
                begin = time.perf_counter()
                QTest.mouseMove(viewport, centre + offset)
                app.processEvents()
                timings.append((time.perf_counter() - begin) * 1000)
            moved = card.pos() != start_pos
            QTest.mouseRelease(
                viewport,
                Qt.MouseButton.LeftButton,
                Qt.KeyboardModifier.NoModifier,
                centre + QPoint(20 * step, 0),
            )
            app.processEvents()
            timings.sort()
            note(f"drag_{label}_mean_ms", statistics.mean(timings))
            note(f"drag_{label}_p95_ms", timings[int(len(timings) * 0.95)])
            result[f"drag_{label}_moved_card"] = moved
            until_routed(scene)
            if not zoom_fit and scene.history.can_undo:
                view.set_zoom(1.0)
                view.centerOn(content.cards[busiest])
                app.processEvents()
                until_routed(scene)
                begin = time.perf_counter()
                scene.history.undo()
                app.processEvents()
                note("undo_drag_ms", (time.perf_counter() - begin) * 1000)
                until_routed(scene)
                note("undo_drag_routed_ms", (time.perf_counter() - begin) * 1000)
        view.fit_all()
        app.processEvents()
        until_routed(scene)
        history = scene.history
        split = hasattr(layout, "arrangement")
        begin = time.perf_counter()
        layouts = layout.arrangement(scene.document.blueprint) if split else None
        computed = time.perf_counter() - begin
        with history.transaction("Arrange") as tx:
            if split:
                layout.apply_layout(tx, layouts)
            else:
                layout.arrange(tx)
        app.processEvents()
        whole = time.perf_counter() - begin
        # the window's thread: all of it before; after, the layout is computed on a job
        note("arrange_window_s", whole - computed if split else whole)
        note("arrange_compute_s", computed)
        until_routed(scene)
        note("arrange_routed_s", time.perf_counter() - begin)
        begin = time.perf_counter()
        history.undo()
        app.processEvents()
        note("undo_arrange_window_s", time.perf_counter() - begin)
        until_routed(scene)
        note("undo_arrange_routed_s", time.perf_counter() - begin)
        note("rss_after_arrange_mb", rss_mb())
        close(scene, view)
    for name, values in series.items():
        result[name] = statistics.median(values)
    result["runs"] = runs
    return result


def cli_startup(runs: int) -> dict[str, float]:
    """Seconds of ``python -m blueprint_app.cli --version`` and of validating a 10-step file,
    and of plain ``python -c pass`` beside them (medians)."""
    small = HERE / "tests" / "data" / "coffee.blueprint.json"
    commands = {
        "python_s": [sys.executable, "-c", "pass"],
        "version_s": [sys.executable, "-m", "blueprint_app.cli", "--version"],
        "validate_small_s": [sys.executable, "-m", "blueprint_app.cli", "validate", str(small)],
    }
    found: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            begin = time.perf_counter()
            subprocess.run(command, capture_output=True, check=False)
            found[name].append(time.perf_counter() - begin)
    return {name: statistics.median(values) for name, values in found.items()}


def _child(tree: Path, args: list[str]) -> dict[str, Any]:
    env = dict(os.environ, PYTHONPATH=str(tree), QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--child", *args],
        cwd=tree,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(done.stderr[-3000:])
    answer: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return answer


def _medians(answers: list[dict[str, Any]]) -> dict[str, Any]:
    """Each figure's median over the runs (other values as the first run gave them)."""
    merged = dict(answers[0])
    for key, value in merged.items():
        if isinstance(value, float):
            merged[key] = statistics.median(answer[key] for answer in answers)
    merged["runs"] = len(answers)
    return merged


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, nargs="+", default=[2000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--moves", type=int, default=60)
    parser.add_argument("--compare", type=Path, help="another checkout to measure alongside")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--cli", action="store_true", help="measure CLI start-up too")
    args = parser.parse_args()
    if args.child:
        if args.cli:
            print(json.dumps(cli_startup(args.runs)))
        else:
            print(json.dumps(measure(args.steps[0], args.runs, args.moves)))
        return
    trees = [("this", HERE)] + ([("other", args.compare.resolve())] if args.compare else [])
    jobs = [[f"--steps={n}", "--runs=1", f"--moves={args.moves}"] for n in args.steps]
    if args.cli:
        jobs.insert(0, ["--cli", "--runs=3"])
    for job in jobs:
        # one fresh process per run and checkout, the checkouts taking turns (first one, then
        # the other first): a load that comes and goes then falls on both alike
        runs: dict[str, list[dict[str, Any]]] = {name: [] for name, _ in trees}
        for index in range(args.runs):
            for name, tree in trees if index % 2 == 0 else trees[::-1]:
                runs[name].append(_child(tree, job))
        found = {name: _medians(answers) for name, answers in runs.items()}
        print(f"== {' '.join(job)} x {args.runs} runs each, alternating")
        for key in found["this"]:
            row = f"{key:<26} " + "  ".join(
                f"{name} {found[name].get(key)!s:>10.10}" for name in found
            )
            other = found.get("other", {}).get(key)
            mine = found["this"][key]
            if isinstance(other, float) and isinstance(mine, float) and other:
                row += f"  this/other {mine / other:.2f}"
            print(row, flush=True)


if __name__ == "__main__":
    main()
