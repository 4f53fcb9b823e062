"""Run the rules over a blueprint and return findings in a stable order.

Built for being called on every (debounced) edit: one :class:`Context` per run, indexes built
once, graph analyses computed lazily and shared, rules that are off never run.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from operator import itemgetter

from blueprint_app.analysis.process import Process
from blueprint_app.gc_pause import gc_paused
from blueprint_app.model.blueprint import Blueprint
from blueprint_app.model.durations import format_minutes
from blueprint_app.validation.context import Context
from blueprint_app.validation.findings import Finding, Severity
from blueprint_app.validation.messages import MESSAGES, TERMS, language_key
from blueprint_app.validation.registry import Hit, Rule, all_rules
from blueprint_app.validation.settings import effective_severities
from blueprint_app.validation.terms import Duration, Term


def validate(
    blueprint: Blueprint,
    disabled: Iterable[str] = (),
    overrides: Mapping[str, str] | None = None,
    language: str | None = None,
    process: Process | None = None,
) -> list[Finding]:
    """Every finding, errors first, then by rule id and document order of the items.

    ``disabled`` and ``overrides`` name rules by id or name (``ValueError`` if unknown);
    ``language`` defaults to the blueprint's own ``language``. ``process``: the blueprint's
    :class:`Process`, when the caller asks it more afterwards (the journey), so that the run
    and the caller share one.
    """
    severities = effective_severities(blueprint.rules, overrides, disabled)
    lang = language_key(language if language is not None else blueprint.language)
    with gc_paused():
        return _run(blueprint, severities, lang, process)


def _run(
    blueprint: Blueprint,
    severities: Mapping[str, Severity | None],
    lang: str,
    process: Process | None = None,
) -> list[Finding]:
    """The run itself, a function of its own so that its indexes are freed before the garbage
    collector is switched back on."""
    ctx = Context(blueprint, process)
    position = ctx.position
    by_rank: list[list[Finding]] = [[] for _ in Severity]
    for rule in all_rules():  # by id, so each severity's list stays in rule order
        severity = severities[rule.id]
        if severity is None:
            continue
        found = [
            (position(hit.items[0]) if hit.items else -1, _finding(rule, severity, hit, lang))
            for hit in rule.check(ctx)
        ]
        found.sort(key=itemgetter(0))  # stable: ties keep the rule's own (document) order
        by_rank[severity.rank] += [finding for _, finding in found]
    return [finding for findings in by_rank for finding in findings]


def _finding(rule: Rule, severity: Severity, hit: Hit, lang: str) -> Finding:
    message, hint = MESSAGES[lang][f"{rule.id}.{hit.variant}" if hit.variant else rule.id]
    args = hit.args
    for value in args.values():
        if type(value) is Term or type(value) is Duration:
            args = {key: _shown(value, lang) for key, value in args.items()}
            break
    return Finding(
        rule.id,
        rule.name,
        severity,
        message.format_map(args),
        hint.format_map(args),
        hit.items,
        hit.data or None,
    )


def _shown(value: object, lang: str) -> object:
    """A term in the catalogue's language, a time in its units; anything else as it is."""
    if isinstance(value, Term):
        return TERMS[lang][value]
    if isinstance(value, Duration):
        return format_minutes(value, lang)
    return value


def counts(findings: Iterable[Finding]) -> dict[Severity, int]:
    """Findings per severity (for a status bar or a summary line)."""
    result = dict.fromkeys(Severity, 0)
    for finding in findings:
        result[finding.severity] += 1
    return result
