"""The catalogue of bundled templates: real blueprints to start from, in English and Chinese.

Files live in ``resources/templates/NAME.LANG.blueprint.json``. The catalogue is Qt-free so the
command line (``blueprint templates``, ``blueprint new --template``) and the GUI's
"New from Template" dialog share it.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path

from blueprint_app.console import err, out
from blueprint_app.model import Blueprint
from blueprint_app.model.factory import now_iso
from blueprint_app.resources import resource_path
from blueprint_app.storage import BlueprintFileError, load

SUFFIX = ".blueprint.json"
DEFAULT_LANGUAGE = "en"
CHINESE = "zh-CN"


class TemplateNotFoundError(LookupError):
    """No template of that name; the message lists the ones there are."""


@dataclass(frozen=True)
class TemplateInfo:
    """One language version of one template, as a picker shows it."""

    name: str
    language: str
    title: str
    description: str
    path: Path


def templates_folder() -> Path:
    return resource_path("templates")


def _split_name(path: Path) -> tuple[str, str] | None:
    """``hotel-stay.zh-CN.blueprint.json`` -> ("hotel-stay", "zh-CN")."""
    stem = path.name[: -len(SUFFIX)] if path.name.endswith(SUFFIX) else ""
    name, dot, language = stem.rpartition(".")
    return (name, language) if dot and name and language else None


def list_templates(folder: Path | None = None) -> list[TemplateInfo]:
    """Every template file, sorted by name then language.

    Read afresh on each call (16 files take about 7 ms), so an edited or added file shows up.
    """
    found = []
    for path in sorted((folder or templates_folder()).glob(f"*{SUFFIX}")):
        parts = _split_name(path)
        if parts is None:
            continue
        try:
            blueprint = load(path)
        except BlueprintFileError:
            continue  # a damaged file is left out rather than breaking the whole list
        found.append(TemplateInfo(parts[0], parts[1], blueprint.title, blueprint.description, path))
    return found


def template_names(folder: Path | None = None) -> list[str]:
    return sorted({info.name for info in list_templates(folder)})


def choose_language(requested: str, available: list[str]) -> str:
    """The best of ``available`` for ``requested``: exact, then any Chinese -> zh-CN, else en.

    Tags compare case-insensitively and accept ``_`` for ``-`` (``zh_CN`` from a locale).
    """
    wanted = requested.replace("_", "-").lower()
    by_lower = {tag.lower(): tag for tag in available}
    if wanted in by_lower:
        return by_lower[wanted]
    if wanted.split("-")[0] == "zh" and CHINESE.lower() in by_lower:
        return by_lower[CHINESE.lower()]
    if DEFAULT_LANGUAGE in by_lower:
        return by_lower[DEFAULT_LANGUAGE]
    return sorted(available)[0]


def find_template(
    name: str, language: str = DEFAULT_LANGUAGE, folder: Path | None = None
) -> TemplateInfo:
    versions = [info for info in list_templates(folder) if info.name == name]
    if not versions:
        known = ", ".join(template_names(folder)) or "none"
        raise TemplateNotFoundError(f"no template named {name!r}; available: {known}")
    chosen = choose_language(language, [info.language for info in versions])
    return next(info for info in versions if info.language == chosen)


def load_template(
    name: str, language: str = DEFAULT_LANGUAGE, folder: Path | None = None
) -> Blueprint:
    """The template as stored (raises :class:`TemplateNotFoundError` for an unknown name)."""
    return load(find_template(name, language, folder).path)


def instantiate(
    name: str, language: str = DEFAULT_LANGUAGE, folder: Path | None = None
) -> Blueprint:
    """A fresh document from a template: same content, created/modified stamped now."""
    blueprint = load_template(name, language, folder)
    stamp = now_iso()
    blueprint.created = stamp
    blueprint.modified = stamp
    return blueprint


# -- command line ---------------------------------------------------------------------------


def cmd_templates(args: argparse.Namespace) -> int:
    """``blueprint templates``: name, languages and title of every bundled template."""
    try:
        infos = list_templates()
    except FileNotFoundError as error:
        err(str(error))
        return 2
    if not infos:
        err(f"no templates found in {templates_folder()}")
        return 2
    language = args.language or DEFAULT_LANGUAGE
    rows = []
    for name in sorted({info.name for info in infos}):
        versions = {info.language: info for info in infos if info.name == name}
        shown = versions[choose_language(language, list(versions))]
        rows.append((name, ", ".join(versions), shown.title))
    width = max(len(row[0]) for row in rows)
    lang_width = max(len(row[1]) for row in rows)
    for name, languages, title in rows:
        out(f"{name:<{width}}  {languages:<{lang_width}}  {title}")
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("templates", help="list the bundled templates")
    parser.add_argument(
        "--language", default=None, help="show titles in this language (e.g. zh-CN); default en"
    )
    parser.set_defaults(handler=cmd_templates)
