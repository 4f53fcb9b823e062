"""PySide6 6.12 drops a reference to None at each void call; the shell must survive that."""

from __future__ import annotations

import subprocess
import sys

from blueprint_app.ui.pyside_guard import needs_guard


def test_only_python_before_312_with_pyside_612_needs_the_guard() -> None:
    assert needs_guard((3, 11), "6.12.0")
    assert not needs_guard((3, 12), "6.12.0")
    assert not needs_guard((3, 11), "6.11.3")


def test_many_void_calls_do_not_abort_the_interpreter() -> None:
    code = (
        "import blueprint_app.ui\n"
        "from PySide6.QtWidgets import QApplication, QLineEdit\n"
        "app = QApplication([])\n"
        "line = QLineEdit()\n"
        "for _ in range(50_000):\n"
        "    line.setText('x')\n"
        "print('survived')\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=120, check=False,
                            env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "survived"
