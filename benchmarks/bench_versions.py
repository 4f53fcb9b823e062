"""Diff and three-way merge of two 10,000-step versions (issue 21: each under 1 s).

    .venv/bin/python -m benchmarks.bench_versions [--steps 10000] [--repeat 5]

Two branches of one generated blueprint each change a tenth of the steps (different ones:
titles on one side, standards and moves on the other), delete 1 % and add 1 %; both also change
a hundred of the same steps' titles differently (conflicts). Reported: the in-memory diff, the
merge (with the loader's checks of its result), the change log's text, and the commands
`blueprint diff` and `blueprint merge` end to end (reading and writing the files), best of N.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks.generate import generate_blueprint
from blueprint_app.model.blueprint import Blueprint, Step
from blueprint_app.storage import save
from blueprint_app.versions.diff import as_data, diff, diff_data
from blueprint_app.versions.merge import merge
from blueprint_app.versions.text import change_log


def best_of(repeat: int, action: Callable[[], object]) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return min(times)


def branches(base: Blueprint) -> tuple[Blueprint, Blueprint]:
    ours, theirs = base.model_copy(deep=True), base.model_copy(deep=True)
    n = len(base.steps)
    for index in range(0, n, 10):
        ours.steps[index].title += " (ours)"
    for index in range(5, n, 10):
        theirs.steps[index].standard = "Within two minutes"
        theirs.steps[index].lane = theirs.steps[index].lane  # same lane: a move below
        theirs.steps[index].layout = None
    for index in range(0, 1000, 10):  # the same field, differently: conflicts
        theirs.steps[index].title += " (theirs)"
    for side, prefix, start in ((ours, "o", 3), (theirs, "t", 7)):
        gone = {side.steps[i].id for i in range(start, n, 100)}
        side.steps = [s for s in side.steps if s.id not in gone]
        side.flows = [f for f in side.flows if f.source not in gone and f.target not in gone]
        side.notes = [note for note in side.notes if note.attached_to not in gone]
        lane = side.lanes[1].id
        side.steps += [
            Step(id=f"{prefix}-new-{i}", lane=lane, title=f"New {i}") for i in range(n // 100)
        ]
    return ours, theirs


def _command(*args: str | Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "blueprint_app.cli", *map(str, args)],
        check=False,
        capture_output=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--steps", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    base = generate_blueprint(args.steps)
    ours, theirs = branches(base)
    changes = diff(base, ours)
    result = merge(base, ours, theirs)
    print(
        f"base: {len(base.steps)} steps, {len(base.flows)} flows; ours vs base: "
        f"{sum(map(len, changes.added.values()))} added, {sum(map(len, changes.removed.values()))} "
        f"removed, {len(changes.changed)} changed; merge: {len(result.conflicts)} conflicts, "
        f"{len(result.blueprint.steps)} steps"
    )
    print(
        f"diff (two models)        {best_of(args.repeat, lambda: diff(base, ours)) * 1000:7.0f} ms"
    )
    print(
        f"merge (three models)     {best_of(args.repeat, lambda: merge(base, ours, theirs)) * 1000:7.0f} ms"
    )
    before, after = as_data(base), as_data(ours)
    found = diff_data(before, after)
    log = best_of(args.repeat, lambda: change_log(found, before, after, "en"))
    print(
        f"change log text          {log * 1000:7.0f} ms  ({len(change_log(found, before, after, 'en'))} lines)"
    )
    with tempfile.TemporaryDirectory() as folder:
        paths = [Path(folder) / f"{name}.blueprint.json" for name in ("base", "ours", "theirs")]
        for blueprint, path in zip((base, ours, theirs), paths, strict=True):
            save(blueprint, path)
        start = best_of(args.repeat, lambda: _command("--version"))
        cli_diff = best_of(args.repeat, lambda: _command("diff", paths[0], paths[1]))
        out = Path(folder) / "merged.blueprint.json"
        cli_merge = best_of(args.repeat, lambda: _command("merge", *paths, "-o", out))
    print(
        f"blueprint diff (command) {cli_diff * 1000:7.0f} ms  (of which starting Python: {start * 1000:.0f} ms)"
    )
    print(f"blueprint merge (command){cli_merge * 1000:7.0f} ms")


if __name__ == "__main__":
    main()
