"""Tables for the council: an Excel workbook and CSV files that open in Belgian Excel.

XLSX
    One sheet per table (balance, forecast, plan ...): the illustrative notice
    on the first row when it applies, a bold header with units on the second
    (frozen, with a filter), number formats (thousands separator, red negative
    balances, percentages, euros), column widths to fit; then a sheet
    ``Aannames en bronnen`` (``Assumptions and sources``) with the assumptions,
    the sources, the credit line, the notice and the tool version.

CSV
    UTF-8 with a byte-order mark, ``;`` as separator and ``,`` as decimal mark,
    CRLF line ends: Excel set to nl-BE opens it with a double-click, accents
    intact, numbers as numbers. Headers are the column names (level keys and
    field names of the data contract), so the file can be read back by the
    tool: ``pandas.read_csv(path, sep=";", decimal=",", encoding="utf-8-sig")``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from capacityplanner.errors import InputError
from capacityplanner.export.labels import UNITS, field_label, level_label
from capacityplanner.export.provenance import TOOL_NAME, Provenance, check_language

__all__ = ["CSV_OPTIONS", "assumptions_sheet_name", "export_csv", "export_tables_xlsx"]

#: How :func:`export_csv` writes (and how to read the file back with pandas).
CSV_OPTIONS: dict[str, str] = {"sep": ";", "decimal": ",", "encoding": "utf-8-sig"}
_ASSUMPTIONS = {"nl": "Aannames en bronnen", "en": "Assumptions and sources"}
_ASSUMPTION_HEADS = {
    "nl": ("Onderwerp", "Waarde", "Bron of toelichting"),
    "en": ("Item", "Value", "Source or note"),
}
_SECTION = {
    "nl": {"assumptions": "Aannames", "sources": "Bronnen", "about": "Over dit bestand"},
    "en": {"assumptions": "Assumptions", "sources": "Sources", "about": "About this file"},
}
_HEADER_FILL = PatternFill("solid", fgColor="DDE5F0")
_NOTICE_FILL = PatternFill("solid", fgColor="FFF3BF")
_HEADER_BORDER = Border(bottom=Side(style="thin", color="555555"))
_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")
_INT_FORMAT = "#,##0"
_BALANCE_FORMAT = "#,##0;[Red]-#,##0"
_FLOAT_FORMAT = "#,##0.0"
_EUR_FORMAT = '#,##0 "EUR"'
_PERCENT_FORMAT = "0.0%"
_PLAIN_INT = "0"
_PLAIN_INT_COLUMNS = re.compile(r"^(wijknr|year|school_year|first_year|last_year|opened|age|rank)$")
_COUNT_COLUMNS = re.compile(
    r"^(capacity|demand|shortfall|places|resident_demand|inflow_demand|births|population)"
)
_SIGNED_COLUMNS = re.compile(r"^(balance|change|delta)")


def assumptions_sheet_name(language: str = "nl") -> str:
    """Name of the workbook's assumptions and sources sheet."""
    return _ASSUMPTIONS[check_language(language)]


def export_tables_xlsx(
    path: str | Path,
    sheets: Mapping[str, pd.DataFrame],
    assumptions: pd.DataFrame | Mapping[str, Any] | None = None,
    *,
    sources: Sequence[str] | None = None,
    provenance: Provenance | None = None,
    language: str = "nl",
) -> Path:
    """Write tables as a formatted Excel workbook with an assumptions and sources sheet.

    Parameters
    ----------
    path : str or Path
        Output ``.xlsx`` file (parent folders are created).
    sheets : mapping of str to DataFrame
        Sheet name -> table, in sheet order (names are cut to Excel's 31 characters).
    assumptions : DataFrame or mapping, optional
        The assumptions behind the figures: a mapping name -> value, or a frame
        whose first columns are name and value (a third column, if any, is the
        source or a note).
    sources : sequence of str, optional
        Data sources, one per line (the credit line is always added).
    provenance : Provenance, optional
        Credit, notice, version and date (default: the Ghent data set's, illustrative).
    language : {"nl", "en"}
        Language of headers and of the assumptions sheet.

    Returns
    -------
    pathlib.Path
        The file written.
    """
    check_language(language)
    if not sheets:
        raise InputError("There is no table to write to the spreadsheet.")
    prov = provenance or Provenance(language=language)
    wb = Workbook()
    wb.remove(wb.active)
    used: set[str] = set()
    for name, frame in sheets.items():
        if not isinstance(frame, pd.DataFrame):
            raise InputError(f"Sheet {name!r} is not a table.")
        _write_table(wb.create_sheet(_sheet_name(name, used)), frame, prov.notice_text(), language)
    _write_assumptions(
        wb.create_sheet(_sheet_name(_ASSUMPTIONS[language], used)),
        assumptions,
        sources,
        prov,
        language,
    )
    wb.properties.creator = f"{TOOL_NAME[language]} {prov.tool_version}"
    wb.properties.title = ", ".join(sheets)
    wb.properties.description = " ".join(prov.lines())
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    wb.save(out)
    return out


def export_csv(path: str | Path, df: pd.DataFrame) -> Path:
    """Write one table as CSV for Belgian Excel (see :data:`CSV_OPTIONS`).

    Parameters
    ----------
    path : str or Path
        Output ``.csv`` file (parent folders are created).
    df : pandas.DataFrame
        The table; the index is not written (reset it first to keep it).

    Returns
    -------
    pathlib.Path
        The file written.
    """
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    df.to_csv(out, index=False, lineterminator="\r\n", **CSV_OPTIONS)
    return out


def _sheet_name(name: str, used: set[str]) -> str:
    base = _BAD_SHEET_CHARS.sub("-", str(name)).strip("'")[:31] or "Blad"
    candidate, i = base, 2
    while candidate.lower() in used:
        suffix = f" ({i})"
        candidate, i = base[: 31 - len(suffix)] + suffix, i + 1
    used.add(candidate.lower())
    return candidate


def _header(column: str, language: str) -> str:
    """``Label (unit)`` for known columns; level suffixes are spelled out."""
    col = str(column)
    base, _, suffix = col.partition("_")
    units = UNITS[language]
    if suffix and suffix in {
        "kinderopvang",
        "kleuter",
        "lager",
        "basis",
        "secundair",
        "bso",
        "jeugd",
    }:
        label = f"{field_label(base, language)} {level_label(suffix, language).lower()}"
        unit = units.get(base)
    else:
        label, unit = field_label(col, language), units.get(col)
    return f"{label} ({unit})" if unit and unit != "%" else label


def _number_format(column: str, series: pd.Series) -> str | None:
    col = str(column)
    if not pd.api.types.is_numeric_dtype(series) or pd.api.types.is_bool_dtype(series):
        return None
    if _PLAIN_INT_COLUMNS.match(col):
        return _PLAIN_INT
    if col.startswith(("coverage", "share")) or col.endswith("_share"):
        return _PERCENT_FORMAT
    if "cost" in col or col.endswith("_eur"):
        return _EUR_FORMAT
    if _SIGNED_COLUMNS.match(col):
        return _BALANCE_FORMAT
    if _COUNT_COLUMNS.match(col) or pd.api.types.is_integer_dtype(series):
        return _INT_FORMAT
    return _FLOAT_FORMAT


def _cell_value(value: Any) -> Any:
    if value is None or (isinstance(value, float) and np.isnan(value)) or value is pd.NA:
        return None
    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime()
    return value


def _write_table(ws, frame: pd.DataFrame, notice: str, language: str) -> None:
    frame = frame.reset_index(drop=True)
    if "geometry" in frame.columns:
        frame = frame.drop(columns="geometry")
    ncol = max(1, len(frame.columns))
    top = 1
    if notice:
        ws.cell(row=1, column=1, value=notice).font = Font(italic=True, color="7A5B00")
        for c in range(1, ncol + 1):
            ws.cell(row=1, column=c).fill = _NOTICE_FILL
        top = 2
    headers = [_header(c, language) for c in frame.columns]
    for j, text in enumerate(headers, start=1):
        cell = ws.cell(row=top, column=j, value=text)
        cell.font = Font(bold=True)
        cell.fill = _HEADER_FILL
        cell.border = _HEADER_BORDER
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for row in frame.itertuples(index=False, name=None):
        ws.append([_cell_value(v) for v in row])
    for j, col in enumerate(frame.columns, start=1):
        fmt = _number_format(col, frame[col])
        letter = get_column_letter(j)
        if fmt:
            for (cell,) in ws.iter_rows(min_row=top + 1, min_col=j, max_col=j):
                cell.number_format = fmt
        values = frame[col].astype(str).str.len()
        longest = int(values.max()) if len(values) else 0
        width = max(len(headers[j - 1]) + 2, longest + (3 if fmt else 1), 6)
        ws.column_dimensions[letter].width = min(width, 50)
    ws.freeze_panes = ws.cell(row=top + 1, column=1)
    if len(frame.columns):
        ws.auto_filter.ref = f"A{top}:{get_column_letter(ncol)}{top + len(frame)}"


def _assumption_rows(assumptions: pd.DataFrame | Mapping[str, Any] | None) -> list[tuple[Any, ...]]:
    if assumptions is None:
        return []
    if isinstance(assumptions, pd.DataFrame):
        return [
            tuple(_cell_value(v) for v in row[:3]) for row in assumptions.itertuples(index=False)
        ]
    if isinstance(assumptions, Mapping):
        return [
            (str(k), _cell_value(v) if not isinstance(v, (list, tuple, dict)) else str(v))
            for k, v in assumptions.items()
        ]
    raise InputError("The assumptions must be a table or a mapping of name to value.")


def _write_assumptions(
    ws,
    assumptions: pd.DataFrame | Mapping[str, Any] | None,
    sources: Sequence[str] | None,
    prov: Provenance,
    language: str,
) -> None:
    section = _SECTION[language]
    bold = Font(bold=True)
    row = 1
    if prov.notice_text():
        ws.cell(row=1, column=1, value=prov.notice_text()).font = Font(italic=True, color="7A5B00")
        for c in range(1, 4):
            ws.cell(row=1, column=c).fill = _NOTICE_FILL
        row = 3
    for j, text in enumerate(_ASSUMPTION_HEADS[language], start=1):
        cell = ws.cell(row=row, column=j, value=text)
        cell.font, cell.fill, cell.border = bold, _HEADER_FILL, _HEADER_BORDER
    ws.freeze_panes = ws.cell(row=row + 1, column=1)
    row += 1

    def block(title: str, rows: list[tuple[Any, ...]]) -> None:
        nonlocal row
        if not rows:
            return
        ws.cell(row=row, column=1, value=title).font = bold
        row += 1
        for values in rows:
            for j, v in enumerate(values, start=1):
                ws.cell(row=row, column=j, value=v).alignment = Alignment(
                    wrap_text=True, vertical="top"
                )
            row += 1
        row += 1

    block(section["assumptions"], _assumption_rows(assumptions))
    source_lines = list(dict.fromkeys([*(sources or []), prov.credit]))
    block(section["sources"], [(s,) for s in source_lines])
    block(section["about"], [tuple(r) for r in prov.as_rows()])
    ws.column_dimensions["A"].width = 45
    ws.column_dimensions["B"].width = 60
    ws.column_dimensions["C"].width = 50
