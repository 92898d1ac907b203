"""Small deterministic helpers shared by the build steps."""

from __future__ import annotations

import numpy as np
import shapely


def largest_remainder(weights: np.ndarray, total: int) -> np.ndarray:
    """Split an integer ``total`` in proportion to ``weights``.

    Parameters
    ----------
    weights : numpy.ndarray
        Non-negative weights (at least one positive).
    total : int
        The integer total to distribute.

    Returns
    -------
    numpy.ndarray
        Integers that sum exactly to ``total``; ties broken by position.
    """
    w = np.asarray(weights, dtype=float)
    if total == 0 or w.sum() <= 0:
        return np.zeros(len(w), dtype=np.int64)
    exact = w / w.sum() * total
    base = np.floor(exact).astype(np.int64)
    rest = int(total - base.sum())
    order = np.lexsort((np.arange(len(w)), -(exact - base)))
    base[order[:rest]] += 1
    return base


def round_coords(geoms: np.ndarray, decimals: int = 2) -> np.ndarray:
    """Round every coordinate of ``geoms`` (metres) to ``decimals`` places."""
    return shapely.transform(geoms, lambda c: np.round(c, decimals))


def polygonal(geoms: np.ndarray) -> np.ndarray:
    """Repair geometries and keep only their polygonal parts."""
    fixed = shapely.make_valid(geoms)
    out = []
    for g in fixed:
        if g.geom_type in ("Polygon", "MultiPolygon"):
            out.append(g)
        else:
            parts = [p for p in shapely.get_parts(g) if p.geom_type in ("Polygon", "MultiPolygon")]
            out.append(shapely.union_all(parts))
    return np.array(out, dtype=object)
