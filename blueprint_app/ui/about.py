"""Help > About: the version (one source, ``blueprint_app.__version__``) and what runs it."""

from __future__ import annotations

import platform

import PySide6
from PySide6.QtCore import QCoreApplication, qVersion
from PySide6.QtWidgets import QMessageBox, QWidget

from blueprint_app import __version__


def about_text() -> str:
    return QCoreApplication.translate(
        "About",
        "<h3>Blueprint Studio {version}</h3>"
        "<p>Design, check and export service blueprints.</p>"
        "<p>Python {python}, Qt {qt}, PySide6 {pyside}</p>"
        "<p>MIT licence</p>",
    ).format(
        version=__version__,
        python=platform.python_version(),
        qt=qVersion(),
        pyside=PySide6.__version__,
    )


def show_about(parent: QWidget) -> None:
    QMessageBox.about(
        parent, QCoreApplication.translate("About", "About Blueprint Studio"), about_text()
    )
