"""Small tables and line charts drawn on a print page (vector in a PDF).

Used by the district atlas and the briefing report: a table of figures per
level and year, and a chart of values per series over the years with a zero
line (the zone below it shaded: places short). Texts, numbers and ticks come
ready-made from the export; this module only draws them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPainterPath, QPen

from capacityplanner.render.page import INK, MUTED, RULE, PageSpec, draw_text, font

__all__ = ["Chart", "Series", "Table", "TableCell", "draw_line_chart", "draw_table"]

SHORT_FILL = "#fde0dd"
SHORT_INK = "#b2182b"
BAND_FILL = "#f3f3f3"
BELOW_ZERO_FILL = "#fbeeee"


@dataclass(frozen=True)
class TableCell:
    """A cell's text and whether it shows a shortfall (drawn red on pink)."""

    text: str
    short: bool = False
    bold: bool = False


@dataclass
class Table:
    """A table: a header row and rows of cells (first column text, the others numbers)."""

    header: list[str]
    rows: list[list[TableCell | str]]
    first_width: float = 0.34
    points: float = 8.0


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


@dataclass
class Chart:
    """A line chart: its series, the value axis ticks and their labels, and its texts."""

    series: list[Series]
    ticks: list[float]
    tick_labels: list[str]
    title: str = ""
    y_label: str = ""
    mark_year: int | None = None


def draw_table(painter: QPainter, spec: PageSpec, rect: QRectF, table: Table) -> float:
    """Draw ``table`` (first column left-aligned text, the others right-aligned numbers).

    Returns
    -------
    float
        The height used.
    """
    header, rows = table.header, table.rows
    body = font(spec, table.points)
    bold = font(spec, table.points, bold=True)
    fm = QFontMetricsF(body)
    row_h = fm.height() * 1.55
    pad = spec.mm(1.2)
    n_other = max(len(header) - 1, 1)
    w0 = rect.width() * table.first_width
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
            painter.fillRect(QRectF(rect.left(), y, rect.width(), row_h), QColor(BAND_FILL))
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


def draw_line_chart(painter: QPainter, spec: PageSpec, rect: QRectF, chart: Chart) -> None:
    """Draw lines per series over the years with a zero line, axes, ticks and a legend."""
    series = chart.series
    small = font(spec, 7)
    title_font = font(spec, 8.5, bold=True)
    fm = QFontMetricsF(small)
    painter.save()
    top = rect.top()
    if chart.title:
        top += draw_text(painter, rect, chart.title, title_font) + spec.mm(1)
    # legend row at the bottom
    legend_h = fm.height() * 1.6
    x_label_h = fm.height() * 1.5
    years = sorted({y for s in series for y in s.years})
    if not years or len(chart.ticks) < 2:
        painter.restore()
        return
    lo, hi = float(chart.ticks[0]), float(chart.ticks[-1])
    axis_w = max(fm.horizontalAdvance(t) for t in chart.tick_labels) + spec.mm(2)
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
        QRectF(plot.left(), py(0), plot.width(), plot.bottom() - py(0)), QColor(BELOW_ZERO_FILL)
    )
    painter.setFont(small)
    grid = QPen(QColor("#dddddd"), spec.mm(0.15))
    for t, text in zip(chart.ticks, chart.tick_labels, strict=True):
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
    mark = chart.mark_year
    if mark is not None and x0 <= mark <= x1:
        pen = QPen(QColor("#888888"), spec.mm(0.25))
        pen.setStyle(Qt.PenStyle.DotLine)
        painter.setPen(pen)
        painter.drawLine(QPointF(px(mark), plot.top()), QPointF(px(mark), plot.bottom()))
    painter.setPen(QPen(QColor(INK), spec.mm(0.35)))
    painter.drawLine(QPointF(plot.left(), py(0)), QPointF(plot.right(), py(0)))
    painter.setPen(QPen(QColor(RULE), spec.mm(0.2)))
    painter.drawRect(plot)
    if chart.y_label:
        painter.setPen(QColor(MUTED))
        painter.drawText(
            QRectF(plot.left() + spec.mm(1), plot.top() + spec.mm(0.5), plot.width(), fm.height()),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop),
            chart.y_label,
        )
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
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
    _draw_chart_legend(painter, spec, series, plot.left(), rect.bottom() - legend_h / 2, fm)
    painter.restore()


def _draw_chart_legend(
    painter: QPainter,
    spec: PageSpec,
    series: Sequence[Series],
    x: float,
    y: float,
    fm: QFontMetricsF,
) -> None:
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
