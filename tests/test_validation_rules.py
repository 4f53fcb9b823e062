"""Every rule fires on a minimal blueprint made for it, and not on a near-identical one."""

from __future__ import annotations

import re

import pytest

from blueprint_app.validation import Severity, all_rules, validate
from blueprint_app.validation.messages import MESSAGES, TERMS
from tests.validation_cases import CASES, Edit, build, clean, variant


def test_the_clean_blueprint_has_no_findings_at_all() -> None:
    assert validate(build(clean())) == []


def test_every_rule_has_a_case() -> None:
    assert sorted({case[0] for case in CASES}) == [rule.id for rule in all_rules()]


@pytest.mark.parametrize(
    ("rule_id", "bad", "good", "items"), CASES, ids=[case[0] for case in CASES]
)
def test_rule_fires_on_bad_and_not_on_good(
    rule_id: str, bad: Edit, good: Edit, items: tuple[str, ...]
) -> None:
    found = [f for f in validate(variant(bad)) if f.rule == rule_id]
    assert found, f"{rule_id} did not fire"
    assert found[0].items == items
    assert found[0].message and found[0].hint
    assert [f for f in validate(variant(good)) if f.rule == rule_id] == []


@pytest.mark.parametrize(
    ("rule_id", "bad"), [case[:2] for case in CASES], ids=[case[0] for case in CASES]
)
def test_findings_name_real_items_and_read_in_chinese(rule_id: str, bad: Edit) -> None:
    blueprint = variant(bad)
    known = {
        item.id
        for items in (blueprint.lanes, blueprint.phases, blueprint.steps, blueprint.flows)
        for item in items
    }
    chinese = [f for f in validate(blueprint, language="zh-CN") if f.rule == rule_id]
    assert chinese
    for finding in chinese:
        assert set(finding.items) <= known
        assert re.search(r"[\u4e00-\u9fff]", finding.message), finding.message
        assert re.search(r"[\u4e00-\u9fff]", finding.hint), finding.hint


def test_rules_are_documented_and_translated() -> None:
    for rule in all_rules():
        assert re.fullmatch(r"BP\d{3}", rule.id)
        assert re.fullmatch(r"[a-z]+(-[a-z]+)*", rule.name)
        assert rule.description and rule.bad and rule.good
        assert "Source:" in rule.description, f"{rule.id} names no literature source"
        for language in MESSAGES:
            assert rule.id in MESSAGES[language]
    assert MESSAGES["en"].keys() == MESSAGES["zh"].keys()
    assert TERMS["en"].keys() == TERMS["zh"].keys()


def test_severities_and_order_are_deterministic() -> None:
    doc = clean()
    doc["steps"][3]["channel"] = ""  # BP053 info
    doc["steps"][4]["actor"] = ""  # BP050 info
    doc["steps"][1]["kind"] = "decision"  # two branches (take, wait): BP027 warnings
    doc["steps"][5]["kind"] = "decision"  # one branch: BP026 error
    doc["flows"].append({"id": "x", "source": "take", "target": "take"})  # BP001 warning
    doc["steps"][6]["duration_minutes"] = None  # BP064 warning
    findings = validate(build(doc))
    ranks = [f.severity.rank for f in findings]
    assert ranks == sorted(ranks)
    assert findings[0].severity is Severity.ERROR
    assert findings == validate(build(doc))
    keys = [(f.severity.rank, f.rule) for f in findings]
    assert keys == sorted(keys)
