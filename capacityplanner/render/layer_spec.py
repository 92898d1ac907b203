"""A map layer described as plain data, for pages drawn away from the interactive map.

Exports describe what a printed map shows as :class:`LayerSpec` objects (a
GeoDataFrame, a style and a few texts); :mod:`capacityplanner.render.print_map`
turns them into a :class:`~capacityplanner.render.map_model.MapModel` when the
page is drawn. This module imports no Qt.
"""

from __future__ import annotations

from dataclasses import dataclass

import geopandas as gpd
import numpy as np
import shapely

from capacityplanner.render.style import LabelStyle, Style

__all__ = ["LayerSpec"]


@dataclass
class LayerSpec:
    """One layer of a printed map.

    Parameters
    ----------
    name : str
        Key of the layer (legends refer to it).
    frame : GeoDataFrame
        Features in EPSG:31370.
    style : Style
        Single, categorized or graduated symbols.
    title : str, optional
        Legend text (default: ``name``).
    group : str
        Layer-tree group (drawing order: groups, then order inside a group).
    visible : bool
        Drawn and listed in the legend, or not.
    illustrative : bool
        Generated (not real) data; the legend marks it.
    labels : LabelStyle, optional
        Field drawn as text at each feature.
    """

    name: str
    frame: gpd.GeoDataFrame
    style: Style
    title: str | None = None
    group: str = "basis"
    visible: bool = True
    illustrative: bool = False
    labels: LabelStyle | None = None

    def __len__(self) -> int:
        return len(self.frame)

    @property
    def is_points(self) -> bool:
        """True when most features are points (or multipoints)."""
        geoms = np.asarray(self.frame.geometry.values, dtype=object)
        ok = geoms[~shapely.is_missing(geoms)]
        if len(ok) == 0:
            return True
        return bool(np.isin(shapely.get_type_id(ok), (0, 4)).mean() >= 0.5)
