"""The interactive canvas: the scene that follows the document, the view, the mouse gestures."""

from blueprint_app.ui.pyside_guard import guard_none_refcount

guard_none_refcount()  # PySide6 6.12 on Python 3.11 leaks None references; see the module
