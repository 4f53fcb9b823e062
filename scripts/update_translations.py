"""Regenerate the Chinese translation: pyside6-lupdate, then pyside6-lrelease.

    .venv/bin/python scripts/update_translations.py

lupdate scans blueprint_app/ui, blueprint_app/canvas and blueprint_app/app.py and merges new
source strings into resources/translations/blueprint_studio_zh_CN.ts, keeping the translations
already there (removed strings are dropped). Translate the messages it marks "unfinished"
(Qt Linguist: ``pyside6-linguist FILE.ts``, or by hand in the XML), then run this again: it
compiles the .qm that the application loads. tests/test_ui_i18n.py fails while any message is
unfinished or the .qm is stale.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("zh_CN",)


def tool(name: str) -> str:
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found; it comes with PySide6")
    return found


def sources() -> list[str]:
    shell = [
        path
        for folder in ("ui", "canvas")
        for path in (ROOT / "blueprint_app" / folder).rglob("*.py")
    ]
    return [*sorted(str(p.relative_to(ROOT)) for p in shell), "blueprint_app/app.py"]


def ts_path(language: str) -> Path:
    return TRANSLATIONS / f"blueprint_studio_{language}.ts"


def update(language: str) -> None:
    ts = ts_path(language)
    subprocess.run(
        [
            tool("pyside6-lupdate"),
            *sources(),
            "-no-obsolete",
            "-locations",
            "none",
            "-target-language",
            language,
            "-ts",
            str(ts.relative_to(ROOT)),
        ],
        check=True,
        cwd=ROOT,
    )


def release(language: str) -> None:
    ts = ts_path(language)
    subprocess.run(
        [tool("pyside6-lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True, cwd=ROOT
    )


def main(argv: list[str]) -> int:
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    for language in LANGUAGES:
        if "--release-only" not in argv:
            update(language)
        release(language)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
