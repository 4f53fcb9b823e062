"""Published service blueprints are the checker's ground truth (issue 14).

Every file in tests/data/published/ is a blueprint transcribed from the literature (Shostack,
Bitner et al., Zeithaml & Bitner, 18F, GOV.UK, Chinese service-marketing textbooks), as the
authors drew it; tests/data/published/README.md gives the sources. A textbook blueprint must not
get an error from our validator, and the true gaps its authors point out, listed in
expected.json, must still be found. The tests run over the folder, so a new file is checked
as soon as it is added (and must be given its entry in expected.json).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from blueprint_app.model import Blueprint
from blueprint_app.storage import dumps, load
from blueprint_app.validation import Finding, Severity, validate

FOLDER = Path(__file__).parent / "data" / "published"
FILES = sorted(FOLDER.glob("*.blueprint.json"))
EXPECTED: dict[str, list[dict[str, Any]]] = json.loads(
    (FOLDER / "expected.json").read_text(encoding="utf-8")
)["files"]


def _describe(finding: Finding, blueprint: Blueprint) -> str:
    titles = {step.id: step.title for step in blueprint.steps}
    items = ", ".join(
        f"{item} “{titles[item]}”" if item in titles else item for item in finding.items
    )
    return f"{finding.rule} {finding.message} [{items}]"


def test_the_corpus_holds_at_least_seven_blueprints() -> None:
    assert len(FILES) >= 7, [path.name for path in FILES]


def test_every_file_has_its_expected_findings_argued() -> None:
    """expected.json names exactly the files in the folder, so no file goes unexamined."""
    assert sorted(EXPECTED) == [path.name for path in FILES]


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.name)
def test_loads_and_is_canonical(path: Path) -> None:
    blueprint = load(path)
    assert blueprint.steps, "a published blueprint has steps"
    assert path.read_text(encoding="utf-8") == dumps(blueprint), (
        f"run 'blueprint format {path.name}'"
    )


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.name)
def test_a_published_blueprint_gets_no_error(path: Path) -> None:
    blueprint = load(path)
    errors = [f for f in validate(blueprint) if f.severity == Severity.ERROR]
    report = "\n".join(_describe(finding, blueprint) for finding in errors)
    if errors:
        pytest.fail(f"{len(errors)} error(s) on {path.name}, false alarms:\n{report}")


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.name)
def test_the_true_gaps_are_still_found(path: Path) -> None:
    blueprint = load(path)
    findings = validate(blueprint)
    missing = [
        expected
        for expected in EXPECTED[path.name]
        if not any(
            finding.rule == expected["rule"] and set(expected["steps"]) <= set(finding.items)
            for finding in findings
        )
    ]
    found = "\n".join(_describe(finding, blueprint) for finding in findings)
    if missing:
        pytest.fail(f"not found on {path.name}: {missing}\nfound:\n{found}")


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.name)
def test_expected_findings_name_real_steps(path: Path) -> None:
    """A typo in expected.json would otherwise make a gap impossible to find."""
    ids = {step.id for step in load(path).steps}
    for expected in EXPECTED[path.name]:
        assert set(expected["steps"]) <= ids, expected
        assert str(expected["rule"]).startswith("BP"), expected
