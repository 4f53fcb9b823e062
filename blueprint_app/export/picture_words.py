"""The fixed words a picture carries (title block labels, legend), English and Chinese.

Kept apart from the text exports' catalogue so that the picture's few words can grow without
touching the spec's; both tables must hold the same keys (a test checks it).
"""

from __future__ import annotations

from blueprint_app.export.words import catalogue_language

_EN: dict[str, str] = {
    "customer": "Customer",
    "scenario": "Scenario",
    "date": "Date",
    "version": "Version",
    "phases": "Phases",
    "selection": "Selection",
    "legend": "Legend",
    "lines": "Lines",
    "interaction": "Line of interaction",
    "visibility": "Line of visibility",
    "internal": "Line of internal interaction",
    "steps": "Steps",
    "start": "Start",
    "action": "Action",
    "decision": "Decision",
    "wait": "Wait",
    "evidence": "Evidence",
    "end": "End",
    "flows": "Flows",
    "flow": "Flow",
    "recovery": "Recovery",
    "evidence_link": "Evidence link",
    "badges": "Badges",
    "fail": "Fail point",
    "moment": "Moment of truth",
    "slow": "Wait / over target",
    "emotion": "Customer emotion",
    "validation": "Validation",
    "error": "Error",
    "warning": "Warning",
    "info": "Info",
}

_ZH: dict[str, str] = {
    "customer": "客户",
    "scenario": "场景",
    "date": "日期",
    "version": "版本",
    "phases": "阶段",
    "selection": "所选部分",
    "legend": "图例",
    "lines": "分界线",
    "interaction": "互动分界线",
    "visibility": "可视分界线",
    "internal": "内部互动分界线",
    "steps": "步骤",
    "start": "开始",
    "action": "动作",
    "decision": "决策",
    "wait": "等待",
    "evidence": "有形展示",
    "end": "结束",
    "flows": "连线",
    "flow": "流程",
    "recovery": "补救",
    "evidence_link": "展示关联",
    "badges": "标记",
    "fail": "失误点",
    "moment": "关键时刻",
    "slow": "等待 / 超时",
    "emotion": "客户情绪",
    "validation": "检查结果",
    "error": "错误",
    "warning": "警告",
    "info": "提示",
}

CATALOGUES: dict[str, dict[str, str]] = {"en": _EN, "zh": _ZH}


def picture_words(lang: str | None) -> dict[str, str]:
    """The words for ``lang`` (``zh-CN`` → Chinese); English for any language not covered."""
    return CATALOGUES.get(catalogue_language(lang), _EN)
