"""Print pages: paper sizes, the offscreen Qt application, fonts, header, footer, map frame.

The map page, the district atlas and the briefing report share these pieces,
so every council page has the same title block, the same map furniture
(scale bar, north arrow, frame) and the same footer (credit and licence,
the illustrative-data notice, tool version and date). Lengths are given in
millimetres and font sizes in points and converted to the device pixels of
the page (a :class:`QPdfWriter` or a :class:`QImage`) at its resolution.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSizeF, Qt, QTranslator
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
)

from capacityplanner.errors import InputError
from capacityplanner.export.provenance import TOOL_NAME, Provenance, check_language
from capacityplanner.paths import RESOURCES
from capacityplanner.render.decorations import draw_north_arrow, draw_scale_bar
from capacityplanner.render.map_model import MapModel
from capacityplanner.render.painter import render_map
from capacityplanner.render.transform import MapTransform, scale_denominator

__all__ = [
    "FONT_FAMILY",
    "ORIENTATIONS",
    "PAPERS",
    "PageSpec",
    "check_output_path",
    "draw_footer",
    "draw_header",
    "draw_map_frame",
    "draw_text",
    "ensure_gui_app",
    "export_language",
    "font",
    "open_pdf",
]

#: Paper sizes in millimetres, portrait (width, height).
PAPERS: dict[str, tuple[float, float]] = {"A4": (210.0, 297.0), "A3": (297.0, 420.0)}
ORIENTATIONS = ("portrait", "landscape")
FONT_FAMILY = "DejaVu Sans"
#: Colours of the page furniture.
INK = "#222222"
MUTED = "#5a5a5a"
RULE = "#9e9e9e"
NOTICE_FILL = "#fff4d6"
NOTICE_EDGE = "#e0a100"
_QT_PAPER = {"A4": QPageSize.PageSizeId.A4, "A3": QPageSize.PageSizeId.A3}
_APP: QGuiApplication | None = None


def ensure_gui_app() -> QGuiApplication:
    """The running QGuiApplication, or a new offscreen one (needed for fonts and painting)."""
    global _APP
    app = QGuiApplication.instance()
    if app is None:
        if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QGuiApplication(sys.argv[:1])
        _APP = app
    return app


@contextmanager
def export_language(language: str) -> Iterator[None]:
    """Translate the renderer's own words (legend suffixes) into ``language`` while exporting.

    Only outside the desktop app: there the interface language governs and
    its translators stay as they are.
    """
    app = ensure_gui_app()
    check_language(language)
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

    def qt_layout(self) -> QPageLayout:
        """The page as a :class:`QPageLayout` without margins."""
        orientation = (
            QPageLayout.Orientation.Landscape
            if self.orientation == "landscape"
            else QPageLayout.Orientation.Portrait
        )
        return QPageLayout(QPageSize(_QT_PAPER[self.paper]), orientation, QMarginsF(0, 0, 0, 0))


def check_output_path(path: str | Path, suffixes: tuple[str, ...]) -> Path:
    """``path`` as a Path whose folder exists and is writable, or an InputError.

    Parameters
    ----------
    path : str or Path
        File to write.
    suffixes : tuple of str
        Allowed extensions, e.g. ``(".pdf", ".png")``.
    """
    out = Path(path)
    if out.suffix.lower() not in suffixes:
        raise InputError(
            f"Output file {out} should end in {' or '.join(suffixes)} for this export."
        )
    if out.is_dir():
        raise InputError(f"Output path {out} is a folder; give a file name.")
    blocking = next((a for a in out.parents if a.exists() and not a.is_dir()), None)
    if blocking is not None:
        raise InputError(f"Cannot write {out}: {blocking} is a file, not a folder.")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(
            f"Cannot write {out}: its folder cannot be created ({exc.strerror or exc})."
        ) from None
    if not os.access(out.parent, os.W_OK) or (out.exists() and not os.access(out, os.W_OK)):
        raise InputError(f"Cannot write {out}: permission denied.")
    return out


def open_pdf(path: Path, spec: PageSpec, title: str, language: str = "nl") -> QPdfWriter:
    """A PDF writer for ``path`` with the page size, resolution and document title."""
    ensure_gui_app()
    writer = QPdfWriter(str(path))
    writer.setResolution(round(spec.dpi))
    writer.setPageLayout(spec.qt_layout())
    writer.setTitle(title)
    writer.setCreator(TOOL_NAME.get(language, TOOL_NAME["en"]))
    return writer


def begin(painter: QPainter, device, path: Path) -> None:
    """Start painting on ``device`` or raise InputError naming ``path``."""
    if not painter.begin(device):
        raise InputError(f"Cannot write {path}: the file could not be opened for drawing.")
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)


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


def draw_header(
    painter: QPainter,
    spec: PageSpec,
    rect: QRectF,
    title: str,
    subtitle: str,
    right: str = "",
) -> float:
    """Title (bold), subtitle and a right-aligned note (the date); return the bottom y."""
    title_font = font(spec, 17 if spec.paper == "A3" else 15, bold=True)
    sub_font = font(spec, 10.5 if spec.paper == "A3" else 9.5)
    right_w = rect.width() * 0.22 if right else 0.0
    text_w = rect.width() - right_w - spec.mm(3)
    y = rect.top()
    y += draw_text(painter, QRectF(rect.left(), y, text_w, spec.mm(40)), title, title_font)
    y += spec.mm(1)
    y += draw_text(painter, QRectF(rect.left(), y, text_w, spec.mm(30)), subtitle, sub_font, MUTED)
    if right:
        draw_text(
            painter,
            QRectF(rect.right() - right_w, rect.top(), right_w, spec.mm(12)),
            right,
            sub_font,
            MUTED,
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop,
        )
    y += spec.mm(2)
    painter.save()
    painter.setPen(QPen(QColor(RULE), spec.mm(0.3)))
    painter.drawLine(QPointF(rect.left(), y), QPointF(rect.right(), y))
    painter.restore()
    return y + spec.mm(3)


def footer_lines(provenance: Provenance, licence: str | None) -> tuple[str, str, str]:
    """Sources (credit and licence), the illustrative notice (or "") and the version line."""
    sources = provenance.credit.rstrip(".")
    if licence:
        word = "Licentie" if provenance.language == "nl" else "Licence"
        sources += f". {word}: {licence}"
    if provenance.scenario:
        sources += f". Scenario: {provenance.scenario}"
    return sources + ".", provenance.notice_text(), provenance.version_text() + "."


def draw_footer(
    painter: QPainter,
    spec: PageSpec,
    rect: QRectF,
    provenance: Provenance,
    licence: str | None = None,
) -> float:
    """Draw the footer at the bottom of ``rect``; return its top y.

    From top to bottom: the illustrative-data notice in a framed box (when
    illustrative layers are shown), the sources with the licence credit, and
    the tool version with the date.
    """
    sources, notice, version = footer_lines(provenance, licence)
    small = font(spec, 7.5 if spec.paper == "A4" else 8.5)
    notice_font = font(spec, 7.5 if spec.paper == "A4" else 8.5, bold=True)
    w = rect.width()
    pad = spec.mm(1.5)
    h_sources = text_height(painter, w, sources, small)
    h_version = text_height(painter, w, version, small)
    h_notice = text_height(painter, w - 2 * pad, notice, notice_font) + 2 * pad if notice else 0.0
    gap = spec.mm(1)
    total = h_notice + (gap if notice else 0) + h_sources + gap / 2 + h_version
    top = rect.bottom() - total
    y = top
    if notice:
        box = QRectF(rect.left(), y, w, h_notice)
        painter.save()
        painter.setPen(QPen(QColor(NOTICE_EDGE), spec.mm(0.35)))
        painter.setBrush(QColor(NOTICE_FILL))
        painter.drawRect(box)
        painter.restore()
        draw_text(painter, box.adjusted(pad, pad, -pad, -pad), notice, notice_font, "#6b4700")
        y += h_notice + gap
    draw_text(painter, QRectF(rect.left(), y, w, h_sources + 1), sources, small, MUTED)
    y += h_sources + gap / 2
    draw_text(painter, QRectF(rect.left(), y, w, h_version + 1), version, small, MUTED)
    painter.save()
    painter.setPen(QPen(QColor(RULE), spec.mm(0.3)))
    painter.drawLine(
        QPointF(rect.left(), top - spec.mm(2)), QPointF(rect.right(), top - spec.mm(2))
    )
    painter.restore()
    return top - spec.mm(4)


def draw_map_frame(
    painter: QPainter,
    spec: PageSpec,
    rect: QRectF,
    model: MapModel,
    extent: tuple[float, float, float, float],
    *,
    language: str = "nl",
    scale_bar: bool = True,
    north_arrow: bool = True,
    labels: bool = True,
    margin: float = 0.02,
) -> MapTransform:
    """Draw ``model`` showing ``extent`` inside ``rect``, with scale bar, north arrow and frame.

    Returns
    -------
    MapTransform
        The map-to-frame transform (device pixel 0,0 is the frame's top-left corner).
    """
    w, h = max(1, round(rect.width())), max(1, round(rect.height()))
    transform = MapTransform.fit(extent, w, h, margin)
    ratio = spec.pixel_ratio
    painter.save()
    painter.translate(rect.topLeft())
    painter.setClipRect(QRectF(0, 0, w, h))
    painter.fillRect(QRectF(0, 0, w, h), QColor("#ffffff"))
    render_map(painter, model, transform, pixel_ratio=ratio, selection=False, labels=labels)
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
        word = "Schaal" if language == "nl" else "Scale"
        scale_text = f"{word} 1:{_round_scale(denominator):,}".replace(",", " ")
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


def _round_scale(denominator: float) -> int:
    """A scale denominator rounded to two significant digits (1:48 000, 1:7 500)."""
    if denominator <= 0:
        return 0
    digits = len(str(int(denominator))) - 2
    step = 10 ** max(digits, 0)
    return int(round(denominator / step) * step)


def image_for_page(spec: PageSpec) -> QImage:
    """A white page image at the page's size, with its resolution recorded for the PNG."""
    ensure_gui_app()
    w, h = spec.size_px
    image = QImage(w, h, QImage.Format.Format_ARGB32_Premultiplied)
    dpm = round(spec.dpi / 0.0254)
    image.setDotsPerMeterX(dpm)
    image.setDotsPerMeterY(dpm)
    image.fill(QColor("#ffffff"))
    return image


def frame_points(spec: PageSpec, rect: QRectF) -> tuple[float, float, float, float]:
    """``rect`` (device pixels) as ``(left, top, width, height)`` in points from the top-left."""
    k = 72.0 / spec.dpi
    return (rect.left() * k, rect.top() * k, rect.width() * k, rect.height() * k)


def page_size_points(spec: PageSpec) -> QSizeF:
    """Page size in PostScript points (what PDF readers report)."""
    w, h = spec.size_mm
    return QSizeF(w / 25.4 * 72, h / 25.4 * 72)
