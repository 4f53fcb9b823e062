"""Write the bundled templates (English and Simplified Chinese) and the showcase example.

Usage: python -m scripts.build_templates [--check]
Each template is one Python source in scripts/template_sources/; both language files come from
it, so they share every id, flow and layout. ``--check`` writes nothing and exits 1 when a
committed file differs from what the sources give (tests/test_templates_build.py runs it).
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

from blueprint_app.storage import dumps
from scripts.template_sources.dsl import LANGUAGES, Source

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = ROOT / "resources" / "templates"
EXAMPLES = ROOT / "resources" / "examples"
SOURCES = (
    "hotel_stay",
    "fast_food",
    "bank_account",
    "hospital",
    "online_order",
    "complaint",
    "real_estate",
    "broadband",
)
#: the showcase example is the English hotel template
EXAMPLE = ("hotel_stay", "hotel-stay.blueprint.json")


def sources() -> list[Source]:
    return [importlib.import_module(f"scripts.template_sources.{name}").source for name in SOURCES]


def expected_files() -> dict[Path, str]:
    """Every generated file and its canonical text."""
    files: dict[Path, str] = {}
    for source in sources():
        for lang in LANGUAGES:
            files[TEMPLATES / f"{source.name}.{lang}.blueprint.json"] = dumps(source.build(lang))
    example = importlib.import_module(f"scripts.template_sources.{EXAMPLE[0]}").source
    files[EXAMPLES / EXAMPLE[1]] = dumps(example.build("en"))
    return files


def main(argv: list[str]) -> int:
    stale = []
    for path, text in expected_files().items():
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current == text:
            continue
        stale.append(path)
        if "--check" not in argv:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path.relative_to(ROOT)}")
    if "--check" in argv and stale:
        for path in stale:
            print(f"out of date: {path.relative_to(ROOT)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
