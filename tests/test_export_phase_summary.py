"""The spec's per-phase summary and weakest steps (issue 20.1): the journey's time per phase
adds up to the journey, moments of truth, fail points and mean emotion per phase; the customer
steps that feel worst beside their phase's fail points, waits and standards."""

from __future__ import annotations

from blueprint_app.analysis.process import customer_journey
from blueprint_app.export.document import Table, blocks
from blueprint_app.export.html import to_html
from blueprint_app.export.markdown import to_markdown
from blueprint_app.export.spec import build_spec
from blueprint_app.model.durations import parse_duration
from blueprint_app.templates import load_template
from tests.validation_cases import build, clean, step


def _table_after(spec_blocks: list, anchor: str) -> Table:
    index = next(i for i, b in enumerate(spec_blocks) if getattr(b, "anchor", "") == anchor)
    return next(b for b in spec_blocks[index:] if isinstance(b, Table))


def test_phase_times_add_up_to_the_journey_and_counts_match() -> None:
    blueprint = load_template("fast-food-counter", "en")
    spec_blocks = blocks(build_spec(blueprint))
    table = _table_after(spec_blocks, "phases-at-a-glance")
    assert [row[0] for row in table.rows] == [phase.title for phase in blueprint.phases]
    journey = customer_journey(blueprint)
    assert journey is not None
    total = sum(parse_duration(row[1]) for row in table.rows if row[1] != "—")
    assert abs(total - journey.total_minutes) < 0.05  # each shown to the second
    for row, phase in zip(table.rows, blueprint.phases, strict=True):
        steps = [s for s in blueprint.steps if s.phase == phase.id]
        assert row[2] == str(sum(s.moment_of_truth for s in steps))
        assert row[3] == str(sum(s.fail_point for s in steps))


def test_mean_emotion_and_weakest_steps_lowest_first() -> None:
    doc = clean()
    step(doc, "order")["emotion"] = -1
    step(doc, "wait").update(emotion=-2, duration_minutes=4)
    step(doc, "leave")["emotion"] = 2
    step(doc, "cook")["fail_point"] = True
    step(doc, "wait").update(standard="Food within 4 minutes", target_minutes=4)
    spec_blocks = blocks(build_spec(build(doc)))
    summary = _table_after(spec_blocks, "phases-at-a-glance")
    assert summary.rows[0][4] == "-0.3"  # (-1 - 2 + 2) / 3 customer steps with an emotion
    weakest = _table_after(spec_blocks, "weakest-steps")
    assert [row[0].split(" (")[0] for row in weakest.rows] == ["Wait for the food", "Order"]
    assert weakest.rows[0][1] == "-2"
    assert weakest.rows[0][2] == "Cook"
    assert weakest.rows[0][3] == "Wait for the food (4 min)"
    assert weakest.rows[0][4] == "Food within 4 minutes (4 min)"


def test_both_sections_read_in_chinese_and_render_in_markdown_and_html() -> None:
    blueprint = load_template("hospital-outpatient", "zh-CN")
    markdown = to_markdown(blueprint)
    assert "## 各阶段概览" in markdown
    assert "## 最薄弱的步骤" in markdown
    assert "| 阶段 | 旅程用时 | 关键时刻 | 失误点 | 平均情绪 |" in markdown
    page = to_html(blueprint)
    assert "各阶段概览" in page and "最薄弱的步骤" in page


def test_without_negative_emotions_the_section_says_so() -> None:
    markdown = to_markdown(build(clean()))
    assert "No customer step has a negative emotion." in markdown
