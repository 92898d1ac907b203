"""Small tables and line charts drawn with QPainter on a print page (vector in a PDF).

Used by the district atlas and the briefing report: a table of figures per
level and year, and a chart of the balance per level over the years with a
zero line (below it: places short).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainterPath, QPen

from capacityplanner.export.page import INK, MUTED, RULE, PageSpec, draw_text, font
from capacityplanner.export.symbology import nice_step

__all__ = ["LEVEL_COLORS", "Series", "TableCell", "draw_line_chart", "draw_table", "format_count"]

#: Line colour of each level in the charts.
LEVEL_COLORS: dict[str, str] = {
    "kinderopvang": "#e08214",
    "kleuter": "#67a9cf",
    "lager": "#2166ac",
    "basis": "#2166ac",
    "secundair": "#762a83",
    "bso": "#01665e",
    "jeugd": "#1b7837",
}
SHORT_FILL = "#fde0dd"
SHORT_INK = "#b2182b"


def format_count(value: float, language: str = "nl", signed: bool = False) -> str:
    """A whole number with a thin thousands separator (Dutch ``.``, English ``,``).

    Examples
    --------
    >>> format_count(-1234.4, "nl", signed=True)
    '−1.234'
    >>> format_count(56.2, "en", signed=True)
    '+56'
    """
    if value is None or not np.isfinite(value):
        return "–"
    n = int(round(float(value)))
    text = f"{abs(n):,}"
    if language == "nl":
        text = text.replace(",", ".")
    if n < 0:
        return "−" + text
    return ("+" if signed and n > 0 else "") + text


@dataclass(frozen=True)
class TableCell:
    """A cell's text and whether it shows a shortfall (drawn red on pink)."""

    text: str
    short: bool = False
    bold: bool = False


def draw_table(
    painter,
    spec: PageSpec,
    rect: QRectF,
    header: Sequence[str],
    rows: Sequence[Sequence[TableCell | str]],
    *,
    first_width: float = 0.34,
    points: float = 8.0,
) -> float:
    """Draw a table (first column left-aligned text, the others right-aligned numbers).

    Returns
    -------
    float
        The height used.
    """
    body = font(spec, points)
    bold = font(spec, points, bold=True)
    fm = QFontMetricsF(body)
    row_h = fm.height() * 1.55
    pad = spec.mm(1.2)
    n_other = max(len(header) - 1, 1)
    w0 = rect.width() * first_width
    wi = (rect.width() - w0) / n_other
    xs = [rect.left()] + [rect.left() + w0 + i * wi for i in range(n_other + 1)]
    y = rect.top()
    painter.save()
    # header: wrapped, bottom-aligned over a rule
    head_h = max(
        painter.boundingRect(
            QRectF(0, 0, (w0 if i == 0 else wi) - 2 * pad, row_h * 3),
            int(Qt.TextFlag.TextWordWrap),
            text,
        ).height()
        for i, text in enumerate(header)
    )
    head_h = max(head_h, row_h) + pad
    for i, text in enumerate(header):
        align = Qt.AlignmentFlag.AlignLeft if i == 0 else Qt.AlignmentFlag.AlignRight
        draw_text(
            painter,
            QRectF(xs[i] + pad, y, xs[i + 1] - xs[i] - 2 * pad, head_h - pad / 2),
            text,
            bold,
            INK,
            align | Qt.AlignmentFlag.AlignBottom,
        )
    y += head_h
    painter.setPen(QPen(QColor(INK), spec.mm(0.3)))
    painter.drawLine(QPointF(rect.left(), y), QPointF(rect.right(), y))
    for r, row in enumerate(rows):
        if r % 2 == 1:
            painter.fillRect(QRectF(rect.left(), y, rect.width(), row_h), QColor("#f3f3f3"))
        for i, cell in enumerate(row):
            cell = cell if isinstance(cell, TableCell) else TableCell(str(cell))
            box = QRectF(xs[i] + pad / 2, y + 0.5, xs[i + 1] - xs[i] - pad, row_h - 1)
            if cell.short:
                painter.fillRect(box, QColor(SHORT_FILL))
            align = Qt.AlignmentFlag.AlignLeft if i == 0 else Qt.AlignmentFlag.AlignRight
            draw_text(
                painter,
                box.adjusted(pad / 2, 0, -pad / 2, 0),
                cell.text,
                bold if cell.bold else body,
                SHORT_INK if cell.short else INK,
                align | Qt.AlignmentFlag.AlignVCenter,
                wrap=False,
            )
        y += row_h
    painter.setPen(QPen(QColor(RULE), spec.mm(0.25)))
    painter.drawLine(QPointF(rect.left(), y), QPointF(rect.right(), y))
    painter.restore()
    return y - rect.top()


@dataclass
class Series:
    """One line of a chart: a label, a colour and values per year."""

    label: str
    color: str
    years: list[int]
    values: list[float]
    dashed: bool = False
    width: float = 0.5  # millimetres
    extra: dict = field(default_factory=dict)


def _ticks(lo: float, hi: float, n: int = 5) -> np.ndarray:
    step = nice_step(hi - lo, n)
    start = np.floor(lo / step) * step
    stop = np.ceil(hi / step) * step
    return np.arange(start, stop + step / 2, step)


def draw_line_chart(
    painter,
    spec: PageSpec,
    rect: QRectF,
    series: Sequence[Series],
    *,
    title: str = "",
    y_label: str = "",
    language: str = "nl",
    mark_year: int | None = None,
) -> None:
    """Draw lines per series over the years with a zero line, axes, ticks and a legend."""
    small = font(spec, 7)
    title_font = font(spec, 8.5, bold=True)
    fm = QFontMetricsF(small)
    painter.save()
    top = rect.top()
    if title:
        top += draw_text(painter, rect, title, title_font) + spec.mm(1)
    # legend row at the bottom
    legend_h = fm.height() * 1.6
    x_label_h = fm.height() * 1.5
    values = np.array([v for s in series for v in s.values], dtype=float)
    years = sorted({y for s in series for y in s.years})
    if not len(years) or not np.isfinite(values).any():
        painter.restore()
        return
    lo, hi = float(np.nanmin(values)), float(np.nanmax(values))
    lo, hi = min(lo, 0.0), max(hi, 0.0)
    if hi - lo < 1:
        hi, lo = hi + 1, lo - 1
    ticks = _ticks(lo, hi)
    lo, hi = float(ticks[0]), float(ticks[-1])
    y_labels = [format_count(t, language) for t in ticks]
    axis_w = max(fm.horizontalAdvance(t) for t in y_labels) + spec.mm(2)
    plot = QRectF(
        rect.left() + axis_w,
        top + spec.mm(1),
        rect.width() - axis_w - spec.mm(2),
        rect.bottom() - top - legend_h - x_label_h - spec.mm(1),
    )
    if plot.height() <= 0 or plot.width() <= 0:
        painter.restore()
        return
    x0, x1 = years[0], years[-1] if years[-1] > years[0] else years[0] + 1

    def px(year: float) -> float:
        return plot.left() + (year - x0) / (x1 - x0) * plot.width()

    def py(value: float) -> float:
        return plot.bottom() - (value - lo) / (hi - lo) * plot.height()

    # shortfall zone below zero
    painter.fillRect(
        QRectF(plot.left(), py(0), plot.width(), plot.bottom() - py(0)), QColor("#fbeeee")
    )
    painter.setFont(small)
    grid = QPen(QColor("#dddddd"), spec.mm(0.15))
    for t, text in zip(ticks, y_labels, strict=True):
        painter.setPen(grid)
        painter.drawLine(QPointF(plot.left(), py(t)), QPointF(plot.right(), py(t)))
        painter.setPen(QColor(MUTED))
        painter.drawText(
            QRectF(rect.left(), py(t) - fm.height() / 2, axis_w - spec.mm(1.2), fm.height()),
            int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
            text,
        )
    step = 1 if len(years) <= 8 else (2 if len(years) <= 16 else 5)
    for year in years:
        if (year - x0) % step:
            continue
        painter.setPen(QColor(MUTED))
        painter.drawText(
            QRectF(px(year) - spec.mm(8), plot.bottom() + spec.mm(0.8), spec.mm(16), fm.height()),
            int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop),
            str(year),
        )
    if mark_year is not None and x0 <= mark_year <= x1:
        pen = QPen(QColor("#888888"), spec.mm(0.25))
        pen.setStyle(Qt.PenStyle.DotLine)
        painter.setPen(pen)
        painter.drawLine(QPointF(px(mark_year), plot.top()), QPointF(px(mark_year), plot.bottom()))
    painter.setPen(QPen(QColor(INK), spec.mm(0.35)))
    painter.drawLine(QPointF(plot.left(), py(0)), QPointF(plot.right(), py(0)))
    painter.setPen(QPen(QColor(RULE), spec.mm(0.2)))
    painter.drawRect(plot)
    if y_label:
        painter.setPen(QColor(MUTED))
        painter.drawText(
            QRectF(plot.left() + spec.mm(1), plot.top() + spec.mm(0.5), plot.width(), fm.height()),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop),
            y_label,
        )
    painter.setRenderHint(painter.RenderHint.Antialiasing, True)
    for s in series:
        pts = [(px(y), py(v)) for y, v in zip(s.years, s.values, strict=True) if np.isfinite(v)]
        if len(pts) < 1:
            continue
        path = QPainterPath(QPointF(*pts[0]))
        for p in pts[1:]:
            path.lineTo(QPointF(*p))
        pen = QPen(QColor(s.color), spec.mm(s.width))
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        if s.dashed:
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)
    # legend
    x = plot.left()
    y = rect.bottom() - legend_h / 2
    for s in series:
        pen = QPen(QColor(s.color), spec.mm(max(s.width, 0.6)))
        if s.dashed:
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.drawLine(QPointF(x, y), QPointF(x + spec.mm(6), y))
        painter.setPen(QColor(INK))
        w = fm.horizontalAdvance(s.label)
        painter.drawText(
            QRectF(x + spec.mm(7), y - fm.height() / 2, w + spec.mm(1), fm.height()),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            s.label,
        )
        x += spec.mm(10) + w
    painter.restore()
