"""``blueprint diff``, ``blueprint merge`` and ``blueprint git-setup`` (and ``git-diff``, the
external diff git runs once ``git-setup`` has named it).

Exit codes. diff: 0 the same in meaning, 1 they differ, 2 a file cannot be read. merge: 0 a
clean merge, 1 conflicts (recorded in the result, which git then marks conflicted), 2 a file
cannot be read (nothing is written). git-setup: 0 done, 2 git failed.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from pathlib import Path
from typing import Protocol, cast

from blueprint_app.console import err, out, out_json
from blueprint_app.model.blueprint import Blueprint
from blueprint_app.storage import BlueprintFileError, load, save
from blueprint_app.storage.writer import write_atomic
from blueprint_app.versions.diff import BlueprintDiff, as_data, diff_data
from blueprint_app.versions.git_setup import GitSetupError, git_setup
from blueprint_app.versions.merge import MergeResult, merge, merge_added_twice
from blueprint_app.versions.text import ChangeLog, change_log, conflict_line, outline, summary

EXIT_OK, EXIT_PROBLEMS, EXIT_UNREADABLE = 0, 1, 2
PICTURES = (".png", ".svg", ".pdf")
#: The Qt module that draws a diff (loaded by name: this layer stays Qt-free).
CHANGES_BACKEND = "blueprint_app.pictures.changes"


class ChangesBackend(Protocol):
    def render_changes(
        self, old: Blueprint, new: Blueprint, changes: BlueprintDiff, kind: str, lang: str | None
    ) -> bytes:
        """The new blueprint with its changes marked, as PNG, SVG or PDF bytes."""
        ...


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    diff = sub.add_parser(
        "diff",
        help="what changed between two blueprints, by id (exit 1 when they differ)",
        description="Compare two blueprint files by meaning: steps, flows, lanes, phases, notes "
        "and the blueprint's own fields added, removed and changed.",
    )
    diff.add_argument("old", metavar="OLD")
    diff.add_argument("new", metavar="NEW")
    diff.add_argument("--format", choices=("text", "json"), default="text")
    diff.add_argument(
        "-o", "--output", metavar="OUT", help="also draw NEW with its changes: a .png, .svg or .pdf"
    )
    diff.add_argument("--lang", metavar="LANG", help="en or zh-CN; default: NEW's language")
    diff.set_defaults(handler=cmd_diff)

    merge_parser = sub.add_parser(
        "merge",
        help="three-way merge of blueprints by id (git's merge driver: %%O %%A %%B)",
        description="Merge THEIRS into OURS, BASE being their common ancestor. Without -o the "
        "result replaces OURS, as git expects of a merge driver. Exit 1 when conflicts were "
        "recorded in the result.",
    )
    merge_parser.add_argument("base", metavar="BASE")
    merge_parser.add_argument("ours", metavar="OURS")
    merge_parser.add_argument("theirs", metavar="THEIRS")
    merge_parser.add_argument("-o", "--output", metavar="OUT", help="default: replace OURS")
    merge_parser.set_defaults(handler=cmd_merge)

    setup = sub.add_parser(
        "git-setup",
        help="let git merge and diff *.blueprint.json files with blueprint",
        description="Write the .gitattributes line and the git config of the merge driver and "
        "the diff command; running it again changes nothing.",
    )
    setup.add_argument(
        "--global", dest="global_", action="store_true", help="for every repository of this user"
    )
    setup.set_defaults(handler=cmd_git_setup)

    external = sub.add_parser(
        "git-diff", help="the external diff git runs (git diff passes 7 arguments)"
    )
    external.add_argument("arguments", nargs="+", metavar="ARG")
    external.set_defaults(handler=cmd_git_diff)

    textconv = sub.add_parser(
        "git-textconv",
        help="one line per field, for git log -p and git show (git passes the file)",
    )
    textconv.add_argument("file", metavar="FILE")
    textconv.set_defaults(handler=cmd_git_textconv)


def _load(name: str) -> Blueprint | None:
    try:
        return load(name)
    except BlueprintFileError as error:
        err(str(error))
        return None


def cmd_diff(args: argparse.Namespace) -> int:
    old, new = _load(args.old), _load(args.new)
    if old is None or new is None:
        return EXIT_UNREADABLE
    before, after = as_data(old), as_data(new)
    changes = diff_data(before, after)
    language = args.lang or new.language
    if args.format == "json":
        out_json(json.dumps(changes.to_json(), ensure_ascii=False, indent=2))
    else:
        for line in change_log(changes, before, after, language):
            out(line)
        out(summary(changes, language))
    if args.output:
        status = _draw(old, new, changes, Path(args.output), args.lang)
        if status:
            return status
    return EXIT_OK if changes.is_empty() else EXIT_PROBLEMS


def _draw(
    old: Blueprint, new: Blueprint, changes: BlueprintDiff, path: Path, lang: str | None
) -> int:
    kind = path.suffix.lower()
    if kind not in PICTURES:
        err(f"{path}: the picture must be a .png, .svg or .pdf file")
        return EXIT_UNREADABLE
    try:
        backend = cast(ChangesBackend, importlib.import_module(CHANGES_BACKEND))
        data = backend.render_changes(old, new, changes, kind[1:], lang)
        write_atomic(path, data)
    except ImportError as error:
        err(f"cannot draw {path}: Qt could not be loaded ({error})")
        return EXIT_UNREADABLE
    except (OSError, BlueprintFileError) as error:
        err(f"cannot write {path}: {getattr(error, 'strerror', None) or error}")
        return EXIT_UNREADABLE
    return EXIT_OK


def cmd_merge(args: argparse.Namespace) -> int:
    added_twice = _is_empty(args.base)  # git's add/add: both sides added the file
    base = None if added_twice else _load(args.base)
    ours, theirs = _load(args.ours), _load(args.theirs)
    if (base is None and not added_twice) or ours is None or theirs is None:
        return EXIT_UNREADABLE
    try:
        result = merge_added_twice(ours, theirs) if base is None else merge(base, ours, theirs)
        save(result.blueprint, args.output or args.ours)
    except BlueprintFileError as error:
        err(f"blueprint merge: {error}")
        return EXIT_UNREADABLE
    for line in merge_report(result, ours):
        (out if result.clean else err)(line)
    return EXIT_OK if result.clean else EXIT_PROBLEMS


def _is_empty(name: str) -> bool:
    try:
        return Path(name).stat().st_size == 0
    except OSError:
        return False


def merge_report(result: MergeResult, ours: Blueprint) -> list[str]:
    """One line per renamed id and per conflict, in the blueprint's language."""
    if not result.renamed and not result.conflicts:
        return []
    data = as_data(result.blueprint)
    log = ChangeLog(as_data(ours), data, result.blueprint.language)
    lines = [
        log.words["renamed"].format(what=f"“{old}”", new=new) for old, new in result.renamed.items()
    ]
    lines += [conflict_line(conflict, log) for conflict in result.conflicts]
    return lines


def cmd_git_setup(args: argparse.Namespace) -> int:
    try:
        done = git_setup(args.global_)
    except GitSetupError as error:
        err(f"blueprint git-setup: {error}")
        return EXIT_UNREADABLE
    for line in done or ["git is already set up for blueprints"]:
        out(line)
    return EXIT_OK


def cmd_git_diff(args: argparse.Namespace) -> int:
    """git's external diff: ``path old-file old-hex old-mode new-file new-hex new-mode``.

    Always exit 0 (git stops at a failing external diff); a side git gives as /dev/null (a new
    or deleted file) is an empty blueprint."""
    if len(args.arguments) < 5:
        err("blueprint git-diff: git passes PATH OLD-FILE OLD-HEX OLD-MODE NEW-FILE ...")
        return EXIT_UNREADABLE
    path, old_name, new_name = args.arguments[0], args.arguments[1], args.arguments[4]
    out(f"blueprint diff {path}")
    old, new = (_side(name) for name in (old_name, new_name))
    if old is None or new is None:
        out("(cannot compare: see the message above)")
        return EXIT_OK
    before, after = as_data(old), as_data(new)
    changes = diff_data(before, after)
    for line in change_log(changes, before, after, new.language):
        out(line)
    out(summary(changes, new.language))
    return EXIT_OK


def _side(name: str) -> Blueprint | None:
    return Blueprint(title="—") if name == "/dev/null" else _load(name)


def cmd_git_textconv(args: argparse.Namespace) -> int:
    """git's textconv: the blueprint as one ``kind id: field = value`` line per field, ids in
    order, so that ``git log -p`` and ``git show`` (which use no external diff) show readable,
    item-by-item changes. A file that cannot be read is passed through as it is."""
    try:
        blueprint = load(args.file)
    except BlueprintFileError:
        sys.stdout.write(Path(args.file).read_text(encoding="utf-8", errors="replace"))
        return EXIT_OK
    for line in outline(blueprint):
        out(line)
    return EXIT_OK
