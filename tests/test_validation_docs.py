"""docs/rules.md is generated from the rules; the committed copy must be current."""

from __future__ import annotations

from pathlib import Path

from blueprint_app.validation import all_rules
from blueprint_app.validation.docs import main, rules_markdown

ROOT = Path(__file__).parent.parent


def test_committed_rules_md_is_current() -> None:
    committed = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert committed == rules_markdown(), (
        "docs/rules.md is stale: run python -m blueprint_app.validation.docs docs/rules.md"
    )


def test_every_rule_is_documented_with_examples(tmp_path: Path) -> None:
    target = tmp_path / "rules.md"
    assert main([str(target)]) == 0
    text = target.read_text(encoding="utf-8")
    for rule in all_rules():
        section = text.split(f"### {rule.id} {rule.name}\n", 1)[1].split("\n### ", 1)[0]
        assert f"- Bad: {rule.bad}" in section and f"- Good: {rule.good}" in section
        assert "提示信息：" in section
