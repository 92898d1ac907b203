"""Named map views for the printed exports, built as render layers.

A view is a :class:`~capacityplanner.render.map_model.MapModel` plus what a
page needs around it: the extent, a title and subtitle, the layers the legend
lists and whether illustrative data are shown. Views:

``balance``
    The shortfall of one level and school year per wijk (the same classes and
    colours as the HTML map and the styled GeoPackage), the base map, the
    sites of that level sized by their places that year, and a plan's
    proposed sites when one is given.
``sites``
    Every site layer over the base map, sized by places that school year.

:func:`current_map_view` wraps any model (the map window's) as a view.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from capacityplanner.errors import InputError
from capacityplanner.export.balance_layer import balance_wide
from capacityplanner.export.html_map import SITE_COLORS, SITE_LAYER_NAMES
from capacityplanner.export.labels import level_label, school_year
from capacityplanner.export.symbology import nice_step, shortfall_style
from capacityplanner.models.levels import COMPOSITE_LEVELS, LEVELS
from capacityplanner.render.layer import MapLayer
from capacityplanner.render.map_model import MapModel
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
    "VIEW_NAMES",
    "LayerList",
    "MapView",
    "balance_view",
    "build_view",
    "check_level",
    "current_map_view",
    "plan_sites_frame",
    "short_wijk_name",
    "site_places",
    "sites_view",
]

#: Names of the views :func:`build_view` knows.
VIEW_NAMES: tuple[str, ...] = ("balance", "sites")
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
        "title": "Capaciteitssaldo {level}, schooljaar {year}",
        "sites_title": "Voorzieningen en hun plaatsen, schooljaar {year}",
        "shortfall": "Tekort aan plaatsen per wijk",
        "all_places": "{layer}: plaatsen",
        "wijken": "Wijkgrens",
        "boundary": "Stad Gent",
        "parks": "Parken",
        "streets": "Straten",
        "plan": "Voorstel",
        "new": "nieuwe site",
        "expanded": "uitbreiding",
        "brede": "brede site",
        "scenario": "Scenario",
        "base": "huidige toestand",
        "variant": "geboortevariant {variant}",
        "year": "schooljaar {year}",
    },
    "en": {
        "title": "Capacity balance {level}, school year {year}",
        "sites_title": "Facilities and their places, school year {year}",
        "shortfall": "Shortfall of places per wijk",
        "all_places": "{layer}: places",
        "wijken": "Wijk boundary",
        "boundary": "City of Ghent",
        "parks": "Parks",
        "streets": "Streets",
        "plan": "Proposal",
        "new": "new site",
        "expanded": "expansion",
        "brede": "brede site",
        "scenario": "Scenario",
        "base": "current data",
        "variant": "{variant} birth variant",
        "year": "school year {year}",
    },
}
_VARIANT = {
    "nl": {"low": "laag", "mid": "midden", "high": "hoog"},
    "en": {"low": "low", "mid": "middle", "high": "high"},
}


class LayerList(list):
    """Layers collected bottom first, then made into a :class:`MapModel` in one step.

    The model is filled without emitting its change signals: nothing observes
    an export's model, and on PySide6 6.12 / Python 3.11 every ``Signal.emit()``
    drops a reference to ``True`` (the same defect the renderer guards against
    for ``None``), which aborts the interpreter once enough have been lost.
    """

    def add_layer(self, layer: MapLayer) -> MapLayer:
        """Append ``layer`` (drawn above the ones before it in its group)."""
        self.append(layer)
        return layer

    def to_model(self) -> MapModel:
        """A map model with these layers, sorted by group as :meth:`MapModel.add_layer` does."""
        model = MapModel()
        for layer in self:
            if layer.group not in model.groups:
                model.groups.insert(0, layer.group)
        rank = {g: i for i, g in enumerate(model.groups)}
        model.layers = sorted(self, key=lambda lyr: -rank[lyr.group])
        return model


@dataclass
class MapView:
    """A map ready for a page.

    Attributes
    ----------
    name : str
        View name (``balance``, ``sites``, ``current``).
    model : MapModel
        Layers to draw.
    extent : (xmin, ymin, xmax, ymax)
        Map area to show (EPSG:31370).
    title, subtitle : str
        Texts of the page's title block.
    legend : list of str
        Names of the layers the legend lists, top first.
    illustrative : bool
        Whether illustrative data are shown (then every page prints the notice).
    """

    name: str
    model: MapModel
    extent: tuple[float, float, float, float]
    title: str
    subtitle: str
    legend: list[str] = field(default_factory=list)
    illustrative: bool = False

    def legend_layers(self) -> list[MapLayer]:
        """The legend's layers (visible ones only), top first."""
        names = self.legend or [lyr.name for lyr in reversed(self.model.layers)]
        return [
            self.model.layer(n) for n in names if n in self.model and self.model.layer(n).visible
        ]


def check_level(level: str) -> str:
    """Return ``level`` if it is a level key, else raise InputError."""
    if level not in LEVELS:
        raise InputError(f"Unknown level {level!r}; choose one of {', '.join(LEVELS)}.")
    return level


def short_wijk_name(name: str) -> str:
    """The first part of a wijk's name, for map labels (``Brugse Poort - Rooigem`` -> ``Brugse Poort``)."""
    return str(name).split(" - ")[0].strip()


def subtitle_text(
    workspace, level: str | None, year: int, scenario: str | None, language: str
) -> str:
    """``Scenario: X · school year 2024-25 · level · birth variant``."""
    t = _T[language]
    parts = [f"{t['scenario']}: {scenario or t['base']}", t["year"].format(year=school_year(year))]
    if level:
        parts.append(level_label(level, language))
    variant = workspace.params.birth_variant
    parts.append(t["variant"].format(variant=_VARIANT[language].get(variant, variant)))
    return " · ".join(parts)


def data_illustrative(workspace, names: Sequence[str]) -> bool:
    """True when any of the named layers or tables of the workspace's data set is illustrative."""
    return any(bool(workspace.dataset.is_illustrative(n)) for n in names)


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


def _site_layer(
    workspace, layer: str, level: str | None, year: int, language: str, step: float | None = None
) -> MapLayer | None:
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
    base = Symbol(
        fill=color, stroke="#ffffff", stroke_width=0.8, marker=_MARKERS.get(layer, "circle")
    )
    top = float(frame["places"].max())
    step = step or nice_step(top, 4)
    n = max(1, int(np.ceil(top / step)))
    sizes = np.linspace(5.0, 13.0, n) if n > 1 else np.array([8.0])
    classes = [
        GraduatedClass(
            0.0 if i == 0 else i * step,
            (i + 1) * step,
            Symbol(
                fill=base.fill,
                stroke=base.stroke,
                stroke_width=base.stroke_width,
                marker=base.marker,
                size=float(sizes[i]),
            ),
            f"{'1' if i == 0 else _num(i * step)} – {_num((i + 1) * step)}",
        )
        for i in range(n)
    ]
    name = SITE_LAYER_NAMES[language].get(layer, layer)
    t = _T[language]
    title = t["all_places"].format(layer=name)
    return MapLayer(
        layer,
        gpd.GeoDataFrame(frame, geometry=frame.geometry.name, crs=frame.crs),
        GraduatedStyle("places", classes),
        title=title,
        group="voorzieningen",
        illustrative=bool(workspace.dataset.is_illustrative(layer)),
    )


def _num(x: float) -> str:
    return f"{x:,.0f}".replace(",", " ")


def _boundary_layer(model: LayerList, workspace, language: str) -> None:
    t = _T[language]
    layers = workspace.layers
    if "gemeentegrens" in layers:
        model.add_layer(
            MapLayer(
                "gemeentegrens",
                layers["gemeentegrens"],
                SingleStyle(Symbol(fill="#f4f2ec", stroke="#555555", stroke_width=1.4)),
                title=t["boundary"],
                group="basis",
            )
        )


def _base_layers(model: LayerList, workspace, language: str, streets_max_class: int = 7) -> None:
    t = _T[language]
    layers = workspace.layers
    if "parken" in layers:
        model.add_layer(
            MapLayer(
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
        model.add_layer(
            MapLayer(
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


def _wijken_outline(workspace, language: str, labels: bool = True) -> MapLayer:
    wijken = workspace.wijken.copy()
    wijken["label"] = wijken["wijk"].map(short_wijk_name)
    return MapLayer(
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


def _plan_layer(plan, language: str) -> MapLayer | None:
    frame = plan_sites_frame(plan)
    frame = frame[frame["kind"].isin(["new", "expanded"])] if len(frame) else frame
    if len(frame) == 0:
        return None
    t = _T[language]
    return MapLayer(
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


def city_extent(workspace) -> tuple[float, float, float, float]:
    """Bounds of the city (the municipal boundary, or the wijken)."""
    layer = workspace.layers.get("gemeentegrens")
    frame = layer if layer is not None and len(layer) else workspace.wijken
    return tuple(float(v) for v in frame.total_bounds)


def balance_view(
    workspace,
    level: str,
    year: int,
    *,
    language: str = "nl",
    plan=None,
    scenario: str | None = None,
    balance: pd.DataFrame | None = None,
    extent: tuple[float, float, float, float] | None = None,
    labels: bool = True,
) -> MapView:
    """The shortfall of ``level`` in school year ``year`` per wijk, with sites and a plan.

    Parameters
    ----------
    workspace : Workspace
        Data, parameters and edits.
    level : str
        Level key whose shortfall colours the wijken.
    year : int
        School year ``Y`` (Y-(Y+1)).
    language : {"nl", "en"}
    plan : PlanResult, optional
        Its new and expanded sites are drawn on top.
    scenario : str, optional
        Scenario name for the subtitle.
    balance : DataFrame, optional
        ``workspace.balance(year)`` when already computed.
    extent : tuple, optional
        Map area (default: the city).
    labels : bool
        Label the wijken with their (short) names.
    """
    check_level(level)
    table = balance if balance is not None else workspace.balance(year)
    wide = balance_wide(workspace.wijken, table[table["level"] == level], year)
    field_name = f"shortfall_{level}"
    t = _T[language]
    illustrative_inputs = [
        *LEVEL_SITE_LAYERS[level],
        "bevolking",
        "geboorten",
        "capaciteitswijzigingen",
    ]
    shown_illustrative = data_illustrative(workspace, illustrative_inputs)
    model = LayerList()
    _boundary_layer(model, workspace, language)
    model.add_layer(
        MapLayer(
            "saldo",
            wide,
            shortfall_style(field_name, wide[field_name], language),
            title=t["shortfall"],
            group="basis",  # under the parks and streets, which stay readable on top
            illustrative=shown_illustrative,
        )
    )
    _base_layers(model, workspace, language)
    model.add_layer(_wijken_outline(workspace, language, labels))
    legend = ["saldo"]
    for layer in LEVEL_SITE_LAYERS[level]:
        site_layer = _site_layer(workspace, layer, level, year, language)
        if site_layer is not None:
            model.add_layer(site_layer)
            legend.insert(0, layer)
    plan_layer = _plan_layer(plan, language)
    if plan_layer is not None:
        model.add_layer(plan_layer)
        legend.insert(0, "voorstel")
    legend.append("wijkgrens")
    return MapView(
        "balance",
        model.to_model(),
        extent or city_extent(workspace),
        t["title"].format(level=level_label(level, language).lower(), year=school_year(year)),
        subtitle_text(workspace, level, year, scenario, language),
        legend,
        shown_illustrative,
    )


def sites_view(
    workspace,
    year: int,
    *,
    language: str = "nl",
    scenario: str | None = None,
    extent: tuple[float, float, float, float] | None = None,
) -> MapView:
    """Every site layer (sized by its places in school year ``year``) over the base map."""
    workspace.check_year(year)
    t = _T[language]
    model = LayerList()
    _boundary_layer(model, workspace, language)
    _base_layers(model, workspace, language)
    model.add_layer(_wijken_outline(workspace, language))
    legend = []
    for layer in SITE_LAYER_ORDER:
        site_layer = _site_layer(workspace, layer, None, year, language)
        if site_layer is not None:
            model.add_layer(site_layer)
            legend.insert(0, layer)
    legend.append("wijkgrens")
    return MapView(
        "sites",
        model.to_model(),
        extent or city_extent(workspace),
        t["sites_title"].format(year=school_year(year)),
        subtitle_text(workspace, None, year, scenario, language),
        legend,
        data_illustrative(workspace, SITE_LAYER_ORDER),
    )


def build_view(
    name: str,
    workspace,
    level: str,
    year: int,
    *,
    language: str = "nl",
    plan=None,
    scenario: str | None = None,
) -> MapView:
    """The named view (see :data:`VIEW_NAMES`)."""
    if name == "balance":
        return balance_view(workspace, level, year, language=language, plan=plan, scenario=scenario)
    if name == "sites":
        return sites_view(workspace, year, language=language, scenario=scenario)
    raise InputError(f"Unknown map view {name!r}; choose one of {', '.join(VIEW_NAMES)}.")


def current_map_view(
    model: MapModel,
    title: str,
    subtitle: str = "",
    *,
    extent: tuple[float, float, float, float] | None = None,
    legend: list[str] | None = None,
) -> MapView:
    """Wrap a map model (e.g. the map window's) as a view; illustrative when any visible layer is."""
    bounds = extent or model.full_extent()
    if bounds is None:
        raise InputError("The map has no features to export.")
    visible = [lyr for lyr in model.layers if lyr.visible]
    return MapView(
        "current",
        model,
        bounds,
        title,
        subtitle,
        legend
        or [lyr.name for lyr in reversed(visible) if lyr.group != "basis" or lyr.name == "wijken"],
        any(lyr.illustrative for lyr in visible),
    )
