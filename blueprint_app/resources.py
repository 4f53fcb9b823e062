"""Where the bundled resources (examples, templates, schema, icons) live.

In a source checkout they sit in ``resources/`` beside the package; an installed wheel and the
PyInstaller bundle both carry the same folder as ``blueprint_app/_resources`` (see setup.py and
packaging/blueprint-studio.spec). This module is the one place that knows both.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
CANDIDATES = (_PACKAGE / "_resources", _PACKAGE.parent / "resources")


def resource_root() -> Path:
    """The resources folder of this installation (installed copy first, then the source tree)."""
    for candidate in CANDIDATES:
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(
        "the resources folder is missing; looked in " + ", ".join(str(c) for c in CANDIDATES)
    )


def resource_path(*parts: str) -> Path:
    """A path inside the resources folder, e.g. ``resource_path("templates")``."""
    return resource_root().joinpath(*parts)
