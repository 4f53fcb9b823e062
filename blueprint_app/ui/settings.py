"""Everything the editor remembers between runs, typed once.

Each stored value is a :class:`Setting`: its QSettings key, its default and the rule that turns
what is stored into a value of its type. Anything stored that breaks the rule (a hand-edited
INI file, an older version's value, garbage) reads as the default, so no caller parses or
clamps a stored value itself. The keys are the ones earlier versions wrote, so a user's
settings still load. This is the only module that touches QSettings.
"""

from __future__ import annotations

import json
import math
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings

T = TypeVar("T")

ORGANIZATION = "Blueprint Studio"
APPLICATION = "Blueprint Studio"

SYSTEM_LANGUAGE = "system"
LANGUAGES = ("en", "zh_CN")
AUTOSAVE_RANGE = (5, 3600)  # seconds, as Preferences offers them
AUTOSAVE_ENV = "BLUEPRINT_AUTOSAVE_SECONDS"
AUTOSAVE_ENV_MINIMUM = 0.05  # the environment (tests, scripts) may ask for less than 5 s
SCALE_RANGE = (0.25, 8.0)  # PNG export scale


def store() -> QSettings:
    """The application's settings (an INI file in the user's config folder)."""
    return QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION
    )


@dataclass(frozen=True)
class Setting(Generic[T]):
    """One stored value: ``parse`` gives its typed value, or None when the stored one is bad;
    ``dump`` turns a value into what QSettings can store."""

    key: str
    default: T
    parse: Callable[[object], T | None]
    dump: Callable[[T], object] = lambda value: value

    def read(self) -> T:
        raw = store().value(self.key)
        value = None if raw is None else self.parse(raw)
        return self.default if value is None else value

    def write(self, value: T) -> None:
        """Store ``value``; one that breaks the rule is stored as the default."""
        parsed = self.parse(value)
        store().setValue(self.key, self.dump(self.default if parsed is None else parsed))

    def clear(self) -> None:
        store().remove(self.key)


# -- rules ---------------------------------------------------------------------------------------
def _number(raw: object, low: float, high: float) -> float | None:
    try:
        value = float(str(raw))
    except ValueError:
        return None
    return value if math.isfinite(value) and low <= value <= high else None


def whole_number(low: int, high: int) -> Callable[[object], int | None]:
    def parse(raw: object) -> int | None:
        value = _number(raw, low, high)
        return int(value) if value is not None and value == int(value) else None

    return parse


def number(low: float, high: float) -> Callable[[object], float | None]:
    return lambda raw: _number(raw, low, high)


def one_of(*choices: str) -> Callable[[object], str | None]:
    return lambda raw: str(raw) if str(raw) in choices else None


def text(raw: object) -> str | None:
    return raw if isinstance(raw, str) else None


def flag(raw: object) -> bool | None:
    """QSettings' INI format gives back "true"/"false" for a stored bool."""
    if isinstance(raw, bool):
        return raw
    return {"true": True, "false": False}.get(str(raw).lower())


def paths(raw: object) -> list[Path] | None:
    if isinstance(raw, (str, Path)):  # QSettings gives a bare string for a one-item list
        raw = [raw]
    if not isinstance(raw, list):
        return None
    return [Path(str(item)) for item in raw if item]


def saved_bytes(raw: object) -> QByteArray | None:
    return raw if isinstance(raw, QByteArray) else None


def lane_kinds(raw: object) -> dict[str, str] | None:
    """A BPMN lane name → lane kind mapping, stored as JSON; unknown kinds are left out."""
    from blueprint_app.model.blueprint import LaneKind

    if isinstance(raw, dict):
        found: object = raw
    else:
        try:
            found = json.loads(str(raw))
        except ValueError:
            return None
    if not isinstance(found, dict):
        return None
    kinds = {kind.value for kind in LaneKind}
    return {str(k): v for k, v in found.items() if isinstance(v, str) and v in kinds}


# -- what is stored ------------------------------------------------------------------------------
LANGUAGE = Setting("ui/language", SYSTEM_LANGUAGE, one_of(SYSTEM_LANGUAGE, *LANGUAGES))
AUTOSAVE_SECONDS = Setting("autosave/interval_seconds", 30, whole_number(*AUTOSAVE_RANGE))
RECENT_FILES: Setting[list[Path]] = Setting(
    "recentFiles", [], paths, lambda value: [str(path) for path in value]
)
WINDOW_GEOMETRY: Setting[QByteArray | None] = Setting("window/geometry", None, saved_bytes)
WINDOW_STATE: Setting[QByteArray | None] = Setting("window/state", None, saved_bytes)
EXPORT_FOLDER = Setting("export/folder", "", text)
#: File > Import…: the kind the user gave each BPMN lane whose name did not tell it
BPMN_LANE_KINDS: Setting[dict[str, str]] = Setting(
    "import/bpmn_lane_kinds", {}, lane_kinds, lambda value: json.dumps(value, ensure_ascii=False)
)
IMPORT_FOLDER = Setting("import/folder", "", text)


def header_mapping(raw: object) -> dict[str, str] | None:
    """A sheet header (normalised) → the field the user said it holds ("" : leave it out)."""
    try:
        value = raw if isinstance(raw, dict) else json.loads(str(raw))
    except ValueError:
        return None
    if not isinstance(value, dict):
        return None
    return {str(k): str(v) for k, v in value.items() if isinstance(v, str)}


IMPORT_HEADERS: Setting[dict[str, str]] = Setting(
    "import/headers", {}, header_mapping, lambda value: json.dumps(value, ensure_ascii=False)
)


def autosave_interval() -> float:
    """Seconds between autosaves: ``$BLUEPRINT_AUTOSAVE_SECONDS`` (at least 0.05, for tests and
    scripts), else the setting."""
    override = _number(os.environ.get(AUTOSAVE_ENV, ""), AUTOSAVE_ENV_MINIMUM, AUTOSAVE_RANGE[1])
    return float(AUTOSAVE_SECONDS.read()) if override is None else override


@dataclass(frozen=True)
class ExportChoices:
    """File > Export…'s choices, remembered for the next export in any window."""

    format: str = "png"
    scale: float = 2.0
    transparent: bool = False
    title_block: bool = True
    legend: bool = True
    badges: bool = False
    page: str = ""
    lang: str = ""

    @classmethod
    def load(cls) -> ExportChoices:
        default = cls()
        return cls(
            format=Setting("export/format", default.format, text).read(),
            scale=Setting("export/scale", default.scale, number(*SCALE_RANGE)).read(),
            transparent=Setting("export/transparent", default.transparent, flag).read(),
            title_block=Setting("export/title_block", default.title_block, flag).read(),
            legend=Setting("export/legend", default.legend, flag).read(),
            badges=Setting("export/badges", default.badges, flag).read(),
            page=Setting("export/page", default.page, text).read(),
            lang=Setting("export/lang", default.lang, text).read(),
        )

    def save(self) -> None:
        settings = store()
        for key, value in vars(self).items():
            settings.setValue(f"export/{key}", value)
