"""Map furniture shared by the canvas and the exports: scale bar and north arrow."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPen

__all__ = ["draw_north_arrow", "draw_scale_bar", "nice_scale_length", "format_distance"]


def nice_scale_length(resolution: float, max_px: float) -> tuple[float, float]:
    """The longest round length (1, 2 or 5 x 10^k metres) that fits in ``max_px`` pixels.

    Returns
    -------
    metres, pixels : float, float

    Examples
    --------
    >>> nice_scale_length(10.0, 150)
    (1000.0, 100.0)
    """
    max_m = max_px * resolution
    exp = math.floor(math.log10(max_m))
    for m in (5, 2, 1):
        length = m * 10.0**exp
        if length <= max_m:
            return length, length / resolution
    return 10.0**exp, 10.0**exp / resolution


def format_distance(metres: float) -> str:
    """``250 m`` or ``2 km``."""
    return f"{metres / 1000:g} km" if metres >= 1000 else f"{metres:g} m"


def draw_scale_bar(
    painter: QPainter,
    bottom_left: QPointF,
    resolution: float,
    *,
    max_px: float = 150.0,
    pixel_ratio: float = 1.0,
) -> QRectF:
    """Draw an alternating black/white bar of a round length; return its rectangle.

    ``resolution`` is metres per device pixel of the map being annotated.
    """
    metres, px = nice_scale_length(resolution, max_px * pixel_ratio)
    h = 5 * pixel_ratio
    x, y = bottom_left.x(), bottom_left.y() - h
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    pen = QPen(QColor("#222222"), max(1.0, pixel_ratio))
    painter.setPen(pen)
    n = 4
    for i in range(n):
        painter.setBrush(QColor("#222222") if i % 2 == 0 else QColor("#ffffff"))
        painter.drawRect(QRectF(x + i * px / n, y, px / n, h))
    font = QFont("DejaVu Sans")
    font.setPixelSize(max(1, round(11 * pixel_ratio)))
    painter.setFont(font)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    painter.drawText(QPointF(x, y - 3 * pixel_ratio), "0")
    label = format_distance(metres)
    w = painter.fontMetrics().horizontalAdvance(label)
    painter.drawText(QPointF(x + px - w / 2, y - 3 * pixel_ratio), label)
    painter.restore()
    return QRectF(x, y - 16 * pixel_ratio, px + w / 2, h + 16 * pixel_ratio)


def draw_north_arrow(painter: QPainter, rect: QRectF) -> None:
    """Draw a north arrow (half-filled arrowhead and an "N") inside ``rect``.

    Lambert 72 grid north is used as north (the difference from true north
    in Ghent is well under one degree).
    """
    cx = rect.center().x()
    top, bottom = rect.top() + rect.height() * 0.28, rect.bottom()
    half = rect.width() * 0.3
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    pen = QPen(QColor("#222222"), max(1.0, rect.width() / 30))
    painter.setPen(pen)
    left = QPainterPath(QPointF(cx, top))
    left.lineTo(cx - half, bottom)
    left.lineTo(cx, bottom - (bottom - top) * 0.3)
    left.closeSubpath()
    right = QPainterPath(QPointF(cx, top))
    right.lineTo(cx + half, bottom)
    right.lineTo(cx, bottom - (bottom - top) * 0.3)
    right.closeSubpath()
    painter.setBrush(QColor("#222222"))
    painter.drawPath(left)
    painter.setBrush(QColor("#ffffff"))
    painter.drawPath(right)
    font = QFont("DejaVu Sans")
    font.setBold(True)
    font.setPixelSize(max(1, round(rect.height() * 0.26)))
    painter.setFont(font)
    painter.drawText(
        QRectF(rect.left(), rect.top(), rect.width(), rect.height() * 0.28),
        Qt.AlignmentFlag.AlignCenter,
        "N",
    )
    painter.restore()
