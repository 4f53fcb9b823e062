"""The committed template files are exactly what their bilingual sources generate."""

from __future__ import annotations

from scripts import build_templates


def test_committed_files_equal_the_generator_output() -> None:
    files = build_templates.expected_files()
    assert files, "no sources"
    for path, text in files.items():
        assert path.exists(), f"{path.name} is not committed; run python -m scripts.build_templates"
        assert path.read_text(encoding="utf-8") == text, (
            f"{path.name} differs from its source; run python -m scripts.build_templates"
        )
