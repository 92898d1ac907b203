"""Read and write forecast parameters as TOML, and observed pupil counts as CSV."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pandas as pd
import tomli_w

from capacityplanner.errors import InputError
from capacityplanner.models.params import ForecastParams


def read_params(path: str | Path) -> ForecastParams:
    """Read a (partial) parameter file; unspecified fields keep their defaults.

    Raises
    ------
    InputError
        When the file is missing, is not valid TOML, or holds an unknown or invalid value.
    """
    path = Path(path)
    if not path.is_file():
        raise InputError(f"Parameter file {path} does not exist.")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise InputError(f"Parameter file {path} is not a UTF-8 text file.") from None
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"Parameter file {path} is not valid TOML: {exc}.") from None
    return ForecastParams.from_dict(data, source=f"Parameter file {path.name}")


def write_params(params: ForecastParams, path: str | Path) -> Path:
    """Write every parameter to a TOML file (units and sources as comments)."""
    path = Path(path)
    described = {row["parameter"]: row for row in ForecastParams.describe()}
    data = params.to_dict()
    lines = ["# Ghent capacity planner: forecast parameters", ""]
    scalars = {k: v for k, v in data.items() if not isinstance(v, dict)}
    tables = {k: v for k, v in data.items() if isinstance(v, dict)}
    for key, value in scalars.items():
        lines.append(f"# {described[key]['unit']}. Source: {described[key]['source']}")
        lines.append(tomli_w.dumps({key: value}).strip())
    for key, value in tables.items():
        lines.append("")
        lines.append(f"# {described[key]['unit']}. Source: {described[key]['source']}")
        lines.append(tomli_w.dumps({key: value}).strip())
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def read_observed(path: str | Path) -> pd.DataFrame:
    """Read observed pupil counts per wijk, level and school year.

    The CSV has columns ``wijknr`` (or ``wijk``), ``level``, ``year``, ``pupils``;
    ``;`` or ``,`` separated, decimal commas accepted.

    Raises
    ------
    InputError
        Naming the row and field of the first problem.
    """
    path = Path(path)
    if not path.is_file():
        raise InputError(f"Observed pupils file {path} does not exist.")
    try:
        table = pd.read_csv(path, sep=None, engine="python", decimal=",", encoding="utf-8-sig")
    except (pd.errors.ParserError, UnicodeDecodeError, pd.errors.EmptyDataError) as exc:
        raise InputError(
            f"Observed pupils file {path.name} cannot be read as CSV ({exc})."
        ) from None
    for column in ("wijknr", "level", "year", "pupils"):
        if column not in table.columns:
            raise InputError(f"Observed pupils file {path.name} lacks the column {column!r}.")
    for column in ("wijknr", "year", "pupils"):
        values = pd.to_numeric(table[column], errors="coerce")
        bad = values.isna() | (values < 0)
        if bad.any():
            row = int(bad.to_numpy().nonzero()[0][0])
            raise InputError(
                f"Observed pupils file {path.name}, row {row + 2}, field {column}: "
                f"{table[column].iloc[row]!r} is not a number of 0 or more."
            )
        table[column] = values
    table["wijknr"] = table["wijknr"].astype(int)
    table["year"] = table["year"].astype(int)
    return table
