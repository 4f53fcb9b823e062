"""The interface language: which one, and installing its Qt translations.

The choice, first match wins: the ``BLUEPRINT_LANG`` environment variable (tests, scripts), the
"ui/language" preference ("en" or "zh_CN"; "system" or absent means follow the system), then
the system locale. Only English (the source strings) and Simplified Chinese exist; any other
Chinese locale gets Simplified Chinese, everything else English.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from blueprint_app.model.glossary import Term
from blueprint_app.resources import resource_path
from blueprint_app.ui import settings

SYSTEM = settings.SYSTEM_LANGUAGE
LANGUAGES = settings.LANGUAGES
ENGLISH, CHINESE = LANGUAGES
ENV_VAR = "BLUEPRINT_LANG"
CATALOGUE = "blueprint_studio"

_installed: list[QTranslator] = []  # kept alive here: Qt does not own installed translators
_language = ENGLISH  # the interface language last installed: the one glossary terms are shown in


def normalise(tag: str) -> str | None:
    """ "zh-CN", "zh_Hans_CN", "zh_TW.UTF-8" -> "zh_CN"; "en_GB" -> "en"; "" or "system" -> None."""
    tag = tag.strip().split(".")[0].replace("-", "_").lower()
    if not tag or tag == SYSTEM:
        return None
    if tag.split("_")[0] == "zh":
        return CHINESE
    return ENGLISH


def preferred_setting() -> str:
    """The stored preference: "system", "en" or "zh_CN"."""
    return settings.LANGUAGE.read()


def set_preferred(value: str) -> None:
    """Store "en" or "zh_CN"; anything else means follow the system."""
    settings.LANGUAGE.write(value)


def system_language() -> str:
    return normalise(QLocale.system().name()) or ENGLISH


def interface_language() -> str:
    """ "en" or "zh_CN", as chosen by the environment, the preference or the system locale."""
    return (
        normalise(os.environ.get(ENV_VAR, ""))
        or normalise(preferred_setting())
        or system_language()
    )


def blueprint_language(language: str | None = None) -> str:
    """The BCP 47 tag new documents, templates, validation and exports use: "en" or "zh-CN"."""
    return "zh-CN" if (language or interface_language()) == CHINESE else "en"


def translations_folder() -> Path:
    return resource_path("translations")


def catalogue_path(language: str) -> Path:
    return translations_folder() / f"{CATALOGUE}_{language}.qm"


def install_translators(language: str | None = None) -> list[str]:
    """Install the translations for ``language`` (default: :func:`interface_language`).

    Replaces any installed before, so it can switch languages. Returns the files loaded (for
    the log and the tests): our catalogue and, when PySide6 ships it, Qt's own ``qtbase`` one
    (standard dialog buttons such as Save / Discard / Cancel).
    """
    global _language
    remove_translators()
    language = language or interface_language()
    _language = language
    if language == ENGLISH:
        return []
    loaded = []
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for path in (catalogue_path(language), Path(qt_folder) / f"qtbase_{language}.qm"):
        translator = QTranslator()
        if path.is_file() and translator.load(str(path)):
            QCoreApplication.installTranslator(translator)
            _installed.append(translator)
            loaded.append(str(path))
    return loaded


def remove_translators() -> None:
    global _language
    _language = ENGLISH
    while _installed:
        QCoreApplication.removeTranslator(_installed.pop())


def term(entry: Term) -> str:
    """A domain term from the glossary in the installed interface language.

    The shell reads lane kinds, step and flow kinds and markers here rather than from the Qt
    catalogue, so the property panel names them exactly as the canvas, the exports and the
    findings do.
    """
    return entry.name(_language)
