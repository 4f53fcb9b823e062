"""Which rules run and how severe they are: defaults, the blueprint's ``rules``, the caller.

Precedence, lowest first: the rule's default severity, the blueprint's ``rules`` object
(``{"BP023": "off", "unlabelled-branch": "error"}``), the caller's overrides, ``disabled``.
A rule is named by id or by name. Bad entries in the file are reported by BP090 (they
must not stop validation); bad entries from the caller raise ``ValueError``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from blueprint_app.validation.findings import Severity
from blueprint_app.validation.registry import Rule, all_rules, find_rule

OFF = "off"
VALUES = (OFF, *(severity.value for severity in Severity))


def parse_setting(key: str, value: Any) -> tuple[Rule | None, Severity | None, str | None]:
    """``(rule, severity or None for off, problem)`` for one entry of a rules object."""
    found = find_rule(key) if isinstance(key, str) else None
    if found is None:
        return None, None, "unknown_rule"
    if not isinstance(value, str) or value.strip().lower() not in VALUES:
        return found, None, "bad_value"
    value = value.strip().lower()
    return found, None if value == OFF else Severity(value), None


def effective_severities(
    file_rules: Mapping[str, Any],
    overrides: Mapping[str, str] | None = None,
    disabled: Iterable[str] = (),
) -> dict[str, Severity | None]:
    """Severity per rule id after all settings; ``None`` means the rule is off."""
    result: dict[str, Severity | None] = {rule.id: rule.severity for rule in all_rules()}
    for key, value in file_rules.items():
        found, severity, problem = parse_setting(key, value)
        if found is not None and problem is None:
            result[found.id] = severity
    for key, value in (overrides or {}).items():
        found, severity, problem = parse_setting(key, value)
        if found is None or problem is not None:
            raise ValueError(f"bad rule setting {key!r}: {value!r} (use one of {VALUES})")
        result[found.id] = severity
    for key in disabled:
        found = find_rule(key)
        if found is None:
            raise ValueError(f"unknown rule {key!r}")
        result[found.id] = None
    return result
