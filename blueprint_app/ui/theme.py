"""Following the system's light or dark colour scheme.

Fusion draws consistently on every platform and takes its colours from the palette, so we hand it
the platform palette in light mode and a matching dark palette when the system is dark.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPainter, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QApplication

from blueprint_app.ui.export.export_job import jobs_running


def is_dark() -> bool:
    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


def dark_palette() -> QPalette:
    palette = QPalette()
    role = QPalette.ColorRole
    colours = {
        role.Window: "#2b2d30",
        role.WindowText: "#e6e6e6",
        role.Base: "#1f2023",
        role.AlternateBase: "#2b2d30",
        role.ToolTipBase: "#3c3f41",
        role.ToolTipText: "#e6e6e6",
        role.Text: "#e6e6e6",
        role.Button: "#35373b",
        role.ButtonText: "#e6e6e6",
        role.BrightText: "#ff6b6b",
        role.Highlight: "#3d6fb4",
        role.HighlightedText: "#ffffff",
        role.Link: "#6ea8ff",
        role.PlaceholderText: "#8a8a8a",
        role.Mid: "#44474c",
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


def app_icon() -> QIcon:
    """The window icon: five lane bands with a card on the line of interaction."""
    icon = QIcon()
    for size in (16, 32, 64, 128, 256):
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        band = size / 5
        for index, colour in enumerate(("#e9dfc8", "#d6e4f5", "#d7eddf", "#e4dcf0", "#e1e4e8")):
            painter.fillRect(QRectF(0, index * band, size, band + 1), QColor(colour))
        painter.setPen(QPen(QColor("#2f6fb7"), max(1.0, size / 32)))
        painter.drawLine(QPointF(0, 2 * band), QPointF(size, 2 * band))
        painter.setBrush(QColor("#ffffff"))
        painter.setPen(QPen(QColor("#34495e"), max(1.0, size / 24)))
        painter.drawRoundedRect(
            QRectF(size * 0.3, band * 1.3, size * 0.4, band * 1.4), size / 16, size / 16
        )
        painter.end()
        icon.addPixmap(pixmap)
    return icon


def _apply_when_idle(app: QApplication) -> None:
    """A palette change reaches every graphics scene, an export job's too: wait for the jobs."""
    if jobs_running():
        QTimer.singleShot(250, lambda: _apply_when_idle(app))
    else:
        apply_palette(app)


def follow_system_palette(app: QApplication) -> None:
    """Use Fusion with the system's scheme now and whenever the user switches it."""
    app.setStyle("Fusion")
    app.setWindowIcon(app_icon())
    apply_palette(app)
    QGuiApplication.styleHints().colorSchemeChanged.connect(lambda _scheme: _apply_when_idle(app))
