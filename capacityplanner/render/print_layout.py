"""Layouts of the council pages: the map page, an atlas page and the briefing page.

Each page is described by plain data (texts, a :class:`MapPicture`, a
:class:`Table`, a :class:`Chart`) and drawn on an active painter in the
device pixels of its :class:`PageSpec`. The export modules decide what goes
on a page; this module decides where.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter

from capacityplanner.render.page import MUTED, PageSpec, draw_text, font, probe_painter, text_height
from capacityplanner.render.page_figures import Chart, Table, draw_line_chart, draw_table
from capacityplanner.render.page_furniture import PageFooter, PageHeader, draw_footer, draw_header
from capacityplanner.render.print_map import MapPicture, draw_legend_fitted, draw_map_frame

__all__ = [
    "AtlasPage",
    "BriefingPage",
    "MapPage",
    "MapPageLayout",
    "draw_atlas_page",
    "draw_briefing_page",
    "draw_map_page",
    "layout_map_page",
]


@dataclass
class MapPage:
    """A one-map page: title block, map with legend panel, footer."""

    header: PageHeader
    footer: PageFooter
    picture: MapPicture


@dataclass(frozen=True)
class MapPageLayout:
    """Where the parts of a map page go, in device pixels of its :class:`PageSpec`."""

    content: QRectF
    frame: QRectF
    legend: QRectF
    body_top: float
    footer_top: float


def _map_layout(painter: QPainter, spec: PageSpec, page: MapPage) -> MapPageLayout:
    content = spec.content_rect()
    body_top = draw_header(painter, spec, content, page.header)
    footer_top = draw_footer(painter, spec, content, page.footer)
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


def layout_map_page(spec: PageSpec, page: MapPage) -> MapPageLayout:
    """The map page's layout (computed by drawing header and footer on a scratch image)."""
    with probe_painter() as painter:
        return _map_layout(painter, spec, page)


def draw_map_page(painter: QPainter, spec: PageSpec, page: MapPage) -> MapPageLayout:
    """Draw a whole map page on an active painter; return its layout."""
    layout = _map_layout(painter, spec, page)
    draw_map_frame(painter, spec, layout.frame, page.picture)
    draw_legend_fitted(painter, spec, layout.legend, page.picture)
    return layout


@dataclass
class AtlasPage:
    """An atlas page (portrait): title block, an optional lead, map and legend, table, note, chart."""

    header: PageHeader
    footer: PageFooter
    picture: MapPicture
    table: Table
    note: str
    chart: Chart
    lead: str = ""


def draw_atlas_page(painter: QPainter, spec: PageSpec, page: AtlasPage) -> QRectF:
    """Draw one atlas page; return its map frame (device pixels)."""
    content = spec.content_rect()
    top = draw_header(painter, spec, content, page.header)
    footer_top = draw_footer(painter, spec, content, page.footer)
    body_h = footer_top - top
    if page.lead:
        top += draw_text(
            painter, QRectF(content.left(), top, content.width(), body_h), page.lead, font(spec, 9)
        )
        top += spec.mm(2)
        body_h = footer_top - top
    gap = spec.mm(4)
    map_h = body_h * 0.47
    legend_w = content.width() * 0.3
    frame = QRectF(content.left(), top, content.width() - legend_w - gap, map_h)
    draw_map_frame(painter, spec, frame, page.picture)
    draw_legend_fitted(
        painter, spec, QRectF(frame.right() + gap, top, legend_w, map_h), page.picture, 1
    )
    y = frame.bottom() + gap
    y += draw_table(painter, spec, QRectF(content.left(), y, content.width(), body_h), page.table)
    y += spec.mm(1)
    y += draw_text(
        painter,
        QRectF(content.left(), y, content.width(), spec.mm(12)),
        page.note,
        font(spec, 6.5),
        MUTED,
    )
    y += gap
    draw_line_chart(
        painter,
        spec,
        QRectF(content.left(), y, content.width(), footer_top - y - spec.mm(1)),
        page.chart,
    )
    return frame


@dataclass
class BriefingPage:
    """The one-page briefing: summary, the plan's paragraph, map and legend, key table."""

    header: PageHeader
    footer: PageFooter
    summary: str
    picture: MapPicture
    table_heading: str
    table: Table
    plan_heading: str = ""
    plan_text: str = ""


def draw_briefing_page(painter: QPainter, spec: PageSpec, page: BriefingPage) -> QRectF:
    """Draw the briefing page; return its map frame (device pixels)."""
    content = spec.content_rect()
    y = draw_header(painter, spec, content, page.header)
    footer_top = draw_footer(painter, spec, content, page.footer)
    w = content.width()
    y += draw_text(painter, QRectF(content.left(), y, w, spec.mm(60)), page.summary, font(spec, 9))
    if page.plan_text:
        y += spec.mm(2)
        head = font(spec, 9, bold=True)
        y += draw_text(painter, QRectF(content.left(), y, w, spec.mm(8)), page.plan_heading, head)
        small = font(spec, 8)
        h = min(text_height(painter, w, page.plan_text, small), spec.mm(45))
        draw_text(painter, QRectF(content.left(), y, w, h), page.plan_text, small)
        y += h
    y += spec.mm(4)
    # the key table at the bottom, the map fills what is left
    table_h = spec.mm(6) + (len(page.table.rows) + 1.6) * spec.pt(8) * 1.9
    gap = spec.mm(4)
    map_h = footer_top - y - table_h - gap
    legend_w = w * 0.3
    frame = QRectF(content.left(), y, w - legend_w - gap, map_h)
    draw_map_frame(painter, spec, frame, page.picture)
    draw_legend_fitted(
        painter, spec, QRectF(frame.right() + gap, y, legend_w, map_h), page.picture, 1
    )
    y = frame.bottom() + gap
    y += draw_text(
        painter,
        QRectF(content.left(), y, w, spec.mm(6)),
        page.table_heading,
        font(spec, 9, bold=True),
    )
    y += spec.mm(1)
    draw_table(painter, spec, QRectF(content.left(), y, w, footer_top - y), page.table)
    return frame
