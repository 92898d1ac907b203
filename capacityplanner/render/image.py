"""Render a map to a QImage (PNG export, tests, thumbnails)."""

from __future__ import annotations

from PySide6.QtGui import QColor, QImage, QPainter

from capacityplanner.render.map_model import MapModel
from capacityplanner.render.painter import render_map
from capacityplanner.render.transform import MapTransform

__all__ = ["render_image"]


def render_image(
    model: MapModel,
    width: int,
    height: int,
    extent: tuple[float, float, float, float] | None = None,
    *,
    background: str = "#ffffff",
    pixel_ratio: float = 1.0,
    selection: bool = True,
    labels: bool = True,
) -> QImage:
    """Draw ``model`` on a new ``width`` x ``height`` image.

    Parameters
    ----------
    extent : (xmin, ymin, xmax, ymax), optional
        Map area to show (fitted, aspect kept); all layers when omitted.
    background : str
        Colour behind the map.
    """
    image = QImage(int(width), int(height), QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor(background))
    bounds = extent or model.full_extent() or (0.0, 0.0, 1.0, 1.0)
    transform = MapTransform.fit(bounds, width, height)
    painter = QPainter(image)
    render_map(
        painter, model, transform, pixel_ratio=pixel_ratio, selection=selection, labels=labels
    )
    painter.end()
    return image
