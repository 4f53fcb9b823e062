"""The docks that follow the open document.

Properties, lanes and phases, history, problems and the palette of step kinds.
"""
