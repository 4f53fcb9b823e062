"""The words of a change log and of merge conflicts, in English and Simplified Chinese.

Domain terms (lane, phase, step, service standard, moment of truth …) come from the glossary so
that the change log names them as the canvas and the spec do; both tables hold the same keys
(tests/test_versions_text.py checks it).
"""

from __future__ import annotations

from types import MappingProxyType

from blueprint_app.model.blueprint import LaneKind
from blueprint_app.model.glossary import LANE_KINDS, MARKERS, PARTS, language_key

_EN: dict[str, str] = {
    "blueprint": "Blueprint",
    "lane": PARTS["lane"].en,
    "phase": PARTS["phase"].en,
    "step": PARTS["step"].en,
    "flow": "Flow",
    "note": "Note",
    "added": "{what} added",
    "removed": "{what} removed",
    "changed": "{what}: {field} changed from {old} to {new}",
    "set": "{what}: {field} set to {new}",
    "cleared": "{what}: {field} removed (was {old})",
    "named": "{kind} “{name}”",
    "flow_name": "{kind} “{source}” → “{target}”",
    "same": "No changes in meaning.",
    "summary": "{added} added, {removed} removed, {changed} changed",
    "none": "(none)",
    "yes": "yes",
    "no": "no",
    "layout": "x {x}, row {row}",
    "note_at": "x {x}, y {y}",
    "field.rule": "rule {key}",
    "conflict": "Conflict: {what}, {field}: ours {ours}, theirs {theirs} (base {base}); kept ours",
    "conflict_item": "Conflict: {what} was deleted on one side and changed on the other; "
    "kept ours ({kept})",
    "kept_deleted": "deleted",
    "kept_item": "kept",
    "renamed": "{what} added on both sides: theirs is now “{new}”",
    "key_title": "Changes since {old}",
    "key_added": "Added",
    "key_changed": "Changed",
    "key_removed": "Removed (where it was)",
}
_ZH: dict[str, str] = {
    "blueprint": "蓝图",
    "lane": PARTS["lane"].zh,
    "phase": PARTS["phase"].zh,
    "step": PARTS["step"].zh,
    "flow": "连线",
    "note": "注释",
    "added": "新增{what}",
    "removed": "删除了{what}",
    "changed": "{what}：{field}由 {old} 改为 {new}",
    "set": "{what}：{field}设为 {new}",
    "cleared": "{what}：删除了{field}（原为 {old}）",
    "named": "{kind}“{name}”",
    "flow_name": "{kind}“{source}”→“{target}”",
    "same": "内容没有变化。",
    "summary": "新增 {added} 项，删除 {removed} 项，修改 {changed} 项",
    "none": "（无）",
    "yes": "是",
    "no": "否",
    "layout": "横坐标 {x}，第 {row} 行",
    "note_at": "横坐标 {x}，纵坐标 {y}",
    "field.rule": "规则 {key}",
    "conflict": "冲突：{what}的{field}，我方 {ours}，对方 {theirs}（共同祖先 {base}）；已保留我方",
    "conflict_item": "冲突：{what}在一方被删除、在另一方被修改；已保留我方（{kept}）",
    "kept_deleted": "已删除",
    "kept_item": "已保留",
    "renamed": "双方都新增了{what}：对方的改名为“{new}”",
    "key_title": "相对于{old}的变化",
    "key_added": "新增",
    "key_changed": "修改",
    "key_removed": "删除（原位置）",
}

#: What each field is called; a field not listed (an unknown one) is shown by its name.
_FIELDS_EN: dict[str, str] = {
    "title": "title",
    "description": "description",
    "customer": LANE_KINDS[LaneKind.CUSTOMER].en.lower(),
    "scenario": "scenario",
    "language": "language",
    "target_minutes": MARKERS["target"].en.lower(),
    "tolerance_minutes": "tolerance",
    "currency": "currency",
    "lane": PARTS["lane"].en.lower(),
    "phase": PARTS["phase"].en.lower(),
    "kind": "kind",
    "actor": "actor",
    "channel": "channel",
    "duration_minutes": MARKERS["duration"].en.lower(),
    "standard": MARKERS["standard"].en.lower(),
    "policy": "policy",
    "moment_of_truth": MARKERS["moment_of_truth"].en.lower(),
    "fail_point": MARKERS["fail_point"].en.lower(),
    "emotion": MARKERS["emotion"].en.lower(),
    "customer_independent": "customer-independent",
    "cost": "cost",
    "metrics": "metrics",
    "layout": "position",
    "source": "from",
    "target": "to",
    "label": "label",
    "two_way": "two-way",
    "text": "text",
    "attached_to": "attached to",
    "lane_order": "lane order",
    "phase_order": "phase order",
    "conflicts": "merge conflicts",
}
_FIELDS_ZH: dict[str, str] = {
    "title": "标题",
    "description": "说明",
    "customer": LANE_KINDS[LaneKind.CUSTOMER].zh,
    "scenario": "场景",
    "language": "语言",
    "target_minutes": MARKERS["target"].zh,
    "tolerance_minutes": "容忍时限",
    "currency": "币种",
    "lane": PARTS["lane"].zh,
    "phase": PARTS["phase"].zh,
    "kind": "类型",
    "actor": "执行者",
    "channel": "渠道",
    "duration_minutes": MARKERS["duration"].zh,
    "standard": MARKERS["standard"].zh,
    "policy": "政策",
    "moment_of_truth": MARKERS["moment_of_truth"].zh,
    "fail_point": MARKERS["fail_point"].zh,
    "emotion": MARKERS["emotion"].zh,
    "customer_independent": "与顾客无关",
    "cost": "成本",
    "metrics": "指标",
    "layout": "位置",
    "source": "起始步骤",
    "target": "目标步骤",
    "label": "标签",
    "two_way": "双向",
    "text": "文字",
    "attached_to": "附着步骤",
    "lane_order": "泳道顺序",
    "phase_order": "阶段顺序",
    "conflicts": "合并冲突",
}

WORDS = MappingProxyType({"en": MappingProxyType(_EN), "zh": MappingProxyType(_ZH)})
FIELDS = MappingProxyType({"en": MappingProxyType(_FIELDS_EN), "zh": MappingProxyType(_FIELDS_ZH)})


def words(language: str | None) -> MappingProxyType[str, str]:
    """The change log's words in the language of a BCP 47 tag (anything but Chinese: English)."""
    return WORDS[language_key(language)]


def field_name(name: str, language: str | None) -> str:
    """What a field is called: ``standard`` → "service standard" / 服务标准; a rule entry
    ``rules.BP023`` → "rule BP023"."""
    key = language_key(language)
    if name.startswith("rules."):
        return WORDS[key]["field.rule"].format(key=name[6:])
    return FIELDS[key].get(name, name)
