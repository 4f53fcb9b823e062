"""Words inside messages that themselves need translating (lane kinds, step kinds, ...)."""

from __future__ import annotations


class Term(str):
    """A message argument looked up in the catalogue's term table instead of shown as is."""

    __slots__ = ()
