"""Writing one scenario inside a transaction: version check, data tables, catalogue rows."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime

import pandas as pd
import sqlalchemy as sa

from capacityplanner import __version__
from capacityplanner.errors import InputError
from capacityplanner.scenarios.model import Scenario, ScenarioConflict, params_to_json
from capacityplanner.scenarios.storage import frames, schema

#: ``progress(done, total, what)`` after each table written; raise to cancel the save.
Progress = Callable[[int, int, str], None]

_S = schema.scenarios
_T = schema.scenario_tables


def iso(value: datetime) -> str:
    return value.isoformat()


def parse_time(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def describe(role: str, key: str) -> str:
    """A table's label: the layer name, ``result <key>`` or ``capaciteitswijzigingen``."""
    if role == schema.ROLE_CAPACITY_CHANGES:
        return "capaciteitswijzigingen"
    return key if role == schema.ROLE_LAYER else f"result {key}"


def identifier(name: str, role: str, key: str) -> str:
    """The table's name in ``gpkg_contents`` (what QGIS shows)."""
    return f"{name}: {describe(role, key)}"


def write_scenario(
    conn: sa.Connection,
    scenario: Scenario,
    expected: int,
    now: datetime,
    who: str,
    progress: Progress | None,
    display_url: str,
) -> None:
    """Write ``scenario`` in the transaction of ``conn``, checking the stored version."""
    values = {
        "modified": iso(now),
        "modified_by": who,
        "tool_version": __version__,
        "data_version": scenario.data_version,
        "layer_refs": json.dumps(scenario.layer_refs, sort_keys=True),
        "params": params_to_json(scenario.params),
        "notes": scenario.notes,
        "parent": scenario.parent,
        "author": scenario.author,
        "version": expected + 1,
    }
    if expected == 0:
        try:
            with conn.begin_nested():
                sid = conn.execute(
                    _S.insert()
                    .values(name=scenario.name, created=iso(scenario.created), **values)
                    .returning(_S.c.id)
                ).scalar_one()
        except sa.exc.IntegrityError:
            raise conflict(conn, scenario.name, expected, display_url) from None
    else:
        result = conn.execute(
            _S.update()
            .where(_S.c.name == scenario.name, _S.c.version == expected)
            .values(**values)
            .returning(_S.c.id)
        )
        sid = result.scalar_one_or_none()
        if sid is None:
            raise conflict(conn, scenario.name, expected, display_url)
        old = conn.execute(sa.select(_T.c.table_name).where(_T.c.scenario_id == sid)).scalars()
        for table_name in old.all():
            frames.drop_table(conn, table_name)
        conn.execute(_T.delete().where(_T.c.scenario_id == sid))

    items: list[tuple[str, str, pd.DataFrame]] = [
        (schema.ROLE_CAPACITY_CHANGES, "", scenario.capacity_changes)
    ]
    items += [(schema.ROLE_LAYER, k, v) for k, v in scenario.layers.items()]
    items += [(schema.ROLE_RESULT, k, v) for k, v in scenario.results.items()]
    for i, (role, key, frame) in enumerate(items):
        table_name = schema.data_table_name(sid, i, key or role)
        stored = frames.write_frame(
            conn,
            frame,
            table_name,
            identifier(scenario.name, role, key),
            f"Scenario {scenario.name}: {describe(role, key)}",
        )
        conn.execute(
            _T.insert().values(
                scenario_id=sid,
                role=role,
                key=key,
                table_name=stored.table_name,
                geometry_column=stored.geometry_column,
                srid=stored.srid,
                geometry_type=stored.geometry_type,
                manifest=stored.manifest,
                row_count=stored.row_count,
            )
        )
        if progress is not None:
            progress(i + 1, len(items), describe(role, key))


def conflict(conn: sa.Connection, name: str, expected: int, display_url: str) -> InputError:
    """The error for a save whose expected version is not the stored one."""
    row = conn.execute(sa.select(_S).where(_S.c.name == name)).mappings().first()
    if row is None:
        return InputError(
            f"Scenario {name!r} no longer exists in {display_url} (deleted or renamed "
            "by someone else); your edits are kept: save them as a branch under a new name."
        )
    return ScenarioConflict(
        name, row["modified_by"], parse_time(row["modified"]), row["version"], expected
    )
