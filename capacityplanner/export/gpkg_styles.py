"""A GeoPackage of plan and balance layers that opens styled in QGIS.

Each layer is written in EPSG:31370 and gets a row in the ``layer_styles``
table (the QGIS convention: ``f_table_catalog``, ``f_table_schema``,
``f_table_name``, ``f_geometry_column``, ``styleName``, ``styleQML``,
``styleSLD``, ``useAsDefault``, ``description``, ``owner``, ``ui``,
``update_time``), so QGIS applies the style when the layer is added. The
provenance lines (credit, illustrative notice, tool version) go into the
layers' ``gpkg_contents.description`` and the styles' ``description``.

Ready-made styles: :func:`balance_style_spec` (graduated red-green on a
shortfall field), :func:`site_style_spec` (points sized by places, brede
sites as stars) and :func:`allocation_style_spec` (dashed lines).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd

from capacityplanner.errors import InputError
from capacityplanner.export.provenance import TOOL_NAME, Provenance
from capacityplanner.export.qgis_style import GeometryKind, LayerStyleSpec, style_qml, style_sld
from capacityplanner.export.symbology import shortfall_style, site_capacity
from capacityplanner.render.style import GraduatedClass, GraduatedStyle, SingleStyle, Symbol

__all__ = [
    "LAYER_STYLES_DDL",
    "LayerStyleSpec",
    "add_total_places",
    "allocation_style_spec",
    "balance_style_spec",
    "export_styled_gpkg",
    "site_style_spec",
]

#: The ``layer_styles`` table as QGIS creates it in a GeoPackage.
LAYER_STYLES_DDL = """
CREATE TABLE IF NOT EXISTS layer_styles (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    f_table_catalog TEXT(256),
    f_table_schema TEXT(256),
    f_table_name TEXT(256),
    f_geometry_column TEXT(256),
    styleName TEXT(30),
    styleQML TEXT,
    styleSLD TEXT,
    useAsDefault BOOLEAN,
    description TEXT,
    owner TEXT(30),
    ui TEXT(30),
    update_time DATETIME DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
)
"""
CRS = "EPSG:31370"


def _kind(gdf: gpd.GeoDataFrame, name: str) -> GeometryKind:
    types = set(gdf.geom_type.dropna())
    if types <= {"Point", "MultiPoint"} and types:
        return "point"
    if types <= {"LineString", "MultiLineString"} and types:
        return "line"
    if types <= {"Polygon", "MultiPolygon"} and types:
        return "polygon"
    raise InputError(
        f"Layer {name} mixes or lacks geometry types ({', '.join(sorted(types)) or 'none'})."
    )


def export_styled_gpkg(
    path: str | Path,
    layers: Mapping[str, gpd.GeoDataFrame],
    styles: Mapping[str, LayerStyleSpec],
    *,
    provenance: Provenance | None = None,
) -> Path:
    """Write layers and their default styles to a GeoPackage (replacing the file).

    Parameters
    ----------
    path : str or Path
        Output ``.gpkg``.
    layers : mapping of str to GeoDataFrame
        Layer name -> features (reprojected to EPSG:31370 if needed).
    styles : mapping of str to LayerStyleSpec
        Layer name -> style; every name must be a layer, and the fields the
        style reads must exist in it. Layers without a style are written unstyled.
    provenance : Provenance, optional
        Credit, notice and version for the descriptions (default: illustrative Ghent data).

    Returns
    -------
    pathlib.Path
        The file written.
    """
    prov = provenance or Provenance()
    if not layers:
        raise InputError("There is no layer to write to the GeoPackage.")
    for name, spec in styles.items():
        if name not in layers:
            raise InputError(
                f"A style is given for layer {name}, which is not among the layers to write."
            )
        missing = [f for f in spec.fields() if f not in layers[name].columns]
        if missing:
            raise InputError(
                f"The style of layer {name} reads field(s) {', '.join(missing)} that the layer lacks."
            )
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    if out.exists():
        out.unlink()
    kinds: dict[str, GeometryKind] = {}
    for name, gdf in layers.items():
        if not isinstance(gdf, gpd.GeoDataFrame) or gdf.crs is None:
            raise InputError(f"Layer {name} has no geometry or no coordinate reference system.")
        kinds[name] = _kind(gdf, name)
        frame = gdf.to_crs(CRS) if gdf.crs != CRS else gdf
        frame.to_file(out, layer=name, driver="GPKG", engine="pyogrio")
    description = "\n".join(prov.lines())
    owner = f"{TOOL_NAME['en']} {prov.tool_version}"[:30]
    now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.000Z")
    with closing(sqlite3.connect(out)) as con, con:
        con.execute(LAYER_STYLES_DDL)
        con.execute(
            "INSERT OR REPLACE INTO gpkg_contents (table_name, data_type, identifier, description, last_change) "
            "VALUES ('layer_styles', 'attributes', 'layer_styles', 'QGIS layer styles', ?)",
            (now,),
        )
        geom_cols = dict(con.execute("SELECT table_name, column_name FROM gpkg_geometry_columns"))
        for name in layers:
            con.execute(
                "UPDATE gpkg_contents SET description = ? WHERE table_name = ?", (description, name)
            )
        for name, spec in styles.items():
            con.execute(
                "INSERT INTO layer_styles (f_table_catalog, f_table_schema, f_table_name, f_geometry_column, "
                "styleName, styleQML, styleSLD, useAsDefault, description, owner, ui, update_time) "
                "VALUES ('', '', ?, ?, ?, ?, ?, 1, ?, ?, '', ?)",
                (
                    name,
                    geom_cols.get(name, "geom"),
                    spec.name[:30],
                    style_qml(spec, kinds[name]),
                    style_sld(spec, name, kinds[name]),
                    "\n".join(filter(None, [spec.description, description])),
                    owner,
                    now,
                ),
            )
    return out


def balance_style_spec(
    balance: gpd.GeoDataFrame, field: str, language: str = "nl", name: str | None = None
) -> LayerStyleSpec:
    """Graduated red-green on a shortfall field; wijk names as labels (when present)."""
    if field not in balance.columns:
        raise InputError(f"The balance layer has no field {field}.")
    return LayerStyleSpec(
        shortfall_style(field, balance[field], language),
        name=name or f"tekort {field.removeprefix('shortfall_')}"[:30],
        description=f"Graduated on {field}: green = no shortfall, yellow to red = places short.",
        label_field="wijk" if "wijk" in balance.columns else None,
    )


def add_total_places(gdf: gpd.GeoDataFrame, column: str = "places_total") -> gpd.GeoDataFrame:
    """A copy with ``column`` = the site's places summed over its capacity fields."""
    return gdf.assign(**{column: site_capacity(gdf).round().astype("int64")})


def site_style_spec(
    sites: gpd.GeoDataFrame,
    size_field: str = "places_total",
    color: str = "#2166ac",
    brede_field: str | None = "brede",
    n_classes: int = 4,
    name: str = "plaatsen",
) -> LayerStyleSpec:
    """Points sized by places in round classes; brede sites as stars (if the field exists)."""
    if size_field not in sites.columns:
        raise InputError(f"The site layer has no field {size_field} to size the sites by.")
    values = pd.to_numeric(sites[size_field], errors="coerce").fillna(0).to_numpy(float)
    top = max(float(values.max()) if values.size else 0.0, 1.0)
    step = (
        float(np.ceil(top / n_classes / 50.0) * 50.0)
        if top > 50
        else float(np.ceil(top / n_classes))
    )
    sizes = np.linspace(5.0, 14.0, n_classes)
    classes = [
        GraduatedClass(
            i * step,
            (i + 1) * step,
            Symbol(
                fill=color,
                stroke="#ffffff" if not brede_field else "#000000",
                stroke_width=0.6,
                size=float(sizes[i]),
            ),
            f"{int(i * step)} – {int((i + 1) * step)}",
        )
        for i in range(n_classes)
    ]
    brede = brede_field if brede_field and brede_field in sites.columns else None
    return LayerStyleSpec(
        GraduatedStyle(size_field, classes),
        name=name,
        description=f"Sized by {size_field}" + (f"; {brede} = 1 drawn as a star" if brede else ""),
        brede_field=brede,
    )


def allocation_style_spec(color: str = "#08306b") -> LayerStyleSpec:
    """Dashed lines for allocations (where the children of a wijk go)."""
    return LayerStyleSpec(
        SingleStyle(
            Symbol(fill=None, stroke=color, stroke_width=1.0, dashed=True), label="toewijzing"
        ),
        name="toewijzing",
        description="Allocation lines",
    )
