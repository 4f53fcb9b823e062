"""The New from Template dialog and the Chinese interface: how long a user waits.

    python -m benchmarks.bench_templates_dialog

Measures: installing the Chinese translations; one template thumbnail (scene build + render);
opening the dialog with every thumbnail rendered (cold cache) and again (warm cache); opening
a main window in Chinese.
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> None:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    import blueprint_app.ui  # noqa: F401  (applies the PySide guard)
    from blueprint_app.templates import list_templates
    from blueprint_app.ui import i18n
    from blueprint_app.ui.files import thumbnails
    from blueprint_app.ui.files.template_dialog import TemplateDialog
    from blueprint_app.ui.window.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tempfile.mkdtemp())
    os.environ["BLUEPRINT_LANG"] = "zh_CN"
    start = time.perf_counter()
    i18n.install_translators()
    print(f"install the Chinese translations: {(time.perf_counter() - start) * 1000:.1f} ms")

    infos = list_templates()
    timings = []
    for info in infos:
        t = time.perf_counter()
        thumbnails.render_thumbnail(Path(info.path))
        timings.append(time.perf_counter() - t)
    print(
        f"one thumbnail ({len(infos)} templates): median {statistics.median(timings) * 1000:.1f}"
        f" ms, max {max(timings) * 1000:.1f} ms"
    )

    for label in ("cold cache", "warm cache"):
        t = time.perf_counter()
        dialog = TemplateDialog()
        dialog.language.setCurrentIndex(dialog.language.findData(""))  # all 16 pictures
        dialog.show()
        app.processEvents()
        print(
            f"open New from Template, all languages ({label}): "
            f"{(time.perf_counter() - t) * 1000:.0f} ms"
        )
        dialog.close()
        dialog.deleteLater()

    t = time.perf_counter()
    window = MainWindow()
    window.show()
    window.grab()
    print(
        f"open a main window in Chinese up to its first frame: "
        f"{(time.perf_counter() - t) * 1000:.0f} ms"
    )
    window.session.history.set_clean()
    window.close()


if __name__ == "__main__":
    main()
