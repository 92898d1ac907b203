"""Where demand sits on the map: sector demand points and entry points into Ghent."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from capacityplanner.errors import InputError

#: Road classes counted as residential streets: 6 (local road) and 7 (local road of minor
#: importance), the same definition as the ``residential_street_m`` field of ``sectoren``
#: by which the data set spreads population over sectors. Main roads (0-5) carry through
#: traffic rather than homes; service roads (8-9), paths (10) and unknown (-1) are left out.
RESIDENTIAL_CLASSES: tuple[int, ...] = (6, 7)


def _check_sectoren(sectoren: gpd.GeoDataFrame) -> None:
    missing = [c for c in ("sector_code", "wijknr") if c not in sectoren.columns]
    if missing:
        raise InputError(f"Layer sectoren lacks the field(s) {', '.join(missing)}.")
    if sectoren.crs is not None and sectoren.crs.to_epsg() != 31370:
        raise InputError(f"Layer sectoren is in {sectoren.crs.name}; convert it to EPSG:31370.")
    empty = sectoren.geometry.isna().to_numpy() | sectoren.geometry.is_empty.to_numpy()
    if empty.any():
        code = sectoren["sector_code"].iloc[int(np.flatnonzero(empty)[0])]
        raise InputError(f"Layer sectoren, sector {code}: the feature has no geometry.")


def sector_demand_points(
    sectoren: gpd.GeoDataFrame, wegen: gpd.GeoDataFrame | None = None
) -> gpd.GeoDataFrame:
    """One demand point per statistical sector, placed where people live.

    The point is the length-weighted centroid of the residential streets
    (:data:`RESIDENTIAL_CLASSES`: road classes 6 and 7, as in ``residential_street_m``)
    clipped to the sector; the data set spreads population by that same street length, so
    the point is the population-weighted centre under that assumption. Where that centroid falls outside the sector
    (a crescent-shaped sector, say) it moves to the nearest point on those streets. A
    sector without residential streets, or every sector when ``wegen`` is None, gets its
    polygon's representative point (always inside the polygon).

    Parameters
    ----------
    sectoren : GeoDataFrame
        The ``sectoren`` layer (``sector_code``, ``wijknr``, polygons in EPSG:31370).
    wegen : GeoDataFrame, optional
        The ``wegen`` layer (``road_class``, line geometry in EPSG:31370).

    Returns
    -------
    GeoDataFrame
        Same rows and order as ``sectoren``, all its attribute columns, plus ``street_m``
        (residential street length used, metres) and ``placement`` (``"streets"`` or
        ``"representative_point"``); Point geometry in EPSG:31370.
    """
    _check_sectoren(sectoren)
    polys = shapely.make_valid(sectoren.geometry.to_numpy())
    n = len(polys)
    points = shapely.point_on_surface(polys)
    street_m = np.zeros(n)
    placement = np.full(n, "representative_point", dtype=object)
    if wegen is not None and n:
        if "road_class" not in wegen.columns:
            raise InputError("Layer wegen lacks the field road_class.")
        rc = pd.to_numeric(wegen["road_class"], errors="coerce").fillna(-1).to_numpy()
        lines = wegen.geometry.to_numpy()[np.isin(rc, RESIDENTIAL_CLASSES)]
        lines = lines[~shapely.is_missing(lines)]
        shapely.prepare(polys)
        seg_idx, sec_idx = shapely.STRtree(polys).query(lines, predicate="intersects")
        pieces = lines[seg_idx]
        # only segments crossing a sector boundary need clipping
        cross = ~shapely.contains_properly(polys[sec_idx], pieces)
        pieces[cross] = shapely.intersection(pieces[cross], polys[sec_idx][cross])
        parts, which = shapely.get_parts(pieces, return_index=True)
        is_line = shapely.get_type_id(parts) == 1
        parts, sec = parts[is_line], sec_idx[which[is_line]]
        length = shapely.length(parts)
        mid = shapely.get_coordinates(shapely.centroid(parts))
        street_m = np.bincount(sec, weights=length, minlength=n)
        has = street_m > 0
        cx = np.bincount(sec, weights=length * mid[:, 0], minlength=n)
        cy = np.bincount(sec, weights=length * mid[:, 1], minlength=n)
        centre = shapely.points(np.column_stack([cx, cy])[has] / street_m[has, None])
        inside = shapely.covers(polys[has], centre)
        chosen = centre.copy()
        if not inside.all():
            # nearest residential street piece to the centroid, then the nearest point on it
            has_ids = np.flatnonzero(has)
            slot = np.full(n, -1)
            slot[has_ids] = np.arange(len(has_ids))
            dist = shapely.distance(parts, centre[slot[sec]])
            order = np.lexsort((dist, sec))
            first = order[np.r_[True, sec[order][1:] != sec[order][:-1]]]
            best = np.full(n, -1)
            best[sec[first]] = first
            out = np.flatnonzero(~inside)
            piece = parts[best[has_ids[out]]]
            chosen[out] = shapely.line_interpolate_point(
                piece, shapely.line_locate_point(piece, centre[out])
            )
        points[has] = chosen
        placement[has] = "streets"
    out = pd.DataFrame(sectoren.drop(columns=sectoren.geometry.name))
    out["street_m"] = street_m
    out["placement"] = placement
    return gpd.GeoDataFrame(out, geometry=points, crs=31370)


def default_entry_points() -> pd.DataFrame:
    """Where pupils living outside Ghent enter the city, with an assumed share each.

    Two railway stations and six main-road entries where motorways and main roads
    (road class 0-2 in ``wegen``) cross the municipal boundary. Coordinates are EPSG:31370,
    checked against the street layer: Gent-Sint-Pieters lies on Koningin Maria
    Hendrikaplein (station forecourt), Gent-Dampoort on Oktrooiplein, between Dampoortstraat
    and Land van Waaslaan (each within 150 m); each road entry lies within 15 m of the named road where it meets
    the boundary. The shares are a planning assumption (illustrative), not counts; edit
    the table to match survey data.

    Returns
    -------
    pandas.DataFrame
        Columns ``name``, ``x``, ``y`` (EPSG:31370), ``share`` (sums to 1) and ``mode``
        (``"train"`` for stations, ``"car"`` for road entries: how pupils arrive at the
        entry; the last leg to the site follows the network of the chosen travel mode).
    """
    rows = [
        ("Gent-Sint-Pieters station", 103_830.0, 192_045.0, 0.30, "train"),
        ("Gent-Dampoort station", 105_940.0, 194_260.0, 0.10, "train"),
        ("E40 Drongen (from Brugge)", 95_570.0, 193_105.0, 0.10, "car"),
        ("E40 Zwijnaarde (from Brussel)", 106_272.0, 188_540.0, 0.12, "car"),
        ("E17 Sint-Denijs-Westrem (from Kortrijk)", 103_211.0, 186_642.0, 0.10, "car"),
        ("E17 Destelbergen (from Antwerpen)", 109_562.0, 192_819.0, 0.12, "car"),
        ("N70 Oostakker (from Lochristi)", 110_124.0, 197_416.0, 0.08, "car"),
        ("R4/N9 Drongen-Mariakerke (from Evergem)", 100_640.0, 197_420.0, 0.08, "car"),
    ]
    return pd.DataFrame(rows, columns=["name", "x", "y", "share", "mode"])
