"""What a rule reports: a finding with a severity, a message, the items involved and a hint.

Findings are plain frozen values so that a Problems panel can diff, sort and select them
cheaply, and the CLI can print them as text or JSON without knowing the rules.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """Sort key: errors first."""
        return _RANK[self]


_RANK = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


@dataclass(slots=True, unsafe_hash=True)
class Finding:
    """One problem in a blueprint; treat it as an immutable value (equal findings hash equal).

    ``items`` are the ids of the steps, flows, lanes or phases involved, most relevant first:
    the editor selects them, the CLI prints them in brackets. Not ``frozen`` only because a
    frozen dataclass is four times slower to create, and a big blueprint can have 10,000
    findings.
    """

    rule: str
    name: str
    severity: Severity
    message: str
    hint: str
    items: tuple[str, ...] = ()
    #: machine-readable extras of some rules (e.g. BP063: the path and its total minutes)
    data: Mapping[str, Any] | None = field(default=None, compare=False, hash=False)

    def as_json(self) -> dict[str, Any]:
        """The documented JSON shape (docs/validation.md)."""
        result: dict[str, Any] = {
            "rule": self.rule,
            "name": self.name,
            "severity": self.severity.value,
            "message": self.message,
            "hint": self.hint,
            "items": list(self.items),
        }
        if self.data:
            result["data"] = dict(self.data)
        return result


def worst_by_item(findings: Iterable[Finding]) -> dict[str, Severity]:
    """The most severe finding per item id: what a badge on a card or a flow shows."""
    worst: dict[str, Severity] = {}
    for finding in findings:
        for item in finding.items:
            current = worst.get(item)
            if current is None or finding.severity.rank < current.rank:
                worst[item] = finding.severity
    return worst


def for_item(findings: Iterable[Finding], item_id: str) -> list[Finding]:
    """The findings naming an item (a card's tooltip, the panel's filter by selection)."""
    return [finding for finding in findings if item_id in finding.items]
