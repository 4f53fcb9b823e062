"""Mermaid flowchart text, for Markdown documents and wikis that draw Mermaid.

Phases become subgraphs; the node shape tells the kind (stadium for start/end, rhombus for
decisions, hexagon for waits, document-like flag for evidence). A two-way flow is Mermaid's
two-headed arrow (``<-->``, dotted ``<-.->``); a flow's channel follows its label after a "·".
Node ids are generated (``s1``, ``s2`` ...) because blueprint ids may be Mermaid keywords such
as ``end``. Labels are always quoted and use Mermaid's ``#name;`` entity codes for characters
that would otherwise end the label or be read as HTML, so ``<``, ``&``, quotes and any script
come out as written.
"""

from __future__ import annotations

from blueprint_app.analysis.process import reading_rank
from blueprint_app.model.blueprint import Blueprint, FlowKind, Step, StepKind
from blueprint_app.model.text import plain

_ENTITIES = {
    "#": "#35;",
    '"': "#quot;",
    "<": "#lt;",
    ">": "#gt;",
    "&": "#amp;",
    "`": "#96;",
    "|": "#124;",
    "\\": "#92;",
    "[": "#91;",
    "]": "#93;",
    "{": "#123;",
    "}": "#125;",
}
_SHAPES = {
    StepKind.ACTION: ('["', '"]'),
    StepKind.START: ('(["', '"])'),
    StepKind.END: ('(["', '"])'),
    StepKind.DECISION: ('{"', '"}'),
    StepKind.WAIT: ('{{"', '"}}'),
    StepKind.EVIDENCE: ('>"', '"]'),
}


def label(text: str) -> str:
    """Text safe inside a quoted Mermaid label; line breaks become ``<br>``."""
    escaped = "".join(_ENTITIES.get(char, char) for char in plain(text))
    return escaped.replace("\n", "<br>")


def to_mermaid(blueprint: Blueprint) -> str:
    rank = reading_rank(blueprint)
    ordered = sorted(blueprint.steps, key=lambda step: rank[step.id])
    node = {step.id: f"s{index}" for index, step in enumerate(blueprint.steps, start=1)}
    # The title as a comment: Mermaid's front-matter title drops "<tag>" and shows "&amp;".
    # "%%" removed from the comment so a title can never become a Mermaid directive.
    lines = [f"%% {' '.join(blueprint.title.replace('%%', '%').split())}", "flowchart LR"]
    known = {phase.id for phase in blueprint.phases}
    by_phase: dict[str | None, list[Step]] = {}
    for step in ordered:
        by_phase.setdefault(step.phase, []).append(step)
    for index, phase in enumerate(blueprint.phases, start=1):
        members = by_phase.get(phase.id, [])
        lines.append(f'  subgraph p{index}["{label(phase.title)}"]')
        lines.append("    direction TB" if not members else "    direction LR")
        lines += [f"    {_node(node[step.id], step)}" for step in members]
        lines.append("  end")
    lines += [f"  {_node(node[s.id], s)}" for s in ordered if s.phase not in known]
    lines += _links(blueprint, node)
    lines += _classes(ordered, node)
    return "\n".join(lines) + "\n"


def _node(name: str, step: Step) -> str:
    opening, closing = _SHAPES[step.kind]
    return f"{name}{opening}{label(step.title or step.id)}{closing}"


def _links(blueprint: Blueprint, node: dict[str, str]) -> list[str]:
    lines = []
    for flow in blueprint.flows:
        if flow.source not in node or flow.target not in node:
            continue
        source, target = node[flow.source], node[flow.target]
        words = " · ".join(part for part in (flow.label, flow.channel) if part)
        text = f'|"{label(words)}"|' if words else ""
        back = "<" if flow.two_way else ""  # Mermaid's two-headed arrows: A <--> B, A <-.-> B
        if flow.kind == FlowKind.RECOVERY:
            lines.append(f"  {source} {back}-.->{text} {target}")
        elif flow.kind == FlowKind.EVIDENCE:
            lines.append(f"  {source} ---{text} {target}")  # a plain line: not an order of work
        else:
            lines.append(f"  {source} {back}-->{text} {target}")
    return lines


def _classes(ordered: list[Step], node: dict[str, str]) -> list[str]:
    lines = [
        "  classDef evidence fill:#f4f1e8,stroke:#8a7f5f",
        "  classDef moment stroke:#c77700,stroke-width:3px",
        "  classDef fail stroke:#c62828,stroke-width:3px,stroke-dasharray:4 2",
    ]
    groups = {
        "evidence": [node[s.id] for s in ordered if s.kind == StepKind.EVIDENCE],
        "moment": [node[s.id] for s in ordered if s.moment_of_truth],
        "fail": [node[s.id] for s in ordered if s.fail_point],
    }
    for name, members in groups.items():
        if members:
            lines.append(f"  class {','.join(members)} {name}")
    return lines
