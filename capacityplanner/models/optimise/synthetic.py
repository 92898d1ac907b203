"""A synthetic Ghent-sized planning problem (fixed seed) for benchmarks and demos.

Everything is invented but has Ghent's orders of magnitude: demand points
spread over Ghent's bounding box (EPSG:31370, x 94,000-114,000, y
186,000-206,000) in 25 wijken (a 5 x 5 grid), secondary-school inflow at
entry points on the edge, about 300 existing sites a little short of demand,
and candidate sites that may host several functions. Distances are straight
lines times a detour factor of 1.3, kept within each level's limit.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import scipy.sparse as sp
from scipy.spatial import cKDTree

from .problem import PlanningProblem

BBOX = (94_000.0, 186_000.0, 114_000.0, 206_000.0)
#: Maximum distance (metres along the way) per level.
LIMITS = {"lager": 1_500.0, "kleuter": 1_500.0, "kinderopvang": 1_500.0, "bso": 1_500.0,
          "secundair": 5_000.0, "basis": 1_500.0, "jeugd": 3_000.0}  # fmt: skip
DETOUR = 1.3


def _wijknr(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    col = np.clip(((x - BBOX[0]) / (BBOX[2] - BBOX[0]) * 5).astype(int), 0, 4)
    row = np.clip(((y - BBOX[1]) / (BBOX[3] - BBOX[1]) * 5).astype(int), 0, 4)
    return row * 5 + col + 1


def reach_matrix(origins: np.ndarray, sites: np.ndarray, limit: float) -> sp.csr_matrix:
    """Straight line x 1.3 within ``limit`` metres (stored values >= 1 m)."""
    near = cKDTree(origins).sparse_distance_matrix(
        cKDTree(sites), limit / DETOUR, output_type="coo_matrix"
    )
    near = sp.coo_matrix(near)
    return sp.csr_matrix(
        (np.maximum(near.data * DETOUR, 1.0), (near.row, near.col)),
        shape=(len(origins), len(sites)),
    )


def synthetic_ghent_problem(
    seed: int = 0,
    *,
    n_points: int = 254,
    n_entry: int = 6,
    n_existing: int = 300,
    n_candidates: int = 100,
    levels: tuple[str, ...] = ("lager", "secundair", "kinderopvang"),
    shortfall: float = 0.06,
    year: int = 2026,
) -> PlanningProblem:
    """Build a reproducible Ghent-sized planning problem.

    Parameters
    ----------
    seed : int
        Random seed; the same seed gives the same problem.
    n_points, n_entry, n_existing, n_candidates : int
        Sector points, entry points (secundair inflow), existing and
        candidate sites.
    levels : tuple of str
        Levels with demand (lager, secundair, kinderopvang supported).
    shortfall : float
        Share of demand existing capacity falls short by, per level.
    year : int
        School year the demand stands for.
    """
    rng = np.random.default_rng(seed)
    x0, y0, x1, y1 = BBOX
    # sector centroids denser towards the centre (Ghent's core)
    centre = np.array([104_500.0, 194_500.0])
    xy = centre + rng.normal(0, 3_500, size=(n_points, 2))
    xy[:, 0] = np.clip(xy[:, 0], x0 + 200, x1 - 200)
    xy[:, 1] = np.clip(xy[:, 1], y0 + 200, y1 - 200)
    t = rng.uniform(0, 2 * np.pi, n_entry)
    entry = centre + np.c_[np.cos(t), np.sin(t)] * 7_000
    pts_xy = np.vstack([xy, entry])
    n_all = len(pts_xy)
    size = rng.gamma(4.0, 0.25, n_points)
    deprivation = np.clip(rng.beta(2, 5, n_points), 0, 1)
    wijk = np.r_[_wijknr(xy[:, 0], xy[:, 1]), np.zeros(n_entry, dtype=int)]
    totals = {"lager": 20_000.0, "secundair": 16_000.0, "kinderopvang": 4_500.0}
    demand = {}
    for lv in levels:
        per = size * totals.get(lv, 5_000.0) / size.sum()
        inflow = np.zeros(n_entry)
        if lv == "secundair":
            inflow = rng.dirichlet(np.ones(n_entry)) * 4_000.0
        demand[lv] = np.r_[per, inflow]
    points = pd.DataFrame(
        {
            "point_id": [f"S{i:03d}" for i in range(n_points)] + [f"IN{i}" for i in range(n_entry)],
            "x": pts_xy[:, 0],
            "y": pts_xy[:, 1],
            "wijknr": wijk,
            "deprivation_index": np.r_[deprivation, np.zeros(n_entry)],
            **demand,
        }
    )

    # existing sites near demand: types in proportion 50% basis, 20% secundair, 30% opvang
    kinds = rng.choice(["basis", "secundair", "kinderopvang"], size=n_existing, p=[0.5, 0.2, 0.3])
    anchor = rng.choice(n_points, size=n_existing, p=size / size.sum())
    ex_xy = xy[anchor] + rng.normal(0, 400, size=(n_existing, 2))
    existing = pd.DataFrame(
        {
            "site_id": [f"E{i:03d}" for i in range(n_existing)],
            "x": ex_xy[:, 0],
            "y": ex_xy[:, 1],
            "wijknr": _wijknr(ex_xy[:, 0], ex_xy[:, 1]),
            "cost_per_place": rng.uniform(12_000, 20_000, n_existing).round(-2),
            "max_extra_places": rng.choice([0, 25, 50, 100], size=n_existing),
            "status": "expandable",
        }
    )
    for lv in levels:
        kind = "basis" if lv in ("lager", "kleuter") else lv
        mask = kinds == kind
        cap = np.zeros(n_existing)
        if mask.any():
            share = rng.uniform(0.6, 1.4, mask.sum())
            cap[mask] = np.round(share / share.sum() * demand[lv].sum() * (1 - shortfall))
        existing[f"capacity_{lv}"] = cap

    cand_xy = np.c_[rng.uniform(x0 + 1_000, x1 - 1_000, n_candidates),
                    rng.uniform(y0 + 1_000, y1 - 1_000, n_candidates)]  # fmt: skip
    candidates = pd.DataFrame(
        {
            "site_id": [f"K{i:03d}" for i in range(n_candidates)],
            "x": cand_xy[:, 0],
            "y": cand_xy[:, 1],
            "wijknr": _wijknr(cand_xy[:, 0], cand_xy[:, 1]),
            "max_lager": rng.choice([0, 200, 300, 450], size=n_candidates),
            "max_secundair": rng.choice([0, 400, 600, 900], size=n_candidates),
            "max_kinderopvang": rng.choice([0, 28, 42, 56], size=n_candidates),
            "max_bso": rng.choice([0, 100, 150], size=n_candidates, p=[0.1, 0.5, 0.4]),
            "max_jeugd": 0,
            "fixed_cost": rng.uniform(1.5e6, 4.0e6, n_candidates).round(-4),
            "cost_per_place": rng.uniform(15_000, 25_000, n_candidates).round(-2),
        }
    )
    sites_xy = np.vstack([ex_xy, cand_xy])
    distances = {lv: reach_matrix(pts_xy, sites_xy, LIMITS[lv]) for lv in levels}
    assert n_all == distances[levels[0]].shape[0]
    return PlanningProblem.from_frames(
        points, existing, candidates, distances, levels=levels, year=year,
        max_distance={lv: LIMITS[lv] for lv in levels},
    )  # fmt: skip
