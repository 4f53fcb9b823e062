"""Following the system's light or dark colour scheme.

Fusion draws consistently on every platform and takes its colours from the palette, so we hand it
the platform palette in light mode and a matching dark palette when the system is dark.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication


def is_dark() -> bool:
    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


def dark_palette() -> QPalette:
    palette = QPalette()
    role = QPalette.ColorRole
    colours = {
        role.Window: "#2b2d30", role.WindowText: "#e6e6e6", role.Base: "#1f2023",
        role.AlternateBase: "#2b2d30", role.ToolTipBase: "#3c3f41", role.ToolTipText: "#e6e6e6",
        role.Text: "#e6e6e6", role.Button: "#35373b", role.ButtonText: "#e6e6e6",
        role.BrightText: "#ff6b6b", role.Highlight: "#3d6fb4", role.HighlightedText: "#ffffff",
        role.Link: "#6ea8ff", role.PlaceholderText: "#8a8a8a", role.Mid: "#44474c",
    }
    for key, value in colours.items():
        palette.setColor(key, QColor(value))
    disabled = QPalette.ColorGroup.Disabled
    for key in (role.Text, role.WindowText, role.ButtonText):
        palette.setColor(disabled, key, QColor("#7a7a7a"))
    return palette


def apply_palette(app: QApplication) -> None:
    style = app.style()
    app.setPalette(dark_palette() if is_dark() else style.standardPalette())


def follow_system_palette(app: QApplication) -> None:
    """Use Fusion with the system's scheme now and whenever the user switches it."""
    app.setStyle("Fusion")
    apply_palette(app)
    QGuiApplication.styleHints().colorSchemeChanged.connect(lambda _scheme: apply_palette(app))
