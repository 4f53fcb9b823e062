"""Undo history built from the inverses the document returns: no command writes undo code.

An edit runs inside :meth:`History.transaction`; every operation applied through the transaction
is recorded with its inverse. A transaction with a ``merge_key`` equal to the previous entry's
(consecutive keystrokes in one field, a run of nudges) joins that entry instead of adding one.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from blueprint_app.history.document import Document, Operation


@dataclass
class Entry:
    """One undo step: a label for Edit > Undo and the operations that reverse it."""

    label: str
    undo_ops: list[Operation] = field(default_factory=list)
    merge_key: object = None


class Transaction:
    """Collects the inverses of what it applies; passed to edit functions as their only handle."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.inverses: list[Operation] = []

    def apply(self, operation: Operation) -> None:
        self.document.apply(operation, self.inverses.append)

    def rollback(self) -> None:
        """Undo what was applied, last first; a failing listener does not stop the rollback."""
        for inverse in reversed(self.inverses):
            with contextlib.suppress(Exception):
                self.document.apply(inverse)
        self.inverses.clear()


class History:
    """A linear undo/redo stack with a clean mark (the state last saved)."""

    def __init__(self, document: Document, limit: int = 1000) -> None:
        self.document = document
        self.limit = limit
        self.entries: list[Entry] = []
        self.index = 0  # entries[:index] are done, entries[index:] can be redone
        self.clean_index: int | None = 0
        self._open: Transaction | None = None
        self._listeners: list[Callable[[], None]] = []

    # -- state ---------------------------------------------------------------------------------
    def subscribe(self, listener: Callable[[], None]) -> Callable[[], None]:
        """``listener()`` runs after every finished transaction, undo and redo; call the
        function returned to stop it (a window handing its session to another one)."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    def _notify(self) -> None:
        for listener in list(self._listeners):
            listener()

    @property
    def can_undo(self) -> bool:
        return self.index > 0

    @property
    def can_redo(self) -> bool:
        return self.index < len(self.entries)

    @property
    def undo_label(self) -> str:
        return self.entries[self.index - 1].label if self.can_undo else ""

    @property
    def redo_label(self) -> str:
        return self.entries[self.index].label if self.can_redo else ""

    @property
    def is_clean(self) -> bool:
        return self.clean_index == self.index

    def set_clean(self) -> None:
        self.clean_index = self.index
        self._notify()

    # -- recording -----------------------------------------------------------------------------
    @contextmanager
    def transaction(self, label: str, merge_key: object = None) -> Iterator[Transaction]:
        """Run an edit; an exception rolls back what it applied and re-raises."""
        if self._open is not None:  # nested: the outer transaction records everything
            yield self._open
            return
        transaction = Transaction(self.document)
        self._open = transaction
        try:
            yield transaction
        except BaseException:
            transaction.rollback()
            raise
        finally:
            self._open = None
        if transaction.inverses:
            self._push(Entry(label, transaction.inverses, merge_key))
            self._notify()

    def _push(self, entry: Entry) -> None:
        del self.entries[self.index :]
        if self.clean_index is not None and self.clean_index > self.index:
            self.clean_index = None  # the saved state can no longer be reached
        top = self.entries[-1] if self.entries else None
        if (
            entry.merge_key is not None
            and top is not None
            and top.merge_key == entry.merge_key
            and self.clean_index != self.index
        ):
            top.undo_ops = top.undo_ops + entry.undo_ops
            return
        self.entries.append(entry)
        self.index += 1
        if len(self.entries) > self.limit:
            drop = len(self.entries) - self.limit
            del self.entries[:drop]
            self.index -= drop
            if self.clean_index is not None:
                self.clean_index = self.clean_index - drop if self.clean_index >= drop else None

    def break_merge(self) -> None:
        """End merging into the top entry (focus left the field, a different edit started)."""
        if self.can_undo:
            self.entries[self.index - 1].merge_key = None

    # -- undo and redo -------------------------------------------------------------------------
    def undo(self) -> None:
        if not self.can_undo:
            return
        entry = self.entries[self.index - 1]
        entry.undo_ops = self._replay(entry.undo_ops)
        entry.merge_key = None
        self.index -= 1
        self._notify()

    def redo(self) -> None:
        if not self.can_redo:
            return
        entry = self.entries[self.index]
        entry.undo_ops = self._replay(entry.undo_ops)
        self.index += 1
        self._notify()

    def _replay(self, operations: list[Operation]) -> list[Operation]:
        """Apply ``operations`` last to first; return what reverses them, in application order."""
        inverses: list[Operation] = []
        for operation in reversed(operations):
            self.document.apply(operation, inverses.append)
        return inverses

    def clear(self) -> None:
        self.entries.clear()
        self.index = 0
        self.clean_index = 0
        self._notify()
