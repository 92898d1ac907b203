"""Interactive HTML map for a council briefing that opens offline.

One self-contained ``.html`` file: Leaflet is inlined from the vendored copy
(no CDN, no jQuery, Bootstrap or Font Awesome), there are no tiles, and the
base map is the shipped streets and parks drawn as vector layers on a canvas.
The page shows the balance per wijk for one level and school year, every site
layer, optionally a plan (proposed sites and allocation lines), a layer
control, popups with the figures, a legend, a title, the credit line, the
illustrative-data notice and the tool version.

For tests and scripts the page publishes ``window.cpCounts`` (features drawn
per layer) and gives every wijk path the class ``cp-wijk cp-wijk-<wijknr>`` and
every site marker ``cp-site cp-site-<site_id>``.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from pathlib import Path

import folium
import geopandas as gpd
import numpy as np
import pandas as pd

from capacityplanner.errors import InputError
from capacityplanner.export.balance_layer import balance_wide
from capacityplanner.export.html_controls import (
    InlineLeaflet,
    LayerCounts,
    Legend,
    PageText,
    Panes,
    dot_row,
    line_row,
    swatch_row,
)
from capacityplanner.export.html_layers import VectorLayer, features_json
from capacityplanner.export.html_popups import site_popups, wijk_popups
from capacityplanner.export.labels import level_label, school_year
from capacityplanner.export.provenance import Provenance, check_language
from capacityplanner.export.site_palette import SITE_COLORS, SITE_LAYER_NAMES
from capacityplanner.export.symbology import shortfall_style, site_capacity, site_radius

__all__ = ["SITE_COLORS", "SITE_LAYER_NAMES", "export_html_map"]

_EXTRA_COLORS = ("#01665e", "#8c510a", "#c51b7d", "#4d4d4d")
_TEXT = {
    "nl": {
        "title": "Capaciteitssaldo {level}, schooljaar {year}",
        "subtitle": "Tekort aan plaatsen per wijk",
        "balance": "Tekort {level} {year}",
        "shortfall_head": "Tekort aan plaatsen ({level}, {year})",
        "sites_head": "Sites (grootte: plaatsen)",
        "plan_head": "Plan",
        "base_head": "Ondergrond",
        "streets": "Straten",
        "parks": "Parken",
        "proposed": "Voorgestelde site",
        "brede": "Brede site (dikke rand)",
        "allocation": "Toewijzing",
    },
    "en": {
        "title": "Capacity balance {level}, school year {year}",
        "subtitle": "Shortfall of places per wijk",
        "balance": "Shortfall {level} {year}",
        "shortfall_head": "Shortfall of places ({level}, {year})",
        "sites_head": "Sites (size: places)",
        "plan_head": "Plan",
        "base_head": "Base map",
        "streets": "Streets",
        "parks": "Parks",
        "proposed": "Proposed site",
        "brede": "Brede site (thick outline)",
        "allocation": "Allocation",
    },
}


def export_html_map(
    path: str | Path,
    wijken: gpd.GeoDataFrame,
    balance: pd.DataFrame,
    sites: Mapping[str, gpd.GeoDataFrame],
    wegen: gpd.GeoDataFrame | None = None,
    parken: gpd.GeoDataFrame | None = None,
    plan: Mapping[str, gpd.GeoDataFrame] | None = None,
    *,
    year: int,
    level: str = "basis",
    title: str | None = None,
    illustrative: bool | None = None,
    credit: str | None = None,
    provenance: Provenance | None = None,
    language: str = "nl",
    precision: int = 6,
    simplify_m: float = 1.0,
    hidden: tuple[str, ...] = ("kandidaatsites",),
) -> Path:
    """Write the interactive map as one HTML file that needs no network.

    Parameters
    ----------
    path : str or Path
        Output ``.html`` file (parent folders are created).
    wijken : geopandas.GeoDataFrame
        Wijk polygons (``wijknr``, ``wijk``) in a projected CRS (EPSG:31370).
    balance : pandas.DataFrame
        Balance per wijk, level and year: ``wijknr``, ``level``, ``year``,
        ``capacity``, ``demand``, ``balance``, ``shortfall``.
    sites : mapping of str to GeoDataFrame
        Point layers by name (``scholen_basis``, ``kinderopvang`` ...), each with
        ``site_id`` and ``name``; capacity columns (``capacity_*``, ``places``,
        ``capacity``, ``max_*``) size the markers and fill the popups.
    wegen, parken : GeoDataFrame, optional
        Streets (``road_class``) and parks drawn as the base map.
    plan : mapping of str to GeoDataFrame, optional
        Plan layers: point layers of proposed sites (``places_<level>`` or
        ``places``, optional ``brede`` 0/1) and line layers of allocations.
    year : int
        School year ``Y`` (Y-(Y+1)) shown.
    level : str
        Level key whose shortfall colours the wijken.
    title : str, optional
        Page title (default: the level and school year).
    illustrative : bool, optional
        Print the illustrative-data notice; default: when any site layer has
        ``illustrative`` = 1. Ignored when ``provenance`` is given.
    credit : str, optional
        Credit line (default: the data set's). Ignored when ``provenance`` is given.
    provenance : Provenance, optional
        Credit, notice, version and date texts.
    language : {"nl", "en"}
        Language of the page.
    precision : int
        Decimals kept in longitude/latitude (6: about 0.1 m).
    simplify_m : float
        Simplification tolerance in metres for wijken, streets and parks.
    hidden : tuple of str
        Site layers switched off when the page opens (the layer control shows them).

    Returns
    -------
    pathlib.Path
        The file written.
    """
    check_language(language)
    _check_layer(wijken, "wijken", ("wijknr", "wijk"))
    for key, gdf in sites.items():
        _check_layer(gdf, key, ("site_id", "name"))
    text = _TEXT[language]
    if provenance is None:
        if illustrative is None:
            illustrative = any(_is_illustrative(g) for g in sites.values())
        extra = {"credit": credit} if credit else {}
        provenance = Provenance(illustrative=bool(illustrative), language=language, **extra)
    wide = balance_wide(wijken, balance, year)
    shortfall_col = f"shortfall_{level}"
    if shortfall_col not in wide.columns:
        raise InputError(
            f"The balance table has no rows for level {level!r} in school year {year}."
        )
    lev, yr = level_label(level, language), school_year(year)

    bounds = wijken.to_crs(4326).total_bounds
    fmap = folium.Map(
        location=[(bounds[1] + bounds[3]) / 2, (bounds[0] + bounds[2]) / 2],
        tiles=None,
        prefer_canvas=True,
        zoom_start=12,
        min_zoom=9,
        max_zoom=19,
        control_scale=True,
        font_size="13px",
        zoomSnap=0.25,
    )
    # No CDN: drop folium's default links (Leaflet, jQuery, Bootstrap, Font Awesome,
    # awesome-markers) and inline the vendored Leaflet instead.
    fmap.default_js = []
    fmap.default_css = []
    figure = fmap.get_root()
    figure.title = title or text["title"].format(level=lev, year=yr)
    figure.header.add_child(InlineLeaflet(), name="cp_leaflet")
    map_name = fmap.get_name()
    Panes(map_name).add_to(fmap)

    counts: dict[str, str] = {}
    # Wijken: choropleth of the chosen level's shortfall.
    style = shortfall_style(shortfall_col, wide[shortfall_col], language)
    cls = style.assign(wide)
    props = pd.DataFrame(
        {
            "_s": np.where(cls < 0, 0, cls),
            "_c": "cp-wijk cp-wijk-" + wide["wijknr"].astype(int).astype(str),
            "_p": wijk_popups(wide, level, year, language),
            "_t": wide["wijk"].astype(str),
        },
        index=wide.index,
    )
    styles = [
        {"fillColor": c.symbol.fill, "color": "#333333", "weight": 1.2, "fillOpacity": 0.55}
        for c in style.classes
    ]
    data, _ = features_json(wide, props, precision=precision, simplify_m=simplify_m)
    layer = VectorLayer(
        data, text["balance"].format(level=lev, year=yr), styles, "cp_wijken_renderer"
    )
    layer.add_to(fmap)
    counts["wijken"] = layer.get_name()

    # Base map: parks and streets on one canvas, no clicks.
    if parken is not None and len(parken):
        pstyle = [{"fillColor": "#a6d96a", "fillOpacity": 0.6, "stroke": False}]
        data, _ = features_json(parken, None, precision=precision, simplify_m=simplify_m)
        layer = VectorLayer(data, text["parks"], pstyle, "cp_base_renderer", interactive=False)
        layer.add_to(fmap)
        counts["parken"] = layer.get_name()
    if wegen is not None and len(wegen):
        data, wstyles = _streets(wegen, precision, simplify_m)
        layer = VectorLayer(data, text["streets"], wstyles, "cp_base_renderer", interactive=False)
        layer.add_to(fmap)
        counts["wegen"] = layer.get_name()

    # Sites and plan layers on top.
    site_rows: list[str] = []
    for i, (key, gdf) in enumerate(sites.items()):
        color = SITE_COLORS.get(key, _EXTRA_COLORS[i % len(_EXTRA_COLORS)])
        name = SITE_LAYER_NAMES[language].get(key, key)
        hollow = key == "kandidaatsites"
        sstyle = [
            {
                "color": "#ffffff" if not hollow else color,
                "weight": 1 if not hollow else 1.5,
                "fillColor": color,
                "fillOpacity": 0.85 if not hollow else 0.15,
            }
        ]
        props = _site_props(gdf, name, language)
        data, _ = features_json(gdf, props, precision=precision)
        layer = VectorLayer(data, name, sstyle, "cp_sites_renderer", show=key not in hidden)
        layer.add_to(fmap)
        counts[f"sites:{key}"] = layer.get_name()
        site_rows.append(dot_row(color if not hollow else None, color, name))

    plan_rows: list[str] = []
    for key, gdf in (plan or {}).items():
        plan_rows += _add_plan_layer(fmap, key, gdf, language, precision, counts)

    folium.LayerControl(collapsed=False, position="topright").add_to(fmap)
    base_rows = []
    if parken is not None and len(parken):
        base_rows.append(swatch_row("#a6d96a", text["parks"], 0.6))
    if wegen is not None and len(wegen):
        base_rows.append(line_row("#9a9a9a", text["streets"], 1.5))
    Legend(
        [
            (
                text["shortfall_head"].format(level=lev, year=yr),
                [swatch_row(c.symbol.fill or "#ffffff", c.label, 0.55) for c in style.classes],
            ),
            (text["sites_head"], site_rows + _size_rows(language)),
            (text["plan_head"], plan_rows),
            (text["base_head"], base_rows),
        ]
    ).add_to(fmap)
    PageText(
        figure.title,
        text["subtitle"] if title is None else text["title"].format(level=lev, year=yr),
        provenance.credit,
        provenance.notice_text(),
        provenance.version_text(),
    ).add_to(fmap)
    fmap.fit_bounds([[bounds[1], bounds[0]], [bounds[3], bounds[2]]])
    LayerCounts(counts).add_to(fmap)

    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(figure.render(), encoding="utf-8")
    return out


def _size_rows(language: str) -> list[str]:
    """Legend rows showing marker sizes for round numbers of places."""
    unit = "plaatsen" if language == "nl" else "places"
    refs = np.array([100, 500, 1000])
    return [
        dot_row("#ffffff", "#555555", f"{n} {unit}", int(round(2 * r)))
        for n, r in zip(refs, site_radius(refs), strict=True)
    ]


def _check_layer(gdf: gpd.GeoDataFrame, name: str, columns: tuple[str, ...]) -> None:
    if not isinstance(gdf, gpd.GeoDataFrame):
        raise InputError(f"Layer {name} is not a layer with geometry.")
    if gdf.crs is None:
        raise InputError(f"Layer {name} has no coordinate reference system.")
    missing = [c for c in columns if c not in gdf.columns]
    if missing:
        raise InputError(f"Layer {name} lacks the field(s) {', '.join(missing)}.")


def _is_illustrative(gdf: gpd.GeoDataFrame) -> bool:
    if "illustrative" not in gdf.columns:
        return False
    return bool((pd.to_numeric(gdf["illustrative"], errors="coerce") == 1).any())


def _streets(wegen: gpd.GeoDataFrame, precision: int, simplify_m: float) -> tuple[str, list[dict]]:
    """Streets by road class: motorways and main roads darker and wider."""
    styles = [
        {"color": "#6e6e6e", "weight": 2.4, "opacity": 0.9},  # 0-2 motorway, main roads
        {"color": "#8c8c8c", "weight": 1.6, "opacity": 0.9},  # 3-5 regional and local connectors
        {"color": "#a8a8a8", "weight": 0.9, "opacity": 0.9},  # 6-8 local streets
        {"color": "#c4c4c4", "weight": 0.6, "opacity": 0.9},  # 9-10 paths, -1 unknown
    ]
    rc = (
        pd.to_numeric(wegen["road_class"], errors="coerce").fillna(-1).to_numpy()
        if "road_class" in wegen.columns
        else np.full(len(wegen), -1)
    )
    s = np.select(
        [(rc >= 0) & (rc <= 2), (rc >= 3) & (rc <= 5), (rc >= 6) & (rc <= 8)], [0, 1, 2], 3
    )
    props = pd.DataFrame({"_s": s}, index=wegen.index)
    data, _ = features_json(wegen, props, precision=precision, simplify_m=simplify_m)
    return data, styles


def _site_props(gdf: gpd.GeoDataFrame, layer_name: str, language: str) -> pd.DataFrame:
    places = site_capacity(gdf)
    return pd.DataFrame(
        {
            "_s": 0,
            "_r": np.round(site_radius(places), 1),
            "_c": "cp-site cp-site-"
            + gdf["site_id"].astype(str).str.replace(r"\s+", "_", regex=True),
            "_p": site_popups(gdf, layer_name, language),
            "_t": gdf["name"].astype(str),
        },
        index=gdf.index,
    )


def _add_plan_layer(
    fmap: folium.Map,
    key: str,
    gdf: gpd.GeoDataFrame,
    language: str,
    precision: int,
    counts: dict[str, str],
) -> list[str]:
    """Add one plan layer; return its legend rows."""
    if gdf is None or not len(gdf):
        return []
    text = _TEXT[language]
    types = set(gdf.geom_type.dropna())
    if types <= {"Point", "MultiPoint"}:
        if "site_id" not in gdf.columns:
            gdf = gdf.assign(site_id=[f"{key}-{i + 1}" for i in range(len(gdf))])
        if "name" not in gdf.columns:
            gdf = gdf.assign(name=gdf["site_id"])
        props = _site_props(gdf, key, language)
        brede = (
            pd.to_numeric(gdf["brede"], errors="coerce").fillna(0).to_numpy() == 1
            if "brede" in gdf.columns
            else np.zeros(len(gdf), dtype=bool)
        )
        props["_s"] = brede.astype(int)
        props["_r"] = np.maximum(props["_r"], 6.0)
        styles = [
            {"color": "#000000", "weight": 2, "fillColor": "#ffd92f", "fillOpacity": 0.95},
            {"color": "#000000", "weight": 5, "fillColor": "#ffd92f", "fillOpacity": 0.95},
        ]
        data, _ = features_json(gdf, props, precision=precision)
        layer = VectorLayer(data, key, styles, "cp_sites_renderer")
        rows = [dot_row("#ffd92f", "#000000", text["proposed"], 14, 2)]
        if brede.any():
            rows.append(dot_row("#ffd92f", "#000000", text["brede"], 16, 4))
    else:
        styles = [{"color": "#08306b", "weight": 1.5, "opacity": 0.8, "dashArray": "5 4"}]
        props = pd.DataFrame(
            {
                "_s": 0,
                "_p": [
                    _line_popup(r, language)
                    for r in gdf.drop(columns=gdf.geometry.name).to_dict("records")
                ],
            },
            index=gdf.index,
        )
        data, _ = features_json(gdf, props, precision=precision)
        layer = VectorLayer(data, key, styles, "cp_sites_renderer")
        rows = [line_row("#08306b", f"{text['allocation']} ({key})", 1.5, dashed=True)]
    layer.add_to(fmap)
    counts[f"plan:{key}"] = layer.get_name()
    return rows


def _line_popup(record: dict, language: str) -> str:
    cells = "".join(
        f"<tr><td>{html.escape(str(k))}</td><td>{html.escape(str(v))}</td></tr>"
        for k, v in record.items()
        if v is not None and not (isinstance(v, float) and np.isnan(v))
    )
    return f'<div class="cp-popup"><table>{cells}</table></div>'
