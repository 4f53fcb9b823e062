"""Card size on the canvas, as the validation rules see it.

The overlap rule and the canvas must agree on how wide a card is. The canvas (editor branch)
defines ``CARD_W = 108.0`` in ``blueprint_app.analysis.geometry``; that module is not on this
branch yet, so the value is repeated here once. When both meet, replace this constant with
``from blueprint_app.analysis.geometry import CARD_W as CARD_WIDTH``.
"""

from __future__ import annotations

#: Width of a step card in scene units (the unit of ``StepLayout.x``).
CARD_WIDTH = 108.0
