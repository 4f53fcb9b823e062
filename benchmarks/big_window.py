"""The real main window on a generated blueprint of N steps, shared by the window benchmarks."""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from benchmarks.generate import generate_blueprint
from blueprint_app.storage import save
from blueprint_app.ui.window.main_window import MainWindow


def big_window(n_steps: int) -> tuple[QApplication, MainWindow, Path]:
    """A shown 1600x1000 window (settings in a scratch folder) and the saved file, not opened."""
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    folder = Path(tempfile.mkdtemp())
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    path = folder / "big.blueprint.json"
    blueprint = generate_blueprint(n_steps)
    save(blueprint, path)
    print(f"{len(blueprint.steps)} steps, {len(blueprint.flows)} flows")
    window = MainWindow()
    window.resize(1600, 1000)
    window.show()
    app.processEvents()
    return app, window, path
