"""Layer styles: single symbol, categorized and graduated.

Styles are plain data (colours as ``#rrggbb`` strings), so they can be
stored next to a layer (a GeoPackage ``layer_styles`` row, a scenario file)
and drawn by any painter. ``assign`` maps every feature of a frame to the
index of the symbol that draws it, vectorised; -1 means "not drawn".
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any, Literal

import numpy as np
import pandas as pd

__all__ = [
    "Category",
    "CategorizedStyle",
    "GraduatedClass",
    "GraduatedStyle",
    "LabelStyle",
    "SingleStyle",
    "Style",
    "Symbol",
    "class_breaks",
    "color_ramp",
]

Marker = Literal["circle", "square", "triangle", "diamond"]


@dataclass(frozen=True)
class Symbol:
    """How one class of features is drawn.

    Parameters
    ----------
    fill : str or None
        Fill colour ``#rrggbb``; None draws no fill (hollow).
    stroke : str or None
        Outline or line colour; None draws no outline.
    stroke_width : float
        Outline or line width in device pixels (points on paper).
    marker : {"circle", "square", "triangle", "diamond"}
        Shape used for point features.
    size : float
        Marker diameter in pixels.
    fill_opacity : float
        0 (transparent) to 1 (opaque).
    dashed : bool
        Dashed outline or line.
    """

    fill: str | None = "#9ecae1"
    stroke: str | None = "#333333"
    stroke_width: float = 1.0
    marker: Marker = "circle"
    size: float = 8.0
    fill_opacity: float = 1.0
    dashed: bool = False


@dataclass(frozen=True)
class LabelStyle:
    """Text drawn at each feature's anchor from one field."""

    field: str
    size: float = 8.0
    color: str = "#222222"
    halo: str | None = "#ffffff"
    bold: bool = False


@dataclass
class SingleStyle:
    """Every feature with the same symbol."""

    symbol: Symbol = field(default_factory=Symbol)
    label: str = ""
    kind: str = "single"

    def symbols(self) -> list[Symbol]:
        """Symbols in drawing order."""
        return [self.symbol]

    def legend(self) -> list[tuple[str, Symbol]]:
        """Legend rows ``(label, symbol)``."""
        return [(self.label, self.symbol)]

    def assign(self, frame: pd.DataFrame) -> np.ndarray:
        """Symbol index for each row of ``frame``."""
        return np.zeros(len(frame), dtype=np.int64)


@dataclass(frozen=True)
class Category:
    """One value (or a tuple of values) of a categorized style."""

    value: Any
    symbol: Symbol
    label: str


@dataclass
class CategorizedStyle:
    """One symbol per value of a field; other values use ``other``.

    Categories are listed in drawing order (first drawn first, so the last
    one ends on top).
    """

    field: str
    categories: list[Category]
    other: Symbol | None = None
    other_label: str = "other"
    kind: str = "categorized"

    def symbols(self) -> list[Symbol]:
        """Symbols in drawing order (``other`` first, under the named categories)."""
        own = [c.symbol for c in self.categories]
        return ([self.other] if self.other is not None else []) + own

    def legend(self) -> list[tuple[str, Symbol]]:
        """Legend rows ``(label, symbol)``, top-drawn category first (as in the layer tree)."""
        rows = [(c.label, c.symbol) for c in self.categories][::-1]
        if self.other is not None:
            rows.append((self.other_label, self.other))
        return rows

    def assign(self, frame: pd.DataFrame) -> np.ndarray:
        """Index into :meth:`symbols` for each row of ``frame`` (-1: no category, not drawn).

        A category whose ``value`` is a tuple takes every value in it.
        """
        if self.field not in frame.columns:
            return np.full(len(frame), -1, dtype=np.int64)
        offset = 1 if self.other is not None else 0
        lookup = {}
        for i, c in enumerate(self.categories):
            for v in c.value if isinstance(c.value, tuple) else (c.value,):
                lookup[v] = i + offset
        missing = 0 if self.other is not None else -1
        codes = frame[self.field].map(lookup)
        return codes.fillna(missing).to_numpy(dtype=np.int64)

    @classmethod
    def from_values(
        cls, field_name: str, values: pd.Series, base: Symbol, colors: list[str] | None = None
    ) -> CategorizedStyle:
        """A category per distinct value (sorted), coloured from ``colors`` in turn."""
        palette = colors or QUALITATIVE
        distinct = sorted(pd.unique(values.dropna()), key=str)
        cats = [
            Category(v, replace(base, fill=palette[i % len(palette)]), str(v))
            for i, v in enumerate(distinct)
        ]
        return cls(field_name, cats)


@dataclass(frozen=True)
class GraduatedClass:
    """A class ``lower <= value <= upper`` of a graduated style."""

    lower: float
    upper: float
    symbol: Symbol
    label: str


@dataclass
class GraduatedStyle:
    """Classes over a numeric field, each with its colour and/or size.

    A value belongs to the first class whose upper bound it does not
    exceed; values outside every class (and missing values) are not drawn.
    """

    field: str
    classes: list[GraduatedClass]
    kind: str = "graduated"

    def symbols(self) -> list[Symbol]:
        """Symbols in drawing order (largest class last, so small markers stay visible)."""
        return [c.symbol for c in self.classes]

    def legend(self) -> list[tuple[str, Symbol]]:
        """Legend rows ``(label, symbol)``."""
        return [(c.label, c.symbol) for c in self.classes]

    def assign(self, frame: pd.DataFrame) -> np.ndarray:
        """Class index for each row of ``frame`` (-1 outside all classes or missing)."""
        if self.field not in frame.columns or not self.classes:
            return np.full(len(frame), -1, dtype=np.int64)
        values = pd.to_numeric(frame[self.field], errors="coerce").to_numpy(dtype=float)
        uppers = np.array([c.upper for c in self.classes])
        idx = np.searchsorted(uppers, values, side="left")
        bad = np.isnan(values) | (values < self.classes[0].lower) | (idx >= len(self.classes))
        return np.where(bad, -1, idx).astype(np.int64)

    @classmethod
    def from_values(
        cls,
        field_name: str,
        values: pd.Series | np.ndarray,
        n_classes: int = 5,
        *,
        method: Literal["quantile", "equal"] = "quantile",
        base: Symbol | None = None,
        colors: tuple[str, str] | None = ("#fee8c8", "#b30000"),
        sizes: tuple[float, float] | None = None,
    ) -> GraduatedStyle:
        """Classes computed from the data.

        Parameters
        ----------
        field_name : str
            Numeric field to classify.
        values : Series or ndarray
            The field's values (NaN ignored).
        n_classes : int
            Number of classes wanted (fewer when the data has fewer distinct values).
        method : {"quantile", "equal"}
            Quantile (equal counts) or equal-interval breaks.
        base : Symbol, optional
            Symbol the classes derive from.
        colors : (str, str) or None
            Colour ramp from the first to the last class; None keeps the base fill.
        sizes : (float, float) or None
            Marker size ramp (points sized by value); None keeps the base size.
        """
        base = base or Symbol()
        breaks = class_breaks(values, n_classes, method)
        n = len(breaks) - 1
        fills = color_ramp(colors[0], colors[1], n) if colors else [base.fill] * n
        size_list = list(np.linspace(sizes[0], sizes[1], n)) if sizes else [base.size] * n
        classes = [
            GraduatedClass(
                float(breaks[i]),
                float(breaks[i + 1]),
                replace(base, fill=fills[i], size=float(size_list[i])),
                f"{_fmt(breaks[i])} – {_fmt(breaks[i + 1])}",
            )
            for i in range(n)
        ]
        return cls(field_name, classes)


Style = SingleStyle | CategorizedStyle | GraduatedStyle

#: A qualitative palette (ColorBrewer Set2/Dark2 mix) for categories.
QUALITATIVE = [
    "#1b9e77",
    "#d95f02",
    "#7570b3",
    "#e7298a",
    "#66a61e",
    "#e6ab02",
    "#a6761d",
    "#666666",
]


def class_breaks(
    values: pd.Series | np.ndarray, n_classes: int, method: str = "quantile"
) -> np.ndarray:
    """Class boundaries (``n + 1`` increasing numbers) for ``values``.

    Examples
    --------
    >>> class_breaks([0, 10, 20, 30, 40], 4, "equal").tolist()
    [0.0, 10.0, 20.0, 30.0, 40.0]
    """
    v = pd.to_numeric(pd.Series(np.asarray(values)), errors="coerce").dropna().to_numpy(float)
    if len(v) == 0:
        return np.array([0.0, 1.0])
    lo, hi = float(v.min()), float(v.max())
    if hi == lo:
        return np.array([lo, hi])
    if method == "equal":
        breaks = np.linspace(lo, hi, n_classes + 1)
    elif method == "quantile":
        breaks = np.unique(np.quantile(v, np.linspace(0, 1, n_classes + 1)))
    else:
        raise ValueError(f"unknown classification method {method!r}")
    if np.all(np.abs(breaks - np.round(breaks)) < 1e-9):
        breaks = np.round(breaks)
    return breaks


def color_ramp(start: str, end: str, n: int) -> list[str]:
    """``n`` colours interpolated in RGB from ``start`` to ``end``."""
    a = np.array([int(start[i : i + 2], 16) for i in (1, 3, 5)], dtype=float)
    b = np.array([int(end[i : i + 2], 16) for i in (1, 3, 5)], dtype=float)
    t = np.linspace(0, 1, n)[:, None] if n > 1 else np.zeros((1, 1))
    rgb = np.rint(a + (b - a) * t).astype(int)
    return ["#{:02x}{:02x}{:02x}".format(*row) for row in rgb]


def _fmt(x: float) -> str:
    """Short number for class labels."""
    return f"{x:,.0f}".replace(",", " ") if abs(x) >= 10 or float(x).is_integer() else f"{x:.2g}"
