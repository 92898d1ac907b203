"""Population by statistical sector, as Statbel publishes it, into the ``bevolking`` table.

Statbel's shape: one row per sector and age (or age band), and perhaps sex,
with columns such as ``CD_SECTOR``, ``CD_AGE`` (or bands like ``"0-4"``,
``"95+"``) and ``MS_POPULATION``. The result has docs/DATA.md's shape:
``sector_code``, ``wijknr``, ``age`` (0-24, whole years), ``population``.
Age bands are spread evenly over their years; rows for other sexes are
summed; sectors outside Ghent (NIS 44021) are left out with a warning.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

import numpy as np
import pandas as pd

from capacityplanner.geodata.columns import resolve_mapping
from capacityplanner.geodata.numbers import report_rows
from capacityplanner.geodata.problems import MAX_PER_FIELD, Problem, problem
from capacityplanner.geodata.validate import check_numbers

#: NIS code of Ghent; sector codes start with it.
GHENT_NIS = "44021"
#: Ages kept in the ``bevolking`` table.
MAX_AGE = 24
#: Statbel's code for inhabitants who cannot be placed in a sector.
UNLOCATED_SUFFIX = "ZZZZ"

_BAND = re.compile(r"^\D*?(\d{1,3})\s*(?:-|–|tot|to|t/m)\s*(\d{1,3})\D*$")
_OPEN = re.compile(r"^\D*?(\d{1,3})\s*(?:\+|en ouder|and over|jaar en ouder|ouder|plus)\D*$")
_SINGLE = re.compile(r"^\D*?(\d{1,3})(?:[.,]0+)?\D*$")


def normalize_sector_codes(values: pd.Series) -> pd.Series:
    """Sector codes as text in Statbel's nine-character form (``44021A02-``)."""
    text = values.astype("string").str.strip().str.upper()
    return text.where(text.str.len() != 8, text + "-")


def parse_ages(values: pd.Series) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Read ages or age bands.

    Returns
    -------
    low, high : numpy.ndarray
        First and last age of each row (equal for single years; ``high`` is
        -1 for an open band like ``"95+"``); -2 where unreadable.
    bad : numpy.ndarray
        True where the value is neither an age nor a band.
    """
    text = values.astype("string").str.strip().fillna("")
    band = text.str.extract(_BAND)
    open_ = text.str.extract(_OPEN)
    single = text.str.extract(_SINGLE)
    low = np.full(len(text), -2, dtype=np.int64)
    high = np.full(len(text), -2, dtype=np.int64)
    is_band = band[0].notna().to_numpy()
    is_open = ~is_band & open_[0].notna().to_numpy()
    is_single = ~is_band & ~is_open & single[0].notna().to_numpy()
    low[is_band] = band[0][is_band].astype(int)
    high[is_band] = band[1][is_band].astype(int)
    low[is_open] = open_[0][is_open].astype(int)
    high[is_open] = -1
    low[is_single] = single[0][is_single].astype(int)
    high[is_single] = low[is_single]
    bad = ~(is_band | is_open | is_single) | (is_band & (high < low))
    return low, high, bad


def population_table(
    frame: pd.DataFrame,
    *,
    file: str,
    layer: str | None = None,
    rows: Sequence[int] | None = None,
    mapping: Mapping[str, str] | None = None,
    sectors: Mapping[str, int] | Iterable[str] | pd.DataFrame | None = None,
    decimal_comma: bool | None = None,
) -> tuple[pd.DataFrame | None, dict[str, str], list[Problem], list[str]]:
    """Turn a Statbel-shaped table into the ``bevolking`` table.

    Parameters
    ----------
    frame : pandas.DataFrame
        The table as read; not modified.
    file, layer, rows
        For messages (``rows``: spreadsheet rows; default header + 1 onwards).
    mapping : dict, optional
        Field (``sector_code``, ``age``, ``population``) -> column; wins over the guess.
    sectors : dict, iterable or DataFrame, optional
        The known sectors: codes, a code -> wijknr dict, or a frame with
        ``sector_code`` and ``wijknr``. Ghent codes not among them are problems.
    decimal_comma : bool, optional
        Whether the file writes decimal commas.

    Returns
    -------
    table : pandas.DataFrame or None
        ``sector_code``, ``wijknr`` (Int64, NA when no sectors given), ``age``,
        ``population``, one row per sector and age, sorted.
    mapping : dict
    problems : list of Problem
    warnings : list of str
    """
    rows = np.asarray(rows if rows is not None else np.arange(2, len(frame) + 2))
    mapping, problems = resolve_mapping("bevolking", frame.columns, mapping, file=file, layer=layer)
    warnings: list[str] = []
    if problems:
        return None, mapping, problems, warnings
    known = _known_sectors(sectors)
    codes = normalize_sector_codes(frame[mapping["sector_code"]])
    code_col, age_col = mapping["sector_code"], mapping["age"]
    empty_code = codes.isna().to_numpy()
    report_rows(
        problems, empty_code, "is empty; the sector code is required", file, layer, rows, code_col
    )
    low, high, bad_age = parse_ages(frame[age_col])
    report_rows(
        problems,
        bad_age & frame[age_col].notna().to_numpy(),
        "is not an age or an age band like '0-4'",
        file,
        layer,
        rows,
        age_col,
    )
    report_rows(
        problems,
        frame[age_col].isna().to_numpy(),
        "is empty; the age is required",
        file,
        layer,
        rows,
        age_col,
    )
    open_low = (high == -1) & (low <= MAX_AGE)
    report_rows(
        problems,
        open_low,
        f"is an open age band that starts at or below {MAX_AGE}; give ages up to "
        f"{MAX_AGE} in closed bands",
        file,
        layer,
        rows,
        age_col,
    )
    population, num_problems = check_numbers(
        frame[mapping["population"]],
        "amount",
        required=True,
        file=file,
        layer=layer,
        rows=rows,
        field=mapping["population"],
        what="population",
        decimal_comma=decimal_comma,
    )
    problems.extend(num_problems)

    code_text = codes.fillna("")
    outside = ~empty_code & ~code_text.str.startswith(GHENT_NIS).to_numpy()
    unlocated = ~empty_code & code_text.str.endswith(UNLOCATED_SUFFIX).to_numpy()
    if outside.any():
        warnings.append(
            f"{file}: {int(outside.sum())} rows for sectors outside Ghent are left out."
        )
    if unlocated.any():
        people = np.nansum(population.to_numpy(dtype=float, na_value=np.nan)[unlocated])
        warnings.append(
            f"{file}: {people:,.0f} inhabitants without a known sector ({GHENT_NIS}{UNLOCATED_SUFFIX}) "
            "are left out."
        )
    keep = ~empty_code & ~outside & ~unlocated
    if known is not None:
        unknown = keep & ~code_text.isin(list(known)).to_numpy()
        seen: set[str] = set()
        for i in np.flatnonzero(unknown):
            code = code_text.iloc[i]
            if code in seen:
                continue
            seen.add(code)
            if len(seen) <= MAX_PER_FIELD:
                problems.append(
                    problem(
                        file,
                        f"sector code {code} is not one of Ghent's statistical sectors",
                        layer=layer,
                        row=int(rows[i]),
                        field=code_col,
                    )
                )
        if len(seen) > MAX_PER_FIELD:
            problems.append(
                problem(
                    file,
                    f"{len(seen) - MAX_PER_FIELD} more unknown sector codes",
                    layer=layer,
                    field=code_col,
                )
            )
    if problems:
        return None, mapping, problems, warnings
    if not keep.any():
        problems.append(
            problem(
                file,
                f"has no rows for sectors of Ghent (codes starting {GHENT_NIS})",
                layer=layer,
                field=code_col,
            )
        )
        return None, mapping, problems, warnings

    # Spread each row over the single years of its band, keep ages 0..MAX_AGE.
    lo, hi = low[keep], high[keep]
    hi = np.where(hi == -1, lo, hi)
    width = hi - lo + 1
    pop = population.to_numpy(dtype=float)[keep] / width
    rep = np.repeat(np.arange(len(lo)), width)
    offset = np.arange(len(rep)) - np.repeat(np.cumsum(width) - width, width)
    ages = lo[rep] + offset
    long = pd.DataFrame(
        {
            "sector_code": code_text.to_numpy()[keep][rep],
            "age": ages,
            "population": pop[rep],
        }
    )
    long = long[long["age"] <= MAX_AGE]
    table = long.groupby(["sector_code", "age"], as_index=False, sort=True)["population"].sum()
    covered = sorted(set(table["age"]))
    missing = sorted(set(range(MAX_AGE + 1)) - set(covered))
    if missing:
        warnings.append(f"{file}: no population for ages {_ranges(missing)}.")
    wijknr = pd.Series(pd.NA, index=table.index, dtype="Int64")
    if isinstance(known, dict):
        wijknr = table["sector_code"].map(known).astype("Int64")
    table.insert(1, "wijknr", wijknr)
    table["age"] = table["age"].astype(np.int64)
    return table.reset_index(drop=True), mapping, problems, warnings


def _known_sectors(sectors) -> dict[str, int] | set[str] | None:
    if sectors is None:
        return None
    if isinstance(sectors, pd.DataFrame):
        codes = normalize_sector_codes(sectors["sector_code"])
        if "wijknr" in sectors.columns:
            return dict(zip(codes, sectors["wijknr"].astype("Int64"), strict=True))
        return set(codes)
    if isinstance(sectors, Mapping):
        return {normalize_sector_codes(pd.Series([k])).iloc[0]: v for k, v in sectors.items()}
    return set(normalize_sector_codes(pd.Series(list(sectors))))


def _ranges(values: list[int]) -> str:
    parts, start = [], values[0]
    for a, b in zip(values, values[1:] + [None], strict=True):
        if b != a + 1:
            parts.append(str(start) if start == a else f"{start}-{a}")
            start = b
    return ", ".join(parts)
