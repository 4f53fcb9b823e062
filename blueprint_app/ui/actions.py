"""The window's menus and actions, with the platform's standard shortcuts.

Actions are created here and connected to the window's commands, so the window class keeps the
behaviour and this module keeps the wiring (and every user-visible menu string) in one place.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QStyle

if TYPE_CHECKING:
    from blueprint_app.ui.main_window import MainWindow

Key = QKeySequence.StandardKey


def tr(text: str) -> str:
    return QCoreApplication.translate("Actions", text)


class WindowActions:
    """Every action of one window, by name (``actions["save"]``)."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.by_name: dict[str, QAction] = {}
        self.recent_menu = QMenu(tr("Open &Recent"), window)
        self._build()

    def __getitem__(self, name: str) -> QAction:
        return self.by_name[name]

    def _add(self, name: str, text: str, slot: Callable[[], object],
             shortcut: Key | str | list[Key | str] | None = None, tip: str = "") -> QAction:
        action = QAction(text, self.window)
        action.setObjectName(f"action_{name}")
        if shortcut is not None:
            keys = shortcut if isinstance(shortcut, list) else [shortcut]
            sequences: list[QKeySequence] = []
            for key in keys:
                sequences += (QKeySequence.keyBindings(key) if isinstance(key, Key)
                              else [QKeySequence(key)])
            action.setShortcuts(sequences)
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        self.window.addAction(action)
        self.by_name[name] = action
        return action

    def _build(self) -> None:
        w = self.window
        self._add("new", tr("&New"), w.new_window, Key.New, tr("Start a new blueprint"))
        self._add("open", tr("&Open…"), w.open_file, Key.Open, tr("Open a blueprint file"))
        self._add("save", tr("&Save"), w.save, Key.Save)
        self._add("save_as", tr("Save &As…"), w.save_as, Key.SaveAs)
        self._add("close", tr("&Close"), w.close, Key.Close)
        self._add("quit", tr("&Quit"), w.quit_application, Key.Quit)
        self._add("undo", tr("&Undo"), w.undo, Key.Undo)
        self._add("redo", tr("&Redo"), w.redo, Key.Redo)
        self._add("cut", tr("Cu&t"), w.edits.cut, Key.Cut)
        self._add("copy", tr("&Copy"), w.edits.copy, Key.Copy)
        self._add("paste", tr("&Paste"), w.edits.paste, Key.Paste)
        self._add("duplicate", tr("D&uplicate"), w.edits.duplicate, "Ctrl+D")
        self._add("delete", tr("&Delete"), w.edits.delete, Key.Delete)
        self._add("select_all", tr("Select &All"), w.edits.select_all, Key.SelectAll)
        self._add("find", tr("&Find Step…"), w.show_find, Key.Find)
        self._add("zoom_in", tr("Zoom &In"), w.zoom_in, [Key.ZoomIn, "Ctrl+="])
        self._add("zoom_out", tr("Zoom &Out"), w.zoom_out, Key.ZoomOut)
        self._add("fit", tr("&Fit to Window"), w.fit_all, "Ctrl+0")
        self._add("arrange", tr("&Arrange"), w.arrange, "Ctrl+Shift+L",
                  tr("Lay the blueprint out automatically"))
        self._build_menus()
        self._build_toolbar()

    def _build_toolbar(self) -> None:
        """The most used actions one click away, with the platform's standard icons."""
        icons = {"new": QStyle.StandardPixmap.SP_FileIcon,
                 "open": QStyle.StandardPixmap.SP_DialogOpenButton,
                 "save": QStyle.StandardPixmap.SP_DialogSaveButton,
                 "undo": QStyle.StandardPixmap.SP_ArrowBack,
                 "redo": QStyle.StandardPixmap.SP_ArrowForward}
        style = self.window.style()
        for name, pixmap in icons.items():
            self[name].setIcon(style.standardIcon(pixmap))
        for name, short in (("undo", tr("Undo")), ("redo", tr("Redo")), ("find", tr("Find")),
                            ("fit", tr("Fit"))):
            self[name].setIconText(short)  # the menu text carries the edit's name; too long here
        bar = self.window.addToolBar(tr("Main"))
        bar.setObjectName("MainToolBar")
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for entry in ("new", "open", "save", None, "undo", "redo", None, "arrange", "zoom_out",
                      "zoom_in", "fit", None, "find"):
            if entry is None:
                bar.addSeparator()
            else:
                bar.addAction(self[entry])
        self.toolbar = bar

    def _build_menus(self) -> None:
        bar = self.window.menuBar()
        file_menu = bar.addMenu(tr("&File"))
        for name in ("new", "open"):
            file_menu.addAction(self[name])
        file_menu.addMenu(self.recent_menu)
        self.recent_menu.aboutToShow.connect(self.window.fill_recent_menu)
        file_menu.addSeparator()
        for name in ("save", "save_as", "close"):
            file_menu.addAction(self[name])
        file_menu.addSeparator()
        file_menu.addAction(self["quit"])
        edit_menu = bar.addMenu(tr("&Edit"))
        for entry in ("undo", "redo", None, "cut", "copy", "paste", "duplicate", "delete", None,
                      "select_all", "find"):
            if entry is None:
                edit_menu.addSeparator()
            else:
                edit_menu.addAction(self[entry])
        view_menu = bar.addMenu(tr("&View"))
        for name in ("zoom_in", "zoom_out", "fit"):
            view_menu.addAction(self[name])
        self.view_menu = view_menu
        view_menu.addSeparator()
        arrange_menu = bar.addMenu(tr("&Arrange"))
        arrange_menu.addAction(self["arrange"])
