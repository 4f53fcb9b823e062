"""A failed save leaves the old file byte-identical and says why; no temporary files linger."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from blueprint_app.model import Step
from blueprint_app.storage import BlueprintFileError, load, save


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
