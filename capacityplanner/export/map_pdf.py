"""A council-ready map page as vector PDF or PNG, drawn by the shared renderer offscreen.

The page holds a title, a subtitle (scenario, school year, level), the date,
the map frame with scale bar and north arrow, the legend, and a footer with
the data sources and licence credit, the illustrative-data notice whenever
illustrative layers are shown, and the tool version. The PDF is vector
(:class:`QPdfWriter`); the PNG is rasterised at the chosen resolution.

Examples
--------
>>> from capacityplanner.export.views import balance_view      # doctest: +SKIP
>>> view = balance_view(workspace, "basis", 2024)                # doctest: +SKIP
>>> export_map("tekort.pdf", view, provenance=page_provenance(workspace, view))  # doctest: +SKIP
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QImage, QPainter

from capacityplanner.errors import InputError
from capacityplanner.export.page import (
    PageSpec,
    begin,
    check_output_path,
    draw_footer,
    draw_header,
    draw_map_frame,
    draw_text,
    ensure_gui_app,
    export_language,
    font,
    image_for_page,
    open_pdf,
)
from capacityplanner.export.provenance import Provenance
from capacityplanner.export.views import MapView
from capacityplanner.render.layer import MapLayer
from capacityplanner.render.legend import draw_legend

__all__ = [
    "MapPageLayout",
    "draw_legend_fitted",
    "draw_map_page",
    "export_map",
    "layout_map_page",
    "page_provenance",
]

_LEGEND = {"nl": "Legende", "en": "Legend"}
#: Highest PNG resolution (an A3 page at 600 dpi is already 7016 x 9921 pixels).
MAX_PNG_DPI = 600


@dataclass(frozen=True)
class MapPageLayout:
    """Where the parts of a map page go, in device pixels of its :class:`PageSpec`."""

    content: QRectF
    frame: QRectF
    legend: QRectF
    body_top: float
    footer_top: float


def page_provenance(
    workspace, view: MapView | None = None, *, language: str = "nl", scenario: str | None = None
) -> Provenance:
    """Credit, notice, version and date for a page of ``workspace``'s data.

    The notice is printed when ``view`` shows illustrative data (or, without a
    view, when any layer of the data set is illustrative).
    """
    info = workspace.dataset.info
    if view is not None:
        illustrative = view.illustrative
    else:
        illustrative = any(workspace.dataset.is_illustrative(n) for n in workspace.layers)
    kwargs = {"credit": str(info["credit"])} if info.get("credit") else {}
    return Provenance(
        illustrative=bool(illustrative), scenario=scenario, language=language, **kwargs
    )


def _margin(spec: PageSpec) -> float:
    return spec.mm(12 if spec.paper == "A4" else 15)


def _probe() -> tuple[QImage, QPainter]:
    ensure_gui_app()
    image = QImage(4, 4, QImage.Format.Format_ARGB32_Premultiplied)
    painter = QPainter(image)
    return image, painter


def layout_map_page(
    spec: PageSpec, view: MapView, provenance: Provenance, licence: str | None = None
) -> MapPageLayout:
    """The map page's layout (computed by drawing header and footer on a scratch image)."""
    _image, painter = _probe()
    try:
        return _layout(painter, spec, view, provenance, licence, draw=False)
    finally:
        painter.end()


def _layout(
    painter: QPainter,
    spec: PageSpec,
    view: MapView,
    provenance: Provenance,
    licence: str | None,
    draw: bool,
) -> MapPageLayout:
    m = _margin(spec)
    page = spec.page_rect()
    content = page.adjusted(m, m, -m, -m)
    body_top = draw_header(
        painter, spec, content, view.title, view.subtitle, provenance.date_text()
    )
    footer_top = draw_footer(painter, spec, content, provenance, licence)
    body = QRectF(content.left(), body_top, content.width(), footer_top - body_top)
    gap = spec.mm(5)
    if spec.orientation == "landscape":
        panel_w = spec.mm(68 if spec.paper == "A4" else 85)
        frame = QRectF(body.left(), body.top(), body.width() - panel_w - gap, body.height())
        legend = QRectF(frame.right() + gap, body.top(), panel_w, body.height())
    else:
        panel_h = spec.mm(52 if spec.paper == "A4" else 70)
        frame = QRectF(body.left(), body.top(), body.width(), body.height() - panel_h - gap)
        legend = QRectF(body.left(), frame.bottom() + gap, body.width(), panel_h)
    return MapPageLayout(content, frame, legend, body_top, footer_top)


def _legend_size(layers: list[MapLayer], font_px: float, ratio: float) -> tuple[float, float]:
    _image, probe = _probe()
    try:
        r = draw_legend(probe, QPointF(0, 0), layers, font_px=font_px, pixel_ratio=ratio)
        return r.width(), r.height()
    finally:
        probe.end()


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
    layers: list[MapLayer],
    language: str = "nl",
    max_columns: int = 3,
) -> None:
    """Draw the legend heading and the layers' legends inside ``rect``.

    The font shrinks (down to 6.5 pt) and the legend spreads over columns
    when the layers do not fit in one column at the normal size.
    """
    heading = font(spec, 10, bold=True)
    head_h = draw_text(painter, rect, _LEGEND[language], heading) + spec.mm(2)
    avail = QRectF(rect.left(), rect.top() + head_h, rect.width(), rect.height() - head_h)
    ratio = spec.pixel_ratio
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


def draw_map_page(
    painter: QPainter,
    spec: PageSpec,
    view: MapView,
    provenance: Provenance,
    licence: str | None = None,
) -> MapPageLayout:
    """Draw a whole map page on an active painter; return its layout."""
    layout = _layout(painter, spec, view, provenance, licence, draw=True)
    draw_map_frame(
        painter, spec, layout.frame, view.model, view.extent, language=provenance.language
    )
    draw_legend_fitted(painter, spec, layout.legend, view.legend_layers(), provenance.language)
    return layout


def export_map(
    path: str | Path,
    view: MapView,
    *,
    provenance: Provenance,
    licence: str | None = None,
    paper: str = "A4",
    orientation: str = "landscape",
    dpi: float = 300.0,
) -> Path:
    """Write ``view`` as a one-page map: vector PDF (``.pdf``) or PNG (``.png``) at ``dpi``.

    Parameters
    ----------
    path : str or Path
        Output file; the extension chooses the format.
    view : MapView
        A named view (:func:`~capacityplanner.export.views.build_view`) or the
        current map (:func:`~capacityplanner.export.views.current_map_view`).
    provenance : Provenance
        Credit, illustrative notice, scenario, version, date and language.
    licence : str, optional
        Licence of the data (printed after the credit line).
    paper : {"A4", "A3"}
    orientation : {"portrait", "landscape"}
    dpi : float
        PNG resolution; for the PDF, the resolution of its coordinate grid.

    Returns
    -------
    pathlib.Path
        The file written.
    """
    spec = PageSpec(paper, orientation, dpi)
    out = check_output_path(path, (".pdf", ".png"))
    if out.suffix.lower() == ".png" and dpi > MAX_PNG_DPI:
        raise InputError(f"A PNG of {dpi:g} dpi is too large; choose at most {MAX_PNG_DPI} dpi.")
    with export_language(provenance.language):
        _write_map(out, spec, view, provenance, licence)
    return out


def _write_map(
    out: Path, spec: PageSpec, view: MapView, provenance: Provenance, licence: str | None
) -> None:
    painter = QPainter()
    if out.suffix.lower() == ".pdf":
        writer = open_pdf(out, spec, view.title, provenance.language)
        begin(painter, writer, out)
        try:
            draw_map_page(painter, spec, view, provenance, licence)
        finally:
            painter.end()
        return
    image = image_for_page(spec)
    begin(painter, image, out)
    try:
        draw_map_page(painter, spec, view, provenance, licence)
    finally:
        painter.end()
    if not image.save(str(out), "PNG"):
        raise InputError(f"Cannot write {out}: saving the PNG image failed.")
