"""The one schema of a scenario database, on both back-ends.

Two catalogue tables are declared here (and created by the Alembic migrations):

* ``cp_scenarios``: one row per scenario with its provenance, parameters
  (JSON), layer references and a ``version`` for optimistic locking;
* ``cp_scenario_tables``: one row per table a scenario holds (edited layer,
  capacity changes, result), naming the data table and describing its columns.
* ``cp_recovery``: autosave bookkeeping, used only in recovery files.

Each table a scenario holds is a real table named ``cpdata_<id>_<n>_<key>``:
a GeoPackage feature (or attributes) table in a project file, a PostGIS table
with a ``geometry`` column on PostgreSQL, so QGIS opens them directly. Those
tables, GeoPackage's own ``gpkg_*``/``rtree_*`` tables and PostGIS's tables are
not part of this metadata; :func:`is_foreign_table` tells Alembic to leave them
alone.
"""

from __future__ import annotations

import re

import sqlalchemy as sa

metadata = sa.MetaData()

NAME_LENGTH = 200

scenarios = sa.Table(
    "cp_scenarios",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("name", sa.String(NAME_LENGTH), nullable=False, unique=True),
    sa.Column("parent", sa.String(NAME_LENGTH), nullable=True),
    sa.Column("author", sa.String(NAME_LENGTH), nullable=False, server_default=""),
    sa.Column("created", sa.String(40), nullable=False),
    sa.Column("modified", sa.String(40), nullable=False),
    sa.Column("modified_by", sa.String(NAME_LENGTH), nullable=False, server_default=""),
    sa.Column("tool_version", sa.String(40), nullable=False, server_default=""),
    sa.Column("data_version", sa.String(80), nullable=False, server_default=""),
    sa.Column("layer_refs", sa.Text, nullable=False, server_default="{}"),
    sa.Column("params", sa.Text, nullable=False, server_default="{}"),
    sa.Column("notes", sa.Text, nullable=False, server_default=""),
    sa.Column("version", sa.Integer, nullable=False),
)

scenario_tables = sa.Table(
    "cp_scenario_tables",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column(
        "scenario_id",
        sa.Integer,
        sa.ForeignKey("cp_scenarios.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    sa.Column("role", sa.String(20), nullable=False),
    sa.Column("key", sa.String(NAME_LENGTH), nullable=False),
    sa.Column("table_name", sa.String(63), nullable=False, unique=True),
    sa.Column("geometry_column", sa.String(63), nullable=True),
    sa.Column("srid", sa.Integer, nullable=True),
    sa.Column("geometry_type", sa.String(20), nullable=True),
    sa.Column("manifest", sa.Text, nullable=False),
    sa.Column("row_count", sa.Integer, nullable=False),
    sa.UniqueConstraint("scenario_id", "role", "key", name="uq_cp_scenario_tables_key"),
)

recovery = sa.Table(
    "cp_recovery",
    metadata,
    sa.Column("scenario", sa.String(NAME_LENGTH), primary_key=True),
    sa.Column("project", sa.Text, nullable=False),
    sa.Column("base_version", sa.Integer, nullable=False),
    sa.Column("saved_at", sa.String(40), nullable=False),
)

#: Roles of the tables a scenario holds.
ROLE_LAYER = "layer"
ROLE_CAPACITY_CHANGES = "capacity_changes"
ROLE_RESULT = "result"

DATA_PREFIX = "cpdata_"
_FOREIGN_PREFIXES = (
    DATA_PREFIX,
    "gpkg_",
    "gpkgext_",
    "rtree_",
    "sqlite_",
    "layer_styles",
    "ogr_",
    "spatial_ref_sys",
    "geometry_columns",
    "geography_columns",
    "raster_columns",
    "raster_overviews",
    "topology",
    "pointcloud_formats",
    "us_gaz",
    "us_lex",
    "us_rules",
)
_FOREIGN_SCHEMAS = ("topology", "tiger", "tiger_data")


def is_foreign_table(name: str | None, schema: str | None = None) -> bool:
    """True for a table this schema does not manage (data tables, GeoPackage, PostGIS)."""
    if schema in _FOREIGN_SCHEMAS:
        return True
    if name is None:
        return False
    return name.startswith(_FOREIGN_PREFIXES) and name not in metadata.tables


def data_table_name(scenario_id: int, index: int, key: str) -> str:
    """Name of a scenario's data table: ``cpdata_<id>_<n>_<key as identifier>``."""
    slug = re.sub(r"[^a-z0-9]+", "_", key.lower()).strip("_") or "table"
    return f"{DATA_PREFIX}{scenario_id}_{index}_{slug}"[:63]


# GeoPackage 1.4 core tables (Requirements 10, 13, 21), created in project files only.
GPKG_APPLICATION_ID = 0x47504B47  # "GPKG"
GPKG_USER_VERSION = 10400

GPKG_CORE_DDL = (
    """CREATE TABLE IF NOT EXISTS gpkg_spatial_ref_sys (
        srs_name TEXT NOT NULL,
        srs_id INTEGER PRIMARY KEY,
        organization TEXT NOT NULL,
        organization_coordsys_id INTEGER NOT NULL,
        definition TEXT NOT NULL,
        description TEXT)""",
    """CREATE TABLE IF NOT EXISTS gpkg_contents (
        table_name TEXT NOT NULL PRIMARY KEY,
        data_type TEXT NOT NULL,
        identifier TEXT UNIQUE,
        description TEXT DEFAULT '',
        last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
        min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE,
        srs_id INTEGER,
        CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id))""",
    """CREATE TABLE IF NOT EXISTS gpkg_geometry_columns (
        table_name TEXT NOT NULL,
        column_name TEXT NOT NULL,
        geometry_type_name TEXT NOT NULL,
        srs_id INTEGER NOT NULL,
        z TINYINT NOT NULL,
        m TINYINT NOT NULL,
        CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
        CONSTRAINT uk_gc_table_name UNIQUE (table_name),
        CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
        CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id))""",
)

_UNDEFINED_SRS = (
    (
        "Undefined cartesian SRS",
        -1,
        "NONE",
        -1,
        "undefined",
        "undefined cartesian coordinate reference system",
    ),
    (
        "Undefined geographic SRS",
        0,
        "NONE",
        0,
        "undefined",
        "undefined geographic coordinate reference system",
    ),
)


def gpkg_srs_row(srid: int) -> dict[str, object]:
    """A ``gpkg_spatial_ref_sys`` row for an EPSG code (-1/0: the undefined ones)."""
    for name, sid, org, org_id, definition, description in _UNDEFINED_SRS:
        if sid == srid:
            return {
                "srs_name": name,
                "srs_id": sid,
                "organization": org,
                "organization_coordsys_id": org_id,
                "definition": definition,
                "description": description,
            }
    from pyproj import CRS

    crs = CRS.from_epsg(srid)
    return {
        "srs_name": crs.name,
        "srs_id": srid,
        "organization": "EPSG",
        "organization_coordsys_id": srid,
        "definition": crs.to_wkt("WKT1_GDAL"),
        "description": crs.name,
    }


def ensure_gpkg_srs(conn: sa.Connection, srid: int) -> None:
    """Add the SRS ``srid`` to ``gpkg_spatial_ref_sys`` if it is not there yet."""
    present = conn.exec_driver_sql(
        "SELECT 1 FROM gpkg_spatial_ref_sys WHERE srs_id = ?", (srid,)
    ).first()
    if present is None:
        row = gpkg_srs_row(srid)
        conn.execute(
            sa.text(
                "INSERT INTO gpkg_spatial_ref_sys (srs_name, srs_id, organization, "
                "organization_coordsys_id, definition, description) VALUES (:srs_name, "
                ":srs_id, :organization, :organization_coordsys_id, :definition, :description)"
            ),
            row,
        )
