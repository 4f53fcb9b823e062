"""Analysis of a blueprint as a graph (no Qt): networkx conversion, paths, times, layout.

The networkx conversions are imported on first use, not with the package: geometry, routing and
layout are used everywhere (the canvas, every picture) and need no networkx, whose import alone
cost the window ~107 ms of its first frame.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from blueprint_app.analysis.graph import from_graph, process_graph, to_graph

__all__ = ["from_graph", "process_graph", "to_graph"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from blueprint_app.analysis import graph

        return getattr(graph, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
