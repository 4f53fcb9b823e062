"""Which column of a sheet is which field: our own CSV export's headers in English and Chinese
(from the export's words), and the names other sheets commonly use for them (no Qt).

A header nothing here knows is left for the shell to ask about (and remember), or skipped.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from blueprint_app.export.csv import COLUMNS, OPTIONAL_COLUMNS
from blueprint_app.export.words import Words

#: Every column an import understands: the CSV export's, by the same keys.
KEYS: tuple[str, ...] = (*COLUMNS, *OPTIONAL_COLUMNS)

_SYNONYMS: Mapping[str, tuple[str, ...]] = {
    "step": (
        "title",
        "name",
        "step name",
        "task",
        "activity",
        "action",
        "step title",
        "标题",
        "名称",
        "步骤名称",
        "活动",
        "任务",
        "行为",
        "内容",
    ),
    "phase": ("stage", "moment", "journey stage", "journey phase", "环节", "时刻", "旅程阶段"),
    "lane": ("layer", "swimlane", "swim lane", "row", "层", "泳道名称", "层级"),
    "lane_kind": ("lane type", "layer kind"),
    "kind": ("type", "step kind", "step type", "shape", "步骤类型"),
    "actor": ("who", "role", "owner", "responsible", "staff", "角色", "负责人", "人员", "执行人"),
    "channel": ("touchpoint", "medium", "via", "触点", "媒介"),
    "description": ("details", "notes", "note", "comment", "comments", "描述", "备注", "详情"),
    "duration_min": ("duration", "time", "minutes", "用时", "时长", "耗时", "时间"),
    "target_min": ("target", "target time", "standard time", "时限", "目标时间", "时限目标"),
    "tolerance_min": ("tolerance", "tolerance time", "acceptable time", "容忍时限", "容忍时间"),
    "standard": ("standard", "service standard", "标准"),
    "moment_of_truth": ("moment of truth", "mot", "关键时刻", "真实瞬间"),
    "fail_point": (
        "fail point",
        "failpoint",
        "failure point",
        "risk",
        "失误点",
        "失败点",
        "风险点",
    ),
    "emotion": ("feeling", "mood", "emotion", "情绪", "感受", "顾客感受"),
    "customer_independent": ("customer independent",),
    "policy": ("rule", "business rule", "policy", "规则", "业务规则", "政策"),
    "cost": ("cost", "price", "费用", "成本"),
    "metrics": ("kpi", "kpis", "metric", "metrics", "指标", "关键指标"),
    "id": ("id", "step id", "编号", "序号"),
}


def normal(text: str) -> str:
    """A header as compared: case, width and spacing ignored, a spreadsheet's quote prefix too."""
    text = text.strip().lstrip("'").replace("（", "(").replace("）", ")").replace("：", ":")
    return " ".join(text.casefold().replace("_", " ").split()).rstrip(":")


def _known() -> dict[str, str]:
    known: dict[str, str] = {}
    for key, words in _SYNONYMS.items():
        for word in words:
            known.setdefault(normal(word), key)
    for language in ("en", "zh-CN"):  # the export's own headers win over any synonym
        spoken = Words(language)
        for key in KEYS:
            known[normal(spoken(key))] = key
    for key in KEYS:
        known.setdefault(normal(key), key)
    return known


_KNOWN = _known()
_COST = [
    re.compile(
        re.escape(normal(Words(language)("cost_in", currency="currencyx"))).replace(
            "currencyx", "(.+)"
        )
    )
    for language in ("en", "zh-CN")
]


def column_key(header: str) -> str | None:
    """The field a header names, None when it is not one this knows."""
    word = normal(header)
    if not word:
        return None
    if word in _KNOWN:
        return _KNOWN[word]
    return "cost" if any(p.fullmatch(word) for p in _COST) else None


def currency_in(header: str) -> str:
    """The currency a cost header names ("Cost (EUR)" → "EUR"), else ""."""
    for pattern in _COST:
        match = pattern.fullmatch(normal(header))
        if match:
            start = normal(header).find(match.group(1))
            original = header.strip().replace("（", "(").replace("）", ")")
            return original[start : start + len(match.group(1))].strip() if start >= 0 else ""
    return ""


def is_chinese(texts: Sequence[str]) -> bool:
    return any("\u4e00" <= char <= "\u9fff" for text in texts for char in text)


def map_headers(
    header: Sequence[str], remembered: Mapping[str, str] | None = None
) -> tuple[dict[int, str], list[str]]:
    """Column index → field key for a header row, and the headers left unknown.

    ``remembered`` maps a header (as :func:`normal` gives it) to a key the user chose before;
    a key no longer understood is ignored. Each key is taken by its first column only.
    """
    chosen: dict[int, str] = {}
    unknown: list[str] = []
    taken: set[str] = set()
    for index, text in enumerate(header):
        key = (remembered or {}).get(normal(text)) or column_key(text)
        if key not in KEYS:
            key = None
        if key is None or key in taken:
            if text.strip():
                unknown.append(text.strip())
            continue
        taken.add(key)
        chosen[index] = key
    return chosen, unknown
