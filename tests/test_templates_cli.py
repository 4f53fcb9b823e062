"""`blueprint templates` and `blueprint new --template`, run as a user runs them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from blueprint_app import resources
from blueprint_app.cli import main
from blueprint_app.storage import load
from blueprint_app.templates import load_template, template_names
from tests.blueprint_rules import rule_problems
from tests.test_cli import blueprint


def test_templates_lists_every_template_with_languages_and_title() -> None:
    result = blueprint("templates")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == len(template_names())
    hotel = next(line for line in lines if line.startswith("hotel-stay "))
    assert "en, zh-CN" in hotel and hotel.endswith("Hotel overnight stay")


def test_templates_shows_chinese_titles_on_request() -> None:
    result = blueprint("templates", "--language", "zh-CN")
    assert result.returncode == 0, result.stderr
    assert load_template("hotel-stay", "zh-CN").title in result.stdout


def test_new_from_template_writes_a_fresh_copy(tmp_path: Path) -> None:
    target = tmp_path / "我的酒店.blueprint.json"
    result = blueprint("new", "--template", "hotel-stay", "--language", "zh-CN", "-o", target)
    assert result.returncode == 0, result.stderr
    created = load(target)
    stored = load_template("hotel-stay", "zh-CN")
    assert created.title == stored.title and created.steps == stored.steps
    assert created.flows == stored.flows and created.language == "zh-CN"
    stamp = datetime.fromisoformat(created.created or "")
    assert datetime.now(UTC) - stamp < timedelta(minutes=2)
    assert created.modified == created.created
    assert rule_problems(created) == []
    assert blueprint("format", "--check", target).returncode == 0


def test_new_from_template_takes_a_title_and_defaults_to_english(tmp_path: Path) -> None:
    target = tmp_path / "mine.blueprint.json"
    result = blueprint(
        "new", "--template", "hotel-stay", "--title", "Our Shanghai hotel", "-o", target
    )
    assert result.returncode == 0, result.stderr
    created = load(target)
    assert created.title == "Our Shanghai hotel" and created.language == "en"


def test_new_from_an_unknown_template_fails_clearly(tmp_path: Path) -> None:
    target = tmp_path / "x.blueprint.json"
    result = blueprint("new", "--template", "spaceship", "-o", target)
    assert result.returncode == 2
    assert "no template named 'spaceship'" in result.stderr and "hotel-stay" in result.stderr
    assert "Traceback" not in result.stderr
    assert not target.exists()


def test_new_from_template_does_not_overwrite_without_force(tmp_path: Path) -> None:
    target = tmp_path / "kept.blueprint.json"
    target.write_text("my work", encoding="utf-8")
    result = blueprint("new", "--template", "hotel-stay", "-o", target)
    assert result.returncode == 2 and "already exists" in result.stderr
    assert target.read_text(encoding="utf-8") == "my work"
    assert blueprint("new", "--template", "hotel-stay", "-o", target, "--force").returncode == 0
    assert load(target).title == "Hotel overnight stay"


def test_an_empty_title_keeps_the_templates_title(tmp_path: Path) -> None:
    target = tmp_path / "blank-title.blueprint.json"
    result = blueprint("new", "--template", "bank-account-opening", "--title", " ", "-o", target)
    assert result.returncode == 0, result.stderr
    assert load(target).title == "Bank branch account opening"
    empty = tmp_path / "empty.blueprint.json"
    assert blueprint("new", "--title", "", "-o", empty).returncode == 0
    assert load(empty).title == "Untitled blueprint"


def test_commands_without_a_resources_folder_say_so(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    monkeypatch.setattr(resources, "CANDIDATES", (tmp_path / "gone",))
    assert main(["templates"]) == 2
    assert "resources folder is missing" in capsys.readouterr().err
    target = tmp_path / "x.blueprint.json"
    assert main(["new", "--template", "hotel-stay", "-o", str(target)]) == 2
    assert "resources folder is missing" in capsys.readouterr().err
    assert not target.exists()
