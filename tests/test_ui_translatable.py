"""Every window string can be translated: lupdate finds it under the context used at run time."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

from scripts.update_translations import sources as shell_sources

ROOT = Path(__file__).parent.parent


def lupdate() -> str:
    found = shutil.which("pyside6-lupdate", path=str(Path(sys.executable).parent))
    assert found, "pyside6-lupdate comes with PySide6"
    return found


def test_lupdate_finds_the_window_strings_under_their_runtime_contexts(tmp_path: Path) -> None:
    sources = shell_sources()
    target = tmp_path / "editor.ts"
    subprocess.run(
        [lupdate(), *sources, "-ts", str(target)],
        check=True,
        capture_output=True,
        timeout=120,
        cwd=ROOT,
    )
    text = target.read_text(encoding="utf-8")
    contexts = {
        re.search(r"<name>(.*?)</name>", block, re.S).group(1):  # type: ignore[union-attr]
        re.findall(r"<source>(.*?)</source>", block, re.S)
        for block in re.findall(r"<context>(.*?)</context>", text, re.S)
    }
    assert all(name and "." not in name for name in contexts), sorted(contexts)
    assert (
        "&amp;Save" in contexts["Actions"]
        and "Save the changes to “{name}” before closing it?" in contexts["Dialogs"]
    )
    assert sum(len(messages) for messages in contexts.values()) > 120
