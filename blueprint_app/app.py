"""Starting the desktop editor: ``blueprint-app [FILE]`` and ``python -m blueprint_app [FILE]``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from blueprint_app import __version__
from blueprint_app.render import style
from blueprint_app.ui import crash
from blueprint_app.ui.files.recovery_offer import offer_recovery
from blueprint_app.ui.i18n import install_translators
from blueprint_app.ui.settings import APPLICATION, ORGANIZATION
from blueprint_app.ui.theme import follow_system_palette
from blueprint_app.ui.window.edit_commands import release_clipboard
from blueprint_app.ui.window.main_window import MainWindow
from blueprint_app.ui.window.windows import WindowRegistry


def configure_application_identity() -> None:
    """The names the settings file and the platform see."""
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setOrganizationDomain("blueprint-studio.example")
    QCoreApplication.setApplicationName(APPLICATION)
    QCoreApplication.setApplicationVersion(__version__)


def install_windows(app: QCoreApplication) -> WindowRegistry:
    """The application owns its list of windows; New, Open and recovery open MainWindows."""
    return WindowRegistry.install(app, MainWindow)


def _parse(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="blueprint-app", description="Design service blueprints.")
    parser.add_argument("file", nargs="?", help="a .blueprint.json file to open")
    parser.add_argument("--version", action="version", version=__version__)
    known, _qt_args = parser.parse_known_args(list(argv))
    return known


def main(argv: Sequence[str] | None = None) -> int:
    """Open a window (with FILE if given) and run until the last window closes."""
    args = _parse(sys.argv[1:] if argv is None else argv)
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
    )
    configure_application_identity()
    style.quiet_font_fallback()
    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "blueprint-app"])
    assert isinstance(app, QApplication)
    install_translators()
    follow_system_palette(app)
    app.aboutToQuit.connect(release_clipboard)
    with crash.installed():  # an exception in a slot: a report, and the documents stay open
        install_windows(app).open_window(args.file)
        QTimer.singleShot(0, offer_recovery)  # once the window is on screen
        return int(app.exec())
