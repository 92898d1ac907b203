"""``capacityplanner scenario``: list, create, copy, show, compare, rename and delete scenarios.

The database is ``--db`` (a project file path, ``sqlite:///file.gpkg`` or
``postgresql://user@host/db``), else ``$CAPACITYPLANNER_DB``, else
``./project.gpkg``. ``--json`` prints machine-readable output.
"""

from __future__ import annotations

import argparse
import json
import math
from typing import Any

import pandas as pd

from capacityplanner.scenarios.storage import DB_ENV, open_repository


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``scenario`` and its subcommands."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--db",
        default=None,
        help=f"project file or database URL (default: ${DB_ENV} or ./project.gpkg)",
    )
    common.add_argument("--json", action="store_true", help="print JSON")

    parser = subparsers.add_parser(
        "scenario", help="manage scenarios (list, new, copy, show, diff, rename, delete)"
    )
    sub = parser.add_subparsers(dest="scenario_command", metavar="ACTION", required=True)

    p = sub.add_parser("list", parents=[common], help="list the scenarios")
    p.set_defaults(handler=_list)

    p = sub.add_parser(
        "new", parents=[common], help="create a scenario from the data set's defaults"
    )
    p.add_argument("name")
    p.add_argument("--author", default=None)
    p.add_argument("--notes", default=None)
    p.set_defaults(handler=_new)

    p = sub.add_parser("copy", parents=[common], help="branch a scenario under a new name")
    p.add_argument("source")
    p.add_argument("name")
    p.add_argument("--author", default=None)
    p.set_defaults(handler=_copy)

    p = sub.add_parser("show", parents=[common], help="show a scenario's provenance and contents")
    p.add_argument("name")
    p.set_defaults(handler=_show)

    p = sub.add_parser("diff", parents=[common], help="compare two or more scenarios")
    p.add_argument("names", nargs="+", metavar="NAME")
    p.add_argument(
        "--table",
        choices=["summary", "balance", "sites"],
        default="summary",
        help="headline figures (default), balance per wijk and level, or proposed sites",
    )
    p.add_argument("--year", type=int, default=None, help="school year of the balance")
    p.add_argument("--level", default=None, help="level key of the balance (e.g. lager)")
    p.set_defaults(handler=_diff)

    p = sub.add_parser("rename", parents=[common], help="rename a scenario")
    p.add_argument("name")
    p.add_argument("new_name")
    p.set_defaults(handler=_rename)

    p = sub.add_parser("delete", parents=[common], help="delete a scenario")
    p.add_argument("name")
    p.set_defaults(handler=_delete)


def _print_json(data: Any) -> None:
    print(json.dumps(data, indent=2, ensure_ascii=False, default=str))


def _list(args: argparse.Namespace) -> int:
    with open_repository(args.db) as repo:
        infos = repo.list()
        where = repo.display_url
    if args.json:
        _print_json([i.to_dict() for i in infos])
        return 0
    if not infos:
        print(f"No scenarios in {where}.")
        return 0
    table = pd.DataFrame(
        {
            "name": [i.name for i in infos],
            "parent": [i.parent or "" for i in infos],
            "version": [i.version for i in infos],
            "saved": [i.modified.strftime("%Y-%m-%d %H:%M") for i in infos],
            "by": [i.modified_by for i in infos],
        }
    )
    print(table.to_string(index=False))
    return 0


def _new(args: argparse.Namespace) -> int:
    from capacityplanner.scenarios.defaults import scenario_from_dataset

    scenario = scenario_from_dataset(args.name, author=args.author)
    if args.notes is not None:
        scenario.notes = args.notes
    with open_repository(args.db, author=args.author) as repo:
        scenario.validate()
        repo.save(scenario, expected_version=0)
        where = repo.display_url
    return _done(args, f"Created scenario {args.name!r} in {where}.", scenario.summary())


def _copy(args: argparse.Namespace) -> int:
    with open_repository(args.db, author=args.author) as repo:
        scenario = repo.branch(args.source, args.name)
        where = repo.display_url
    return _done(args, f"Copied {args.source!r} to {args.name!r} in {where}.", scenario.summary())


def _show(args: argparse.Namespace) -> int:
    with open_repository(args.db, create=False) as repo:
        scenario = repo.load(args.name)
    summary = scenario.summary()
    if args.json:
        _print_json(summary)
        return 0
    lines = [
        f"Scenario {scenario.name!r} (version {scenario.version})",
        f"  branched from: {scenario.parent or '-'}",
        f"  author: {scenario.author}, created {scenario.created:%Y-%m-%d %H:%M} UTC",
        f"  saved by {scenario.modified_by or '-'} at {scenario.modified:%Y-%m-%d %H:%M} UTC "
        f"with version {scenario.tool_version}",
        f"  data set: {scenario.data_version or '-'}",
        "  layers from the data set: " + (", ".join(sorted(scenario.layer_refs)) or "-"),
        "  edited layers: "
        + (", ".join(f"{k} ({len(v)})" for k, v in scenario.layers.items()) or "-"),
        f"  capacity changes: {len(scenario.capacity_changes)}",
        "  results: " + (", ".join(f"{k} ({len(v)})" for k, v in scenario.results.items()) or "-"),
    ]
    if scenario.notes:
        lines.append(f"  notes: {scenario.notes}")
    print("\n".join(lines))
    return 0


def _diff(args: argparse.Namespace) -> int:
    from capacityplanner.errors import InputError
    from capacityplanner.scenarios import compare

    if len(args.names) < 2:
        raise InputError("scenario diff needs at least two scenario names.")
    with open_repository(args.db, create=False) as repo:
        scenarios = [repo.load(n) for n in args.names]
    if args.table == "balance":
        table = compare.compare_balance(scenarios, year=args.year, level=args.level)
    elif args.table == "sites":
        table = compare.compare_sites(scenarios)
    else:
        table = compare.compare_summary(scenarios)
    if args.json:
        _print_json(_records(table))
        return 0
    if table.empty:
        print("The scenarios have no results to compare yet.")
        return 0
    with pd.option_context("display.width", 200, "display.max_rows", 500):
        print(table.to_string(float_format=lambda v: f"{v:,.1f}"))
    return 0


def _records(table: pd.DataFrame) -> list[dict[str, Any]]:
    flat = table.copy()
    flat.columns = [
        " / ".join(str(p) for p in c) if isinstance(c, tuple) else str(c) for c in flat.columns
    ]
    records = flat.reset_index().to_dict(orient="records")
    return [
        {k: (None if isinstance(v, float) and math.isnan(v) else v) for k, v in r.items()}
        for r in records
    ]


def _rename(args: argparse.Namespace) -> int:
    with open_repository(args.db, create=False) as repo:
        repo.rename(args.name, args.new_name)
    return _done(args, f"Renamed {args.name!r} to {args.new_name!r}.", {"name": args.new_name})


def _delete(args: argparse.Namespace) -> int:
    with open_repository(args.db, create=False) as repo:
        repo.delete(args.name)
    return _done(args, f"Deleted scenario {args.name!r}.", {"deleted": args.name})


def _done(args: argparse.Namespace, message: str, data: dict[str, Any]) -> int:
    if args.json:
        _print_json(data)
    else:
        print(message)
    return 0
