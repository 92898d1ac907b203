"""The layers of the printed map views, described as plain data for the renderer.

Each function returns a :class:`~capacityplanner.render.layer_spec.LayerSpec`
(features, style, legend title, group): the municipal boundary, the parks and
streets of the base map, the wijk outlines with their short names, the sites
of a level sized by their places in a school year, and a plan's proposed
sites. :class:`LayerList` collects them in drawing order.
"""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from capacityplanner.export.site_palette import SITE_COLORS, SITE_LAYER_NAMES
from capacityplanner.export.symbology import nice_step
from capacityplanner.models.levels import COMPOSITE_LEVELS
from capacityplanner.render.layer_spec import LayerSpec
from capacityplanner.render.map_model import DEFAULT_GROUPS
from capacityplanner.render.style import (
    CategorizedStyle,
    Category,
    GraduatedClass,
    GraduatedStyle,
    LabelStyle,
    SingleStyle,
    Symbol,
)

__all__ = [
    "LEVEL_SITE_LAYERS",
    "SITE_LAYER_ORDER",
    "LayerList",
    "base_layers",
    "boundary_layer",
    "plan_layer",
    "plan_sites_frame",
    "short_wijk_name",
    "site_layer",
    "site_places",
    "wijken_outline",
]

#: Site layers holding the places of each level.
LEVEL_SITE_LAYERS: dict[str, tuple[str, ...]] = {
    "kinderopvang": ("kinderopvang",),
    "kleuter": ("scholen_basis",),
    "lager": ("scholen_basis",),
    "basis": ("scholen_basis",),
    "bso": ("scholen_basis",),
    "secundair": ("scholen_secundair",),
    "jeugd": ("jeugdinfrastructuur",),
}
SITE_LAYER_ORDER = ("jeugdinfrastructuur", "kinderopvang", "scholen_secundair", "scholen_basis")
_MARKERS = {
    "scholen_basis": "circle",
    "scholen_secundair": "square",
    "kinderopvang": "triangle",
    "jeugdinfrastructuur": "diamond",
}
_T = {
    "nl": {
        "all_places": "{layer}: plaatsen",
        "wijken": "Wijkgrens",
        "boundary": "Stad Gent",
        "parks": "Parken",
        "streets": "Straten",
        "plan": "Voorstel",
        "new": "nieuwe site",
        "expanded": "uitbreiding",
    },
    "en": {
        "all_places": "{layer}: places",
        "wijken": "Wijk boundary",
        "boundary": "City of Ghent",
        "parks": "Parks",
        "streets": "Streets",
        "plan": "Proposal",
        "new": "new site",
        "expanded": "expansion",
    },
}


class LayerList(list):
    """Layer descriptions collected bottom first, ordered by group in one step."""

    def add_layer(self, layer: LayerSpec) -> LayerSpec:
        """Append ``layer`` (drawn above the ones before it in its group)."""
        self.append(layer)
        return layer

    def to_specs(self) -> list[LayerSpec]:
        """The layers in drawing order: by group as the map's layer tree orders them."""
        groups = list(DEFAULT_GROUPS)
        for layer in self:
            if layer.group not in groups:
                groups.insert(0, layer.group)
        rank = {g: i for i, g in enumerate(groups)}
        return sorted(self, key=lambda lyr: -rank[lyr.group])


def short_wijk_name(name: str) -> str:
    """The first part of a wijk's name, for map labels (``Brugse Poort - Rooigem`` -> ``Brugse Poort``)."""
    return str(name).split(" - ")[0].strip()


def site_places(workspace, layer: str, level: str, year: int) -> pd.Series:
    """Places of ``level`` per site of ``layer`` in school year ``year`` (by ``site_id``).

    Sites that open later, and the changes of later years, are not counted.
    """
    records = workspace.capacity_records()
    base = COMPOSITE_LEVELS.get(level, (level,))
    rows = records[
        (records["layer"] == layer)
        & (records["level"].isin(base))
        & (records["school_year"] <= year)
    ]
    return rows.groupby("site_id")["places"].sum()


def _num(x: float) -> str:
    return f"{x:,.0f}".replace(",", " ")


def site_layer(
    workspace, layer: str, level: str | None, year: int, language: str, step: float | None = None
) -> LayerSpec | None:
    """Sites of ``layer`` sized by their places of ``level`` (all its levels when None) in ``year``."""
    frame = workspace.layers.get(layer)
    if frame is None or len(frame) == 0:
        return None
    levels = (
        [level]
        if level
        else sorted({lv for lv, layers in LEVEL_SITE_LAYERS.items() if layer in layers} - {"basis"})
    )
    if level is None and layer == "scholen_basis":
        levels = ["basis"]  # bso places live in schools; size schools by their school places
    per_level = [site_places(workspace, layer, lv, year) for lv in levels]
    places = pd.concat(per_level).groupby(level=0).sum() if per_level else pd.Series(dtype=float)
    frame = frame.assign(places=frame["site_id"].map(places).fillna(0.0).to_numpy(float))
    frame = frame[frame["places"] > 0]
    if len(frame) == 0:
        return None
    color = SITE_COLORS.get(layer, "#4d4d4d")
    marker = _MARKERS.get(layer, "circle")
    top = float(frame["places"].max())
    step = step or nice_step(top, 4)
    n = max(1, int(np.ceil(top / step)))
    sizes = np.linspace(5.0, 13.0, n) if n > 1 else np.array([8.0])
    classes = [
        GraduatedClass(
            0.0 if i == 0 else i * step,
            (i + 1) * step,
            Symbol(
                fill=color,
                stroke="#ffffff",
                stroke_width=0.8,
                marker=marker,
                size=float(sizes[i]),
            ),
            f"{'1' if i == 0 else _num(i * step)} – {_num((i + 1) * step)}",
        )
        for i in range(n)
    ]
    name = SITE_LAYER_NAMES[language].get(layer, layer)
    return LayerSpec(
        layer,
        gpd.GeoDataFrame(frame, geometry=frame.geometry.name, crs=frame.crs),
        GraduatedStyle("places", classes),
        title=_T[language]["all_places"].format(layer=name),
        group="voorzieningen",
        illustrative=bool(workspace.dataset.is_illustrative(layer)),
    )


def boundary_layer(workspace, language: str) -> LayerSpec | None:
    """The municipal boundary, filled as the map's background."""
    frame = workspace.layers.get("gemeentegrens")
    if frame is None:
        return None
    return LayerSpec(
        "gemeentegrens",
        frame,
        SingleStyle(Symbol(fill="#f4f2ec", stroke="#555555", stroke_width=1.4)),
        title=_T[language]["boundary"],
        group="basis",
    )


def base_layers(workspace, language: str, streets_max_class: int = 7) -> list[LayerSpec]:
    """Parks and streets (up to ``streets_max_class``), when the data set has them."""
    t = _T[language]
    layers = workspace.layers
    out = []
    if "parken" in layers:
        out.append(
            LayerSpec(
                "parken",
                layers["parken"],
                SingleStyle(Symbol(fill="#a9d18e", stroke=None, fill_opacity=0.55)),
                title=t["parks"],
                group="basis",
            )
        )
    if "wegen" in layers:
        wegen = layers["wegen"]
        if "road_class" in wegen.columns:
            wegen = wegen[wegen["road_class"].between(0, streets_max_class)]
        out.append(
            LayerSpec(
                "wegen",
                wegen,
                CategorizedStyle(
                    "road_class",
                    [
                        Category((6, 7), Symbol(stroke="#c4c4c4", stroke_width=0.35), ""),
                        Category((2, 3, 4, 5), Symbol(stroke="#a8a8a8", stroke_width=0.6), ""),
                        Category((0, 1), Symbol(stroke="#8a8a8a", stroke_width=1.1), ""),
                    ],
                ),
                title=t["streets"],
                group="basis",
            )
        )
    return out


def wijken_outline(workspace, language: str, labels: bool = True) -> LayerSpec:
    """The wijk boundaries, labelled with their short names."""
    wijken = workspace.wijken.copy()
    wijken["label"] = wijken["wijk"].map(short_wijk_name)
    return LayerSpec(
        "wijkgrens",
        wijken,
        SingleStyle(Symbol(fill=None, stroke="#4a3170", stroke_width=1.1)),
        title=_T[language]["wijken"],
        group="basis",
        labels=LabelStyle("label", size=7.0, color="#3b2760", bold=True) if labels else None,
    )


def plan_sites_frame(plan, crs="EPSG:31370") -> gpd.GeoDataFrame:
    """The proposed sites of a plan result as points (``kind``, ``brede``, ``places_<level>``)."""
    sites = plan.sites if plan is not None else pd.DataFrame()
    if sites is None or len(sites) == 0:
        return gpd.GeoDataFrame({"kind": []}, geometry=gpd.GeoSeries([], crs=crs), crs=crs)
    frame = sites.copy()
    if "brede" in frame.columns:
        frame["brede"] = frame["brede"].astype(bool).astype(int)
    return gpd.GeoDataFrame(
        frame,
        geometry=shapely.points(frame["x"].to_numpy(float), frame["y"].to_numpy(float)),
        crs=crs,
    )


def plan_layer(plan, language: str) -> LayerSpec | None:
    """A plan's new and expanded sites, or None when it proposes none."""
    frame = plan_sites_frame(plan)
    frame = frame[frame["kind"].isin(["new", "expanded"])] if len(frame) else frame
    if len(frame) == 0:
        return None
    t = _T[language]
    return LayerSpec(
        "voorstel",
        frame,
        CategorizedStyle(
            "kind",
            [
                Category(
                    "expanded",
                    Symbol(fill=None, stroke="#b2182b", stroke_width=2.2, marker="circle", size=15),
                    t["expanded"],
                ),
                Category(
                    "new",
                    Symbol(
                        fill="#b2182b",
                        stroke="#ffffff",
                        stroke_width=1.0,
                        marker="diamond",
                        size=16,
                    ),
                    t["new"],
                ),
            ],
        ),
        title=t["plan"],
        group="plan",
    )
