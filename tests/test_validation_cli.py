"""``blueprint validate`` run as a user runs it: a subprocess, real files, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from blueprint_app.storage import load, save
from tests.validation_cases import Doc, build, clean, step

ROOT = Path(__file__).parent.parent


def blueprint(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "blueprint_app.cli", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        check=False,
        timeout=60,
    )


def _write(tmp_path: Path, name: str, doc: Doc) -> Path:
    path = tmp_path / name
    save(build(doc), path)
    return path


def _dead_end(**changes: Any) -> Doc:
    """The clean blueprint with one error (a dead end, which this file's rules make an error:
    by default it is a warning) and one warning (wait with no time). The frontstage "Refill"
    leads only to a backstage record, and from there nowhere."""
    doc = clean()
    doc["rules"] = {"dead-end": "error"}
    doc["steps"] += [
        {
            "id": "extra",
            "lane": "frontstage",
            "phase": "p1",
            "title": "Refill",
            "actor": "Clerk",
            "channel": "in person",
            "layout": {"x": 600, "row": 0},
        },
        {
            "id": "log",
            "lane": "backstage",
            "phase": "p1",
            "title": "Log the refill",
            "actor": "Clerk",
            "layout": {"x": 800, "row": 0},
        },
    ]
    doc["flows"].append({"id": "fx", "source": "take", "target": "extra"})
    doc["flows"].append({"id": "fy", "source": "extra", "target": "log"})
    step(doc, "wait")["duration_minutes"] = None
    doc.update(changes)
    return doc


def test_clean_file_exits_0_and_prints_nothing(tmp_path: Path) -> None:
    path = _write(tmp_path, "clean.blueprint.json", clean())
    result = blueprint("validate", path)
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    assert result.stderr == f"{path}: 0 errors, 0 warnings, 0 info findings\n"


def test_text_output_and_exit_1_on_errors(tmp_path: Path) -> None:
    path = _write(tmp_path, "lunch.blueprint.json", _dead_end())
    result = blueprint("validate", path)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"{path}: BP023 error: No end can be reached from “Refill”: the path stops there. [extra]",
        f"{path}: BP064 warning: Wait step “Wait for the food” has no duration. [wait]",
    ]
    assert "Traceback" not in result.stderr


def test_hints_on_request(tmp_path: Path) -> None:
    path = _write(tmp_path, "lunch.blueprint.json", _dead_end())
    result = blueprint("validate", "--hints", "--disable", "BP064", path)
    assert result.stdout.splitlines() == [
        f"{path}: BP023 error: No end can be reached from “Refill”: the path stops there. [extra]",
        "    Add a flow from it to the step that follows, so that the path leads to an end.",
    ]


def test_disable_by_id_or_name_and_strict(tmp_path: Path) -> None:
    path = _write(tmp_path, "lunch.blueprint.json", _dead_end())
    for key in ("BP023", "dead-end"):
        result = blueprint("validate", "--disable", key, path)
        assert result.returncode == 0  # only a warning left
        assert "BP023" not in result.stdout and "BP064 warning" in result.stdout
    strict = blueprint("validate", "--strict", "--disable", "BP023", path)
    assert strict.returncode == 1
    both = blueprint("validate", "--strict", "--disable", "BP023", "--disable", "BP064", path)
    assert both.returncode == 0 and both.stdout == ""
    unknown = blueprint("validate", "--disable", "BP999", path)
    assert unknown.returncode == 2
    assert unknown.stderr == "blueprint validate: unknown rule 'BP999' (see docs/rules.md)\n"


def test_rules_object_in_the_file(tmp_path: Path) -> None:
    path = _write(
        tmp_path, "lunch.blueprint.json", _dead_end(rules={"dead-end": "warning", "BP064": "off"})
    )
    result = blueprint("validate", path)
    assert result.returncode == 0
    assert result.stdout.splitlines() == [
        f"{path}: BP023 warning: No end can be reached from “Refill”: the path stops there. [extra]"
    ]
    assert blueprint("validate", "--strict", path).returncode == 1


def test_json_output_lists_findings_of_every_file(tmp_path: Path) -> None:
    first = _write(tmp_path, "a.blueprint.json", _dead_end())
    second = _write(tmp_path, "b.blueprint.json", clean())
    coffee = ROOT / "tests" / "data" / "coffee.blueprint.json"
    result = blueprint("validate", "--format", "json", first, second, coffee)
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert [(r["file"], r["rule"], r["severity"]) for r in report][:2] == [
        (str(first), "BP023", "error"),
        (str(first), "BP064", "warning"),
    ]
    assert report[0] == {
        "file": str(first),
        "rule": "BP023",
        "name": "dead-end",
        "severity": "error",
        "message": "No end can be reached from “Refill”: the path stops there.",
        "hint": "Add a flow from it to the step that follows, so that the path leads to an end.",
        "items": ["extra"],
    }
    assert all(r["file"] != str(second) for r in report)
    assert not [r for r in report if r["file"] == str(coffee) and r["severity"] == "error"]


def test_journey_finding_carries_its_path_in_json(tmp_path: Path) -> None:
    path = _write(tmp_path, "slow.blueprint.json", {**clean(), "target_minutes": 4})
    result = blueprint("validate", "--format", "json", path)
    assert result.returncode == 0  # a warning
    [finding] = json.loads(result.stdout)
    assert finding["data"] == {
        "total_minutes": 5.0,
        "target_minutes": 4.0,
        "path": ["arrive", "order", "wait", "serve", "leave"],
    }
    assert "takes 5 min, over the target of 4 min" in finding["message"]


def test_a_step_over_its_target_gives_human_text_and_numeric_data(tmp_path: Path) -> None:
    doc = clean()
    step(doc, "take").update(duration_minutes=4320, target_minutes=2880)
    result = blueprint("validate", "--format", "json", _write(tmp_path, "slow.blueprint.json", doc))
    [finding] = [f for f in json.loads(result.stdout) if f["rule"] == "BP062"]
    assert "expected to take 3 d, longer than its target of 2 d" in finding["message"]
    assert finding["data"] == {"duration_minutes": 4320, "target_minutes": 2880}


def test_unreadable_file_exits_2_and_the_others_are_still_checked(tmp_path: Path) -> None:
    broken = tmp_path / "broken.blueprint.json"
    broken.write_text('{"format": "service-blueprint", "format_version": 2, "title": }')
    good = _write(tmp_path, "lunch.blueprint.json", _dead_end())
    result = blueprint("validate", broken, good)
    assert result.returncode == 2
    assert result.stderr.startswith("Cannot read 'broken.blueprint.json': not valid JSON:")
    assert "Traceback" not in result.stderr
    assert "BP023 error" in result.stdout
    missing = blueprint("validate", "--format", "json", tmp_path / "absent.json")
    assert missing.returncode == 2 and json.loads(missing.stdout) == []


def test_chinese_output_from_the_file_language_or_lang(tmp_path: Path) -> None:
    path = _write(tmp_path, "午餐.blueprint.json", _dead_end(language="zh-CN"))
    result = blueprint("validate", path)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"{path}: BP023 error: 从“Refill”出发到不了任何终点，流程在这里断了。 [extra]",
        f"{path}: BP064 warning: 等待步骤“Wait for the food”没有填写时长。 [wait]",
    ]
    english = blueprint("validate", "--lang", "en", path)
    assert "No end can be reached from “Refill”" in english.stdout
    coffee = ROOT / "tests" / "data" / "coffee.blueprint.json"
    chinese = blueprint("validate", "--lang", "zh-CN", "--format", "json", coffee)
    assert chinese.returncode == 0
    assert all(
        any("\u4e00" <= ch <= "\u9fff" for ch in f["message"]) for f in json.loads(chinese.stdout)
    )
    assert load(coffee).language == "en"


def test_the_summary_counts_as_words_are() -> None:
    from blueprint_app.validation import Finding, Severity
    from blueprint_app.validation.cli import summary

    def found(severity: Severity, count: int) -> list[Finding]:
        return [Finding("BP000", "x", severity, "m", "h", ()) for _ in range(count)]

    findings = found(Severity.ERROR, 1) + found(Severity.WARNING, 2) + found(Severity.INFO, 1)
    assert summary("a.json", findings) == "a.json: 1 error, 2 warnings, 1 info finding"
