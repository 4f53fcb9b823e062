"""Saving in the real window when things go wrong: a file changed by another program, a full
disk, no permission, a removed folder, non-ASCII paths. The document always stays open and
unsaved, the message says why, and the user can save elsewhere."""

from __future__ import annotations

import errno
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from blueprint_app.storage import dumps, load, writer
from blueprint_app.ui.files import safe_save
from blueprint_app.ui.window.main_window import MainWindow
from tests.conftest import ODD_TEXT
from tests.ui_support import Dialogs, answer_modal, retitle, shown_window


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> Dialogs:
    return Dialogs(monkeypatch)


@pytest.fixture
def window(qtbot: Any, tmp_path: Path, dialogs: Dialogs) -> Iterator[MainWindow]:
    with shown_window(qtbot, tmp_path) as window:
        yield window


def change_behind_our_back(path: Path, title: str) -> None:
    """Another program (a colleague, a sync client) rewrites the file."""
    other = load(path).model_copy(update={"title": title})
    path.write_text(dumps(other), encoding="utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 5_000_000_000))


def test_a_file_changed_on_disk_is_not_overwritten_without_asking(
    window: MainWindow, coffee_path: Path, dialogs: Dialogs, tmp_path: Path
) -> None:
    assert window.open_path(coffee_path)
    retitle(window, "mine")
    change_behind_our_back(coffee_path, "theirs")
    seen: list[str] = []
    answer_modal("Cancel", seen)
    assert not window.save()
    assert "was changed by another program" in seen[0] and "coffee" in seen[0]
    assert load(coffee_path).title == "theirs" and window.isWindowModified()

    dialogs.save_paths.append(tmp_path / "mine-too")
    answer_modal("Save As…")
    assert window.save()
    assert load(tmp_path / "mine-too.blueprint.json").title == "mine"
    assert load(coffee_path).title == "theirs"  # both versions kept
    assert window.session.path == tmp_path / "mine-too.blueprint.json"


def test_overwrite_replaces_their_change_and_later_saves_do_not_ask(
    window: MainWindow, coffee_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert window.open_path(coffee_path)
    retitle(window, "mine")
    change_behind_our_back(coffee_path, "theirs")
    answer_modal("Overwrite")
    assert window.save()
    assert load(coffee_path).title == "mine" and not window.isWindowModified()

    def no_question(*_args: object) -> safe_save.Overwrite:
        raise AssertionError("asked although nobody else changed the file")

    monkeypatch.setattr(safe_save, "ask_overwrite", no_question)
    retitle(window, "mine again")
    assert window.save()  # our own last save is the new reference
    os.utime(coffee_path)  # touched, same bytes (a backup tool): not a change
    retitle(window, "and again")
    assert window.save()
    assert load(coffee_path).title == "and again"


def test_a_full_disk_says_so_and_lets_the_user_save_elsewhere(
    window: MainWindow,
    coffee_path: Path,
    dialogs: Dialogs,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert window.open_path(coffee_path)
    before = coffee_path.read_bytes()
    retitle(window, ODD_TEXT)
    real_replace = os.replace

    def full_disk_there(source: str, target: Any) -> None:
        if Path(target).parent == coffee_path.parent:
            raise OSError(errno.ENOSPC, "No space left on device")
        real_replace(source, target)

    monkeypatch.setattr(writer.os, "replace", full_disk_there)
    elsewhere = tmp_path / "usb stick"
    elsewhere.mkdir()
    dialogs.save_elsewhere.append(True)
    dialogs.save_paths.append(elsewhere / "rescued")
    assert window.save()
    title, message = dialogs.errors[0]
    assert title == "Cannot save the blueprint" and "the disk is full" in message
    assert coffee_path.read_bytes() == before  # never truncated
    assert load(elsewhere / "rescued.blueprint.json").title == ODD_TEXT
    assert window.session.path == elsewhere / "rescued.blueprint.json"
    assert not window.isWindowModified()
    assert list(coffee_path.parent.glob(".*.tmp")) == []  # no temporary file left behind


def test_no_permission_keeps_the_document_open_and_unsaved(
    window: MainWindow, coffee_path: Path, dialogs: Dialogs, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert window.open_path(coffee_path)
    retitle(window, "changed")

    def read_only(*_args: object) -> None:
        raise OSError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(writer.os, "replace", read_only)
    assert not window.save()  # the user answered Cancel to "save elsewhere?"
    assert "no permission to write in" in dialogs.errors[0][1]
    assert window.isWindowModified() and window.session.path == coffee_path
    assert window.session.blueprint.title == "changed"


def test_a_removed_folder_is_explained_and_save_elsewhere_works(
    window: MainWindow, dialogs: Dialogs, tmp_path: Path
) -> None:
    folder = tmp_path / "project"
    folder.mkdir()
    retitle(window, "first")
    dialogs.save_paths.append(folder / "plan")
    assert window.save()
    shutil.rmtree(folder)
    retitle(window, "second")
    dialogs.save_elsewhere.append(True)
    dialogs.save_paths.append(tmp_path / "plan")
    assert window.save()
    assert "does not exist (was it removed?)" in dialogs.errors[0][1]
    assert load(tmp_path / "plan.blueprint.json").title == "second"


def test_chinese_paths_open_save_and_fail_clearly(
    window: MainWindow,
    coffee_path: Path,
    dialogs: Dialogs,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    folder = tmp_path / "中文 文件夹 🎉"
    folder.mkdir()
    path = folder / "咖啡店.blueprint.json"
    shutil.copy(coffee_path, path)
    assert window.open_path(path)
    assert window.windowTitle().startswith("咖啡店[*]")
    retitle(window, "保存")
    assert window.save()
    assert load(path).title == "保存"

    def full(*_args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    retitle(window, "again")
    monkeypatch.setattr(writer.os, "replace", full)
    assert not window.save()
    assert "咖啡店.blueprint.json" in dialogs.errors[0][1]
    assert load(path).title == "保存" and window.isWindowModified()


def test_the_failure_dialog_offers_save_elsewhere(qtbot: Any, tmp_path: Path) -> None:
    with shown_window(qtbot, tmp_path) as window:  # the real dialog, clicked
        seen: list[str] = []
        answer_modal("Save Elsewhere…", seen)
        assert safe_save.ask_after_failure(window, "Cannot save", "the disk is full")
        answer_modal("Cancel")
        assert not safe_save.ask_after_failure(window, "Cannot save", "the disk is full")
        assert seen == ["the disk is full"]


def test_saving_over_a_read_only_file_says_so_and_offers_save_as(
    window: MainWindow, coffee_path: Path, dialogs: Dialogs, tmp_path: Path
) -> None:
    assert window.open_path(coffee_path)
    coffee_path.chmod(0o444)
    before = coffee_path.read_bytes()
    retitle(window, "changed")
    dialogs.save_elsewhere.append(True)
    dialogs.save_paths.append(tmp_path / "copy")
    assert window.save()
    assert "the file is read-only" in dialogs.errors[0][1]
    assert coffee_path.read_bytes() == before
    assert load(tmp_path / "copy.blueprint.json").title == "changed"
    assert window.session.path == tmp_path / "copy.blueprint.json"
