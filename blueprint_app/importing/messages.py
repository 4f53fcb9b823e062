"""What an import says it left out or noticed, in English and Chinese (no Qt).

A :class:`Remark` is its English text (a ``str``, for logs, the command line and tests) that
also knows its code and values, so the window can say it in the interface's language with
:meth:`Remark.said`. Column names come from the CSV export's words in that language.
"""

from __future__ import annotations

from typing import Any

from blueprint_app.export.words import Words

#: code → (English, Chinese); ``{row}``, ``{column}``, ``{value}``, ``{count}`` filled in.
MESSAGES: dict[str, tuple[str, str]] = {
    "lane_kind": (
        "row {row}: lane kind {value!r} unknown, ignored",
        "第 {row} 行：泳道类型“{value}”未知，已忽略",
    ),
    "no_lane": (
        "row {row}: no lane given, put in the customer's",
        "第 {row} 行：没有写泳道，放在顾客泳道",
    ),
    "custom_lane": (
        "row {row}: lane {value!r} is no standard lane; made it",
        "第 {row} 行：“{value}”不是标准泳道，已新建为自定义泳道",
    ),
    "no_title": ("row {row}: no step title", "第 {row} 行：没有步骤标题"),
    "invalid": ("row {row}: {value}", "第 {row} 行：{value}"),
    "kind": (
        "row {row}: kind {value!r} unknown, made an action",
        "第 {row} 行：类型“{value}”未知，按行动导入",
    ),
    "time": (
        "row {row}, {column}: {value!r} is no time; left empty",
        "第 {row} 行，{column}：“{value}”不是时间，留空",
    ),
    "flag": (
        "row {row}, {column}: {value!r} is not yes or no",
        "第 {row} 行，{column}：“{value}”不是“是”或“否”",
    ),
    "number": (
        "row {row}, {column}: {value!r} is no value here; left empty",
        "第 {row} 行，{column}：“{value}”不是有效的值，留空",
    ),
    "metric": (
        "row {row}, metrics: {value!r} is no metric (name=value/target unit)",
        "第 {row} 行，指标：“{value}”不是指标（名称=数值/目标 单位）",
    ),
    "layout": ("row {row}: layout {value!r} unusable", "第 {row} 行：布局“{value}”无法使用"),
    "no_step": (
        "row {row}, {column}: no step called {value!r}",
        "第 {row} 行，{column}：没有名为“{value}”的步骤",
    ),
    "grid_lane": (
        "a grid row names no lane: {value!r}; left out",
        "网格中有一行的泳道名称不存在：“{value}”，未导入",
    ),
    "encoding": ("read as {value} text", "按 {value} 编码读取"),
    "tabs": ("cells separated by tabs", "单元格以制表符分隔"),
    "semicolons": ("cells separated by semicolons", "单元格以分号分隔"),
    "formulas": (
        "{count} formula cells left empty, never run: {value}",
        "{count} 个公式单元格留空，公式从不计算：{value}",
    ),
    "columns": (
        "columns not understood, left out: {value}",
        "未识别的列，未导入：{value}",
    ),
    "merged": (
        "{count} merged cell ranges: each cell given the merged value",
        "{count} 处合并单元格：每个单元格都取合并后的值",
    ),
    "empty_rows": ("{count} empty rows skipped", "跳过了 {count} 个空行"),
}


class Remark(str):
    """One line of an import's report: English as a string, any language by :meth:`said`."""

    code: str
    values: dict[str, Any]

    def __new__(cls, code: str, **values: Any) -> Remark:
        english = MESSAGES[code][0].format(**_filled(values, "en"))
        remark = super().__new__(cls, english)
        remark.code, remark.values = code, values
        return remark

    def said(self, language: str | None) -> str:
        chinese = (language or "").lower().startswith("zh")
        template = MESSAGES[self.code][1 if chinese else 0]
        return template.format(**_filled(self.values, "zh-CN" if chinese else "en"))


def _filled(values: dict[str, Any], language: str) -> dict[str, Any]:
    filled = {"row": "", "column": "", "value": "", "count": 0, **values}
    column = str(filled["column"])
    if column:
        filled["column"] = Words(language)(column) if language != "en" else column
    return filled
