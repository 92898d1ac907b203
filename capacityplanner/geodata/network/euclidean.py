"""Straight-line distances times a detour factor: the fallback when no street network is used."""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp
from scipy.spatial import cKDTree, distance

from capacityplanner.errors import InputError
from capacityplanner.geodata.network.snapping import as_points
from capacityplanner.geodata.network.street_network import MIN_METRES


def euclidean_matrix(
    origins: np.ndarray,
    destinations: np.ndarray,
    detour_factor: float = 1.3,
    limit_m: float | None = None,
) -> sp.csr_matrix:
    """Straight-line distance x ``detour_factor`` between points, as a sparse matrix.

    Parameters
    ----------
    origins : ndarray, shape (n, 2)
        x, y in EPSG:31370.
    destinations : ndarray, shape (m, 2)
        x, y in EPSG:31370.
    detour_factor : float
        Multiplier (>= 1 is sensible) turning crow-flies distance into an estimated route.
    limit_m : float, optional
        Keep only pairs whose estimated route (after the factor) is at most this long.
        With a limit, only nearby pairs are ever computed (k-d tree), never the dense
        n x m product.

    Returns
    -------
    scipy.sparse.csr_matrix, shape (n, m)
        Metres; same conventions as :meth:`StreetNetwork.distance_matrix`: only pairs
        within the limit are stored and a stored value is never 0 (floored at 1 m).

    Examples
    --------
    >>> euclidean_matrix(np.array([[0.0, 0.0]]), np.array([[300.0, 400.0]]), 1.2).toarray()
    array([[600.]])
    """
    o = as_points(origins, "origins")
    d = as_points(destinations, "destinations")
    if not (np.isfinite(detour_factor) and detour_factor > 0):
        raise InputError(f"The detour factor must be a positive number, not {detour_factor!r}.")
    if limit_m is not None and not limit_m > 0:
        raise InputError(f"The distance limit limit_m must be a positive number, not {limit_m!r}.")
    n, m = len(o), len(d)
    if n == 0 or m == 0:
        return sp.csr_matrix((n, m))
    if limit_m is None:
        dense = distance.cdist(o, d) * detour_factor
        return sp.csr_matrix(np.maximum(dense, MIN_METRES))
    near = cKDTree(o).sparse_distance_matrix(
        cKDTree(d), limit_m / detour_factor, output_type="ndarray"
    )  # structured array (i, j, v); keeps coincident points (v == 0)
    vals = np.maximum(near["v"] * detour_factor, MIN_METRES)
    return sp.csr_matrix((vals, (near["i"], near["j"])), shape=(n, m))
