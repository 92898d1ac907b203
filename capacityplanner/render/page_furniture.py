"""The title block and the footer every council page shares.

The title block holds a bold title, a subtitle and a right-aligned note (the
date, a page number) over a rule. The footer holds, from top to bottom, the
illustrative-data notice in a framed box (when there is one), the sources
with the licence credit, and the tool version with the date. The texts are
composed by the export; this module only lays them out.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen

from capacityplanner.render.page import MUTED, RULE, PageSpec, draw_text, font, text_height

__all__ = ["PageFooter", "PageHeader", "draw_footer", "draw_header"]

NOTICE_FILL = "#fff4d6"
NOTICE_EDGE = "#e0a100"
NOTICE_INK = "#6b4700"


@dataclass(frozen=True)
class PageHeader:
    """Texts of a page's title block."""

    title: str
    subtitle: str = ""
    right: str = ""


@dataclass(frozen=True)
class PageFooter:
    """Texts of a page's footer.

    Attributes
    ----------
    sources : str
        Data sources, licence and scenario.
    notice : str
        The illustrative-data notice, or ``""`` when no illustrative data are shown.
    version : str
        Tool version and date.
    """

    sources: str
    notice: str
    version: str


def draw_header(painter: QPainter, spec: PageSpec, rect: QRectF, header: PageHeader) -> float:
    """Draw the title block at the top of ``rect``; return the y where the body starts."""
    title_font = font(spec, 17 if spec.paper == "A3" else 15, bold=True)
    sub_font = font(spec, 10.5 if spec.paper == "A3" else 9.5)
    right_w = rect.width() * 0.22 if header.right else 0.0
    text_w = rect.width() - right_w - spec.mm(3)
    y = rect.top()
    y += draw_text(painter, QRectF(rect.left(), y, text_w, spec.mm(40)), header.title, title_font)
    y += spec.mm(1)
    y += draw_text(
        painter, QRectF(rect.left(), y, text_w, spec.mm(30)), header.subtitle, sub_font, MUTED
    )
    if header.right:
        draw_text(
            painter,
            QRectF(rect.right() - right_w, rect.top(), right_w, spec.mm(12)),
            header.right,
            sub_font,
            MUTED,
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop,
        )
    y += spec.mm(2)
    painter.save()
    painter.setPen(QPen(QColor(RULE), spec.mm(0.3)))
    painter.drawLine(QPointF(rect.left(), y), QPointF(rect.right(), y))
    painter.restore()
    return y + spec.mm(3)


def draw_footer(painter: QPainter, spec: PageSpec, rect: QRectF, footer: PageFooter) -> float:
    """Draw the footer at the bottom of ``rect``; return the y where the body must end."""
    small = font(spec, 7.5 if spec.paper == "A4" else 8.5)
    notice_font = font(spec, 7.5 if spec.paper == "A4" else 8.5, bold=True)
    notice = footer.notice
    w = rect.width()
    pad = spec.mm(1.5)
    h_sources = text_height(painter, w, footer.sources, small)
    h_version = text_height(painter, w, footer.version, small)
    h_notice = text_height(painter, w - 2 * pad, notice, notice_font) + 2 * pad if notice else 0.0
    gap = spec.mm(1)
    total = h_notice + (gap if notice else 0) + h_sources + gap / 2 + h_version
    top = rect.bottom() - total
    y = top
    if notice:
        box = QRectF(rect.left(), y, w, h_notice)
        painter.save()
        painter.setPen(QPen(QColor(NOTICE_EDGE), spec.mm(0.35)))
        painter.setBrush(QColor(NOTICE_FILL))
        painter.drawRect(box)
        painter.restore()
        draw_text(painter, box.adjusted(pad, pad, -pad, -pad), notice, notice_font, NOTICE_INK)
        y += h_notice + gap
    draw_text(painter, QRectF(rect.left(), y, w, h_sources + 1), footer.sources, small, MUTED)
    y += h_sources + gap / 2
    draw_text(painter, QRectF(rect.left(), y, w, h_version + 1), footer.version, small, MUTED)
    painter.save()
    painter.setPen(QPen(QColor(RULE), spec.mm(0.3)))
    painter.drawLine(
        QPointF(rect.left(), top - spec.mm(2)), QPointF(rect.right(), top - spec.mm(2))
    )
    painter.restore()
    return top - spec.mm(4)
