"""``blueprint diff OLD NEW -o changes.png|svg|pdf``: the new blueprint, added items outlined
green, changed amber, removed ones as dashed ghosts where they were."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QColor, QImage

from blueprint_app.model.blueprint import Blueprint, Step, StepLayout
from blueprint_app.pictures.changes import render_changes
from blueprint_app.render.change_marks import COLOURS
from blueprint_app.render.scene_builder import laid_out_copy
from blueprint_app.storage import save
from blueprint_app.versions.diff import diff
from tests.image_support import png_image, svg_texts
from tests.versions_support import blueprint_cli, copy, sample, step


def _versions() -> tuple[Blueprint, Blueprint]:
    old = laid_out_copy(sample())
    new = copy(old)
    step(new, "s2").title = "Checks in online"
    new.steps.append(
        Step(
            id="s4", lane="frontstage", title="Hands over the key", layout=StepLayout(x=600, row=0)
        )
    )
    new.steps = [s for s in new.steps if s.id != "b1"]
    new.flows = [f for f in new.flows if f.source != "b1"]
    return old, new


def _count(image: QImage, colour: QColor) -> int:
    count = 0
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            found = image.pixelColor(x, y)
            if (
                max(
                    abs(found.red() - colour.red()),
                    abs(found.green() - colour.green()),
                    abs(found.blue() - colour.blue()),
                )
                < 30
            ):
                count += 1
    return count


def test_the_png_marks_added_changed_and_removed() -> None:
    old, new = _versions()
    image = png_image(render_changes(old, new, diff(old, new), "png", None))
    plain = png_image(render_changes(old, new, diff(new, new), "png", None))  # no changes
    for status, least in (("added", 100), ("changed", 100), ("removed", 40)):
        assert _count(image, COLOURS[status]) > _count(plain, COLOURS[status]) + least, status


def test_the_svg_has_the_ghost_title_and_the_key_in_the_blueprints_language() -> None:
    old, new = _versions()
    new.language = "zh-CN"
    texts = svg_texts(render_changes(old, new, diff(old, new), "svg", None))
    assert "Prepares the room" in " ".join(texts)  # the removed step's ghost
    assert any("新增" in text for text in texts) and any("修改" in text for text in texts)


def test_the_command_writes_each_picture_kind(tmp_path: Path) -> None:
    old, new = _versions()
    save(old, tmp_path / "old.blueprint.json")
    save(new, tmp_path / "new.blueprint.json")
    for suffix, magic in ((".png", b"\x89PNG"), (".svg", b"<?xml"), (".pdf", b"%PDF")):
        out = tmp_path / f"changes{suffix}"
        result = blueprint_cli(
            "diff", tmp_path / "old.blueprint.json", tmp_path / "new.blueprint.json", "-o", out
        )
        assert result.returncode == 1, result.stderr
        assert out.read_bytes().startswith(magic)
    wrong = blueprint_cli(
        "diff",
        tmp_path / "old.blueprint.json",
        tmp_path / "new.blueprint.json",
        "-o",
        tmp_path / "x.txt",
    )
    assert wrong.returncode == 2
