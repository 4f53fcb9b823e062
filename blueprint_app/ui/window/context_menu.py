"""The canvas's right-click menu: the Edit actions, the kind of the selected steps or flows, and
whether the selected flows go both ways.

Right-clicking an item that is not selected selects it first, as diagram tools do.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication, QPoint, QPointF
from PySide6.QtWidgets import QMenu

from blueprint_app.canvas.scene import BlueprintScene
from blueprint_app.canvas.view import BlueprintView
from blueprint_app.editing.session import Session
from blueprint_app.history import edits
from blueprint_app.model import Flow, Step
from blueprint_app.ui.docks.property_forms import (
    field_label,
    flow_kind_options,
    step_kind_options,
)

if TYPE_CHECKING:
    from blueprint_app.ui.window.actions import WindowActions


class MenuHost(Protocol):
    """What the menu needs of its window: the canvas, the session and the window's actions."""

    session: Session
    scene: BlueprintScene
    view: BlueprintView
    menu_actions: WindowActions


def select_under(window: MenuHost, scene_pos: QPointF) -> None:
    """Make the item under the pointer part of the selection (alone, if it was not selected)."""
    ids = window.scene.selected_ids()
    for item in window.scene.items(scene_pos):
        for item_id in (
            getattr(item, "step_id", None),
            getattr(item, "flow_id", None),
            getattr(item, "note_id", None),
        ):
            if item_id is not None:
                if item_id not in ids:
                    window.scene.select_ids([item_id])
                return


def build_menu(window: MenuHost, scene_pos: QPointF) -> QMenu:
    select_under(window, scene_pos)
    menu = QMenu(window.view.window())
    actions = window.menu_actions
    for name in ("cut", "copy", "copy_image", "paste", "duplicate", "delete", None, "add_note"):
        if name is None:
            menu.addSeparator()
        else:
            menu.addAction(actions[name])
    document = window.session.document
    ids = window.scene.selected_ids()
    steps = [i for i in ids if isinstance(document.get(i), Step)]
    flows = [i for i in ids if isinstance(document.get(i), Flow)]
    if steps:
        _kind_menu(
            window,
            menu.addMenu(QCoreApplication.translate("ContextMenu", "Step kind")),
            steps,
            step_kind_options(),
        )
    if flows:
        _kind_menu(
            window,
            menu.addMenu(QCoreApplication.translate("ContextMenu", "Flow kind")),
            flows,
            flow_kind_options(),
        )
        _two_way_action(window, menu, flows)
    menu.addSeparator()
    menu.addAction(actions["arrange"])
    menu.addAction(actions["fit"])
    return menu


def _kind_menu(
    window: MenuHost, menu: QMenu, ids: list[str], options: list[tuple[str, object]]
) -> None:
    current = {getattr(window.session.document.get(i), "kind", None) for i in ids}
    for label, kind in options:
        action = menu.addAction(label)
        action.setCheckable(True)
        action.setChecked(current == {kind})
        action.triggered.connect(lambda _c=False, k=kind: set_kind(window, ids, k))


def set_kind(window: MenuHost, ids: list[str], kind: object) -> None:
    """Give every one of ``ids`` this kind, as one undo step."""
    with window.session.history.transaction(
        QCoreApplication.translate("ContextMenu", "Change kind")
    ) as tx:
        for item_id in ids:
            edits.set_field(tx, item_id, "kind", kind)


def _two_way_action(window: MenuHost, menu: QMenu, ids: list[str]) -> None:
    """Checked when every chosen flow goes both ways; choosing it makes them all one-way if
    so, else all two-way."""
    document = window.session.document
    every = all(getattr(document.get(i), "two_way", False) for i in ids)
    action = menu.addAction(field_label("two_way"))
    action.setCheckable(True)
    action.setChecked(every)
    action.triggered.connect(lambda _c=False: set_two_way(window, ids, not every))


def set_two_way(window: MenuHost, ids: list[str], two_way: bool) -> None:
    """Make every one of ``ids`` two-way (or one-way), as one undo step."""
    # the undo step reads as the property panel's would ("Change two-way interaction")
    label = QCoreApplication.translate("PropertyPanel", "Change {field}")
    with window.session.history.transaction(
        label.format(field=field_label("two_way").lower())
    ) as tx:
        for item_id in ids:
            edits.set_field(tx, item_id, "two_way", two_way)


def show_menu(window: MenuHost, view_pos: QPoint) -> None:
    menu = build_menu(window, window.view.mapToScene(view_pos))
    menu.exec(window.view.viewport().mapToGlobal(view_pos))
    menu.deleteLater()
