"""Draw a :class:`~capacityplanner.render.map_model.MapModel` on any QPainter.

The same function paints the interactive canvas, a PNG or a PDF page. Paths
are cached per layer in map coordinates; each paint only sets a
:class:`QTransform`, so a repaint after zoom or pan rebuilds nothing.
Widths and marker sizes are in device pixels at 96 dpi, multiplied by
``pixel_ratio`` for print devices.
"""

from __future__ import annotations

import numpy as np
import shapely
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPainterPath, QPen

from capacityplanner.render.geometry import path_from_coordinates, path_from_geometries
from capacityplanner.render.layer import MapLayer
from capacityplanner.render.map_model import MapModel
from capacityplanner.render.style import Symbol
from capacityplanner.render.transform import MapTransform

__all__ = [
    "HIGHLIGHT",
    "draw_layer",
    "draw_selection",
    "marker_path",
    "qcolor",
    "render_map",
    "symbol_brush",
    "symbol_pen",
]

_MARKER_CHUNK = 4

#: Colour of selected features.
HIGHLIGHT = "#ffd400"

# Unit marker outlines (diameter 1), closed.
_N_CIRCLE = 20
_MARKERS = {
    "circle": np.c_[
        np.cos(np.linspace(0, 2 * np.pi, _N_CIRCLE + 1)),
        np.sin(np.linspace(0, 2 * np.pi, _N_CIRCLE + 1)),
    ]
    / 2,
    "square": np.array([[-1, -1], [1, -1], [1, 1], [-1, 1], [-1, -1]]) * 0.42,
    "triangle": np.array([[0, -0.55], [0.5, 0.35], [-0.5, 0.35], [0, -0.55]]),
    "diamond": np.array([[0, -0.55], [0.55, 0], [0, 0.55], [-0.55, 0], [0, -0.55]]),
}


def qcolor(color: str, opacity: float = 1.0) -> QColor:
    """A QColor from ``#rrggbb`` and an opacity 0-1."""
    c = QColor(color)
    c.setAlphaF(max(0.0, min(1.0, opacity)))
    return c


def symbol_pen(symbol: Symbol, pixel_ratio: float = 1.0, cosmetic: bool = True) -> QPen:
    """The outline/line pen of ``symbol`` (``Qt.NoPen`` when it has no stroke)."""
    if not symbol.stroke or symbol.stroke_width <= 0:
        return QPen(Qt.PenStyle.NoPen)
    pen = QPen(qcolor(symbol.stroke))
    pen.setWidthF(symbol.stroke_width * pixel_ratio)
    pen.setCosmetic(cosmetic)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    if symbol.dashed:
        pen.setStyle(Qt.PenStyle.DashLine)
    return pen


def symbol_brush(symbol: Symbol) -> QBrush:
    """The fill brush of ``symbol`` (``Qt.NoBrush`` when hollow)."""
    if not symbol.fill or symbol.fill_opacity <= 0:
        return QBrush(Qt.BrushStyle.NoBrush)
    return QBrush(qcolor(symbol.fill, symbol.fill_opacity))


def marker_path(centers: np.ndarray, size: float, marker: str = "circle") -> QPainterPath:
    """One path with a marker outline of diameter ``size`` around each centre (device pixels)."""
    unit = _MARKERS.get(marker, _MARKERS["circle"])
    centers = np.asarray(centers, dtype=float).reshape(-1, 2)
    if len(centers) == 0:
        return QPainterPath()
    coords = (centers[:, None, :] + unit[None, :, :] * size).reshape(-1, 2)
    starts = np.zeros((len(centers), len(unit)), dtype=bool)
    starts[:, 0] = True
    return path_from_coordinates(coords, starts.ravel(), odd_even=False)


def draw_layer(
    painter: QPainter, layer: MapLayer, transform: MapTransform, pixel_ratio: float = 1.0
) -> None:
    """Draw the features of one layer with its style."""
    world = transform.qtransform()
    view = transform.extent()
    for batch in layer.batches(transform.resolution):
        symbol = batch.symbol
        if layer.kind == "point":
            pts = batch.points
            inside = (
                (pts[:, 0] >= view[0])
                & (pts[:, 0] <= view[2])
                & (pts[:, 1] >= view[1])
                & (pts[:, 1] <= view[3])
            )
            if not inside.any():
                continue
            painter.save()
            painter.setPen(symbol_pen(symbol, pixel_ratio, cosmetic=False))
            painter.setBrush(symbol_brush(symbol))
            dev = transform.to_device_array(pts[inside])
            # wide outlines of many overlapping markers in one path stroke slowly: chunk them
            step = _MARKER_CHUNK if symbol.stroke and symbol.stroke_width > 1 else len(dev)
            for j in range(0, len(dev), step):
                painter.drawPath(
                    marker_path(dev[j : j + step], symbol.size * pixel_ratio, symbol.marker)
                )
            painter.restore()
            continue
        painter.save()
        painter.setWorldTransform(world, True)
        if batch.fill is not None:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(symbol_brush(symbol))
            painter.drawPath(batch.fill)
        painter.setPen(symbol_pen(symbol, pixel_ratio))
        polygon_fill = layer.kind == "polygon" and batch.fill is None
        painter.setBrush(symbol_brush(symbol) if polygon_fill else QBrush(Qt.BrushStyle.NoBrush))
        for path in batch.paths:
            painter.drawPath(path)
        painter.restore()


def draw_selection(
    painter: QPainter,
    layer: MapLayer,
    ids: list[int],
    transform: MapTransform,
    pixel_ratio: float = 1.0,
    color: str = HIGHLIGHT,
) -> None:
    """Highlight the features ``ids`` of ``layer``."""
    ids = [i for i in ids if i in layer.frame.index]
    if not ids:
        return
    geoms = np.asarray(layer.frame.geometry.loc[ids].values, dtype=object)
    painter.save()
    if layer.kind == "point":
        pts = shapely.get_coordinates(geoms)
        pen = QPen(qcolor(color), 3 * pixel_ratio)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        size = max((b.symbol.size for b in layer.batches()), default=8.0) + 6
        painter.drawPath(marker_path(transform.to_device_array(pts), size * pixel_ratio, "circle"))
    else:
        painter.setWorldTransform(transform.qtransform(), True)
        if layer.kind == "polygon":
            painter.setBrush(QBrush(qcolor(color, 0.35)))
        pen = QPen(qcolor(color), 3 * pixel_ratio)
        pen.setCosmetic(True)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        painter.drawPath(path_from_geometries(geoms))
    painter.restore()


def draw_labels(
    painter: QPainter, layer: MapLayer, transform: MapTransform, pixel_ratio: float = 1.0
) -> None:
    """Draw the label field of ``layer`` centred on its features, with a halo."""
    style = layer.labels
    if style is None or style.field not in layer.frame.columns or len(layer) == 0:
        return
    anchors = layer.anchors()
    xmin, ymin, xmax, ymax = transform.extent()
    inside = (
        (anchors[:, 0] >= xmin)
        & (anchors[:, 0] <= xmax)
        & (anchors[:, 1] >= ymin)
        & (anchors[:, 1] <= ymax)
    )
    if not inside.any():
        return
    dev = transform.to_device_array(anchors[inside])
    texts = layer.frame[style.field].to_numpy()[inside]
    font = QFont("DejaVu Sans")
    font.setPixelSize(max(1, round(style.size * pixel_ratio * 96 / 72)))
    font.setBold(style.bold)
    painter.save()
    painter.setFont(font)
    fm = painter.fontMetrics()
    items = []
    taken: list[QRectF] = []
    # larger features first: their labels win when labels would overlap
    order = np.argsort(-layer.label_priority()[inside], kind="stable")
    dev, texts = dev[order], texts[order]
    for (x, y), text in zip(dev, texts, strict=False):
        if text is None or (isinstance(text, float) and np.isnan(text)):
            continue
        s = str(text)
        w = fm.horizontalAdvance(s)
        box = QRectF(x - w / 2 - 2, y - fm.ascent() / 2 - 2, w + 4, fm.height() + 4)
        if any(box.intersects(other) for other in taken):
            continue  # keep the map legible: a label never covers another
        taken.append(box)
        items.append((QPointF(x - w / 2, y + fm.ascent() / 2 - 1), s))
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    if style.halo:
        # a halo from the glyph cache: the text drawn around its position
        painter.setPen(qcolor(style.halo, 0.85))
        d = 1.2 * pixel_ratio
        offsets = [
            QPointF(dx * d, dy * d)
            for dx, dy in ((-1, -1), (0, -1), (1, -1), (-1, 0), (1, 0), (-1, 1), (0, 1), (1, 1))
        ]
        for pos, s in items:
            for off in offsets:
                painter.drawText(pos + off, s)
    painter.setPen(qcolor(style.color))
    for pos, s in items:
        painter.drawText(pos, s)
    painter.restore()


def render_map(
    painter: QPainter,
    model: MapModel,
    transform: MapTransform,
    *,
    pixel_ratio: float = 1.0,
    selection: bool = True,
    labels: bool = True,
    antialias: bool = True,
) -> None:
    """Draw every visible layer of ``model`` bottom to top, then selection and labels.

    Parameters
    ----------
    painter : QPainter
        Active painter on a widget, QImage or QPdfWriter; its current
        transform positions the map frame (device pixel 0,0 of ``transform``).
    model : MapModel
        Layers to draw.
    transform : MapTransform
        Visible extent and device size.
    pixel_ratio : float
        Device pixels per screen pixel (e.g. 300/96 for a 300 dpi page).
    selection, labels : bool
        Draw the selection highlight and the labels.
    antialias : bool
        Smooth edges.
    """
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, antialias)
    visible = [layer for layer in model.layers if layer.visible]
    for layer in visible:
        draw_layer(painter, layer, transform, pixel_ratio)
    if selection:
        for layer in visible:
            draw_selection(painter, layer, model.selection(layer.name), transform, pixel_ratio)
    if labels:
        for layer in visible:
            draw_labels(painter, layer, transform, pixel_ratio)
    painter.restore()
