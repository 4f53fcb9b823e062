"""The window follows the system's light or dark colour scheme."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from blueprint_app.ui import theme


def test_dark_system_scheme_gives_a_dark_palette_and_light_the_style_default(
        qapp: QApplication, monkeypatch: pytest.MonkeyPatch) -> None:
    original = qapp.palette()
    try:
        monkeypatch.setattr(theme, "is_dark", lambda: True)
        theme.apply_palette(qapp)
        window = qapp.palette().color(QPalette.ColorRole.Window)
        text = qapp.palette().color(QPalette.ColorRole.WindowText)
        assert window.lightness() < 80 and text.lightness() > 180
        monkeypatch.setattr(theme, "is_dark", lambda: False)
        theme.apply_palette(qapp)
        assert qapp.palette().color(QPalette.ColorRole.Window).lightness() > 180
    finally:
        qapp.setPalette(original)
