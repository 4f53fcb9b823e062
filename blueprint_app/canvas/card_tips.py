"""What a card's tooltip says: the badge under the mouse, or else what the card cannot show.

The badges are small pictures; on the canvas each explains itself when hovered. Over the rest
of the card the tooltip names the whole title (a card elides long ones) and the fields the card
has no room for: customer-independent work, the tolerance, the cost in the blueprint's
currency. Pictures have no tooltips: their legend explains the badges instead.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPointF, QRectF

from blueprint_app.analysis import geometry as geo
from blueprint_app.model.blueprint import Metric, Step
from blueprint_app.render import painting


def _number(value: float) -> str:
    return f"{value:g}"


def badge_at(step: Step, pos: QPointF) -> str | None:
    """The badge of ``step``'s card under ``pos`` (card coordinates), or None."""
    names = painting.badges(step)
    centres = painting.badge_centres(QRectF(0, 0, geo.CARD_W, geo.CARD_H), len(names))
    reach = painting.BADGE_R + 1
    for name, centre in zip(names, centres, strict=True):  # the front-most badge first
        offset = pos - centre
        if offset.x() ** 2 + offset.y() ** 2 <= reach**2:
            return name
    return None


def metric_text(metric: Metric) -> str:
    """ "NPS: 45 % (target value 50 %)" — the parts that are set."""
    unit = f" {metric.unit}" if metric.unit else ""
    value = f"{_number(metric.value)}{unit}" if metric.value is not None else "—"
    if metric.target is None:
        return f"{metric.name}: {value}"
    target = f"{_number(metric.target)}{unit}"
    return QCoreApplication.translate("CardTips", "{name}: {value} (target value {target})").format(
        name=metric.name, value=value, target=target
    )


def badge_tip(step: Step, badge: str) -> str:
    if badge == "fail":
        return QCoreApplication.translate(
            "CardTips", "Fail point: where the service is likely to go wrong"
        )
    if badge == "moment":
        return QCoreApplication.translate(
            "CardTips", "Moment of truth: a contact that shapes the customer's opinion"
        )
    if badge == "wait":
        return QCoreApplication.translate("CardTips", "Wait, or expected time over the target")
    if badge == "emotion":
        return QCoreApplication.translate(
            "CardTips", "Customer's emotion: {value} (from −2 to +2)"
        ).format(value=f"{step.emotion:+d}")
    if badge == "policy":
        return QCoreApplication.translate("CardTips", "Policy: {text}").format(
            text=step.policy.strip()
        )
    if badge == "metrics":
        return "\n".join(
            [
                QCoreApplication.translate("CardTips", "Metrics:"),
                *(f"• {metric_text(m)}" for m in step.metrics),
            ]
        )
    return ""


def mark_tip(severity: str, messages: list[str]) -> str:
    """A validation mark's tooltip: how bad, what the findings say, where to read more."""
    head = {
        "error": QCoreApplication.translate("CardTips", "Error found by the checks"),
        "warning": QCoreApplication.translate("CardTips", "Warning found by the checks"),
    }.get(severity, QCoreApplication.translate("CardTips", "Note from the checks"))
    tail = QCoreApplication.translate("CardTips", "View ▸ Problems lists every finding")
    return "\n".join([head, *(f"• {message}" for message in messages), tail])


def card_tip(step: Step, currency: str = "") -> str:
    """The title and what the card does not show; "" for an untitled card with nothing else."""
    lines = [step.title] if step.title else []
    if step.customer_independent:
        lines.append(
            QCoreApplication.translate(
                "CardTips",
                "Customer-independent work: done regardless of any one customer, below the "
                "line of order penetration",
            )
        )
    if step.tolerance_minutes is not None:
        lines.append(
            QCoreApplication.translate("CardTips", "Tolerance: {n} min").format(
                n=_number(step.tolerance_minutes)
            )
        )
    if step.cost is not None:
        cost = _number(step.cost) + (f" {currency}" if currency else "")
        lines.append(QCoreApplication.translate("CardTips", "Cost: {cost}").format(cost=cost))
    return "\n".join(lines)


def tooltip(step: Step, pos: QPointF, currency: str = "") -> str:
    """The tooltip at ``pos`` (card coordinates) over ``step``'s card."""
    badge = badge_at(step, pos)
    return badge_tip(step, badge) if badge else card_tip(step, currency)
