"""The map canvas: draws the map model itself, with pan, zoom, identify and select."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QPoint, QPointF, QRect, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from capacityplanner.render.decorations import draw_north_arrow, draw_scale_bar
from capacityplanner.render.map_model import MapModel
from capacityplanner.render.painter import draw_selection, render_map
from capacityplanner.render.transform import MapTransform

__all__ = ["MapCanvas", "Tool"]

#: Colour around the municipality (no data).
BACKGROUND = "#e4e9ee"
#: Outline of the identified feature.
MARK = "#e31a1c"


class Tool(Enum):
    """What a left-button drag or click does on the canvas."""

    PAN = "pan"
    ZOOM = "zoom"
    IDENTIFY = "identify"
    SELECT = "select"


class MapCanvas(QWidget):
    """Interactive view of a :class:`MapModel`.

    Left button: the current :class:`Tool`; middle button drag: pan; wheel:
    zoom about the cursor. Every paint redraws the layers from their cached
    paths through the current :class:`MapTransform`.

    Signals
    -------
    extentChanged()
        The visible extent or scale changed.
    mouseMoved(float, float)
        Map coordinates under the cursor.
    featureIdentified(str, int)
        Identify hit: layer name and feature id.
    nothingIdentified()
        Identify click on no feature.
    firstPainted()
        The map was painted for the first time (see :attr:`painted`).
    """

    extentChanged = Signal()
    mouseMoved = Signal(float, float)
    featureIdentified = Signal(str, int)
    nothingIdentified = Signal()
    firstPainted = Signal()

    #: Hit-test tolerance in pixels.
    TOLERANCE_PX = 5.0

    def __init__(self, model: MapModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.transform = MapTransform(width=max(self.width(), 1), height=max(self.height(), 1))
        self.tool = Tool.PAN
        self.active_layer: str | None = None
        #: The feature last identified, outlined in red: (layer, id) or None.
        self.marked: tuple[str, int] | None = None
        self._press: QPoint | None = None
        self._last: QPoint | None = None
        self._band: QRect | None = None
        self._panning = False
        self._fitted = False
        #: True once the layers have been painted on the widget.
        self.painted = False
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(200, 150)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self._warmup = QTimer(self, singleShot=True, interval=150)
        self._warmup.timeout.connect(self._warm_detail_levels)
        model.layersChanged.connect(self.update)
        model.layerChanged.connect(lambda _name: self.update())
        model.selectionChanged.connect(lambda _name: self.update())

    # -- extent -------------------------------------------------------------
    def set_extent(self, bounds: tuple[float, float, float, float], margin: float = 0.03) -> None:
        """Show ``bounds`` whole."""
        self.transform.resize(self.width(), self.height())
        self.transform.set_extent(bounds, margin)
        self._fitted = True
        self._changed()

    def extent(self) -> tuple[float, float, float, float]:
        """The visible map rectangle."""
        return self.transform.extent()

    def scale(self) -> float:
        """Scale denominator (1:N) on this screen."""
        return self.transform.scale(self.logicalDpiX() or 96)

    def zoom_full(self) -> None:
        """Show every layer."""
        bounds = self.model.full_extent()
        if bounds:
            self.set_extent(bounds)

    def zoom_to_layer(self, name: str) -> None:
        """Show the whole of layer ``name``."""
        bounds = self.model.layer(name).extent()
        if bounds:
            self.zoom_to_bounds(bounds)

    def zoom_to_selection(self) -> bool:
        """Show the selected features of every layer; False when nothing is selected."""
        boxes = [
            self.model.layer(n).extent(self.model.selection(n))
            for n in self.model.selected_layers()
        ]
        boxes = [b for b in boxes if b]
        if not boxes:
            return False
        self.zoom_to_bounds(
            (
                min(b[0] for b in boxes),
                min(b[1] for b in boxes),
                max(b[2] for b in boxes),
                max(b[3] for b in boxes),
            )
        )
        return True

    def zoom_to_bounds(
        self, bounds: tuple[float, float, float, float], min_size: float = 400.0
    ) -> None:
        """Show ``bounds`` with a margin, never closer than ``min_size`` metres across."""
        xmin, ymin, xmax, ymax = bounds
        cx, cy = (xmin + xmax) / 2, (ymin + ymax) / 2
        half = min_size / 2
        bounds = (
            min(xmin, cx - half),
            min(ymin, cy - half),
            max(xmax, cx + half),
            max(ymax, cy + half),
        )
        self.set_extent(bounds, margin=0.1)

    def zoom_by(self, factor: float, anchor: QPointF | None = None) -> None:
        """Zoom in (factor > 1) or out about ``anchor`` (widget pixels) or the centre."""
        self.transform.zoom(factor, (anchor.x(), anchor.y()) if anchor is not None else None)
        self._changed()

    def pan_by(self, dx: float, dy: float) -> None:
        """Move the map content by ``dx, dy`` pixels."""
        self.transform.pan(dx, dy)
        self._changed()

    def _changed(self) -> None:
        self.update()
        self.extentChanged.emit()
        self._warmup.start()

    def _warm_detail_levels(self) -> None:
        """Build the paths of the neighbouring zoom levels while the user is idle."""
        for layer in self.model.layers:
            if layer.visible and layer.kind != "point":
                for f in (4.0, 0.25):
                    layer.batches(self.transform.resolution * f)

    # -- hit testing --------------------------------------------------------
    def features_at(self, pos: QPointF, layer: str | None = None) -> list[tuple[str, int]]:
        """Features under widget position ``pos``, top layer first (rtree, then exact distance)."""
        x, y = self.transform.to_map(pos.x(), pos.y())
        tol = self.TOLERANCE_PX * self.transform.resolution
        layers = (
            [self.model.layer(layer)]
            if layer
            else [lyr for lyr in reversed(self.model.layers) if lyr.visible]
        )
        hits = []
        for lyr in layers:
            hits.extend((lyr.name, fid) for fid in lyr.features_at(x, y, tol))
        return hits

    def mark(self, layer: str | None, fid: int | None = None) -> None:
        """Outline one feature (the identified one) in red; None clears the mark."""
        self.marked = (layer, int(fid)) if layer is not None and fid is not None else None
        self.update()

    def identify_at(self, pos: QPointF) -> tuple[str, int] | None:
        """Identify the top feature under ``pos``; emit the result and return it."""
        hits = self.features_at(pos)
        if not hits:
            self.mark(None)
            self.nothingIdentified.emit()
            return None
        self.mark(*hits[0])
        self.featureIdentified.emit(*hits[0])
        return hits[0]

    def select_at(self, pos: QPointF, add: bool = False) -> None:
        """Select the feature under ``pos`` in the active layer (or the top layer hit)."""
        hits = self.features_at(pos, self.active_layer if self.active_layer in self.model else None)
        if not hits:
            if not add:
                self.model.clear_selection()
            return
        name, fid = hits[0]
        if not add:
            for other in self.model.selected_layers():
                if other != name:
                    self.model.clear_selection(other)
        self.model.select(name, [fid], add=add)

    def select_in(self, rect: QRect, add: bool = False) -> None:
        """Select the features of the active layer inside a widget rectangle."""
        name = self.active_layer if self.active_layer in self.model else None
        if name is None:
            return
        x0, y0 = self.transform.to_map(rect.left(), rect.bottom())
        x1, y1 = self.transform.to_map(rect.right(), rect.top())
        self.model.select(name, self.model.layer(name).features_in((x0, y0, x1, y1)), add=add)

    # -- events -------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        self.transform.resize(event.size().width(), event.size().height())
        if not self._fitted:
            bounds = self.model.full_extent()
            if bounds:
                self.transform.set_extent(bounds, 0.03)
                self._fitted = True
        self.extentChanged.emit()
        super().resizeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        try:
            self.paint(painter)
        finally:
            painter.end()
            if not self.painted:  # even after a failed paint: what waits for it still runs
                self.painted = True
                self.firstPainted.emit()

    def paint(self, painter: QPainter) -> None:
        """Draw background, layers, rubber band, scale bar and north arrow."""
        painter.fillRect(self.rect(), QColor(BACKGROUND))
        render_map(painter, self.model, self.transform)
        if self.marked and self.marked[0] in self.model:
            layer = self.model.layer(self.marked[0])
            if layer.visible and self.marked[1] in layer.frame.index:
                painter.save()
                painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
                draw_selection(painter, layer, [self.marked[1]], self.transform, color=MARK)
                painter.restore()
        if self._band is not None:
            painter.setPen(QPen(QColor("#1f5fa8"), 1, Qt.PenStyle.DashLine))
            painter.setBrush(QColor(31, 95, 168, 40))
            painter.drawRect(self._band)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        box = QRectF(10, self.height() - 42, 190, 34)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(255, 255, 255, 200))
        painter.drawRoundedRect(box, 3, 3)
        draw_scale_bar(
            painter, QPointF(20, self.height() - 14), self.transform.resolution, max_px=160
        )
        arrow = QRectF(self.width() - 48, 12, 32, 48)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(255, 255, 255, 200))
        painter.drawRoundedRect(arrow.adjusted(-4, -4, 4, 4), 3, 3)
        draw_north_arrow(painter, arrow)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        self._press = self._last = event.position().toPoint()
        self._panning = event.button() == Qt.MouseButton.MiddleButton or (
            event.button() == Qt.MouseButton.LeftButton and self.tool == Tool.PAN
        )
        if self._panning:
            self.setCursor(Qt.CursorShape.ClosedHandCursor)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        pos = event.position().toPoint()
        self.mouseMoved.emit(*self.transform.to_map(pos.x(), pos.y()))
        if self._press is None:
            return
        if self._panning and self._last is not None:
            d = pos - self._last
            self._last = pos
            self.pan_by(d.x(), d.y())
        elif self.tool in (Tool.ZOOM, Tool.SELECT):
            self._band = QRect(self._press, pos).normalized()
            self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        pos = event.position().toPoint()
        press, band, panning = self._press, self._band, self._panning
        self._press = self._last = self._band = None
        self._panning = False
        self.unsetCursor()
        if press is None or panning:
            self.update()
            return
        add = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        dragged = band is not None and band.width() > 3 and band.height() > 3
        if self.tool == Tool.ZOOM:
            if dragged:
                x0, y0 = self.transform.to_map(band.left(), band.bottom())
                x1, y1 = self.transform.to_map(band.right(), band.top())
                self.set_extent((x0, y0, x1, y1), margin=0.0)
            else:
                self.zoom_by(2.0, QPointF(pos))
        elif self.tool == Tool.IDENTIFY:
            self.identify_at(QPointF(pos))
        elif self.tool == Tool.SELECT:
            if dragged:
                self.select_in(band, add)
            else:
                self.select_at(QPointF(pos), add)
        self.update()

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802
        steps = event.angleDelta().y() / 120.0
        if steps:
            self.zoom_by(1.25**steps, event.position())
