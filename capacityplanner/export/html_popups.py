"""Popup HTML of the offline map: a wijk's figures per level, a site's fields."""

from __future__ import annotations

import html
import re

import geopandas as gpd
import numpy as np
import pandas as pd

from capacityplanner.export.balance_layer import FIGURES
from capacityplanner.export.labels import field_label, level_label, school_year
from capacityplanner.export.symbology import capacity_columns

__all__ = ["format_number", "site_popups", "wijk_popups"]

_SITE_FIELDS = ("site_id", "street", "wijknr", "network", "type", "opened", "instellingsnummer")
_ILLUSTRATIVE = {"nl": "illustratieve gegevens", "en": "illustrative data"}
_EXTRA_LABELS = {
    "nl": {"street": "Straat", "network": "Net", "type": "Type", "opened": "Geopend (schooljaar)",
           "instellingsnummer": "Instellingsnummer", "income_related_places": "Inkomensgerelateerd"},
    "en": {"street": "Street", "network": "Network", "type": "Type", "opened": "Opened (school year)",
           "instellingsnummer": "School number", "income_related_places": "Income-related"},
}  # fmt: skip
_LEVEL_SUFFIX = re.compile(r"^(capacity|places|max)_(\w+)$")


def format_number(value: float, language: str = "nl") -> str:
    """Whole number with the language's thousands separator (``1.234`` / ``1,234``).

    Examples
    --------
    >>> format_number(-1234.4)
    '-1.234'
    >>> format_number(1234.6, "en")
    '1,235'
    """
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return ""
    text = f"{round(float(value)):,d}"
    return text.replace(",", ".") if language == "nl" else text


def wijk_popups(wide: pd.DataFrame, level: str, year: int, language: str = "nl") -> list[str]:
    """One popup per wijk: a table of capacity, demand and balance per level.

    ``wide`` is :func:`capacityplanner.export.balance_layer.balance_wide` output;
    the row of ``level`` is highlighted and negative balances are red.
    """
    levels = [c[len("balance_") :] for c in wide.columns if c.startswith("balance_")]
    head = "".join(f"<th>{html.escape(field_label(f, language))}</th>" for f in FIGURES[:3])
    header = f"<tr><th>{html.escape(field_label('level', language))}</th>{head}</tr>"
    out = []
    for rec in wide.to_dict("records"):
        rows = []
        for lev in levels:
            cells = []
            for fig in FIGURES[:3]:
                v = rec[f"{fig}_{lev}"]
                neg = ' class="neg"' if fig == "balance" and v < 0 else ""
                cells.append(f"<td{neg}>{format_number(v, language)}</td>")
            chosen = ' class="cp-chosen"' if lev == level else ""
            rows.append(
                f"<tr{chosen}><td>{html.escape(level_label(lev, language))}</td>{''.join(cells)}</tr>"
            )
        title = f"{int(rec['wijknr'])}. {rec['wijk']}"
        out.append(
            f'<div class="cp-popup"><b>{html.escape(title)}</b><br>'
            f"{html.escape(field_label('year', language))} {school_year(year)}"
            f"<table>{header}{''.join(rows)}</table></div>"
        )
    return out


def site_popups(gdf: gpd.GeoDataFrame, layer_name: str, language: str = "nl") -> list[str]:
    """One popup per site: name, layer, places per level and descriptive fields."""
    cap_cols = capacity_columns(gdf.columns)
    if "income_related_places" in gdf.columns:
        cap_cols.append("income_related_places")
    info_cols = [c for c in _SITE_FIELDS if c in gdf.columns]
    ill = (
        pd.to_numeric(gdf["illustrative"], errors="coerce").fillna(0).to_numpy() == 1
        if "illustrative" in gdf.columns
        else np.zeros(len(gdf), dtype=bool)
    )
    brede = (
        pd.to_numeric(gdf["brede"], errors="coerce").fillna(0).to_numpy() == 1
        if "brede" in gdf.columns
        else np.zeros(len(gdf), dtype=bool)
    )
    records = gdf[["name", *info_cols, *cap_cols]].to_dict("records")
    out = []
    for rec, is_ill, is_brede in zip(records, ill, brede, strict=True):
        rows = [
            f"<tr><td>{html.escape(_cap_label(c, language))}</td><td>{format_number(rec[c], language)}</td></tr>"
            for c in cap_cols
            if rec[c] is not None and not pd.isna(rec[c])
        ]
        rows += [
            f"<tr><td>{html.escape(_info_label(c, language))}</td><td>{html.escape(str(rec[c]))}</td></tr>"
            for c in info_cols
            if rec[c] is not None and not pd.isna(rec[c]) and c != "site_id"
        ]
        sub = html.escape(layer_name)
        if "site_id" in rec:
            sub += f" · {html.escape(str(rec['site_id']))}"
        if is_brede:
            sub += f" · {html.escape(field_label('brede', language))}"
        note = f'<div class="cp-ill">{_ILLUSTRATIVE[language]}</div>' if is_ill else ""
        out.append(
            f'<div class="cp-popup"><b>{html.escape(str(rec["name"]))}</b><br>{sub}'
            f"<table>{''.join(rows)}</table>{note}</div>"
        )
    return out


def _cap_label(col: str, language: str) -> str:
    extra = _EXTRA_LABELS[language]
    if col in extra:
        return extra[col]
    m = _LEVEL_SUFFIX.match(col)
    if m:
        kind = {"capacity": "capacity", "places": "places", "max": "places"}[m.group(1)]
        prefix = "max. " if m.group(1) == "max" else ""
        return f"{prefix}{field_label(kind, language)} {level_label(m.group(2), language).lower()}"
    return field_label(col, language)


def _info_label(col: str, language: str) -> str:
    return _EXTRA_LABELS[language].get(col) or field_label(col, language)
