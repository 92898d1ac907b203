"""Balance within a walking radius of where children live.

Pupils cross wijk borders, so a wijk's own balance can mislead for lager
onderwijs. For every demand point ``i`` (a sector), this compares the places
within the radius with the children within the same radius::

    places_i   = sum of capacity of sites j with d(i, j) <= R
    children_i = sum of demand of points k with d(i, k) <= R
    balance_i  = places_i - children_i,  ratio_i = places_i / children_i

Distance is straight-line distance times a detour factor (street distances
come from :mod:`capacityplanner.geodata.network` where the caller has them):
a pair counts when ``straight * detour <= R``.
"""

from __future__ import annotations

import numpy as np
import pandas as pd


def radius_balance(
    points_xy: np.ndarray,
    demand: np.ndarray,
    sites_xy: np.ndarray,
    capacity: np.ndarray,
    radius_m: float,
    detour_factor: float = 1.3,
) -> pd.DataFrame:
    """Places and children within ``radius_m`` (network metres) of each demand point.

    Parameters
    ----------
    points_xy : numpy.ndarray
        ``(n, 2)`` demand point coordinates (EPSG:31370).
    demand : numpy.ndarray
        ``(n,)`` children per point.
    sites_xy : numpy.ndarray
        ``(m, 2)`` site coordinates.
    capacity : numpy.ndarray
        ``(m,)`` places per site.
    radius_m : float
        Walking radius in metres along the streets.
    detour_factor : float
        Street distance / straight-line distance.

    Returns
    -------
    pandas.DataFrame
        ``places_within``, ``children_within``, ``balance``, ``ratio`` per point.
    """
    from scipy.spatial import cKDTree  # imported on use: half a second at start-up

    straight = radius_m / detour_factor
    points_xy = np.asarray(points_xy, dtype=float).reshape(-1, 2)
    places = np.zeros(len(points_xy))
    if len(sites_xy):
        places = _sum_within(cKDTree(np.asarray(sites_xy, float)), points_xy, straight, capacity)
    children = _sum_within(cKDTree(points_xy), points_xy, straight, demand)
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.where(children > 0, places / children, np.nan)
    return pd.DataFrame(
        {
            "places_within": places,
            "children_within": children,
            "balance": places - children,
            "ratio": ratio,
        }
    )


def _sum_within(tree, centres: np.ndarray, radius: float, values) -> np.ndarray:
    """Sum of ``values`` of the tree's points within ``radius`` of each centre."""
    hits = tree.query_ball_point(centres, r=radius)
    lengths = np.fromiter((len(h) for h in hits), dtype=int, count=len(hits))
    if lengths.sum() == 0:
        return np.zeros(len(centres))
    rows = np.repeat(np.arange(len(centres)), lengths)
    cols = np.concatenate([np.asarray(h, dtype=int) for h in hits if len(h)])
    return np.bincount(rows, weights=np.asarray(values, float)[cols], minlength=len(centres))
