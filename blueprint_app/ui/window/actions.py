"""The window's menus and actions, with the platform's standard shortcuts.

Actions are created here and connected to the window's commands, so the window class keeps the
behaviour and this module keeps the wiring (and every user-visible menu string) in one place.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QStyle

from blueprint_app.ui import about, help_windows, preferences
from blueprint_app.ui.export import export_dialog, picture_clipboard
from blueprint_app.ui.files import import_file, template_dialog

if TYPE_CHECKING:
    from blueprint_app.ui.window.main_window import MainWindow

Key = QKeySequence.StandardKey


def strip_mnemonic(text: str) -> str:
    """A menu text for a toolbar button: no "&", no Chinese-style "(&F)", no "…"."""
    return (
        re.sub(r"\(&\w\)", "", text)
        .replace("&&", "\0")
        .replace("&", "")
        .replace("\0", "&")
        .replace("…", "")
        .strip()
    )


def _typeable(sequence: QKeySequence) -> bool:
    """A key sequence a keyboard has: not X11's extra bindings to F13-F35 or to media and
    office keys (Open, Save, Undo keys), which would crowd the shortcut list."""
    if sequence.isEmpty():
        return False
    first: Any = sequence  # PySide's stubs miss QKeySequence[index]
    key: Qt.Key = first[0].key()
    return bool(key.value <= Qt.Key.Key_F12.value)


class WindowActions:
    """Every action of one window, by name (``actions["save"]``)."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.by_name: dict[str, QAction] = {}
        self._taken: set[QKeySequence] = set()
        self.recent_menu = QMenu(QCoreApplication.translate("Actions", "Open &Recent"), window)
        self._build()

    def __getitem__(self, name: str) -> QAction:
        return self.by_name[name]

    def shortcut_rows(self) -> list[tuple[str, str]]:
        """(the command as its menu names it, its keys) for every action with keys, read from
        the actions themselves so Help ▸ Keyboard Shortcuts never drifts from them."""
        rows = []
        for action in self.by_name.values():
            keys = [key for key in action.shortcuts() if _typeable(key)]
            if keys:
                native = QKeySequence.SequenceFormat.NativeText
                shown = ", ".join(key.toString(native) for key in keys)
                rows.append((strip_mnemonic(action.text()), shown))
        return rows

    def _add(
        self,
        name: str,
        text: str,
        slot: Callable[[], object],
        shortcut: Key | str | list[Key | str] | None = None,
        tip: str = "",
    ) -> QAction:
        action = QAction(text, self.window)
        action.setObjectName(f"action_{name}")
        if shortcut is not None:
            keys = shortcut if isinstance(shortcut, list) else [shortcut]
            sequences: list[QKeySequence] = []
            for key in keys:
                for sequence in (
                    QKeySequence.keyBindings(key) if isinstance(key, Key) else [QKeySequence(key)]
                ):
                    # a platform's binding may equal the fallback, or be another action's keys
                    # (X11's Delete includes Ctrl+D, Duplicate's): no key is ever ambiguous
                    if sequence not in sequences and sequence not in self._taken:
                        sequences.append(sequence)
            self._taken.update(sequences)
            action.setShortcuts(sequences)
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        self.window.addAction(action)
        self.by_name[name] = action
        return action

    def _build(self) -> None:
        w = self.window
        self._add(
            "new",
            QCoreApplication.translate("Actions", "&New"),
            w.new_window,
            Key.New,
            QCoreApplication.translate("Actions", "Start a new blueprint"),
        )
        self._add(
            "open",
            QCoreApplication.translate("Actions", "&Open…"),
            w.open_file,
            Key.Open,
            QCoreApplication.translate("Actions", "Open a blueprint file"),
        )
        self._add(
            "new_from_template",
            QCoreApplication.translate("Actions", "New from &Template…"),
            lambda: template_dialog.new_from_template(w),
            None,
            QCoreApplication.translate(
                "Actions", "Start from a ready-made blueprint in English or Chinese"
            ),
        )
        self._add(
            "preferences",
            QCoreApplication.translate("Actions", "&Preferences…"),
            lambda: preferences.edit_preferences(w),
            [Key.Preferences, "Ctrl+,"],
            QCoreApplication.translate("Actions", "Interface language and autosave"),
        ).setMenuRole(QAction.MenuRole.PreferencesRole)
        self._add(
            "about",
            QCoreApplication.translate("Actions", "&About Blueprint Studio"),
            lambda: about.show_about(w),
            None,
            QCoreApplication.translate("Actions", "The version and what it runs on"),
        ).setMenuRole(QAction.MenuRole.AboutRole)
        self._add("save", QCoreApplication.translate("Actions", "&Save"), w.save, Key.Save)
        self._add(
            "save_as", QCoreApplication.translate("Actions", "Save &As…"), w.save_as, Key.SaveAs
        )
        self._add(
            "export",
            QCoreApplication.translate("Actions", "&Export…"),
            lambda: export_dialog.show_export(w),
            "Ctrl+E",
            QCoreApplication.translate(
                "Actions", "Save a picture, a process specification, BPMN or Mermaid"
            ),
        )
        self._add(
            "import",
            QCoreApplication.translate("Actions", "&Import…"),
            lambda: import_file.import_any(w),
            None,
            QCoreApplication.translate(
                "Actions",
                "Open a CSV or Excel sheet (one step per row, or a layered grid) or a BPMN 2.0 "
                "diagram (Camunda, bpmn.io, Signavio…) as a new blueprint",
            ),
        )
        self._add(
            "compare_saved",
            QCoreApplication.translate("Actions", "&Saved Version"),
            w.compare_with_saved,
            None,
            QCoreApplication.translate("Actions", "What changed since the file was last saved"),
        )
        self._add(
            "compare_file",
            QCoreApplication.translate("Actions", "Another &File…"),
            w.compare_with_file,
            None,
            QCoreApplication.translate("Actions", "What changed against another blueprint file"),
        )
        self._add(
            "stop_comparing",
            QCoreApplication.translate("Actions", "S&top Comparing"),
            w.stop_comparing,
        )
        self._add("close", QCoreApplication.translate("Actions", "&Close"), w.close, Key.Close)
        self._add(
            "quit", QCoreApplication.translate("Actions", "&Quit"), w.quit_application, Key.Quit
        )
        self._add("undo", QCoreApplication.translate("Actions", "&Undo"), w.undo, Key.Undo)
        self._add("redo", QCoreApplication.translate("Actions", "&Redo"), w.redo, Key.Redo)
        self._add("cut", QCoreApplication.translate("Actions", "Cu&t"), w.edits.cut, Key.Cut)
        self._add("copy", QCoreApplication.translate("Actions", "&Copy"), w.edits.copy, Key.Copy)
        self._add(
            "paste", QCoreApplication.translate("Actions", "&Paste"), w.edits.paste, Key.Paste
        )
        self._add(
            "copy_image",
            QCoreApplication.translate("Actions", "Copy as &Image"),
            lambda: picture_clipboard.copy_as_image(w),
            "Ctrl+Shift+C",
            QCoreApplication.translate(
                "Actions", "The selected steps, or the whole blueprint, as a picture"
            ),
        )
        self._add(
            "duplicate",
            QCoreApplication.translate("Actions", "D&uplicate"),
            w.edits.duplicate,
            "Ctrl+D",
        )
        self._add(
            "delete", QCoreApplication.translate("Actions", "&Delete"), w.edits.delete, Key.Delete
        )
        self._add(
            "select_all",
            QCoreApplication.translate("Actions", "Select &All"),
            w.edits.select_all,
            Key.SelectAll,
        )
        self._add(
            "find", QCoreApplication.translate("Actions", "&Find Step…"), w.show_find, Key.Find
        )
        self._add(
            "rename",
            QCoreApplication.translate("Actions", "Re&name Step"),
            w.rename_selected,
            "F2",
            QCoreApplication.translate("Actions", "Type a new title on the selected card"),
        )
        self._add(
            "insert_step",
            QCoreApplication.translate("Actions", "&Insert Step After"),
            w.insert_step_after,
            "Ins",
            QCoreApplication.translate(
                "Actions", "A new step after the selected one, in its lane, connected to it"
            ),
        )
        self._add(
            "connect",
            QCoreApplication.translate("Actions", "Co&nnect to…"),
            w.connect_by_keys,
            "Ctrl+K",
            QCoreApplication.translate(
                "Actions", "Choose the step to connect to with the arrow keys, then Enter"
            ),
        )
        self._add(
            "add_note",
            QCoreApplication.translate("Actions", "Add Sticky &Note"),
            w.edits.add_note,
            "Ctrl+Shift+N",
            QCoreApplication.translate(
                "Actions", "A note beside the selected step, or in the middle of the view"
            ),
        )
        self._add(
            "zoom_in",
            QCoreApplication.translate("Actions", "Zoom &In"),
            w.zoom_in,
            [Key.ZoomIn, "Ctrl+="],
        )
        self._add(
            "zoom_out", QCoreApplication.translate("Actions", "Zoom &Out"), w.zoom_out, Key.ZoomOut
        )
        self._add(
            "fit", QCoreApplication.translate("Actions", "&Fit to Window"), w.fit_all, "Ctrl+0"
        )
        self._add(
            "arrange",
            QCoreApplication.translate("Actions", "&Arrange"),
            w.arrange,
            "Ctrl+Shift+L",
            QCoreApplication.translate("Actions", "Lay the blueprint out automatically"),
        )
        self._add(
            "legend",
            QCoreApplication.translate("Actions", "&Legend"),
            lambda: help_windows.show_legend(w),
            None,
            QCoreApplication.translate("Actions", "What the lines, shapes, arrows and badges mean"),
        )
        self._add(
            "presentation",
            QCoreApplication.translate("Actions", "&Presentation"),
            w.toggle_presentation,
            "F5",
            QCoreApplication.translate(
                "Actions", "Full screen, phase by phase with the arrow keys; Esc ends it"
            ),
        )
        self._add(
            "reset_layout",
            QCoreApplication.translate("Actions", "&Reset Layout"),
            w.reset_layout,
            None,
            QCoreApplication.translate("Actions", "Put the window and its docks back as at first"),
        )
        self._add(
            "quick_guide",
            QCoreApplication.translate("Actions", "&Quick Guide"),
            lambda: help_windows.show_guide(w),
            Key.HelpContents,
            QCoreApplication.translate("Actions", "How to draw, read and move around a blueprint"),
        )
        self._add(
            "shortcuts",
            QCoreApplication.translate("Actions", "&Keyboard Shortcuts"),
            lambda: help_windows.show_shortcuts(w, self.shortcut_rows()),
            "Ctrl+/",
            QCoreApplication.translate("Actions", "Every command's keys"),
        )
        for how, text, keys in (
            ("left", QCoreApplication.translate("Actions", "Align &Left"), "Ctrl+Alt+Shift+L"),
            ("centre", QCoreApplication.translate("Actions", "Align &Centre"), "Ctrl+Alt+Shift+C"),
            ("right", QCoreApplication.translate("Actions", "Align &Right"), "Ctrl+Alt+Shift+R"),
            ("top", QCoreApplication.translate("Actions", "Align &Top"), "Ctrl+Alt+Shift+T"),
            ("bottom", QCoreApplication.translate("Actions", "Align &Bottom"), "Ctrl+Alt+Shift+B"),
            (
                "distribute",
                QCoreApplication.translate("Actions", "&Distribute Horizontally"),
                "Ctrl+Alt+Shift+H",
            ),
        ):
            self._add(f"align_{how}", text, partial(w.align_selection, how), keys)
        self._build_menus()
        self._build_toolbar()

    def _build_toolbar(self) -> None:
        """The most used actions one click away, with the platform's standard icons."""
        icons = {
            "new": QStyle.StandardPixmap.SP_FileIcon,
            "open": QStyle.StandardPixmap.SP_DialogOpenButton,
            "save": QStyle.StandardPixmap.SP_DialogSaveButton,
            "undo": QStyle.StandardPixmap.SP_ArrowBack,
            "redo": QStyle.StandardPixmap.SP_ArrowForward,
        }
        style = self.window.style()
        for name, pixmap in icons.items():
            self[name].setIcon(style.standardIcon(pixmap))
        for name, short in (
            ("undo", QCoreApplication.translate("Actions", "Undo")),
            ("redo", QCoreApplication.translate("Actions", "Redo")),
            ("find", QCoreApplication.translate("Actions", "Find")),
            ("fit", QCoreApplication.translate("Actions", "Fit")),
        ):
            self[name].setIconText(short)  # the menu text carries the edit's name; too long here
        for name in ("new", "open", "save", "arrange", "zoom_in", "zoom_out"):
            self[name].setIconText(strip_mnemonic(self[name].text()))  # Qt keeps "(A)" of "(&A)"
        bar = self.window.addToolBar(QCoreApplication.translate("Actions", "Main"))
        bar.setObjectName("MainToolBar")
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for entry in (
            "new",
            "open",
            "save",
            None,
            "undo",
            "redo",
            None,
            "arrange",
            "zoom_out",
            "zoom_in",
            "fit",
            None,
            "find",
        ):
            if entry is None:
                bar.addSeparator()
            else:
                bar.addAction(self[entry])

    def _build_menus(self) -> None:
        bar = self.window.menuBar()
        file_menu = bar.addMenu(QCoreApplication.translate("Actions", "&File"))
        for name in ("new", "new_from_template", "open"):
            file_menu.addAction(self[name])
        file_menu.addMenu(self.recent_menu)
        self.recent_menu.aboutToShow.connect(self.window.fill_recent_menu)
        file_menu.addSeparator()
        for name in ("save", "save_as"):
            file_menu.addAction(self[name])
        file_menu.addSeparator()
        file_menu.addAction(self["import"])
        file_menu.addAction(self["export"])
        compare_menu = file_menu.addMenu(QCoreApplication.translate("Actions", "Co&mpare With"))
        compare_menu.setObjectName("menu_compare")
        for name in ("compare_saved", "compare_file", "stop_comparing"):
            compare_menu.addAction(self[name])
        file_menu.addSeparator()
        file_menu.addAction(self["close"])
        file_menu.addSeparator()
        file_menu.addAction(self["quit"])
        edit_menu = bar.addMenu(QCoreApplication.translate("Actions", "&Edit"))
        for entry in (
            "undo",
            "redo",
            None,
            "cut",
            "copy",
            "copy_image",
            "paste",
            "duplicate",
            "delete",
            None,
            "rename",
            "insert_step",
            "connect",
            "add_note",
            None,
            "select_all",
            "find",
            None,
            "preferences",
        ):
            if entry is None:
                edit_menu.addSeparator()
            else:
                edit_menu.addAction(self[entry])
        view_menu = bar.addMenu(QCoreApplication.translate("Actions", "&View"))
        for name in ("zoom_in", "zoom_out", "fit"):
            view_menu.addAction(self[name])
        view_menu.addSeparator()
        view_menu.addAction(self["presentation"])
        view_menu.addAction(self["legend"])
        view_menu.addAction(self["reset_layout"])
        self.view_menu = view_menu
        view_menu.addSeparator()
        arrange_menu = bar.addMenu(QCoreApplication.translate("Actions", "&Arrange"))
        arrange_menu.addAction(self["arrange"])
        arrange_menu.addSeparator()
        for how in ("left", "centre", "right", "top", "bottom", "distribute"):
            arrange_menu.addAction(self[f"align_{how}"])
        help_menu = bar.addMenu(QCoreApplication.translate("Actions", "&Help"))
        help_menu.addAction(self["quick_guide"])
        help_menu.addAction(self["shortcuts"])
        help_menu.addSeparator()
        help_menu.addAction(self["about"])
