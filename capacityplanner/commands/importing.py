"""``capacityplanner import FILE``: check a file and report what it would load.

Exit status 0 when the file is loadable, 2 when not; every problem is printed
as one ``error: ...`` line on stderr (or listed under ``problems`` with ``--json``).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from capacityplanner.errors import InputError


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``import`` command."""
    from capacityplanner.geodata.columns import ROLES

    parser = subparsers.add_parser(
        "import",
        help="check a layer or table and report what it would load",
        description="Validate a GeoPackage, GeoJSON, Shapefile (or zip), CSV or XLSX file for a "
        "role and report the role, feature count, column mapping, repaired geometries and join "
        "matches, or every problem found. Exit status 0 when loadable, 2 when not.",
    )
    parser.add_argument("file", metavar="FILE", help="the file to import")
    parser.add_argument(
        "--as",
        dest="role",
        choices=list(ROLES),
        metavar="ROLE",
        help=f"what the file holds ({', '.join(ROLES)}); guessed when not given",
    )
    parser.add_argument(
        "--layer", metavar="NAME", help="layer (GeoPackage) or sheet (XLSX) to read"
    )
    parser.add_argument("--join", metavar="TABLE", help="CSV/XLSX table to join, e.g. capacities")
    parser.add_argument(
        "--key",
        metavar="COLUMN",
        help="join key: a column in both files, or LAYERCOLUMN=TABLECOLUMN "
        "(default: the role's key, e.g. instellingsnummer)",
    )
    parser.add_argument("--join-sheet", metavar="NAME", help="sheet of an XLSX join table")
    parser.add_argument(
        "--map",
        dest="mapping",
        metavar="FIELD=COLUMN",
        nargs="+",
        action="extend",
        default=[],
        help="use COLUMN for FIELD (overrides the guess); lat=, lon=, x=, y= name coordinate columns",
    )
    parser.add_argument(
        "--crs", metavar="CRS", help="CRS to assume when the file names none (e.g. EPSG:31370)"
    )
    parser.add_argument(
        "--data", metavar="GPKG", help="data set to check against (default: the shipped Ghent data)"
    )
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.set_defaults(handler=run_import)


def parse_mapping(items: list[str]) -> dict[str, str]:
    """``["name=naam", ...]`` -> ``{"name": "naam"}``.

    Raises
    ------
    InputError
        For an item without ``=``.
    """
    mapping: dict[str, str] = {}
    for item in items:
        fieldname, sep, column = item.partition("=")
        if not sep or not fieldname.strip() or not column.strip():
            raise InputError(f"--map expects FIELD=COLUMN (e.g. name=naam), got '{item}'.")
        mapping[fieldname.strip()] = column.strip()
    return mapping


def run_import(args: argparse.Namespace) -> int:
    """Validate the file and print the report; 0 when loadable, 2 when not."""
    from capacityplanner.geodata.context import context_from_gpkg
    from capacityplanner.geodata.importer import read_layer

    if args.key and not args.join:
        raise InputError("--key needs --join TABLE: the key says how to join that table.")
    mapping = parse_mapping(args.mapping)
    context = context_from_gpkg(args.data, required=args.data is not None)
    result = read_layer(
        args.file,
        args.layer,
        args.role,
        mapping,
        join=args.join,
        key=args.key,
        join_sheet=args.join_sheet,
        context=context,
        assume_crs=args.crs,
    )
    if args.json:
        print(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(format_report(result))
        for p in result.problems:
            print(f"error: {p.message}", file=sys.stderr)
    return 0 if result.loadable else 2


def format_report(result) -> str:
    """Human-readable report of an :class:`~capacityplanner.geodata.problems.ImportResult`."""
    name = Path(result.path).name
    where = f" (layer '{result.source_layer}')" if result.source_layer else ""
    lines = []
    if result.loadable:
        lines.append(
            f"{name}{where}: loadable as {result.role}, {result.feature_count:,} features."
        )
    else:
        role = f" as {result.role}" if result.role else ""
        lines.append(
            f"{name}{where}: cannot be loaded{role}; {len(result.problems)} problems (below)."
        )
    if result.mapping:
        lines.append("column mapping (field <- column):")
        width = max(len(f) for f in result.mapping)
        lines.extend(f"  {f.ljust(width)} <- {c}" for f, c in result.mapping.items())
    if result.repaired:
        lines.append(f"repaired geometries: {result.repaired}")
    if result.join is not None:
        j = result.join
        lines.append(
            f"join with {j.table_file} by {j.layer_key}"
            + (f"={j.table_key}" if j.table_key != j.layer_key else "")
            + f": {j.matched} features matched"
        )
        if j.unmatched_layer:
            lines.append(
                f"  features without a table row ({len(j.unmatched_layer)}): {_some(j.unmatched_layer)}"
            )
        if j.unmatched_table:
            lines.append(
                f"  table rows without a feature ({len(j.unmatched_table)}): {_some(j.unmatched_table)}"
            )
    if result.warnings:
        lines.append("notes:")
        lines.extend(f"  {w}" for w in result.warnings)
    return "\n".join(lines)


def _some(values: list[str], limit: int = 10) -> str:
    shown = ", ".join(v or "(empty)" for v in values[:limit])
    return shown + (" ..." if len(values) > limit else "")
