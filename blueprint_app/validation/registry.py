"""The rule registry: every rule is a small function registered with its id and its docs.

A rule function takes the shared :class:`~blueprint_app.validation.context.Context` and yields
:class:`Hit` values (items involved + message arguments); the engine turns hits into findings in
the chosen language. Ids are stable once published: never renumber, only add.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, NamedTuple

from blueprint_app.validation.findings import Severity

if TYPE_CHECKING:
    from blueprint_app.validation.context import Context

FAMILIES = ("structure", "completeness", "lines", "roles", "quality", "settings", "merge")


class Hit(NamedTuple):
    """A rule's raw result: the ids involved and the values its message template needs."""

    items: tuple[str, ...]
    args: Mapping[str, Any] = {}
    data: Mapping[str, Any] = {}
    #: selects an alternative message (catalogue key ``"<rule id>.<variant>"``)
    variant: str = ""


Check = Callable[["Context"], Iterable[Hit]]


@dataclass(frozen=True)
class Rule:
    id: str
    name: str
    severity: Severity
    family: str
    description: str
    bad: str
    good: str
    check: Check = field(repr=False, compare=False)


RULES: dict[str, Rule] = {}
_BY_NAME: dict[str, Rule] = {}


def rule(
    id: str, name: str, severity: Severity, *, family: str, description: str, bad: str, good: str
) -> Callable[[Check], Check]:
    """Register the decorated check function as a rule."""
    if family not in FAMILIES:
        raise ValueError(f"unknown rule family {family!r}")

    def register(check: Check) -> Check:
        if id in RULES or name in _BY_NAME:
            raise ValueError(f"rule {id} {name} registered twice")
        entry = Rule(id, name, severity, family, description, bad, good, check)
        RULES[id] = entry
        _BY_NAME[name] = entry
        return check

    return register


def find_rule(key: str) -> Rule | None:
    """A rule by id (``BP023``, any case) or by name (``dead-end``)."""
    _load()
    return RULES.get(key.strip().upper()) or _BY_NAME.get(key.strip().lower())


def all_rules() -> list[Rule]:
    """Every rule, by id."""
    _load()
    return [RULES[key] for key in sorted(RULES)]


def _load() -> None:
    """Import the rule modules (registering them) on first use, not at import time, so that
    the registry has no import cycle with the rules that use it."""
    from blueprint_app.validation import rules as _  # noqa: F401
