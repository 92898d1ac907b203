"""Default groups, titles and styles of the Ghent data set's layers.

Titles and legend labels are English source strings marked for
translation (context ``"Layers"`` / ``"Legend"``); the interface shows
them in the user's language.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import geopandas as gpd
import pandas as pd
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from capacityplanner.render.layer import MapLayer
from capacityplanner.render.map_model import MapModel
from capacityplanner.render.style import (
    CategorizedStyle,
    Category,
    GraduatedStyle,
    LabelStyle,
    SingleStyle,
    Style,
    Symbol,
)

__all__ = ["GROUP_TITLES", "LAYER_TITLES", "LayerDefaults", "default_layer", "model_from_dataset"]

#: Group keys to English titles (context "Layers").
GROUP_TITLES = {
    "plan": QT_TRANSLATE_NOOP("Layers", "Plan"),
    "voorzieningen": QT_TRANSLATE_NOOP("Layers", "Facilities (illustrative)"),
    "demografie": QT_TRANSLATE_NOOP("Layers", "Demography"),
    "basis": QT_TRANSLATE_NOOP("Layers", "Base map"),
}

#: Layer names to English titles (context "Layers").
LAYER_TITLES = {
    "gemeentegrens": QT_TRANSLATE_NOOP("Layers", "Municipal boundary"),
    "wijken": QT_TRANSLATE_NOOP("Layers", "Districts (wijken)"),
    "sectoren": QT_TRANSLATE_NOOP("Layers", "Statistical sectors"),
    "wegen": QT_TRANSLATE_NOOP("Layers", "Streets"),
    "parken": QT_TRANSLATE_NOOP("Layers", "Parks"),
    "speelterreinen": QT_TRANSLATE_NOOP("Layers", "Playgrounds"),
    "scholen_basis": QT_TRANSLATE_NOOP("Layers", "Primary schools (basis)"),
    "scholen_secundair": QT_TRANSLATE_NOOP("Layers", "Secondary schools"),
    "kinderopvang": QT_TRANSLATE_NOOP("Layers", "Childcare"),
    "jeugdinfrastructuur": QT_TRANSLATE_NOOP("Layers", "Youth infrastructure"),
    "kandidaatsites": QT_TRANSLATE_NOOP("Layers", "Candidate sites"),
    "woonprojecten": QT_TRANSLATE_NOOP("Layers", "Housing projects"),
}

_ROAD_LABELS = (
    QT_TRANSLATE_NOOP("Legend", "Motorways and main roads"),
    QT_TRANSLATE_NOOP("Legend", "Secondary roads"),
    QT_TRANSLATE_NOOP("Legend", "Connecting roads"),
    QT_TRANSLATE_NOOP("Legend", "Local streets"),
    QT_TRANSLATE_NOOP("Legend", "Paths and other"),
)


@dataclass
class LayerDefaults:
    """Group, style, labels and visibility a layer opens with."""

    group: str
    style: Callable[[gpd.GeoDataFrame], Style]
    labels: LabelStyle | None = None
    visible: bool = True
    derived: dict[str, Callable[[gpd.GeoDataFrame], pd.Series]] = field(default_factory=dict)


def _road_style(_frame: gpd.GeoDataFrame) -> Style:
    grey = "#8c8c8c"
    # drawing order: minor first, main roads last (on top)
    return CategorizedStyle(
        "road_class",
        [
            Category((8, 9, 10, -1), Symbol(stroke="#cfcfcf", stroke_width=0.6), _ROAD_LABELS[4]),
            Category((6, 7), Symbol(stroke="#b4b4b4", stroke_width=0.8), _ROAD_LABELS[3]),
            Category((4, 5), Symbol(stroke="#9a9a9a", stroke_width=1.0), _ROAD_LABELS[2]),
            Category((2, 3), Symbol(stroke=grey, stroke_width=1.8), _ROAD_LABELS[1]),
            Category((0, 1), Symbol(stroke="#6e6e6e", stroke_width=2.6), _ROAD_LABELS[0]),
        ],
    )


def _sites(field_name: str, fill: str, marker: str) -> Callable[[gpd.GeoDataFrame], Style]:
    def make(frame: gpd.GeoDataFrame) -> Style:
        base = Symbol(
            fill=fill, stroke="#ffffff", stroke_width=1.0, marker=marker, fill_opacity=0.9
        )
        if field_name not in frame.columns or frame[field_name].notna().sum() == 0:
            return SingleStyle(base)
        return GraduatedStyle.from_values(
            field_name,
            frame[field_name],
            4,
            method="quantile",
            base=base,
            colors=None,
            sizes=(6, 15),
        )

    return make


def _candidate_style(frame: gpd.GeoDataFrame) -> Style:
    return SingleStyle(
        Symbol(fill=None, stroke="#d7301f", stroke_width=1.3, marker="circle", size=9)
    )


def _sum(*cols: str) -> Callable[[gpd.GeoDataFrame], pd.Series]:
    return lambda f: f[[c for c in cols if c in f.columns]].sum(axis=1, min_count=1)


DEFAULTS: dict[str, LayerDefaults] = {
    "gemeentegrens": LayerDefaults(
        "basis", lambda f: SingleStyle(Symbol(fill="#f6f4ee", stroke="#555555", stroke_width=1.6))
    ),
    "parken": LayerDefaults(
        "basis", lambda f: SingleStyle(Symbol(fill="#b7dba0", stroke="#8cbf72", stroke_width=0.5))
    ),
    "speelterreinen": LayerDefaults(
        "basis", lambda f: SingleStyle(Symbol(fill="#d8ecaa", stroke="#97c15c", stroke_width=0.5))
    ),
    "wegen": LayerDefaults("basis", _road_style),
    "wijken": LayerDefaults(
        "basis",
        lambda f: SingleStyle(Symbol(fill=None, stroke="#6a4c93", stroke_width=1.6)),
        labels=LabelStyle("wijk", size=8.5, color="#4a3170", bold=True),
    ),
    "sectoren": LayerDefaults(
        "demografie",
        lambda f: (
            GraduatedStyle.from_values(
                "deprivation_index",
                f["deprivation_index"],
                5,
                base=Symbol(stroke="#ffffff", stroke_width=0.4, fill_opacity=0.75),
                colors=("#f2f0f7", "#54278f"),
            )
            if "deprivation_index" in f.columns
            else SingleStyle(Symbol(fill=None, stroke="#9e9e9e", stroke_width=0.5))
        ),
        visible=False,
    ),
    "scholen_basis": LayerDefaults(
        "voorzieningen",
        _sites("capacity_basis", "#2171b5", "circle"),
        derived={"capacity_basis": _sum("capacity_kleuter", "capacity_lager")},
    ),
    "scholen_secundair": LayerDefaults(
        "voorzieningen", _sites("capacity_secundair", "#6a51a3", "square")
    ),
    "kinderopvang": LayerDefaults("voorzieningen", _sites("places", "#e6550d", "triangle")),
    "jeugdinfrastructuur": LayerDefaults("voorzieningen", _sites("capacity", "#238b45", "diamond")),
    "kandidaatsites": LayerDefaults("plan", _candidate_style),
    "woonprojecten": LayerDefaults("plan", _sites("dwellings", "#a6611a", "square"), visible=False),
}

#: Drawing order of the known layers, bottom first.
ORDER = [
    "gemeentegrens",
    "sectoren",
    "parken",
    "speelterreinen",
    "wegen",
    "wijken",
    "jeugdinfrastructuur",
    "kinderopvang",
    "scholen_secundair",
    "scholen_basis",
    "woonprojecten",
    "kandidaatsites",
]


def layer_title(name: str) -> str:
    """The translated title of a known layer (the name itself otherwise)."""
    return (
        QCoreApplication.translate("Layers", LAYER_TITLES[name]) if name in LAYER_TITLES else name
    )


def default_layer(
    name: str,
    frame: gpd.GeoDataFrame,
    *,
    illustrative: bool = False,
    source: str = "",
    description: str = "",
) -> MapLayer:
    """A :class:`MapLayer` for ``frame`` with the default style of layer ``name``."""
    d = DEFAULTS.get(name, LayerDefaults("basis", lambda f: SingleStyle()))
    missing = {col: fn for col, fn in d.derived.items() if col not in frame.columns}
    if missing:  # the data set's frame stays as it is (MapLayer keeps a copy of its own)
        frame = frame.copy()
        for col, fn in missing.items():
            frame[col] = fn(frame)
    return MapLayer(
        name,
        frame,
        d.style(frame),
        title=layer_title(name),
        group=d.group,
        visible=d.visible,
        illustrative=illustrative,
        labels=d.labels,
        source=source,
        description=description,
    )


def model_from_dataset(dataset, model: MapModel | None = None) -> MapModel:
    """A map model with every spatial layer of ``dataset`` in its default style.

    Parameters
    ----------
    dataset : Dataset
        Object with ``layers`` (name to GeoDataFrame), ``info``,
        ``is_illustrative(name)`` and ``description(name)``.
    model : MapModel, optional
        Model to fill (a new one otherwise).
    """
    model = model or MapModel()
    credit = str(dataset.info.get("credit", "")) if hasattr(dataset, "info") else ""
    names = [n for n in ORDER if n in dataset.layers] + [
        n for n in dataset.layers if n not in ORDER
    ]
    for name in names:
        frame = dataset.layers[name]
        if not isinstance(frame, gpd.GeoDataFrame) or frame.geometry.isna().all():
            continue
        model.add_layer(
            default_layer(
                name,
                frame,
                illustrative=bool(dataset.is_illustrative(name)),
                source=credit,
                description=str(dataset.description(name) or ""),
            )
        )
    return model
