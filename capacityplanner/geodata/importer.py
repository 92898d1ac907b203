"""Import a user's layer or table for one role: read, map columns, join, validate.

:func:`read_layer` never raises for bad input; it returns an
:class:`~capacityplanner.geodata.problems.ImportResult` listing every
problem. :func:`import_layer` is the exception style: it returns the data or
raises :class:`~capacityplanner.errors.InputError` with the first problem.
Both are pure: the files are only read, and nothing already loaded changes.

Examples
--------
>>> result = read_layer("locaties-basisscholen-gent.geojson", role="scholen_basis",
...                     join="capaciteit.xlsx", key="instellingsnummer")  # doctest: +SKIP
>>> result.loadable, result.mapping["name"]  # doctest: +SKIP
(True, 'naam')
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd

from capacityplanner.geodata.columns import (
    ROLES,
    SITE_ROLES,
    guess_mapping,
    guess_role,
    resolve_mapping,
)
from capacityplanner.geodata.context import ImportContext, wijknr_of
from capacityplanner.geodata.coordinates import COORDINATE_KEYS, points_from_columns
from capacityplanner.geodata.join import TABLE_SUFFIX, join_table
from capacityplanner.geodata.problems import ImportResult, Problem, problem
from capacityplanner.geodata.reader import read_source, read_table
from capacityplanner.geodata.statbel import population_table
from capacityplanner.geodata.validate import (
    check_geometries,
    check_inside,
    check_numbers,
    to_internal_crs,
)

NUMERIC_KINDS = ("count", "amount", "year", "int", "number")


def read_layer(
    path: str | Path,
    layer: str | None = None,
    role: str | None = None,
    mapping: Mapping[str, str] | None = None,
    *,
    join: str | Path | None = None,
    key: str | None = None,
    join_sheet: str | None = None,
    context: ImportContext | None = None,
    assume_crs: str | None = None,
) -> ImportResult:
    """Read a file for a role and report what would be loaded, or every problem.

    Parameters
    ----------
    path : str or pathlib.Path
        GeoPackage, GeoJSON, Shapefile (or zip), or CSV/XLSX with coordinates
        (or, for the ``bevolking`` role, a population table).
    layer : str, optional
        Layer or sheet in the file.
    role : str, optional
        One of :data:`~capacityplanner.geodata.columns.ROLES`; guessed from the
        layer name, file name and columns when not given.
    mapping : dict, optional
        Field -> column, overriding the guess; also ``lat``/``lon`` or
        ``x``/``y`` for the coordinate columns of a table.
    join : str or pathlib.Path, optional
        A CSV/XLSX table to join to the layer by ``key`` (e.g. capacities).
    key : str, optional
        Join key: a column in both, or ``LAYERCOLUMN=TABLECOLUMN``; default
        the role's key (``instellingsnummer`` for schools).
    join_sheet : str, optional
        Sheet of an XLSX ``join`` table.
    context : ImportContext, optional
        Boundary, districts and sectors of the current data set.
    assume_crs : str, optional
        CRS for a file that names none.

    Returns
    -------
    ImportResult
        ``layer`` in EPSG:31370 with the role's field names; ``loadable`` when
        no problem was found.
    """
    result = _read_layer(
        path,
        layer,
        role,
        mapping,
        join=join,
        key=key,
        join_sheet=join_sheet,
        context=context,
        assume_crs=assume_crs,
    )
    # Problems about the whole file first, then by file and row.
    result.problems.sort(key=lambda p: (p.row is not None, p.file, p.row or 0))
    return result


def _read_layer(
    path, layer, role, mapping, *, join, key, join_sheet, context, assume_crs
) -> ImportResult:
    path = Path(path)
    context = context or ImportContext()
    result = ImportResult(path=path)
    file = path.name
    if role is not None and role not in ROLES:
        result.problems.append(
            problem(file, f"'{role}' is not a role I know (roles: {', '.join(ROLES)})")
        )
        return result
    src = read_source(path, layer, prefer=(role,) if role else ())
    result.warnings.extend(src.warnings)
    result.source_layer = src.layer
    if not src.ok:
        result.problems.extend(src.problems)
        return result
    frame, rows, lname = src.frame, src.rows, src.layer
    if role is None:
        role = guess_role(file, lname, frame.columns)
        if role is None:
            result.problems.append(
                problem(
                    file,
                    f"I cannot tell what this file holds; say which role it has "
                    f"(one of {', '.join(ROLES)})",
                    layer=lname,
                )
            )
            return result
        result.warnings.append(f"{file}: read as {role} (guessed from its name and columns).")
    result.role = role
    spec = ROLES[role]

    if spec.geometry is None:
        table = pd.DataFrame(frame.drop(columns="geometry", errors="ignore"))
        data, used, problems, warnings = population_table(
            table,
            file=file,
            layer=lname,
            rows=rows,
            mapping=mapping,
            sectors=context.sectors,
            decimal_comma=src.decimal_comma,
        )
        result.mapping, result.layer = used, data
        result.problems.extend(problems)
        result.warnings.extend(warnings)
        return result

    reported_rows: set[int] = set()
    if src.is_table or not isinstance(frame, gpd.GeoDataFrame):
        gdf, _, problems, warnings = points_from_columns(
            frame,
            file=file,
            layer=lname,
            rows=rows,
            mapping=mapping,
            decimal_comma=src.decimal_comma,
        )
        result.warnings.extend(warnings)
        result.problems.extend(problems)
        reported_rows = {p.row for p in problems if p.row is not None}
        if gdf is None:
            return result
    else:
        gdf = frame

    table_cols: list[str] = []
    table_rows = np.zeros(len(gdf), dtype=np.int64)
    table_file, table_sheet, table_comma = None, None, None
    if join is not None:
        joined = _join(result, gdf, rows, spec.name, join, key, join_sheet, mapping, file, lname)
        if joined is None:
            return result
        gdf, table_cols, table_rows, table_file, table_sheet, table_comma = joined
        reported_rows |= {p.row for p in result.problems if p.file == file and p.row is not None}

    columns = [c for c in gdf.columns if c != gdf.geometry.name]
    used, problems = resolve_mapping(
        role, columns, mapping, file=file, layer=lname, ignore=COORDINATE_KEYS
    )
    result.mapping = used
    result.problems.extend(problems)

    shp_hint = (
        "no .prj file beside the shapefile" if path.suffix.lower() in (".shp", ".zip") else ""
    )
    gdf31, problems = to_internal_crs(
        gdf, file=file, layer=lname, assume_crs=assume_crs, hint=shp_hint
    )
    result.problems.extend(problems)
    if gdf31 is None:
        return result
    gdf31, usable, problems, warnings, repaired = check_geometries(
        gdf31, spec.geometry, file=file, layer=lname, rows=rows
    )
    result.problems.extend(p for p in problems if p.row not in reported_rows)
    result.warnings.extend(warnings)
    result.repaired = repaired
    result.problems.extend(
        check_inside(
            gdf31,
            usable,
            file=file,
            layer=lname,
            rows=rows,
            boundary=context.boundary,
            tolerance_m=context.tolerance_m,
        )
    )

    from_table = {c: (table_file, table_sheet, table_comma) for c in table_cols}
    out = _build(
        result,
        gdf31,
        spec.name,
        used,
        rows,
        file,
        lname,
        from_table,
        table_rows,
        reported_rows,
        context,
        src.decimal_comma,
    )
    result.layer = out
    return result


def import_layer(
    path: str | Path,
    layer: str | None = None,
    role: str | None = None,
    mapping: Mapping[str, str] | None = None,
    **kwargs: Any,
) -> gpd.GeoDataFrame | pd.DataFrame:
    """Like :func:`read_layer`, but return the data or raise on the first problem.

    Raises
    ------
    capacityplanner.errors.InputError
        With the first problem's sentence.
    """
    result = read_layer(path, layer, role, mapping, **kwargs)
    result.raise_first()
    return result.layer


# --------------------------------------------------------------------------- steps


def _join(result, gdf, rows, role, join, key, join_sheet, mapping, file, lname):
    spec = ROLES[role]
    tsrc = read_table(join, join_sheet)
    result.warnings.extend(tsrc.warnings)
    if not tsrc.ok:
        result.problems.extend(tsrc.problems)
        return None
    key = key or spec.key or ""
    layer_key, _, table_key = key.partition("=")
    table_key = table_key or layer_key
    guessed = guess_mapping(role, tsrc.frame.columns)
    guessed.update({k: v for k, v in (mapping or {}).items() if v in tsrc.frame.columns})
    split = [
        c for f, c in guessed.items() if f in spec.field_names and spec.field(f).kind == "count"
    ]
    outcome = join_table(
        gdf,
        tsrc.frame,
        layer_key,
        table_key,
        layer_file=file,
        table_file=tsrc.file,
        layer_name=lname,
        table_sheet=tsrc.layer,
        layer_rows=rows,
        table_rows=tsrc.rows,
        split_columns=split,
        decimal_comma=tsrc.decimal_comma,
    )
    result.problems.extend(outcome.problems)
    result.warnings.extend(outcome.warnings)
    result.join = outcome.report
    if outcome.frame is None:
        return None
    return (
        outcome.frame,
        outcome.table_columns,
        outcome.table_rows,
        tsrc.file,
        tsrc.layer,
        tsrc.decimal_comma,
    )


def _build(
    result,
    gdf,
    role,
    mapping,
    rows,
    file,
    lname,
    from_table,
    table_rows,
    reported_rows,
    context,
    decimal_comma,
):
    """The layer with the role's fields, typed; every value problem added to ``result``."""
    spec = ROLES[role]
    rows = np.asarray(rows)
    out = gpd.GeoDataFrame(index=gdf.index, geometry=gdf.geometry, crs=gdf.crs)
    not_reported = ~np.isin(rows, list(reported_rows))
    for fieldname, column in mapping.items():
        fs = spec.field(fieldname)
        if column in from_table:
            vfile, vlayer, comma = from_table[column]
            vrows, required = table_rows, fs.required & (table_rows > 0)
            vfield = column.removesuffix(TABLE_SUFFIX)
        else:
            vfile, vlayer, vrows, required = file, lname, rows, fs.required & not_reported
            comma = decimal_comma
            vfield = column
        values = gdf[column]
        if fs.kind in NUMERIC_KINDS:
            converted, problems = check_numbers(
                values,
                fs.kind,
                required=required,
                file=vfile,
                layer=vlayer,
                rows=vrows,
                field=vfield,
                what=fs.label,
                decimal_comma=comma,
            )
            result.problems.extend(problems)
            out[fieldname] = converted
        else:
            text = values.astype("string").str.strip()
            text = text.mask(text == "")
            if fs.kind == "key":
                text = text.str.replace(r"^(\d+)\.0+$", r"\1", regex=True)
            empty = text.isna().to_numpy() & np.asarray(required)
            for i in np.flatnonzero(empty)[:20]:
                result.problems.append(
                    problem(
                        vfile,
                        f"is empty; the {fs.label} is required",
                        layer=vlayer,
                        row=int(vrows[i]),
                        field=vfield,
                    )
                )
            out[fieldname] = text.astype(object).where(text.notna(), None)
    _check_unique(result, out, gdf, role, mapping, rows, file, lname)
    _fill_defaults(result, out, role, file, context)
    used_cols = set(mapping.values())
    for c in gdf.columns:
        if c == gdf.geometry.name or c in used_cols or c in out.columns:
            continue
        out[c] = gdf[c]
    if "illustrative" not in out.columns:
        out["illustrative"] = 0
    order = [f for f in spec.field_names if f in out.columns]
    rest = [c for c in out.columns if c not in order and c != out.geometry.name]
    return out[order + rest + [out.geometry.name]].reset_index(drop=True)


def _check_unique(result, out, gdf, role, mapping, rows, file, lname) -> None:
    for fieldname in (
        "site_id",
        "project_id",
        "wijknr" if role == "wijken" else "",
        "sector_code" if role == "sectoren" else "",
    ):
        if fieldname not in mapping or fieldname not in out.columns:
            continue
        values = out[fieldname]
        dup = (values.duplicated(keep="first") & values.notna()).to_numpy()
        for i in np.flatnonzero(dup)[:20]:
            result.problems.append(
                problem(
                    file,
                    f"{values.iloc[i]} appears more than once; each {fieldname} may appear once",
                    layer=lname,
                    row=int(rows[i]),
                    field=mapping[fieldname],
                )
            )


def _fill_defaults(
    result: ImportResult, out: gpd.GeoDataFrame, role: str, file: str, context: ImportContext
) -> None:
    spec = ROLES[role]
    n = len(out)
    if role in SITE_ROLES:
        if "site_id" not in out.columns:
            out["site_id"] = [f"{spec.id_prefix}-I{i:03d}" for i in range(1, n + 1)]
        if "location_approximate" not in out.columns:
            out["location_approximate"] = 0
    if role == "woonprojecten":
        if "project_id" not in out.columns:
            out["project_id"] = [f"WON-I{i:03d}" for i in range(1, n + 1)]
        if "last_year" not in out.columns and "first_year" in out.columns:
            out["last_year"] = out["first_year"]
        elif "last_year" in out.columns and "first_year" in out.columns:
            out["last_year"] = out["last_year"].fillna(out["first_year"])
    if role == "wijken" and "area_km2" not in out.columns:
        out["area_km2"] = out.geometry.area / 1e6
    if "wijknr" not in out.columns and role != "wijken":
        if context.wijken is not None and len(out):
            out["wijknr"] = wijknr_of(out, context.wijken)
        elif role == "sectoren":
            result.problems.append(
                problem(
                    file,
                    "has no field for the district number ('wijknr') and no districts are loaded to "
                    "find it from; map a column to wijknr",
                    field="wijknr",
                )
            )


def problems_text(problems: list[Problem]) -> str:
    """All problem sentences, one per line."""
    return "\n".join(p.message for p in problems)
