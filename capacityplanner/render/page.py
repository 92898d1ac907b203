"""Print pages: paper sizes, the offscreen Qt application, fonts and text on a page.

The map page, the district atlas and the briefing report share these
pieces. Lengths are given in millimetres and font sizes in points and
converted to the device pixels of the page (a PDF writer or an image) at its
resolution.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt, QTranslator
from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
)

from capacityplanner.errors import InputError
from capacityplanner.paths import RESOURCES

__all__ = [
    "FONT_FAMILY",
    "INK",
    "MUTED",
    "ORIENTATIONS",
    "PAPERS",
    "RULE",
    "PageSpec",
    "draw_text",
    "ensure_gui_app",
    "font",
    "frame_points",
    "page_size_points",
    "probe_painter",
    "text_height",
    "translated",
]

#: Paper sizes in millimetres, portrait (width, height).
PAPERS: dict[str, tuple[float, float]] = {"A4": (210.0, 297.0), "A3": (297.0, 420.0)}
ORIENTATIONS = ("portrait", "landscape")
FONT_FAMILY = "DejaVu Sans"
#: Colours of the page furniture.
INK = "#222222"
MUTED = "#5a5a5a"
RULE = "#9e9e9e"
_QT_PAPER = {"A4": QPageSize.PageSizeId.A4, "A3": QPageSize.PageSizeId.A3}
_APP: QGuiApplication | None = None


def ensure_gui_app() -> QGuiApplication:
    """The running Qt application, or a new offscreen one (needed for fonts and painting)."""
    global _APP
    app = QGuiApplication.instance()
    if app is None:
        if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QGuiApplication(sys.argv[:1])
        _APP = app
    return app


@contextmanager
def translated(language: str) -> Iterator[None]:
    """Translate the renderer's own words (legend suffixes) into ``language`` meanwhile.

    Only outside the desktop app: there the interface language governs and
    its translators stay as they are.
    """
    app = ensure_gui_app()
    translator = None
    if language != "en" and not app.inherits("QApplication"):
        translator = QTranslator()
        qm = RESOURCES / "translations" / f"capacityplanner_{language}.qm"
        if translator.load(str(qm)):
            app.installTranslator(translator)
        else:
            translator = None
    try:
        yield
    finally:
        if translator is not None:
            app.removeTranslator(translator)


@dataclass(frozen=True)
class PageSpec:
    """Paper, orientation and resolution of a printed page.

    Parameters
    ----------
    paper : {"A4", "A3"}
    orientation : {"portrait", "landscape"}
    dpi : float
        Device pixels per inch (PNG pixels; the PDF coordinate grid).
    """

    paper: str = "A4"
    orientation: str = "landscape"
    dpi: float = 300.0

    def __post_init__(self) -> None:
        if self.paper not in PAPERS:
            raise InputError(
                f"Paper {self.paper!r} is not supported; choose {' or '.join(PAPERS)}."
            )
        if self.orientation not in ORIENTATIONS:
            raise InputError(
                f"Orientation {self.orientation!r} is not supported; choose portrait or landscape."
            )
        if not 50 <= float(self.dpi) <= 1200:
            raise InputError(f"A resolution of {self.dpi:g} dpi is outside 50-1200 dpi.")

    @property
    def size_mm(self) -> tuple[float, float]:
        """Page width and height in millimetres."""
        w, h = PAPERS[self.paper]
        return (h, w) if self.orientation == "landscape" else (w, h)

    @property
    def size_px(self) -> tuple[int, int]:
        """Page width and height in device pixels."""
        w, h = self.size_mm
        return round(self.mm(w)), round(self.mm(h))

    @property
    def pixel_ratio(self) -> float:
        """Device pixels per screen pixel (96 dpi), for the renderer's widths and sizes."""
        return self.dpi / 96.0

    @property
    def margin(self) -> float:
        """The page margin in device pixels (12 mm on A4, 15 mm on A3)."""
        return self.mm(12 if self.paper == "A4" else 15)

    def mm(self, value: float) -> float:
        """``value`` millimetres in device pixels."""
        return value * self.dpi / 25.4

    def pt(self, value: float) -> float:
        """``value`` points (1/72 inch) in device pixels."""
        return value * self.dpi / 72.0

    def page_rect(self) -> QRectF:
        """The whole page in device pixels."""
        w, h = self.size_px
        return QRectF(0, 0, w, h)

    def content_rect(self) -> QRectF:
        """The page inside its margins, in device pixels."""
        m = self.margin
        return self.page_rect().adjusted(m, m, -m, -m)

    def qt_layout(self) -> QPageLayout:
        """The page as a :class:`QPageLayout` without margins."""
        orientation = (
            QPageLayout.Orientation.Landscape
            if self.orientation == "landscape"
            else QPageLayout.Orientation.Portrait
        )
        return QPageLayout(QPageSize(_QT_PAPER[self.paper]), orientation, QMarginsF(0, 0, 0, 0))


def font(spec: PageSpec, points: float, *, bold: bool = False, italic: bool = False) -> QFont:
    """The page font at ``points`` size in the page's device pixels."""
    f = QFont(FONT_FAMILY)
    f.setPixelSize(max(1, round(spec.pt(points))))
    f.setBold(bold)
    f.setItalic(italic)
    f.setFeature(QFont.Tag("liga"), 0)  # "fi", "ff" stay two letters: PDF text stays searchable
    return f


def draw_text(
    painter: QPainter,
    rect: QRectF,
    text: str,
    qfont: QFont,
    color: str = INK,
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
    wrap: bool = True,
) -> float:
    """Draw ``text`` in ``rect`` (word-wrapped) and return the height it takes."""
    flags = align | (Qt.TextFlag.TextWordWrap if wrap else Qt.TextFlag.TextSingleLine)
    painter.save()
    painter.setFont(qfont)
    painter.setPen(QColor(color))
    used = painter.boundingRect(rect, int(flags), text)
    painter.drawText(rect, int(flags), text)
    painter.restore()
    return used.height()


def text_height(painter: QPainter, width: float, text: str, qfont: QFont) -> float:
    """Height ``text`` takes when wrapped to ``width`` device pixels."""
    painter.save()
    painter.setFont(qfont)
    r = painter.boundingRect(
        QRectF(0, 0, width, 1e6),
        int(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap),
        text,
    )
    painter.restore()
    return r.height()


@contextmanager
def probe_painter() -> Iterator[QPainter]:
    """A painter on a scratch image, to measure text and legends before drawing."""
    ensure_gui_app()
    image = QImage(4, 4, QImage.Format.Format_ARGB32_Premultiplied)
    painter = QPainter(image)
    try:
        yield painter
    finally:
        painter.end()


def frame_points(spec: PageSpec, rect: QRectF) -> tuple[float, float, float, float]:
    """``rect`` (device pixels) as ``(left, top, width, height)`` in points from the top-left."""
    k = 72.0 / spec.dpi
    return (rect.left() * k, rect.top() * k, rect.width() * k, rect.height() * k)


def page_size_points(spec: PageSpec) -> QSizeF:
    """Page size in PostScript points (what PDF readers report)."""
    w, h = spec.size_mm
    return QSizeF(w / 25.4 * 72, h / 25.4 * 72)
