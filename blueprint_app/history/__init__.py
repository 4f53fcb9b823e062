"""Undoable editing (no Qt): the live document, transactions, the undo stack, edit commands."""

from blueprint_app.history.document import BLUEPRINT, Change, Document
from blueprint_app.history.undo import Entry, History, Transaction

__all__ = ["BLUEPRINT", "Change", "Document", "Entry", "History", "Transaction"]
