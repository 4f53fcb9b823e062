"""Save a screenshot of a blueprint on the canvas: docs/screenshot.png.

    python scripts/screenshot.py [FILE] [-o docs/screenshot.png] [--size 1600x1000]

Without a display it re-runs itself under ``xvfb-run -a`` (a real X server, so fonts and
antialiasing are what a user sees). Shows the canvas view alone, fitted to the blueprint.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_FILE = ROOT / "tests" / "data" / "coffee.blueprint.json"


def _under_xvfb() -> int | None:
    """Re-run under Xvfb when there is no display; None when this process should go on."""
    if os.environ.get("DISPLAY") or os.environ.get("QT_QPA_PLATFORM") or \
            os.environ.get("BLUEPRINT_SCREENSHOT_CHILD"):
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
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))

    from PySide6.QtWidgets import QApplication

    from blueprint_app.canvas.scene import BlueprintScene
    from blueprint_app.canvas.view import BlueprintView
    from blueprint_app.history import Document, History
    from blueprint_app.storage import load

    app = QApplication([])
    document = Document(load(args.file))
    scene = BlueprintScene(document, History(document))
    view = BlueprintView(scene)
    width, height = (int(part) for part in args.size.split("x"))
    view.resize(width, height)
    view.setWindowTitle(f"{document.blueprint.title} — Blueprint Studio")
    view.show()
    for _ in range(5):
        app.processEvents()
    view.fit_all()
    app.processEvents()
    args.output.parent.mkdir(parents=True, exist_ok=True)
    if not view.grab().save(str(args.output)):
        print(f"could not write {args.output}", file=sys.stderr)
        return 1
    print(args.output)
    scene.detach()
    view.setScene(None)
    return 0


if __name__ == "__main__":
    code = _under_xvfb()
    sys.exit(main() if code is None else code)
