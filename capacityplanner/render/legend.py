"""Legend entries and their drawing, shared by the layer tree and the exports."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QPainterPath

from capacityplanner.render.layer import MapLayer
from capacityplanner.render.painter import marker_path, symbol_brush, symbol_pen
from capacityplanner.render.style import Symbol

__all__ = [
    "LegendEntry",
    "draw_legend",
    "draw_symbol",
    "layer_title",
    "legend_entries",
    "symbol_image",
    "translate_label",
]


@dataclass(frozen=True)
class LegendEntry:
    """One legend row: a symbol patch and its label."""

    label: str
    symbol: Symbol
    kind: str  # "point", "line" or "polygon"


def translate_label(label: str) -> str:
    """A legend label in the interface language (data values pass unchanged)."""
    return QCoreApplication.translate("Legend", label) if label else label


def layer_title(layer: MapLayer) -> str:
    """Title with the "(illustrative)" suffix for generated layers."""
    if layer.illustrative:
        suffix = QCoreApplication.translate("Legend", "(illustrative)")
        return f"{layer.title} {suffix}"
    return layer.title


def legend_entries(layer: MapLayer) -> list[LegendEntry]:
    """The rows of ``layer``'s legend, in the order the style lists them."""
    return [
        LegendEntry(translate_label(label), sym, layer.kind) for label, sym in layer.style.legend()
    ]


def draw_symbol(
    painter: QPainter, rect: QRectF, symbol: Symbol, kind: str, pixel_ratio: float = 1.0
) -> None:
    """Draw a legend patch of ``symbol`` for a ``kind`` layer inside ``rect``."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    pen = symbol_pen(symbol, pixel_ratio, cosmetic=False)
    if kind == "point":
        painter.setPen(pen)
        painter.setBrush(symbol_brush(symbol))
        size = min(symbol.size * pixel_ratio, rect.height(), rect.width())
        painter.drawPath(marker_path([[rect.center().x(), rect.center().y()]], size, symbol.marker))
    elif kind == "line":
        painter.setPen(pen)
        y = rect.center().y()
        path = QPainterPath(QPointF(rect.left() + 1, y + rect.height() * 0.15))
        path.cubicTo(
            QPointF(rect.center().x(), y - rect.height() * 0.35),
            QPointF(rect.center().x(), y + rect.height() * 0.35),
            QPointF(rect.right() - 1, y - rect.height() * 0.15),
        )
        painter.drawPath(path)
    else:
        painter.setPen(pen)
        painter.setBrush(symbol_brush(symbol))
        inset = max(pen.widthF(), 1.0) / 2 + 1
        painter.drawRect(rect.adjusted(inset, inset, -inset, -inset))
    painter.restore()


def symbol_image(symbol: Symbol, kind: str, size: int = 16) -> QImage:
    """A transparent ``size`` x ``size`` image of the symbol (for icons)."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    draw_symbol(painter, QRectF(0, 0, size, size), symbol, kind)
    painter.end()
    return image


def draw_legend(
    painter: QPainter,
    top_left: QPointF,
    layers: list[MapLayer],
    *,
    font_px: float = 12.0,
    pixel_ratio: float = 1.0,
    title: str | None = None,
) -> QRectF:
    """Draw a legend block (title, then each layer and its entries); return its rectangle.

    Illustrative layers get the "(illustrative)" suffix in italics.
    """
    f = font_px * pixel_ratio
    base = QFont("DejaVu Sans")
    base.setPixelSize(max(1, round(f)))
    bold = QFont(base)
    bold.setBold(True)
    italic = QFont(base)
    italic.setItalic(True)
    line = f * 1.5
    patch = QRectF(0, 0, f * 1.6, f * 1.1)
    x0, y = top_left.x(), top_left.y()
    width = 0.0
    painter.save()
    painter.setPen(QColor("#222222"))
    if title:
        big = QFont(bold)
        big.setPixelSize(max(1, round(f * 1.2)))
        painter.setFont(big)
        painter.drawText(QPointF(x0, y + f * 1.2), title)
        width = QFontMetricsF(big).horizontalAdvance(title)
        y += line * 1.2
    for layer in layers:
        entries = legend_entries(layer)
        font = bold if not layer.illustrative else QFont(bold)
        font.setItalic(layer.illustrative)
        painter.setFont(font)
        text = layer_title(layer)
        single = len(entries) == 1 and not entries[0].label
        if single:
            draw_symbol(
                painter,
                patch.translated(x0, y + (line - patch.height()) / 2),
                entries[0].symbol,
                layer.kind,
                pixel_ratio,
            )
            painter.drawText(QPointF(x0 + patch.width() + f * 0.5, y + f), text)
            width = max(
                width, patch.width() + f * 0.5 + QFontMetricsF(font).horizontalAdvance(text)
            )
            y += line
            continue
        painter.drawText(QPointF(x0, y + f), text)
        width = max(width, QFontMetricsF(font).horizontalAdvance(text))
        y += line
        painter.setFont(italic if layer.illustrative else base)
        for entry in entries:
            draw_symbol(
                painter,
                patch.translated(x0 + f, y + (line - patch.height()) / 2),
                entry.symbol,
                entry.kind,
                pixel_ratio,
            )
            painter.drawText(QPointF(x0 + f + patch.width() + f * 0.5, y + f), entry.label)
            width = max(
                width, f * 1.5 + patch.width() + QFontMetricsF(base).horizontalAdvance(entry.label)
            )
            y += line
    painter.restore()
    return QRectF(top_left.x(), top_left.y(), width, y - top_left.y())
