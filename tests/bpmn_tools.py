"""The BPMN tools process engineers use, run on our files: bpmnlint (``bpmnlint:recommended``,
what Camunda Modeler and bpmn.io show) and bpmn-moddle (their parser), through the node script
in tools/bpmn-lint. ``scripts/test`` installs them; a missing tool fails the test, never skips."""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

TOOLS = Path(__file__).parent.parent / "tools" / "bpmn-lint"


@dataclass(frozen=True)
class Findings:
    file: str
    moddle_warnings: list[str]
    errors: list[dict[str, str]]
    warnings: list[dict[str, str]]

    @property
    def rules(self) -> list[str]:
        return sorted(f"{f['rule']}:{f['id']}" for f in [*self.errors, *self.warnings])


def lint(paths: list[Path]) -> list[Findings]:
    """bpmn-moddle's warnings and bpmnlint's errors and warnings for each file."""
    node = shutil.which("node")
    assert node, "node is missing: run scripts/test, which installs it (Debian's nodejs)"
    assert (TOOLS / "node_modules" / "bpmnlint").is_dir(), (
        "bpmnlint is missing: run scripts/test, which runs npm ci in tools/bpmn-lint"
    )
    done = subprocess.run(
        [node, str(TOOLS / "check.js"), *map(str, paths)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return [Findings(**entry) for entry in json.loads(done.stdout)["files"]]
