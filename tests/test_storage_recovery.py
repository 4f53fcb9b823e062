"""Recovery copies: written atomically, offered back once their app is gone (its lock free),
removed on discard."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from blueprint_app.model import new_blueprint
from blueprint_app.storage import BlueprintFileError, instance_lock, load
from blueprint_app.storage.recovery import RecoveryStore, new_key, state_dir
from tests.conftest import DATA, ODD_TEXT

ROOT = Path(__file__).parent.parent


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
    left = [path.name for path in (tmp_path / "recovery").iterdir()]
    assert left == [f"{store.instance}.lock"]  # held while this app runs


def test_untitled_documents_are_recovered_too(tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path)
    store.write(new_key(), new_blueprint("未命名"), None)
    [pending] = store.pending()
    assert pending.original is None
    assert pending.load().title == "未命名"


LIVE_APP = """
import sys
from pathlib import Path
from blueprint_app.model import new_blueprint
from blueprint_app.storage.recovery import RecoveryStore
RecoveryStore(Path(sys.argv[1])).write(sys.argv[2], new_blueprint("Open elsewhere"), None)
print("WRITTEN", flush=True)
sys.stdin.read()  # runs until killed
"""


@pytest.fixture
def live_app(tmp_path: Path) -> Iterator[tuple[subprocess.Popen[str], str]]:
    """Another app, in its own process, that wrote a copy and is still running."""
    key = new_key()
    child = subprocess.Popen(
        [sys.executable, "-c", LIVE_APP, str(tmp_path), key],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
    )
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "WRITTEN"
        yield child, key
    finally:
        child.kill()
        child.wait(timeout=30)


def test_copies_of_a_running_app_are_never_offered_and_are_once_it_is_killed(
    tmp_path: Path, live_app: tuple[subprocess.Popen[str], str]
) -> None:
    child, key = live_app
    store = RecoveryStore(tmp_path)
    [meta] = tmp_path.glob("*.meta.json")
    owner = json.loads(meta.read_text())["instance"]
    assert owner != store.instance and (tmp_path / f"{owner}.lock").is_file()
    assert store.pending() == []
    assert store.pending() == []  # asking does not take the live app's lock
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL
    assert [doc.key for doc in store.pending()] == [key]
    assert not (tmp_path / f"{owner}.lock").exists()  # a dead app's lock file is tidied away


def _as_left_by(store: RecoveryStore, key: str, **meta: object) -> None:
    """Rewrite a copy's meta as another app (dead or older) would have left it."""
    path = store.folder / f"{key}.meta.json"
    info = {**json.loads(path.read_text()), **meta}
    path.write_text(json.dumps({k: v for k, v in info.items() if v is not None}))


def test_a_reused_process_id_does_not_hide_a_copy(tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path)
    unrelated = subprocess.Popen(
        [sys.executable, "-c", "import sys; sys.stdin.read()"], stdin=subprocess.PIPE
    )
    try:
        dead_app, old_app = new_key(), new_key()
        store.write(dead_app, new_blueprint("Crashed"), None)
        _as_left_by(store, dead_app, instance=new_key(), pid=unrelated.pid)
        store.write(old_app, new_blueprint("Before the locks"), None)
        _as_left_by(store, old_app, instance=None, pid=unrelated.pid)  # an older app's meta
        assert sorted(doc.key for doc in store.pending()) == sorted([dead_app, old_app])
    finally:
        unrelated.kill()
        unrelated.wait(timeout=30)


def test_a_clean_exit_removes_the_lock_file(tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path)
    store.write(new_key(), new_blueprint("Mine"), None)
    lock = tmp_path / f"{store.instance}.lock"
    assert lock.is_file() and instance_lock.is_alive(tmp_path, store.instance)
    instance_lock.release_all()
    assert not lock.exists() and not instance_lock.is_alive(tmp_path, store.instance)


def test_old_lock_files_of_crashed_apps_without_copies_are_swept(tmp_path: Path) -> None:
    fresh, stale = tmp_path / f"{new_key()}.lock", tmp_path / f"{new_key()}.lock"
    fresh.touch()
    stale.touch()
    old = time.time() - instance_lock.STALE_SECONDS - 10
    os.utime(stale, (old, old))  # a fresh one may belong to an app about to lock it
    RecoveryStore(tmp_path).pending()
    assert fresh.exists() and not stale.exists()


def test_broken_copies_are_skipped_or_reported(tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path)
    (tmp_path / "junk.meta.json").write_text("not json")
    key = new_key()
    store.write(key, new_blueprint("Damaged"), None)
    (tmp_path / f"{key}.blueprint.json").write_text("{ half")
    (tmp_path / "noinstance.meta.json").write_text('{"instance": "../../elsewhere"}')
    [pending] = store.pending()
    with pytest.raises(BlueprintFileError):
        store.recover(pending)
    assert store.pending() == []
    assert (tmp_path / f"{key}.unreadable.json").read_text() == "{ half"  # never deleted


def test_state_dir_can_be_overridden(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BLUEPRINT_STATE_DIR", str(tmp_path))
    assert state_dir() == tmp_path
    assert RecoveryStore().folder == tmp_path / "recovery"


def test_unsaved_work_is_readable_by_its_owner_only(tmp_path: Path) -> None:
    """A recovery copy holds someone's unsaved work: folder 0700, copies 0600, whatever the
    umask; a folder an older version made 0755 is narrowed."""
    folder = tmp_path / "recovery"
    folder.mkdir(mode=0o755)
    folder.chmod(0o755)
    old_umask = os.umask(0o022)
    try:
        store = RecoveryStore(folder)
        copy = store.write(new_key(), new_blueprint("Private"), None)
    finally:
        os.umask(old_umask)
    assert folder.stat().st_mode & 0o777 == 0o700
    for path in (copy, copy.with_name(copy.name.replace(".blueprint.json", ".meta.json"))):
        assert path.stat().st_mode & 0o777 == 0o600, path.name


def test_a_copy_whose_meta_was_never_written_is_offered_once_old(tmp_path: Path) -> None:
    """Killed between the copy and its meta (an older version wrote the copy first): the copy
    was never offered and never cleaned. Once older than a minute it is offered."""
    store = RecoveryStore(tmp_path)
    key = new_key()
    copy = tmp_path / f"{key}.blueprint.json"
    copy.write_bytes((DATA / "coffee.blueprint.json").read_bytes())
    assert store.pending() == []  # young: its app may be writing the meta right now
    old = time.time() - 120
    os.utime(copy, (old, old))
    [offered] = store.pending()
    assert offered.key == key and offered.title == "Coffee to go" and offered.original is None
    assert store.recover(offered).title == "Coffee to go"
    store.discard(key)
    assert list(tmp_path.glob("*.json")) == []


def test_a_meta_whose_copy_was_never_written_is_cleared(tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path)
    key = new_key()
    meta = tmp_path / f"{key}.meta.json"
    meta.write_text(json.dumps({"title": "Lost", "instance": "0" * 32}), encoding="utf-8")
    assert store.pending() == [] and not meta.exists()


def test_stale_temporaries_in_the_recovery_folder_are_cleared(tmp_path: Path) -> None:
    """A kill mid-write leaves ``.KEY.blueprint.json.XXXXXXXX.tmp``; old ones of our naming go,
    a fresh one (a write in progress) and foreign files stay."""
    key = new_key()
    stale = tmp_path / f".{key}.blueprint.json.abcd1234.tmp"
    fresh = tmp_path / f".{key}.meta.json.wxyz6789.tmp"
    foreign = tmp_path / "notes.txt.abcd1234.tmp"
    for path in (stale, fresh, foreign):
        path.write_bytes(b"partial")
    old = time.time() - 7200
    for path in (stale, foreign):
        os.utime(path, (old, old))
    RecoveryStore(tmp_path).pending()
    assert not stale.exists() and fresh.exists() and foreign.exists()


def test_a_failed_refresh_leaves_the_meta_telling_the_copys_true_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a refresh the copy is written first: a full disk then leaves the old copy and the old
    meta, so the recovery question does not name a newer time than the copy holds."""
    from blueprint_app.storage import recovery

    store = RecoveryStore(tmp_path)
    key = new_key()
    store.write(key, new_blueprint("First"), None)
    meta = tmp_path / f"{key}.meta.json"
    before = meta.read_bytes()
    real = recovery.write_atomic

    def full_disk(path: Path, data: bytes, mode: int | None = None) -> None:
        if path.name.endswith(".blueprint.json"):
            raise BlueprintFileError(path, ["the disk is full"], action="save")
        real(path, data, mode)

    monkeypatch.setattr(recovery, "write_atomic", full_disk)
    with pytest.raises(BlueprintFileError):
        store.write(key, new_blueprint("Second"), None)
    assert meta.read_bytes() == before
    assert load(tmp_path / f"{key}.blueprint.json").title == "First"
