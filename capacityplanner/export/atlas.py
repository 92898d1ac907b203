"""The district atlas: one PDF with a city summary page and a page per wijk.

Every page shows a map (the city, or zoomed to the wijk with the rest of the
city dimmed), the balance per level and school year as a small table, and a
chart of the balance per level over the years; the title block and the
footer (sources, licence, illustrative notice, version, date) are those of
the map page. Long runs report progress and can be cancelled between pages.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

import geopandas as gpd
import pandas as pd
import shapely
from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter

from capacityplanner.errors import InputError
from capacityplanner.export.labels import level_label, school_year
from capacityplanner.export.map_pdf import draw_legend_fitted, page_provenance
from capacityplanner.export.page import (
    PageSpec,
    begin,
    check_output_path,
    draw_footer,
    draw_header,
    draw_map_frame,
    draw_text,
    export_language,
    font,
    frame_points,
    open_pdf,
)
from capacityplanner.export.page_figures import (
    LEVEL_COLORS,
    Series,
    TableCell,
    draw_line_chart,
    draw_table,
    format_count,
)
from capacityplanner.export.provenance import Provenance
from capacityplanner.export.views import LayerList, MapView, balance_view, check_level
from capacityplanner.models.optimise.solver import CancelToken, is_cancelled
from capacityplanner.render.layer import MapLayer
from capacityplanner.render.style import SingleStyle, Symbol

__all__ = [
    "DEFAULT_LEVELS",
    "atlas_years",
    "balance_series",
    "draw_balance_page",
    "export_atlas",
]

#: Levels an atlas shows unless told otherwise.
DEFAULT_LEVELS: tuple[str, ...] = ("kinderopvang", "basis", "secundair", "bso")
ProgressCallback = Callable[[float, str], None]

_T = {
    "nl": {
        "doc": "Wijkatlas capaciteit, schooljaar {year}",
        "city": "Gent: capaciteit per niveau",
        "wijk": "Wijk {nr}: {name}",
        "stadsdeel": "Stadsdeel {name}",
        "page": "pagina {page} van {pages}",
        "level": "Niveau",
        "capacity": "Capaciteit {year}",
        "demand": "Vraag {year}",
        "balance": "Saldo {year}",
        "chart": "Saldo per niveau, schooljaar {first} tot {last}",
        "y": "plaatsen (saldo = capaciteit − vraag)",
        "note": "Saldo = capaciteit min vraag, in plaatsen; negatief (rood) = tekort. "
        "Capaciteit telt vanaf het schooljaar waarin ze opent.",
        "wijken_short": "{n} van {total} wijken met een tekort aan plaatsen {level} in {year}.",
        "progress": "Pagina {page} van {pages}: {what}",
    },
    "en": {
        "doc": "District atlas of capacity, school year {year}",
        "city": "Ghent: capacity per level",
        "wijk": "Wijk {nr}: {name}",
        "stadsdeel": "Stadsdeel {name}",
        "page": "page {page} of {pages}",
        "level": "Level",
        "capacity": "Capacity {year}",
        "demand": "Demand {year}",
        "balance": "Balance {year}",
        "chart": "Balance per level, school years {first} to {last}",
        "y": "places (balance = capacity − demand)",
        "note": "Balance = capacity minus demand, in places; negative (red) = shortfall. "
        "Capacity counts from the school year it opens.",
        "wijken_short": "{n} of {total} wijken short of {level} places in {year}.",
        "progress": "Page {page} of {pages}: {what}",
    },
}


def atlas_years(year: int, end_year: int, horizon: int = 15) -> tuple[list[int], list[int]]:
    """Chart years (``year`` to ``year + horizon``) and table years (a few steps of them).

    Examples
    --------
    >>> atlas_years(2024, 2050)[1]
    [2024, 2027, 2030, 2034]
    """
    last = min(year + horizon, end_year)
    chart = list(range(year, last + 1))
    table = sorted({y for y in (year, year + 3, year + 6, year + 10) if y <= last})
    return chart, table


def balance_series(
    frames: dict[int, pd.DataFrame], levels: Sequence[str], wijknr: int | None = None
) -> pd.DataFrame:
    """Capacity, demand and balance per level and year, for one wijk or (None) the city.

    Parameters
    ----------
    frames : dict of int to DataFrame
        ``workspace.balance(year)`` per school year.
    levels : sequence of str
        Level keys to keep.
    wijknr : int, optional
        One wijk; the city totals when None.
    """
    table = pd.concat(frames.values(), ignore_index=True)
    table = table[table["level"].isin(levels)]
    if wijknr is not None:
        table = table[table["wijknr"] == wijknr]
    out = table.groupby(["level", "year"], sort=False)[["capacity", "demand"]].sum().reset_index()
    out["balance"] = out["capacity"] - out["demand"]
    return out


def _table_rows(
    series: pd.DataFrame, levels: Sequence[str], year: int, table_years: list[int], language: str
) -> list[list[TableCell]]:
    rows = []
    by = series.set_index(["level", "year"])
    for level in levels:
        if (level, year) not in by.index:
            continue
        now = by.loc[(level, year)]
        row = [
            TableCell(level_label(level, language)),
            TableCell(format_count(now["capacity"], language)),
            TableCell(format_count(now["demand"], language)),
        ]
        for y in table_years:
            value = by.loc[(level, y), "balance"] if (level, y) in by.index else float("nan")
            row.append(
                TableCell(
                    format_count(value, language, signed=True), short=value < -0.5, bold=y == year
                )
            )
        rows.append(row)
    return rows


def _chart_series(series: pd.DataFrame, levels: Sequence[str], language: str) -> list[Series]:
    out = []
    for level in levels:
        rows = series[series["level"] == level].sort_values("year")
        if rows.empty:
            continue
        out.append(
            Series(
                level_label(level, language),
                LEVEL_COLORS.get(level, "#444444"),
                rows["year"].astype(int).tolist(),
                rows["balance"].astype(float).tolist(),
            )
        )
    return out


def draw_balance_page(
    painter: QPainter,
    spec: PageSpec,
    *,
    title: str,
    subtitle: str,
    right: str,
    view: MapView,
    extent: tuple[float, float, float, float],
    series: pd.DataFrame,
    levels: Sequence[str],
    year: int,
    table_years: list[int],
    provenance: Provenance,
    licence: str | None,
    lead: str = "",
) -> QRectF:
    """Draw one atlas page (portrait): title block, map and legend, table, chart, footer.

    Returns
    -------
    QRectF
        The map frame (device pixels), for checks.
    """
    language = provenance.language
    t = _T[language]
    m = spec.mm(12 if spec.paper == "A4" else 15)
    content = spec.page_rect().adjusted(m, m, -m, -m)
    top = draw_header(painter, spec, content, title, subtitle, right)
    footer_top = draw_footer(painter, spec, content, provenance, licence)
    body_h = footer_top - top
    if lead:
        top += draw_text(
            painter, QRectF(content.left(), top, content.width(), body_h), lead, font(spec, 9)
        )
        top += spec.mm(2)
        body_h = footer_top - top
    gap = spec.mm(4)
    map_h = body_h * 0.47
    legend_w = content.width() * 0.3
    frame = QRectF(content.left(), top, content.width() - legend_w - gap, map_h)
    draw_map_frame(painter, spec, frame, view.model, extent, language=language)
    draw_legend_fitted(
        painter,
        spec,
        QRectF(frame.right() + gap, top, legend_w, map_h),
        view.legend_layers(),
        language,
        max_columns=1,
    )
    y = frame.bottom() + gap
    header = [
        t["level"],
        t["capacity"].format(year=school_year(year)),
        t["demand"].format(year=school_year(year)),
        *(t["balance"].format(year=school_year(y)) for y in table_years),
    ]
    rows = _table_rows(series, levels, year, table_years, language)
    y += draw_table(painter, spec, QRectF(content.left(), y, content.width(), body_h), header, rows)
    y += spec.mm(1)
    y += draw_text(
        painter,
        QRectF(content.left(), y, content.width(), spec.mm(12)),
        t["note"],
        font(spec, 6.5),
        "#5a5a5a",
    )
    y += gap
    years = sorted(series["year"].unique())
    draw_line_chart(
        painter,
        spec,
        QRectF(content.left(), y, content.width(), footer_top - y - spec.mm(1)),
        _chart_series(series, levels, language),
        title=t["chart"].format(first=school_year(years[0]), last=school_year(years[-1])),
        y_label=t["y"],
        language=language,
        mark_year=year,
    )
    return frame


def _focus_layers(workspace, wijknr: int, frame: gpd.GeoDataFrame) -> tuple[MapLayer, MapLayer]:
    """A white veil over everything but the wijk, and the wijk's outline."""
    wijk = workspace.wijken[workspace.wijken["wijknr"] == wijknr]
    shape = shapely.union_all(wijk.geometry.values)
    xmin, ymin, xmax, ymax = frame.total_bounds
    outside = shapely.box(xmin - 5e4, ymin - 5e4, xmax + 5e4, ymax + 5e4).difference(shape)
    crs = workspace.wijken.crs
    veil = MapLayer(
        "atlas_veil",
        gpd.GeoDataFrame(geometry=[outside], crs=crs),
        SingleStyle(Symbol(fill="#ffffff", stroke=None, fill_opacity=0.6)),
        group="plan",
    )
    outline = MapLayer(
        "atlas_focus",
        gpd.GeoDataFrame(geometry=[shape], crs=crs),
        SingleStyle(Symbol(fill=None, stroke="#1a1a1a", stroke_width=2.4)),
        group="plan",
    )
    return veil, outline


def clipped_view(
    view: MapView,
    extent: tuple[float, float, float, float],
    extra: Sequence[MapLayer] = (),
    tolerance: float = 1.0,
) -> MapView:
    """A copy of ``view`` whose lines and polygons are cut to ``extent`` and simplified.

    A zoomed page then holds only what it shows, which keeps the PDF small;
    ``tolerance`` (metres) is far below what print shows at wijk scale.
    ``extra`` layers are added on top.
    """
    layers = LayerList()
    for layer in view.model.layers:
        if layer.kind != "point" and len(layer):
            frame = layer.frame.iloc[layer.features_in(extent)] if len(layer) > 200 else layer.frame
            geoms = shapely.clip_by_rect(
                shapely.simplify(frame.geometry.values, tolerance, preserve_topology=True),
                *extent,
            )
            frame = frame.set_geometry(gpd.GeoSeries(geoms, index=frame.index, crs=frame.crs))
            frame = frame[~frame.geometry.is_empty]
            layer = MapLayer(
                layer.name,
                frame,
                layer.style,
                title=layer.title,
                group=layer.group,
                visible=layer.visible,
                illustrative=layer.illustrative,
                labels=layer.labels,
            )
        layers.add_layer(layer)
    for layer in extra:
        layers.add_layer(layer)
    return replace(view, model=layers.to_model(), extent=extent)


def export_atlas(
    path: str | Path,
    workspace,
    year: int,
    levels: Sequence[str] = DEFAULT_LEVELS,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
    *,
    map_level: str | None = None,
    language: str = "nl",
    scenario: str | None = None,
    paper: str = "A4",
    dpi: float = 300.0,
    plan=None,
    map_frames: list[tuple[float, float, float, float]] | None = None,
) -> Path | None:
    """Write the district atlas: a city summary page, then one page per wijk.

    Parameters
    ----------
    path : str or Path
        Output ``.pdf``.
    workspace : Workspace
        Data, parameters and edits.
    year : int
        School year ``Y`` (Y-(Y+1)) of the maps and the first table column.
    levels : sequence of str
        Levels in the tables and charts.
    progress : callable, optional
        ``progress(fraction, message)`` after each page.
    cancel : threading.Event or callable, optional
        Checked before each page; when set, the partial file is removed and
        None is returned.
    map_level : str, optional
        Level whose shortfall colours the maps (default: the first of ``levels``
        among basis, secundair, kinderopvang).
    language : {"nl", "en"}
    scenario : str, optional
        Scenario name printed in subtitles and footers.
    paper : {"A4", "A3"}
        Pages are portrait.
    dpi : float
        Resolution of the PDF's coordinate grid.
    plan : PlanResult, optional
        Proposed sites drawn on the maps.
    map_frames : list, optional
        When given, receives each page's map frame ``(left, top, width, height)``
        in points (1/72 inch) from the page's top-left corner.

    Returns
    -------
    pathlib.Path or None
        The file written, or None when cancelled.
    """
    levels = [check_level(lv) for lv in levels]
    if not levels:
        raise InputError("The atlas needs at least one level.")
    map_level = check_level(
        map_level
        or next((lv for lv in ("basis", "secundair", "kinderopvang") if lv in levels), levels[0])
    )
    spec = PageSpec(paper, "portrait", dpi)
    out = check_output_path(path, (".pdf",))
    workspace.check_year(year)
    chart_years, table_years = atlas_years(year, workspace.params.end_year)
    frames = {y: workspace.balance(y) for y in chart_years}
    view = balance_view(
        workspace,
        map_level,
        year,
        language=language,
        plan=plan,
        scenario=scenario,
        balance=frames[year],
    )
    provenance = page_provenance(workspace, view, language=language, scenario=scenario)
    licence = workspace.dataset.info.get("licence")
    t = _T[language]
    wijken = workspace.wijken.sort_values("wijknr")
    pages = len(wijken) + 1
    city_rows = frames[year][frames[year]["level"] == map_level]
    lead = t["wijken_short"].format(
        n=int((city_rows["shortfall"] > 0.5).sum()),
        total=len(wijken),
        level=level_label(map_level, language).lower(),
        year=school_year(year),
    )
    with export_language(language):
        writer = open_pdf(out, spec, t["doc"].format(year=school_year(year)), language)
        painter = QPainter()
        begin(painter, writer, out)
        cancelled = False
        try:
            for page in range(pages):
                if is_cancelled(cancel):
                    cancelled = True
                    break
                if page:
                    writer.newPage()
                right = f"{provenance.date_text()}\n{t['page'].format(page=page + 1, pages=pages)}"
                if page == 0:
                    what = t["city"]
                    frame = draw_balance_page(
                        painter,
                        spec,
                        title=t["doc"].format(year=school_year(year)),
                        subtitle=view.subtitle,
                        right=right,
                        view=view,
                        extent=view.extent,
                        series=balance_series(frames, levels),
                        levels=levels,
                        year=year,
                        table_years=table_years,
                        provenance=provenance,
                        licence=licence,
                        lead=lead,
                    )
                else:
                    row = wijken.iloc[page - 1]
                    nr = int(row["wijknr"])
                    what = t["wijk"].format(nr=nr, name=row["wijk"])
                    bounds = tuple(float(b) for b in shapely.bounds(row.geometry))
                    pad = 0.08 * max(bounds[2] - bounds[0], bounds[3] - bounds[1])
                    extent = (bounds[0] - pad, bounds[1] - pad, bounds[2] + pad, bounds[3] + pad)
                    # the frame is wider than tall: keep what the fitted view shows
                    w, h = extent[2] - extent[0], extent[3] - extent[1]
                    cx, cy = (extent[0] + extent[2]) / 2, (extent[1] + extent[3]) / 2
                    side = max(w, h) * 1.3
                    shown = (cx - side, cy - side, cx + side, cy + side)
                    frame = draw_balance_page(
                        painter,
                        spec,
                        title=what,
                        subtitle=f"{t['stadsdeel'].format(name=row.get('stadsdeel', ''))} · {view.subtitle}",
                        right=right,
                        view=clipped_view(view, shown, _focus_layers(workspace, nr, wijken)),
                        extent=extent,
                        series=balance_series(frames, levels, nr),
                        levels=levels,
                        year=year,
                        table_years=table_years,
                        provenance=provenance,
                        licence=licence,
                    )
                if map_frames is not None:
                    map_frames.append(frame_points(spec, frame))
                if progress is not None:
                    progress(
                        (page + 1) / pages,
                        t["progress"].format(page=page + 1, pages=pages, what=what),
                    )
        finally:
            painter.end()
    if cancelled:
        out.unlink(missing_ok=True)
        return None
    return out
