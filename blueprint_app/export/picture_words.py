"""The fixed words a picture carries (title block labels, legend), English and Chinese.

Kept apart from the text exports' catalogue so that the picture's few words can grow without
touching the spec's; both tables must hold the same keys (a test checks it).
"""

from __future__ import annotations

from blueprint_app.export.words import catalogue_language
from blueprint_app.model.blueprint import FlowKind, LaneKind
from blueprint_app.model.glossary import (
    FLOW_KINDS,
    LANE_KINDS,
    LINES,
    MARKERS,
    ORDER_PENETRATION,
    STEP_KINDS,
    Term,
)

_EN: dict[str, str] = {
    "scenario": "Scenario",
    "date": "Date",
    "version": "Version",
    "phases": "Phases",
    "selection": "Selection",
    "legend": "Legend",
    "lines": "Lines",
    "steps": "Steps",
    "flows": "Flows",
    "badges": "Badges",
    "slow": "Wait / over target",
    "validation": "Validation",
    "error": "Error",
    "warning": "Warning",
    "info": "Info",
}

_ZH: dict[str, str] = {
    "scenario": "场景",
    "date": "日期",
    "version": "版本",
    "phases": "阶段",
    "selection": "所选部分",
    "legend": "图例",
    "lines": "分界线",
    "steps": "步骤",
    "flows": "连线",
    "badges": "标记",
    "slow": "等待 / 超时",
    "validation": "检查结果",
    "error": "错误",
    "warning": "警告",
    "info": "提示",
}

#: The legend's domain terms, read from the glossary so the legend names a line, a kind or a
#: badge exactly as the canvas and the spec do.
_TERMS: dict[str, Term] = {
    "customer": LANE_KINDS[LaneKind.CUSTOMER],
    **LINES,
    **{kind.value: term for kind, term in STEP_KINDS.items()},
    "flow": FLOW_KINDS[FlowKind.FLOW],
    "recovery": FLOW_KINDS[FlowKind.RECOVERY],
    "evidence_link": FLOW_KINDS[FlowKind.EVIDENCE],
    "two_way": MARKERS["two_way"],
    "fail": MARKERS["fail_point"],
    "moment": MARKERS["moment_of_truth"],
    "emotion": MARKERS["emotion"],
    "order_penetration": ORDER_PENETRATION,
    "customer_independent": MARKERS["customer_independent"],
    "policy": MARKERS["policy"],
    "metrics": MARKERS["metrics"],
}

CATALOGUES: dict[str, dict[str, str]] = {
    language: {**table, **{key: term.name(language) for key, term in _TERMS.items()}}
    for language, table in (("en", _EN), ("zh", _ZH))
}


def picture_words(lang: str | None) -> dict[str, str]:
    """The words for ``lang`` (``zh-CN`` → Chinese); English for any language not covered."""
    return CATALOGUES.get(catalogue_language(lang), _EN)
