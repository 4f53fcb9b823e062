"""The simulation as a self-contained HTML page: the report's sentences, tables and charts
drawn as inline SVG (journey time distribution, wait per step, utilization, the --vary curve).
No script, no external file: it opens anywhere and prints."""

from __future__ import annotations

from html import escape

from blueprint_app.model.blueprint import Blueprint
from blueprint_app.simulation.report import (
    arrivals_line,
    bottleneck_line,
    count,
    minutes,
    standard_lines,
)
from blueprint_app.simulation.results import Result
from blueprint_app.simulation.vary import Variant, _standards, mean_wait
from blueprint_app.simulation.words import percent, word

WIDTH, BAR, GAP, LEFT = 640, 18, 6, 220
BINS = 24
COLOURS = ("#2f6db5", "#d9822b", "#2e8b57", "#b03a48", "#7b5ea7", "#8c6d1f", "#4a7f8c")

_STYLE = """
body{font-family:system-ui,-apple-system,"Segoe UI","Noto Sans","Noto Sans CJK SC",
"Microsoft YaHei","PingFang SC",sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;
color:#1d232b;line-height:1.45}
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem}
table{border-collapse:collapse;font-size:.9rem}td,th{border-bottom:1px solid #dde;
padding:.25rem .5rem;text-align:right}td:first-child,th:first-child{text-align:left}
svg{max-width:100%;height:auto}svg text{font-size:12px;fill:#1d232b}
.muted{color:#667}
"""


def _text(x: float, y: float, content: str, anchor: str = "start", extra: str = "") -> str:
    return f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}"{extra}>{escape(content)}</text>'


def _cut(title: str, limit: int = 30) -> str:
    return title if len(title) <= limit else title[: limit - 1] + "…"


def journey_chart(result: Result, language: str) -> str:
    """A histogram of journey times, the standard as a dashed line."""
    values = result.journeys
    if not values:
        return ""
    low, high = min(values), max(values)
    target = result.target_minutes
    if target is not None:
        high = max(high, target)
    span = high - low or 1.0
    counts = [0] * BINS
    for value in values:
        counts[min(BINS - 1, int((value - low) / span * BINS))] += 1
    height, top, bottom = 200, 10, 30
    plot = WIDTH - 60
    tallest = max(counts)
    parts = [f'<svg viewBox="0 0 {WIDTH} {height + top + bottom}" role="img">']
    for index, number in enumerate(counts):
        h = height * number / tallest
        x = 50 + plot * index / BINS
        parts.append(
            f'<rect x="{x:.1f}" y="{top + height - h:.1f}" width="{plot / BINS - 1:.1f}" '
            f'height="{h:.1f}" fill="{COLOURS[0]}"><title>{number}</title></rect>'
        )
    parts.append(_text(50, top + height + 16, minutes(low, language)))
    parts.append(_text(50 + plot, top + height + 16, minutes(high, language), "end"))
    parts.append(_text(45, top + 10, count(tallest, language), "end"))
    parts.append(_text(45, top + height, "0", "end"))
    if target is not None:
        x = 50 + plot * (target - low) / span
        parts.append(
            f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{top}" y2="{top + height}" '
            f'stroke="{COLOURS[3]}" stroke-dasharray="4 3" stroke-width="2"/>'
        )
        parts.append(_text(x + 4, top + 12, minutes(target, language), extra=' fill="#b03a48"'))
    parts.append("</svg>")
    return "".join(parts)


def bars(rows: list[tuple[str, float, float | None, str]], scale: float) -> str:
    """Horizontal bars: (label, value, marker or None, text at the bar's end)."""
    if not rows:
        return ""
    plot = WIDTH - LEFT - 90
    height = len(rows) * (BAR + GAP) + GAP
    parts = [f'<svg viewBox="0 0 {WIDTH} {height}" role="img">']
    for index, (label, value, marker, shown) in enumerate(rows):
        y = GAP + index * (BAR + GAP)
        w = plot * min(value / scale, 1.0) if scale > 0 else 0
        parts.append(_text(LEFT - 8, y + BAR - 5, _cut(label), "end"))
        parts.append(
            f'<rect x="{LEFT}" y="{y}" width="{w:.1f}" height="{BAR}" fill="{COLOURS[0]}"/>'
        )
        if marker is not None and scale > 0:
            mx = LEFT + plot * min(marker / scale, 1.0)
            parts.append(
                f'<line x1="{mx:.1f}" x2="{mx:.1f}" y1="{y - 2}" y2="{y + BAR + 2}" '
                f'stroke="{COLOURS[3]}" stroke-width="2"/>'
            )
        parts.append(_text(LEFT + w + 6, y + BAR - 5, shown))
    parts.append("</svg>")
    return "".join(parts)


def vary_chart(blueprint: Blueprint, resource: str, variants: list[Variant]) -> str:
    """One line per standard (share met) and the resource's utilization, by capacity."""
    if len(variants) < 2:
        return ""
    series: dict[str, list[float | None]] = {}
    for variant in variants:
        for _, title, share in _standards(blueprint, variant.result):
            series.setdefault(title, []).append(share)
    language = blueprint.language
    busy = word(language, "utilization")
    series[busy] = [
        next(r.utilization for r in v.result.resources if r.id == resource) for v in variants
    ]
    height, top, left, right = 220, 10, 50, 200
    plot = WIDTH - left - right
    capacities = [v.capacity for v in variants]
    first, last = capacities[0], capacities[-1]

    def x(capacity: int) -> float:
        return left + plot * (capacity - first) / ((last - first) or 1)

    def y(share: float) -> float:
        return top + height * (1 - share)

    parts = [f'<svg viewBox="0 0 {WIDTH} {height + top + 30}" role="img">']
    for share in (0, 0.5, 1):
        parts.append(
            f'<line x1="{left}" x2="{left + plot}" y1="{y(share):.1f}" y2="{y(share):.1f}" '
            'stroke="#dde"/>'
        )
        parts.append(_text(left - 6, y(share) + 4, percent(share), "end"))
    for capacity in capacities:
        parts.append(_text(x(capacity), top + height + 18, str(capacity), "middle"))
    for index, (title, shares) in enumerate(series.items()):
        colour = COLOURS[index % len(COLOURS)]
        points = " ".join(
            f"{x(c):.1f},{y(s):.1f}"
            for c, s in zip(capacities, shares, strict=True)
            if s is not None
        )
        dash = ' stroke-dasharray="5 3"' if title == busy else ""
        parts.append(
            f'<polyline points="{points}" fill="none" stroke="{colour}" stroke-width="2"{dash}/>'
        )
        parts.append(
            f'<rect x="{left + plot + 12}" y="{top + index * 18}" width="10" height="10" '
            f'fill="{colour}"/>'
        )
        parts.append(_text(left + plot + 28, top + index * 18 + 9, _cut(title, 24)))
    parts.append("</svg>")
    return "".join(parts)


def _step_table(result: Result, language: str) -> str:
    head = ["", "visits", "mean", "p90", "p95", "max", "utilization"]
    rows = ["<table><tr>" + "".join(f"<th>{escape(h)}</th>" for h in head) + "</tr>"]
    for step in result.steps:
        wait = step.wait
        cells = [
            step.title,
            count(step.visits, language),
            minutes(wait.mean, language),
            minutes(wait.p90, language),
            minutes(wait.p95, language),
            minutes(wait.max, language),
            percent(step.utilization),
        ]
        rows.append("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in cells) + "</tr>")
    rows.append("</table>")
    return "".join(rows)


def to_html(
    blueprint: Blueprint,
    result: Result,
    language: str,
    resource: str | None = None,
    variants: list[Variant] | None = None,
) -> str:
    """The whole page; with ``variants`` (a --vary) also the capacity table and its curve."""
    lang = language
    unfinished = result.arrived - result.customers
    more = word(lang, "unfinished", count=count(unfinished, lang)) if unfinished else ""
    intro = [
        word(lang, "run", customers=count(result.customers, lang), seed=result.seed, more=more),
        arrivals_line(blueprint, lang),
    ]
    if result.journey.mean is not None:
        summary = {key: minutes(value, lang) for key, value in result.journey.as_dict().items()}
        intro.append(word(lang, "journey", **summary))
    else:
        intro.append(word(lang, "no_journeys"))
    if result.target_minutes is not None and result.journey_within_target is not None:
        intro.append(
            word(
                lang,
                "journey_target",
                target=minutes(result.target_minutes, lang),
                share=percent(result.journey_within_target),
            )
        )
    intro.append(bottleneck_line(result, lang))
    body = [f"<h1>{escape(word(lang, 'title', title=blueprint.title))}</h1>"]
    body += [f"<p>{escape(line)}</p>" for line in intro if line]
    standards = standard_lines(result, blueprint, lang)
    body.append(f"<h2>{escape(word(lang, 'standards'))}</h2>")
    body.append(
        "<ul>" + "".join(f"<li>{escape(line)}</li>" for line in standards) + "</ul>"
        if standards
        else f"<p>{escape(word(lang, 'no_standards'))}</p>"
    )
    body.append(f"<h2>{escape(word(lang, 'chart_journey'))}</h2>{journey_chart(result, lang)}")
    queues = [s for s in result.steps if s.resource is not None and s.wait.mean is not None]
    if queues:
        scale = max((s.wait.p90 or 0.0) for s in queues) or 1.0
        rows = [
            (s.title, s.wait.mean or 0.0, s.wait.p90, minutes(s.wait.mean, lang)) for s in queues
        ]
        body.append(f"<h2>{escape(word(lang, 'chart_waits'))}</h2>{bars(rows, scale)}")
    if result.resources:
        rows = [
            (f"{r.title} ×{r.capacity}", r.utilization or 0.0, None, percent(r.utilization))
            for r in result.resources
        ]
        body.append(f"<h2>{escape(word(lang, 'chart_utilization'))}</h2>{bars(rows, 1.0)}")
    if variants and resource is not None:
        titles = {r.id: r.title.strip() or r.id for r in blueprint.resources}
        name = titles.get(resource, resource)
        body.append(f"<h2>{escape(word(lang, 'vary_title', resource=name))}</h2>")
        body.append(_vary_table(blueprint, resource, variants, lang))
        body.append(f"<p class=muted>{escape(word(lang, 'chart_vary', resource=name))}</p>")
        body.append(vary_chart(blueprint, resource, variants))
    body.append(f"<h2>{escape(word(lang, 'steps'))}</h2>{_step_table(result, lang)}")
    body.append(f"<p class=muted>{escape(word(lang, 'generated'))}</p>")
    tag = "zh-CN" if lang.lower().startswith("zh") else "en"
    return (
        f'<!DOCTYPE html>\n<html lang="{tag}"><head><meta charset="utf-8">'
        f"<title>{escape(word(lang, 'title', title=blueprint.title))}</title>"
        f"<style>{_STYLE}</style></head><body>{''.join(body)}</body></html>"
    )


def _vary_table(blueprint: Blueprint, resource: str, variants: list[Variant], lang: str) -> str:
    columns = [title for _, title, _ in _standards(blueprint, variants[0].result)]
    head = [word(lang, "capacity"), *columns, word(lang, "mean_wait"), word(lang, "utilization")]
    rows = ["<table><tr>" + "".join(f"<th>{escape(h)}</th>" for h in head) + "</tr>"]
    for variant in variants:
        result = variant.result
        cells = [
            str(variant.capacity),
            *(percent(share) for _, _, share in _standards(blueprint, result)),
            minutes(mean_wait(result, resource), lang),
            percent(next(r.utilization for r in result.resources if r.id == resource)),
        ]
        rows.append("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in cells) + "</tr>")
    rows.append("</table>")
    return "".join(rows)


__all__ = ["to_html"]
