"""The Qt shell around the core: main window, actions, docks and dialogs."""

from blueprint_app.ui.pyside_guard import guard_none_refcount

guard_none_refcount()
