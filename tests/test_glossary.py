"""One name per domain term: every table, the Qt catalogue and the templates agree with the glossary.

Each place that names a lane kind, a line, a step or flow kind or a marker is read as pairs of
(English, Chinese); a pair whose English is a glossary term must carry the glossary's Chinese,
and no Chinese text may use a variant the glossary retired (外部互动分界线 beside 互动分界线).
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

from blueprint_app.analysis import geometry
from blueprint_app.export import picture_words, words
from blueprint_app.model import FlowKind, LaneKind, StepKind, glossary
from blueprint_app.model.factory import DEFAULT_LANE_TITLES, lane_titles
from blueprint_app.validation import messages

ROOT = Path(__file__).parent.parent
TS = ROOT / "resources" / "translations" / "blueprint_studio_zh_CN.ts"
TEMPLATES = ROOT / "resources" / "templates"
DOC = ROOT / "docs" / "translations.md"
CJK = re.compile(r"[\u3400-\u9fff]")

Pair = tuple[str, str, str]  # (where, English, Chinese)


def keyed_pairs(where: str, english: dict[str, str], chinese: dict[str, str]) -> Iterator[Pair]:
    for key, text in english.items():
        yield f"{where}[{key}]", text, chinese[key]


def ts_pairs() -> Iterator[Pair]:
    for context in ET.parse(TS).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            source = (message.findtext("source") or "").replace("&", "")
            yield f".ts {name}", source, message.findtext("translation") or ""


def doc_pairs() -> Iterator[Pair]:
    for row in re.findall(r"^\| (.+?) \| (.+?) \|$", DOC.read_text(encoding="utf-8"), re.M):
        yield "docs/translations.md", row[0], row[1]


def every_pair() -> Iterator[Pair]:
    """Every (English, Chinese) pair the code, the catalogue and the docs hold."""
    yield from keyed_pairs("export/words", words.CATALOGUES["en"], words.CATALOGUES["zh"])
    yield from keyed_pairs(
        "export/picture_words", picture_words.CATALOGUES["en"], picture_words.CATALOGUES["zh"]
    )
    yield from keyed_pairs("validation TERMS", messages.TERMS["en"], messages.TERMS["zh"])
    yield from keyed_pairs(
        "analysis/geometry", geometry.LINE_LABELS["en"], geometry.LINE_LABELS["zh"]
    )
    yield from keyed_pairs(
        "model/factory",
        {str(k): v for k, v in DEFAULT_LANE_TITLES["en"].items()},
        {str(k): v for k, v in DEFAULT_LANE_TITLES["zh"].items()},
    )
    yield from ts_pairs()
    yield from doc_pairs()


def chinese_texts() -> Iterator[tuple[str, str]]:
    """(where, text) of every Chinese text the code, the catalogue and the docs show."""
    for where, _, chinese in every_pair():
        yield where, chinese
    for rule, (message, hint) in messages.MESSAGES["zh"].items():
        yield f"validation {rule}", message + hint


def disagreements(pairs: Iterable[Pair]) -> list[str]:
    """Pairs that name a glossary term in English but give it another Chinese name."""
    chinese_of = {term.en.lower(): term.zh for _, term in glossary.all_terms()}
    return [
        f"{where}: {english!r} is {chinese!r}, the glossary says {chinese_of[english.lower()]!r}"
        for where, english, chinese in pairs
        if english.lower() in chinese_of and chinese != chinese_of[english.lower()]
    ]


def retired_variants(texts: Iterable[tuple[str, str]]) -> list[str]:
    """Texts using a Chinese name the glossary replaced."""
    avoided = [(variant, term) for _, term in glossary.all_terms() for variant in term.avoid]
    return [
        f"{where}: {variant!r} where the glossary says {term.zh!r}"
        for where, text in texts
        for variant, term in avoided
        if variant in text
    ]


# -- the glossary itself ---------------------------------------------------------------------------


def test_every_term_has_an_english_and_a_chinese_name() -> None:
    for name, term in glossary.all_terms():
        assert term.en.strip() and not CJK.search(term.en), name
        assert CJK.search(term.zh), name
        assert all(variant not in term.zh for variant in term.avoid), name


def test_one_english_name_means_one_chinese_name() -> None:
    seen: dict[str, str] = {}
    for name, term in glossary.all_terms():
        assert seen.setdefault(term.en.lower(), term.zh) == term.zh, name


def test_every_kind_has_a_term() -> None:
    assert set(glossary.LANE_KINDS) == set(glossary.LANE_TITLES) == set(LaneKind)
    assert set(glossary.STEP_KINDS) == set(StepKind)
    assert set(glossary.FLOW_KINDS) == set(FlowKind)
    assert [name for name, _, _ in geometry.LINES] == list(glossary.LINES)


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ("zh-CN", "互动分界线"),
        ("zh_Hans", "互动分界线"),
        ("en-GB", "Line of interaction"),
        (None, "Line of interaction"),
        ("fr", "Line of interaction"),
    ],
)
def test_a_term_is_named_in_the_language_of_a_tag(tag: str | None, expected: str) -> None:
    assert glossary.LINES["interaction"].name(tag) == expected


# -- every place agrees with it --------------------------------------------------------------------


def test_the_checks_catch_a_place_that_names_a_term_otherwise() -> None:
    """The two checks below can fail: a stray table entry or sentence is reported."""
    stray = [("legend", "Line of interaction", "外部互动分界线"), ("spec", "Decision", "决策")]
    assert len(disagreements(stray)) == 2
    assert len(retired_variants([("canvas", "外部互动分界线")])) == 1
    assert disagreements([("spec", "Decision", "判断"), ("spec", "Title", "标题")]) == []


def test_every_place_names_each_term_as_the_glossary_does() -> None:
    pairs = list(every_pair())
    assert len(pairs) > 300  # the tables and the catalogue were all read
    assert disagreements(pairs) == []


def test_no_place_uses_a_name_the_glossary_retired() -> None:
    assert retired_variants(chinese_texts()) == []


def test_the_canvas_and_the_legend_name_the_lines_alike() -> None:
    """The bug that started it: a Chinese SVG had two names for the line of interaction."""
    legend = picture_words.picture_words("zh-CN")
    canvas = geometry.line_labels("zh-CN")
    spec = words.Words("zh-CN")
    assert canvas == {name: legend[name] for name in glossary.LINES}
    assert canvas["visibility"] == spec("line_visibility")
    assert canvas["internal"] == spec("line_internal")


def test_the_templates_give_the_standard_lanes_the_glossary_titles() -> None:
    paths = sorted(TEMPLATES.glob("*.blueprint.json"))
    assert paths
    for path in paths:
        data = json.loads(path.read_text(encoding="utf-8"))
        titles = lane_titles(data["language"])
        for lane in data["lanes"]:
            assert lane["title"] == titles[LaneKind(lane["kind"])], (path.name, lane)


def test_the_shell_names_kinds_and_markers_in_the_interface_language(qapp: object) -> None:
    from blueprint_app.ui import i18n
    from blueprint_app.ui.docks.property_forms import (
        field_label,
        flow_kind_options,
        lane_kind_name,
        step_kind_options,
    )

    try:
        i18n.install_translators(i18n.CHINESE)
        assert dict(step_kind_options())["判断"] is StepKind.DECISION
        assert [name for name, _ in flow_kind_options()] == ["普通连线", "补救连线", "有形展示连线"]
        assert lane_kind_name(LaneKind.FRONTSTAGE) == "前台员工行为"
        assert field_label("emotion") == glossary.MARKERS["emotion"].zh
    finally:
        i18n.remove_translators()
    assert dict(step_kind_options())["Decision"] is StepKind.DECISION
    assert field_label("moment_of_truth") == "Moment of truth"
