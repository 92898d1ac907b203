"""Put illustrative sites on real streets.

Every site is the midpoint of a named street segment of ``wegen`` that lies
in the main street network, inside its wijk (at least ``INSET_M`` metres from
the wijk boundary) and inside a statistical sector of the same wijk.
"""

from __future__ import annotations

from collections.abc import Iterable

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

INSET_M = 10.0


def street_candidates(
    wegen: gpd.GeoDataFrame,
    wijken: gpd.GeoDataFrame,
    sectoren: gpd.GeoDataFrame,
    parken: gpd.GeoDataFrame,
) -> pd.DataFrame:
    """One row per usable segment midpoint: position, street, class, wijk, sector."""
    ok = (
        wegen["straatnaam"].notna()
        & (wegen["in_main_network"] == 1)
        & (wegen.geom_type == "LineString")
    )
    seg = wegen[ok]
    pts = shapely.line_interpolate_point(seg.geometry.values, 0.5, normalized=True)
    pts = shapely.transform(pts, lambda c: np.round(c, 2))
    cand = pd.DataFrame(
        {
            "seg": seg.index.to_numpy(),
            "street": seg["straatnaam"].to_numpy(),
            "road_class": seg["road_class"].to_numpy(),
            "x": shapely.get_x(pts),
            "y": shapely.get_y(pts),
        }
    )
    inner = shapely.buffer(wijken.geometry.values, -INSET_M)
    cand["wijknr"] = _locate(pts, inner, wijken["wijknr"].to_numpy())
    cand["sector_code"] = _locate(pts, sectoren.geometry.values, sectoren["sector_code"].to_numpy())
    sec_w = dict(zip(sectoren["sector_code"], sectoren["wijknr"], strict=True))
    same = cand["sector_code"].map(sec_w) == cand["wijknr"]
    cand = cand[cand["wijknr"].notna() & same].copy()
    cand["wijknr"] = cand["wijknr"].astype("int64")
    park_tree = shapely.STRtree(parken.geometry.values)
    p = shapely.points(cand["x"].to_numpy(), cand["y"].to_numpy())
    _, dist = park_tree.query_nearest(p, return_distance=True, all_matches=False)
    cand["park_m"] = np.round(dist, 1)
    return cand.reset_index(drop=True)


def _locate(pts: np.ndarray, polys: np.ndarray, labels: np.ndarray) -> np.ndarray:
    tree = shapely.STRtree(polys)
    pi, gi = tree.query(pts, predicate="within")
    out = np.full(len(pts), None, dtype=object)
    # a point on a shared edge could match twice: keep the first polygon by index
    order = np.lexsort((gi, pi))
    pi, gi = pi[order], gi[order]
    first = np.r_[True, pi[1:] != pi[:-1]]
    out[pi[first]] = labels[gi[first]]
    return out


class Picker:
    """Choose spread-out street points, never the same street twice per layer."""

    def __init__(self, cand: pd.DataFrame, rng: np.random.Generator) -> None:
        self.cand = cand
        self.rng = rng
        self.used_segments: set[int] = set()

    def pick(
        self,
        wijknr: int,
        n: int,
        *,
        min_dist: float = 250.0,
        classes: Iterable[int] | None = None,
        streets: Iterable[str] | None = None,
        near_park_m: float | None = None,
        taken: pd.DataFrame | None = None,
        used_streets: set[str] | None = None,
        reuse: bool = False,
    ) -> pd.DataFrame:
        """Pick ``n`` candidate rows in ``wijknr``.

        Preference filters (road classes, street names, near a park) are relaxed
        step by step when too few points satisfy them, then the spacing is
        halved until ``n`` points are found. ``reuse`` allows segments already
        taken by another site (named projects that share one street).
        """
        base = self.cand[self.cand["wijknr"] == wijknr]
        if not reuse:
            base = base[~base["seg"].isin(self.used_segments)]
        filters = []
        if streets is not None:
            filters.append(base["street"].isin(list(streets)))
        if classes is not None:
            filters.append(base["road_class"].isin(list(classes)))
        if near_park_m is not None:
            filters.append(base["park_m"] <= near_park_m)
        used_streets = used_streets if used_streets is not None else set()
        chosen: list[int] = []
        pts = [] if taken is None else list(zip(taken["x"], taken["y"], strict=True))
        for k in range(len(filters), -1, -1):
            pool = base
            for f in filters[:k]:
                pool = pool[f.loc[pool.index]]
            idx = pool.index.to_numpy()
            xs, ys = pool["x"].to_numpy(), pool["y"].to_numpy()
            names = pool["street"].to_numpy()
            order = self.rng.permutation(len(pool))
            d = min_dist
            while len(chosen) < n and d >= 10:
                for i in order:
                    if len(chosen) >= n:
                        break
                    if idx[i] in chosen or names[i] in used_streets:
                        continue
                    if pts:
                        arr = np.asarray(pts)
                        if np.min(np.hypot(arr[:, 0] - xs[i], arr[:, 1] - ys[i])) < d:
                            continue
                    chosen.append(idx[i])
                    pts.append((xs[i], ys[i]))
                    used_streets.add(names[i])
                d /= 2
            if len(chosen) >= n:
                break
        if len(chosen) < n:
            raise RuntimeError(f"wijk {wijknr}: only {len(chosen)} of {n} street points found")
        out = self.cand.loc[chosen]
        self.used_segments.update(out["seg"].tolist())
        return out


def site_frame(
    picked: pd.DataFrame,
    prefix: str,
    start: int,
    names: list[str],
    approximate: int | list[int] = 0,
) -> pd.DataFrame:
    """Common site fields for picked street points (``x``/``y`` kept for the geometry)."""
    n = len(picked)
    approx = [approximate] * n if isinstance(approximate, int) else list(approximate)
    return pd.DataFrame(
        {
            "site_id": [f"{prefix}-{start + i:03d}" for i in range(n)],
            "name": names,
            "wijknr": picked["wijknr"].to_numpy(dtype="int64"),
            "street": picked["street"].to_numpy(),
            "sector_code": picked["sector_code"].to_numpy(),
            "location_approximate": np.asarray(approx, dtype="int64"),
            "illustrative": np.ones(n, dtype="int64"),
            "x": picked["x"].to_numpy(),
            "y": picked["y"].to_numpy(),
        }
    )


def to_layer(df: pd.DataFrame, columns: list[str], crs: str = "EPSG:31370") -> gpd.GeoDataFrame:
    """Point layer sorted by ``site_id`` with the given attribute columns."""
    df = df.sort_values("site_id").reset_index(drop=True)
    geom = shapely.points(df["x"].to_numpy(), df["y"].to_numpy())
    return gpd.GeoDataFrame(df[columns].copy(), geometry=geom, crs=crs)
