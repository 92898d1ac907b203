"""Shared symbology of the council exports: the shortfall classes and site sizes.

The HTML map and the styled GeoPackage draw the balance with the same
classes and colours (green: no shortfall, yellow to red: growing shortfall),
and size sites by their places the same way, so a council member sees the
same picture in the browser and in QGIS. Styles are the renderer's plain
data classes (:mod:`capacityplanner.render.style`).
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from capacityplanner.models.levels import LEVELS
from capacityplanner.render.class_breaks import nice_step
from capacityplanner.render.style import GraduatedClass, GraduatedStyle, Symbol

__all__ = [
    "NO_SHORTFALL_COLOR",
    "SHORTFALL_COLORS",
    "nice_step",
    "shortfall_style",
    "site_capacity",
    "capacity_columns",
    "site_radius",
]

#: Colour of wijken without shortfall.
NO_SHORTFALL_COLOR = "#1a9850"
#: Colours of the shortfall classes, small to large (ColorBrewer RdYlGn).
SHORTFALL_COLORS = ("#fee08b", "#fdae61", "#f46d43", "#d73027")
_NO_SHORTFALL_LABEL = {"nl": "geen tekort", "en": "no shortfall"}
#: Columns holding a site's places, in the data set contract and in plan layers.
_CAPACITY_RE = re.compile(rf"^(capacity|places)$|^(capacity|places|max)_({'|'.join(LEVELS)})$")


def shortfall_style(
    field_name: str, shortfall: pd.Series | np.ndarray, language: str = "nl"
) -> GraduatedStyle:
    """Graduated red-green style on a shortfall field (places, >= 0).

    The first class holds the wijken without shortfall (value 0, green); the
    shortfalls are split into up to four classes of equal, round width.

    Parameters
    ----------
    field_name : str
        Field the style classifies.
    shortfall : Series or ndarray
        The field's values, used to choose the class width.
    language : {"nl", "en"}
        Language of the class labels.
    """
    values = pd.to_numeric(pd.Series(np.asarray(shortfall)), errors="coerce").to_numpy(float)
    top = float(np.nanmax(values)) if np.isfinite(values).any() else 0.0
    base = Symbol(stroke="#444444", stroke_width=0.8, fill_opacity=0.75)
    classes = [
        GraduatedClass(0.0, 0.0, _fill(base, NO_SHORTFALL_COLOR), _NO_SHORTFALL_LABEL[language])
    ]
    if top > 0:
        step = nice_step(top, len(SHORTFALL_COLORS))
        n = max(1, min(len(SHORTFALL_COLORS), int(np.ceil(top / step))))
        colors = SHORTFALL_COLORS[len(SHORTFALL_COLORS) - n :]  # the largest class is darkest
        for i in range(n):
            lo, hi = i * step, (i + 1) * step
            label = f"{_fmt(lo)} – {_fmt(hi)}" if i else f"1 – {_fmt(hi)}"
            classes.append(GraduatedClass(lo, hi, _fill(base, colors[i]), label))
    return GraduatedStyle(field_name, classes)


def _fill(base: Symbol, color: str) -> Symbol:
    return Symbol(
        fill=color,
        stroke=base.stroke,
        stroke_width=base.stroke_width,
        fill_opacity=base.fill_opacity,
    )


def _fmt(x: float) -> str:
    return f"{x:,.0f}".replace(",", " ")


def capacity_columns(columns: pd.Index | list[str]) -> list[str]:
    """The columns that hold places: ``capacity``, ``capacity_<level>``, ``places``,
    ``places_<level>``, ``max_<level>`` for the level keys (``income_related_places``
    is a part of ``places``, ``max_extra_places`` a limit, neither counts)."""
    return [c for c in columns if _CAPACITY_RE.match(str(c))]


def site_capacity(frame: pd.DataFrame) -> pd.Series:
    """Total places of each site: the sum of its capacity columns (0 when it has none)."""
    cols = capacity_columns(frame.columns)
    if not cols:
        return pd.Series(0.0, index=frame.index)
    return frame[cols].apply(pd.to_numeric, errors="coerce").fillna(0).sum(axis=1).astype(float)


def site_radius(
    places: pd.Series | np.ndarray,
    reference: float = 1000.0,
    reference_radius: float = 9.0,
    smallest: float = 2.5,
    largest: float = 14.0,
) -> np.ndarray:
    """Marker radius in pixels, area proportional to places, on one scale for every layer.

    A site with ``reference`` places gets ``reference_radius``; radii are kept
    between ``smallest`` and ``largest``.

    Examples
    --------
    >>> site_radius([0, 250, 1000, 9000]).tolist()
    [2.5, 4.5, 9.0, 14.0]
    """
    p = np.nan_to_num(np.clip(np.asarray(places, dtype=float), 0, None))
    return np.clip(reference_radius * np.sqrt(p / reference), smallest, largest)
