"""Save a screenshot of the editor window with a blueprint open: docs/screenshot.png.

    python scripts/screenshot.py [FILE] [-o docs/screenshot.png] [--size 1600x1000]
                                 [--select STEP_ID] [--canvas-only] [--export-dialog] [--table]
                                 [--dialog legend|guide|shortcuts]

Without a display it re-runs itself under ``xvfb-run -a`` (a real X server, so fonts and
antialiasing are what a user sees). Shows the whole main window (menus, toolbar, palette,
the canvas as the file opens, property panel on a selected step) with default dock layout:
the user's saved window layout is not read. ``--dialog`` grabs View ▸ Legend, Help ▸ Quick
Guide or Help ▸ Keyboard Shortcuts instead. ``--canvas-only`` grabs the canvas view alone;
``--export-dialog`` opens File > Export… over the window and grabs it from the screen;
``--table`` shows View > Table under the canvas, its row selected with the card. The
interface language follows BLUEPRINT_LANG (en, zh_CN) as in the application.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_FILE = ROOT / "resources" / "examples" / "hotel-stay.blueprint.json"


def _under_xvfb() -> int | None:
    """Re-run under Xvfb when there is no display; None when this process should go on."""
    if (
        os.environ.get("DISPLAY")
        or os.environ.get("QT_QPA_PLATFORM")
        or os.environ.get("BLUEPRINT_SCREENSHOT_CHILD")
    ):
        return None
    xvfb = shutil.which("xvfb-run")
    if xvfb is None:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        return None
    env = {**os.environ, "BLUEPRINT_SCREENSHOT_CHILD": "1"}
    command = [xvfb, "-a", "-s", "-screen 0 1920x1200x24", sys.executable, *sys.argv]
    return subprocess.run(command, env=env, check=False).returncode


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", type=Path, default=DEFAULT_FILE)
    parser.add_argument("-o", "--output", type=Path, default=ROOT / "docs" / "screenshot.png")
    parser.add_argument("--size", default="1600x1000")
    parser.add_argument("--select", help="id of the step to select (default: a fail point)")
    parser.add_argument("--canvas-only", action="store_true", help="grab the canvas alone")
    parser.add_argument(
        "--export-dialog",
        action="store_true",
        help="open File > Export… (its preview drawn) and grab the screen",
    )
    parser.add_argument(
        "--zoom",
        type=float,
        help="zoom percent instead of the first view, centred on the selection",
    )
    parser.add_argument("--table", action="store_true", help="show View > Table as well")
    parser.add_argument(
        "--dialog", choices=("legend", "guide", "shortcuts"), help="grab this window instead"
    )
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from blueprint_app.app import configure_application_identity
    from blueprint_app.ui.i18n import install_translators
    from blueprint_app.ui.theme import follow_system_palette
    from blueprint_app.ui.window.main_window import MainWindow

    with tempfile.TemporaryDirectory() as settings_folder:
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, settings_folder)
        configure_application_identity()
        app = QApplication([])
        follow_system_palette(app)
        install_translators()
        window = MainWindow()
        width, height = (int(part) for part in args.size.split("x"))
        window.resize(width, height)
        window.show()
        if not window.open_path(args.file):
            return 1
        if args.table:
            window.table_dock.toggleViewAction().trigger()
        for _ in range(5):
            app.processEvents()
        _select(window, args.select)  # the view stays as the file opened: the first view
        if args.zoom:
            window.view.keep_view()
            window.view.set_zoom(args.zoom / 100)
            chosen = window.scene.selectedItems()
            if chosen:
                window.view.centerOn(chosen[0])
        for _ in range(3):
            app.processEvents()
        args.output.parent.mkdir(parents=True, exist_ok=True)
        if args.export_dialog:
            return _grab_export_dialog(app, window, args.output)
        widget = window.view if args.canvas_only else window
        if args.dialog:
            action = {"legend": "legend", "guide": "quick_guide", "shortcuts": "shortcuts"}
            window.menu_actions[action[args.dialog]].trigger()
            for _ in range(5):
                app.processEvents()
            widget = next(w for w in app.topLevelWidgets() if w.isVisible() and w is not window)
        if not widget.grab().save(str(args.output)):
            print(f"could not write {args.output}", file=sys.stderr)
            return 1
        print(args.output)
        window.close()
    return 0


def _grab_export_dialog(app: object, window: object, output: Path) -> int:
    """File > Export… shown over the window, its preview drawn; the screen as a user sees it."""
    import time

    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    from blueprint_app.ui.export.export_dialog import ExportDialog
    from blueprint_app.ui.window.main_window import MainWindow

    assert isinstance(app, QApplication) and isinstance(window, MainWindow)
    dialog = ExportDialog(window)
    dialog.show()
    deadline = time.monotonic() + 60
    while (dialog.preview.busy or dialog.preview.result is None) and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.02)
    for _ in range(5):
        app.processEvents()
    screen = QGuiApplication.primaryScreen()
    frame = dialog.frameGeometry()  # the dialog as it sits on the X screen
    shot = screen.grabWindow(0, frame.x(), frame.y(), frame.width(), frame.height())
    dialog.reject()
    window.close()
    if not shot.save(str(output)):
        print(f"could not write {output}", file=sys.stderr)
        return 1
    print(output)
    return 0


def _select(window: object, step_id: str | None) -> None:
    """Select a step so the property panel shows one (the first fail point by default)."""
    from blueprint_app.ui.window.main_window import MainWindow

    assert isinstance(window, MainWindow)
    steps = window.session.blueprint.steps
    if step_id is None:
        chosen = next((s for s in steps if s.fail_point), steps[0] if steps else None)
        step_id = chosen.id if chosen else None
    if step_id is not None:
        window.scene.select_ids([step_id])


if __name__ == "__main__":
    code = _under_xvfb()
    sys.exit(main() if code is None else code)
