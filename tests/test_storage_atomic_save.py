"""A failed save leaves the old file byte-identical and says why; no temporary files linger."""

from __future__ import annotations

import errno
import os
import time
from pathlib import Path

import pytest

from blueprint_app.model import Step
from blueprint_app.storage import BlueprintFileError, load, save
from tests.conftest import DATA


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def _explode_on_write(monkeypatch: pytest.MonkeyPatch, error: BaseException) -> None:
    """The temporary file gets half the bytes, then ``error`` is raised, like a crash mid-write."""
    real_fdopen = os.fdopen

    class Exploding:
        def __init__(self, handle: int, mode: str) -> None:
            self.stream = real_fdopen(handle, mode)

        def __enter__(self) -> Exploding:
            return self

        def __exit__(self, *_exc: object) -> None:
            self.stream.close()

        def write(self, data: bytes) -> None:
            self.stream.write(data[: len(data) // 2])
            raise error

    monkeypatch.setattr(os, "fdopen", Exploding)


@pytest.mark.parametrize(
    ("where", "code", "reason"),
    [
        (
            "write",
            errno.ENOSPC,
            "the disk is full; free some space or save elsewhere (the old file is unchanged)",
        ),
        ("fsync", errno.EIO, "Input/output error (the old file is unchanged)"),
        ("replace", errno.EACCES, "no permission to write in '{folder}'; save elsewhere"),
    ],
)
def test_interrupted_save_keeps_the_old_file(
    coffee_path: Path, monkeypatch: pytest.MonkeyPatch, where: str, code: int, reason: str
) -> None:
    before = coffee_path.read_bytes()
    blueprint = load(coffee_path)
    blueprint.title = "Changed"

    def fail(*_args: object, **_kwargs: object) -> None:
        raise OSError(code, os.strerror(code))

    if where == "write":
        _explode_on_write(monkeypatch, OSError(code, os.strerror(code)))
    else:
        monkeypatch.setattr(os, where, fail)
    with pytest.raises(BlueprintFileError) as caught:
        save(blueprint, coffee_path)
    monkeypatch.undo()
    assert str(caught.value) == (
        f"Cannot save 'coffee.blueprint.json': {reason.format(folder=coffee_path.parent)}"
    )
    assert coffee_path.read_bytes() == before
    assert _leftovers(coffee_path.parent) == []


def test_exception_mid_write_keeps_old_file(
    coffee_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Not an OSError: an unexpected crash half-way still leaves the old file intact."""
    before = coffee_path.read_bytes()
    _explode_on_write(monkeypatch, RuntimeError("power cut"))
    with pytest.raises(RuntimeError):
        save(load(coffee_path), coffee_path)
    monkeypatch.undo()
    assert coffee_path.read_bytes() == before
    assert _leftovers(coffee_path.parent) == []


def test_unwritable_destination(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    target = folder / "a.blueprint.json"
    blueprint = load(Path(__file__).parent / "data" / "coffee.blueprint.json")
    save(blueprint, target)
    before = target.read_bytes()
    # Root ignores permission bits, so make the folder unwritable by replacing it with a file path.
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("x")
    with pytest.raises(BlueprintFileError) as caught:
        save(blueprint, blocked / "b.blueprint.json")
    assert "Cannot save 'b.blueprint.json'" in str(caught.value)
    assert target.read_bytes() == before


def test_removed_folder(tmp_path: Path) -> None:
    blueprint = load(Path(__file__).parent / "data" / "coffee.blueprint.json")
    with pytest.raises(BlueprintFileError) as caught:
        save(blueprint, tmp_path / "gone" / "a.blueprint.json")
    assert str(caught.value) == (
        f"Cannot save 'a.blueprint.json': the folder '{tmp_path / 'gone'}' does not exist "
        "(was it removed?)"
    )


def test_inconsistent_document_is_refused(coffee_path: Path) -> None:
    before = coffee_path.read_bytes()
    blueprint = load(coffee_path)
    blueprint.steps.append(Step(id="lost", lane="nowhere", title="Lost"))
    with pytest.raises(BlueprintFileError) as caught:
        save(blueprint, coffee_path)
    assert str(caught.value) == (
        "Cannot save 'coffee.blueprint.json': steps[11].lane: no lane with id 'nowhere'"
    )
    assert coffee_path.read_bytes() == before


def test_file_mode_is_kept(coffee_path: Path) -> None:
    coffee_path.chmod(0o640)
    save(load(coffee_path), coffee_path)
    assert coffee_path.stat().st_mode & 0o777 == 0o640


def test_saving_through_a_symlink_keeps_the_link(coffee_path: Path, tmp_path: Path) -> None:
    link = tmp_path / "link.blueprint.json"
    link.symlink_to(coffee_path)
    blueprint = load(link)
    blueprint.title = "Via link"
    save(blueprint, link)
    assert link.is_symlink()
    assert load(coffee_path).title == "Via link"


def test_an_impossible_name_is_a_clear_error(tmp_path: Path) -> None:
    blueprint = load(Path(__file__).parent / "data" / "coffee.blueprint.json")
    with pytest.raises(BlueprintFileError) as caught:
        save(blueprint, tmp_path / ("x" * 300 + ".blueprint.json"))
    assert "File name too long" in str(caught.value)


def test_a_read_only_file_is_refused_not_replaced(coffee_path: Path) -> None:
    """The rename needs only the folder's permission: without this check a 0444 file was
    silently rewritten (by root too, which is how editors behave: they ask first)."""
    before = coffee_path.read_bytes()
    coffee_path.chmod(0o444)
    blueprint = load(coffee_path)
    blueprint.title = "Changed"
    with pytest.raises(BlueprintFileError) as caught:
        save(blueprint, coffee_path)
    assert str(caught.value) == (
        "Cannot save 'coffee.blueprint.json': the file is read-only; save elsewhere, "
        "or make it writable first"
    )
    assert coffee_path.read_bytes() == before and coffee_path.stat().st_mode & 0o777 == 0o444
    assert _leftovers(coffee_path.parent) == []


def test_a_failed_first_save_promises_nothing_about_an_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blueprint = load(DATA / "coffee.blueprint.json")
    _explode_on_write(monkeypatch, OSError(errno.EIO, os.strerror(errno.EIO)))
    with pytest.raises(BlueprintFileError) as caught:
        save(blueprint, tmp_path / "new.blueprint.json")
    monkeypatch.undo()
    assert str(caught.value).endswith("Input/output error (nothing was written)")
    assert list(tmp_path.iterdir()) == []


def test_a_protected_file_is_named_as_such_not_the_folder(
    coffee_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An immutable file (chattr +i) refuses the rename with EPERM in a writable folder."""

    def immutable(*_args: object) -> None:
        raise OSError(errno.EPERM, os.strerror(errno.EPERM))

    monkeypatch.setattr(os, "replace", immutable)
    with pytest.raises(BlueprintFileError) as caught:
        save(load(coffee_path), coffee_path)
    assert "the file is protected" in str(caught.value)
    assert "no permission to write in" not in str(caught.value)


def test_stale_temporaries_of_our_naming_are_cleaned_and_nothing_else(coffee_path: Path) -> None:
    """A save killed between create and rename leaves ``.NAME.XXXXXXXX.tmp``; the next save
    clears such files once they are an hour old, and never a fresh one or another name."""
    folder = coffee_path.parent
    old = folder / f".{coffee_path.name}.abc_1234.tmp"
    fresh = folder / f".{coffee_path.name}.xyz_9876.tmp"
    other = folder / ".other.blueprint.json.abc_1234.tmp"
    mine_but_odd = folder / f".{coffee_path.name}.notours.tmp"
    for path in (old, fresh, other, mine_but_odd):
        path.write_bytes(b"partial")
    two_hours_ago = time.time() - 7200
    for path in (old, other, mine_but_odd):
        os.utime(path, (two_hours_ago, two_hours_ago))
    save(load(coffee_path), coffee_path)
    assert not old.exists()
    assert fresh.exists() and other.exists() and mine_but_odd.exists()
