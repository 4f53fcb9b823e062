"""Format 2's step fields in the text exports: the spec (Markdown, HTML), the CSV and BPMN, in
English and Chinese, with awkward text (markup characters, emoji, very long)."""

from __future__ import annotations

import pytest

from blueprint_app.export.csv import COLUMNS, OPTIONAL_COLUMNS, to_csv
from blueprint_app.export.html import to_html
from blueprint_app.export.markdown import escape as md_escape
from blueprint_app.export.markdown import to_markdown
from blueprint_app.export.spec import metric_cell, money_number
from blueprint_app.model import Blueprint, Metric, Step, StepLayout
from tests.conftest import ODD_TEXT
from tests.test_export_bpmn import NS, check
from tests.test_export_spec import coffee, csv_rows, parse

LONG = "A very long policy that goes on and on " * 30
AWKWARD = 'Refunds <&"> over ¥500 🎉 need the manager'


def rich() -> Blueprint:
    """The coffee example with every format 2 field: a step of customer-independent work
    (with cost), a tolerance, a policy, costs in ¥ and metrics with awkward names."""
    blueprint = coffee()
    blueprint.currency = "¥"
    steps = {step.id: step for step in blueprint.steps}
    steps["order-drink"].tolerance_minutes = 4
    steps["order-drink"].policy = AWKWARD
    steps["order-drink"].cost = 1.5
    steps["order-drink"].metrics = [
        Metric(name="NPS 净推荐值", value=45, target=50, unit="%"),
        Metric(name=ODD_TEXT, target=-2.5),
    ]
    steps["make"].cost = 2.25
    steps["make"].policy = LONG
    blueprint.steps.append(
        Step(
            id="grind",
            lane="backstage",
            phase=steps["make"].phase,
            title="Grind beans before opening 🫘",
            description="Every morning at 6",
            actor="Barista",
            customer_independent=True,
            cost=4,
            metrics=[Metric(name="Kilos", value=3, unit="kg")],
            layout=StepLayout(x=300, row=2),
        )
    )
    return blueprint


def section(text: str, heading: str) -> str:
    return text.split(f"## {heading}", 1)[1].split("\n## ", 1)[0]


def test_a_version_1_blueprint_exports_as_before() -> None:
    text = to_markdown(coffee())
    for heading in ("Customer-independent work", "## Metrics", "## Cost", "tolerance"):
        assert heading not in text
    assert len(csv_rows(to_csv(coffee()))[0]) == len(COLUMNS)  # the fixed columns only


def test_markdown_shows_every_new_field_in_english() -> None:
    text = to_markdown(rich())
    independent = section(text, "Customer-independent work (preparation and follow-up)")
    assert "line of order penetration" in independent
    assert "| Grind beans before opening 🫘 | Barista (Backstage) | Collect |" in independent
    assert "| Every morning at 6 | 4 ¥ |" in independent
    assert "Customer-independent" in section(text, "Steps by phase")  # flagged per step too
    order = section(text, "Steps by phase")
    assert "1 min 30 s / 2 min (tolerance 4 min)" in order
    assert md_escape(AWKWARD) in order and "| 1.50 ¥ |" in order
    assert md_escape(LONG.strip()) in order  # long text is never cut
    metrics = section(text, "Metrics")
    assert "| Step | Metric | Value | Target value | Unit |" in metrics
    assert "| Order a drink | NPS 净推荐值 | 45 | 50 | % |" in metrics
    assert f"| Order a drink | {md_escape(ODD_TEXT)} |  | -2.5 |  |" in metrics
    assert "| Grind beans before opening 🫘 | Kilos | 3 |  | kg |" in metrics
    cost = section(text, "Cost (¥)")
    assert "| Phase | Customer-induced work | Customer-independent work | Total |" in cost
    assert "| Total | 3.75 ¥ | 4 ¥ | 7.75 ¥ |" in cost
    assert "Cost along the customer's journey (the longest path): 3.75 ¥" in cost
    assert "| Customer-independent steps | 1 |" in section(text, "Overview")


def test_markdown_in_chinese_uses_the_glossary() -> None:
    blueprint = rich()
    blueprint.language = "zh-CN"
    text = to_markdown(blueprint)
    independent = section(text, "与顾客无关的工作（准备与后续）")
    assert "订单渗透线" in independent and "| 步骤 | 执行者 | 阶段 | 说明 | 成本 |" in independent
    assert "| 步骤 | 指标 | 实际值 | 目标值 | 单位 |" in section(text, "指标")
    assert "| 合计 | 3.75 ¥ | 4 ¥ | 7.75 ¥ |" in section(text, "成本（¥）")
    assert "1 分钟 30 秒 / 2 分钟（容忍时限 4 分钟）" in text
    assert "| 与顾客无关 |" in text  # the flag in the steps table
    for english in ("Customer-independent", "Target value", "Total", "tolerance"):
        assert english not in text


def test_html_shows_awkward_text_as_written() -> None:
    page = parse(to_html(rich()))
    assert ["Step", "Metric", "Value", "Target value", "Unit"] in page.rows
    assert ["Order a drink", ODD_TEXT, "", "-2.5", ""] in page.rows
    assert any(AWKWARD in row for row in page.rows)
    assert page.tags.isdisjoint({"tag", "b"})  # nothing the user typed became markup
    assert "Customer-independent work (preparation and follow-up)" in "".join(page.text)


def test_csv_adds_the_new_columns_only_when_used_and_encodes_metrics() -> None:
    blueprint = rich()
    rows = csv_rows(to_csv(blueprint))
    assert list(rows[0])[: len(COLUMNS)] == list(csv_rows(to_csv(coffee()))[0])
    assert list(rows[0])[len(COLUMNS) :] == [
        "Customer-independent",
        "Tolerance (min)",
        "Policy",
        "Cost (¥)",
        "Metrics",
    ]
    by_id = {row["ID"]: row for row in rows}
    order = by_id["order-drink"]
    assert order["Tolerance (min)"] == "4" and order["Cost (¥)"] == "1.50"
    assert order["Policy"] == AWKWARD and order["Customer-independent"] == "no"
    assert order["Metrics"] == f"NPS 净推荐值=45/50 %; {ODD_TEXT}=/-2.5"
    assert by_id["grind"]["Customer-independent"] == "yes"
    assert by_id["grind"]["Metrics"] == "Kilos=3 kg"
    assert by_id["make"]["Policy"] == LONG
    # only a policy set: only that column is added
    only = coffee()
    only.steps[0].policy = "=cmd|' /C calc'!A0"
    header = list(csv_rows(to_csv(only))[0])
    assert header[len(COLUMNS) :] == ["Policy"]
    policies = {row["ID"]: row["Policy"] for row in csv_rows(to_csv(only))}
    assert policies[only.steps[0].id] == "'=cmd|' /C calc'!A0"  # defused
    assert len(OPTIONAL_COLUMNS) == 5


def test_csv_in_chinese() -> None:
    blueprint = rich()
    rows = csv_rows(to_csv(blueprint, "zh-CN"))
    assert list(rows[0])[len(COLUMNS) :] == [
        "与顾客无关",
        "容忍时限（分钟）",
        "政策",
        "成本（¥）",
        "指标",
    ]
    assert {row["与顾客无关"] for row in rows} == {"是", "否"}


@pytest.mark.parametrize(
    ("metric", "cell"),
    [
        (Metric(name="NPS", value=45, target=50, unit="%"), "NPS=45/50 %"),
        (Metric(name="Calls", value=120, unit="calls"), "Calls=120 calls"),
        (Metric(name="NPS", target=50, unit="%"), "NPS=/50 %"),
        (Metric(name="Mood", unit="pts"), "Mood"),
        (Metric(name="Δ", value=-1.5), "Δ=-1.5"),
    ],
)
def test_metric_cells(metric: Metric, cell: str) -> None:
    assert metric_cell(metric) == cell


def test_money_is_written_to_the_cent() -> None:
    assert [money_number(v) for v in (120, 6.5, 0.1 + 0.2, 2.999)] == ["120", "6.50", "0.30", "3"]


def test_bpmn_documents_the_new_fields_and_stays_schema_valid() -> None:
    from blueprint_app.export.bpmn import to_bpmn

    root = check(to_bpmn(rich()))
    docs = {
        element.get("id"): element.findtext("bpmn:documentation", "", NS)
        for element in root.iter()
        if element.get("id", "").startswith("Step_")
    }
    grind = docs["Step_grind"]
    assert "Customer-independent (below the line of order penetration)" in grind
    assert "Cost: 4 ¥" in grind and "Metrics: Kilos=3 kg" in grind
    order = docs["Step_order-drink"]
    assert f"Policy: {AWKWARD}" in order and "Tolerance: 4 min" in order
    assert f"Metrics: NPS 净推荐值=45/50 %; {ODD_TEXT}=/-2.5".replace("\n", " ") in order.replace(
        "\n", " "
    )
