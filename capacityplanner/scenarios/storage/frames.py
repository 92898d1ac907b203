"""Write a (Geo)DataFrame to a table and read it back with the same dtypes.

A table gets a ``fid`` integer primary key (row order), one SQL column per
DataFrame column and, for a GeoDataFrame, its active geometry as a real
geometry column (GeoPackage binary or PostGIS). A JSON *manifest* records the
original column names, dtypes, index and CRS so that reading gives back an
equal frame. In a project file the table is registered in ``gpkg_contents``
(and ``gpkg_geometry_columns``) so QGIS lists it as a layer.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
import sqlalchemy as sa

from capacityplanner.errors import InputError
from capacityplanner.scenarios.storage import geometry
from capacityplanner.scenarios.storage.schema import ensure_gpkg_srs

FID = "fid"
GEOM = "geom"


@dataclass
class StoredTable:
    """What was written: the catalogue facts of one data table."""

    table_name: str
    geometry_column: str | None
    srid: int | None
    geometry_type: str | None
    manifest: str
    row_count: int


def _float_type(dialect: str):
    return sa.types.REAL() if dialect == "sqlite" else sa.types.DOUBLE_PRECISION()


def _int_type(dialect: str):
    return sa.types.INTEGER() if dialect == "sqlite" else sa.types.BIGINT()


def _encode_name(name: Any) -> Any:
    if isinstance(name, tuple):
        return {"tuple": [_encode_name(n) for n in name]}
    if name is None or isinstance(name, str | int | float | bool):
        return name
    if isinstance(name, np.generic):
        return name.item()
    return str(name)


def _decode_name(name: Any) -> Any:
    if isinstance(name, dict) and "tuple" in name:
        return tuple(_decode_name(n) for n in name["tuple"])
    return name


def _json_default(value: Any) -> Any:
    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, np.ndarray):
        return value.tolist()
    if isinstance(value, pd.Timestamp | datetime):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


def _column_plan(series: pd.Series, dialect: str, where: str) -> tuple[str, Any]:
    """(encoding, SQL type) for one column."""
    dtype = series.dtype
    if isinstance(dtype, gpd.array.GeometryDtype):
        return "wkb", sa.LargeBinary()
    if isinstance(dtype, pd.CategoricalDtype):
        return "category", sa.Text()
    if pd.api.types.is_bool_dtype(dtype):
        return "plain", sa.Boolean()
    if pd.api.types.is_integer_dtype(dtype):
        return "plain", _int_type(dialect)
    if pd.api.types.is_float_dtype(dtype):
        return "plain", _float_type(dialect)
    if pd.api.types.is_datetime64_any_dtype(dtype):
        return "datetime", sa.Text()
    if pd.api.types.is_string_dtype(dtype) and not pd.api.types.is_object_dtype(dtype):
        return "plain", sa.Text()
    if pd.api.types.is_object_dtype(dtype):
        values = series.dropna()
        if values.map(lambda v: isinstance(v, str)).all():
            return "plain", sa.Text()
        return "json", sa.Text()
    raise InputError(f"{where}: column {series.name!r} has type {dtype}, which cannot be stored.")


def write_frame(
    conn: sa.Connection,
    frame: pd.DataFrame,
    table_name: str,
    identifier: str,
    description: str = "",
) -> StoredTable:
    """Create ``table_name`` and fill it with ``frame`` in the connection's transaction."""
    dialect = conn.dialect.name
    where = f"table {identifier!r}"
    if not isinstance(frame, pd.DataFrame):
        raise InputError(f"{where} is a {type(frame).__name__}, not a table (DataFrame).")
    if frame.columns.has_duplicates:
        raise InputError(f"{where} has duplicate column names.")

    geom_name = None
    if isinstance(frame, gpd.GeoDataFrame) and frame._geometry_column_name in frame.columns:
        geom_name = frame.geometry.name
    index_names: list[Any] | None = None
    data = frame
    if not (
        isinstance(frame.index, pd.RangeIndex) and frame.index.start == 0 and frame.index.step == 1
    ):
        index_names = [_encode_name(n) for n in frame.index.names]
        data = pd.DataFrame(frame.copy(deep=False)).reset_index(
            names=[f"__index_{i}__" for i in range(frame.index.nlevels)]
        )

    used = {FID, GEOM}
    columns: list[dict[str, Any]] = []
    sql_columns = [sa.Column(FID, _int_type(dialect), primary_key=True, autoincrement=False)]
    values: dict[str, Any] = {}
    srid: int | None = None
    gtype: str | None = None
    geoms = None
    for i, name in enumerate(data.columns):
        series = data.iloc[:, i]
        is_index = index_names is not None and i < frame.index.nlevels
        if geom_name is not None and not is_index and name == geom_name:
            geoms = np.asarray(series.array, dtype=object)
            crs = series.crs
            srid = crs.to_epsg() if crs is not None else 0
            if srid is None:
                raise InputError(
                    f"{where} has a coordinate system without an EPSG code ({crs.name})."
                )
            gtype = geometry.geometry_type_name(geoms)
            gtype_spec = gtype
            if dialect == "sqlite":
                sql_type = geometry.GpkgGeometry(gtype_spec)
                values[GEOM] = geometry.to_gpkg(geoms, srid)
            else:
                sql_type = geometry.PostgisGeometry(
                    gtype_spec + ("Z" if geometry.has_z(geoms) else ""), srid
                )
                values[GEOM] = geometry.to_wkb(geoms)
            sql_columns.append(sa.Column(GEOM, sql_type))
            columns.append({"name": _encode_name(name), "column": GEOM, "encoding": "geometry"})
            continue
        stored = name if isinstance(name, str) and name and len(name) <= 60 else f"col_{i}"
        if stored.lower() in {u.lower() for u in used}:
            stored = f"col_{i}"
        used.add(stored)
        encoding, sql_type = _column_plan(series, dialect, where)
        entry: dict[str, Any] = {
            "name": _encode_name(name),
            "column": stored,
            "encoding": encoding,
            "dtype": str(series.dtype),
        }
        if encoding == "category":
            entry["categories"] = [_encode_name(c) for c in series.cat.categories]
            entry["ordered"] = bool(series.cat.ordered)
            entry["categories_dtype"] = str(series.cat.categories.dtype)
        if is_index:
            entry["index"] = True
        columns.append(entry)
        sql_columns.append(sa.Column(stored, sql_type))
        values[stored] = _encode_values(series, encoding)

    table = sa.Table(table_name, sa.MetaData(), *sql_columns, sqlite_autoincrement=True)
    table.create(conn)
    n = len(data)
    if n:
        keys = list(values)
        cols = [values[k] for k in keys]
        rows = (
            [
                dict(zip(keys, row, strict=True), **{FID: j + 1})
                for j, row in enumerate(zip(*cols, strict=True))
            ]
            if keys
            else [{FID: j + 1} for j in range(n)]
        )
        conn.execute(table.insert(), rows)

    manifest = json.dumps(
        {
            "kind": "GeoDataFrame" if geom_name is not None else "DataFrame",
            "columns": columns,
            "index_names": index_names,
            "columns_multiindex": isinstance(frame.columns, pd.MultiIndex),
            "columns_names": [_encode_name(n) for n in frame.columns.names],
        }
    )
    if dialect == "sqlite":
        _register_gpkg(conn, table_name, identifier, description, geoms, srid, gtype)
    return StoredTable(table_name, GEOM if geoms is not None else None, srid, gtype, manifest, n)


def _encode_values(series: pd.Series, encoding: str) -> list[Any]:
    if encoding == "wkb":
        return geometry.to_wkb(np.asarray(series.array, dtype=object))
    if encoding == "json":
        return [
            None if _is_na(v) else json.dumps(v, default=_json_default) for v in series.tolist()
        ]
    if encoding == "category":
        return [None if _is_na(v) else json.dumps(_encode_name(v)) for v in series.tolist()]
    if encoding == "datetime":
        return [None if pd.isna(v) else v.isoformat() for v in series.tolist()]
    obj = series.astype(object)
    return obj.where(series.notna(), None).tolist()


def _is_na(value: Any) -> bool:
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _register_gpkg(conn, table_name, identifier, description, geoms, srid, gtype) -> None:
    now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")[:-4] + "Z"
    bounds = [None] * 4
    if geoms is not None:
        ensure_gpkg_srs(conn, srid)
        present = geoms[~shapely.is_missing(geoms)]
        if len(present) and not shapely.is_empty(present).all():
            b = shapely.total_bounds(present)
            bounds = [float(v) for v in b]
    taken = conn.execute(
        sa.text("SELECT 1 FROM gpkg_contents WHERE identifier = :i"), {"i": identifier}
    ).first()
    if taken is not None:  # identifiers are unique in a GeoPackage
        identifier = f"{identifier} ({table_name})"
    conn.execute(
        sa.text(
            "INSERT INTO gpkg_contents (table_name, data_type, identifier, description, "
            "last_change, min_x, min_y, max_x, max_y, srs_id) VALUES (:t, :dt, :ident, :desc, "
            ":now, :minx, :miny, :maxx, :maxy, :srs)"
        ),
        {
            "t": table_name,
            "dt": "features" if geoms is not None else "attributes",
            "ident": identifier,
            "desc": description,
            "now": now,
            "minx": bounds[0],
            "miny": bounds[1],
            "maxx": bounds[2],
            "maxy": bounds[3],
            "srs": srid,
        },
    )
    if geoms is not None:
        conn.execute(
            sa.text(
                "INSERT INTO gpkg_geometry_columns (table_name, column_name, geometry_type_name, "
                "srs_id, z, m) VALUES (:t, :c, :g, :s, :z, 0)"
            ),
            {
                "t": table_name,
                "c": GEOM,
                "g": gtype,
                "s": srid,
                "z": 2 if geometry.has_z(geoms) else 0,
            },
        )


def drop_table(conn: sa.Connection, table_name: str) -> None:
    """Drop a data table and everything GeoPackage or GDAL keeps about it."""
    if conn.dialect.name == "sqlite":
        for (name,) in conn.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE ?",
            (f"rtree\\_{table_name}\\_%",),
        ).all():
            if name.startswith(f"rtree_{table_name}_"):
                conn.exec_driver_sql(f'DROP TABLE IF EXISTS "{name}"')
        existing = {
            r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='table'")
        }
        for meta_table in (
            "gpkg_geometry_columns",
            "gpkg_extensions",
            "gpkg_ogr_contents",
            "gpkg_data_columns",
            "gpkg_metadata_reference",
            "gpkg_contents",
        ):
            if meta_table in existing:
                conn.exec_driver_sql(
                    f"DELETE FROM {meta_table} WHERE lower(table_name) = lower(?)", (table_name,)
                )
        if "layer_styles" in existing:
            conn.exec_driver_sql(
                "DELETE FROM layer_styles WHERE lower(f_table_name) = lower(?)", (table_name,)
            )
    conn.execute(sa.text(f'DROP TABLE IF EXISTS "{table_name}"'))


def rename_identifier(conn: sa.Connection, table_name: str, identifier: str) -> None:
    """Give a data table a new human-readable name in ``gpkg_contents``."""
    if conn.dialect.name == "sqlite":
        taken = conn.execute(
            sa.text("SELECT 1 FROM gpkg_contents WHERE identifier = :i AND table_name != :t"),
            {"i": identifier, "t": table_name},
        ).first()
        if taken is not None:
            identifier = f"{identifier} ({table_name})"
        conn.execute(
            sa.text("UPDATE gpkg_contents SET identifier = :i WHERE table_name = :t"),
            {"i": identifier, "t": table_name},
        )


def read_frame(conn: sa.Connection, stored: dict[str, Any]) -> pd.DataFrame:
    """Read back the frame written by :func:`write_frame` (``stored``: its catalogue row)."""
    manifest = json.loads(stored["manifest"])
    dialect = conn.dialect.name
    sql_cols = []
    for entry in manifest["columns"]:
        if entry["encoding"] == "geometry":
            if dialect == "sqlite":
                sql_cols.append(sa.column(entry["column"], sa.LargeBinary))
            else:
                sql_cols.append(
                    sa.func.ST_AsBinary(sa.column(entry["column"])).label(entry["column"])
                )
        else:
            sql_cols.append(sa.column(entry["column"]))
    if sql_cols:
        query = (
            sa.select(*sql_cols)
            .select_from(sa.table(stored["table_name"]))
            .order_by(sa.column(FID))
        )
        rows = conn.execute(query).all()
    else:
        rows = []
    n = stored["row_count"]
    out: dict[Any, Any] = {}
    geom_name = None
    crs = None
    names = []
    for j, entry in enumerate(manifest["columns"]):
        raw = [r[j] for r in rows]
        name = _decode_name(entry["name"])
        key = f"__c{j}__"
        names.append(name)
        enc = entry["encoding"]
        if enc == "geometry":
            srid = stored["srid"]
            crs = None if not srid else f"EPSG:{srid}"
            arr = geometry.from_gpkg(raw) if dialect == "sqlite" else geometry.from_wkb(raw)
            out[key] = gpd.GeoSeries(arr, crs=crs)
            geom_name = key
        else:
            out[key] = _decode_values(raw, entry)
    frame = (
        pd.DataFrame(out, index=pd.RangeIndex(n)) if out else pd.DataFrame(index=pd.RangeIndex(n))
    )
    if manifest["index_names"] is not None:
        idx_keys = [f"__c{j}__" for j, e in enumerate(manifest["columns"]) if e.get("index")]
        frame = frame.set_index(idx_keys)
        frame.index.names = [_decode_name(n) for n in manifest["index_names"]]
    final = [names[j] for j, e in enumerate(manifest["columns"]) if not e.get("index")]
    if manifest.get("columns_multiindex"):
        frame.columns = pd.MultiIndex.from_tuples(final)
    else:
        frame.columns = final
    if geom_name is not None:
        real = names[int(geom_name[3:-2])]
        frame = gpd.GeoDataFrame(frame, geometry=real, crs=crs)
    col_names = [_decode_name(n) for n in manifest.get("columns_names") or []]
    if col_names and len(col_names) == frame.columns.nlevels:
        frame.columns.names = col_names
    return frame


def _decode_values(raw: list[Any], entry: dict[str, Any]) -> Any:
    enc = entry["encoding"]
    dtype = entry["dtype"]
    if enc == "wkb":
        return gpd.GeoSeries(geometry.from_wkb(raw)).array
    if enc == "json":
        return pd.Series([None if v is None else json.loads(v) for v in raw], dtype=object)
    if enc == "category":
        cats = pd.Index(
            [_decode_name(c) for c in entry["categories"]], dtype=entry.get("categories_dtype")
        )
        values = [None if v is None else _decode_name(json.loads(v)) for v in raw]
        return pd.Categorical(values, categories=cats, ordered=entry["ordered"])
    if enc == "datetime":
        return pd.Series(pd.to_datetime(pd.Series(raw, dtype=object), format="ISO8601")).astype(
            dtype
        )
    series = pd.Series(raw, dtype=object)
    if dtype == "object":
        return series
    if dtype.startswith(("int", "uint")) and series.isna().any():
        raise InputError("An integer column read back from the database has missing values.")
    return series.astype(dtype)
