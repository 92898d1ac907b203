"""Named map views for the printed exports, as plain layer descriptions.

A view is a list of :class:`~capacityplanner.render.layer_spec.LayerSpec`
plus what a page needs around it: the extent, a title and subtitle, the
layers the legend lists and whether illustrative data are shown. Views:

``balance``
    The shortfall of one level and school year per wijk (the same classes and
    colours as the HTML map and the styled GeoPackage), the base map, the
    sites of that level sized by their places that year, and a plan's
    proposed sites when one is given.
``sites``
    Every site layer over the base map, sized by places that school year.

:func:`current_map_view` wraps any map model (the map window's) as a view.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import pandas as pd

from capacityplanner.errors import InputError
from capacityplanner.export.balance_layer import balance_wide
from capacityplanner.export.labels import level_label, school_year
from capacityplanner.export.symbology import shortfall_style
from capacityplanner.export.view_layers import (
    LEVEL_SITE_LAYERS,
    SITE_LAYER_ORDER,
    LayerList,
    base_layers,
    boundary_layer,
    plan_layer,
    plan_sites_frame,
    short_wijk_name,
    site_layer,
    site_places,
    wijken_outline,
)
from capacityplanner.models.levels import LEVELS
from capacityplanner.render.layer_spec import LayerSpec
from capacityplanner.render.print_map import MapPicture, specs_from_model

__all__ = [
    "LEVEL_SITE_LAYERS",
    "SITE_LAYER_ORDER",
    "VIEW_NAMES",
    "LayerList",
    "MapView",
    "balance_view",
    "build_view",
    "check_level",
    "city_extent",
    "current_map_view",
    "plan_sites_frame",
    "short_wijk_name",
    "site_places",
    "sites_view",
]

#: Names of the views :func:`build_view` knows.
VIEW_NAMES: tuple[str, ...] = ("balance", "sites")
_T = {
    "nl": {
        "title": "Capaciteitssaldo {level}, schooljaar {year}",
        "sites_title": "Voorzieningen en hun plaatsen, schooljaar {year}",
        "shortfall": "Tekort aan plaatsen per wijk",
        "scenario": "Scenario",
        "base": "huidige toestand",
        "variant": "geboortevariant {variant}",
        "year": "schooljaar {year}",
        "legend": "Legende",
        "scale": "Schaal",
    },
    "en": {
        "title": "Capacity balance {level}, school year {year}",
        "sites_title": "Facilities and their places, school year {year}",
        "shortfall": "Shortfall of places per wijk",
        "scenario": "Scenario",
        "base": "current data",
        "variant": "{variant} birth variant",
        "year": "school year {year}",
        "legend": "Legend",
        "scale": "Scale",
    },
}
_VARIANT = {
    "nl": {"low": "laag", "mid": "midden", "high": "hoog"},
    "en": {"low": "low", "mid": "middle", "high": "high"},
}


@dataclass
class MapView:
    """A map ready for a page.

    Attributes
    ----------
    name : str
        View name (``balance``, ``sites``, ``current``).
    layers : list of LayerSpec
        Layers to draw, bottom first.
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
    layers: list[LayerSpec]
    extent: tuple[float, float, float, float]
    title: str
    subtitle: str
    legend: list[str] = field(default_factory=list)
    illustrative: bool = False

    def picture(
        self, language: str = "nl", extent: tuple[float, float, float, float] | None = None
    ) -> MapPicture:
        """The view as the renderer's map picture, with the legend and scale words of ``language``."""
        t = _T[language]
        return MapPicture(
            list(self.layers),
            extent or self.extent,
            list(self.legend),
            legend_heading=t["legend"],
            scale_word=t["scale"],
        )


def check_level(level: str) -> str:
    """Return ``level`` if it is a level key, else raise InputError."""
    if level not in LEVELS:
        raise InputError(f"Unknown level {level!r}; choose one of {', '.join(LEVELS)}.")
    return level


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


def city_extent(workspace) -> tuple[float, float, float, float]:
    """Bounds of the city (the municipal boundary, or the wijken)."""
    layer = workspace.layers.get("gemeentegrens")
    frame = layer if layer is not None and len(layer) else workspace.wijken
    return tuple(float(v) for v in frame.total_bounds)


def _base_map(workspace, language: str) -> LayerList:
    layers = LayerList()
    boundary = boundary_layer(workspace, language)
    if boundary is not None:
        layers.add_layer(boundary)
    return layers


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
    layers = _base_map(workspace, language)
    layers.add_layer(
        LayerSpec(
            "saldo",
            wide,
            shortfall_style(field_name, wide[field_name], language),
            title=t["shortfall"],
            group="basis",  # under the parks and streets, which stay readable on top
            illustrative=shown_illustrative,
        )
    )
    layers.extend(base_layers(workspace, language))
    layers.add_layer(wijken_outline(workspace, language, labels))
    legend = ["saldo"]
    for name in LEVEL_SITE_LAYERS[level]:
        sites = site_layer(workspace, name, level, year, language)
        if sites is not None:
            layers.add_layer(sites)
            legend.insert(0, name)
    proposal = plan_layer(plan, language)
    if proposal is not None:
        layers.add_layer(proposal)
        legend.insert(0, "voorstel")
    legend.append("wijkgrens")
    return MapView(
        "balance",
        layers.to_specs(),
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
    layers = _base_map(workspace, language)
    layers.extend(base_layers(workspace, language))
    layers.add_layer(wijken_outline(workspace, language))
    legend = []
    for name in SITE_LAYER_ORDER:
        sites = site_layer(workspace, name, None, year, language)
        if sites is not None:
            layers.add_layer(sites)
            legend.insert(0, name)
    legend.append("wijkgrens")
    return MapView(
        "sites",
        layers.to_specs(),
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
    model,
    title: str,
    subtitle: str = "",
    *,
    extent: tuple[float, float, float, float] | None = None,
    legend: list[str] | None = None,
) -> MapView:
    """Wrap a map model (e.g. the map window's) as a view; illustrative when any visible layer is.

    The layers are copied, so the map may change while the page is drawn.
    """
    bounds = extent or model.full_extent()
    if bounds is None:
        raise InputError("The map has no features to export.")
    visible = [lyr for lyr in model.layers if lyr.visible]
    return MapView(
        "current",
        specs_from_model(model),
        tuple(float(v) for v in bounds),
        title,
        subtitle,
        legend
        or [lyr.name for lyr in reversed(visible) if lyr.group != "basis" or lyr.name == "wijken"],
        any(lyr.illustrative for lyr in visible),
    )
