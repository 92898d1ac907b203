"""Numbers, colours and axes of the tables and charts on the printed pages.

The figures themselves are drawn by :mod:`capacityplanner.render.page_figures`;
this module formats the counts (Dutch or English thousands separators, signed
balances), picks each level's line colour and chooses the value axis of a
balance chart (round ticks that include zero).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from capacityplanner.export.symbology import nice_step
from capacityplanner.render.page_figures import Chart, Series, Table, TableCell

__all__ = [
    "LEVEL_COLORS",
    "Chart",
    "Series",
    "Table",
    "TableCell",
    "balance_chart",
    "chart_ticks",
    "format_count",
]

#: Line colour of each level in the charts.
LEVEL_COLORS: dict[str, str] = {
    "kinderopvang": "#e08214",
    "kleuter": "#67a9cf",
    "lager": "#2166ac",
    "basis": "#2166ac",
    "secundair": "#762a83",
    "bso": "#01665e",
    "jeugd": "#1b7837",
}


def format_count(value: float, language: str = "nl", signed: bool = False) -> str:
    """A whole number with a thousands separator (Dutch ``.``, English ``,``).

    Examples
    --------
    >>> format_count(-1234.4, "nl", signed=True)
    '−1.234'
    >>> format_count(56.2, "en", signed=True)
    '+56'
    """
    if value is None or not np.isfinite(value):
        return "–"
    n = int(round(float(value)))
    text = f"{abs(n):,}"
    if language == "nl":
        text = text.replace(",", ".")
    if n < 0:
        return "−" + text
    return ("+" if signed and n > 0 else "") + text


def chart_ticks(values: Sequence[float], n: int = 5) -> list[float]:
    """Round value-axis ticks covering ``values`` and zero; empty when no value is finite.

    Examples
    --------
    >>> chart_ticks([-120.0, 430.0])
    [-200.0, 0.0, 200.0, 400.0, 600.0]
    """
    arr = np.asarray(list(values), dtype=float)
    if not np.isfinite(arr).any():
        return []
    lo, hi = min(float(np.nanmin(arr)), 0.0), max(float(np.nanmax(arr)), 0.0)
    if hi - lo < 1:
        hi, lo = hi + 1, lo - 1
    step = nice_step(hi - lo, n)
    start = np.floor(lo / step) * step
    stop = np.ceil(hi / step) * step
    return [float(t) for t in np.arange(start, stop + step / 2, step)]


def balance_chart(
    series: list[Series],
    *,
    title: str = "",
    y_label: str = "",
    language: str = "nl",
    mark_year: int | None = None,
) -> Chart:
    """A chart of ``series`` with round ticks labelled as counts in ``language``."""
    ticks = chart_ticks([v for s in series for v in s.values])
    return Chart(
        series,
        ticks,
        [format_count(t, language) for t in ticks],
        title=title,
        y_label=y_label,
        mark_year=mark_year,
    )
