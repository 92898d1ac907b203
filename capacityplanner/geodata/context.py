"""What the current data set tells an import: Ghent's boundary, districts and sectors."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import pyogrio
import shapely

from capacityplanner.geodata.validate import DEFAULT_TOLERANCE_M, INTERNAL_CRS


@dataclass(frozen=True)
class ImportContext:
    """What the current data set tells an import.

    Attributes
    ----------
    boundary : shapely.Geometry or None
        Ghent's municipal boundary in EPSG:31370 (default: its bounding box).
    wijken : geopandas.GeoDataFrame or None
        Districts (``wijknr``, geometry, EPSG:31370): sites get the ``wijknr``
        of the district they lie in.
    sectors : pandas.DataFrame or None
        ``sector_code`` and ``wijknr`` of the known statistical sectors.
    tolerance_m : float
        How far outside the boundary a feature may lie.
    """

    boundary: shapely.Geometry | None = None
    wijken: gpd.GeoDataFrame | None = None
    sectors: pd.DataFrame | None = None
    tolerance_m: float = DEFAULT_TOLERANCE_M

    @classmethod
    def from_dataset(cls, dataset: Any, tolerance_m: float = DEFAULT_TOLERANCE_M) -> ImportContext:
        """Context from a loaded data set (``layers`` with ``gemeentegrens``, ``wijken``, ``sectoren``)."""
        layers = getattr(dataset, "layers", {}) or {}
        boundary = None
        if "gemeentegrens" in layers and len(layers["gemeentegrens"]):
            boundary = shapely.union_all(
                layers["gemeentegrens"].to_crs(INTERNAL_CRS).geometry.to_numpy()
            )
        wijken = layers.get("wijken")
        if wijken is not None:
            wijken = wijken[["wijknr", "geometry"]].to_crs(INTERNAL_CRS)
        sectoren = layers.get("sectoren")
        sectors = None
        if sectoren is not None:
            sectors = pd.DataFrame(sectoren[["sector_code", "wijknr"]])
        return cls(boundary=boundary, wijken=wijken, sectors=sectors, tolerance_m=tolerance_m)


def context_from_gpkg(
    path: str | Path | None = None,
    *,
    required: bool = False,
    tolerance_m: float = DEFAULT_TOLERANCE_M,
) -> ImportContext:
    """Context from a data-set GeoPackage, reading only the layers it needs.

    Parameters
    ----------
    path : str or pathlib.Path, optional
        The data set; default the shipped Ghent data.
    required : bool
        Raise when the file is missing or unreadable; otherwise fall back to
        an empty context (Ghent's bounding box).

    Raises
    ------
    capacityplanner.errors.InputError
        When ``required`` and the file cannot be read.
    """
    from capacityplanner import paths
    from capacityplanner.errors import InputError

    gpkg = Path(path) if path is not None else paths.GHENT_GPKG
    layers: dict[str, gpd.GeoDataFrame] = {}
    try:
        names = {str(n) for n in pyogrio.list_layers(gpkg)[:, 0]}
        for name in ("gemeentegrens", "wijken", "sectoren"):
            if name in names:
                layers[name] = pyogrio.read_dataframe(gpkg, layer=name)
    except Exception as exc:  # missing or unreadable data set
        if required:
            raise InputError(
                f"Data set {gpkg.name} cannot be read ({str(exc).splitlines()[0]})."
            ) from exc
        return ImportContext(tolerance_m=tolerance_m)
    return ImportContext.from_dataset(SimpleNamespace(layers=layers), tolerance_m=tolerance_m)


def wijknr_of(frame: gpd.GeoDataFrame, wijken: gpd.GeoDataFrame) -> pd.Series:
    """The ``wijknr`` of the district each feature lies in (or the nearest one)."""
    points = frame.geometry.representative_point().to_numpy()
    areas = wijken.to_crs(frame.crs)
    numbers = areas["wijknr"].to_numpy()
    tree = shapely.STRtree(areas.geometry.to_numpy())
    found = np.full(len(points), -1, dtype=np.int64)
    usable = ~(shapely.is_missing(points) | shapely.is_empty(points))
    idx = np.flatnonzero(usable)
    src, hit = tree.query(points[idx], predicate="within")
    found[idx[src[::-1]]] = hit[::-1]  # the first district wins where two touch
    rest = np.flatnonzero(usable & (found < 0))
    if len(rest):
        src, hit = tree.query_nearest(points[rest], all_matches=False)
        found[rest[src]] = hit
    out = pd.Series(pd.NA, index=frame.index, dtype="Int64")
    out[found >= 0] = numbers[found[found >= 0]]
    return out
