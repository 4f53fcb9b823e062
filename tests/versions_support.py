"""Small blueprints for the diff and merge tests, and the ``blueprint`` command as a user runs it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from blueprint_app.model.blueprint import Blueprint, Flow, Note, NoteLayout, Phase, Step
from blueprint_app.model.factory import new_blueprint

ROOT = Path(__file__).parent.parent


def sample(language: str = "en") -> Blueprint:
    """Three customer steps in a row, one backstage step, two phases, a note."""
    blueprint = new_blueprint("Check-in", language)
    blueprint.phases = [Phase(id="arrive", title="Arrive"), Phase(id="stay", title="Stay")]
    blueprint.steps = [
        Step(id="s1", lane="customer", phase="arrive", title="Walks in", kind="start"),
        Step(id="s2", lane="customer", phase="arrive", title="Checks in", standard="Smile"),
        Step(id="s3", lane="customer", phase="stay", title="Sleeps", kind="end"),
        Step(id="b1", lane="backstage", phase="arrive", title="Prepares the room"),
    ]
    blueprint.flows = [
        Flow(id="f1", source="s1", target="s2"),
        Flow(id="f2", source="s2", target="s3"),
        Flow(id="f3", source="b1", target="s2"),
    ]
    blueprint.notes = [
        Note(id="n1", text="Busy at six", layout=NoteLayout(x=0, y=0), attached_to="s2")
    ]
    return blueprint


def copy(blueprint: Blueprint) -> Blueprint:
    return blueprint.model_copy(deep=True)


def step(blueprint: Blueprint, step_id: str) -> Step:
    return next(s for s in blueprint.steps if s.id == step_id)


def blueprint_cli(
    *args: str | Path, cwd: Path = ROOT, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "blueprint_app.cli", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        check=False,
        timeout=120,
        env={**os.environ, **(env or {})},
    )
