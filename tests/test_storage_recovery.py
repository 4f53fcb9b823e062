"""Recovery copies: written atomically, offered back once their app is gone, removed on discard."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from blueprint_app.model import new_blueprint
from blueprint_app.storage import BlueprintFileError, load
from blueprint_app.storage.recovery import RecoveryStore, new_key, state_dir
from tests.conftest import DATA, ODD_TEXT


def test_a_copy_is_offered_back_and_discarded(tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path / "recovery")
    blueprint = load(DATA / "coffee.blueprint.json")
    blueprint.title = ODD_TEXT
    key = new_key()
    store.write(key, blueprint, DATA / "coffee.blueprint.json")
    [pending] = store.pending()
    assert pending.key == key
    assert pending.original == DATA / "coffee.blueprint.json"
    assert pending.title == ODD_TEXT
    assert store.recover(pending) == blueprint
    store.discard(key)
    assert store.pending() == []
    assert list((tmp_path / "recovery").iterdir()) == []


def test_untitled_documents_are_recovered_too(tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path)
    store.write(new_key(), new_blueprint("未命名"), None)
    [pending] = store.pending()
    assert pending.original is None
    assert pending.load().title == "未命名"


def test_copies_of_a_running_app_are_not_offered(tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path)
    key = new_key()
    store.write(key, new_blueprint("Open elsewhere"), None)
    meta = tmp_path / f"{key}.meta.json"
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        info = json.loads(meta.read_text())
        meta.write_text(json.dumps({**info, "pid": sleeper.pid}))
        assert store.pending() == []
    finally:
        sleeper.kill()
        sleeper.wait()
    assert [doc.key for doc in store.pending()] == [key]


def test_broken_copies_are_skipped_or_reported(tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path)
    (tmp_path / "junk.meta.json").write_text("not json")
    key = new_key()
    store.write(key, new_blueprint("Damaged"), None)
    (tmp_path / f"{key}.blueprint.json").write_text("{ half")
    (tmp_path / "nopid.meta.json").write_text('{"pid": null}')
    [pending] = store.pending()
    with pytest.raises(BlueprintFileError):
        store.recover(pending)
    assert store.pending() == []
    assert (tmp_path / f"{key}.unreadable.json").read_text() == "{ half"  # never deleted


def test_state_dir_can_be_overridden(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BLUEPRINT_STATE_DIR", str(tmp_path))
    assert state_dir() == tmp_path
    assert RecoveryStore().folder == tmp_path / "recovery"
