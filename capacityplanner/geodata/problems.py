"""What an import found wrong: :class:`Problem` and :class:`ImportResult`.

Every check of an imported file adds :class:`Problem` objects instead of
raising, so that one run reports everything that is wrong with a file. A
caller that wants the exception style calls :meth:`ImportResult.raise_first`,
which raises :class:`~capacityplanner.errors.InputError` with the first
problem's sentence.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import geopandas as gpd
import pandas as pd

from capacityplanner.errors import InputError

#: At most this many problems are listed per field; the rest are summed up.
MAX_PER_FIELD = 20


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input file.

    Attributes
    ----------
    file : str
        File name as the user knows it (no directory).
    message : str
        The whole sentence shown to the user; it names ``file`` and, where
        known, the layer, row and field.
    layer : str or None
        Layer (or spreadsheet sheet) inside the file.
    row : int or None
        Row as the user sees it: the 1-based feature number in a layer, the
        spreadsheet row (header = row 1) in a CSV or XLSX file.
    field : str or None
        Column of the file the problem is about.
    """

    file: str
    message: str
    layer: str | None = None
    row: int | None = None
    field: str | None = None

    def __str__(self) -> str:
        return self.message

    def to_dict(self) -> dict[str, Any]:
        """Plain dict for JSON output."""
        return {
            "file": self.file,
            "layer": self.layer,
            "row": self.row,
            "field": self.field,
            "message": self.message,
        }


def where(
    file: str, layer: str | None = None, row: int | None = None, field: str | None = None
) -> str:
    """Text naming a place in a file, e.g. ``scholen.gpkg, layer 'scholen', row 4, field 'naam'``."""
    parts = [file]
    if layer:
        parts.append(f"layer '{layer}'")
    if row is not None:
        parts.append(f"row {row}")
    if field:
        parts.append(f"field '{field}'")
    return ", ".join(parts)


def problem(
    file: str,
    what: str,
    layer: str | None = None,
    row: int | None = None,
    field: str | None = None,
) -> Problem:
    """Build a :class:`Problem` whose sentence starts with where it is.

    Parameters
    ----------
    file, layer, row, field
        Where the problem is (see :class:`Problem`).
    what : str
        What is wrong, e.g. ``"'veel' is not a number"``; no final full stop.
    """
    text = f"{where(file, layer, row, field)}: {what}"
    if not text.endswith((".", "?", "!")):
        text += "."
    return Problem(file=file, message=text, layer=layer, row=row, field=field)


@dataclass(frozen=True)
class JoinReport:
    """How a table matched a layer by key.

    Attributes
    ----------
    table_file : str
        The joined table's file name.
    layer_key, table_key : str
        Key column in the layer and in the table.
    matched : int
        Layer features that found a table row.
    unmatched_layer : list of str
        Keys of layer features without a table row.
    unmatched_table : list of str
        Keys of table rows without a layer feature.
    """

    table_file: str
    layer_key: str
    table_key: str
    matched: int
    unmatched_layer: list[str] = field(default_factory=list)
    unmatched_table: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """Plain dict for JSON output."""
        return {
            "table": self.table_file,
            "layer_key": self.layer_key,
            "table_key": self.table_key,
            "matched": self.matched,
            "unmatched_layer": list(self.unmatched_layer),
            "unmatched_table": list(self.unmatched_table),
        }


@dataclass
class ImportResult:
    """What reading a file for one role found and would load.

    Attributes
    ----------
    path : pathlib.Path
        The file read.
    role : str or None
        The role the data would fill (``scholen_basis``, ``wijken``,
        ``bevolking`` ...), None when it could not be told.
    source_layer : str or None
        Layer or sheet read inside the file.
    layer : geopandas.GeoDataFrame or pandas.DataFrame or None
        The data with the role's field names, in EPSG:31370 (a plain
        DataFrame for the ``bevolking`` table); None when nothing could be read.
        Only load it when :attr:`loadable` is true.
    mapping : dict
        Role field -> column of the file it was read from.
    problems : list of Problem
        Everything that stops the import.
    warnings : list of str
        Things the user should know that do not stop the import.
    repaired : int
        Geometries made valid by :func:`shapely.make_valid`.
    join : JoinReport or None
        How a joined table matched, when one was given.
    """

    path: Path
    role: str | None = None
    source_layer: str | None = None
    layer: gpd.GeoDataFrame | pd.DataFrame | None = None
    mapping: dict[str, str] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    repaired: int = 0
    join: JoinReport | None = None

    @property
    def loadable(self) -> bool:
        """True when the data can be loaded: read, and no problem found."""
        return self.layer is not None and not self.problems

    @property
    def feature_count(self) -> int:
        """Number of features (or table rows) that would be loaded."""
        return 0 if self.layer is None else len(self.layer)

    def raise_first(self) -> None:
        """Raise :class:`InputError` with the first problem's sentence, if any."""
        if self.problems:
            raise InputError(self.problems[0].message)
        if self.layer is None:  # pragma: no cover - every failed read adds a problem
            raise InputError(f"{self.path.name}: nothing could be read.")

    def to_dict(self) -> dict[str, Any]:
        """Plain dict for JSON output (without the data itself)."""
        return {
            "file": str(self.path),
            "role": self.role,
            "layer": self.source_layer,
            "loadable": self.loadable,
            "features": self.feature_count,
            "mapping": dict(self.mapping),
            "repaired": self.repaired,
            "warnings": list(self.warnings),
            "problems": [p.to_dict() for p in self.problems],
            "join": None if self.join is None else self.join.to_dict(),
        }
