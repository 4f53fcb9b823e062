"""``blueprint git-setup``: tell git to merge and diff blueprint files with this program.

Writes the attribute line to the repository's ``.gitattributes`` (or, with ``--global``, to the
user's global attributes file) and sets ``merge.blueprint.*`` and ``diff.blueprint.command``
(``git diff``: the change log) and ``diff.blueprint.textconv`` (``git log -p``, ``git show``:
one line per field) in the repository's (or the global) git config. Running it again changes
nothing.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from pathlib import Path

ATTRIBUTES = "*.blueprint.json merge=blueprint diff=blueprint"


class GitSetupError(Exception):
    """git is missing, the folder is no repository, or a file could not be written."""


def blueprint_command() -> str:
    """How git should start the ``blueprint`` command of this installation, quoted for a shell:
    the script beside this Python (a virtual environment's bin/), else this Python running the
    CLI module; a frozen build is its own executable."""
    if getattr(sys, "frozen", False):
        return shlex.quote(sys.executable)
    beside = Path(sys.executable).with_name("blueprint.exe" if os.name == "nt" else "blueprint")
    if beside.is_file():
        return shlex.quote(str(beside))
    return f"{shlex.quote(sys.executable)} -m blueprint_app.cli"


def git_config(command: str) -> dict[str, str]:
    """The config entries the driver needs, for the command :func:`blueprint_command` gives."""
    return {
        "merge.blueprint.name": "Blueprint Studio: merge blueprints by id",
        "merge.blueprint.driver": f"{command} merge %O %A %B",
        "diff.blueprint.command": f"{command} git-diff",
        "diff.blueprint.textconv": f"{command} git-textconv",
    }


def _git(args: list[str], cwd: Path) -> str:
    try:
        done = subprocess.run(
            ["git", *args], cwd=cwd, capture_output=True, text=True, check=False, timeout=60
        )
    except OSError as error:
        raise GitSetupError(f"cannot run git: {error.strerror or error}") from None
    if done.returncode != 0:
        raise GitSetupError(done.stderr.strip() or f"git {' '.join(args)} failed")
    return done.stdout.strip()


def _attributes_file(global_: bool, cwd: Path) -> Path:
    if not global_:
        return Path(_git(["rev-parse", "--show-toplevel"], cwd)) / ".gitattributes"
    try:
        configured = _git(["config", "--global", "--path", "core.attributesFile"], cwd)
    except GitSetupError:  # not set
        configured = ""
    if configured:
        return Path(configured).expanduser()
    config_home = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(config_home) / "git" / "attributes"


def add_attribute_line(path: Path) -> bool:
    """Append :data:`ATTRIBUTES` unless the file has it; True when the file was changed."""
    try:
        text = path.read_text(encoding="utf-8") if path.exists() else ""
        if ATTRIBUTES in (line.strip() for line in text.splitlines()):
            return False
        path.parent.mkdir(parents=True, exist_ok=True)
        separator = "" if not text or text.endswith("\n") else "\n"
        path.write_text(f"{text}{separator}{ATTRIBUTES}\n", encoding="utf-8")
    except OSError as error:
        raise GitSetupError(f"cannot write {path}: {error.strerror or error}") from None
    return True


def git_setup(global_: bool = False, cwd: Path | None = None) -> list[str]:
    """Set git up; one line per thing done (nothing when all was already in place)."""
    cwd = cwd or Path.cwd()
    scope = ["--global"] if global_ else []
    done = []
    path = _attributes_file(global_, cwd)
    if add_attribute_line(path):
        done.append(f"added '{ATTRIBUTES}' to {path}")
    for key, value in git_config(blueprint_command()).items():
        try:
            current = _git(["config", *scope, "--get", key], cwd)
        except GitSetupError:
            current = None
        if current != value:
            _git(["config", *scope, key, value], cwd)
            done.append(f"set {key} = {value}")
    return done
