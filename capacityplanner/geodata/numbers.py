"""Numbers as spreadsheets write them, and checks of numeric fields.

Belgian files write decimal commas and group thousands with dots
(``1.234,5``); English ones the other way round. Checks report every value
that is not a number, is negative, not whole, or not a plausible year.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
import pandas as pd

from capacityplanner.geodata.problems import MAX_PER_FIELD, Problem, problem

_BELGIAN_DECIMAL = r"^[-+]?(\d{1,3}(\.\d{3})+|\d+),\d+$"
_THOUSANDS_COMMA = r"^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$"
_GROUPED_DOTS = r"^[-+]?\d{1,3}(\.\d{3})+(,\d*)?$"


def parse_numbers(
    values: pd.Series, decimal_comma: bool | None = None
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Read numbers written as a Belgian or an English spreadsheet writes them.

    With decimal commas, ``1.234,5`` is 1234.5 and ``1.250`` is 1250;
    otherwise dots are decimals and commas in ``1,234`` are thousands
    separators.

    Parameters
    ----------
    values : pandas.Series
        Numbers, or text holding numbers.
    decimal_comma : bool, optional
        Whether the file writes decimal commas (see :func:`uses_decimal_comma`);
        when None, a column with any value like ``12,5`` is read so.

    Returns
    -------
    numbers : numpy.ndarray
        Float values, NaN where empty or unreadable.
    bad : numpy.ndarray
        True where a value is present but is not a number.
    empty : numpy.ndarray
        True where no value is given.
    """
    empty = values.isna().to_numpy()
    if pd.api.types.is_bool_dtype(values.dtype):
        numbers = values.astype(float).to_numpy()
        return numbers, np.zeros(len(values), bool), empty
    if pd.api.types.is_numeric_dtype(values.dtype):
        numbers = pd.to_numeric(values, errors="coerce").astype(float).to_numpy()
        return numbers, np.zeros(len(values), bool), empty
    if not decimal_comma:
        # Fast path: plain numbers written as text.
        direct = pd.to_numeric(values, errors="coerce").astype(float).to_numpy()
        if np.isfinite(direct[~empty]).all():
            return direct, np.zeros(len(values), bool), empty
    text = values.astype("string").str.strip()
    text = text.str.replace("\u00a0", "", regex=False).str.replace(" ", "", regex=False)
    empty = (text.isna() | (text == "")).to_numpy(dtype=bool, na_value=True)
    if decimal_comma is None:
        decimal_comma = bool(text.str.match(_BELGIAN_DECIMAL).fillna(False).any())
    if decimal_comma:
        # Dots are thousands separators only where they group digits by three.
        grouped = text.str.match(_GROUPED_DOTS).fillna(False)
        text = text.where(~grouped, text.str.replace(".", "", regex=False))
        text = text.str.replace(",", ".", regex=False)
    else:
        thousands = text.str.match(_THOUSANDS_COMMA).fillna(False)
        text = text.where(~thousands, text.str.replace(",", "", regex=False))
    numbers = pd.to_numeric(text, errors="coerce").astype(float).to_numpy()
    bad = ~empty & ~np.isfinite(numbers)
    return numbers, bad, empty


def uses_decimal_comma(frame: pd.DataFrame, separator: str | None = None) -> bool | None:
    """Whether a table of text writes decimal commas (a Belgian spreadsheet).

    True when some column holds a value like ``12,5``; also when the file is
    ``;``-separated and no value has a dot that cannot be a thousands separator
    (like ``3.5`` or ``51.0545``). None when the table holds no text.
    """
    text_cols = [c for c in frame.columns if not pd.api.types.is_numeric_dtype(frame[c].dtype)]
    if not text_cols:
        return None
    stacked = pd.concat(
        [frame[c].astype("string").str.strip() for c in text_cols], ignore_index=True
    )
    stacked = stacked.str.replace("\u00a0", "", regex=False).str.replace(" ", "", regex=False)
    if stacked.str.match(_BELGIAN_DECIMAL).fillna(False).any():
        return True
    if separator == ";":
        dotted = stacked.str.match(r"^[-+]?\d+\.\d+$").fillna(False)
        grouped = stacked.str.match(r"^[-+]?\d{1,3}(\.\d{3})+$").fillna(False)
        return not (dotted & ~grouped).any()
    return None


#: What each kind of value must be, as said in messages.
KIND_TEXT = {
    "count": "a whole number of 0 or more",
    "amount": "a number of 0 or more",
    "year": "a year (e.g. 2026)",
    "int": "a whole number",
    "number": "a number",
}


def check_numbers(
    values: pd.Series,
    kind: str,
    *,
    required: bool | np.ndarray,
    file: str,
    layer: str | None,
    rows: Sequence[int],
    field: str,
    what: str,
    decimal_comma: bool | None = None,
) -> tuple[pd.Series, list[Problem]]:
    """Convert a column to numbers and report every value that is not allowed.

    Parameters
    ----------
    values : pandas.Series
        The column as read.
    kind : {"count", "amount", "year", "int", "number"}
        ``count``: whole, not negative (capacities, places); ``amount``: not
        negative (costs); ``year``: whole, 1800-2200; ``int``; ``number``.
    required : bool or numpy.ndarray
        Whether an empty value is a problem (per row when an array).
    file, layer, rows, field
        Where the values come from, for messages (``rows``: user row numbers).
    what : str
        What the field holds, e.g. ``"kleuter capacity"``.
    decimal_comma : bool, optional
        See :func:`parse_numbers`.

    Returns
    -------
    values : pandas.Series
        Float values (Int64 for whole kinds), same index.
    problems : list of Problem
    """
    numbers, bad, empty = parse_numbers(values, decimal_comma)
    rows = np.asarray(rows)
    found: list[tuple[np.ndarray, str]] = []
    raw = values.to_numpy(dtype=object)
    whole = kind in ("count", "year", "int")
    with np.errstate(invalid="ignore"):
        negative = ~bad & ~empty & (numbers < 0)
        fraction = ~bad & ~empty & whole & (numbers != np.round(numbers))
        out_of_range = ~bad & ~empty & (kind == "year") & ((numbers < 1800) | (numbers > 2200))
    must_be = KIND_TEXT[kind]
    found.append((bad, "is not a number: '{raw}' (the {what} must be " + must_be + ")"))
    if kind in ("count", "amount"):
        found.append((negative, "is negative ({raw}); the {what} must be " + must_be))
    if whole:
        found.append(
            (fraction & ~negative, "is not a whole number ({raw}); the {what} must be " + must_be)
        )
    found.append((out_of_range, "is not a plausible year ({raw})"))
    required_mask = np.broadcast_to(np.asarray(required, dtype=bool), empty.shape)
    found.append((empty & required_mask, "is empty; the {what} is required"))
    problems: list[Problem] = []
    for mask, template in found:
        report_rows(
            problems,
            mask,
            lambda i, template=template: template.format(raw=raw[i], what=what),
            file,
            layer,
            rows,
            field,
        )
    if whole:
        result = pd.Series(numbers, index=values.index).round().astype("Int64")
        if not result.isna().any():
            result = result.astype(np.int64)
    else:
        result = pd.Series(numbers, index=values.index)
    return result, problems


def report_rows(
    problems: list[Problem],
    mask: np.ndarray,
    what: str | Callable[[int], str],
    file: str,
    layer: str | None,
    rows: np.ndarray,
    field: str,
) -> None:
    """Add one problem per flagged row, at most :data:`MAX_PER_FIELD`, then a sum-up.

    Parameters
    ----------
    problems : list of Problem
        Appended to in place.
    mask : numpy.ndarray
        Boolean, one entry per row: ``True`` where the row has the problem.
    what : str or callable
        What is wrong (e.g. ``"is not a number"``), or a function of the row's
        position that returns it.
    file, layer, rows, field
        Where the values come from, for messages (``rows``: user row numbers).
    """
    idx = np.flatnonzero(mask)
    for i in idx[:MAX_PER_FIELD]:
        text = what(i) if callable(what) else what
        problems.append(problem(file, text, layer=layer, row=int(rows[i]), field=field))
    if len(idx) > MAX_PER_FIELD:
        problems.append(
            problem(
                file,
                f"{len(idx) - MAX_PER_FIELD} more rows have the same problem",
                layer=layer,
                field=field,
            )
        )
