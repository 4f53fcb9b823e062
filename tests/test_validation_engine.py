"""The engine around the rules: settings, languages, journey time, odd input, real files."""

from __future__ import annotations

import gc

import pytest

from benchmarks.generate import generate_blueprint
from blueprint_app.analysis.process import customer_journey
from blueprint_app.model import new_blueprint
from blueprint_app.storage import load
from blueprint_app.validation import (
    Finding,
    Severity,
    counts,
    find_rule,
    for_item,
    validate,
    worst_by_item,
)
from tests.conftest import DATA, ODD_TEXT
from tests.validation_cases import add_flow, add_step, build, clean, step


def _rules(findings: list[Finding]) -> list[str]:
    return [f.rule for f in findings]


def _no_channel() -> dict[str, object]:
    doc = clean()
    step(doc, "take")["channel"] = ""
    return doc


@pytest.mark.parametrize("key", ["BP053", "bp053", "frontstage-without-channel"])
def test_rules_object_turns_a_rule_off_by_id_or_name(key: str) -> None:
    doc = _no_channel()
    assert _rules(validate(build(doc))) == ["BP053"]
    doc["rules"] = {key: "off"}
    assert validate(build(doc)) == []


def test_rules_object_changes_severity() -> None:
    doc = _no_channel()
    doc["rules"] = {"frontstage-without-channel": "error"}
    [finding] = validate(build(doc))
    assert finding.severity is Severity.ERROR


def test_caller_settings_win_over_the_file() -> None:
    doc = _no_channel()
    doc["rules"] = {"BP053": "off"}
    assert _rules(validate(build(doc), overrides={"BP053": "warning"})) == ["BP053"]
    assert validate(build(doc), overrides={"BP053": "warning"}, disabled=["BP053"]) == []
    with pytest.raises(ValueError, match="unknown rule"):
        validate(build(doc), disabled=["BP999"])
    with pytest.raises(ValueError, match="bad rule setting"):
        validate(build(doc), overrides={"BP053": "loud"})


def test_bad_entries_in_the_rules_object_are_reported_not_fatal() -> None:
    doc = _no_channel()
    doc["rules"] = {"BP053": "never", "no-such-rule": "off", "BP050": 3}
    findings = validate(build(doc))
    assert _rules(findings) == ["BP090", "BP090", "BP090", "BP053"]
    assert findings[-1].severity is Severity.INFO  # the bad value left the default in place
    assert "no-such-rule: off" in findings[1].message  # file order
    assert "no rule has this id or name" in findings[1].message


def test_language_follows_the_blueprint_unless_given() -> None:
    doc = _no_channel()
    doc["language"] = "zh-CN"
    [chinese] = validate(build(doc))
    assert chinese.message == "前台步骤“Take order”没有填写渠道。"
    [english] = validate(build(doc), language="en")
    assert english.message == "Frontstage step “Take order” has no channel."
    for tag in ("zh", "zh-Hans", "zh_TW"):
        assert validate(build(doc), language=tag)[0].message == chinese.message
    assert validate(build(doc), language="fr")[0].message == english.message


def test_moment_of_truth_message_says_what_is_missing() -> None:
    doc = clean()
    step(doc, "order").update(moment_of_truth=True, target_minutes=2)
    [finding] = validate(build(doc))
    assert finding.message == "Moment of truth “Order” has no written service standard."
    step(doc, "order").update(standard="Smile", target_minutes=None)
    [finding] = validate(build(doc), language="zh-CN")
    assert finding.message == "关键时刻“Order”没有时限目标。"


def test_journey_counts_the_longest_path_not_parallel_work() -> None:
    doc = clean()
    step(doc, "cook")["duration_minutes"] = 10
    step(doc, "take")["duration_minutes"] = 1
    doc["target_minutes"] = 12
    journey = customer_journey(build(doc))
    assert journey is not None
    # order 2 + take 1 + cook 10; the 3-minute wait runs in parallel and is not added
    assert journey.total_minutes == 13
    assert journey.path == ("arrive", "order", "take", "cook", "kitchen", "serve", "leave")
    [finding] = validate(build(doc))
    assert finding.rule == "BP063" and finding.items == journey.path
    assert finding.data == {"total_minutes": 13, "target_minutes": 12, "path": list(journey.path)}
    assert "13 min" in finding.message and "Walk in → Order → Take order → Cook" in finding.message


def test_journey_walks_a_loop_once_and_ignores_recovery() -> None:
    doc = clean()
    add_flow(doc, "serve", "order", label="another round")  # a loop back
    step(doc, "cook").update(fail_point=True, duration_minutes=1)
    add_step(doc, "redo", "backstage", 400, duration_minutes=30)
    add_flow(doc, "cook", "redo", "recovery")
    add_flow(doc, "redo", "kitchen")
    journey = customer_journey(build(doc))
    assert journey is not None
    assert journey.total_minutes == 5  # order 2 + wait 3; the 30-minute recovery is not the norm
    assert journey.path == ("arrive", "order", "wait", "serve", "leave")


def test_a_trapped_loop_is_reported_once_and_what_leads_into_it_as_dead_end() -> None:
    doc = clean()
    add_step(doc, "a", "frontstage", 600)
    add_step(doc, "b", "frontstage", 800)
    add_step(doc, "c", "frontstage", 1000)
    add_flow(doc, "take", "c")
    add_flow(doc, "c", "a")
    add_flow(doc, "a", "b")
    add_flow(doc, "b", "a")
    findings = validate(build(doc), disabled=["BP042"])
    assert [(f.rule, f.items) for f in findings] == [("BP023", ("c",)), ("BP025", ("a", "b"))]
    assert findings[1].message == "2 steps form a loop with no way out: A → B."


def test_customer_step_off_the_customer_path() -> None:
    doc = clean()
    add_step(doc, "sign", "customer", 800, title="Sign the form")
    add_step(doc, "check", "frontstage", 800)
    add_step(doc, "ev", "evidence", 800, kind="evidence")
    add_flow(doc, "take", "sign")
    add_flow(doc, "sign", "check")
    add_flow(doc, "check", "cook")
    add_flow(doc, "ev", "sign", "evidence")
    [finding] = validate(build(doc))
    assert (finding.rule, finding.items) == ("BP029", ("sign",))
    assert finding.message == (
        "Customer step “Sign the form” is not on the customer's own path from start to end."
    )


def test_broken_customer_path_is_one_finding() -> None:
    doc = clean()
    doc["steps"] = [s for s in doc["steps"] if s["id"] != "wait"]
    doc["flows"] = [f for f in doc["flows"] if "wait" not in (f["source"], f["target"])]
    [finding] = validate(build(doc))
    assert finding.rule == "BP029" and finding.items == ("order",)
    assert (
        finding.message == "The customer's own path never reaches an end: it breaks after “Order”."
    )


def test_odd_and_long_titles_do_not_break_messages() -> None:
    doc = _no_channel()
    step(doc, "take")["title"] = ODD_TEXT
    [finding] = validate(build(doc), language="zh-CN")
    assert "中文标签 <b>&amp;</b>" in finding.message and "\n" not in finding.message
    step(doc, "take")["title"] = "长" * 500 + "{step} {0}"
    [finding] = validate(build(doc))
    assert finding.message == f"Frontstage step “{'长' * 59}…” has no channel."


def test_an_empty_new_blueprint_has_nothing_to_report() -> None:
    assert validate(new_blueprint("Blank", "zh-CN")) == []


def test_dangling_references_do_not_crash() -> None:
    blueprint = build(clean())
    blueprint.flows[0].target = "ghost"
    blueprint.steps[3].lane = "nowhere"
    findings = validate(blueprint)
    assert "BP022" in _rules(findings)


def test_the_coffee_example_has_no_errors() -> None:
    for language in ("en", "zh-CN"):
        findings = validate(load(DATA / "coffee.blueprint.json"), language=language)
        assert counts(findings)[Severity.ERROR] == 0, findings


def test_generated_blueprint_findings_name_real_items() -> None:
    blueprint = generate_blueprint(300)
    findings = validate(blueprint)
    known = (
        {s.id for s in blueprint.steps}
        | {f.id for f in blueprint.flows}
        | {p.id for p in blueprint.phases}
    )
    assert all(set(f.items) <= known for f in findings)
    # generated blueprints are complete: benchmarks measure realistic, valid input
    assert [f for f in findings if f.severity is Severity.ERROR] == []
    assert findings  # but not silent: hand-offs and missing channels are reported as info


def test_findings_are_values_for_a_problems_panel() -> None:
    findings = validate(build(_no_channel()))
    assert len(set(findings) | set(validate(build(_no_channel())))) == 1
    assert findings[0].as_json() == {
        "rule": "BP053",
        "name": "frontstage-without-channel",
        "severity": "info",
        "message": "Frontstage step “Take order” has no channel.",
        "hint": "Set the channel: in person, phone, web, app, mail, …",
        "items": ["take"],
    }
    assert find_rule("dead-end") is find_rule("bp023")


@pytest.mark.parametrize("enabled", [True, False])
def test_garbage_collector_state_is_restored(enabled: bool) -> None:
    was = gc.isenabled()
    try:
        gc.enable() if enabled else gc.disable()
        validate(build(clean()))
        assert gc.isenabled() is enabled
    finally:
        gc.enable() if was else gc.disable()


def test_badges_show_the_worst_severity_per_item() -> None:
    doc = _no_channel()  # BP053 info on take
    step(doc, "take")["kind"] = "decision"  # BP026 error on take (and its one branch f3)
    findings = validate(build(doc))
    badges = worst_by_item(findings)
    assert badges == {"take": Severity.ERROR, "f3": Severity.ERROR}
    assert [f.rule for f in for_item(findings, "take")] == ["BP026", "BP053"]
    assert for_item(findings, "leave") == []


def test_shipped_blueprints_have_no_errors() -> None:
    """The examples and templates users start from must pass; new ones are picked up here."""
    root = DATA.parent.parent
    files = sorted(DATA.glob("*.blueprint.json")) + sorted(
        root.glob("resources/**/*.blueprint.json")
    )
    assert DATA / "coffee.blueprint.json" in files
    for path in files:
        errors = [f for f in validate(load(path)) if f.severity is Severity.ERROR]
        assert errors == [], f"{path.name}: {errors}"


def test_a_lone_card_in_a_custom_lane_is_an_annotation() -> None:
    doc = clean()
    doc["lanes"].append({"id": "policies", "kind": "custom", "title": "Policies"})
    doc["steps"].append(
        {
            "id": "refund",
            "lane": "policies",
            "phase": "p1",
            "title": "Refund within 30 days",
            "layout": {"x": 600, "row": 0},
        }
    )
    assert validate(build(doc)) == []
    doc["steps"][-1]["lane"] = "support"
    assert [(f.rule, f.items) for f in validate(build(doc))] == [("BP024", ("refund",))]


def test_recovery_is_a_way_out_and_evidence_links_are_not_process() -> None:
    doc = clean()
    add_step(doc, "check", "frontstage", 800, fail_point=True)
    add_step(doc, "fix", "frontstage", 1000)
    add_flow(doc, "cook", "check")
    add_flow(doc, "check", "fix", "recovery", "wrong order")
    add_flow(doc, "fix", "kitchen")
    assert validate(build(doc)) == []  # the fail point's only way on is its recovery
    doc["flows"][-2]["kind"] = "evidence"
    rules = {(f.rule, f.items[0]) for f in validate(build(doc))}
    assert ("BP023", "check") in rules and ("BP022", "fix") in rules


def test_times_in_findings_read_in_human_units_and_stay_numbers_in_data() -> None:
    """A 48-hour call-back target is "2 d" (2 天) in the text, 2880 in the data."""
    doc = clean()
    step(doc, "take").update(duration_minutes=4320, target_minutes=2880)
    doc["target_minutes"] = 90
    english = {f.rule: f for f in validate(build(doc), language="en")}
    assert english["BP062"].message == (
        "“Take order” is expected to take 3 d, longer than its target of 2 d."
    )
    assert english["BP062"].data == {"duration_minutes": 4320, "target_minutes": 2880}
    assert "over the target of 1 h 30 min:" in english["BP063"].message
    assert "2880" not in english["BP062"].message
    chinese = {f.rule: f for f in validate(build(doc), language="zh-CN")}
    assert chinese["BP062"].message == "“Take order”预计耗时 3 天，超过了 2 天的目标。"
    assert "超过了 1 小时 30 分钟的目标：" in chinese["BP063"].message
    step(doc, "take").update(duration_minutes=0.75, target_minutes=0.5)
    [short] = [f for f in validate(build(doc), language="en") if f.rule == "BP062"]
    assert "take 45 s, longer than its target of 30 s." in short.message


def test_a_caller_s_process_is_the_one_the_rules_use() -> None:
    # the Problems panel shows the journey after each run: it must not work it out again
    from blueprint_app.analysis.process import Process

    blueprint = build(clean())
    blueprint.target_minutes = 1  # BP063 asks for the journey
    process = Process(blueprint)
    findings = validate(blueprint, process=process)
    assert "journey" in vars(process)  # worked out by the run, cached for the caller
    assert process.journey is not None
    assert next(f for f in findings if f.rule == "BP063").items == process.journey.path
