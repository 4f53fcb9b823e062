"""Shared fixtures. Qt runs offscreen in every test without the caller setting anything."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# the window tests read English; tests of the Chinese interface set it themselves
os.environ.setdefault("BLUEPRINT_LANG", "en")

DATA = Path(__file__).parent / "data"
ODD_TEXT = '中文标签 <b>&amp;</b> "quoted" \'single\' 🎉 émoji & <tag> \\ back\nslash'


@pytest.fixture
def coffee_path(tmp_path: Path) -> Path:
    """A copy of the hand-written example in a temporary folder."""
    target = tmp_path / "coffee.blueprint.json"
    shutil.copy(DATA / "coffee.blueprint.json", target)
    return target
