"""Painting a blueprint with Qt: shared by the interactive canvas and the image exports."""

from blueprint_app.ui.pyside_guard import guard_none_refcount

guard_none_refcount()  # PySide6 6.12 on Python 3.11 leaks None references; see the module
