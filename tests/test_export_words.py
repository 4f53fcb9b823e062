"""The fixed words of the text exports exist in English and Simplified Chinese alike."""

from __future__ import annotations

import string

import pytest

from blueprint_app.export.words import CATALOGUES, Words, catalogue_language


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_word_exists_in_both_languages_with_the_same_placeholders() -> None:
    english, chinese = CATALOGUES["en"], CATALOGUES["zh"]
    assert english.keys() == chinese.keys()
    for key in english:
        assert placeholders(english[key]) == placeholders(chinese[key]), key
        assert chinese[key].strip()


def test_chinese_is_chinese() -> None:
    chinese = CATALOGUES["zh"]
    ascii_only = [
        key
        for key, text in chinese.items()
        if text.isascii() and text not in ("—",) and key != "none"
    ]
    assert ascii_only == []


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ("en", "en"),
        ("en-GB", "en"),
        ("zh-CN", "zh"),
        ("zh", "zh"),
        ("zh-Hans-CN", "zh"),
        ("zh_CN", "zh"),
        ("ZH-cn", "zh"),
        ("fr", "en"),
        (None, "en"),
        ("", "en"),
    ],
)
def test_catalogue_language(tag: str | None, expected: str) -> None:
    assert catalogue_language(tag) == expected


def test_placeholders_are_filled() -> None:
    assert Words("zh-CN")("within_target", target="3 分钟") == "未超出时限目标 3 分钟"
    assert Words("en")("over_target", target="2 d", over="1 h") == "over the target of 2 d by 1 h"
    with pytest.raises(KeyError):
        Words("en")("no such word")
