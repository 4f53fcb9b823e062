"""Times as people write them: ``45 s``, ``3 min``, ``1 h 30 min``, ``2 d`` (or ``45 秒``,
``3 分钟``, ``1 小时 30 分钟``, ``2 天``), and back from what people type.

The file keeps every time in minutes (``duration_minutes``, ``target_minutes``); only what a
person reads or types goes through here, so a 48-hour call-back target reads ``2 d``, not
``2880 min``. Qt-free and in the model layer, so every layer (validation messages, the text
exports, the cards, the property panel) says a time the same way.

Shown times (:func:`format_minutes`) have at most two units, the leading one and the next
smaller, rounded to the smaller one (half up):

- under an hour: minutes and whole seconds (``45 s``, ``2 min 30 s``, ``3 min``);
- under a day: hours and whole minutes (``1 h 30 min``, ``2 h``), seconds dropped;
- a day or more: days and whole hours (``2 d``, ``1 d 6 h``), minutes dropped — a journey
  measured in days is not planned to the minute.

Zero reads ``0 min``; a time under half a second reads ``0 s``; within half a unit of the
file's limit a time rounds down, so that it can be typed back. Weeks are understood when
typed but never shown (``14 d``). :func:`format_exact` keeps every unit down to the
millisecond, for a field whose text must not lose what the file holds.

Typed times (:func:`parse_duration`): a plain number is minutes, as the file is (``12``,
``2.5``); otherwise numbers with units, largest first (``48h``, ``1.5 h``, ``1 h 30 min``,
``1h30`` — a last number without unit counts in the next smaller unit —, ``2天``,
``1小时30分钟``, ``2 个小时``, ``半小时``, ``1个半小时``), or a clock ``H:MM`` / ``H:MM:SS``
(``1:30`` is an hour and a half). Full-width digits and punctuation count as their ASCII forms
(``１２``, ``１：３０``). A unit may be cut short (``1 ho``, ``30 mi``: what a field holds
while its unit is being typed). A comma is a decimal comma (``1,5 h``, as the panel always took
``12,5``), never a thousands separator. Chinese numerals (``两小时``) are not understood.
"""

from __future__ import annotations

import math
import re
import unicodedata

#: The largest time the file holds (``Minutes`` in model/blueprint.py).
MAX_MINUTES = 1e9

_SECOND, _MINUTE, _HOUR, _DAY, _WEEK = 1 / 60, 1.0, 60.0, 1440.0, 10080.0

#: Every unit a person may type (lower case), and its length in minutes.
_UNITS: dict[str, float] = {
    **dict.fromkeys(("s", "sec", "secs", "second", "seconds", "秒", "秒钟"), _SECOND),
    **dict.fromkeys(("m", "min", "mins", "minute", "minutes", "分", "分钟"), _MINUTE),
    **dict.fromkeys(("h", "hr", "hrs", "hour", "hours", "小时", "时", "钟头"), _HOUR),
    **dict.fromkeys(("d", "day", "days", "天", "日"), _DAY),
    **dict.fromkeys(("w", "wk", "wks", "week", "weeks", "周", "星期"), _WEEK),
}


def _with_prefixes(units: dict[str, float]) -> dict[str, float]:
    """Each unit also by every beginning of its names ("ho", "minu", "小"), so that a time
    half typed into a field ("1 h 30 mi") already means what it will, instead of flashing
    as an error at every keystroke; a beginning shared by two units means neither."""
    prefixes: dict[str, set[float]] = {}
    for name, length in units.items():
        for end in range(1, len(name)):
            prefixes.setdefault(name[:end], set()).add(length)
    cut = {name: lengths.pop() for name, lengths in prefixes.items() if len(lengths) == 1}
    return {**cut, **units}


_UNITS = _with_prefixes(_UNITS)
#: The unit a bare last number counts in, after a number with the given unit ("1h30").
_NEXT_SMALLER = {_WEEK: _DAY, _DAY: _HOUR, _HOUR: _MINUTE, _MINUTE: _SECOND}

#: The units shown, per language: seconds, minutes, hours, days.
_SHOWN = {
    "en": {_SECOND: "s", _MINUTE: "min", _HOUR: "h", _DAY: "d"},
    "zh": {_SECOND: "秒", _MINUTE: "分钟", _HOUR: "小时", _DAY: "天"},
}

_NUMBER = r"\d+(?:[.,]\d*)?|[.,]\d+"
_UNIT = "|".join(sorted(map(re.escape, _UNITS), key=len, reverse=True))
#: One part: a number (or 半, or a number and 个半), an optional 个, and an optional unit.
_PART = re.compile(
    rf"\s*(?:(?P<number>{_NUMBER})\s*(?P<half>个?\s*半)?|(?P<only_half>半))"
    rf"\s*个?\s*(?P<unit>{_UNIT})?(?![a-z])\s*(?:[,;，；、]|and|零|又)?\s*"
)
_CLOCK = re.compile(r"(\d+):([0-5]?\d)(?::([0-5]?\d(?:[.,]\d+)?))?")
_NEGATIVE = re.compile(r"\s*[-−–]")


class DurationError(ValueError):
    """Text that is not a time the file can hold; ``reason`` says why for translated messages:
    ``empty``, ``nonsense``, ``negative``, ``order`` (units not largest first) or ``too_long``."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


def language_of(tag: str | None) -> str:
    """``zh``, ``zh-CN``, ``zh_Hans`` → ``zh``; anything else → ``en``."""
    return "zh" if (tag or "").strip().lower().startswith("zh") else "en"


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def format_minutes(minutes: float, language: str) -> str:
    """``minutes`` as a person writes it, in the language of the BCP 47 tag ``language``,
    rounded to at most two units (see the module docstring): 0.75 → ``45 s``, 90 →
    ``1 h 30 min``, 2880 → ``2 d``, 1837 → ``1 d 7 h``."""
    units = _SHOWN[language_of(language)]
    if not math.isfinite(minutes):
        raise ValueError(f"not a time: {minutes!r}")
    if minutes < 0:
        return f"-{format_minutes(-minutes, language)}"
    if minutes == 0:
        return f"0 {units[_MINUTE]}"
    seconds = minutes * 60
    quantum = 1 if seconds < 3600 else 60 if seconds < 86400 else 3600
    rounded = math.floor(seconds / quantum + 0.5) * quantum
    if rounded > MAX_MINUTES * 60:  # rounding down at the limit, so what is shown can be typed
        rounded -= quantum
    if rounded < 60:
        return f"{rounded} {units[_SECOND]}"
    big, small = (
        (_MINUTE, _SECOND)
        if rounded < 3600
        else (_HOUR, _MINUTE)
        if rounded < 86400
        else (_DAY, _HOUR)
    )
    whole, rest = divmod(rounded, round(big * 60))
    parts = [f"{whole} {units[big]}"]
    if rest:
        parts.append(f"{rest // round(small * 60)} {units[small]}")
    return " ".join(parts)


def format_exact(minutes: float, language: str) -> str:
    """``minutes`` with every unit from days down to seconds, to the millisecond: what a field
    shows so that typing nothing new changes nothing (1837 → ``1 d 6 h 37 min``)."""
    units = _SHOWN[language_of(language)]
    if not math.isfinite(minutes) or minutes < 0:
        raise ValueError(f"not a time: {minutes!r}")
    millis = round(minutes * 60_000)
    if millis == 0:
        return f"0 {units[_MINUTE]}"
    parts = []
    for unit in (_DAY, _HOUR, _MINUTE):
        whole, millis = divmod(millis, round(unit * 60_000))
        if whole:
            parts.append(f"{whole} {units[unit]}")
    if millis:
        parts.append(f"{_number(millis / 1000)} {units[_SECOND]}")
    return " ".join(parts)


def format_pair(first: float, second: float, language: str) -> str:
    """Two times side by side, ``5 / 3 min`` when both are whole numbers of one unit (the short
    form a card has room for), else ``1 h 30 min / 2 h``."""
    left, right = format_minutes(first, language), format_minutes(second, language)
    left_parts, right_parts = left.split(" "), right.split(" ")
    if len(left_parts) == len(right_parts) == 2 and left_parts[1] == right_parts[1]:
        return f"{left_parts[0]} / {right}"
    return f"{left} / {right}"


def parse_duration(text: str) -> float:
    """The minutes a person means by ``text`` (see the module docstring for what is understood).

    Raises :class:`DurationError` (a ``ValueError``) for empty text, text that is not a time, a
    negative time, units out of order, or more than the file's limit of 1e9 minutes.
    """
    normal = unicodedata.normalize("NFKC", text).strip().lower()
    if not normal:
        raise DurationError("empty", "no time given")
    if _NEGATIVE.match(normal):
        raise DurationError("negative", f"a time cannot be negative: {text.strip()!r}")
    clock = _CLOCK.fullmatch(normal)
    if clock:
        hours, mins, secs = clock.groups()
        minutes = int(hours) * 60 + int(mins) + _decimal(secs or "0") / 60
    else:
        minutes = _parse_parts(normal, text)
    if not math.isfinite(minutes) or minutes > MAX_MINUTES:
        raise DurationError(
            "too_long", f"{text.strip()!r} is longer than the limit of 1e9 minutes (1,900 years)"
        )
    return minutes


def _decimal(number: str) -> float:
    return float(number.replace(",", "."))


def _parse_parts(normal: str, text: str) -> float:
    """Numbers with units, largest unit first; a bare number is minutes, or (last, after a
    unit) counts in the next smaller unit."""
    position, total, previous, bare = 0, 0.0, None, False
    while position < len(normal):
        part = _PART.match(normal, position)
        if part is None or part.end() == position or bare:
            raise DurationError("nonsense", f"not a time: {text.strip()!r}; try 90 s, 1 h 30 min")
        position = part.end()
        number = 0.5 if part["only_half"] else _decimal(part["number"])
        if part["half"]:
            number += 0.5
        if part["unit"]:
            unit = _UNITS[part["unit"]]
        elif previous is None:
            unit, bare = _MINUTE, True
        elif previous in _NEXT_SMALLER:
            unit, bare = _NEXT_SMALLER[previous], True
        else:
            raise DurationError("nonsense", f"not a time: {text.strip()!r}; a number after seconds")
        if previous is not None and unit >= previous:
            raise DurationError(
                "order", f"{text.strip()!r}: write the units largest first, each once (1 h 30 min)"
            )
        total += number * unit
        previous = unit
    return total
