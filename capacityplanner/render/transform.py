"""The map view: which part of the map a device shows, and at what scale."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PySide6.QtGui import QTransform

__all__ = ["MapTransform", "scale_denominator"]

Bounds = tuple[float, float, float, float]


def scale_denominator(resolution: float, dpi: float = 96.0) -> float:
    """Map scale 1:N for ``resolution`` metres per device pixel at ``dpi``."""
    return resolution / (0.0254 / dpi)


@dataclass
class MapTransform:
    """Map (EPSG:31370 metres, y up) to device pixels (y down).

    Parameters
    ----------
    center_x, center_y : float
        Map coordinates shown in the middle of the device.
    resolution : float
        Metres per pixel.
    width, height : int
        Device size in pixels.
    """

    center_x: float = 0.0
    center_y: float = 0.0
    resolution: float = 1.0
    width: int = 800
    height: int = 600

    @classmethod
    def fit(cls, bounds: Bounds, width: int, height: int, margin: float = 0.03) -> MapTransform:
        """A view showing ``bounds`` whole on a ``width`` x ``height`` device."""
        t = cls(width=max(int(width), 1), height=max(int(height), 1))
        t.set_extent(bounds, margin)
        return t

    def copy(self) -> MapTransform:
        """An independent copy."""
        return MapTransform(self.center_x, self.center_y, self.resolution, self.width, self.height)

    def extent(self) -> Bounds:
        """Visible map rectangle ``(xmin, ymin, xmax, ymax)``."""
        hw, hh = self.width * self.resolution / 2, self.height * self.resolution / 2
        return (self.center_x - hw, self.center_y - hh, self.center_x + hw, self.center_y + hh)

    def set_extent(self, bounds: Bounds, margin: float = 0.0) -> None:
        """Show ``bounds`` whole, centred, with a relative ``margin`` around it."""
        xmin, ymin, xmax, ymax = (float(b) for b in bounds)
        w, h = max(xmax - xmin, 1e-6), max(ymax - ymin, 1e-6)
        self.center_x, self.center_y = (xmin + xmax) / 2, (ymin + ymax) / 2
        self.resolution = max(w / self.width, h / self.height) * (1 + 2 * margin)

    def resize(self, width: int, height: int) -> None:
        """Change the device size, keeping centre and resolution."""
        self.width, self.height = max(int(width), 1), max(int(height), 1)

    def zoom(self, factor: float, anchor: tuple[float, float] | None = None) -> None:
        """Zoom in by ``factor`` (> 1 zooms in), keeping the map point under ``anchor`` fixed."""
        if anchor is None:
            self.resolution /= factor
            return
        mx, my = self.to_map(*anchor)
        self.resolution /= factor
        nx, ny = self.to_map(*anchor)
        self.center_x += mx - nx
        self.center_y += my - ny

    def pan(self, dx: float, dy: float) -> None:
        """Move the content by ``dx, dy`` pixels (as when dragging the map)."""
        self.center_x -= dx * self.resolution
        self.center_y += dy * self.resolution

    def to_map(self, px: float, py: float) -> tuple[float, float]:
        """Device pixel to map coordinates."""
        return (
            self.center_x + (px - self.width / 2) * self.resolution,
            self.center_y - (py - self.height / 2) * self.resolution,
        )

    def to_device(self, x: float, y: float) -> tuple[float, float]:
        """Map coordinates to a device pixel."""
        return (
            (x - self.center_x) / self.resolution + self.width / 2,
            (self.center_y - y) / self.resolution + self.height / 2,
        )

    def to_device_array(self, xy: np.ndarray) -> np.ndarray:
        """Map coordinates (n, 2) to device pixels (n, 2), vectorised."""
        out = np.empty_like(np.asarray(xy, dtype=float))
        out[:, 0] = (xy[:, 0] - self.center_x) / self.resolution + self.width / 2
        out[:, 1] = (self.center_y - xy[:, 1]) / self.resolution + self.height / 2
        return out

    def qtransform(self) -> QTransform:
        """The same mapping as a :class:`QTransform` for a painter."""
        s = 1.0 / self.resolution
        return QTransform(
            s,
            0.0,
            0.0,
            -s,
            self.width / 2 - self.center_x * s,
            self.height / 2 + self.center_y * s,
        )

    def scale(self, dpi: float = 96.0) -> float:
        """Scale denominator (the N of 1:N) on a ``dpi`` device."""
        return scale_denominator(self.resolution, dpi)
