"""Validation of blueprints (no Qt): small named rules with stable ids, like a linter.

    findings = validate(blueprint)                      # language from blueprint.language
    findings = validate(blueprint, disabled=["BP043"], overrides={"dead-end": "warning"})

Each :class:`Finding` has the rule id and name, a severity, a message and a hint in the chosen
language, and ``items``: the ids of the steps, flows, lanes or phases to select in the editor.
"""

from blueprint_app.validation.engine import counts, validate
from blueprint_app.validation.findings import Finding, Severity, for_item, worst_by_item
from blueprint_app.validation.geometry import CARD_WIDTH
from blueprint_app.validation.registry import Rule, all_rules, find_rule

__all__ = [
    "CARD_WIDTH",
    "Finding",
    "Rule",
    "Severity",
    "all_rules",
    "counts",
    "find_rule",
    "for_item",
    "validate",
    "worst_by_item",
]
