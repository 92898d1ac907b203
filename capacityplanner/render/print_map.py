"""A map on a print page: the map frame with scale bar and north arrow, and a fitted legend.

A :class:`MapPicture` is what a page's map shows, as plain data (layer
descriptions, the extent, the legend's layer names and its words); the map
model is built from it when the page is drawn.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QImage, QPainter, QPen

from capacityplanner.render.decorations import draw_north_arrow, draw_scale_bar
from capacityplanner.render.layer import MapLayer
from capacityplanner.render.layer_spec import LayerSpec
from capacityplanner.render.legend import draw_legend
from capacityplanner.render.map_model import MapModel
from capacityplanner.render.page import INK, PageSpec, draw_text, font, probe_painter
from capacityplanner.render.painter import render_map
from capacityplanner.render.transform import MapTransform, scale_denominator

__all__ = [
    "MapPicture",
    "draw_legend_fitted",
    "draw_map_frame",
    "model_from_specs",
    "round_scale",
    "specs_from_model",
]


def model_from_specs(specs: Sequence[LayerSpec]) -> MapModel:
    """A map model with these layers in this drawing order (bottom first).

    The model is filled without emitting its change signals: nothing observes
    a printed page's model, and on PySide6 6.12 / Python 3.11 every
    ``Signal.emit()`` drops a reference to ``True`` (the defect the package
    guards against for ``None``).
    """
    model = MapModel()
    for spec in specs:
        if spec.group not in model.groups:
            model.groups.insert(0, spec.group)
    model.layers = [
        MapLayer(
            s.name,
            s.frame,
            s.style,
            title=s.title,
            group=s.group,
            visible=s.visible,
            illustrative=s.illustrative,
            labels=s.labels,
        )
        for s in specs
    ]
    return model


def specs_from_model(model: MapModel) -> list[LayerSpec]:
    """The layers of a (live) map model as plain descriptions, bottom first.

    The features are copied, so the map can change while a page is drawn.
    """
    return [
        LayerSpec(
            lyr.name,
            lyr.frame.copy(),
            lyr.style,
            title=lyr.title,
            group=lyr.group,
            visible=lyr.visible,
            illustrative=lyr.illustrative,
            labels=lyr.labels,
        )
        for lyr in model.layers
    ]


@dataclass
class MapPicture:
    """What a page's map shows.

    Attributes
    ----------
    layers : list of LayerSpec
        Layers in drawing order, bottom first.
    extent : (xmin, ymin, xmax, ymax)
        Map area to show (EPSG:31370).
    legend : list of str
        Names of the layers the legend lists, top first (all layers when empty).
    legend_heading, scale_word : str
        The words ``Legend`` and ``Scale`` in the page's language.
    """

    layers: list[LayerSpec]
    extent: tuple[float, float, float, float]
    legend: list[str] = field(default_factory=list)
    legend_heading: str = "Legend"
    scale_word: str = "Scale"
    _model: MapModel | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def model(self) -> MapModel:
        """The map model of the layers (built once)."""
        if self._model is None:
            self._model = model_from_specs(self.layers)
        return self._model

    def legend_layers(self) -> list[MapLayer]:
        """The legend's layers (visible ones only), top first."""
        model = self.model
        names = self.legend or [lyr.name for lyr in reversed(model.layers)]
        return [model.layer(n) for n in names if n in model and model.layer(n).visible]


def round_scale(denominator: float) -> int:
    """A scale denominator rounded to two significant digits (1:48 000, 1:7 500).

    Examples
    --------
    >>> round_scale(48312.0)
    48000
    """
    if denominator <= 0:
        return 0
    digits = len(str(int(denominator))) - 2
    step = 10 ** max(digits, 0)
    return int(round(denominator / step) * step)


def draw_map_frame(
    painter: QPainter,
    spec: PageSpec,
    rect: QRectF,
    picture: MapPicture,
    *,
    scale_bar: bool = True,
    north_arrow: bool = True,
    labels: bool = True,
    margin: float = 0.02,
) -> MapTransform:
    """Draw ``picture`` inside ``rect``, with scale bar, north arrow and frame.

    Returns
    -------
    MapTransform
        The map-to-frame transform (device pixel 0,0 is the frame's top-left corner).
    """
    w, h = max(1, round(rect.width())), max(1, round(rect.height()))
    transform = MapTransform.fit(picture.extent, w, h, margin)
    ratio = spec.pixel_ratio
    painter.save()
    painter.translate(rect.topLeft())
    painter.setClipRect(QRectF(0, 0, w, h))
    painter.fillRect(QRectF(0, 0, w, h), QColor("#ffffff"))
    render_map(painter, picture.model, transform, pixel_ratio=ratio, selection=False, labels=labels)
    furniture = QColor(255, 255, 255, 215)
    pad = spec.mm(1.5)
    if north_arrow:
        size = spec.mm(9)
        box = QRectF(w - size - spec.mm(4), spec.mm(3), size, size * 1.35)
        painter.fillRect(box.adjusted(-pad, -pad, pad, pad), furniture)
        draw_north_arrow(painter, box)
    if scale_bar:
        bottom_left = QPointF(spec.mm(6), h - spec.mm(8))
        probe = QImage(1, 1, QImage.Format.Format_ARGB32_Premultiplied)
        measure = QPainter(probe)
        extent_rect = draw_scale_bar(
            measure, bottom_left, transform.resolution, max_px=130, pixel_ratio=ratio
        )
        measure.end()
        denominator = scale_denominator(transform.resolution, spec.dpi)
        scale_text = f"{picture.scale_word} 1:{round_scale(denominator):,}".replace(",", " ")
        small = font(spec, 7)
        text_w = QFontMetricsF(small).horizontalAdvance(scale_text)
        backing = extent_rect.adjusted(-pad, -pad, pad + spec.mm(2), pad + spec.mm(4.5))
        backing.setWidth(max(backing.width(), text_w + 2 * pad + spec.mm(1)))
        painter.fillRect(backing, furniture)
        draw_scale_bar(painter, bottom_left, transform.resolution, max_px=130, pixel_ratio=ratio)
        draw_text(
            painter,
            QRectF(bottom_left.x(), bottom_left.y() + spec.mm(1), text_w + spec.mm(2), spec.mm(4)),
            scale_text,
            small,
            INK,
            wrap=False,
        )
    painter.setClipping(False)
    painter.setPen(QPen(QColor("#444444"), spec.mm(0.35)))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(QRectF(0, 0, w, h))
    painter.restore()
    return transform


def _legend_size(layers: list[MapLayer], font_px: float, ratio: float) -> tuple[float, float]:
    with probe_painter() as probe:
        r = draw_legend(probe, QPointF(0, 0), layers, font_px=font_px, pixel_ratio=ratio)
        return r.width(), r.height()


def _columns(heights: list[float], n: int) -> list[list[int]]:
    """Split layers (by index, in order) into ``n`` columns of about equal height."""
    total = sum(heights)
    target = total / n
    cols: list[list[int]] = [[]]
    acc = 0.0
    for i, h in enumerate(heights):
        if cols[-1] and acc + h > target * 1.05 and len(cols) < n:
            cols.append([])
            acc = 0.0
        cols[-1].append(i)
        acc += h
    return cols


def draw_legend_fitted(
    painter: QPainter,
    spec: PageSpec,
    rect: QRectF,
    picture: MapPicture,
    max_columns: int = 3,
) -> None:
    """Draw the legend heading and the picture's layer legends inside ``rect``.

    The font shrinks (down to 6.5 pt) and the legend spreads over columns
    when the layers do not fit in one column at the normal size.
    """
    heading = font(spec, 10, bold=True)
    head_h = draw_text(painter, rect, picture.legend_heading, heading) + spec.mm(2)
    avail = QRectF(rect.left(), rect.top() + head_h, rect.width(), rect.height() - head_h)
    ratio = spec.pixel_ratio
    layers = picture.legend_layers()
    if not layers:
        return
    trials = [(pts, n) for pts in (9.0, 8.0, 7.25, 6.5) for n in range(1, max_columns + 1)]
    for points, n_cols in [*trials, (6.5, 1)]:
        font_px = points * 96 / 72
        sizes = [_legend_size([layer], font_px, ratio) for layer in layers]
        heights = [h for _w, h in sizes]
        cols = _columns(heights, n_cols)
        col_h = max(sum(heights[i] for i in col) for col in cols)
        col_w = avail.width() / len(cols)
        fits = col_h <= avail.height() and max(w for w, _h in sizes) <= col_w * 0.97
        if fits or (points, n_cols) == (6.5, 1):
            for c, col in enumerate(cols):
                draw_legend(
                    painter,
                    QPointF(avail.left() + c * col_w, avail.top()),
                    [layers[i] for i in col],
                    font_px=font_px,
                    pixel_ratio=ratio,
                )
            return
