"""The difference map of two scenarios: per wijk, how many more (green) or fewer (red)
spare places one scenario has than the other, for one level and school year."""

from __future__ import annotations

import geopandas as gpd
import pandas as pd
from PySide6.QtCore import QCoreApplication

from capacityplanner.gui.balance_style import balance_style
from capacityplanner.render.layer import MapLayer
from capacityplanner.render.style import LabelStyle

LAYER_NAME = "verschil_scenarios"


def difference_layer(
    wijken: gpd.GeoDataFrame, difference: pd.DataFrame, level: str, year: int, base: str, other: str
) -> MapLayer:
    """A map layer of the wijken coloured by ``difference`` (other minus base, places)."""
    frame = wijken[["wijknr", "wijk", wijken.geometry.name]].copy()
    frame["wijknr"] = frame["wijknr"].astype(int)
    joined = frame.join(difference.set_index("wijknr"), on="wijknr")
    joined["difference"] = joined["difference"].fillna(0.0).round(0)
    title = (
        QCoreApplication.translate("DifferenceMap", "Difference %1 - %2, %3 %4-%5")
        .replace("%1", other)
        .replace("%2", base)
        .replace("%3", level)
        .replace("%4", str(year))
        .replace("%5", str((year + 1) % 100).zfill(2))
    )
    return MapLayer(
        LAYER_NAME,
        gpd.GeoDataFrame(joined, geometry=wijken.geometry.name, crs=wijken.crs),
        balance_style(joined["difference"], "difference"),
        title=title,
        group="plan",
        labels=LabelStyle(field="wijk"),
        description=QCoreApplication.translate(
            "DifferenceMap",
            "Balance of the second scenario minus the first, per wijk: green = more spare "
            "places, red = fewer.",
        ),
    )


def show_difference(window, difference_layer_: MapLayer) -> None:
    """Put the difference layer on the map (replacing an earlier one) and show it."""
    model = window.map_model
    if LAYER_NAME in model:
        model.remove_layer(LAYER_NAME)
    model.add_layer(difference_layer_)
    model.set_visible(LAYER_NAME, True)
