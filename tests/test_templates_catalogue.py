"""The template catalogue: listing, language choice, loading, fresh copies; both languages alike."""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path

import pytest

from blueprint_app import resources
from blueprint_app.model import Blueprint, LaneKind
from blueprint_app.resources import resource_path, resource_root
from blueprint_app.storage import load
from blueprint_app.templates import (
    TemplateNotFoundError,
    choose_language,
    find_template,
    instantiate,
    list_templates,
    load_template,
    template_names,
)

ROOT = Path(__file__).parent.parent
#: the eight subjects issue 6 asks for
SUBJECTS = [
    "hotel-stay",
    "fast-food-counter",
    "bank-account-opening",
    "hospital-outpatient",
    "online-order-delivery",
    "complaint-handling",
    "real-estate-sales",
    "broadband-installation",
]


def test_resources_are_found_in_the_source_tree() -> None:
    assert resource_root() == (ROOT / "resources").resolve()
    assert resource_path("templates", "hotel-stay.en.blueprint.json").is_file()


def test_every_template_comes_in_english_and_chinese() -> None:
    infos = list_templates()
    assert set(SUBJECTS) <= set(template_names())
    for name in template_names():
        languages = sorted(info.language for info in infos if info.name == name)
        assert languages == ["en", "zh-CN"], name
    for info in infos:
        assert info.title and info.description and info.path.is_file()
        assert load(info.path).language == info.language


@pytest.mark.parametrize(
    ("requested", "expected"),
    [
        ("en", "en"),
        ("zh-CN", "zh-CN"),
        ("zh", "zh-CN"),
        ("zh_TW", "zh-CN"),
        ("ZH-hans", "zh-CN"),
        ("zh-cn", "zh-CN"),
        ("fr", "en"),
        ("de-DE", "en"),
        ("", "en"),
    ],
)
def test_language_choice_falls_back_sensibly(requested: str, expected: str) -> None:
    assert choose_language(requested, ["en", "zh-CN"]) == expected


def test_language_choice_without_english_takes_what_there_is() -> None:
    assert choose_language("fr", ["zh-CN"]) == "zh-CN"


@pytest.mark.parametrize("name", template_names())
def test_both_language_versions_have_the_same_structure(name: str) -> None:
    english, chinese = load_template(name, "en"), load_template(name, "zh-CN")
    assert english.language == "en" and chinese.language == "zh-CN"

    def shape(bp: Blueprint) -> tuple[object, ...]:
        return (
            [(lane.id, lane.kind) for lane in bp.lanes],
            [phase.id for phase in bp.phases],
            [
                (
                    s.id,
                    s.lane,
                    s.phase,
                    s.kind,
                    s.layout,
                    s.duration_minutes,
                    s.target_minutes,
                    s.moment_of_truth,
                    s.fail_point,
                    s.emotion,
                )
                for s in bp.steps
            ],
            [(f.id, f.source, f.target, f.kind, bool(f.label)) for f in bp.flows],
            bp.target_minutes,
        )

    assert shape(english) == shape(chinese)
    assert english.title != chinese.title
    lane_titles = {lane.kind: lane.title for lane in chinese.lanes}
    assert lane_titles[LaneKind.CUSTOMER] == "顾客行为"
    assert lane_titles[LaneKind.PHYSICAL_EVIDENCE] == "有形展示"
    texts = [chinese.title, chinese.description, chinese.customer, chinese.scenario]
    texts += [phase.title for phase in chinese.phases]
    texts += [
        text
        for step in chinese.steps
        for text in (step.title, step.actor, step.standard, step.description)
        if text
    ]
    texts += [flow.label for flow in chinese.flows if flow.label]
    texts += [note.text for note in chinese.notes]
    for text in texts:  # every text is written in Chinese, none left in English
        assert any("\u4e00" <= char <= "\u9fff" for char in text), text


def test_unknown_template_names_the_ones_there_are() -> None:
    with pytest.raises(TemplateNotFoundError, match="hotel-stay"):
        find_template("no-such-template")


def test_instantiate_stamps_fresh_times_and_keeps_the_content() -> None:
    stored = load_template("hotel-stay", "zh")
    fresh = instantiate("hotel-stay", "zh")
    assert fresh.language == "zh-CN"
    assert fresh.created == fresh.modified and fresh.created != stored.created
    assert (
        abs(
            (
                datetime.fromisoformat(fresh.created or "") - datetime.now().astimezone()
            ).total_seconds()
        )
        < 120
    )
    assert fresh.steps == stored.steps and fresh.flows == stored.flows


def test_a_damaged_or_oddly_named_file_is_left_out(tmp_path: Path) -> None:
    source = resource_path("templates", "hotel-stay.en.blueprint.json")
    shutil.copy(source, tmp_path / "good.en.blueprint.json")
    (tmp_path / "broken.en.blueprint.json").write_text("{not json", encoding="utf-8")
    shutil.copy(source, tmp_path / "nolanguage.blueprint.json")
    (tmp_path / "readme.txt").write_text("hello", encoding="utf-8")
    infos = list_templates(tmp_path)
    assert [(info.name, info.language) for info in infos] == [("good", "en")]
    assert load_template("good", "zh-CN", tmp_path).title == "Hotel overnight stay"


def test_an_installed_resources_folder_wins_over_the_source_tree(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    installed = tmp_path / "_resources"
    (installed / "templates").mkdir(parents=True)
    monkeypatch.setattr(resources, "CANDIDATES", (installed, ROOT / "resources"))
    assert resource_path("templates") == installed / "templates"
    assert list_templates() == []
    monkeypatch.setattr(resources, "CANDIDATES", (tmp_path / "nowhere",))
    with pytest.raises(FileNotFoundError, match="nowhere"):
        resource_root()
