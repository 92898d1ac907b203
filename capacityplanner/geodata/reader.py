"""Read a user's file into a (Geo)DataFrame, reporting problems instead of raising.

Formats: GeoPackage, GeoJSON, Shapefile (also zipped), and CSV/XLSX tables,
which become point layers when they carry coordinate columns (see
:func:`capacityplanner.geodata.coordinates.points_from_columns`). CSV as a
Belgian spreadsheet writes it is understood: ``;`` separators, decimal commas,
cp1252 or UTF-8.

Nothing here changes the data beyond reading it: column roles, CRS and
geometry checks are done by :mod:`capacityplanner.geodata.importer`.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pyogrio
from pyproj import CRS
from pyproj.exceptions import CRSError

from capacityplanner.geodata.problems import Problem, problem
from capacityplanner.geodata.validate import uses_decimal_comma

VECTOR_SUFFIXES = (".gpkg", ".geojson", ".json", ".shp", ".zip", ".fgb", ".gml", ".kml")
TABLE_SUFFIXES = (".csv", ".txt", ".tsv", ".xlsx", ".xlsm")
SQLITE_HEADER = b"SQLite format 3\x00"
#: GeoJSON files up to this size are parsed with :mod:`json` first, for a precise syntax message.
JSON_CHECK_LIMIT = 300_000_000


@dataclass
class Source:
    """A file read as it is.

    Attributes
    ----------
    path : pathlib.Path
        The file.
    layer : str or None
        Layer or sheet read.
    frame : pandas.DataFrame or None
        The data; a GeoDataFrame when the source is spatial. None on failure.
    rows : numpy.ndarray
        Row number the user sees for each record (1-based features in a
        layer; spreadsheet rows, header = 1, in a table).
    is_table : bool
        True for CSV/XLSX (and non-spatial GeoPackage tables).
    problems : list of Problem
        Why it could not be read.
    warnings : list of str
        Notes on how it was read (encoding, separator ...).
    decimal_comma : bool or None
        Whether a CSV file writes decimal commas (None: decide per column).
    """

    path: Path
    layer: str | None = None
    frame: pd.DataFrame | None = None
    rows: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    is_table: bool = False
    problems: list[Problem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    decimal_comma: bool | None = None

    @property
    def ok(self) -> bool:
        """True when the data was read."""
        return self.frame is not None and not self.problems

    @property
    def file(self) -> str:
        """The file name shown in messages."""
        return self.path.name


def read_source(path: str | Path, layer: str | None = None, prefer: tuple[str, ...] = ()) -> Source:
    """Read a vector file or a table as it is.

    Parameters
    ----------
    path : str or pathlib.Path
        The file.
    layer : str, optional
        Layer (GeoPackage, zipped data) or sheet (XLSX) to read. Without it a
        file's only layer is read, or the first of ``prefer`` it holds.
    prefer : tuple of str
        Layer names to pick, in order, when the file holds several.

    Returns
    -------
    Source
        With ``frame`` set, or with ``problems`` saying why not.
    """
    path = Path(path)
    src = Source(path=path)
    if not path.exists():
        src.problems.append(
            problem(path.name, f"the file does not exist (looked in {path.parent})")
        )
        return src
    if path.is_dir():
        src.problems.append(problem(path.name, "is a folder, not a file"))
        return src
    suffix = path.suffix.lower()
    if suffix in TABLE_SUFFIXES:
        return _read_table(src, layer)
    if suffix == ".xls":
        src.problems.append(
            problem(path.name, "is an old Excel .xls file; save it as .xlsx or CSV and import that")
        )
        return src
    if suffix in VECTOR_SUFFIXES:
        return _read_vector(src, layer, prefer)
    head = path.read_bytes()[:16]
    if head.startswith(SQLITE_HEADER):
        return _read_vector(src, layer, prefer)
    src.problems.append(
        problem(
            path.name,
            "is not a geodata file: expected a GeoPackage (.gpkg), GeoJSON, Shapefile "
            "(.shp or .zip), CSV or XLSX file",
        )
    )
    return src


def read_table(path: str | Path, sheet: str | None = None) -> Source:
    """Read a CSV or XLSX table (no geometry); see :func:`read_source`."""
    path = Path(path)
    src = Source(path=path)
    if not path.exists():
        src.problems.append(
            problem(path.name, f"the file does not exist (looked in {path.parent})")
        )
        return src
    if path.suffix.lower() not in TABLE_SUFFIXES:
        return read_source(path, sheet)
    return _read_table(src, sheet)


# --------------------------------------------------------------------------- vector


def _read_vector(src: Source, layer: str | None, prefer: tuple[str, ...]) -> Source:
    path, name = src.path, src.file
    suffix = path.suffix.lower()
    target = str(path)
    if suffix == ".gpkg" or (suffix not in (".zip", ".shp") and _is_sqlite(path)):
        if not _is_sqlite(path):
            src.problems.append(
                problem(
                    name,
                    "is not a geodata file: a GeoPackage is an SQLite database and this is not one",
                )
            )
            return src
    elif suffix in (".geojson", ".json"):
        if not _check_json(src):
            return src
    elif suffix == ".zip":
        inner = _zip_member(src)
        if inner is None:
            return src
        target = f"/vsizip/{path}/{inner}"
    elif suffix == ".shp":
        for side in (".shx", ".dbf"):
            if not path.with_suffix(side).exists() and not path.with_suffix(side.upper()).exists():
                src.problems.append(
                    problem(name, f"the shapefile is incomplete: its {side} file is missing")
                )
                return src
    try:
        listed = pyogrio.list_layers(target)
    except Exception as exc:  # pyogrio raises DataSourceError and friends
        src.problems.append(_unreadable(name, exc))
        return src
    names = [str(n) for n in listed[:, 0]] if len(listed) else []
    if not names:
        src.problems.append(problem(name, "holds no layers"))
        return src
    chosen = _choose_layer(src, names, layer, prefer)
    if chosen is None:
        return src
    src.layer = chosen
    try:
        frame = pyogrio.read_dataframe(target, layer=chosen)
    except Exception as exc:
        prj = _bad_prj(path) if suffix == ".shp" else None
        if prj is not None:
            src.problems.append(
                problem(
                    name,
                    f"the coordinate reference system in its .prj file is unknown ({prj})",
                    layer=chosen,
                )
            )
        else:
            src.problems.append(_unreadable(name, exc, chosen))
        return src
    if not isinstance(frame, gpd.GeoDataFrame):
        src.is_table = True
    if len(frame) == 0:
        src.problems.append(problem(name, "has no features (the layer is empty)", layer=chosen))
        return src
    src.frame = frame
    src.rows = np.arange(1, len(frame) + 1)
    return src


def _bad_prj(shp: Path) -> str | None:
    """Why the shapefile's .prj cannot be read as a CRS, or None when it can (or is absent)."""
    prj = shp.with_suffix(".prj")
    if not prj.exists():
        return None
    try:
        CRS.from_wkt(prj.read_text(errors="replace"))
    except CRSError as exc:
        return str(exc).splitlines()[0][:160]
    return None


def _is_sqlite(path: Path) -> bool:
    with path.open("rb") as fh:
        return fh.read(16) == SQLITE_HEADER


def _unreadable(name: str, exc: Exception, layer: str | None = None) -> Problem:
    detail = str(exc).split(";")[0].strip()
    if "not recognized as being in a supported file format" in detail:
        return problem(name, "is not a geodata file GDAL recognises", layer=layer)
    return problem(name, f"is damaged or incomplete and cannot be read ({detail})", layer=layer)


def _check_json(src: Source) -> bool:
    """Parse a (Geo)JSON file with :mod:`json` for a message with line and column."""
    if src.path.stat().st_size > JSON_CHECK_LIMIT:
        return True
    raw = src.path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        src.problems.append(problem(src.file, "is not valid GeoJSON: the text is not UTF-8"))
        return False
    if not text.strip():
        src.problems.append(problem(src.file, "is empty"))
        return False
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        src.problems.append(
            problem(
                src.file,
                f"is not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}",
                row=None,
            )
        )
        return False
    if isinstance(data, list) or not isinstance(data, dict) or "type" not in data:
        src.problems.append(
            problem(
                src.file,
                'is JSON but not GeoJSON: expected an object with "type": "FeatureCollection"',
            )
        )
        return False
    return True


def _zip_member(src: Source) -> str | None:
    """The geodata file inside a zip archive, or None with a problem."""
    try:
        with zipfile.ZipFile(src.path) as zf:
            members = [m for m in zf.namelist() if not m.endswith("/") and "__MACOSX" not in m]
            bad = zf.testzip()
    except (zipfile.BadZipFile, OSError) as exc:
        src.problems.append(problem(src.file, f"is not a readable zip archive ({exc})"))
        return None
    if bad is not None:
        src.problems.append(problem(src.file, f"is damaged: the member {bad} fails its checksum"))
        return None
    for wanted in (".shp", ".gpkg", ".geojson", ".json"):
        found = sorted(m for m in members if m.lower().endswith(wanted))
        if found:
            if wanted == ".shp":
                stem = found[0][:-4]
                for side in (".shx", ".dbf"):
                    if not any(m.lower() == (stem + side).lower() for m in members):
                        src.problems.append(
                            problem(
                                src.file,
                                f"the shapefile {found[0]} in the archive has no {side} file",
                            )
                        )
                        return None
            return found[0]
    src.problems.append(problem(src.file, "holds no shapefile, GeoPackage or GeoJSON file"))
    return None


def _choose_layer(
    src: Source, names: list[str], layer: str | None, prefer: tuple[str, ...]
) -> str | None:
    if layer is not None:
        if layer in names:
            return layer
        src.problems.append(
            problem(src.file, f"has no layer '{layer}' (layers: {', '.join(names)})", layer=None)
        )
        return None
    if len(names) == 1:
        return names[0]
    for name in prefer:
        if name in names:
            return name
    src.problems.append(
        problem(
            src.file,
            f"holds {len(names)} layers ({', '.join(names)}); choose one of them",
        )
    )
    return None


# --------------------------------------------------------------------------- tables


def _read_table(src: Source, sheet: str | None) -> Source:
    src.is_table = True
    suffix = src.path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        frame = _read_xlsx(src, sheet)
    else:
        frame = _read_csv(src)
    if frame is None:
        return src
    frame.columns = [str(c).strip().lstrip("\ufeff") for c in frame.columns]
    frame = frame.dropna(how="all")
    if len(frame) == 0:
        src.problems.append(problem(src.file, "has a header but no data rows", layer=src.layer))
        return src
    src.rows = frame.index.to_numpy() + 2  # header is spreadsheet row 1
    src.frame = frame.reset_index(drop=True)
    return src


def _read_xlsx(src: Source, sheet: str | None) -> pd.DataFrame | None:
    try:
        book = pd.ExcelFile(src.path, engine="openpyxl")
    except Exception as exc:  # zipfile.BadZipFile, KeyError, InvalidFileException ...
        src.problems.append(
            problem(src.file, f"is not a readable Excel workbook ({type(exc).__name__}: {exc})")
        )
        return None
    with book:
        sheets = [str(s) for s in book.sheet_names]
        if sheet is not None and sheet not in sheets:
            src.problems.append(
                problem(src.file, f"has no sheet '{sheet}' (sheets: {', '.join(sheets)})")
            )
            return None
        src.layer = sheet if sheet is not None else sheets[0]
        frame = pd.read_excel(book, sheet_name=src.layer)
    if frame.shape[1] == 0:
        src.problems.append(problem(src.file, "the sheet is empty", layer=src.layer))
        return None
    return frame


def decode_text(raw: bytes) -> tuple[str, str]:
    """Decode CSV bytes as UTF-8 (with or without BOM), else cp1252.

    Returns
    -------
    tuple of str
        The text and the encoding used.
    """
    try:
        return raw.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace"), "cp1252"


def sniff_separator(text: str) -> str:
    """Guess the CSV separator (``;``, ``,``, tab or ``|``) from the first lines."""
    sample = "\n".join(text.splitlines()[:50])
    try:
        return csv.Sniffer().sniff(sample, delimiters=";,\t|").delimiter
    except csv.Error:
        header = sample.splitlines()[0] if sample else ""
        counts = {sep: header.count(sep) for sep in ";,\t|"}
        return max(counts, key=counts.get) if any(counts.values()) else ","


def _read_csv(src: Source) -> pd.DataFrame | None:
    raw = src.path.read_bytes()
    if not raw.strip():
        src.problems.append(problem(src.file, "is empty"))
        return None
    if b"\x00" in raw[:4096]:
        src.problems.append(problem(src.file, "is not a text (CSV) file: it holds binary data"))
        return None
    text, encoding = decode_text(raw)
    sep = sniff_separator(text)
    if encoding != "utf-8":
        src.warnings.append(f"{src.file}: read as {encoding} (Windows) text.")
    try:
        frame = pd.read_csv(
            io.StringIO(text),
            sep=sep,
            dtype=str,
            keep_default_na=False,
            na_values=[""],
            skipinitialspace=True,
        )
    except pd.errors.ParserError as exc:
        src.problems.append(problem(src.file, f"is not a well-formed CSV table ({exc})"))
        return None
    except pd.errors.EmptyDataError:
        src.problems.append(problem(src.file, "is empty"))
        return None
    for col in frame.columns:
        frame[col] = frame[col].str.strip()
    src.decimal_comma = uses_decimal_comma(frame, sep)
    return frame
