"""Geometry codecs: GeoPackage binary for SQLite, PostGIS geometry for PostgreSQL.

A GeoPackage geometry blob is a small header (magic ``GP``, version, flags,
SRS id, envelope) followed by standard ISO WKB (GeoPackage 1.4, section 2.1.3).
Encoding and decoding are vectorised over arrays of shapely geometries; the
per-row work is only the header bytes.

On PostgreSQL the geometry column is ``geometry(<type>, <srid>)``; values go
in through ``ST_GeomFromWKB(:wkb, srid)`` and come out through ``ST_AsBinary``.
"""

from __future__ import annotations

import struct

import numpy as np
import shapely
import sqlalchemy as sa
from sqlalchemy.types import UserDefinedType

from capacityplanner.errors import InputError

#: Flags byte: little endian (bit 0), envelope [minx, maxx, miny, maxy] (bits 1-3 = 1).
_FLAGS_ENVELOPE_XY = 0b0000_0011
#: Flags byte of an empty geometry: little endian, no envelope, empty bit (bit 4).
_FLAGS_EMPTY = 0b0001_0001
_HEADER = np.dtype(
    [
        ("magic", "S2"),
        ("version", "u1"),
        ("flags", "u1"),
        ("srs_id", "<i4"),
        ("envelope", "<f8", (4,)),
    ]
)
_ENVELOPE_BYTES = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}

#: GeoPackage / PostGIS geometry type names by shapely type id.
_TYPE_NAMES = {
    0: "POINT",
    1: "LINESTRING",
    2: "LINESTRING",  # LinearRing is written as a LineString
    3: "POLYGON",
    4: "MULTIPOINT",
    5: "MULTILINESTRING",
    6: "MULTIPOLYGON",
    7: "GEOMETRYCOLLECTION",
}


def geometry_type_name(geoms: np.ndarray) -> str:
    """The one geometry type of ``geoms`` (``GEOMETRY`` when mixed or all missing)."""
    ids = shapely.get_type_id(geoms)
    names = {_TYPE_NAMES[i] for i in np.unique(ids[ids >= 0])}
    return names.pop() if len(names) == 1 else "GEOMETRY"


def has_z(geoms: np.ndarray) -> bool:
    present = geoms[~shapely.is_missing(geoms)]
    return bool(len(present)) and bool(shapely.has_z(present).any())


def to_gpkg(geoms: np.ndarray, srs_id: int) -> list[bytes | None]:
    """Encode shapely geometries as GeoPackage binary blobs (``None`` stays ``None``)."""
    geoms = np.asarray(geoms, dtype=object)
    missing = shapely.is_missing(geoms)
    empty = np.zeros(len(geoms), dtype=bool)
    empty[~missing] = shapely.is_empty(geoms[~missing])
    wkb = shapely.to_wkb(geoms, byte_order=1, flavor="iso", output_dimension=3)
    header = np.zeros(len(geoms), dtype=_HEADER)
    header["magic"] = b"GP"
    header["flags"] = np.where(empty, _FLAGS_EMPTY, _FLAGS_ENVELOPE_XY)
    header["srs_id"] = srs_id
    bounds = shapely.bounds(geoms)  # minx, miny, maxx, maxy
    header["envelope"] = bounds[:, [0, 2, 1, 3]]
    full = header.tobytes()
    size = _HEADER.itemsize
    out: list[bytes | None] = []
    for i, (w, m, e) in enumerate(zip(wkb, missing, empty, strict=True)):
        if m:
            out.append(None)
        else:
            h = full[i * size : (i + 1) * size]
            out.append((h[:8] if e else h) + w)
    return out


def from_gpkg(blobs) -> np.ndarray:
    """Decode GeoPackage binary blobs (``None`` gives a missing geometry)."""
    wkb: list[bytes | None] = []
    for blob in blobs:
        if blob is None:
            wkb.append(None)
            continue
        blob = bytes(blob)
        if blob[:2] != b"GP":
            raise InputError("A geometry in the project file is not GeoPackage binary.")
        flags = blob[3]
        if flags & 0b0010_0000:
            raise InputError("A geometry in the project file uses an extended GeoPackage type.")
        env = _ENVELOPE_BYTES.get((flags >> 1) & 0b111)
        if env is None:
            raise InputError("A geometry in the project file has an invalid envelope code.")
        wkb.append(blob[8 + env :])
    return shapely.from_wkb(np.array(wkb, dtype=object))


def _gpkg_header(blob) -> tuple[int, int, int] | None:
    """(flags, srs_id, header length) of a GeoPackage blob, or None if not one."""
    if blob is None or len(blob) < 8 or bytes(blob[:2]) != b"GP":
        return None
    flags = blob[3]
    order = "<" if flags & 1 else ">"
    (srs_id,) = struct.unpack(order + "i", bytes(blob[4:8]))
    env = _ENVELOPE_BYTES.get((flags >> 1) & 0b111, 0)
    return flags, srs_id, 8 + env


def _gpkg_geometry(blob):
    head = _gpkg_header(blob)
    if head is None:
        return None
    try:
        return shapely.from_wkb(bytes(blob[head[2] :]))
    except shapely.errors.GEOSException:
        return None


def _st_is_empty(blob):
    head = _gpkg_header(blob)
    if head is None:
        return None
    if head[0] & 0b0001_0000:
        return 1
    geom = _gpkg_geometry(blob)
    return None if geom is None else int(geom.is_empty)


def _bound(index: int):
    def st_bound(blob):
        geom = _gpkg_geometry(blob)
        if geom is None or geom.is_empty:
            return None
        return float(geom.bounds[index])

    return st_bound


def _st_geometry_type(blob):
    geom = _gpkg_geometry(blob)
    return None if geom is None else _TYPE_NAMES[int(shapely.get_type_id(geom))]


def _st_srid(blob):
    head = _gpkg_header(blob)
    return None if head is None else head[1]


def _gpkg_is_assignable(expected, actual):
    if expected is None or actual is None:
        return 0
    expected, actual = str(expected).upper(), str(actual).upper()
    if expected == actual or expected == "GEOMETRY":
        return 1
    return int(expected == "GEOMETRYCOLLECTION" and actual.startswith("MULTI"))


def register_sqlite_functions(dbapi_connection) -> None:
    """Register the SQL functions GDAL's GeoPackage triggers call.

    GDAL puts triggers on the layers it writes (R-tree maintenance) that call
    ``ST_IsEmpty``, ``ST_MinX`` ... which plain sqlite3 lacks; without them any
    write to such a layer fails with "no such function".
    """
    functions = {
        "ST_IsEmpty": _st_is_empty,
        "ST_MinX": _bound(0),
        "ST_MinY": _bound(1),
        "ST_MaxX": _bound(2),
        "ST_MaxY": _bound(3),
        "ST_GeometryType": _st_geometry_type,
        "ST_SRID": _st_srid,
    }
    for name, func in functions.items():
        dbapi_connection.create_function(name, 1, func, deterministic=True)
    dbapi_connection.create_function(
        "GPKG_IsAssignable", 2, _gpkg_is_assignable, deterministic=True
    )


class GpkgGeometry(UserDefinedType):
    """A GeoPackage geometry column (declared type = geometry type name); values are blobs."""

    cache_ok = True

    def __init__(self, type_name: str = "GEOMETRY") -> None:
        self.type_name = type_name

    def get_col_spec(self, **_kw) -> str:
        return self.type_name


class PostgisGeometry(UserDefinedType):
    """A PostGIS ``geometry(type, srid)`` column; values are WKB bytes both ways."""

    cache_ok = True

    def __init__(self, type_name: str = "GEOMETRY", srid: int = 31370) -> None:
        self.type_name = type_name
        self.srid = srid

    def get_col_spec(self, **_kw) -> str:
        name = "Geometry" if self.type_name == "GEOMETRY" else self.type_name
        return f"geometry({name},{int(self.srid)})"

    def bind_expression(self, bindvalue):
        return sa.func.ST_GeomFromWKB(bindvalue, sa.literal(int(self.srid)), type_=self)

    def column_expression(self, col):
        return sa.func.ST_AsBinary(col, type_=sa.LargeBinary)


def to_wkb(geoms: np.ndarray) -> list[bytes | None]:
    """ISO WKB of each geometry (``None`` for missing), for PostGIS."""
    geoms = np.asarray(geoms, dtype=object)
    wkb = shapely.to_wkb(geoms, byte_order=1, flavor="iso", output_dimension=3)
    return [None if w is None else bytes(w) for w in wkb]


def from_wkb(values) -> np.ndarray:
    return shapely.from_wkb(
        np.array([None if v is None else bytes(v) for v in values], dtype=object)
    )
