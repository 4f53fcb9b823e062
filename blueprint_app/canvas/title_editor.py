"""Inline editing of a card's title: a text item over the card; Enter or leaving commits, Esc
cancels. The edit reaches the document only through the callback (a history transaction)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFocusEvent, QKeyEvent, QPainter, QTextCursor
from PySide6.QtWidgets import QGraphicsTextItem, QStyleOptionGraphicsItem, QWidget

from blueprint_app.analysis import geometry as geo
from blueprint_app.render import style
from blueprint_app.render.items import Z_EDIT, CardItem

Done = Callable[[str, str | None], None]  # (step id, new title or None when cancelled)


class TitleEditor(QGraphicsTextItem):
    def __init__(self, card: CardItem, done: Done) -> None:
        super().__init__(card)
        self.card, self.step_id, self._done = card, card.step_id, done
        self._finished = False
        self.setZValue(Z_EDIT)
        self.setFont(style.font(11))
        self.setDefaultTextColor(style.INK)
        self.setPlainText(card.step.title)
        self.setTextWidth(geo.CARD_W - 8)
        self.setPos(4, 4)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextEditorInteraction)
        card.editing = True
        self.setFocus(Qt.FocusReason.OtherFocusReason)
        cursor = self.textCursor()
        cursor.select(QTextCursor.SelectionType.Document)
        self.setTextCursor(cursor)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setPen(style.pen(style.SELECTION, 1.2))
        painter.setBrush(QColor("#ffffff"))
        box = self.boundingRect()
        painter.drawRoundedRect(
            QRectF(box.left(), box.top(), box.width(), max(box.height(), geo.CARD_H - 8)), 4, 4
        )
        super().paint(painter, option, widget)  # type: ignore[arg-type]

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.commit()
        elif event.key() == Qt.Key.Key_Escape:
            self.finish(None)
        else:
            super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.commit()

    def commit(self) -> None:
        self.finish(" ".join(self.toPlainText().split()))

    def finish(self, text: str | None) -> None:
        if self._finished:
            return
        self._finished = True
        self.card.editing = False
        scene = self.scene()
        if scene is not None:
            scene.removeItem(self)
        self.card.update()
        self._done(self.step_id, text)
