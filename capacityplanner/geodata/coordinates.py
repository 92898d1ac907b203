"""Points from the coordinate columns of a CSV or XLSX table.

Understood: ``lat``/``lon`` (WGS84, EPSG:4326), ``x``/``y`` (Belgian Lambert 72,
EPSG:31370; degrees found there are read as lon/lat with a warning), a
``geo_point_2d`` column holding ``"lat, lon"`` as the city's open-data portal
exports it, and a ``wkt``/``geometry`` column holding WKT.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from capacityplanner.geodata.columns import normalize
from capacityplanner.geodata.numbers import report_rows
from capacityplanner.geodata.problems import Problem, problem
from capacityplanner.geodata.validate import parse_numbers

LAT_NAMES = ("lat", "latitude", "breedtegraad", "lat_wgs84", "wgs84_lat", "y_wgs84")
LON_NAMES = ("lon", "lng", "long", "longitude", "lengtegraad", "lon_wgs84", "wgs84_lon", "x_wgs84")
X_NAMES = ("x", "x_lambert", "lambert_x", "x_l72", "xcoord", "x_coord", "coord_x", "x_coordinaat")
Y_NAMES = ("y", "y_lambert", "lambert_y", "y_l72", "ycoord", "y_coord", "coord_y", "y_coordinaat")
PAIR_NAMES = ("geo_point_2d", "geopoint", "coordinaten", "coordinates", "latlon", "lat_lon")
WKT_NAMES = ("wkt", "geometry", "geom", "the_geom", "geometrie")

#: Keys of a user mapping that name coordinate columns.
COORDINATE_KEYS = ("lat", "lon", "x", "y")


def find_coordinate_columns(
    columns: Sequence[str], mapping: Mapping[str, str] | None = None
) -> tuple[str, tuple[str, ...]] | None:
    """Which columns hold coordinates.

    Returns
    -------
    tuple or None
        ``("latlon", (lat, lon))``, ``("xy", (x, y))``, ``("pair", (col,))``
        or ``("wkt", (col,))``; None when there are none.
    """
    mapping = dict(mapping or {})
    if "lat" in mapping and "lon" in mapping:
        return "latlon", (mapping["lat"], mapping["lon"])
    if "x" in mapping and "y" in mapping:
        return "xy", (mapping["x"], mapping["y"])
    by_norm = {normalize(c): c for c in reversed(list(columns))}

    def first(names: tuple[str, ...]) -> str | None:
        return next((by_norm[n] for n in names if n in by_norm), None)

    lat, lon = first(LAT_NAMES), first(LON_NAMES)
    if lat and lon:
        return "latlon", (lat, lon)
    x, y = first(X_NAMES), first(Y_NAMES)
    if x and y:
        return "xy", (x, y)
    pair = first(PAIR_NAMES)
    if pair:
        return "pair", (pair,)
    wkt = first(WKT_NAMES)
    if wkt:
        return "wkt", (wkt,)
    return None


def points_from_columns(
    frame: pd.DataFrame,
    *,
    file: str,
    layer: str | None,
    rows: Sequence[int],
    mapping: Mapping[str, str] | None = None,
    decimal_comma: bool | None = None,
) -> tuple[gpd.GeoDataFrame | None, tuple[str, ...], list[Problem], list[str]]:
    """Make a point layer of a table with coordinate columns.

    Parameters
    ----------
    frame : pandas.DataFrame
        The table as read (text or numbers).
    file, layer, rows
        For messages (``rows``: spreadsheet row numbers).
    mapping : dict, optional
        May name the coordinate columns: keys ``lat``/``lon`` or ``x``/``y``.
    decimal_comma : bool, optional
        Whether the file writes decimal commas (see
        :func:`~capacityplanner.geodata.validate.parse_numbers`).

    Returns
    -------
    layer : geopandas.GeoDataFrame or None
        A copy of ``frame`` with point geometries in the CRS of the
        coordinates; rows without coordinates have no geometry (and a problem).
    used : tuple of str
        The coordinate columns used.
    problems : list of Problem
    warnings : list of str
    """
    found = find_coordinate_columns(list(frame.columns), mapping)
    rows = np.asarray(rows)
    if found is None:
        return (
            None,
            (),
            [
                problem(
                    file,
                    "has no geometry and no coordinate columns (lat/lon in WGS84, or x/y in "
                    "Belgian Lambert 72)",
                    layer=layer,
                )
            ],
            [],
        )
    kind, cols = found
    missing = [c for c in cols if c not in frame.columns]
    if missing:
        return (
            None,
            cols,
            [
                problem(
                    file,
                    f"has no column '{missing[0]}' (columns: {', '.join(map(str, frame.columns))})",
                    layer=layer,
                )
            ],
            [],
        )
    problems: list[Problem] = []
    warnings: list[str] = []
    if kind == "wkt":
        text = frame[cols[0]].astype("string").fillna("").to_numpy(dtype=object)
        geoms = shapely.from_wkt(text, on_invalid="ignore")
        bad = (text != "") & shapely.is_missing(geoms)
        report_rows(problems, bad, "is not WKT geometry", file, layer, rows, cols[0])
        out = gpd.GeoDataFrame(frame.drop(columns=list(cols)), geometry=geoms, crs=None)
        warnings.append(
            f"{file}: geometry read as WKT from column '{cols[0]}'; its CRS is assumed to be EPSG:31370."
        )
        return out.set_crs("EPSG:31370"), cols, problems, warnings
    if kind == "pair":
        parts = frame[cols[0]].astype("string").str.split(r"[,;\s]+", n=1, regex=True, expand=True)
        if parts.shape[1] < 2:
            parts[1] = pd.NA
        first_vals, bad1, empty1 = parse_numbers(parts[0])
        second_vals, bad2, empty2 = parse_numbers(parts[1])
        report_rows(
            problems,
            bad1 | bad2 | (empty1 ^ empty2),
            "is not a 'lat, lon' pair",
            file,
            layer,
            rows,
            cols[0],
        )
        report_rows(
            problems,
            empty1 & empty2,
            "is empty; the coordinates are required",
            file,
            layer,
            rows,
            cols[0],
        )
        xs, ys, crs = second_vals, first_vals, "EPSG:4326"
    else:
        a, bad_a, empty_a = parse_numbers(frame[cols[0]], decimal_comma)
        b, bad_b, empty_b = parse_numbers(frame[cols[1]], decimal_comma)
        for col, bad, empty in ((cols[0], bad_a, empty_a), (cols[1], bad_b, empty_b)):
            report_rows(problems, bad, "is not a number", file, layer, rows, col)
            report_rows(
                problems, empty, "is empty; the coordinates are required", file, layer, rows, col
            )
        if kind == "latlon":
            xs, ys, crs = b, a, "EPSG:4326"
        else:
            xs, ys, crs = a, b, "EPSG:31370"
            with np.errstate(invalid="ignore"):
                degrees = (
                    np.nanmax(np.abs(xs), initial=0) <= 180
                    and np.nanmax(np.abs(ys), initial=0) <= 90
                )
            if degrees and np.isfinite(xs).any():
                crs = "EPSG:4326"
                warnings.append(
                    f"{file}: columns '{cols[0]}'/'{cols[1]}' hold degrees; read as longitude/latitude (WGS84)."
                )
    ok = np.isfinite(xs) & np.isfinite(ys)
    geoms = np.full(len(frame), None, dtype=object)
    geoms[ok] = shapely.points(xs[ok], ys[ok])
    out = gpd.GeoDataFrame(frame.drop(columns=list(cols)), geometry=geoms, crs=crs)
    return out, cols, problems, warnings
