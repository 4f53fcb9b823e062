"""Analysis of a blueprint as a graph (no Qt): networkx conversion, paths, times, layout."""

from blueprint_app.analysis.graph import from_graph, process_graph, to_graph

__all__ = ["from_graph", "process_graph", "to_graph"]
