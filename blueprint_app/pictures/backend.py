"""The pictures' side of :mod:`blueprint_app.export.picture_backend`: what export/ may call."""

from blueprint_app.pictures.image import diagram_svg, render_picture

__all__ = ["diagram_svg", "render_picture"]
