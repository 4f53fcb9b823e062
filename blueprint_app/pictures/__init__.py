"""Pictures of a blueprint (PNG, SVG, PDF) drawn by the renderer the canvas uses (Qt).

Loaded by name from :mod:`blueprint_app.export.formats` when a picture is asked for, the way
matplotlib loads a backend, so the text exports never load Qt.
"""
