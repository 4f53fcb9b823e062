"""Time the picture exports (SVG, PNG, PDF) of a generated blueprint against Graphviz.

    python -m benchmarks.bench_image_export              # 1,000 steps
    python -m benchmarks.bench_image_export 300 1000 3000 --runs 3

Each export is timed whole: compose the scene (render/ items + title block + legend) and paint
it to the device, bytes in memory. In the same run Graphviz ``dot -Tsvg`` lays out and draws the
same graph (steps as nodes, flows as edges, one cluster per lane), started as a process on a DOT
file written beforehand, so its time includes its process start (~10 ms). dot runs once (it
takes minutes on 1,000 steps), and is stopped after ``--dot-timeout`` seconds.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from benchmarks.generate import generate_blueprint
from blueprint_app.analysis.graph import to_graph
from blueprint_app.export.formats import export_bytes
from blueprint_app.export.options import ExportOptions
from blueprint_app.model.blueprint import Blueprint
from blueprint_app.pictures.image import compose, ensure_qt


def best_of(runs: int, action: Callable[[], object]) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def to_dot(blueprint: Blueprint) -> str:
    """The blueprint's graph in DOT: a cluster per lane, steps as boxes, flows as edges."""
    graph = to_graph(blueprint)
    lines = ["digraph blueprint {", "  rankdir=LR;", "  node [shape=box, fontsize=10];"]
    for index, lane in enumerate(blueprint.lanes):
        lines.append(f"  subgraph cluster_{index} {{ label={_quote(lane.title)};")
        for node, data in graph.nodes(data=True):
            if data.get("lane") == lane.id:
                lines.append(f"    {_quote(node)} [label={_quote(data.get('title', ''))}];")
        lines.append("  }")
    for source, target, data in graph.edges(data=True):
        attributes = [f"label={_quote(data['label'])}"] if data.get("label") else []
        if str(data.get("kind")) != "flow":
            attributes.append("style=dashed")
        lines.append(f"  {_quote(source)} -> {_quote(target)} [{', '.join(attributes)}];")
    lines.append("}")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("sizes", nargs="*", type=int, default=[1000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--dot-timeout", type=float, default=1800.0)
    args = parser.parse_args()
    ensure_qt()
    dot = shutil.which("dot")
    print(
        f"Python {sys.version.split()[0]}, {platform.system()} {platform.machine()}, "
        f"{os.cpu_count()} cores; dot: {dot or 'not installed'}"
    )
    print(
        "| steps | flows | scene (s) | SVG (s) | PNG 1x (s) | PDF (s) | dot -Tsvg (s) "
        "| dot / SVG | PNG size (px) | SVG (KiB) |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    options = ExportOptions(findings=[])
    with tempfile.TemporaryDirectory() as folder:
        for size in args.sizes:
            blueprint = generate_blueprint(size)
            scene = best_of(args.runs, lambda bp=blueprint: compose(bp, options))
            svg = best_of(args.runs, lambda bp=blueprint: export_bytes(bp, "svg", options))
            png = best_of(args.runs, lambda bp=blueprint: export_bytes(bp, "png", options))
            pdf = best_of(args.runs, lambda bp=blueprint: export_bytes(bp, "pdf", options))
            picture = compose(blueprint, options)
            pixels = f"{picture.source.width():.0f} x {picture.source.height():.0f}"
            svg_kib = len(export_bytes(blueprint, "svg", options)) / 1024
            dot_cell, ratio = "n/a", "n/a"
            if dot:
                path = Path(folder) / f"bp{size}.dot"
                path.write_text(to_dot(blueprint), encoding="utf-8")
                start = time.perf_counter()
                try:
                    subprocess.run(
                        [dot, "-Tsvg", str(path), "-o", str(path.with_suffix(".svg"))],
                        check=True,
                        timeout=args.dot_timeout,
                    )
                except subprocess.TimeoutExpired:
                    dot_cell = f"> {args.dot_timeout:.0f} (stopped)"
                    ratio = f"> {args.dot_timeout / svg:.1f}x"
                else:
                    dot_s = time.perf_counter() - start
                    dot_cell, ratio = f"{dot_s:.2f}", f"{dot_s / svg:.1f}x"
            print(
                f"| {len(blueprint.steps)} | {len(blueprint.flows)} | {scene:.2f} | {svg:.2f} "
                f"| {png:.2f} | {pdf:.2f} | {dot_cell} | {ratio} | {pixels} | {svg_kib:.0f} |",
                flush=True,
            )


if __name__ == "__main__":
    main()
