"""The fixed words of the text exports, in English and Simplified Chinese.

A plain Python catalogue rather than Qt's translator, so that the CLI and scripts export in the
blueprint's language without a display. Both tables must hold the same keys (a test checks it);
``{name}`` placeholders are filled by :meth:`Words.__call__`.
"""

from __future__ import annotations

from types import MappingProxyType

from blueprint_app.model.blueprint import LaneKind, StepKind
from blueprint_app.model.glossary import (
    LANE_KINDS,
    LINES,
    MARKERS,
    ORDER_PENETRATION,
    PARTS,
    STEP_KINDS,
    Term,
    language_key,
)

_EN: dict[str, str] = {
    "spec_title": "Process specification",
    "title": "Title",
    "scenario": "Scenario",
    "date": "Date",
    "version": "Version",
    "description": "Description",
    "overview": "Overview",
    "count_steps": "Steps",
    "count_flows": "Flows",
    "count_phases": "Phases",
    "count_lanes": "Lanes",
    "count_customer_steps": "Customer steps",
    "count_handoffs": "Hand-offs across the lines",
    "diagram": "Diagram",
    "steps_by_phase": "Steps by phase",
    "no_phase": "(no phase)",
    "lane_kind": "Lane kind",
    "order": "Order",
    "id": "ID",
    "kind": "Kind",
    "actor": "Actor",
    "channel": "Channel",
    "flags": "Flags",
    "duration_min": "Duration (min)",
    "target_min": "Target (min)",
    "next_steps": "Next steps",
    "recovery_to": "Recovery to",
    "layout_x": "Layout x",
    "layout_row": "Layout row",
    "label_value": "{label}: {value}",
    "in_brackets": "{text} ({note})",
    "yes": "yes",
    "no": "no",
    "none": "—",
    "evidence_heading": "Evidence at each customer step",
    "no_evidence": "no evidence",
    "no_customer_steps": "There are no customer steps.",
    "touchpoints_heading": "Encounters across the line of interaction",
    "touchpoints_intro": "Where the customer meets the frontstage, in reading order: → one way, "
    "↔ both ways (an interaction such as check-in).",
    "direction": "Direction",
    "handoffs_heading": "Hand-offs",
    "handoffs_intro": "Work handed across the line of visibility (frontstage ↔ backstage, or "
    "the customer straight to the backstage, across the line of interaction too) and the line "
    "of internal interaction (backstage ↔ support).",
    "line": "Line",
    "from_who": "From",
    "hands_what": "Hands over",
    "both_ways": "Both ways",
    "to_whom": "To",
    "receiving_step": "Receiving step",
    "no_handoffs": "No work crosses these lines.",
    "fail_heading": "Fail points and recovery",
    "recovery_path": "Recovery path",
    "no_recovery": "no recovery path",
    "no_fail_points": "No step is marked as a fail point.",
    "time_heading": "Customer time",
    "longest_path": "The customer's journey",
    "time_along_path": "Time of the customer's journey",
    "within_target": "within the target of {target}",
    "over_target": "over the target of {target} by {over}",
    "no_target": "no target set for the whole journey",
    "no_path": "No flows: there is no path to time.",
    "no_path_no_start": "No start step: the customer's journey has no beginning to time from.",
    "no_path_no_end": "No end step: the customer's journey has no end to time to.",
    "no_path_no_journey": "No start reaches an end: the customer's journey cannot be timed.",
    "missing_durations": "Steps on the path without a duration (counted as 0)",
    "validation_heading": "Validation",
    "not_checked": "Not checked in this export.",
    "no_problems": "No problems found.",
    "problems_found": "{errors}, {warnings}, {infos}",
    "errors_one": "{n} error",
    "errors_many": "{n} errors",
    "warnings_one": "{n} warning",
    "warnings_many": "{n} warnings",
    "infos_one": "{n} info finding",
    "infos_many": "{n} info findings",
    "rule": "Rule",
    "severity": "Severity",
    "message": "Message",
    "severity_error": "error",
    "severity_warning": "warning",
    "severity_info": "info",
    "exported_by": "Exported by Blueprint Studio {version}",
    "bpmn_recovery_question": "Recovery needed?",
    "bpmn_independent_start": "On schedule (customer-independent)",
    "bpmn_independent_end": "Done (customer-independent)",
    "bpmn_answered": "Answered (two-way)",
    "bpmn_branch_end": "Branch done",
    "tolerance_min": "Tolerance (min)",
    "tolerance_note": "tolerance {value}",
    "count_independent": "Customer-independent steps",
    "independent_heading": "Customer-independent work (preparation and follow-up)",
    "independent_intro": "Work below the line of order penetration: done regardless of any one "
    "customer (supplies, preparation, training, cleaning up), so it is not part of a customer's "
    "journey or its time.",
    "metric": "Metric",
    "metric_value": "Value",
    "metric_target": "Target value",
    "unit": "Unit",
    "cost_in": "Cost ({currency})",
    "induced_work": "Customer-induced work",
    "independent_work": "Customer-independent work",
    "total": "Total",
    "cost_journey": "Cost along the customer's journey (the longest path)",
}

_ZH: dict[str, str] = {
    "spec_title": "服务流程说明书",
    "title": "标题",
    "scenario": "场景",
    "date": "日期",
    "version": "版本",
    "description": "说明",
    "overview": "概况",
    "count_steps": "步骤",
    "count_flows": "连线",
    "count_phases": "阶段",
    "count_lanes": "泳道",
    "count_customer_steps": "顾客步骤",
    "count_handoffs": "跨分界线交接",
    "diagram": "蓝图",
    "steps_by_phase": "各阶段步骤",
    "no_phase": "（未分阶段）",
    "lane_kind": "泳道类型",
    "order": "顺序",
    "id": "编号",
    "kind": "类型",
    "actor": "执行者",
    "channel": "渠道",
    "flags": "标记",
    "duration_min": "用时（分钟）",
    "target_min": "时限目标（分钟）",
    "next_steps": "下一步",
    "recovery_to": "补救步骤",
    "layout_x": "布局横坐标",
    "layout_row": "布局行",
    "label_value": "{label}：{value}",
    "in_brackets": "{text}（{note}）",
    "yes": "是",
    "no": "否",
    "none": "—",
    "evidence_heading": "顾客各步骤的有形展示",
    "no_evidence": "无有形展示",
    "no_customer_steps": "没有顾客步骤。",
    "touchpoints_heading": "互动分界线上的接触",
    "touchpoints_intro": "顾客与前台相遇之处，按阅读顺序排列：→ 单向，"
    "↔ 双向（例如办理入住这样的互动）。",
    "direction": "方向",
    "handoffs_heading": "交接",
    "handoffs_intro": "跨越可视分界线（前台 ↔ 后台；顾客直接联系后台时也跨越互动分界线）"
    "和内部互动分界线（后台 ↔ 支持过程）的工作交接。",
    "line": "分界线",
    "from_who": "交出方",
    "hands_what": "交接内容",
    "both_ways": "双向",
    "to_whom": "接收方",
    "receiving_step": "接收步骤",
    "no_handoffs": "没有跨越这两条分界线的工作。",
    "fail_heading": "失误点与补救",
    "recovery_path": "补救路径",
    "no_recovery": "没有补救路径",
    "no_fail_points": "没有标记为失误点的步骤。",
    "time_heading": "顾客耗时",
    "longest_path": "顾客旅程",
    "time_along_path": "顾客旅程耗时",
    "within_target": "未超出时限目标 {target}",
    "over_target": "超出时限目标 {target}，多出 {over}",
    "no_target": "整个服务过程未设时限目标",
    "no_path": "没有连线，无法计算路径耗时。",
    "no_path_no_start": "没有起点步骤：顾客旅程没有可以计时的开端。",
    "no_path_no_end": "没有终点步骤：顾客旅程没有可以计时的终点。",
    "no_path_no_journey": "没有任何起点能走到终点：无法计算顾客旅程的耗时。",
    "missing_durations": "路径上未填用时的步骤（按 0 计）",
    "validation_heading": "校验结果",
    "not_checked": "本次导出未做校验。",
    "no_problems": "未发现问题。",
    "problems_found": "{errors}，{warnings}，{infos}",
    "errors_one": "错误 {n} 个",
    "errors_many": "错误 {n} 个",
    "warnings_one": "警告 {n} 个",
    "warnings_many": "警告 {n} 个",
    "infos_one": "提示 {n} 个",
    "infos_many": "提示 {n} 个",
    "rule": "规则",
    "severity": "级别",
    "message": "说明",
    "severity_error": "错误",
    "severity_warning": "警告",
    "severity_info": "提示",
    "exported_by": "由 Blueprint Studio {version} 导出",
    "bpmn_recovery_question": "需要补救吗？",
    "bpmn_independent_start": "按计划开始（与顾客无关）",
    "bpmn_independent_end": "完成（与顾客无关）",
    "bpmn_answered": "已回应（双向互动）",
    "bpmn_branch_end": "本分支完成",
    "tolerance_min": "容忍时限（分钟）",
    "tolerance_note": "容忍时限 {value}",
    "count_independent": "与顾客无关的步骤",
    "independent_heading": "与顾客无关的工作（准备与后续）",
    "independent_intro": "订单渗透线以下的工作：不针对某一位顾客而做"
    "（采购、准备、培训、收尾清洁），因此不属于顾客的服务过程，也不计入顾客耗时。",
    "metric": "指标",
    "metric_value": "实际值",
    "metric_target": "目标值",
    "unit": "单位",
    "cost_in": "成本（{currency}）",
    "induced_work": "顾客引发的工作",
    "independent_work": "与顾客无关的工作",
    "total": "合计",
    "cost_journey": "顾客服务过程（最长路径）的成本",
}

#: The words that are domain terms, read from the glossary so the spec names them as the canvas,
#: the legend and the findings do.
_TERMS: dict[str, Term] = {
    "customer": LANE_KINDS[LaneKind.CUSTOMER],
    "phase": PARTS["phase"],
    "lane": PARTS["lane"],
    "step": PARTS["step"],
    "duration": MARKERS["duration"],
    "target": MARKERS["target"],
    "standard": MARKERS["standard"],
    "emotion": MARKERS["emotion"],
    "moment_of_truth": MARKERS["moment_of_truth"],
    "fail_point": MARKERS["fail_point"],
    "evidence": STEP_KINDS[StepKind.EVIDENCE],
    **{f"kind_{kind.value}": term for kind, term in STEP_KINDS.items()},
    "line_interaction": LINES["interaction"],
    "line_visibility": LINES["visibility"],
    "line_internal": LINES["internal"],
    "tolerance": MARKERS["tolerance"],
    "customer_independent": MARKERS["customer_independent"],
    "policy": MARKERS["policy"],
    "cost": MARKERS["cost"],
    "metrics": MARKERS["metrics"],
    "order_penetration": ORDER_PENETRATION,
}
#: Counts of a term: English says them in the plural, Chinese has none and uses the term.
_COUNTS: dict[str, tuple[str, Term]] = {
    "count_moments": ("Moments of truth", MARKERS["moment_of_truth"]),
    "count_fail_points": ("Fail points", MARKERS["fail_point"]),
    "count_decisions": ("Decisions", STEP_KINDS[StepKind.DECISION]),
    "count_waits": ("Waits", STEP_KINDS[StepKind.WAIT]),
    "count_evidence": ("Evidence items", STEP_KINDS[StepKind.EVIDENCE]),
}


def _with_terms(table: dict[str, str], language: str) -> dict[str, str]:
    terms = {key: term.name(language) for key, term in _TERMS.items()}
    counts = {
        key: en if language == "en" else term.name(language) for key, (en, term) in _COUNTS.items()
    }
    return {**table, **terms, **counts}


CATALOGUES: MappingProxyType[str, dict[str, str]] = MappingProxyType(
    {"en": _with_terms(_EN, "en"), "zh": _with_terms(_ZH, "zh")}
)


def catalogue_language(tag: str | None) -> str:
    """The catalogue for a BCP 47 tag: any Chinese tag gets Simplified Chinese, others English."""
    return language_key(tag)


class Words:
    """The fixed words of one language; ``words("over_target", target=…, over=…)`` fills
    placeholders."""

    def __init__(self, tag: str | None) -> None:
        self.language = catalogue_language(tag)
        self._table = CATALOGUES[self.language]

    def __call__(self, key: str, **values: object) -> str:
        text = self._table[key]
        return text.format(**values) if values else text
