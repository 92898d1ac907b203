"""Initial scenario schema: catalogue tables, and GeoPackage core tables in project files.

Revision ID: 0001
Revises:
Create Date: 2025-01-01
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from capacityplanner.scenarios.storage import schema

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        # A project file is a GeoPackage: QGIS and GDAL open its layers.
        op.execute(f"PRAGMA application_id = {schema.GPKG_APPLICATION_ID}")
        op.execute(f"PRAGMA user_version = {schema.GPKG_USER_VERSION}")
        for ddl in schema.GPKG_CORE_DDL:
            op.execute(ddl)
        for srid in (-1, 0, 4326, 31370):
            schema.ensure_gpkg_srs(bind, srid)
    else:
        op.execute("CREATE EXTENSION IF NOT EXISTS postgis")

    op.create_table(
        "cp_scenarios",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(200), nullable=False, unique=True),
        sa.Column("parent", sa.String(200), nullable=True),
        sa.Column("author", sa.String(200), nullable=False, server_default=""),
        sa.Column("created", sa.String(40), nullable=False),
        sa.Column("modified", sa.String(40), nullable=False),
        sa.Column("modified_by", sa.String(200), nullable=False, server_default=""),
        sa.Column("tool_version", sa.String(40), nullable=False, server_default=""),
        sa.Column("data_version", sa.String(80), nullable=False, server_default=""),
        sa.Column("layer_refs", sa.Text, nullable=False, server_default="{}"),
        sa.Column("params", sa.Text, nullable=False, server_default="{}"),
        sa.Column("notes", sa.Text, nullable=False, server_default=""),
        sa.Column("version", sa.Integer, nullable=False),
    )
    op.create_table(
        "cp_scenario_tables",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "scenario_id",
            sa.Integer,
            sa.ForeignKey("cp_scenarios.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("key", sa.String(200), nullable=False),
        sa.Column("table_name", sa.String(63), nullable=False, unique=True),
        sa.Column("geometry_column", sa.String(63), nullable=True),
        sa.Column("srid", sa.Integer, nullable=True),
        sa.Column("geometry_type", sa.String(20), nullable=True),
        sa.Column("manifest", sa.Text, nullable=False),
        sa.Column("row_count", sa.Integer, nullable=False),
        sa.UniqueConstraint("scenario_id", "role", "key", name="uq_cp_scenario_tables_key"),
    )
    op.create_index("ix_cp_scenario_tables_scenario_id", "cp_scenario_tables", ["scenario_id"])
    op.create_table(
        "cp_recovery",
        sa.Column("scenario", sa.String(200), primary_key=True),
        sa.Column("project", sa.Text, nullable=False),
        sa.Column("base_version", sa.Integer, nullable=False),
        sa.Column("saved_at", sa.String(40), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("cp_recovery")
    op.drop_index("ix_cp_scenario_tables_scenario_id", table_name="cp_scenario_tables")
    op.drop_table("cp_scenario_tables")
    op.drop_table("cp_scenarios")
