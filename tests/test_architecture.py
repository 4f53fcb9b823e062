"""Qt stays in the shell: the core imports without PySide6 (and so without a display)."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import blueprint_app

ROOT = Path(__file__).parent.parent
#: The Qt shell: everything else in the package must import without Qt.
QT_SHELL = ("render", "canvas", "ui", "app", "__main__")


def _core_modules() -> list[str]:
    names = []
    for info in pkgutil.walk_packages(blueprint_app.__path__, "blueprint_app."):
        part = info.name.split(".")[1]
        if part not in QT_SHELL and not info.name.startswith("blueprint_app.export.image"):
            names.append(info.name)
    return names


def test_core_packages_do_not_load_qt() -> None:
    modules = _core_modules()
    for expected in (
        "storage.reader",
        "history.undo",
        "validation.engine",
        "export.bpmn",
        "analysis.layout",
        "analysis.routing",
        "templates",
        "cli",
        "gc_pause",
    ):
        assert f"blueprint_app.{expected}" in modules
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "qt = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')))\n"
        "print(','.join(qt))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
        env={"PATH": "/usr/bin:/bin"},
    )
    assert result.stdout.strip() == "", f"Qt loaded by the core: {result.stdout}"
