"""What part of a blueprint a picture shows: all of it, a selection, or a range of phases.

Qt-free: the part is a filtered COPY of the blueprint (the steps kept, the flows between them,
the notes that sit among them), so the one renderer draws it like any other blueprint and the
document itself is never touched.
"""

from __future__ import annotations

from collections.abc import Collection

from blueprint_app.analysis.geometry import CARD_W
from blueprint_app.model.blueprint import Blueprint, Phase


class ImageOptionError(ValueError):
    """A picture cannot be made as asked (unknown phase, reversed range, empty selection, a
    size beyond what an image or a PDF page can hold); the message says what to change."""


def _phase_index(phases: list[Phase], token: str) -> int:
    """A phase given by its id or its 1-based position; the 0-based index."""
    token = token.strip()
    for index, phase in enumerate(phases):
        if phase.id == token:
            return index
    if token.isdigit() and 1 <= int(token) <= len(phases):
        return int(token) - 1
    known = ", ".join(phase.id for phase in phases) or "none"
    raise ImageOptionError(
        f"no phase {token!r} (give a phase id or a number 1..{len(phases)}; phases: {known})"
    )


def phase_range(blueprint: Blueprint, text: str) -> list[str]:
    """The phase ids of ``A..B`` (inclusive), ``A`` (one phase), ``A..`` or ``..B``."""
    phases = blueprint.phases
    if not phases:
        raise ImageOptionError("the blueprint has no phases")
    first_text, sep, last_text = text.partition("..")
    if not sep:
        last_text = first_text
    first = _phase_index(phases, first_text) if first_text.strip() else 0
    last = _phase_index(phases, last_text) if last_text.strip() else len(phases) - 1
    if first > last:
        raise ImageOptionError(
            f"the phase range {text!r} runs backwards "
            f"({phases[first].id} comes after {phases[last].id})"
        )
    return [phase.id for phase in phases[first : last + 1]]


def scoped_copy(
    blueprint: Blueprint, selection: Collection[str] | None = None, phases: str | None = None
) -> Blueprint:
    """The blueprint itself when nothing narrows it, else a copy holding only the chosen part.

    ``selection`` is a set of item ids (steps, flows, notes) as the editor selects them; a
    selected flow brings its two steps. ``phases`` is a range for :func:`phase_range`. Both
    given: the steps in both. Lanes and the line structure always stay, so the part still reads
    as a blueprint; phases stay when they hold a shown step.
    """
    if selection is None and phases is None:
        return blueprint
    keep = {step.id for step in blueprint.steps}
    kept_phases = {phase.id for phase in blueprint.phases}
    notes = {note.id for note in blueprint.notes}
    if selection is not None:
        chosen = set(selection)
        ends = {
            end
            for flow in blueprint.flows
            if flow.id in chosen
            for end in (flow.source, flow.target)
        }
        keep &= chosen | ends
        notes &= chosen
        if not keep and not notes:
            raise ImageOptionError("the selection holds no step or note of this blueprint")
    if phases is not None:
        kept_phases = set(phase_range(blueprint, phases))
        keep = {
            step.id for step in blueprint.steps if step.id in keep and step.phase in kept_phases
        }
        if selection is None:
            notes = _notes_among(blueprint, keep)
    if selection is not None:  # the phases the chosen steps sit in, not empty columns
        kept_phases &= {step.phase for step in blueprint.steps if step.id in keep}
    copy = blueprint.model_copy(deep=True)
    copy.steps = [step for step in copy.steps if step.id in keep]
    copy.flows = [flow for flow in copy.flows if flow.source in keep and flow.target in keep]
    copy.notes = [note for note in copy.notes if note.id in notes]
    copy.phases = [phase for phase in copy.phases if phase.id in kept_phases]
    return copy


def _notes_among(blueprint: Blueprint, keep: set[str]) -> set[str]:
    """The notes lying over the horizontal span of the kept steps."""
    xs = [step.layout.x for step in blueprint.steps if step.id in keep and step.layout]
    if not xs:
        return set()
    low, high = min(xs), max(xs) + CARD_W
    return {note.id for note in blueprint.notes if low - CARD_W / 2 <= note.layout.x <= high}
