"""The domain terms of service blueprinting, each named once in English and Simplified Chinese.

Every layer that names a lane kind, a line, a step or flow kind or a marker reads it here: the
default lane titles (model.factory), the lines drawn on the canvas (analysis.geometry), the
text exports (export.words), the picture legend (export.picture_words), the words inside
findings (validation.messages) and the property forms, palette and context menu of the shell.
``tests/test_glossary.py`` fails when any of them, or the Qt catalogue, names a term otherwise.

The Chinese follows the translation of Zeithaml and Bitner's *Services Marketing* that Chinese
service-design courses use, as do our zh-CN templates (lanes 有形展示, 顾客行为, 前台员工行为,
后台员工行为, 支持过程). Where our tables disagreed, the choice and the reason:

- line of interaction: 互动分界线, the textbook's name and the legend's, paired with 可视分界线
  and 内部互动分界线; the canvas said 外部互动分界线, a variant found in a few papers.
- start / end: 起点 / 终点, the nouns of the interface and of every finding ("蓝图没有起点步骤");
  the exports said 开始 / 结束, the words of a flowchart symbol.
- decision: 判断, the interface's and the findings' word (a flowchart's 判断框); exports said 决策.
- action: 行动, as in 顾客行为 / the interface; the legend said 动作.
- customer: 顾客, as in the lane 顾客行为; the picture's title block said 客户.
- flow kinds: 普通连线 / 补救连线 / 有形展示连线, the interface's and the findings' words; the
  legend said 流程 / 补救 / 展示关联.
- time target: 时限目标, the interface's and the findings' word; the text exports said 目标时限.
- tolerance (Shostack's "total acceptable execution time"): 容忍时限, beside 时限目标.
- customer-independent (Fließ & Kleinaltenkamp's *kundenunabhängig*): 与顾客无关, the plain
  words of the Chinese operations texts; their line of order penetration (订单渗透线) follows
  the supply-chain 订单渗透点 (order penetration point).
- policy, cost, metrics: 政策, 成本, 指标 (a metric's measured and target value: 实际值, 目标值,
  never the time target 时限目标).

Each term lists under ``avoid`` the variants it replaced that are never right, so the test also
catches them inside sentences (开始 and 结束 are not listed: they are ordinary verbs).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from blueprint_app.model.blueprint import FlowKind, LaneKind, StepKind

#: The languages the glossary holds: English and Simplified Chinese.
LANGUAGES = ("en", "zh")


@dataclass(frozen=True)
class Term:
    """One domain term: its English and Chinese name, and Chinese variants no place may use."""

    en: str
    zh: str
    avoid: tuple[str, ...] = ()

    def name(self, language: str | None) -> str:
        """The name in a BCP 47 tag's language (``zh-CN`` → Chinese; unknown → English)."""
        return self.zh if language_key(language) == "zh" else self.en


def language_key(tag: str | None) -> str:
    """``zh``, ``zh-CN``, ``zh_Hans`` → ``zh``; any other tag, or none, → ``en``."""
    base = (tag or "en").replace("_", "-").split("-")[0].lower()
    return base if base in LANGUAGES else "en"


#: What each lane kind is called (a lane's kind, shown beside its editable title).
LANE_KINDS: Mapping[LaneKind, Term] = MappingProxyType(
    {
        LaneKind.PHYSICAL_EVIDENCE: Term("Physical evidence", "有形展示"),
        LaneKind.CUSTOMER: Term("Customer", "顾客", avoid=("客户",)),
        LaneKind.FRONTSTAGE: Term("Frontstage", "前台员工行为"),
        LaneKind.BACKSTAGE: Term("Backstage", "后台员工行为"),
        LaneKind.SUPPORT: Term("Support", "支持过程"),
        LaneKind.CUSTOM: Term("Custom", "自定义"),
    }
)

#: The title a new lane of each kind gets; the kind, not the title, carries meaning.
LANE_TITLES: Mapping[LaneKind, Term] = MappingProxyType(
    {
        LaneKind.PHYSICAL_EVIDENCE: Term("Physical evidence", "有形展示"),
        LaneKind.CUSTOMER: Term("Customer actions", "顾客行为"),
        LaneKind.FRONTSTAGE: Term("Frontstage", "前台员工行为"),
        LaneKind.BACKSTAGE: Term("Backstage", "后台员工行为"),
        LaneKind.SUPPORT: Term("Support processes", "支持过程"),
        LaneKind.CUSTOM: Term("Custom lane", "自定义泳道"),
    }
)

#: The three lines between lanes, top to bottom.
LINES: Mapping[str, Term] = MappingProxyType(
    {
        "interaction": Term("Line of interaction", "互动分界线", avoid=("外部互动分界线",)),
        "visibility": Term("Line of visibility", "可视分界线"),
        "internal": Term("Line of internal interaction", "内部互动分界线"),
    }
)

STEP_KINDS: Mapping[StepKind, Term] = MappingProxyType(
    {
        StepKind.ACTION: Term("Action", "行动", avoid=("动作",)),
        StepKind.START: Term("Start", "起点"),
        StepKind.END: Term("End", "终点"),
        StepKind.DECISION: Term("Decision", "判断", avoid=("决策",)),
        StepKind.WAIT: Term("Wait", "等待"),
        StepKind.EVIDENCE: Term("Evidence", "有形展示"),
    }
)

FLOW_KINDS: Mapping[FlowKind, Term] = MappingProxyType(
    {
        FlowKind.FLOW: Term("Flow", "普通连线"),
        FlowKind.RECOVERY: Term("Recovery", "补救连线"),
        FlowKind.EVIDENCE: Term("Evidence link", "有形展示连线", avoid=("展示关联",)),
    }
)

#: What a step (or, for two_way, a flow) can be marked with or measured by.
MARKERS: Mapping[str, Term] = MappingProxyType(
    {
        "moment_of_truth": Term("Moment of truth", "关键时刻"),
        "fail_point": Term("Fail point", "失误点"),
        "emotion": Term("Emotion", "顾客情绪", avoid=("客户情绪",)),
        "standard": Term("Service standard", "服务标准"),
        "duration": Term("Duration", "用时"),
        "target": Term("Target", "时限目标", avoid=("目标时限",)),
        # a flow drawn with two heads (Bitner, Ostrom & Morgan 2008): 互动 as in 互动分界线
        "two_way": Term("Two-way interaction", "双向互动"),
        "tolerance": Term("Tolerance", "容忍时限"),
        "customer_independent": Term("Customer-independent", "与顾客无关"),
        "policy": Term("Policy", "政策"),
        "cost": Term("Cost", "成本"),
        "metrics": Term("Metrics", "指标"),
    }
)

#: Fließ and Kleinaltenkamp's line below which work is done regardless of any one customer
#: (not one of the three lines between lanes: it is drawn only where such work is laid out).
ORDER_PENETRATION = Term("Line of order penetration", "订单渗透线")

#: The parts a blueprint is made of.
PARTS: Mapping[str, Term] = MappingProxyType(
    {
        "lane": Term("Lane", "泳道"),
        "phase": Term("Phase", "阶段"),
        "step": Term("Step", "步骤"),
    }
)


def all_terms() -> Iterator[tuple[str, Term]]:
    """Every term with a dotted name (``step.decision``), for the tests and the docs."""
    tables: dict[str, Mapping[Any, Term]] = {
        "lane": LANE_KINDS,
        "lane_title": LANE_TITLES,
        "line": LINES,
        "step": STEP_KINDS,
        "flow": FLOW_KINDS,
        "marker": MARKERS,
        "part": PARTS,
    }
    for group, table in tables.items():
        for key, term in table.items():
            yield f"{group}.{key!s}", term
    yield "line.order_penetration", ORDER_PENETRATION
