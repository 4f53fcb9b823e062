"""Fuzzed input: the loader gives its own error or a document that saves, validates, exports.

The example budget is small in the normal run; set BLUEPRINT_FUZZ_EXAMPLES=20000 for a long run.
"""

from __future__ import annotations

import copy
import json
import os
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from blueprint_app.export.formats import export_bytes
from blueprint_app.export.options import ExportOptions
from blueprint_app.model import Blueprint
from blueprint_app.storage import BlueprintFileError, dumps, loads
from blueprint_app.validation import validate
from tests.conftest import DATA

ROOT = Path(__file__).parent.parent
EXAMPLES = sorted(
    [*DATA.glob("*.blueprint.json"), *(ROOT / "resources").glob("**/*.blueprint.json")]
)
BUDGET = int(os.environ.get("BLUEPRINT_FUZZ_EXAMPLES", "60"))
FUZZ = settings(
    max_examples=BUDGET,
    deadline=None,
    derandomize=BUDGET <= 100,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
SECONDS_PER_FILE = 2.0
#: Every accepted document must also validate and export; the picture formats are checked on
#: the shipped examples in the image export tests (each render costs too much for fuzzing).
TEXT_FORMATS = ("md", "html", "csv", "bpmn", "mmd")


def check_outcome(data: bytes | str) -> Blueprint | None:
    """A BlueprintFileError, or a document that round-trips, validates and exports."""
    started = time.perf_counter()
    try:
        blueprint = loads(data, source="fuzz.blueprint.json")
    except BlueprintFileError as error:
        assert str(error).startswith("Cannot read 'fuzz.blueprint.json'")
        blueprint = None
    else:
        text = dumps(blueprint)
        assert dumps(loads(text)) == text
        findings = validate(blueprint)
        for name in TEXT_FORMATS:
            assert export_bytes(blueprint, name, ExportOptions(findings=findings))
    assert time.perf_counter() - started < SECONDS_PER_FILE
    return blueprint


def _example(index: int) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(EXAMPLES[index % len(EXAMPLES)].read_text("utf-8"))
    return data


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=20,
)
ODD_VALUES = st.sampled_from(
    [
        None,
        True,
        -1,
        0,
        2**63,
        -(2**63),
        1e308,
        -1e308,
        1.5,
        "",
        "x" * 100_000,
        [],
        {},
        "中文",
        "🎉",
        '<&">',
        [[[[[]]]]],
        {"id": None},
    ]
).map(copy.deepcopy)  # fresh containers: a mutation must not change the strategy's own values


@FUZZ
@given(JSON_VALUES)
def test_random_json(value: Any) -> None:
    check_outcome(json.dumps(value))


@FUZZ
@given(st.integers(0, 1000), st.data())
def test_mutated_examples(which: int, data: st.DataObject) -> None:
    document = _example(which)
    for _ in range(data.draw(st.integers(1, 4))):
        _mutate(document, data)
    check_outcome(json.dumps(document, ensure_ascii=False))


def _mutate(document: dict[str, Any], data: st.DataObject) -> None:
    """Drop a field, or give it an odd value, somewhere in the document."""
    target: Any = document
    for _ in range(data.draw(st.integers(0, 3))):
        if isinstance(target, dict) and target:
            target = target[data.draw(st.sampled_from(sorted(target)))]
        elif isinstance(target, list) and target:
            target = target[data.draw(st.integers(0, len(target) - 1))]
    if isinstance(target, dict) and target:
        key = data.draw(st.sampled_from(sorted(target)))
        if data.draw(st.booleans()):
            del target[key]
        else:
            target[key] = data.draw(ODD_VALUES | JSON_VALUES)
    elif isinstance(target, list) and target:
        target[data.draw(st.integers(0, len(target) - 1))] = data.draw(ODD_VALUES)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_truncation_at_every_64th_byte(path: Path) -> None:
    raw = path.read_bytes()
    for end in range(0, len(raw), 64):
        assert check_outcome(raw[:end]) is None


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_encodings_and_byte_level_damage(path: Path) -> None:
    text = path.read_text("utf-8")
    assert check_outcome(b"\xef\xbb\xbf" + text.encode()) is not None  # BOM accepted
    assert check_outcome(text.encode("utf-16")) is None
    assert check_outcome(text.encode("utf-16-le")) is None
    assert check_outcome(text.encode()[:100] + b"\xc3\x28" + text.encode()[100:]) is None
    assert check_outcome(text.replace('"title"', '"title": "dup", "title"', 1)) is None
    assert check_outcome(text.replace("{", '{"n": NaN, ', 1)) is None
    assert check_outcome(text.replace("{", '{"n": -Infinity, ', 1)) is None


def test_deep_nesting_inside_a_valid_document() -> None:
    document = _example(0)
    document["rules"] = {"x_deep": "HERE"}
    text = json.dumps(document)
    assert check_outcome(text.replace('"HERE"', "[" * 50 + "]" * 50)) is not None
    for depth in (100, 900, 5000):
        assert check_outcome(text.replace('"HERE"', "[" * depth + "]" * depth)) is None


@FUZZ
@given(st.binary(max_size=2000))
def test_random_bytes(data: bytes) -> None:
    check_outcome(data)


@settings(
    max_examples=min(BUDGET, 8),
    deadline=None,
    derandomize=BUDGET <= 100,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(st.integers(0, 1000), st.data())
def test_accepted_mutations_also_draw_as_pictures(which: int, data: st.DataObject) -> None:
    """The picture formats too (fewer examples: each draws the whole blueprint three times)."""
    document = _example(which)
    _mutate(document, data)
    blueprint = check_outcome(json.dumps(document, ensure_ascii=False))
    if blueprint is not None:
        for name in ("svg", "png", "pdf"):
            assert export_bytes(blueprint, name, ExportOptions(scale=0.25))


# -- hostile but valid: documents the loader rightly accepts, shaped to hurt what comes after --

#: Characters that arrive by copy and paste: controls XML refuses, Word's VT, lone CR, LS, NEL.
AWKWARD = st.text(
    alphabet=st.sampled_from(
        [
            "\x00",
            "\x01",
            "\x08",
            "\x0b",
            "\x0c",
            "\x1b",
            "\x1f",
            "\r",
            "\u2028",
            "\x85",
            "\ufffe",
            "\n",
            "#",
            "-",
            "|",
            "<",
            "&",
            "a",
            "中",
            " ",
        ]
    ),
    min_size=1,
    max_size=12,
)
TEXT_FIELDS = {
    "steps": ("title", "actor", "description", "standard", "channel"),
    "flows": ("label",),
    "lanes": ("title",),
    "phases": ("title", "description"),
    "notes": ("text",),
}
XML_FORMATS = ("svg", "bpmn")
HOSTILE_SECONDS = 20.0
HOSTILE_PEAK_MB = 300.0


def _far_coordinate(document: dict[str, Any], data: st.DataObject) -> None:
    laid = [s for s in document["steps"] if "layout" in s]
    if laid:
        step = data.draw(st.sampled_from(laid))
        step["layout"]["x"] = data.draw(st.sampled_from([-1.0, 1.0])) * 10.0 ** data.draw(
            st.integers(3, 9)
        )


def _fan_in(document: dict[str, Any], data: st.DataObject) -> None:
    steps = [s["id"] for s in document["steps"]]
    if len(steps) >= 2:
        source, target = data.draw(st.permutations(steps))[:2]
        for i in range(data.draw(st.integers(1, 300))):
            document["flows"].append({"id": f"fan{i}", "source": source, "target": target})


def _crowded_cell(document: dict[str, Any], data: st.DataObject) -> None:
    lane = data.draw(st.sampled_from([lane["id"] for lane in document["lanes"]]))
    for i in range(data.draw(st.integers(1, 300))):
        document["steps"].append({"id": f"crowd{i}", "lane": lane, "title": f"Task {i}"})


def _awkward_text(document: dict[str, Any], data: st.DataObject) -> None:
    text = data.draw(AWKWARD)
    document["title"] = document.get("title", "") + text
    for collection, fields in TEXT_FIELDS.items():
        for item in document.get(collection, []):
            for field in fields:
                if field in item or field == "title":
                    item[field] = str(item.get(field, "")) + text


SHAPES = (_far_coordinate, _fan_in, _crowded_cell, _awkward_text)


@settings(
    max_examples=min(BUDGET, 8) if BUDGET <= 100 else BUDGET // 10,
    deadline=None,
    derandomize=BUDGET <= 100,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(st.integers(0, 1000), st.data())
def test_hostile_but_valid_documents_export_to_every_format_within_budget(
    which: int, data: st.DataObject
) -> None:
    """Far coordinates, fan-in, crowded cells and awkward text: accepted, then every format
    is written within a time and memory budget, and every XML output parses (issue 15)."""
    import tracemalloc
    import xml.etree.ElementTree as ET

    from blueprint_app.export.scope import ImageOptionError

    document = _example(which)
    for shape in data.draw(st.lists(st.sampled_from(SHAPES), min_size=1, max_size=3)):
        shape(document, data)
    blueprint = loads(json.dumps(document, ensure_ascii=False), source="hostile.blueprint.json")
    started = time.perf_counter()
    tracemalloc.start()
    try:
        outputs = {}
        for name in (*TEXT_FORMATS, "svg", "pdf", "png"):
            try:
                outputs[name] = export_bytes(blueprint, name, ExportOptions(scale=0.25))
            except ImageOptionError as error:  # a picture too large to draw: said, not crashed
                assert name == "png" and "smaller" in str(error), error
        peak_mb = tracemalloc.get_traced_memory()[1] / 1e6
    finally:
        tracemalloc.stop()
    assert time.perf_counter() - started < HOSTILE_SECONDS
    assert peak_mb < HOSTILE_PEAK_MB
    for name in XML_FORMATS:
        ET.fromstring(outputs[name])
    html = outputs["html"].decode("utf-8")
    if "<svg" in html:
        ET.fromstring(html[html.index("<svg") : html.index("</svg>") + len("</svg>")])
    markdown = outputs["md"].decode("utf-8")
    assert "\r" not in markdown and "\x0b" not in markdown
