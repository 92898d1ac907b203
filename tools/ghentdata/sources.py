"""Read and clean the real open-data layers of Ghent (see PROVENANCE.md)."""

from __future__ import annotations

import json
from pathlib import Path

import geopandas as gpd
import networkx as nx
import numpy as np
import pandas as pd
import pyogrio
import shapely
from shapely.geometry import shape

from .util import polygonal, round_coords

CRS = "EPSG:31370"
#: Functional road classes counted as residential streets (6 = local road,
#: 7 = local road of minor importance, 8-10 = service roads, paths).
RESIDENTIAL_CLASSES = (6, 7)


def _to_lambert(gdf: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    out = gdf.to_crs(CRS)
    out["geometry"] = round_coords(out.geometry.values)
    return out


def read_wijken(src: Path) -> gpd.GeoDataFrame:
    """The 25 districts with their 2024 population estimate."""
    raw = gpd.read_file(src / "stadswijken-gent.geojson")
    pop = pd.read_csv(src / "wijk_population_2024_DERIVED.csv")
    out = gpd.GeoDataFrame(
        {
            "wijknr": raw["wijknr"].astype("int64"),
            "wijk": raw["wijk"].astype(str),  # the district name (naam is the stadsdeel)
            "stadsdeel": raw["naam"].astype(str),
        },
        geometry=raw.geometry,
        crs=raw.crs,
    )
    out = _to_lambert(out)
    out["geometry"] = polygonal(out.geometry.values)
    out = out.merge(
        pop[["wijknr", "area_km2_lambert72", "population_est_2024_density_x_area"]],
        on="wijknr",
        how="left",
        validate="one_to_one",
    )
    out = out.rename(
        columns={
            "area_km2_lambert72": "area_km2",
            "population_est_2024_density_x_area": "population_2024",
        }
    )
    out["population_2024"] = out["population_2024"].astype("int64")
    out = out.sort_values("wijknr").reset_index(drop=True)
    return gpd.GeoDataFrame(
        out[["wijknr", "wijk", "stadsdeel", "area_km2", "population_2024", "geometry"]],
        geometry="geometry",
        crs=CRS,
    )


def read_sectoren(src: Path, wijken: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """The 254 statistical sectors with their district."""
    raw = gpd.read_file(src / "gent-sectors.geojson")
    names = pd.read_csv(src / "gent_statsec_to_wijk.csv")
    out = raw.merge(
        names[["statsec", "statsec_naam"]],
        left_on="nis9_code",
        right_on="statsec",
        how="left",
        validate="one_to_one",
    )
    out = gpd.GeoDataFrame(
        {
            "sector_code": out["nis9_code"].astype(str),
            "sector_naam": out["statsec_naam"].fillna(out["sectornaam"]).astype(str),
            "wijknr": out["wijknr"].astype("int64"),
        },
        geometry=out.geometry,
        crs=raw.crs,
    )
    out = _to_lambert(out)
    out["geometry"] = polygonal(out.geometry.values)
    out["wijk"] = out["wijknr"].map(wijken.set_index("wijknr")["wijk"])
    out = out.sort_values("sector_code").reset_index(drop=True)
    return out[["sector_code", "sector_naam", "wijknr", "wijk", "geometry"]]


def read_gemeentegrens(src: Path) -> gpd.GeoDataFrame:
    """The municipal boundary (NIS 44021)."""
    raw = gpd.read_file(src / "gent_municipality_boundary_refgem.geojson")
    out = gpd.GeoDataFrame(
        {"niscode": raw["NISCODE"].astype(str), "naam": raw["NAAM"].astype(str)},
        geometry=raw.geometry,
        crs=raw.crs,
    )
    out = _to_lambert(out)
    out["geometry"] = shapely.multipolygons(
        [shapely.get_parts(g) for g in polygonal(out.geometry.values)]
    )
    return out


def read_wegen(src: Path) -> gpd.GeoDataFrame:
    """Street segments with road class, direction, length and main-network flag."""
    raw = pyogrio.read_dataframe(
        f"/vsizip/{src / 'wegsegmenten-gent.geojson.zip'}",
        columns=["wegsegid", "straatnaam", "functional_roadclass", "rijrichting"],
    )
    name = raw["straatnaam"].astype(object).where(raw["straatnaam"].fillna("").str.strip() != "")
    rc = pd.to_numeric(raw["functional_roadclass"].replace("", np.nan), errors="coerce")
    direction = raw["rijrichting"].astype(object)
    direction = direction.where(direction.fillna("").str.strip() != "")
    out = gpd.GeoDataFrame(
        {
            "wegsegid": raw["wegsegid"].astype(str),
            "straatnaam": name.astype(object),
            "road_class": rc.fillna(-1).astype("int64"),
            "rijrichting": direction.astype(object),
        },
        geometry=raw.geometry,
        crs=raw.crs,
    )
    out = _to_lambert(out)
    out["length_m"] = np.round(out.geometry.length.to_numpy(), 2)
    out = out.sort_values("wegsegid", kind="stable").reset_index(drop=True)
    out["in_main_network"] = main_network_flags(out.geometry.values)
    cols = ["wegsegid", "straatnaam", "road_class", "rijrichting", "length_m", "in_main_network"]
    return out[[*cols, "geometry"]]


def main_network_flags(lines: np.ndarray, tolerance: float = 0.5) -> np.ndarray:
    """1 for segments in the largest connected street network, else 0.

    Segment ends closer than ``tolerance`` metres (after snapping to a grid of
    that size) are treated as one junction.
    """
    g = nx.Graph()
    for i, geom in enumerate(lines):
        parts = shapely.get_parts(geom)
        ends = []
        for p in parts:
            c = shapely.get_coordinates(p)
            ends.extend([c[0], c[-1]])
        keys = [tuple(np.round(e / tolerance).astype(np.int64)) for e in ends]
        g.add_node(("s", i))
        for k in keys:
            g.add_edge(("s", i), k)
    largest = max(nx.connected_components(g), key=len)
    return np.array([1 if ("s", i) in largest else 0 for i in range(len(lines))], dtype=np.int64)


def read_parken(src: Path) -> gpd.GeoDataFrame:
    """Parks; the features without geometry are dropped."""
    raw = gpd.read_file(src / "parken-gent.geojson")
    raw = raw[raw.geometry.notna() & ~raw.geometry.is_empty]
    out = gpd.GeoDataFrame(
        {"naam": raw["naam"].astype(object)}, geometry=raw.geometry.values, crs=raw.crs
    )
    out = _to_lambert(out)
    out["geometry"] = polygonal(out.geometry.values)
    return out.reset_index(drop=True)


def read_speelterreinen(src: Path) -> gpd.GeoDataFrame:
    """Playgrounds: a JSON array whose ``geometry`` holds a whole Feature."""
    records = json.loads((src / "speelterreinen-gent.json").read_text(encoding="utf-8"))
    rows, geoms = [], []
    for rec in records:
        g = rec.get("geometry") or {}
        if g.get("type") == "Feature":
            g = g.get("geometry") or {}
        if not g:
            continue
        geoms.append(shape(g))
        rows.append({"naam": rec.get("naam"), "functies": rec.get("functies")})
    out = gpd.GeoDataFrame(rows, geometry=geoms, crs="EPSG:4326")
    out = _to_lambert(out)
    out["geometry"] = polygonal(out.geometry.values)
    out = out[~out.geometry.is_empty]
    return out.reset_index(drop=True)


def residential_street_length(sectoren: gpd.GeoDataFrame, wegen: gpd.GeoDataFrame) -> np.ndarray:
    """Metres of residential street (``RESIDENTIAL_CLASSES``) inside each sector."""
    res = wegen[wegen["road_class"].isin(RESIDENTIAL_CLASSES)]
    lines = res.geometry.values
    polys = sectoren.geometry.values
    tree = shapely.STRtree(lines)
    poly_idx, line_idx = tree.query(polys, predicate="intersects")
    pieces = shapely.intersection(lines[line_idx], polys[poly_idx])
    lengths = shapely.length(pieces)
    out = np.bincount(poly_idx, weights=lengths, minlength=len(polys))
    return np.round(out, 1)
