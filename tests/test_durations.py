"""Times in human units: what a card, a finding, the spec and the panel show, and what one types."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from blueprint_app.model.durations import (
    MAX_MINUTES,
    DurationError,
    format_exact,
    format_minutes,
    format_pair,
    parse_duration,
)

SHOWN = [  # minutes, English, Chinese
    (0, "0 min", "0 分钟"),
    (0.001, "0 s", "0 秒"),
    (0.75, "45 s", "45 秒"),
    (7 / 60, "7 s", "7 秒"),
    (1, "1 min", "1 分钟"),
    (1.5, "1 min 30 s", "1 分钟 30 秒"),
    (2.5, "2 min 30 s", "2 分钟 30 秒"),
    (3, "3 min", "3 分钟"),
    (59.995, "1 h", "1 小时"),  # 59 min 59.7 s rounds up to the hour, never "60 min"
    (60, "1 h", "1 小时"),
    (61.4, "1 h 1 min", "1 小时 1 分钟"),  # seconds dropped beside hours
    (90, "1 h 30 min", "1 小时 30 分钟"),
    (120, "2 h", "2 小时"),
    (1439.7, "1 d", "1 天"),
    (1800, "1 d 6 h", "1 天 6 小时"),
    (1837, "1 d 7 h", "1 天 7 小时"),  # minutes dropped beside days
    (2880, "2 d", "2 天"),
    (20160, "14 d", "14 天"),  # weeks are typed, not shown
    (MAX_MINUTES, "694444 d 10 h", "694444 天 10 小时"),  # rounds down at the limit
]


@pytest.mark.parametrize(("minutes", "english", "chinese"), SHOWN)
def test_times_read_as_people_write_them(minutes: float, english: str, chinese: str) -> None:
    assert format_minutes(minutes, "en") == english
    assert format_minutes(minutes, "en-GB") == english
    assert format_minutes(minutes, "zh-CN") == chinese
    assert format_minutes(minutes, "zh_Hans") == chinese


TYPED = [
    ("12", 12),
    ("2.5", 2.5),
    ("12,5", 12.5),  # a decimal comma, as the panel always took it
    ("1.", 1),  # half-typed decimals mean what they say so far
    ("48h", 2880),
    ("48 H", 2880),
    ("2d", 2880),
    ("90s", 1.5),
    ("1.5h", 90),
    ("1,5 h", 90),
    (".5h", 30),
    ("1:30", 90),
    ("0:45", 45),
    ("1:30:15", 90.25),
    ("1 h 30 min", 90),
    ("1h30", 90),
    ("1h30m", 90),
    ("2 min 30", 2.5),
    ("1 hour 30 minutes", 90),
    ("2 hrs", 120),
    ("3 mins", 3),
    ("45 secs", 0.75),
    ("1 day", 1440),
    ("2 weeks", 20160),
    ("1 w 1 d", 11520),
    ("1 h, 30 min", 90),
    ("1 h and 30 min", 90),
    ("48 小时", 2880),
    ("2天", 2880),
    ("3日", 4320),
    ("90 秒", 1.5),
    ("30秒钟", 0.5),
    ("1小时30分钟", 90),
    ("1小时30分", 90),
    ("1时30分", 90),
    ("2 个小时", 120),
    ("2个钟头", 120),
    ("半小时", 30),
    ("1个半小时", 90),
    ("半天", 720),
    ("1周", 10080),
    ("1 星期", 10080),
    ("1小时零5分钟", 65),
    ("１２", 12),
    ("１：３０", 90),
    ("１．５ｈ", 90),
    ("  3 分钟  ", 3),
    ("1 h 30 mi", 90),  # a unit being typed already counts
    ("1 ho", 60),
    ("2 小", 120),
]


@pytest.mark.parametrize(("text", "minutes"), TYPED)
def test_typed_times_in_both_languages(text: str, minutes: float) -> None:
    assert parse_duration(text) == pytest.approx(minutes)


@pytest.mark.parametrize(("minutes", "english", "chinese"), SHOWN)
def test_what_is_shown_can_be_typed_back(minutes: float, english: str, chinese: str) -> None:
    assert parse_duration(english) == parse_duration(chinese)
    assert parse_duration(english) == pytest.approx(minutes, abs=_rounding(minutes))


REFUSED = [
    ("", "empty"),
    ("   ", "empty"),
    ("x", "nonsense"),
    ("inf", "nonsense"),
    ("nan", "nonsense"),
    ("1e3", "nonsense"),
    ("5ms", "nonsense"),
    ("1 mo", "nonsense"),
    ("12 34", "nonsense"),
    ("1.2.3", "nonsense"),
    ("30 s 5", "nonsense"),
    ("1:60", "nonsense"),
    ("h", "nonsense"),
    ("两小时", "nonsense"),  # Chinese numerals are not understood
    ("-5", "negative"),
    ("−1 h", "negative"),
    ("30 min 1 h", "order"),
    ("1 h 2 h", "order"),
    ("1000000001", "too_long"),
    ("100000 weeks", "too_long"),
    ("9" * 400, "too_long"),
]


@pytest.mark.parametrize(("text", "reason"), REFUSED)
def test_nonsense_is_refused_with_a_reason(text: str, reason: str) -> None:
    with pytest.raises(DurationError) as raised:
        parse_duration(text)
    assert raised.value.reason == reason
    assert isinstance(raised.value, ValueError) and str(raised.value)


def test_the_limit_itself_is_a_time() -> None:
    assert parse_duration("1000000000") == MAX_MINUTES


def _rounding(minutes: float) -> float:
    """Half the unit the shown form rounds to, in minutes (plus float noise)."""
    quantum = 1 / 60 if minutes < 60 else 1 if minutes < 1440 else 60
    if minutes > MAX_MINUTES - quantum:  # at the limit it rounds down, by up to one unit
        return quantum
    return quantum / 2 + 1e-9 * max(1.0, minutes)


times = st.floats(min_value=0, max_value=MAX_MINUTES, allow_nan=False, allow_infinity=False)


@given(times, st.sampled_from(["en", "zh-CN"]))
def test_shown_times_read_back_within_their_rounding(minutes: float, language: str) -> None:
    shown = format_minutes(minutes, language)
    assert len(shown.split(" ")) <= 4  # at most two units
    assert parse_duration(shown) == pytest.approx(minutes, abs=_rounding(minutes), rel=0)


@given(times, st.sampled_from(["en", "zh-CN"]))
def test_exact_times_read_back_to_the_millisecond(minutes: float, language: str) -> None:
    back = parse_duration(format_exact(minutes, language))
    assert math.isclose(back, minutes, abs_tol=0.0005 / 60 + 1e-9 * minutes)


@given(st.floats(min_value=0, max_value=1e6, allow_nan=False).map(lambda x: round(x, 3)))
def test_typed_minutes_mean_what_the_file_holds(minutes: float) -> None:
    assert parse_duration(repr(minutes)) == minutes


def test_a_pair_shares_its_unit_when_it_can() -> None:
    assert format_pair(5, 3, "en") == "5 / 3 min"
    assert format_pair(5, 3, "zh-CN") == "5 / 3 分钟"
    assert format_pair(1.5, 2, "en") == "1 min 30 s / 2 min"
    assert format_pair(90, 2880, "en") == "1 h 30 min / 2 d"
    assert format_pair(120, 2880, "zh-CN") == "2 小时 / 2 天"


def test_exact_form_keeps_every_unit() -> None:
    assert format_exact(1837, "en") == "1 d 6 h 37 min"
    assert format_exact(1837, "zh-CN") == "1 天 6 小时 37 分钟"
    assert format_exact(2.123456, "en") == "2 min 7.407 s"
    assert format_exact(0, "en") == "0 min"
    assert format_exact(0.75, "zh") == "45 秒"


def test_a_time_that_is_not_a_number_is_not_shown() -> None:
    with pytest.raises(ValueError, match="not a time"):
        format_minutes(math.inf, "en")
    with pytest.raises(ValueError, match="not a time"):
        format_exact(-1, "en")
    assert format_minutes(-90, "en") == "-1 h 30 min"
