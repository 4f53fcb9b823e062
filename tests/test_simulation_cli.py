"""`blueprint simulate`, run as a user runs it: a subprocess, real files, exit codes; the JSON
contract of issue 20.4, the report in both languages, --vary in parallel, the HTML page."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from blueprint_app.simulation.vary import parse_vary
from blueprint_app.simulation.words import WORDS, percent
from tests.simulation_support import queue

ROOT = Path(__file__).parent.parent
TITLE = 'Bank <counter> & "柜台" 🏦'


def blueprint(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "blueprint_app.cli", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        check=False,
        timeout=120,
    )


def _file(tmp_path: Path, language: str = "en", **top: Any) -> Path:
    doc = queue(100, 60, 2, 3)
    doc.update(title=TITLE, language=language, target_minutes=5, **top)
    path = tmp_path / f"bank-{language}.blueprint.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


def test_json_is_one_object_with_the_fields_of_the_contract(tmp_path: Path) -> None:
    result = blueprint("simulate", _file(tmp_path), "--format", "json", "--customers", "400")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["customers"] == 400
    assert set(data["journey_minutes"]) == {"mean", "p50", "p90", "p95", "max"}
    assert 0 <= data["journey_within_target"] <= 1
    assert data["bottleneck"] == "serve"
    serve = next(step for step in data["steps"] if step["id"] == "serve")
    assert set(serve) == {
        "id",
        "title",
        "visits",
        "wait_minutes",
        "utilization",
        "within_wait_target",
        "within_target",
    }
    assert serve["visits"] == 400
    assert 0 < serve["utilization"] < 1
    assert 0 < serve["within_wait_target"] < 1
    assert serve["within_target"] is None  # no target_minutes on the step
    start = data["steps"][0]
    assert start["utilization"] is None
    assert start["wait_minutes"]["max"] == 0
    again = blueprint("simulate", _file(tmp_path), "--format", "json", "--customers", "400")
    assert again.stdout == result.stdout  # seed 0 by default: reproducible


def test_text_reads_like_a_report_in_the_blueprints_language(tmp_path: Path) -> None:
    english = blueprint("simulate", _file(tmp_path), "--customers", "300", "--seed", "2")
    assert english.returncode == 0, english.stderr
    lines = english.stdout.splitlines()
    assert lines[0] == f"Simulation of “{TITLE}”"
    assert lines[1] == "300 customers through the blueprint (seed 2)."
    assert re.search(r"Journey standard 5 min: met for \d+% of customers\.", english.stdout)
    assert "Bottleneck: “Serve”" in english.stdout
    assert re.search(r"“Serve”: wait at most 3 min — met for \d+%", english.stdout)
    chinese = blueprint("simulate", _file(tmp_path, "zh-CN"), "--customers", "300")
    assert chinese.returncode == 0, chinese.stderr
    assert chinese.stdout.splitlines()[0] == f"“{TITLE}”的模拟"
    assert "全程标准 5 分钟" in chinese.stdout
    assert "瓶颈：“Serve”" in chinese.stdout
    forced = blueprint("simulate", _file(tmp_path, "zh-CN"), "--customers", "300", "--lang", "en")
    assert forced.stdout.startswith("Simulation of")


def test_vary_runs_each_capacity_with_the_same_seed(tmp_path: Path) -> None:
    path = _file(tmp_path)
    varied = blueprint(
        "simulate", path, "--vary", "r=1..4", "--customers", "1500", "--format", "json"
    )
    assert varied.returncode == 0, varied.stderr
    data = json.loads(varied.stdout)
    assert data["resource"] == "r"
    runs = data["runs"]
    assert [run["capacity"] for run in runs] == [1, 2, 3, 4]
    waits = [run["mean_wait_minutes"] for run in runs]
    assert waits == sorted(waits, reverse=True)
    assert runs[0]["utilization"] > 0.95  # λ/μ = 1.67 > 1 unit: overloaded
    shares = [run["within_wait_target"]["serve"] for run in runs]
    assert shares == sorted(shares)
    single = blueprint("simulate", path, "--customers", "1500", "--format", "json")
    assert runs[1]["simulation"] == json.loads(single.stdout)  # capacity 2 is the file's own
    table = blueprint("simulate", path, "--vary", "r=2,3", "--customers", "500")
    lines = table.stdout.splitlines()
    assert lines[0] == "What if “Clerks” had another capacity"
    assert lines[1].split()[:1] == ["capacity"]
    assert [line.split()[0] for line in lines[2:]] == ["2", "3"]


def test_html_is_a_self_contained_page_with_charts(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    result = blueprint("simulate", _file(tmp_path), "--vary", "r=2..4", "-o", out)
    assert result.returncode == 0, result.stderr
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert page.count("<svg") == 4  # journey, waits, utilization, the --vary curve
    assert "Bank &lt;counter&gt; &amp; &quot;柜台&quot; 🏦" in page
    assert TITLE not in page
    assert not re.search(r"(src|href)=", page)  # nothing to fetch
    assert "<script" not in page


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--vary", "r=0..3"), "--vary takes RESOURCE=FROM..TO"),
        (("--vary", "till=1..3"), "there is no resource with id 'till'"),
        (("--customers", "0"), "--customers must be at least 1"),
    ],
)
def test_bad_options_say_why_and_exit_2(
    tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    result = blueprint("simulate", _file(tmp_path), *args)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_a_blueprint_without_arrivals_or_unreadable_exits_2(tmp_path: Path) -> None:
    doc = json.loads(_file(tmp_path, "zh-CN").read_text(encoding="utf-8"))
    del doc["arrivals"]
    path = tmp_path / "none.blueprint.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    result = blueprint("simulate", path)
    assert result.returncode == 2
    assert "服务蓝图没有设置顾客到达" in result.stderr
    missing = blueprint("simulate", tmp_path / "missing.blueprint.json")
    assert missing.returncode == 2
    assert "Traceback" not in missing.stderr


def test_vary_is_parsed_as_a_range_or_a_list() -> None:
    assert parse_vary("counter=2..6") == ("counter", [2, 3, 4, 5, 6])
    assert parse_vary(" counter = 4, 2 ,8 ") == ("counter", [2, 4, 8])


def test_the_words_exist_in_both_languages_and_shares_read_honestly() -> None:
    assert WORDS["en"].keys() == WORDS["zh"].keys()
    assert [percent(s) for s in (0, 0.004, 0.5, 0.996, 0.9999, 1, None)] == [
        "0%",
        "0.4%",
        "50%",
        "99.6%",
        "99.9%",
        "100%",
        "–",
    ]
