"""The one error type a reader or writer of blueprint files raises."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from blueprint_app.model.integrity import Problem


class BlueprintFileError(Exception):
    """A file could not be read or written; carries every problem found, each with its JSON path.

    ``str()`` gives a message a person can act on: the file's name, then one problem per line.
    """

    def __init__(self, source: str | Path, problems: Sequence[Problem | str], action: str = "read"):
        self.source = str(source)
        self.action = action
        self.problems: list[Problem] = [
            p if isinstance(p, Problem) else Problem("", p) for p in problems
        ]
        super().__init__(self.message())

    def message(self) -> str:
        name = Path(self.source).name or self.source
        head = f"Cannot {self.action} {name!r}"
        if len(self.problems) == 1:
            return f"{head}: {self.problems[0]}"
        lines = [f"{head}: {len(self.problems)} problems"]
        lines += [f"  {problem}" for problem in self.problems]
        return "\n".join(lines)
