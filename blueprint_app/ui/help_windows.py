"""Help ▸ Quick Guide, Help ▸ Keyboard Shortcuts and View ▸ Legend.

The shortcut list is read from the window's actions when it opens, so it can never drift
from what the keys do; the legend is the exports' own (:mod:`blueprint_app.pictures.decor`),
drawn in a small window, so the canvas and the pictures explain their marks the same way.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGraphicsScene,
    QGraphicsView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from blueprint_app.export.picture_words import picture_words
from blueprint_app.pictures.decor import OPTIONAL_ENTRIES, LegendItem, legend_groups
from blueprint_app.ui import i18n

LEGEND_WIDTH = 720.0


def _dialog(parent: QWidget, name: str, title: str, body: QWidget) -> QDialog:
    """A non-modal window beside the canvas with ``body`` and a Close button."""
    dialog = QDialog(parent)
    dialog.setObjectName(name)
    dialog.setWindowTitle(title)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    layout = QVBoxLayout(dialog)
    layout.addWidget(body, 1)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.close)
    layout.addWidget(buttons)
    return dialog


# -- the legend ----------------------------------------------------------------------------------
def legend_scene(parent: QWidget) -> QGraphicsScene:
    """The exports' legend with every entry (all optional ones and the validation marks), in
    the interface's language."""
    scene = QGraphicsScene(parent)
    words = picture_words(i18n.blueprint_language())
    item = LegendItem(words["legend"], legend_groups(words, True, OPTIONAL_ENTRIES), LEGEND_WIDTH)
    scene.addItem(item)
    scene.setSceneRect(item.boundingRect().adjusted(-12, -12, 12, 12))
    scene.setBackgroundBrush(Qt.GlobalColor.white)
    return scene


def show_legend(parent: QWidget) -> QDialog:
    view = QGraphicsView()
    view.setScene(legend_scene(view))
    view.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    rect = view.sceneRect()
    view.setMinimumSize(int(rect.width()) + 8, int(rect.height()) + 8)
    title = QCoreApplication.translate("Help", "Legend")
    dialog = _dialog(parent, "LegendDialog", title, view)
    dialog.show()
    return dialog


# -- the shortcuts -------------------------------------------------------------------------------
def show_shortcuts(parent: QWidget, rows: list[tuple[str, str]]) -> QDialog:
    """The window's shortcuts, (what the command does, its keys) per row."""
    table = QTableWidget(len(rows), 2)
    table.setObjectName("ShortcutTable")
    table.setHorizontalHeaderLabels(
        [
            QCoreApplication.translate("Help", "Command"),
            QCoreApplication.translate("Help", "Keys"),
        ]
    )
    for row, (name, keys) in enumerate(rows):
        table.setItem(row, 0, QTableWidgetItem(name))
        table.setItem(row, 1, QTableWidgetItem(keys))
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
    table.setMinimumSize(460, 520)
    title = QCoreApplication.translate("Help", "Keyboard Shortcuts")
    dialog = _dialog(parent, "ShortcutsDialog", title, table)
    dialog.show()
    return dialog


# -- the guide -----------------------------------------------------------------------------------
def guide_html() -> str:
    return QCoreApplication.translate(
        "Help",
        "<h2>Blueprint Studio in two minutes</h2>"
        "<p>A service blueprint shows one service from the customer's side: <b>lanes</b> from "
        "physical evidence at the top to support processes at the bottom, <b>phases</b> from "
        "left to right, and <b>steps</b> (cards) joined by <b>arrows</b>.</p>"
        "<h3>Draw</h3><ul>"
        "<li><b>Add a step</b>: double-click empty space in a lane, or drag a kind from the "
        "Steps palette. The phase under the mouse gets it and widens if needed.</li>"
        "<li><b>Rename</b>: double-click the card or press F2; Enter keeps, Esc cancels.</li>"
        "<li><b>Connect</b>: drag from a card's blue handle (right edge) to another card.</li>"
        "<li><b>Move</b>: drag cards; a card never lands on another.</li>"
        "<li><b>Delete</b>: select and press Delete. Every edit can be undone (Ctrl+Z).</li>"
        "</ul><h3>Read</h3><ul>"
        "<li>Hover a badge or mark on a card to learn what it means; View ▸ Legend shows "
        "them all, as the exports do.</li>"
        "<li>The Properties dock edits the selection: the step's fields, its standards, fail "
        "point, moment of truth and the customer's emotion.</li>"
        "<li>View ▸ Problems lists what the checks found; double-click one to go there.</li>"
        "</ul><h3>Move around</h3><ul>"
        "<li>Ctrl+wheel or +/- zooms, Ctrl+0 fits the blueprint, the middle button or "
        "Space+drag pans, Ctrl+F finds a step.</li>"
        "<li>View ▸ Reset Layout puts the docks back where they started.</li>"
        "</ul><p>Help ▸ Keyboard Shortcuts lists every key.</p>",
    ) + QCoreApplication.translate(
        "Help",
        "<h3>Keyboard, overview, workshops</h3><ul>"
        "<li>Arrow keys select the neighbouring card, Alt+arrows move it, Tab follows the "
        "arrows, Insert adds a connected step after it, Ctrl+K then arrows and Enter connects "
        "it.</li>"
        "<li>Arrange ▸ Align lines the selected cards up; View ▸ Overview shows the whole "
        "blueprint, click it to go there.</li>"
        "<li>View ▸ Presentation (F5) shows one phase at a time, full screen; Esc ends it.</li>"
        "</ul>",
    )


def show_guide(parent: QWidget) -> QDialog:
    browser = QTextBrowser()
    browser.setObjectName("QuickGuide")
    browser.setHtml(guide_html())
    browser.setMinimumSize(560, 560)
    title = QCoreApplication.translate("Help", "Quick Guide")
    dialog = _dialog(parent, "GuideDialog", title, browser)
    dialog.show()
    return dialog
