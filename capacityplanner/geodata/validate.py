"""Checks of imported data: numbers, CRS, geometries, and where the features lie.

Each check takes the data and returns new objects plus the problems it
found; inputs are never modified. Problems per field are capped at
:data:`~capacityplanner.geodata.problems.MAX_PER_FIELD`, with one more
problem saying how many rows were left out.
"""

from __future__ import annotations

from collections.abc import Sequence

import geopandas as gpd
import numpy as np
import shapely
from pyproj import CRS
from pyproj.exceptions import CRSError

from capacityplanner.geodata.numbers import (  # noqa: F401  (re-exported)
    KIND_TEXT,
    check_numbers,
    parse_numbers,
    uses_decimal_comma,
)
from capacityplanner.geodata.problems import MAX_PER_FIELD, Problem, problem

#: The one CRS inside the program: Belgian Lambert 72, metres.
INTERNAL_CRS = "EPSG:31370"
#: Bounds of Ghent's municipal boundary in EPSG:31370 (xmin, ymin, xmax, ymax).
GHENT_BOUNDS = (94653.0, 185681.0, 113655.0, 208919.0)
#: How far outside Ghent (metres) a feature may lie before it is reported.
DEFAULT_TOLERANCE_M = 1000.0


# --------------------------------------------------------------------------- CRS


def to_internal_crs(
    frame: gpd.GeoDataFrame,
    *,
    file: str,
    layer: str | None,
    assume_crs: str | None = None,
    hint: str = "",
) -> tuple[gpd.GeoDataFrame | None, list[Problem]]:
    """Return a copy of ``frame`` in EPSG:31370, or None and the problem.

    Parameters
    ----------
    frame : geopandas.GeoDataFrame
        The layer as read.
    file, layer
        For messages.
    assume_crs : str, optional
        CRS to use when the file names none (e.g. ``"EPSG:31370"``).
    hint : str
        Added to the missing-CRS message (e.g. why a shapefile has none).
    """
    crs = frame.crs
    if crs is None and assume_crs:
        try:
            crs = CRS.from_user_input(assume_crs)
        except CRSError:
            return None, [
                problem(file, f"'{assume_crs}' is not a coordinate reference system I know")
            ]
        frame = frame.set_crs(crs, allow_override=True)
    if crs is None:
        what = "has no coordinate reference system" + (f" ({hint})" if hint else "")
        what += "; give its CRS (e.g. EPSG:31370 or EPSG:4326)"
        return None, [problem(file, what, layer=layer)]
    try:
        crs = CRS.from_user_input(crs)
        if crs.is_engineering or not (crs.is_geographic or crs.is_projected):
            raise CRSError("not a geographic or projected CRS")
        out = frame.to_crs(INTERNAL_CRS)
    except (CRSError, ValueError, RuntimeError) as exc:
        name = getattr(crs, "name", str(crs))
        return None, [
            problem(
                file,
                f"its coordinate reference system '{name}' is unknown or cannot be converted to "
                f"EPSG:31370 ({exc})",
                layer=layer,
            )
        ]
    return out, []


# --------------------------------------------------------------------------- geometry


def check_geometries(
    frame: gpd.GeoDataFrame,
    expected: str | None,
    *,
    file: str,
    layer: str | None,
    rows: Sequence[int],
) -> tuple[gpd.GeoDataFrame, np.ndarray, list[Problem], list[str], int]:
    """Repair invalid geometries and report those that cannot be used.

    Parameters
    ----------
    frame : geopandas.GeoDataFrame
        Layer in its final CRS.
    expected : {"point", "polygon", "line"} or None
        The geometry the role needs. Areas given for a point role are
        replaced by a point inside them (with a warning).
    file, layer, rows
        For messages.

    Returns
    -------
    frame : geopandas.GeoDataFrame
        A copy with repaired geometries.
    usable : numpy.ndarray
        True for features whose geometry can be used.
    problems : list of Problem
    warnings : list of str
    repaired : int
        How many invalid geometries :func:`shapely.make_valid` repaired.
    """
    geoms = frame.geometry.to_numpy().copy()
    rows = np.asarray(rows)
    problems: list[Problem] = []
    warnings: list[str] = []
    missing = shapely.is_missing(geoms)
    empty = ~missing & shapely.is_empty(geoms)
    coords_ok = np.ones(len(geoms), bool)
    present = ~missing & ~empty
    if present.any():
        finite = [np.isfinite(shapely.get_coordinates(g)).all() for g in geoms[present]]
        coords_ok[present] = finite
    nonfinite = present & ~coords_ok
    present &= coords_ok
    invalid = present & ~shapely.is_valid(geoms)
    repaired_mask = np.zeros(len(geoms), bool)
    unrepairable = np.zeros(len(geoms), bool)
    reasons = {}
    if invalid.any():
        idx = np.flatnonzero(invalid)
        reasons = dict(zip(idx, shapely.is_valid_reason(geoms[idx]), strict=True))
        fixed = shapely.make_valid(geoms[idx])
        for j, i in enumerate(idx):
            g = _keep_dimension(fixed[j], expected)
            if g is None or g.is_empty:
                unrepairable[i] = True
            else:
                geoms[i] = g
                repaired_mask[i] = True
    wrong_type = np.zeros(len(geoms), bool)
    usable = present & ~unrepairable
    if expected == "point":
        areas = usable & (shapely.get_type_id(geoms) != 0)
        if areas.any():
            geoms[areas] = shapely.point_on_surface(geoms[areas])
            warnings.append(
                f"{file}: {int(areas.sum())} features are lines or areas; a point inside each is used."
            )
    elif expected == "polygon":
        wrong_type = usable & ~np.isin(shapely.get_type_id(geoms), (3, 6))
        if wrong_type.any():
            polys = [_keep_dimension(g, "polygon") for g in geoms[wrong_type]]
            ok = np.array([p is not None and not p.is_empty for p in polys])
            targets = np.flatnonzero(wrong_type)
            for i, p, good in zip(targets, polys, ok, strict=True):
                if good:
                    geoms[i] = p
                    wrong_type[i] = False
    usable &= ~wrong_type
    messages = [
        (missing, "has no geometry"),
        (empty, "has an empty geometry"),
        (nonfinite, "has coordinates that are not numbers"),
        (unrepairable, "has an invalid geometry that cannot be repaired ({reason})"),
        (wrong_type, "is not an area; this layer needs polygons"),
    ]
    for mask, template in messages:
        idx = np.flatnonzero(mask)
        for i in idx[:MAX_PER_FIELD]:
            text = template.format(reason=reasons.get(i, ""))
            problems.append(problem(file, text, layer=layer, row=int(rows[i]), field="geometry"))
        if len(idx) > MAX_PER_FIELD:
            problems.append(
                problem(
                    file,
                    f"{len(idx) - MAX_PER_FIELD} more features have the same problem",
                    layer=layer,
                    field="geometry",
                )
            )
    n_repaired = int(repaired_mask.sum())
    if n_repaired:
        first = ", ".join(str(int(r)) for r in rows[repaired_mask][:10])
        warnings.append(
            f"{file}: repaired {n_repaired} invalid geometries (rows {first}"
            f"{' ...' if n_repaired > 10 else ''})."
        )
    out = frame.copy()
    out = out.set_geometry(gpd.GeoSeries(geoms, index=frame.index, crs=frame.crs))
    return out, usable, problems, warnings, n_repaired


def _keep_dimension(geom, expected: str | None):
    """The parts of ``geom`` with the dimension ``expected`` needs (all when None)."""
    if geom is None or expected is None:
        return geom
    want = {"point": (0, 4), "line": (1, 5), "polygon": (3, 6)}[expected]
    if shapely.get_type_id(geom) in want:
        return geom
    parts = shapely.get_parts(geom)
    parts = parts[np.isin(shapely.get_type_id(parts), want)]
    if len(parts) == 0:
        return None
    if expected == "polygon":
        return shapely.union_all(parts)
    if expected == "line":
        return shapely.multilinestrings(shapely.get_parts(parts)) if len(parts) > 1 else parts[0]
    return shapely.multipoints(parts) if len(parts) > 1 else parts[0]


# --------------------------------------------------------------------------- location


def ghent_area(boundary: shapely.Geometry | None = None, tolerance_m: float = DEFAULT_TOLERANCE_M):
    """The area features must touch: Ghent's boundary (or its bounds) plus ``tolerance_m``."""
    base = boundary if boundary is not None else shapely.box(*GHENT_BOUNDS)
    area = shapely.buffer(base, tolerance_m) if tolerance_m > 0 else base
    shapely.prepare(area)
    return area


def check_inside(
    frame: gpd.GeoDataFrame,
    usable: np.ndarray,
    *,
    file: str,
    layer: str | None,
    rows: Sequence[int],
    boundary: shapely.Geometry | None = None,
    tolerance_m: float = DEFAULT_TOLERANCE_M,
) -> list[Problem]:
    """Report features (in EPSG:31370) farther than ``tolerance_m`` from Ghent.

    Parameters
    ----------
    frame : geopandas.GeoDataFrame
        Layer in EPSG:31370.
    usable : numpy.ndarray
        Features whose geometry can be tested (others are reported already).
    boundary : shapely.Geometry, optional
        Ghent's municipal boundary in EPSG:31370; its bounding box
        (:data:`GHENT_BOUNDS`) when not given.
    """
    area = ghent_area(boundary, tolerance_m)
    geoms = frame.geometry.to_numpy()
    rows = np.asarray(rows)
    outside = np.zeros(len(geoms), bool)
    outside[usable] = ~shapely.intersects(geoms[usable], area)
    idx = np.flatnonzero(outside)
    problems = []
    if len(idx):
        dist_km = shapely.distance(geoms[idx], area) / 1000.0
        for i, d in zip(idx[:MAX_PER_FIELD], dist_km[:MAX_PER_FIELD], strict=False):
            problems.append(
                problem(
                    file,
                    f"lies outside Ghent, {d:,.1f} km beyond the city limits; check its coordinates "
                    "and the file's CRS",
                    layer=layer,
                    row=int(rows[i]),
                    field="geometry",
                )
            )
        if len(idx) > MAX_PER_FIELD:
            problems.append(
                problem(
                    file,
                    f"{len(idx) - MAX_PER_FIELD} more features lie outside Ghent",
                    layer=layer,
                    field="geometry",
                )
            )
    return problems
