"""Message arguments that are shown in the message's language: words that need translating
(lane kinds, step kinds, ...) and times."""

from __future__ import annotations


class Term(str):
    """A message argument looked up in the catalogue's term table instead of shown as is."""

    __slots__ = ()


class Duration(float):
    """A message argument in minutes, shown as people write a time in the message's language
    (``45 s``, ``1 h 30 min``, ``2 天``: :func:`blueprint_app.model.durations.format_minutes`)."""

    __slots__ = ()
