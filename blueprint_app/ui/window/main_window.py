"""The main window: one session shown on the canvas, with menus, docks and a status bar.

The window owns file handling (open, save, the unsaved-changes prompt); editing goes through
the session's history so every change is undoable and marks the window modified.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import shiboken6
from PySide6.QtCore import QPoint, QRect, QRectF, Qt
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QMainWindow,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from blueprint_app.analysis.layout import apply_layout, arrangement
from blueprint_app.canvas.scene import BlueprintScene
from blueprint_app.canvas.view import READABLE_ZOOM, BlueprintView
from blueprint_app.editing.align import Align, align
from blueprint_app.editing.file_stamp import changed_on_disk
from blueprint_app.editing.placement import append_step
from blueprint_app.editing.session import Session, with_suffix
from blueprint_app.history import BLUEPRINT, History
from blueprint_app.model import StepKind
from blueprint_app.storage import BlueprintFileError, load
from blueprint_app.ui import dialogs, i18n, settings
from blueprint_app.ui.docks.compare_panel import ComparePanel
from blueprint_app.ui.docks.conflicts_panel import ConflictsPanel
from blueprint_app.ui.docks.history_panel import HistoryPanel
from blueprint_app.ui.docks.minimap import OverviewDock
from blueprint_app.ui.docks.palette import PaletteDock
from blueprint_app.ui.docks.problem_marks import show_marks
from blueprint_app.ui.docks.problems_panel import ProblemsPanel, select_on_canvas
from blueprint_app.ui.docks.property_panel import PropertyPanel
from blueprint_app.ui.docks.session_dock import SessionDock
from blueprint_app.ui.docks.step_table import StepTableDock
from blueprint_app.ui.docks.structure_panel import StructurePanel
from blueprint_app.ui.export import export_job
from blueprint_app.ui.files import recent, safe_save
from blueprint_app.ui.files.autosave import Autosaver
from blueprint_app.ui.window.actions import WindowActions
from blueprint_app.ui.window.canvas_host import PaletteDrop, build_canvas, dropped_file
from blueprint_app.ui.window.context_menu import show_menu
from blueprint_app.ui.window.edit_commands import EditCommands
from blueprint_app.ui.window.find_bar import FindBar
from blueprint_app.ui.window.journey_status import JourneyStatus
from blueprint_app.ui.window.presentation import Presentation
from blueprint_app.ui.window.status import StatusInfo
from blueprint_app.ui.window.windows import registry

APP_TITLE = "Blueprint Studio"
FIRST_RUN_SHARE = 0.85  # of the screen's free area, before any size was saved
MIN_CANVAS = (320, 200)  # the smallest canvas any window or dock layout leaves


class MainWindow(QMainWindow):
    """One document window. ``session`` is replaced as a whole when another file is opened."""

    #: The current session's canvas, made afresh by :meth:`_show_session` (from ``__init__`` on).
    scene: BlueprintScene
    view: BlueprintView

    def __init__(self, session: Session | None = None) -> None:
        super().__init__()
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setAcceptDrops(True)
        self._fit_to_screen()
        self.session: Session = session or Session.new(
            self.tr("Untitled blueprint"), i18n.blueprint_language()
        )
        self._unsubscribe_history: Callable[[], None] | None = None
        self.presentation: Presentation | None = None
        self._handing_over = False
        self.edits = EditCommands(self)
        self.menu_actions = WindowActions(self)
        self.find_bar = FindBar(lambda: self.session, self.go_to_step)
        self._central = QWidget()
        self._central_layout = QVBoxLayout(self._central)
        self._central_layout.setContentsMargins(0, 0, 0, 0)
        self._central_layout.setSpacing(0)
        self._central_layout.addWidget(self.find_bar)
        self.setCentralWidget(self._central)
        self.status = StatusInfo(self.statusBar())
        self._build_docks()
        self.autosaver = Autosaver(self)
        self.autosaver.failed.connect(
            lambda text: self.statusBar().showMessage(
                self.tr("Autosave failed: {reason}").format(reason=text), 10000
            )
        )
        self._restore_layout()
        self._show_session(self.session)
        registry().register(self)

    def _fit_to_screen(self) -> None:
        """The first run's size: most of the screen, centred (a stored geometry replaces it)."""
        screen = self.screen() or QApplication.primaryScreen()
        area = screen.availableGeometry() if screen is not None else QRect(0, 0, 1600, 1000)
        width = max(min(area.width(), 960), round(area.width() * FIRST_RUN_SHARE))
        height = max(min(area.height(), 640), round(area.height() * FIRST_RUN_SHARE))
        self.resize(width, height)
        self.move(area.center() - QPoint(width // 2, height // 2))

    def _restore_layout(self) -> None:
        """Dock positions and window size as the user last left them."""
        geometry, state = settings.WINDOW_GEOMETRY.read(), settings.WINDOW_STATE.read()
        if geometry is not None:
            self.restoreGeometry(geometry)
        if state is not None:
            self.restoreState(state)

    def _save_layout(self) -> None:
        settings.WINDOW_GEOMETRY.write(self.saveGeometry())
        settings.WINDOW_STATE.write(self.saveState())

    def _build_docks(self) -> None:
        self.property_panel = PropertyPanel(self)
        self.structure_panel = StructurePanel(self)
        self.history_panel = HistoryPanel(self)
        self.palette_dock = PaletteDock(self)
        self.overview_dock = OverviewDock(self)
        self.palette_dock.add_requested.connect(self.add_step_of_kind)
        self.palette_dock.armed.connect(self.arm_step_kind)
        self.structure_panel.chosen.connect(self.property_panel.show_item)
        self.structure_panel.problem.connect(lambda text: self.statusBar().showMessage(text, 6000))
        self.problems_panel = ProblemsPanel(self)
        self._central.setMinimumSize(*MIN_CANVAS)  # no dock layout may crush the canvas
        self._place_docks()
        self.problems_panel.attach_status(self.statusBar())
        self.table_dock = StepTableDock(self, self)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.table_dock)
        self.tabifyDockWidget(self.problems_panel, self.table_dock)
        self.table_dock.hide()  # View ▸ Table shows it
        self.journey_status = JourneyStatus(
            self.statusBar(), lambda ids: select_on_canvas(self.scene, self.view, ids)
        )
        self.problems_panel.journey_changed.connect(
            lambda blueprint, journey: self.journey_status.show(
                blueprint, journey, i18n.blueprint_language()
            )
        )
        self.problems_panel.activated.connect(
            lambda ids: select_on_canvas(self.scene, self.view, ids)
        )
        self.problems_panel.badges_changed.connect(
            lambda worst: show_marks(self.scene, worst, self.problems_panel.findings)
        )
        self._build_version_docks()
        for dock in [*self._docks(), *self._docks_shown_when_wanted()]:
            self.menu_actions.view_menu.addAction(dock.toggleViewAction())

    def _docks(self) -> list[QDockWidget]:
        """The docks a first run shows."""
        return [
            self.palette_dock,
            self.overview_dock,
            self.property_panel,
            self.structure_panel,
            self.history_panel,
            self.problems_panel,
        ]

    def _place_docks(self) -> None:
        """The docks as a first run shows them: the palette left, the properties over the
        lanes-and-phases and history tabs right (the properties taller), problems below."""
        right = Qt.DockWidgetArea.RightDockWidgetArea
        # the right column runs the window's full height (problems sit under the canvas only),
        # so the properties and the lists get the room
        self.setCorner(Qt.Corner.BottomRightCorner, right)
        for dock in self._docks():
            dock.setFloating(False)
            dock.show()
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.palette_dock)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.overview_dock)
        self.addDockWidget(right, self.property_panel)
        self.addDockWidget(right, self.structure_panel)
        self.tabifyDockWidget(self.structure_panel, self.history_panel)
        self.structure_panel.raise_()
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.problems_panel)
        self.resizeDocks(
            [self.palette_dock, self.property_panel], [150, 340], Qt.Orientation.Horizontal
        )
        self.resizeDocks(
            [self.property_panel, self.structure_panel], [640, 330], Qt.Orientation.Vertical
        )
        self.resizeDocks([self.problems_panel], [120], Qt.Orientation.Vertical)
        self.resizeDocks(
            [self.palette_dock, self.overview_dock], [200, 220], Qt.Orientation.Vertical
        )

    def reset_layout(self) -> None:
        """View ▸ Reset Layout: the window and its docks as on a first run, toolbar shown, and
        nothing of the old layout kept for the next run."""
        for bar in self.findChildren(QToolBar):
            bar.show()
        self._fit_to_screen()
        self._place_docks()
        bottom = Qt.DockWidgetArea.BottomDockWidgetArea
        for dock in self._docks_shown_when_wanted():  # back beside the problems, hidden
            dock.setFloating(False)
            self.addDockWidget(bottom, dock)
            dock.hide()
        self.tabifyDockWidget(self.problems_panel, self.table_dock)
        settings.WINDOW_GEOMETRY.clear()
        settings.WINDOW_STATE.clear()

    def _docks_shown_when_wanted(self) -> list[QDockWidget]:
        """The docks hidden until asked for: the table (View ▸ Table), the changes of File ▸
        Compare With, the conflicts of a merge."""
        return [self.table_dock, self.compare_panel, self.conflicts_panel]

    def _build_version_docks(self) -> None:
        """Changes (File ▸ Compare With) and Conflicts (after a merge), beside the problems;
        hidden until there is something to show."""
        bottom = Qt.DockWidgetArea.BottomDockWidgetArea
        self.compare_panel = ComparePanel(lambda: getattr(self, "scene", None), self)
        self.conflicts_panel = ConflictsPanel(self)
        for dock in (self.compare_panel, self.conflicts_panel):
            self.addDockWidget(bottom, dock)
            dock.hide()  # tabbed beside the problems when first wanted (a hidden tab stays)
            dock.activated.connect(lambda ids: select_on_canvas(self.scene, self.view, ids))
            dock.wanted.connect(lambda d=dock: self._show_beside_problems(d))
        self.conflicts_panel.failed.connect(lambda text: self.statusBar().showMessage(text, 8000))

    def _show_beside_problems(self, dock: SessionDock) -> None:
        """Bring up a panel that has something to show, as a tab beside the problems the
        first time (unless the user moved it elsewhere)."""
        beside = self.problems_panel
        same_area = self.dockWidgetArea(beside) == self.dockWidgetArea(dock)
        if dock.isHidden() and same_area and dock not in self.tabifiedDockWidgets(beside):
            self.tabifyDockWidget(beside, dock)
        dock.show()
        dock.raise_()

    def _session_docks(self) -> tuple[SessionDock, ...]:
        """The panels that follow this window's session."""
        return (
            self.property_panel,
            self.structure_panel,
            self.history_panel,
            self.problems_panel,
            self.compare_panel,
            self.conflicts_panel,
            self.table_dock,
        )

    # -- session -------------------------------------------------------------------------------
    def _show_session(self, session: Session) -> None:
        """Put ``session`` on screen: a fresh scene and view, panels pointed at it."""
        self._release_session()
        self.session = session
        old_view: BlueprintView | None = getattr(self, "view", None)
        self.scene, self.view = build_canvas(session, self.open_path)
        self._central_layout.addWidget(self.view, 1)
        self.view.show()
        if old_view is not None:  # out of the layout now; deleted once back in the event loop
            self._central_layout.removeWidget(old_view)
            old_view.hide()
            old_view.deleteLater()
        self.scene.selectionChanged.connect(self._selection_changed)
        self.scene.structure_picked.connect(self.pick_structure)
        self.scene.told.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(lambda pos: show_menu(self, pos))
        self.status.watch(self.view)
        self.overview_dock.follow(self.view)
        for dock in self._session_docks():
            dock.set_session(session)
        self.autosaver.follow(session)
        history = session.history
        self._unsubscribe_history = history.subscribe(lambda: self._history_changed(history))
        self._history_changed(history)
        self._selection_changed()
        if not session.blueprint.steps:
            self.statusBar().showMessage(
                self.tr(
                    "Double-click in a lane to add a step, or drag one from the Steps palette; "
                    "drag from a card's handle to connect it"
                )
            )
        else:
            self.statusBar().clearMessage()

    def open_session(self, session: Session) -> None:
        """Show a session made elsewhere (a recovered document) in this window."""
        self._show_session(session)

    def _selection_changed(self) -> None:
        if not shiboken6.isValid(self.scene):
            return  # the scene is being destroyed with the window
        ids = self.edits.selected_ids()
        self.property_panel.show_selection(ids)
        self.status.show_selection(self.session.document, ids)

    def pick_structure(self, item_id: str) -> None:
        """A lane or phase clicked on the canvas: picked in its list, shown in the properties
        (the background, ``""``: the blueprint's own properties)."""
        if not item_id:
            if not self.edits.selected_ids():
                self.property_panel.show_item(BLUEPRINT)
            return
        lanes = {lane.id for lane in self.session.blueprint.lanes}
        part = self.structure_panel.lanes if item_id in lanes else self.structure_panel.phases
        part.select(item_id)
        self.structure_panel.raise_()
        self.property_panel.show_item(item_id)

    def _release_session(self) -> None:
        """Stop listening to the scene being replaced (it announces selection changes while it
        is torn down) and let it stop following its document."""
        scene: BlueprintScene | None = getattr(self, "scene", None)
        if scene is not None and shiboken6.isValid(scene):
            scene.selectionChanged.disconnect(self._selection_changed)
            scene.detach()
        if self._unsubscribe_history is not None:
            self._unsubscribe_history()
            self._unsubscribe_history = None

    def hand_over(self) -> MainWindow:
        """Move this window's session (document, undo history, file, recovery copy) to a new
        window in the same place and close this one without a question: how a new interface
        language reaches the windows already open, every text built afresh."""
        geometry, state = self.saveGeometry(), self.saveState()
        successor = MainWindow(self.session)
        successor.restoreGeometry(geometry)
        successor.restoreState(state)
        successor.view.keep_view()
        successor.view.setTransform(self.view.transform())
        successor.view.centerOn(self.view.mapToScene(self.view.viewport().rect().center()))
        successor.scene.select_ids(self.edits.selected_ids())
        self._handing_over = True
        for dock in self._session_docks():
            dock.release()
        self.autosaver.release()
        successor.show()
        self.close()
        return successor

    def _history_changed(self, history: History) -> None:
        if history is not self.session.history:
            return  # a replaced session's history
        self.update_title()
        if shiboken6.isValid(self.scene):  # a rename shows in "Selected: …" at once
            self.status.show_selection(self.session.document, self.edits.selected_ids())
        undo, redo = self.menu_actions["undo"], self.menu_actions["redo"]
        undo.setEnabled(history.can_undo)
        redo.setEnabled(history.can_redo)
        undo.setText(
            self.tr("&Undo {label}").format(label=history.undo_label).strip()
            if history.can_undo
            else self.tr("&Undo")
        )
        redo.setText(
            self.tr("&Redo {label}").format(label=history.redo_label).strip()
            if history.can_redo
            else self.tr("&Redo")
        )

    def update_title(self) -> None:
        self.setWindowTitle(f"{self.session.display_name}[*] — {APP_TITLE}")
        self.setWindowModified(self.session.dirty)
        self.setWindowFilePath(str(self.session.path) if self.session.path else "")

    # -- files ---------------------------------------------------------------------------------
    def new_window(self) -> MainWindow:
        window = MainWindow()
        window.show()
        return window

    def open_file(self) -> bool:
        folder = str(self.session.path.parent) if self.session.path else ""
        path = dialogs.ask_open_path(self, folder)
        return self.open_path(path) if path is not None else False

    def open_path(self, path: Path) -> bool:
        """Open ``path`` in this window; a file that cannot be read leaves everything as it was."""
        path = Path(path).absolute()
        for window in registry().windows():
            if window is not self and window.session.path == path:
                window.raise_()
                window.activateWindow()
                return True
        try:
            session = Session.open(path)
        except BlueprintFileError as error:
            if not path.exists():
                recent.forget(path)  # a file moved or deleted since: drop it from Open Recent
            dialogs.show_error(self, self.tr("Cannot open the blueprint"), str(error))
            return False
        if not self.maybe_save():
            return False
        self._show_session(session)
        recent.remember(path)
        return True

    def compare_with_saved(self) -> bool:
        """Show what the open document changes against its file as last saved."""
        if self.session.path is None:
            self.statusBar().showMessage(self.tr("The blueprint has not been saved yet"), 6000)
            return False
        return self.compare_with_path(self.session.path, self.tr("the saved version"))

    def compare_with_file(self) -> bool:
        folder = str(self.session.path.parent) if self.session.path else ""
        path = dialogs.ask_open_path(self, folder)
        return self.compare_with_path(path, path.name) if path is not None else False

    def compare_with_path(self, path: Path, name: str) -> bool:
        """Compare the open document with the blueprint in ``path`` (list and canvas marks)."""
        try:
            base = load(path)
        except BlueprintFileError as error:
            dialogs.show_error(self, self.tr("Cannot compare with this file"), str(error))
            return False
        self.compare_panel.compare_with(base, name)
        return True

    def stop_comparing(self) -> None:
        self.compare_panel.stop()
        self.compare_panel.hide()

    def fill_recent_menu(self) -> None:
        menu = self.menu_actions.recent_menu
        menu.clear()
        paths = recent.recent_files()
        for path in paths:
            action = menu.addAction(path.name)
            action.setToolTip(str(path))
            action.triggered.connect(lambda _c=False, p=path: self.open_path(p))
        if paths:
            menu.addSeparator()
            menu.addAction(self.tr("Clear the list"), recent.clear)
        else:
            menu.addAction(self.tr("No recent files")).setEnabled(False)

    def save(self) -> bool:
        if self.session.path is None:
            return self.save_as()
        return self._save_to(self.session.path)

    def save_as(self) -> bool:
        current = self.session.path
        suggested = str(current) if current else self.session.display_name + ".blueprint.json"
        path = dialogs.ask_save_path(self, suggested)
        return self._save_to(with_suffix(path)) if path is not None else False

    def _save_to(self, path: Path) -> bool:
        """Save; on failure say why, keep the document open and unsaved, offer Save As."""
        if changed_on_disk(self.session, path):
            answer = safe_save.ask_overwrite(self, path)
            if answer is not safe_save.Overwrite.OVERWRITE:
                return answer is safe_save.Overwrite.SAVE_AS and self.save_as()
        try:
            self.session.save(path)
        except BlueprintFileError as error:
            if safe_save.ask_after_failure(self, self.tr("Cannot save the blueprint"), str(error)):
                return self.save_as()
            return False
        recent.remember(path)
        self.update_title()
        self.statusBar().showMessage(self.tr("Saved {path}").format(path=path), 4000)
        return True

    def maybe_save(self) -> bool:
        """True when the current document may be let go (saved, discarded or clean)."""
        if not self.session.dirty:
            return True
        answer = dialogs.ask_save_changes(self, self.session.display_name)
        if answer is dialogs.Answer.SAVE:
            return self.save()
        return answer is dialogs.Answer.DISCARD

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._handing_over:  # the session lives on in another window: nothing to ask
            self._release_session()
            event.accept()
            return
        if export_job.busy():  # an export winds down behind its progress dialog
            event.ignore()
            return
        if self.maybe_save():
            self.autosaver.discard()  # saved, discarded or clean: no copy to keep
            self._save_layout()
            self._release_session()
            event.accept()
        else:
            event.ignore()

    def quit_application(self) -> None:
        QApplication.closeAllWindows()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if dropped_file(event.mimeData()) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        path = dropped_file(event.mimeData())
        if path is not None:
            event.acceptProposedAction()
            self.open_path(path)

    # -- edit and view -------------------------------------------------------------------------
    def selected_ids(self) -> list[str]:
        """The ids selected on the canvas (File ▸ Export… and Copy as Image start from them)."""
        return self.edits.selected_ids()

    def undo(self) -> None:
        self.session.history.undo()

    def redo(self) -> None:
        self.session.history.redo()

    def show_find(self) -> None:
        self.find_bar.open_bar()

    def go_to_step(self, step_id: str) -> None:
        """Select a step and bring it into view (a find result, a validation finding)."""
        self.scene.select_ids([step_id])
        self.view.center_on_id(step_id)

    def toggle_presentation(self) -> None:
        """View ▸ Presentation (F5): full screen phase by phase; again (or Esc) to stop."""
        if self.presentation is not None:
            self.presentation.stop()
        else:
            self.presentation = Presentation(self)

    def rename_selected(self) -> None:
        """Edit ▸ Rename Step (F2): the title editor on the one selected card."""
        ids = [i for i in self.edits.selected_ids() if i in self.scene.content.cards]
        if len(ids) == 1:
            self.view.setFocus()
            self.scene.edit_title(ids[0])

    def insert_step_after(self) -> None:
        """Edit ▸ Insert Step After (Insert), for keyboard-only editing."""
        self.view.setFocus()
        if self.scene.keyboard.insert_after() is None:
            self.statusBar().showMessage(self.tr("Select one step to insert after"), 5000)

    def connect_by_keys(self) -> None:
        """Edit ▸ Connect to… (Ctrl+K): pick the target with the arrow keys."""
        self.view.setFocus()
        if not self.scene.keyboard.start_connect():
            self.statusBar().showMessage(self.tr("Select one step to connect from"), 5000)

    def arm_step_kind(self, kind: str) -> None:
        """A kind clicked in the palette: the next click on the canvas places a step of it."""
        dropper = self.view.findChild(PaletteDrop)
        if dropper is not None:
            dropper.arm(StepKind(kind))
            self.statusBar().showMessage(
                self.tr("Click in a lane to place the step (Esc cancels)"), 5000
            )

    def add_step_of_kind(self, kind: str) -> None:
        """Add a step of ``kind`` after the last card of its natural lane (palette double-click)."""
        step_kind = StepKind(kind)
        dropper = self.view.findChild(PaletteDrop)
        if dropper is not None:
            dropper.arm(None)  # the double-click's first click armed it
        with self.session.history.transaction(self.tr("Add step")) as tx:
            step_id = append_step(tx, step_kind)
        self.go_to_step(step_id)
        self.scene.edit_title(step_id)

    def zoom_in(self) -> None:
        self.view.zoom_in()
        self.status.show_zoom()

    def zoom_out(self) -> None:
        self.view.zoom_out()
        self.status.show_zoom()

    def fit_all(self) -> None:
        self.view.fit_all()
        self.status.show_zoom()

    def arrange(self) -> None:
        """Lay the blueprint out automatically, as one undo step, and keep your place: the
        selection (or else the step nearest the middle of the view) stays in the middle at the
        zoom you had, never below a readable one. The layout is worked out on a job off the
        window's thread (a progress dialog with Cancel shows if it is slow; input waits
        meanwhile, so the document cannot change under it); the scene then routes what is in
        view first and the rest in idle time."""
        selected = [i for i in self.edits.selected_ids() if i in self.scene.content.cards]
        anchor = selected or self._step_nearest_centre()
        blueprint = self.session.document.blueprint
        outcome = export_job.run_with_progress(
            self,
            self.tr("Arranging {count} steps…").format(count=len(blueprint.steps)),
            lambda progress: arrangement(blueprint, progress),
            title=self.tr("Arrange"),
        )
        if outcome.error is not None:
            dialogs.show_error(self, self.tr("Arrange"), outcome.error)
        if not outcome.ok or outcome.result is None:
            return
        with self.session.history.transaction(self.tr("Arrange")) as tx:
            apply_layout(tx, outcome.result)
        self.scene.flush()
        self.view.keep_view()
        if self.view.zoom() < READABLE_ZOOM:
            self.view.set_zoom(READABLE_ZOOM)
        if anchor:
            rect = QRectF()
            for step_id in anchor:
                rect = rect.united(self.scene.content.cards[step_id].sceneBoundingRect())
            self.view.centerOn(rect.center())
        self.status.show_zoom()

    def align_selection(self, how: str) -> None:
        """Arrange ▸ Align …: the selected cards lined up (or spread out), one undo step."""
        mode = Align(how)
        ids = self.edits.selected_ids()
        label = self.tr("Align steps") if mode is not Align.DISTRIBUTE else self.tr("Distribute")
        with self.session.history.transaction(label) as tx:
            moved = align(tx, ids, mode)
        if not moved:
            needed = 3 if mode is Align.DISTRIBUTE else 2
            self.statusBar().showMessage(
                self.tr("Select at least {n} steps to line up").format(n=needed), 5000
            )

    def _step_nearest_centre(self) -> list[str]:
        """The step whose card is nearest the middle of the view (none in an empty one)."""
        centre = self.view.mapToScene(self.view.viewport().rect().center())
        cards = self.scene.content.cards
        if not cards:
            return []
        nearest = min(
            cards.items(),
            key=lambda pair: (pair[1].sceneBoundingRect().center() - centre).manhattanLength(),
        )
        return [nearest[0]]
