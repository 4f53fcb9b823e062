"""File > Export… and Copy as Image, driven through the real window, dialog and clipboard."""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QRect, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtWidgets import QDialog, QProgressDialog

from benchmarks.generate import generate_blueprint
from blueprint_app.model.blueprint import Blueprint
from blueprint_app.pictures import image
from blueprint_app.storage import dumps, load, save
from blueprint_app.ui import settings
from blueprint_app.ui.export import export_dialog, export_job
from blueprint_app.ui.export.export_dialog import ExportDialog, file_stem, with_extension
from blueprint_app.ui.export.export_preview import PreviewResult, preview_scale
from blueprint_app.ui.export.picture_clipboard import PICTURE_MARKER, SVG_TYPE
from blueprint_app.ui.window.main_window import MainWindow
from tests.canvas_support import at
from tests.image_support import pdf_text, png_image, svg_texts
from tests.test_canvas_editing import _card_centre
from tests.ui_support import Button, Dialogs, activate, click, shown_window, when_modal

TIMEOUT = 30_000


@pytest.fixture(autouse=True)
def no_thread_warnings(qtlog: Any) -> Iterator[None]:
    """Qt complains when an object is used or deleted from a thread it does not belong to."""
    yield
    troubles = [
        record.message
        for record in qtlog.records
        if "thread" in record.message.lower() or "QBasicTimer" in record.message
    ]
    assert troubles == []


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> Dialogs:
    return Dialogs(monkeypatch)


@pytest.fixture
def window(qtbot: Any, tmp_path: Path, dialogs: Dialogs, coffee_path: Path) -> Iterator[MainWindow]:
    with shown_window(qtbot, tmp_path) as window:
        assert window.open_path(coffee_path)
        yield window


def open_dialog(qtbot: Any, window: MainWindow) -> ExportDialog:
    dialog = ExportDialog(window)
    dialog.show()
    qtbot.waitExposed(dialog)
    wait_preview(qtbot, dialog)
    return dialog


def wait_preview(qtbot: Any, dialog: ExportDialog) -> PreviewResult:
    qtbot.waitUntil(
        lambda: not dialog.preview.busy and dialog.preview.result is not None, timeout=TIMEOUT
    )
    result = dialog.preview.result
    assert result is not None
    return result


def choose(qtbot: Any, dialog: ExportDialog, format_name: str) -> PreviewResult:
    dialog.form.set_format(format_name)
    return wait_preview(qtbot, dialog)


def select_cards(qtbot: Any, window: MainWindow, *step_ids: str) -> None:
    for step_id in step_ids:
        point = at(window.view, *_card_centre(window.scene, step_id))
        qtbot.mouseClick(
            window.view.viewport(),
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.ControlModifier,
            point,
        )
    assert window.scene.selected_ids() == list(step_ids)


def test_file_menu_and_ctrl_e_open_the_export_dialog_which_writes_the_file(
    qtbot: Any, window: MainWindow, dialogs: Dialogs, tmp_path: Path
) -> None:
    file_menu = window.menuBar().actions()[0].menu()
    assert window.menu_actions["export"] in file_menu.actions()
    target = tmp_path / "out" / "coffee slide"  # no extension: the format's is added
    target.parent.mkdir()
    dialogs.save_paths.append(target)
    seen: list[str] = []

    def export(dialog: QDialog) -> None:
        assert isinstance(dialog, ExportDialog)
        choose(qtbot, dialog, "svg")
        seen.append(dialog.windowTitle())
        click(qtbot, dialog.export_button)

    problems = when_modal(qtbot, export)
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert problems == [] and seen == ["Export"]
    written = target.with_name("coffee slide.svg")
    assert "Make the drink" in " ".join(svg_texts(written.read_bytes()))
    assert str(written) in window.statusBar().currentMessage()
    # the choices and the folder are remembered for the next export
    assert settings.store().value("export/format") == "svg"
    again = ExportDialog(window)
    assert again.form.format_name == "svg"
    assert again.suggested_path() == target.parent / "coffee.svg"
    again.deleteLater()


def test_the_preview_shows_the_picture_and_the_png_size_follows_the_scale(
    qtbot: Any, window: MainWindow, dialogs: Dialogs, tmp_path: Path
) -> None:
    dialog = open_dialog(qtbot, window)
    result = choose(qtbot, dialog, "png")
    assert result.image is not None and result.size is not None and result.problem is None
    pixmap = dialog.preview.picture.pixmap()
    assert not pixmap.isNull() and pixmap.width() > 100
    dialog.form.scale.setValue(1.5)
    result = wait_preview(qtbot, dialog)
    assert result.size is not None
    width = math.ceil(result.size.width() * 1.5)
    height = math.ceil(result.size.height() * 1.5)
    assert dialog.preview.status.text() == f"{width:,} × {height:,} pixels"
    click(qtbot, dialog.form.transparent)
    wait_preview(qtbot, dialog)
    dialogs.save_paths.append(tmp_path / "coffee.png")
    click(qtbot, dialog.export_button)
    png = png_image((tmp_path / "coffee.png").read_bytes())
    assert (png.width(), png.height()) == (width, height)
    assert png.hasAlphaChannel() and png.pixelColor(1, 1).alpha() == 0
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_options_a_format_does_not_use_are_greyed_and_text_formats_preview_their_text(
    qtbot: Any, window: MainWindow
) -> None:
    dialog = open_dialog(qtbot, window)
    form = dialog.form
    choose(qtbot, dialog, "png")
    assert form.scale.isEnabled() and form.transparent.isEnabled() and not form.page.isEnabled()
    choose(qtbot, dialog, "pdf")
    assert form.page.isEnabled() and not form.scale.isEnabled()
    result = choose(qtbot, dialog, "md")
    assert not form.title_block.isEnabled() and not form.whole.isEnabled()
    assert form.language.isEnabled()
    assert result.text is not None and result.text.startswith("# ")
    assert "Make the drink" in dialog.preview.text.toPlainText()
    assert dialog.preview.stack.currentWidget() is dialog.preview.text
    choose(qtbot, dialog, "bpmn")
    assert not form.language.isEnabled()
    assert (
        "<bpmn:definitions" in dialog.preview.text.toPlainText()
        or "definitions" in dialog.preview.text.toPlainText()
    )
    choose(qtbot, dialog, "html")  # the page as it reads, not its source
    assert dialog.preview.stack.currentWidget() is dialog.preview.page
    page = dialog.preview.page.toPlainText()
    assert "Make the drink" in page and "<html" not in page and "<td" not in page
    dialog.reject()


def test_the_selection_is_offered_and_exported_alone(
    qtbot: Any, window: MainWindow, dialogs: Dialogs, tmp_path: Path
) -> None:
    select_cards(qtbot, window, "make", "pos")
    dialog = open_dialog(qtbot, window)
    # the whole blueprint stays the default: a card left selected is no wish to export it alone
    assert dialog.form.whole.isChecked() and "2 items" in dialog.form.selected.text()
    choose(qtbot, dialog, "svg")
    click(qtbot, dialog.form.selected)
    wait_preview(qtbot, dialog)
    dialogs.save_paths.append(tmp_path / "part.svg")
    click(qtbot, dialog.export_button)
    texts = " ".join(svg_texts((tmp_path / "part.svg").read_bytes()))
    assert "Make the drink" in texts and "Point-of-sale system" in texts
    assert "Walk in" not in texts and "Leave with the drink" not in texts
    assert "Order" in texts and "Collect" in texts  # the phases of the two steps, and no other


def test_a_phase_range_is_exported_and_a_reversed_one_is_refused_before_export(
    qtbot: Any, window: MainWindow, dialogs: Dialogs, tmp_path: Path
) -> None:
    dialog = open_dialog(qtbot, window)
    choose(qtbot, dialog, "pdf")
    click(qtbot, dialog.form.phases)
    assert dialog.form.first_phase.isEnabled()
    dialog.form.first_phase.setCurrentIndex(1)
    dialog.form.last_phase.setCurrentIndex(0)
    result = wait_preview(qtbot, dialog)
    assert result.problem is not None and "comes after the last" in result.problem
    assert not dialog.export_button.isEnabled() and not dialog.copy_button.isEnabled()
    assert result.problem == dialog.preview.status.text()
    dialog.form.last_phase.setCurrentIndex(1)
    assert wait_preview(qtbot, dialog).problem is None
    assert dialog.export_button.isEnabled()
    dialogs.save_paths.append(tmp_path / "collect.pdf")
    click(qtbot, dialog.export_button)
    text = " ".join(pdf_text(tmp_path / "collect.pdf").split())
    assert "Make the drink" in text and "Walk in" not in text


def test_a_failed_write_says_why_keeps_the_dialog_and_damages_nothing(
    qtbot: Any, window: MainWindow, dialogs: Dialogs, tmp_path: Path
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("keep me")
    dialog = open_dialog(qtbot, window)
    choose(qtbot, dialog, "md")
    dialogs.save_paths.append(blocker / "coffee.md")
    click(qtbot, dialog.export_button)
    assert len(dialogs.errors) == 1 and dialogs.errors[0][0] == "Cannot export"
    assert dialog.isVisible() and dialog.exported is None
    assert blocker.read_text() == "keep me"
    # a file dialog closed without a choice writes nothing and keeps the dialog open
    dialogs.save_paths.append(None)
    click(qtbot, dialog.export_button)
    assert dialog.isVisible() and len(dialogs.errors) == 1
    dialog.reject()


def slow_blueprint(tmp_path: Path) -> Path:
    path = tmp_path / "large.blueprint.json"
    save(generate_blueprint(120), path)
    return path


@pytest.mark.parametrize("how", ["button", "escape"])
def test_a_slow_export_shows_progress_and_cancel_stops_it_writing_nothing(
    qtbot: Any,
    window: MainWindow,
    dialogs: Dialogs,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    how: str,
) -> None:
    assert window.open_path(slow_blueprint(tmp_path))
    dialog = open_dialog(qtbot, window)
    choose(qtbot, dialog, "png")
    dialog.form.scale.setValue(1.0)
    wait_preview(qtbot, dialog)
    monkeypatch.setattr(export_job, "SHOW_AFTER_MS", 50)
    monkeypatch.setattr(image, "CHUNK_PIXELS", 16)  # hundreds of bands: many chances to stop
    real = export_dialog.export_document

    cancelled = threading.Event()

    def unhurried(blueprint: Blueprint, fmt: Any, options: Any, progress: Any) -> bytes:
        def slow(fraction: float) -> None:  # as on a huge blueprint: not done before Cancel
            progress(fraction)
            if fraction >= 0.05:  # far enough for the bar to show it; then wait for Cancel
                cancelled.wait(timeout=TIMEOUT / 1000)

        return real(blueprint, fmt, options, slow)

    monkeypatch.setattr(export_dialog, "export_document", unhurried)
    target = tmp_path / "out" / "large.png"
    target.parent.mkdir()
    dialogs.save_paths.append(target)
    seen: list[int] = []

    def cancel(progress: QProgressDialog) -> None:
        try:
            qtbot.waitUntil(lambda: progress.value() > 0, timeout=TIMEOUT)
            seen.append(progress.value())
            assert not window.close()  # the window waits for the export to wind down
            buttons = [
                b for b in progress.findChildren(type(dialog.export_button)) if b.isVisible()
            ]
            assert len(buttons) == 1
            if how == "button":
                click(qtbot, buttons[0])
            else:
                qtbot.keyClick(progress, Qt.Key.Key_Escape)
        finally:
            cancelled.set()  # the export's next stage sees the Cancel and stops

    problems = when_modal(qtbot, cancel, QProgressDialog)
    click(qtbot, dialog.export_button)
    assert problems == []
    assert seen and 0 < seen[0] < 1000
    assert not target.exists() and list(target.parent.iterdir()) == []
    assert dialog.isVisible() and dialog.exported is None and dialogs.errors == []
    assert "cancelled" in dialog.note.text()
    dialog.reject()


def test_the_preview_is_drawn_off_the_window_thread_which_keeps_running(
    qtbot: Any, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The drawing waits for a timer of the window's thread: were it drawn on that thread, it
    would wait in vain (and say so) instead of seeing the timer fire."""
    from blueprint_app.ui.export import export_preview

    real = export_preview.draw_preview
    seen: list[tuple[bool, bool]] = []  # (on the main thread, the window's timer fired)

    def watched(*args: Any) -> PreviewResult:
        fired = threading.Event()
        QTimer.singleShot(0, window, fired.set)  # runs only if the window's loop runs
        seen.append((threading.current_thread() is threading.main_thread(), fired.wait(timeout=5)))
        return real(*args)

    monkeypatch.setattr(export_preview, "draw_preview", watched)
    dialog = open_dialog(qtbot, window)
    assert dialog.preview.result is not None and dialog.preview.result.image is not None
    assert seen and seen[-1] == (False, True)
    dialog.reject()


def test_closing_the_dialog_mid_preview_stops_the_drawing(
    qtbot: Any, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from blueprint_app.export.progress import ExportCancelled
    from blueprint_app.ui.export import export_preview

    stopped: list[bool] = []

    def endless(*args: Any) -> PreviewResult:  # a drawing that only ends when it is stopped
        progress = args[-1]
        try:
            while True:
                progress(0.5)
                time.sleep(0.005)
        except ExportCancelled:
            stopped.append(True)
            raise

    monkeypatch.setattr(export_preview, "draw_preview", endless)
    dialog = ExportDialog(window)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.preview._job is not None, timeout=TIMEOUT)
    dialog.reject()
    assert stopped == [True] and not dialog.preview.busy


def test_a_stored_scale_that_is_no_number_falls_back_to_two(window: MainWindow) -> None:
    for stored in ("nan", "inf", "lots"):
        settings.store().setValue("export/scale", stored)
        dialog = ExportDialog(window)
        assert dialog.form.scale.value() == 2.0, stored
        dialog.reject()
        dialog.deleteLater()


def test_an_added_extension_never_replaces_a_file_unasked(
    qtbot: Any, window: MainWindow, dialogs: Dialogs, tmp_path: Path
) -> None:
    existing = tmp_path / "coffee.md"
    existing.write_text("keep me")
    dialog = open_dialog(qtbot, window)
    choose(qtbot, dialog, "md")
    dialogs.save_paths.append(tmp_path / "coffee")  # the file dialog checked "coffee" only
    dialogs.answers.append(Button.No)
    click(qtbot, dialog.export_button)
    assert existing.read_text() == "keep me" and dialog.isVisible()
    assert dialogs.questions and "coffee.md" in dialogs.questions[-1]
    dialogs.save_paths.append(tmp_path / "coffee")
    dialogs.answers.append(Button.Yes)
    click(qtbot, dialog.export_button)
    assert existing.read_text().startswith("# Coffee to go")


def test_copy_as_image_puts_the_selection_or_the_whole_blueprint_on_the_clipboard(
    qtbot: Any, window: MainWindow
) -> None:
    clipboard = QGuiApplication.clipboard()
    select_cards(qtbot, window, "make")
    window.menu_actions["copy_image"].trigger()
    qtbot.waitUntil(lambda: clipboard.mimeData().hasImage(), timeout=TIMEOUT)
    data = clipboard.mimeData()
    assert data.hasFormat(PICTURE_MARKER)
    part = QImage(clipboard.image())
    svg = bytes(data.data(SVG_TYPE).data())
    assert "Make the drink" in " ".join(svg_texts(svg)) and "Walk in" not in svg.decode()
    assert "selection" in window.statusBar().currentMessage()
    window.scene.clearSelection()
    window.menu_actions["copy_image"].trigger()
    whole = QImage(clipboard.image())
    assert whole.width() * whole.height() > part.width() * part.height()
    assert "Walk in" in " ".join(svg_texts(bytes(clipboard.mimeData().data(SVG_TYPE).data())))
    # twice the canvas: the picture of the whole blueprint at scale 2, no title or legend
    picture = image.compose(
        window.session.blueprint, image.ExportOptions(title_block=False, legend=False)
    )
    assert whole.width() == math.ceil(picture.size.width() * 2)
    # not blank: the cards' ink is there
    crop = whole.copy(QRect(0, 0, whole.width(), whole.height()))
    assert any(
        crop.pixelColor(x, crop.height() // 2).red() < 200 for x in range(0, crop.width(), 4)
    )


def test_a_huge_blueprint_is_copied_as_a_bitmap_apps_accept_with_the_full_svg() -> None:
    from blueprint_app.ui.export.picture_clipboard import MAX_PIXELS, MAX_SIDE, clipboard_scale

    assert clipboard_scale(800, 600, 2.0) == 2.0
    wide = clipboard_scale(211_778, 822, 2.0)
    assert 211_778 * wide == pytest.approx(MAX_SIDE)
    square = clipboard_scale(20_000, 20_000, 2.0)
    assert (20_000 * square) ** 2 == pytest.approx(MAX_PIXELS)


def test_the_dialog_copies_text_formats_as_text(qtbot: Any, window: MainWindow) -> None:
    dialog = open_dialog(qtbot, window)
    choose(qtbot, dialog, "mmd")
    click(qtbot, dialog.copy_button)
    text = QGuiApplication.clipboard().text()
    assert "flowchart LR" in text and "Make the drink" in text
    assert "Copied" in dialog.note.text()
    dialog.reject()


def test_exporting_never_changes_the_document(
    qtbot: Any, window: MainWindow, dialogs: Dialogs, tmp_path: Path
) -> None:
    before = dumps(window.session.blueprint)
    dialog = open_dialog(qtbot, window)
    for name in ("png", "pdf", "html", "csv"):
        choose(qtbot, dialog, name)
    dialogs.save_paths.append(tmp_path / "coffee.csv")
    click(qtbot, dialog.export_button)
    assert dumps(window.session.blueprint) == before and not window.isWindowModified()
    assert (tmp_path / "coffee.csv").read_bytes().startswith(b"\xef\xbb\xbf")


@pytest.mark.parametrize(
    ("name", "stem"),
    [
        ("Coffee: order/pay?", "Coffee- order-pay"),
        ("  ", "blueprint"),
        ("点单 <&>", "点单 -&"),
        ("x" * 300, "x" * 100),
    ],
)
def test_suggested_file_names_are_safe_everywhere(name: str, stem: str) -> None:
    assert file_stem(name) == stem


def test_the_format_extension_is_added_unless_present() -> None:
    from blueprint_app.export.formats import FORMATS

    assert with_extension(Path("a/b"), FORMATS["png"]) == Path("a/b.png")
    assert with_extension(Path("a/b.PNG"), FORMATS["png"]) == Path("a/b.PNG")
    assert with_extension(Path("a/b.svg"), FORMATS["png"]) == Path("a/b.svg.png")
    assert with_extension(Path("a/b.bpmn20.xml"), FORMATS["bpmn"]) == Path("a/b.bpmn20.xml")


def test_a_png_too_large_to_make_is_refused_before_export_but_still_previews(
    qtbot: Any, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = open_dialog(qtbot, window)
    choose(qtbot, dialog, "png")
    dialog.form.scale.setValue(8.0)
    assert wait_preview(qtbot, dialog).too_large is False  # the coffee shop is small
    # a limit above the preview's few pixels, below the export's: as a huge blueprint would be
    monkeypatch.setattr(image, "MAX_PIXELS", 5_000_000)
    dialog.form.scale.setValue(7.5)
    result = wait_preview(qtbot, dialog)
    assert result.too_large and result.image is not None
    assert "too large" in dialog.preview.status.text()
    assert not dialog.export_button.isEnabled()
    choose(qtbot, dialog, "svg")  # vectors have no pixel size
    assert dialog.export_button.isEnabled()
    dialog.reject()


def test_a_very_long_blueprint_previews_at_a_readable_height() -> None:
    from PySide6.QtCore import QSize, QSizeF

    box = QSize(560, 400)
    assert preview_scale(QSizeF(280, 200), box) == 1.0  # small: as large as on the canvas
    assert preview_scale(QSizeF(1120, 800), box) == pytest.approx(0.5)  # fits the box
    long_scale = preview_scale(QSizeF(40_000, 800), box)
    assert 800 * long_scale >= 400 * 0.99 or 40_000 * long_scale == pytest.approx(6000)


def test_every_format_exports_through_the_dialog(
    qtbot: Any, window: MainWindow, dialogs: Dialogs, tmp_path: Path, coffee_path: Path
) -> None:
    from blueprint_app.export.formats import FORMATS

    for name, fmt in FORMATS.items():
        dialog = open_dialog(qtbot, window)
        choose(qtbot, dialog, name)
        target = tmp_path / f"all{fmt.extensions[0]}"
        dialogs.save_paths.append(target)
        click(qtbot, dialog.export_button)
        assert target.stat().st_size > 200, name
        dialog.deleteLater()
    assert load(coffee_path).title == window.session.blueprint.title
