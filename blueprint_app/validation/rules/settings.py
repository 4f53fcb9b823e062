"""Settings: the blueprint's own ``rules`` object must name real rules and real severities."""

from __future__ import annotations

from collections.abc import Iterator

from blueprint_app.validation.context import Context
from blueprint_app.validation.findings import Severity
from blueprint_app.validation.registry import Hit, rule
from blueprint_app.validation.settings import parse_setting
from blueprint_app.validation.terms import Term


@rule(
    "BP090",
    "invalid-rule-setting",
    Severity.WARNING,
    family="settings",
    description="An entry of the blueprint's rules object names no known rule (by id or "
    "name) or gives a value other than off, error, warning or info; it is ignored. Source: "
    "this program's settings (docs/rules.md, above).",
    bad='"rules": {"BP999": "off", "dead-end": "never"}',
    good='"rules": {"BP023": "off", "dead-end": "warning"}',
)
def invalid_rule_setting(ctx: Context) -> Iterator[Hit]:
    for key, value in ctx.blueprint.rules.items():
        _found, _severity, problem = parse_setting(key, value)
        if problem is not None:
            shown = value if isinstance(value, str) else repr(value)
            yield Hit((), {"key": key, "value": shown, "problem": Term(problem)})
