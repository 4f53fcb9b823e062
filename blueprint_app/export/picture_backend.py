"""Where pictures come from: a Qt backend loaded by name, as matplotlib loads its backends.

export/ sits below render/ in the layers and never imports Qt; the pictures (and the diagram the
HTML spec embeds) are drawn by :mod:`blueprint_app.pictures.backend`, imported here only when a
picture is asked for. The Protocol is the whole contract between the two.
"""

from __future__ import annotations

import importlib
from typing import Protocol, cast

from blueprint_app.export.options import ExportOptions
from blueprint_app.export.progress import Progress
from blueprint_app.model.blueprint import Blueprint

#: The module that draws pictures; it needs Qt (no display: it picks the offscreen platform).
BACKEND = "blueprint_app.pictures.backend"


class PictureBackend(Protocol):
    def render_picture(
        self, blueprint: Blueprint, kind: str, options: ExportOptions, progress: Progress = ...
    ) -> bytes:
        """The bytes of a PNG, SVG or PDF of the blueprint."""
        ...

    def diagram_svg(
        self, blueprint: Blueprint, lang: str | None = None, progress: Progress = ...
    ) -> str:
        """The diagram alone as SVG text, for the HTML spec to embed."""
        ...


def picture_backend() -> PictureBackend:
    """The loaded backend; ImportError when Qt cannot be loaded here."""
    return cast(PictureBackend, importlib.import_module(BACKEND))
