"""A small builder for bilingual template sources: one Python source, two blueprint files.

Every text is a pair ``(english, chinese)``; the structure (ids, lanes, flows, layout, times)
is written once, so the English and the Simplified Chinese file cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

from blueprint_app.model import (
    Blueprint,
    Flow,
    Note,
    Phase,
    Step,
    integrity_problems,
    standard_lanes,
)

T = tuple[str, str]
LANGUAGES = ("en", "zh-CN")
COLUMN = 220
#: fixed stamps keep generation deterministic; ``blueprint new --template`` stamps fresh ones
STAMP = "2026-11-24T00:00:00+00:00"
LANE_IDS = {"E": "evidence", "C": "customer", "F": "frontstage", "B": "backstage", "S": "support"}

YES: T = ("yes", "是")
NO: T = ("no", "否")


def pick(text: T | None, lang: str) -> str:
    if text is None:
        return ""
    return text[0] if lang == "en" else text[1]


@dataclass
class _Step:
    id: str
    lane: str
    phase: str
    col: float
    row: int
    kind: str
    title: T
    extra: dict[str, Any]


@dataclass
class Source:
    """One template: call :meth:`phase`, :meth:`step`, :meth:`evidence`, :meth:`flow`."""

    name: str
    title: T
    description: T
    customer: T
    scenario: T
    target_minutes: float
    phases: list[tuple[str, T, T | None]] = field(default_factory=list)
    steps: list[_Step] = field(default_factory=list)
    flows: list[tuple[str, str, str, T | None]] = field(default_factory=list)
    evidence_links: list[tuple[str, str]] = field(default_factory=list)
    notes: list[tuple[T, float, float, str | None]] = field(default_factory=list)
    #: simulation inputs (issue 20): arrivals as in the file, resources as (id, title, capacity)
    arrivals: dict[str, Any] | None = None
    resources: list[tuple[str, T, int]] = field(default_factory=list)
    #: branch probabilities by (source, target)
    probabilities: dict[tuple[str, str], float] = field(default_factory=dict)
    _phase: str = ""

    def phase(self, phase_id: str, title: T, description: T | None = None) -> None:
        """Start a phase; the steps that follow belong to it (its id gets a ``ph-`` prefix)."""
        self.phases.append((f"ph-{phase_id}", title, description))
        self._phase = f"ph-{phase_id}"

    def step(
        self,
        step_id: str,
        lane: str,
        col: float,
        title: T,
        *,
        row: int = 0,
        kind: str = "action",
        **extra: Any,
    ) -> str:
        self.steps.append(_Step(step_id, LANE_IDS[lane], self._phase, col, row, kind, title, extra))
        return step_id

    def evidence(
        self, step_id: str, col: float, title: T, for_: list[str], *, row: int = 0, **extra: Any
    ) -> str:
        self.step(step_id, "E", col, title, row=row, kind="evidence", **extra)
        self.evidence_links += [(step_id, target) for target in for_]
        return step_id

    def flow(self, *chain: str, label: T | None = None, kind: str = "flow") -> None:
        """Flows along ``chain`` (a -> b -> c); ``label`` goes on each of them."""
        for source, target in pairwise(chain):
            self.flows.append((source, target, kind, label))

    def probability(self, source: str, target: str, share: float) -> None:
        """The share of customers who take the flow ``source`` → ``target`` (a decision's)."""
        self.probabilities[(source, target)] = share

    def recovery(self, source: str, target: str, label: T | None = None) -> None:
        self.flow(source, target, label=label, kind="recovery")

    def note(self, text: T, x: float, y: float, attached_to: str | None = None) -> None:
        self.notes.append((text, x, y, attached_to))

    def build(self, lang: str) -> Blueprint:
        """The blueprint in ``lang`` (``en`` or ``zh-CN``)."""
        steps = [self._build_step(step, lang) for step in self.steps]
        flows = [
            Flow(
                id=f"f{index}",
                source=s,
                target=t,
                kind=k,
                label=pick(label, lang),
                probability=self.probabilities.get((s, t)) if k == "flow" else None,
            )
            for index, (s, t, k, label) in enumerate(self.flows, 1)
        ]
        flows += [
            Flow(id=f"e{index}", source=s, target=t, kind="evidence")
            for index, (s, t) in enumerate(self.evidence_links, 1)
        ]
        notes = [
            Note(
                id=f"n{index}", text=pick(text, lang), layout={"x": x, "y": y}, attached_to=attached
            )
            for index, (text, x, y, attached) in enumerate(self.notes, 1)
        ]
        blueprint = Blueprint(
            title=pick(self.title, lang),
            description=pick(self.description, lang),
            customer=pick(self.customer, lang),
            scenario=pick(self.scenario, lang),
            language=lang,
            created=STAMP,
            modified=STAMP,
            target_minutes=self.target_minutes,
            arrivals=self.arrivals,
            resources=[
                {"id": rid, "title": pick(title, lang), "capacity": capacity}
                for rid, title, capacity in self.resources
            ],
            lanes=standard_lanes(lang),
            phases=[
                Phase(id=pid, title=pick(title, lang), description=pick(desc, lang))
                for pid, title, desc in self.phases
            ],
            steps=steps,
            flows=flows,
            notes=notes,
        )
        problems = integrity_problems(blueprint.model_dump(mode="json"))
        if problems:
            raise ValueError(f"{self.name}: " + "; ".join(map(str, problems)))
        return blueprint

    @staticmethod
    def _build_step(step: _Step, lang: str) -> Step:
        fields: dict[str, Any] = {}
        for key, value in step.extra.items():
            if key in ("actor", "channel", "standard", "description"):
                fields[key] = pick(value, lang)
            elif key == "dur":
                fields["duration_minutes"] = value
            elif key == "target":
                fields["target_minutes"] = value
            elif key == "mot":
                fields["moment_of_truth"] = value
            elif key == "fail":
                fields["fail_point"] = value
            elif key == "range":
                fields["duration_range_minutes"] = value
            elif key == "wait_target":
                fields["wait_target_minutes"] = value
            else:
                fields[key] = value
        return Step(
            id=step.id,
            lane=step.lane,
            phase=step.phase,
            kind=step.kind,
            title=pick(step.title, lang),
            layout={"x": step.col * COLUMN, "row": step.row},
            **fields,
        )


IN_PERSON: T = ("in person", "面对面")
PHONE: T = ("phone", "电话")
SYSTEM: T = ("system", "系统")
APP: T = ("app", "App")
WEB: T = ("website", "网站")
TEXT: T = ("text message", "短信")
EMAIL: T = ("email", "电子邮件")
