"""A simulation's result as a short report in the blueprint's language, and as JSON."""

from __future__ import annotations

import json
from typing import Any

from blueprint_app.model.blueprint import Blueprint
from blueprint_app.model.durations import format_minutes
from blueprint_app.model.glossary import language_key
from blueprint_app.simulation.results import Result, StepResult
from blueprint_app.simulation.words import percent, word


def count(number: int, language: str) -> str:
    return f"{number:,}" if language_key(language) == "en" else str(number)


def minutes(value: float | None, language: str) -> str:
    return "–" if value is None else format_minutes(value, language)


def rate(value: float) -> str:
    return f"{value:g}"


def arrivals_line(blueprint: Blueprint, language: str) -> str:
    arrivals = blueprint.arrivals
    if arrivals is None:
        return ""
    if arrivals.schedule is None:
        return word(language, "arrivals_steady", rate=rate(arrivals.per_hour or 0))
    windows = ("；" if language_key(language) == "zh" else "; ").join(
        word(language, "window", start=w.start, end=w.to, rate=rate(w.per_hour))
        for w in arrivals.schedule
    )
    return word(language, "arrivals_schedule", windows=windows)


def to_text(result: Result, blueprint: Blueprint, language: str) -> str:
    """The report people read: the run, the journey against its standard, the bottleneck, each
    standard met or missed, the queues and the resources."""
    lang = language
    lines = [word(lang, "title", title=blueprint.title)]
    unfinished = result.arrived - result.customers
    more = word(lang, "unfinished", count=count(unfinished, lang)) if unfinished else ""
    lines.append(
        word(lang, "run", customers=count(result.customers, lang), seed=result.seed, more=more)
    )
    lines.append(arrivals_line(blueprint, lang))
    journey = result.journey
    if journey.mean is None:
        lines.append(word(lang, "no_journeys"))
    else:
        lines.append(
            word(
                lang,
                "journey",
                **{key: minutes(value, lang) for key, value in journey.as_dict().items()},
            )
        )
    if result.target_minutes is not None and result.journey_within_target is not None:
        lines.append(
            word(
                lang,
                "journey_target",
                target=minutes(result.target_minutes, lang),
                share=percent(result.journey_within_target),
            )
        )
    lines.append(bottleneck_line(result, lang))
    lines += ["", word(lang, "standards")]
    lines += ["  " + line for line in standard_lines(result, blueprint, lang)] or [
        "  " + word(lang, "no_standards")
    ]
    queues = [s for s in result.steps if s.resource is not None]
    if queues:
        lines += ["", word(lang, "steps")]
        lines += ["  " + step_line(step, result, lang) for step in queues]
    if result.resources:
        lines += ["", word(lang, "resources")]
        for resource in result.resources:
            lines.append(
                "  "
                + word(
                    lang,
                    "resource_line",
                    resource=resource.title,
                    capacity=resource.capacity,
                    utilization=percent(resource.utilization),
                )
            )
    return "\n".join(line for line in lines if line is not None)


def bottleneck_line(result: Result, language: str) -> str:
    if result.bottleneck is None:
        return word(language, "no_bottleneck")
    step = result.step(result.bottleneck)
    where = ""
    resource = next((r for r in result.resources if r.id == step.resource), None)
    if resource is not None:
        where = word(
            language,
            "bottleneck_resource",
            resource=resource.title,
            capacity=resource.capacity,
            utilization=percent(resource.utilization),
        )
    return word(
        language,
        "bottleneck",
        step=step.title,
        mean=minutes(step.wait.mean, language),
        p90=minutes(step.wait.p90, language),
        resource=where,
    )


def standard_lines(result: Result, blueprint: Blueprint, language: str) -> list[str]:
    """Each step's wait standard and time standard with the share of visits that met it."""
    by_id = {step.id: step for step in blueprint.steps}
    lines = []
    for step in result.steps:
        source = by_id[step.id]
        if step.within_wait_target is not None and source.wait_target_minutes is not None:
            lines.append(
                word(
                    language,
                    "wait_standard",
                    step=step.title,
                    target=minutes(source.wait_target_minutes, language),
                    share=percent(step.within_wait_target),
                    mean=minutes(step.wait.mean, language),
                    p90=minutes(step.wait.p90, language),
                )
            )
        if step.within_target is not None and source.target_minutes is not None:
            lines.append(
                word(
                    language,
                    "time_standard",
                    step=step.title,
                    target=minutes(source.target_minutes, language),
                    share=percent(step.within_target),
                )
            )
    return lines


def step_line(step: StepResult, result: Result, language: str) -> str:
    resource = next((r for r in result.resources if r.id == step.resource), None)
    busy = (
        word(
            language,
            "step_busy",
            resource=resource.title,
            utilization=percent(step.utilization),
        )
        if resource is not None
        else ""
    )
    return word(
        language,
        "step_line",
        step=step.title,
        visits=count(step.visits, language),
        mean=minutes(step.wait.mean, language),
        p90=minutes(step.wait.p90, language),
        busy=busy,
    )


def to_json(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)
