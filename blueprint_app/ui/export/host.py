"""What File ▸ Export… and Copy as Image need of a window, and nothing more."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtWidgets import QStatusBar, QWidget

from blueprint_app.editing.session import Session


class ExportHost(Protocol):
    """The open session to export, the steps selected on its canvas, a status bar to report
    in, and the top-level widget that parents the dialogs."""

    session: Session

    def selected_ids(self) -> list[str]: ...

    def statusBar(self) -> QStatusBar: ...

    def window(self) -> QWidget: ...
