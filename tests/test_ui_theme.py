"""The window follows the system's light or dark colour scheme."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from blueprint_app.ui import theme


def test_dark_system_scheme_gives_a_dark_palette_and_light_the_style_default(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
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


def test_the_app_has_an_icon_at_every_usual_size(qapp: QApplication) -> None:
    icon = theme.app_icon()
    assert sorted(size.width() for size in icon.availableSizes()) == [16, 32, 64, 128, 256]
    image = icon.pixmap(64, 64).toImage()
    assert image.pixelColor(32, 32).lightness() > 200  # the white card in the middle
