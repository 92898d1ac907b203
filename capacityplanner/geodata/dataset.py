"""Load the shipped Ghent data set (``resources/ghent.gpkg``) or a file of that shape.

The contract (layer and field names) is ``docs/DATA.md``. Spatial layers come
back in EPSG:31370, non-spatial tables as plain DataFrames, and the
``dataset_info`` table as a dict.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterator, MutableMapping
from dataclasses import dataclass, field
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pyogrio

from capacityplanner import paths
from capacityplanner.errors import InputError

CRS = "EPSG:31370"
INFO_TABLE = "dataset_info"

try:  # pyarrow makes reading faster; optional
    import pyarrow  # noqa: F401

    _USE_ARROW = True
except ImportError:  # pragma: no cover - depends on the environment
    _USE_ARROW = False


class DeferredTables(MutableMapping[str, pd.DataFrame]):
    """Tables by name, each read from the file when first used.

    Behaves as a dict of DataFrames: ``in``, ``len`` and iteration list every
    table without reading any; looking one up reads it once.

    Parameters
    ----------
    read : callable
        ``read(name)`` returns the table ``name`` (or raises InputError).
    names : iterable of str
        The tables still to read.
    """

    def __init__(self, read: Callable[[str], pd.DataFrame], names=()) -> None:
        self._read = read
        self._frames: dict[str, pd.DataFrame | None] = dict.fromkeys(names)  # None: not read

    def __getitem__(self, name: str) -> pd.DataFrame:
        frame = self._frames[name]
        if frame is None:
            frame = self._frames[name] = self._read(name)
        return frame

    def __setitem__(self, name: str, frame: pd.DataFrame) -> None:
        self._frames[name] = frame

    def __delitem__(self, name: str) -> None:
        del self._frames[name]

    def __contains__(self, name: object) -> bool:
        return name in self._frames

    def __iter__(self) -> Iterator[str]:
        return iter(self._frames)

    def __len__(self) -> int:
        return len(self._frames)

    def __repr__(self) -> str:
        return f"DeferredTables({list(self._frames)})"

    def defer(self, name: str) -> None:
        """Add table ``name``, to be read when first used."""
        self._frames[name] = None

    @property
    def pending(self) -> list[str]:
        """Names of the tables not read yet."""
        return [name for name, frame in self._frames.items() if frame is None]

    def read_all(self) -> None:
        """Read every table not read yet."""
        for name in self.pending:
            self[name]


@dataclass
class Dataset:
    """A loaded data set: spatial layers, tables and metadata.

    Attributes
    ----------
    path : pathlib.Path
        The file it was read from.
    layers : dict of str to geopandas.GeoDataFrame
        Spatial layers by name, in EPSG:31370.
    tables : dict of str to pandas.DataFrame
        Non-spatial tables by name (``bevolking``, ``geboorten``,
        ``capaciteitswijzigingen``, ``dataset_info``); a :class:`DeferredTables`
        when :func:`load_dataset` was asked to read them when first used.
    info : dict of str to str
        ``dataset_info`` key -> value.
    """

    path: Path
    layers: dict[str, gpd.GeoDataFrame] = field(default_factory=dict)
    tables: MutableMapping[str, pd.DataFrame] = field(default_factory=dict)
    info: dict[str, str] = field(default_factory=dict)

    def layer(self, name: str) -> gpd.GeoDataFrame:
        """The spatial layer ``name``.

        Raises
        ------
        InputError
            If the data set has no spatial layer of that name.
        """
        if name not in self.layers:
            raise InputError(
                f"Data set {self.path.name} has no spatial layer '{name}' "
                f"(it has: {', '.join(sorted(self.layers)) or 'none'})."
            )
        return self.layers[name]

    def table(self, name: str) -> pd.DataFrame:
        """The non-spatial table ``name``.

        Raises
        ------
        InputError
            If the data set has no table of that name.
        """
        if name not in self.tables:
            raise InputError(
                f"Data set {self.path.name} has no table '{name}' "
                f"(it has: {', '.join(sorted(self.tables)) or 'none'})."
            )
        return self.tables[name]

    def _check(self, name: str) -> None:
        if name not in self.layers and name not in self.tables:
            raise InputError(f"Data set {self.path.name} has no layer or table '{name}'.")

    def is_illustrative(self, name: str) -> bool:
        """True if layer or table ``name`` holds generated (illustrative) data.

        Uses the ``illustrative:<name>`` row of ``dataset_info``; without it, a
        layer counts as illustrative when its ``illustrative`` field is 1 on
        every row.
        """
        self._check(name)
        flag = self.info.get(f"illustrative:{name}")
        if flag is not None:
            return flag.strip() == "1"
        frame = self.layers.get(name)
        if frame is None:
            frame = self.tables[name]
        if "illustrative" in frame.columns and len(frame):
            return bool((pd.to_numeric(frame["illustrative"], errors="coerce") == 1).all())
        return False

    def description(self, name: str) -> str:
        """The description of layer or table ``name`` (empty if none is recorded)."""
        self._check(name)
        return self.info.get(f"layer_description:{name}", "")

    @property
    def credit(self) -> str:
        """The credit line to print wherever the data is shown or exported."""
        return self.info.get("credit", "")


def load_dataset(path: str | Path | None = None, *, defer_tables: bool = False) -> Dataset:
    """Read every layer and table of a data-set GeoPackage.

    Parameters
    ----------
    path : str or pathlib.Path, optional
        The GeoPackage; default :data:`capacityplanner.paths.GHENT_GPKG`.
    defer_tables : bool
        Read the non-spatial tables (other than ``dataset_info``) when first
        used instead of now: the desktop app draws its map without them. A
        table that cannot be read then raises the InputError on that use.

    Returns
    -------
    Dataset
        Spatial layers (EPSG:31370), tables and ``dataset_info``.

    Raises
    ------
    InputError
        If the file is missing, unreadable or not a GeoPackage, or a spatial
        layer has no coordinate reference system.
    """
    p = Path(path) if path is not None else paths.GHENT_GPKG
    if not p.exists():
        raise InputError(f"Data set file {p} does not exist.")
    if not p.is_file():
        raise InputError(f"Data set path {p} is not a file.")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            listed = pyogrio.list_layers(p)
    except Exception as exc:  # pyogrio raises several error types for bad files
        raise InputError(
            f"Data set file {p} is not a readable GeoPackage ({_short(exc)})."
        ) from exc
    if len(listed) == 0:
        raise InputError(f"Data set file {p} contains no layers.")
    ds = Dataset(path=p)
    if defer_tables:
        ds.tables = DeferredTables(lambda name: pd.DataFrame(_read(p, name, None)))
    for name, geometry_type in listed:
        name = str(name)
        if defer_tables and geometry_type is None and name != INFO_TABLE:
            ds.tables.defer(name)
            continue
        frame = _read(p, name, geometry_type)
        if isinstance(frame, gpd.GeoDataFrame) and geometry_type is not None:
            if frame.crs is None:
                raise InputError(f"Layer '{name}' of data set file {p} has no coordinate system.")
            if frame.crs.to_epsg() != 31370:
                frame = frame.to_crs(CRS)
            ds.layers[name] = frame
        else:
            ds.tables[name] = pd.DataFrame(frame)
    info = ds.tables.get(INFO_TABLE)
    if info is not None and {"key", "value"} <= set(info.columns):
        ds.info = {
            str(k): "" if pd.isna(v) else str(v)
            for k, v in zip(info["key"], info["value"], strict=False)
        }
    return ds


def _read(p: Path, name: str, geometry_type: str | None) -> pd.DataFrame:
    """Layer or table ``name`` of ``p`` (a GeoDataFrame when it has geometries)."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return pyogrio.read_dataframe(
                p, layer=name, use_arrow=_USE_ARROW, read_geometry=geometry_type is not None
            )
    except Exception as exc:
        raise InputError(
            f"Layer '{name}' of data set file {p} cannot be read ({_short(exc)})."
        ) from exc


def _short(exc: Exception) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text[:200]
