"""Card size on the canvas, as the validation rules see it.

Kept in one place so the overlap rule and the canvas agree; if a shared
``blueprint_app.analysis.geometry`` appears, this module should import from there.
"""

from __future__ import annotations

#: Width of a step card in scene units (the unit of ``StepLayout.x``).
CARD_WIDTH = 160.0
