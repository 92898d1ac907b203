"""What an atlas page shows: the balance series, its table and chart, and the zoomed map.

:func:`atlas_page` composes one page of the district atlas (the city, or one
wijk) as plain data for :func:`capacityplanner.render.print_layout.draw_atlas_page`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from capacityplanner.export.labels import level_label, school_year
from capacityplanner.export.page_figures import (
    LEVEL_COLORS,
    Series,
    Table,
    TableCell,
    balance_chart,
    format_count,
)
from capacityplanner.export.views import LayerList, MapView
from capacityplanner.render.layer_spec import LayerSpec
from capacityplanner.render.page_furniture import PageFooter, PageHeader
from capacityplanner.render.print_layout import AtlasPage
from capacityplanner.render.style import SingleStyle, Symbol

__all__ = [
    "TEXTS",
    "atlas_page",
    "atlas_years",
    "balance_series",
    "clipped_view",
    "focus_layers",
    "wijk_extents",
]

TEXTS = {
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


def _table(
    series: pd.DataFrame, levels: Sequence[str], year: int, table_years: list[int], language: str
) -> Table:
    t = TEXTS[language]
    header = [
        t["level"],
        t["capacity"].format(year=school_year(year)),
        t["demand"].format(year=school_year(year)),
        *(t["balance"].format(year=school_year(y)) for y in table_years),
    ]
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
    return Table(header, rows)


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


def atlas_page(
    header: PageHeader,
    footer: PageFooter,
    view: MapView,
    extent: tuple[float, float, float, float],
    series: pd.DataFrame,
    levels: Sequence[str],
    year: int,
    table_years: list[int],
    language: str,
    lead: str = "",
) -> AtlasPage:
    """One atlas page: the map of ``view`` showing ``extent``, the table and the chart of ``series``."""
    t = TEXTS[language]
    years = sorted(series["year"].unique())
    chart = balance_chart(
        _chart_series(series, levels, language),
        title=t["chart"].format(first=school_year(years[0]), last=school_year(years[-1])),
        y_label=t["y"],
        language=language,
        mark_year=year,
    )
    return AtlasPage(
        header,
        footer,
        view.picture(language, extent),
        _table(series, levels, year, table_years, language),
        t["note"],
        chart,
        lead,
    )


def focus_layers(workspace, wijknr: int, frame: gpd.GeoDataFrame) -> tuple[LayerSpec, LayerSpec]:
    """A white veil over everything but the wijk, and the wijk's outline."""
    wijk = workspace.wijken[workspace.wijken["wijknr"] == wijknr]
    shape = shapely.union_all(wijk.geometry.values)
    xmin, ymin, xmax, ymax = frame.total_bounds
    outside = shapely.box(xmin - 5e4, ymin - 5e4, xmax + 5e4, ymax + 5e4).difference(shape)
    crs = workspace.wijken.crs
    veil = LayerSpec(
        "atlas_veil",
        gpd.GeoDataFrame(geometry=[outside], crs=crs),
        SingleStyle(Symbol(fill="#ffffff", stroke=None, fill_opacity=0.6)),
        group="plan",
    )
    outline = LayerSpec(
        "atlas_focus",
        gpd.GeoDataFrame(geometry=[shape], crs=crs),
        SingleStyle(Symbol(fill=None, stroke="#1a1a1a", stroke_width=2.4)),
        group="plan",
    )
    return veil, outline


def wijk_extents(
    geometry, pad_share: float = 0.08
) -> tuple[tuple[float, float, float, float], tuple[float, float, float, float]]:
    """The padded extent a wijk page shows, and the wider area its map must hold.

    The map frame is wider than tall, so the fitted map shows more than the
    padded extent; the second box (1.3 times the larger side around the
    centre, each way) covers what the frame shows.
    """
    bounds = tuple(float(b) for b in shapely.bounds(geometry))
    pad = pad_share * max(bounds[2] - bounds[0], bounds[3] - bounds[1])
    extent = (bounds[0] - pad, bounds[1] - pad, bounds[2] + pad, bounds[3] + pad)
    w, h = extent[2] - extent[0], extent[3] - extent[1]
    cx, cy = (extent[0] + extent[2]) / 2, (extent[1] + extent[3]) / 2
    side = max(w, h) * 1.3
    return extent, (cx - side, cy - side, cx + side, cy + side)


def clipped_view(
    view: MapView,
    extent: tuple[float, float, float, float],
    extra: Sequence[LayerSpec] = (),
    tolerance: float = 1.0,
) -> MapView:
    """A copy of ``view`` whose lines and polygons are cut to ``extent`` and simplified.

    A zoomed page then holds only what it shows, which keeps the PDF small;
    ``tolerance`` (metres) is far below what print shows at wijk scale.
    ``extra`` layers are added on top.
    """
    layers = LayerList()
    box = shapely.box(*extent)
    for layer in view.layers:
        if not layer.is_points and len(layer):
            frame = layer.frame
            if len(frame) > 200:
                frame = frame.iloc[np.sort(frame.sindex.query(box, predicate="intersects"))]
            geoms = shapely.clip_by_rect(
                shapely.simplify(frame.geometry.values, tolerance, preserve_topology=True),
                *extent,
            )
            frame = frame.set_geometry(gpd.GeoSeries(geoms, index=frame.index, crs=frame.crs))
            frame = frame[~frame.geometry.is_empty]
            layer = replace(layer, frame=frame)
        layers.add_layer(layer)
    for layer in extra:
        layers.add_layer(layer)
    return replace(view, layers=layers.to_specs(), extent=extent)
