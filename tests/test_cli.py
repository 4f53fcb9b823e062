"""The `blueprint` command line, run as a user runs it: a subprocess, real files, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from blueprint_app import __version__
from blueprint_app.storage import load, schema_text

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


def test_info_summarises(coffee_path: Path) -> None:
    result = blueprint("info", coffee_path)
    assert result.returncode == 0, result.stderr
    assert "title:     Coffee to go" in result.stdout
    assert "    4  Customer actions (customer)" in result.stdout
    assert "    5  Order" in result.stdout
    assert "    1  recovery" in result.stdout


def test_format_check_then_format(coffee_path: Path) -> None:
    original = coffee_path.read_bytes()
    check = blueprint("format", "--check", coffee_path)
    assert check.returncode == 1
    assert "not in canonical form" in check.stderr
    assert coffee_path.read_bytes() == original  # --check changes nothing
    assert blueprint("format", coffee_path).returncode == 0
    assert blueprint("format", "--check", coffee_path).returncode == 0
    assert load(coffee_path) == load(ROOT / "tests" / "data" / "coffee.blueprint.json")


def test_schema_prints_the_committed_schema() -> None:
    result = blueprint("schema")
    assert result.returncode == 0
    assert result.stdout == schema_text()
    assert json.loads(result.stdout)["title"] == "Service blueprint"


def test_new_creates_an_empty_blueprint(tmp_path: Path) -> None:
    target = tmp_path / "新的.blueprint.json"
    result = blueprint("new", "-o", target, "--title", "开户服务", "--language", "zh-CN")
    assert result.returncode == 0, result.stderr
    created = load(target)
    assert created.title == "开户服务"
    assert [lane.title for lane in created.lanes][:2] == ["有形展示", "顾客行为"]
    assert blueprint("format", "--check", target).returncode == 0
    again = blueprint("new", "-o", target)
    assert again.returncode == 2 and "already exists" in again.stderr


def test_unreadable_file_exits_2_without_traceback(tmp_path: Path) -> None:
    broken = tmp_path / "broken.blueprint.json"
    broken.write_text('{"format": "service-blueprint", "format_version": 2, "title": }')
    for command in ("info", "format"):
        result = blueprint(command, broken)
        assert result.returncode == 2
        assert result.stderr.startswith("Cannot read 'broken.blueprint.json': not valid JSON:")
        assert "Traceback" not in result.stderr
    missing = blueprint("info", tmp_path / "absent.json")
    assert missing.returncode == 2
    assert missing.stderr == "Cannot read 'absent.json': No such file or directory\n"


def test_version() -> None:
    result = blueprint("--version")
    assert result.stdout.strip() == f"blueprint {__version__}"


def test_control_characters_from_a_file_never_reach_the_terminal(coffee_path: Path) -> None:
    data = json.loads(coffee_path.read_text(encoding="utf-8"))
    data["title"] = "Cafe\x1b]0;pwned\x07\x1b[2J\x9b"
    coffee_path.write_text(json.dumps(data), encoding="utf-8")
    info = blueprint("info", coffee_path)
    assert "title:     Cafe\\x1b]0;pwned\\x07\\x1b[2J\\x9b" in info.stdout
    assert "\x1b" not in info.stdout
    data["steps"][2]["title"] = "\x1b[31mred\x9b"
    data["steps"][2]["lane"] = "backstage"  # makes findings that quote the title
    coffee_path.write_text(json.dumps(data), encoding="utf-8")
    for fmt in ("text", "json"):
        result = blueprint("validate", "--format", fmt, coffee_path)
        assert result.returncode in (0, 1), result.stderr
        assert "\x1b" not in result.stdout and "\x9b" not in result.stdout
    assert json.loads(blueprint("validate", "--format", "json", coffee_path).stdout)


def test_odd_arguments_give_one_line_not_a_traceback(tmp_path: Path, coffee_path: Path) -> None:
    bad_language = blueprint("new", "-o", tmp_path / "a.blueprint.json", "--language", "x y")
    assert bad_language.returncode == 2
    assert "'x y' is not a language tag such as en or zh-CN" in bad_language.stderr
    long_name = str(tmp_path / ("x" * 300))
    for args in (
        ("new", "-o", long_name + ".blueprint.json"),
        ("export", coffee_path, "-o", long_name + ".md"),
    ):
        result = blueprint(*args)
        assert result.returncode == 2
        assert "File name too long" in result.stderr
        assert "internal error" not in result.stderr and "Traceback" not in result.stderr
