"""A minimal blueprint that passes every rule, and small edits that make one rule fire.

Shared by the validation tests. ``clean()`` returns a fresh JSON-like dict each time; each case
is ``(rule id, bad edit, good edit)`` where the good edit is a near-identical variant (or no
edit at all) that must not trigger the rule.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from blueprint_app.model import Blueprint

Doc = dict[str, Any]
Edit = Callable[[Doc], None]

_CLEAN: Doc = {
    "format": "service-blueprint",
    "format_version": 2,
    "title": "Lunch counter",
    "language": "en",
    "lanes": [
        {"id": "evidence", "kind": "physical_evidence", "title": "Physical evidence"},
        {"id": "customer", "kind": "customer", "title": "Customer actions"},
        {"id": "frontstage", "kind": "frontstage", "title": "Frontstage"},
        {"id": "backstage", "kind": "backstage", "title": "Backstage"},
        {"id": "support", "kind": "support", "title": "Support processes"},
    ],
    "phases": [{"id": "p1", "title": "Visit"}],
    "steps": [
        {
            "id": "arrive",
            "lane": "customer",
            "phase": "p1",
            "kind": "start",
            "title": "Walk in",
            "layout": {"x": 0, "row": 0},
        },
        {
            "id": "order",
            "lane": "customer",
            "phase": "p1",
            "title": "Order",
            "duration_minutes": 2,
            "layout": {"x": 200, "row": 0},
        },
        {
            "id": "menu",
            "lane": "evidence",
            "phase": "p1",
            "kind": "evidence",
            "title": "Menu",
            "layout": {"x": 200, "row": 0},
        },
        {
            "id": "take",
            "lane": "frontstage",
            "phase": "p1",
            "title": "Take order",
            "actor": "Clerk",
            "channel": "in person",
            "layout": {"x": 200, "row": 0},
        },
        {
            "id": "cook",
            "lane": "backstage",
            "phase": "p1",
            "title": "Cook",
            "actor": "Cook",
            "layout": {"x": 200, "row": 0},
        },
        {
            "id": "kitchen",
            "lane": "support",
            "phase": "p1",
            "title": "Kitchen display",
            "actor": "Cook",
            "layout": {"x": 200, "row": 0},
        },
        {
            "id": "wait",
            "lane": "customer",
            "phase": "p1",
            "kind": "wait",
            "title": "Wait for the food",
            "duration_minutes": 3,
            "layout": {"x": 400, "row": 0},
        },
        {
            "id": "serve",
            "lane": "frontstage",
            "phase": "p1",
            "title": "Serve",
            "actor": "Clerk",
            "channel": "in person",
            "layout": {"x": 400, "row": 0},
        },
        {
            "id": "leave",
            "lane": "customer",
            "phase": "p1",
            "kind": "end",
            "title": "Leave",
            "layout": {"x": 600, "row": 0},
        },
        {
            "id": "door",
            "lane": "evidence",
            "phase": "p1",
            "kind": "evidence",
            "title": "Shop front",
            "layout": {"x": 0, "row": 0},
        },
    ],
    "flows": [
        {"id": "f1", "source": "arrive", "target": "order"},
        {"id": "f2", "source": "order", "target": "take"},
        {"id": "f3", "source": "take", "target": "cook"},
        {"id": "f4", "source": "cook", "target": "kitchen"},
        {"id": "f5", "source": "kitchen", "target": "serve"},
        {"id": "f6", "source": "order", "target": "wait"},
        {"id": "f7", "source": "wait", "target": "serve"},
        {"id": "f8", "source": "serve", "target": "leave"},
        {"id": "e1", "source": "menu", "target": "order", "kind": "evidence"},
    ],
    "notes": [],
    "rules": {},
}


def clean() -> Doc:
    return copy.deepcopy(_CLEAN)


def build(doc: Doc) -> Blueprint:
    return Blueprint.model_validate(doc)


def step(doc: Doc, step_id: str) -> Doc:
    return next(s for s in doc["steps"] if s["id"] == step_id)


def flow(doc: Doc, flow_id: str) -> Doc:
    return next(f for f in doc["flows"] if f["id"] == flow_id)


def add_step(doc: Doc, step_id: str, lane: str, x: float, **fields: Any) -> None:
    fields.setdefault("title", step_id.capitalize())
    if lane in ("frontstage", "backstage", "support"):
        fields.setdefault("actor", "Clerk" if lane == "frontstage" else "Cook")
    if lane == "frontstage":
        fields.setdefault("channel", "in person")
    doc["steps"].append(
        {"id": step_id, "lane": lane, "phase": "p1", "layout": {"x": x, "row": 0}, **fields}
    )


def add_flow(doc: Doc, source: str, target: str, kind: str = "flow", label: str = "") -> str:
    flow_id = f"x{len(doc['flows'])}"
    doc["flows"].append(
        {"id": flow_id, "source": source, "target": target, "kind": kind, "label": label}
    )
    return flow_id


def set_step(step_id: str, **fields: Any) -> Edit:
    def edit(doc: Doc) -> None:
        step(doc, step_id).update(fields)

    return edit


def edits(*parts: Edit) -> Edit:
    def edit(doc: Doc) -> None:
        for part in parts:
            part(doc)

    return edit


def flows(*specs: tuple[str, ...]) -> Edit:
    """Add flows given as (source, target[, kind[, label]])."""

    def edit(doc: Doc) -> None:
        for spec in specs:
            add_flow(doc, *spec)

    return edit


def steps(*specs: tuple[str, str, float]) -> Edit:
    def edit(doc: Doc) -> None:
        for step_id, lane, x in specs:
            add_step(doc, step_id, lane, x)

    return edit


def remove(*ids: str) -> Edit:
    def edit(doc: Doc) -> None:
        doc["steps"] = [s for s in doc["steps"] if s["id"] not in ids]
        doc["flows"] = [
            f
            for f in doc["flows"]
            if f["id"] not in ids and f["source"] not in ids and f["target"] not in ids
        ]

    return edit


def set_flow(flow_id: str, **fields: Any) -> Edit:
    def edit(doc: Doc) -> None:
        flow(doc, flow_id).update(fields)

    return edit


def set_doc(**fields: Any) -> Edit:
    def edit(doc: Doc) -> None:
        doc.update(fields)

    return edit


def no_edit(doc: Doc) -> None:
    """The clean blueprint itself is the near-identical good case."""


def _two_phases(with_customer: bool) -> Edit:
    def edit(doc: Doc) -> None:
        doc["phases"].append({"id": "p2", "title": "Kitchen"})
        for step_id in ("cook", "kitchen", *(("wait",) if with_customer else ())):
            step(doc, step_id)["phase"] = "p2"

    return edit


_DECISION = set_step("take", kind="decision")
#: the clean blueprint's two customer actions and waits, and three more: "look", "pick", "pay"
_five_customer_steps = edits(
    steps(("look", "customer", 500), ("pick", "customer", 500), ("pay", "customer", 500)),
    flows(("wait", "look"), ("look", "pick"), ("pick", "pay"), ("pay", "serve")),
)

#: (rule, bad edit, good edit, ids the bad finding must name first)
CASES: list[tuple[str, Edit, Edit, tuple[str, ...]]] = [
    ("BP001", flows(("take", "take")), flows(("take", "serve")), ("x9", "take")),
    ("BP002", set_step("menu", lane="frontstage"), no_edit, ("menu", "frontstage")),
    ("BP003", set_step("menu", kind="action"), no_edit, ("menu",)),
    ("BP004", set_step("leave", lane="frontstage"), no_edit, ("leave",)),
    ("BP005", set_step("take", title="  "), set_step("take", title="Take the order"), ("take",)),
    ("BP006", flows(("order", "take")), flows(("take", "order")), ("f2", "x9", "order", "take")),
    ("BP007", _two_phases(False), _two_phases(True), ("p2",)),
    (
        "BP008",
        set_step("wait", layout={"x": 300, "row": 0}),
        set_step("wait", layout={"x": 360, "row": 0}),
        ("order", "wait"),
    ),
    ("BP009", set_step("take", phase=None), no_edit, ("take",)),
    (
        "BP010",
        flows(("take", "serve", "evidence")),
        flows(("menu", "take", "evidence")),
        ("x9", "take", "serve"),
    ),
    ("BP011", set_flow("e1", kind="flow"), no_edit, ("e1", "menu")),
    (
        "BP012",
        flows(("take", "serve", "recovery")),
        edits(flows(("take", "serve", "recovery")), set_step("take", fail_point=True)),
        ("x9", "take"),
    ),
    (
        "BP013",
        set_step("wait", layout={"x": -100_000_000, "row": 0}),
        set_step("wait", layout={"x": 15_000, "row": 0}),
        ("wait",),
    ),
    ("BP014", remove("arrive", "order", "wait", "leave"), no_edit, ("customer",)),
    ("BP015", remove("menu", "door"), no_edit, ("evidence",)),
    ("BP016", set_flow("f1", target="ghost"), no_edit, ("f1",)),
    ("BP020", set_step("arrive", kind="action"), no_edit, ()),
    ("BP021", set_step("leave", kind="action"), no_edit, ()),
    (
        "BP022",
        edits(steps(("extra", "frontstage", 600)), flows(("extra", "serve"))),
        edits(steps(("extra", "frontstage", 600)), flows(("extra", "serve"), ("take", "extra"))),
        ("extra",),
    ),
    (
        "BP023",
        edits(steps(("extra", "frontstage", 600)), flows(("take", "extra"))),
        edits(steps(("extra", "frontstage", 600)), flows(("take", "extra"), ("extra", "serve"))),
        ("extra",),
    ),
    (
        "BP024",
        steps(("extra", "frontstage", 600)),
        edits(steps(("extra", "frontstage", 600)), flows(("take", "extra"), ("extra", "serve"))),
        ("extra",),
    ),
    (
        "BP025",
        edits(
            steps(("a", "frontstage", 600), ("b", "frontstage", 800)),
            flows(("take", "a"), ("a", "b"), ("b", "a")),
        ),
        edits(
            steps(("a", "frontstage", 600), ("b", "frontstage", 800)),
            flows(("take", "a"), ("a", "b"), ("b", "a"), ("b", "serve")),
        ),
        ("a", "b"),
    ),
    (
        "BP026",
        _DECISION,
        edits(_DECISION, set_flow("f3", label="yes"), flows(("take", "serve", "flow", "no"))),
        ("take", "f3"),
    ),
    (
        "BP027",
        edits(_DECISION, flows(("take", "serve", "flow", "no"))),
        edits(_DECISION, set_flow("f3", label="yes"), flows(("take", "serve", "flow", "no"))),
        ("f3", "take", "cook"),
    ),
    (
        "BP028",
        edits(_DECISION, set_flow("f3", label="yes"), flows(("take", "serve", "flow", "Yes "))),
        edits(_DECISION, set_flow("f3", label="yes"), flows(("take", "serve", "flow", "no"))),
        ("take", "f3", "x9"),
    ),
    ("BP029", remove("wait"), no_edit, ("order",)),
    ("BP030", flows(("wait", "arrive")), no_edit, ("arrive", "x9")),
    (
        "BP031",
        flows(("leave", "wait")),
        edits(steps(("clear", "backstage", 800)), flows(("leave", "clear"))),
        ("leave", "x9"),
    ),
    ("BP032", set_doc(flows=[]), no_edit, ()),
    ("BP033", remove("f8"), no_edit, ("arrive",)),
    (
        "BP034",
        set_step("cook", customer_independent=True),
        edits(
            steps(("bake", "support", 0)),
            set_step("bake", customer_independent=True),
            flows(("bake", "kitchen")),
        ),
        ("cook",),
    ),
    ("BP040", flows(("order", "cook")), flows(("order", "serve")), ("x9", "order", "cook")),
    (
        "BP041",
        edits(
            set_step("leave", layout={"x": 1000, "row": 0}),
            steps(("look", "customer", 800)),
            flows(("wait", "look"), ("look", "leave")),
        ),
        edits(
            set_step("leave", layout={"x": 1000, "row": 0}),
            steps(("look", "customer", 800), ("sign", "evidence", 800)),
            set_step("sign", kind="evidence"),
            flows(("wait", "look"), ("look", "leave"), ("sign", "look", "evidence")),
        ),
        ("look",),
    ),
    (
        "BP042",
        edits(steps(("greet", "frontstage", 0)), flows(("arrive", "greet"), ("greet", "order"))),
        edits(
            steps(("greet", "frontstage", 0)),
            flows(("arrive", "greet"), ("greet", "order"), ("greet", "cook")),
        ),
        ("greet",),
    ),
    ("BP043", remove("menu"), no_edit, ("order",)),
    ("BP044", set_flow("e1", target="cook"), no_edit, ("e1", "menu", "cook")),
    ("BP045", remove("door"), no_edit, ("arrive",)),
    ("BP050", set_step("cook", actor=""), no_edit, ("cook",)),
    ("BP051", set_step("kitchen", actor="IT"), no_edit, ("f4", "cook", "kitchen")),
    ("BP052", set_step("take", emotion=1), set_step("order", emotion=1), ("take",)),
    ("BP053", set_step("take", channel=""), no_edit, ("take",)),
    (
        "BP060",
        set_step("cook", fail_point=True),
        edits(
            set_step("cook", fail_point=True),
            steps(("redo", "backstage", 400)),
            flows(("cook", "redo", "recovery"), ("redo", "kitchen")),
        ),
        ("cook",),
    ),
    (
        "BP061",
        set_step("order", moment_of_truth=True),
        set_step("order", moment_of_truth=True, standard="Greeted within 30 s", target_minutes=2),
        ("order",),
    ),
    ("BP062", set_step("order", target_minutes=1), set_step("order", target_minutes=3), ("order",)),
    (
        "BP063",
        set_doc(target_minutes=4),
        set_doc(target_minutes=5),
        ("arrive", "order", "wait", "serve", "leave"),
    ),
    ("BP064", set_step("wait", duration_minutes=None), no_edit, ("wait",)),
    (
        "BP065",
        set_step("order", moment_of_truth=True, standard="Smile", target_minutes=2, emotion=-1),
        set_step("order", moment_of_truth=True, standard="Smile", target_minutes=2, emotion=1),
        ("order",),
    ),
    (
        "BP066",
        set_step("order", tolerance_minutes=1),
        set_step("order", tolerance_minutes=3),
        ("order",),
    ),
    (
        "BP067",
        set_step("order", target_minutes=1, tolerance_minutes=3),
        set_step("order", target_minutes=2, tolerance_minutes=3),
        ("order",),
    ),
    (
        "BP068",
        _five_customer_steps,
        edits(_five_customer_steps, set_step("look", fail_point=True)),
        (),
    ),
    (
        "BP069",
        set_doc(tolerance_minutes=4),
        set_doc(tolerance_minutes=5),
        ("arrive", "order", "wait", "serve", "leave"),
    ),
    ("BP090", set_doc(rules={"BP999": "off"}), set_doc(rules={"BP023": "off"}), ()),
    (
        "BP095",
        set_doc(conflicts=[{"kind": "step", "id": "order", "field": "title", "ours": "A"}]),
        set_doc(conflicts=[]),
        ("order",),
    ),
]


def variant(edit: Edit) -> Blueprint:
    doc = clean()
    edit(doc)
    return build(doc)
