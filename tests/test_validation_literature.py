"""The checker agrees with the service-blueprint literature (issue 14): invisible contact,
customer-independent work, the layered style, two-way flows and the one customer's journey."""

from __future__ import annotations

from typing import Any

import pytest

from blueprint_app.analysis.process import Process, customer_journey, reading_rank
from blueprint_app.export.markdown import to_markdown
from blueprint_app.export.spec import build_spec
from blueprint_app.model.channels import Contact, contact
from blueprint_app.validation import Finding, Severity, validate
from tests.validation_cases import Doc, add_flow, add_step, build, clean, step


def _flow(doc: Doc, source: str, target: str, **fields: Any) -> str:
    flow_id = f"t{len(doc['flows'])}"
    doc["flows"].append({"id": flow_id, "source": source, "target": target, **fields})
    return flow_id


def _found(doc: Doc, rule: str, language: str = "en") -> list[Finding]:
    return [f for f in validate(build(doc), language=language) if f.rule == rule]


# -- the channel vocabulary ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("channel", "expected"),
    [
        ("phone", Contact.REMOTE),
        ("Telephone", Contact.REMOTE),
        ("E-mail", Contact.REMOTE),
        ("email", Contact.REMOTE),
        ("mail order", Contact.REMOTE),  # physical mail is remote too
        ("Web form", Contact.REMOTE),
        ("WhatsApp", Contact.REMOTE),
        ("SMS", Contact.REMOTE),
        ("video call", Contact.REMOTE),
        ("电话", Contact.REMOTE),
        ("客人致电前台", Contact.REMOTE),
        ("微信App", Contact.REMOTE),
        ("小程序", Contact.REMOTE),
        ("in person or by phone", Contact.REMOTE),  # may happen without a meeting
        ("in person", Contact.IN_PERSON),
        ("Face to face", Contact.IN_PERSON),
        ("面对面", Contact.IN_PERSON),
        ("到店", Contact.IN_PERSON),
        ("", None),
        ("mailbox sign", None),  # words, not substrings: "mail" is not in "mailbox"
        ("happy", None),  # "app" is not in "happy"
        ("snapshot", None),
    ],
)
def test_channel_vocabulary_matches_words_in_both_languages(
    channel: str, expected: Contact | None
) -> None:
    assert contact(channel) is expected


# -- BP040: invisible contact --------------------------------------------------------------


def _call_backstage(**flow: Any) -> Doc:
    """The customer's order goes straight to the backstage cook."""
    doc = clean()
    _flow(doc, "order", "cook", **flow)
    return doc


@pytest.mark.parametrize(
    "where",
    ["flow", "backstage step", "customer step", "chinese", "support app"],
)
def test_a_remote_channel_makes_the_direct_line_invisible_contact(where: str) -> None:
    doc = _call_backstage(channel="phone") if where == "flow" else _call_backstage()
    if where == "support app":
        doc = clean()
        _flow(doc, "wait", "kitchen", channel="app")  # a technology contact
    elif where == "backstage step":
        step(doc, "cook")["channel"] = "telephone order line"
    elif where == "customer step":
        step(doc, "order")["channel"] = "call"
    elif where == "chinese":
        doc["flows"][-1]["channel"] = "电话"
    assert _found(doc, "BP040") == []


def test_no_channel_or_in_person_is_a_warning_with_both_fixes() -> None:
    [none] = _found(_call_backstage(), "BP040")
    assert none.severity is Severity.WARNING
    assert "frontstage" in none.hint and "channel" in none.hint
    [met] = _found(_call_backstage(channel="in person"), "BP040")
    assert met.severity is Severity.WARNING and "face to face" in met.message
    [chinese] = _found(_call_backstage(channel="面对面"), "BP040", "zh-CN")
    assert "前台" in chinese.hint and "渠道" in chinese.hint


def test_the_flow_channel_decides_before_the_steps() -> None:
    doc = _call_backstage(channel="in person")
    step(doc, "cook")["channel"] = "phone"
    assert len(_found(doc, "BP040")) == 1


def test_invisible_contact_counts_as_meeting_the_customer() -> None:
    doc = clean()
    add_step(doc, "call", "customer", 800, title="Call the hotline")
    add_step(doc, "agent", "backstage", 800, title="Answer the call")
    add_step(doc, "note", "evidence", 800, kind="evidence", title="Hold music")
    _flow(doc, "wait", "call")
    _flow(doc, "call", "agent", channel="phone")
    _flow(doc, "agent", "serve")
    assert _found(doc, "BP041") == []
    doc["flows"][-2]["channel"] = ""
    doc["steps"] = [s for s in doc["steps"] if s["id"] != "note"]
    assert [f.items for f in _found(doc, "BP041")] == [("call",)]


# -- customer-independent work -------------------------------------------------------------


def _prep(marked: bool) -> Doc:
    """Buying supplies before opening: a support chain no start reaches, into the kitchen."""
    doc = clean()
    add_step(doc, "buy", "support", 0, title="Buy supplies", customer_independent=marked)
    add_step(doc, "train", "support", 600, title="Train staff", customer_independent=marked)
    add_flow(doc, "buy", "kitchen")
    return doc


def test_unmarked_preparation_is_a_warning_that_suggests_the_mark() -> None:
    doc = _prep(marked=False)
    [unreached] = _found(doc, "BP022")
    [isolated] = _found(doc, "BP024")
    assert (unreached.items, isolated.items) == (("buy",), ("train",))
    for finding in (unreached, isolated):
        assert finding.severity is Severity.WARNING
        assert "customer-independent" in finding.hint
    assert all("与顾客无关" in f.hint for f in _found(doc, "BP022", "zh-CN"))


def test_marked_preparation_draws_no_finding() -> None:
    findings = validate(build(_prep(marked=True)))
    assert findings == []


def test_the_kiosk_journey_leaves_out_the_marked_overnight_preparation() -> None:
    """5 minutes of journey; 540 minutes of baking and stocking, marked and joined to it."""
    doc = clean()
    add_step(doc, "bake", "support", 0, duration_minutes=480, customer_independent=True)
    add_step(doc, "stock", "backstage", 200, duration_minutes=60, customer_independent=True)
    add_flow(doc, "bake", "stock")
    add_flow(doc, "take", "bake")  # would put 540 minutes on the journey if it counted
    add_flow(doc, "stock", "serve")
    doc["target_minutes"] = 4
    blueprint = build(doc)
    journey = Process(blueprint).journey
    assert journey is not None and journey.total_minutes == 5
    assert journey.path == ("arrive", "order", "wait", "serve", "leave")
    [late] = _found(doc, "BP063")
    assert late.data is not None and late.data["total_minutes"] == 5
    assert build_spec(blueprint).timing.minutes == 5
    # the marks contradict the drawn journey: an info says so, once for each step
    assert [f.items for f in _found(doc, "BP034")] == [("bake",), ("stock",)]


# -- the layered style ---------------------------------------------------------------------


def _layered() -> Doc:
    """The clean blueprint with no flow at all: its cards stand in columns."""
    doc = clean()
    doc["flows"] = []
    return doc


def test_a_blueprint_without_flows_is_checked_by_its_columns() -> None:
    doc = _layered()
    findings = validate(build(doc))
    # the column checks: nothing backstage in Serve's column, nothing at all in Leave's
    assert [(f.rule, f.severity, f.items) for f in findings] == [
        ("BP032", Severity.INFO, ()),
        ("BP042", Severity.INFO, ("serve",)),
        ("BP045", Severity.INFO, ("leave",)),
    ]
    step(doc, "menu")["layout"] = {"x": 800, "row": 0}  # no evidence in the Order column
    rules = {f.rule: f for f in validate(build(doc))}
    assert rules["BP043"].items == ("order",)
    for flow_rule in ("BP020", "BP021", "BP022", "BP023", "BP024", "BP029", "BP033"):
        assert flow_rule not in rules


def test_an_evidence_link_alone_does_not_make_a_flowchart() -> None:
    doc = _layered()
    add_flow(doc, "menu", "order", "evidence")
    assert [f.rule for f in validate(build(doc))] == ["BP032", "BP042", "BP045"]


# -- two-way flows -------------------------------------------------------------------------


def test_a_two_way_flow_at_an_end_or_into_a_start_is_an_interaction() -> None:
    doc = clean()
    _flow(doc, "leave", "serve", two_way=True)
    _flow(doc, "take", "arrive", two_way=True)
    assert _found(doc, "BP031") == [] and _found(doc, "BP030") == []
    one_way = clean()
    _flow(one_way, "take", "arrive")
    assert len(_found(one_way, "BP030")) == 1


def test_a_two_way_flow_answers_the_step_it_came_from() -> None:
    doc = clean()
    add_step(doc, "sign", "customer", 200, title="Sign the slip")
    step(doc, "sign")["layout"] = {"x": 200, "row": 1}
    flow = _flow(doc, "take", "sign", two_way=True)
    assert _found(doc, "BP023") == []  # sign answers take, which leads on to the end
    next(f for f in doc["flows"] if f["id"] == flow)["two_way"] = False
    assert [f.items for f in _found(doc, "BP023")] == [("sign",)]


def test_reading_order_keeps_a_two_way_link_in_layout_order() -> None:
    """A lookup drawn from the system (right) to the clerk (left) is read clerk first."""
    doc = clean()
    add_step(doc, "lookup", "support", 900, title="Look up the order")
    _flow(doc, "lookup", "take", two_way=True)
    rank = reading_rank(build(doc))
    assert rank["arrive"] < rank["order"] < rank["take"] < rank["lookup"]


# -- the journey, measured once ------------------------------------------------------------


def test_the_journey_stops_at_the_first_end() -> None:
    doc = clean()
    add_step(doc, "survey", "customer", 800, title="Answer the survey", duration_minutes=30)
    add_step(doc, "done", "customer", 1000, kind="end", title="Done")
    add_flow(doc, "leave", "survey")
    add_flow(doc, "survey", "done")
    journey = customer_journey(build(doc))
    assert journey is not None and journey.path[-1] == "leave" and journey.total_minutes == 5


def test_a_start_that_reaches_no_end_is_the_one_error() -> None:
    doc = clean()
    doc["flows"] = [f for f in doc["flows"] if f["id"] != "f8"]
    errors = [f for f in validate(build(doc)) if f.severity is Severity.ERROR]
    assert [(f.rule, f.items) for f in errors] == [("BP033", ("arrive",))]


# -- the spec ------------------------------------------------------------------------------


def test_a_call_to_the_backstage_crosses_both_lines_in_the_spec() -> None:
    doc = _call_backstage(channel="phone")
    [handoff] = [h for h in build_spec(build(doc)).handoffs if h.source.id == "order"]
    assert handoff.lines == ("interaction", "visibility")
    text = to_markdown(build(doc), lang="en")
    assert "Line of interaction + Line of visibility" in text


@pytest.mark.parametrize(
    ("edit", "words"),
    [
        (lambda doc: doc.update(flows=[]), "No flows: there is no path to time."),
        (lambda doc: step(doc, "arrive").update(kind="action"), "No start step"),
        (lambda doc: step(doc, "leave").update(kind="action"), "No end step"),
        (
            lambda doc: doc.update(flows=[f for f in doc["flows"] if f["id"] != "f8"]),
            "No start reaches an end",
        ),
    ],
    ids=["no flows", "no start", "no end", "no journey"],
)
def test_the_spec_says_truly_why_there_is_no_journey(edit: Any, words: str) -> None:
    doc = clean()
    edit(doc)
    assert words in to_markdown(build(doc), lang="en")
