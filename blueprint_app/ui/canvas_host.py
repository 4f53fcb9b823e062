"""Building the canvas for a session (the scene and view come from ``blueprint_app.canvas``)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLabel, QWidget

from blueprint_app.ui.session import Session


def build_canvas(session: Session) -> tuple[Any, QWidget]:
    try:
        from blueprint_app.canvas.scene import BlueprintScene
        from blueprint_app.canvas.view import BlueprintView
    except ImportError:  # until the canvas package lands on this branch
        return None, QLabel(session.blueprint.title)
    scene = BlueprintScene(session.document, session.history)
    return scene, BlueprintView(scene)
