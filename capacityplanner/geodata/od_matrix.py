"""Read a user's own origin-destination distance table (CSV) into a sparse matrix.

Format: a header row and one row per pair,

.. code-block:: text

    origin_id;destination_id;metres
    44021A02-;BAS-001;1234,5
    44021A02-;BAS-002;870

Separator ``;`` or ``,`` (taken from the header row); decimal comma or point (``1234,5``,
``1234.5``; with both, the last one is the decimal mark: ``1.234,5`` or ``1,234.5``).
Header names are case-insensitive. Pairs not listed are unreachable (not stored); a
distance of 0 is stored as 1 m so that, as with the street-network matrices, the sparsity
pattern is the reachability.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pandas as pd
import scipy.sparse as sp

from capacityplanner.errors import InputError

COLUMNS: tuple[str, str, str] = ("origin_id", "destination_id", "metres")
MIN_METRES = 1.0


def _parse_numbers(text: pd.Series) -> pd.Series:
    """Numbers written with decimal comma or point (and optional thousands separators)."""
    s = text.str.replace(r"[\s\u00a0']", "", regex=True)
    last_comma = s.str.rfind(",")
    last_dot = s.str.rfind(".")
    comma_decimal = last_comma > last_dot
    s = s.where(~comma_decimal, s.str.replace(".", "", regex=False).str.replace(",", "."))
    s = s.where(comma_decimal, s.str.replace(",", "", regex=False))
    return pd.to_numeric(s, errors="coerce")


def _fail(path: Path, line: int, field: str, what: str) -> InputError:
    return InputError(f"OD matrix {path.name}, line {line}, field {field}: {what}.")


def read_od_matrix(
    path: str | Path, origin_ids: Sequence[str], destination_ids: Sequence[str]
) -> sp.csr_matrix:
    """Read an origin-destination distance CSV into a sparse (origins x destinations) matrix.

    Parameters
    ----------
    path : str or Path
        CSV file with the columns ``origin_id``, ``destination_id``, ``metres``.
    origin_ids : sequence of str
        Row order of the result (e.g. sector codes).
    destination_ids : sequence of str
        Column order of the result (e.g. site ids).

    Returns
    -------
    scipy.sparse.csr_matrix, shape (len(origin_ids), len(destination_ids))
        Metres; only listed pairs stored, never 0 (floored at 1 m).

    Raises
    ------
    InputError
        When the file is missing or unreadable, lacks a column, or a row names an unknown
        id, holds a non-numeric or negative distance, or repeats a pair; the message names
        the line and field.
    """
    path = Path(path)
    if not path.is_file():
        raise InputError(f"OD matrix {path} does not exist.")
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            header = fh.readline()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"OD matrix {path.name} cannot be read as UTF-8 text: {exc}.") from exc
    sep = ";" if header.count(";") >= header.count(",") and ";" in header else ","
    try:
        table = pd.read_csv(
            path,
            sep=sep,
            dtype=str,
            keep_default_na=False,
            encoding="utf-8-sig",
            skipinitialspace=True,
            skip_blank_lines=False,
            quoting=csv.QUOTE_MINIMAL,
        )
    except (pd.errors.ParserError, UnicodeDecodeError, ValueError) as exc:
        raise InputError(f"OD matrix {path.name} is not a readable CSV table: {exc}.") from exc
    table.columns = [str(c).strip().lower() for c in table.columns]
    missing = [c for c in COLUMNS if c not in table.columns]
    if missing:
        raise InputError(
            f"OD matrix {path.name} lacks the column(s) {', '.join(missing)} "
            f"(expected header {sep.join(COLUMNS)})."
        )
    table = table.fillna("")
    lines = np.arange(len(table)) + 2  # header is line 1
    blank = (table[list(COLUMNS)].apply(lambda c: c.str.strip()) == "").all(axis=1).to_numpy()
    table, lines = table[~blank], lines[~blank]
    o_codes = table["origin_id"].str.strip()
    d_codes = table["destination_id"].str.strip()
    rows = pd.Index([str(i) for i in origin_ids]).get_indexer(o_codes)
    cols = pd.Index([str(i) for i in destination_ids]).get_indexer(d_codes)
    for field, codes, idx in (("origin_id", o_codes, rows), ("destination_id", d_codes, cols)):
        bad = np.flatnonzero(idx < 0)
        if len(bad):
            b = bad[0]
            what = "is empty" if codes.iloc[b] == "" else f"{codes.iloc[b]!r} is not a known id"
            raise _fail(path, int(lines[b]), field, what)
    raw = table["metres"].str.strip()
    metres = _parse_numbers(raw).to_numpy(dtype=float)
    bad = np.flatnonzero(~np.isfinite(metres))
    if len(bad):
        b = bad[0]
        raise _fail(path, int(lines[b]), "metres", f"{raw.iloc[b]!r} is not a number")
    bad = np.flatnonzero(metres < 0)
    if len(bad):
        b = bad[0]
        raise _fail(path, int(lines[b]), "metres", f"{raw.iloc[b]} is negative")
    pair = rows.astype(np.int64) * max(len(destination_ids), 1) + cols
    dup = pd.Series(pair).duplicated().to_numpy()
    if dup.any():
        b = int(np.flatnonzero(dup)[0])
        raise _fail(
            path,
            int(lines[b]),
            "origin_id/destination_id",
            f"the pair {o_codes.iloc[b]} -> {d_codes.iloc[b]} is listed twice",
        )
    return sp.csr_matrix(
        (np.maximum(metres, MIN_METRES), (rows, cols)),
        shape=(len(origin_ids), len(destination_ids)),
    )
