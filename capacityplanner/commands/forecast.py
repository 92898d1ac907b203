"""``capacityplanner forecast``, ``balance`` and ``backtest``."""

from __future__ import annotations

import argparse
import json
import sys

import numpy as np
import pandas as pd

from capacityplanner.errors import InputError
from capacityplanner.models.levels import BASE_LEVELS, LEVELS
from capacityplanner.models.params import VARIANTS


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the forecast, balance and backtest commands."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--params", metavar="FILE", help="parameter file (TOML)")
    common.add_argument("--variant", choices=VARIANTS, help="birth variant (default: mid)")
    common.add_argument("--data", metavar="GPKG", help="data set (default: the shipped Ghent data)")
    common.add_argument("--json", action="store_true", help="machine-readable output")
    add_scenario_arguments(common)

    forecast = subparsers.add_parser(
        "forecast", parents=[common], help="children per age band and demand per level"
    )
    forecast.add_argument("--year", type=int, help="one school year (default: every fifth year)")
    forecast.add_argument("--wijk", metavar="NAME_OR_NUMBER", help="one wijk (default: the city)")
    forecast.set_defaults(handler=run_forecast)

    balance = subparsers.add_parser(
        "balance", parents=[common], help="capacity minus demand per wijk or for the city"
    )
    balance.add_argument("--year", type=int, required=True, help="school year Y (Y-(Y+1))")
    balance.add_argument("--level", choices=LEVELS, help="one level (default: all)")
    balance.add_argument("--by", choices=["wijk", "city"], default="wijk")
    balance.add_argument(
        "--capacity-as-of", type=int, metavar="Y0", help="count capacity opened by school year Y0"
    )
    balance.add_argument(
        "--walking",
        action="store_true",
        help="lager: places and children within the walking radius of where children live",
    )
    balance.set_defaults(handler=run_balance)

    backtest = subparsers.add_parser(
        "backtest", parents=[common], help="forecast error against observed pupil counts"
    )
    backtest.add_argument("observed", metavar="CSV", help="wijknr;level;year;pupils")
    backtest.set_defaults(handler=run_backtest)


def add_scenario_arguments(parser: argparse.ArgumentParser) -> None:
    """``--scenario NAME [--db URL]``: compute from a stored scenario."""
    parser.add_argument("--scenario", metavar="NAME", help="use a stored scenario's assumptions")
    parser.add_argument(
        "--db",
        metavar="URL",
        help="project file or database URL of --scenario (default: ./project.gpkg)",
    )


def open_workspace(args: argparse.Namespace):
    """Load the data set, the scenario (``--scenario``) and parameters named on the command line.

    ``--params`` and ``--variant`` apply on top of a scenario's own parameters.
    """
    from capacityplanner.geodata.dataset import load_dataset
    from capacityplanner.geodata.params_io import read_params
    from capacityplanner.scenarios.workspace import Workspace

    dataset = load_dataset(getattr(args, "data", None))
    if getattr(args, "scenario", None):
        from capacityplanner.scenarios.session import workspace_from_scenario
        from capacityplanner.scenarios.storage import open_repository

        with open_repository(getattr(args, "db", None), create=False) as repo:
            scenario = repo.load(args.scenario)
        workspace = workspace_from_scenario(scenario, dataset)
        workspace.scenario_name = scenario.name
    else:
        workspace = Workspace(dataset)
    params = read_params(args.params) if getattr(args, "params", None) else workspace.params
    if getattr(args, "variant", None):
        params.birth_variant = args.variant
    workspace.set_params(params.validate())
    return workspace


def _emit(args: argparse.Namespace, payload, table: pd.DataFrame) -> None:
    if args.json:
        json.dump(payload, sys.stdout, indent=2, ensure_ascii=False, default=_json_default)
        sys.stdout.write("\n")
    else:
        shown = table.copy()
        for column in shown.columns:
            if column.endswith(("coverage", "_share", "ratio")):
                shown[column] = shown[column].map(_percent)
            elif column.endswith(("mape", "bias")):
                shown[column] = shown[column].map(_percent_points)
        with pd.option_context("display.width", 200, "display.max_rows", 500):
            print(shown.to_string(index=False, float_format=lambda v: f"{v:,.0f}", na_rep=""))


def _percent(value) -> str:
    return "" if pd.isna(value) else f"{value:.1%}"


def _percent_points(value) -> str:
    return "" if pd.isna(value) else f"{value:.1f}%"


def _json_default(value):
    if isinstance(value, np.integer):
        return int(value)
    if isinstance(value, np.floating):
        return None if np.isnan(value) else round(float(value), 3)
    raise TypeError(type(value).__name__)


def _records(table: pd.DataFrame) -> list[dict]:
    return [
        {k: (None if isinstance(v, float) and np.isnan(v) else v) for k, v in row.items()}
        for row in table.to_dict("records")
    ]


def run_forecast(args: argparse.Namespace) -> int:
    """Population by age band and resident demand per level, per year."""
    workspace = open_workspace(args)
    forecast = workspace.forecast("sector")
    params = workspace.params
    if args.year is not None:
        workspace.check_year(args.year)
        years = [args.year]
    else:
        years = list(range(params.base_year, params.end_year + 1, 5))
        if years[-1] != params.end_year:
            years.append(params.end_year)
    mask = np.ones(len(forecast.area_ids), dtype=bool)
    area = "Gent"
    if args.wijk is not None:
        wijknr = workspace.resolve_wijk(args.wijk)
        mask = forecast.area_wijknr == wijknr
        area = workspace.wijk_names()[wijknr]
    pop = forecast.population[forecast.variant_index()][mask].sum(axis=0)  # (ages, years)
    demand = forecast.resident_demand()[mask].sum(axis=0)  # (levels, school years)
    rows = []
    for year in years:
        t = forecast.year_index(year)
        row = {"year": year, "area": area, "variant": params.birth_variant}
        row.update(
            {
                "age_0_2": pop[0:3, t].sum(),
                "age_3_5": pop[3:6, t].sum(),
                "age_6_11": pop[6:12, t].sum(),
                "age_12_17": pop[12:18, t].sum(),
                "age_18_24": pop[18:25, t].sum(),
            }
        )
        for j, level in enumerate(BASE_LEVELS):
            row[f"demand_{level}"] = demand[j, t - 1]
        row["demand_basis"] = row["demand_kleuter"] + row["demand_lager"]
        rows.append(row)
    table = pd.DataFrame(rows)
    payload = {
        "area": area,
        "variant": params.birth_variant,
        "note": "population on 1 January Y+1 for school year Y; resident demand (pupils from "
        "outside Ghent are added in the balance)",
        "rows": _records(table),
        "provenance": workspace.provenance(),
    }
    _emit(args, payload, table)
    return 0


def run_balance(args: argparse.Namespace) -> int:
    """Capacity, demand and shortfall per wijk or for the city."""
    workspace = open_workspace(args)
    if args.capacity_as_of is not None and args.capacity_as_of > args.year:
        raise InputError(
            f"--capacity-as-of {args.capacity_as_of} lies after --year {args.year}; "
            "capacity can only be counted up to the school year shown."
        )
    if args.walking:
        return _walking_balance(args, workspace)
    table = workspace.balance(args.year, args.capacity_as_of)
    if args.by == "city":
        table = workspace.city_balance(args.year, args.capacity_as_of)
    if args.level:
        table = table[table["level"] == args.level]
    table = table.dropna(axis=1, how="all")
    provenance = workspace.provenance()
    as_of = args.capacity_as_of if args.capacity_as_of is not None else args.year
    if args.json:
        rows = _records(table)
        for row in rows:
            row["capacity_as_of"] = as_of
            row["variant"] = workspace.params.birth_variant
        if args.by == "city" and args.level:
            payload = dict(rows[0], provenance=provenance)
        else:
            payload = {"rows": rows, "provenance": provenance}
        _emit(args, payload, table)
    else:
        print(
            f"Balance school year {args.year}-{args.year + 1}, capacity as of {as_of}, "
            f"{workspace.params.birth_variant} births. Illustrative data: "
            f"{', '.join(provenance['illustrative']) or 'none'}."
        )
        _emit(args, None, table)
    return 0


def _walking_balance(args: argparse.Namespace, workspace) -> int:
    """Per wijk: lager children whose walking radius holds fewer places than children."""
    if args.level not in (None, "lager"):
        raise InputError("--walking applies to lager onderwijs only; use --level lager.")
    sectors = workspace.walking_balance(args.year)
    short = sectors["ratio"] < 1.0
    sectors = sectors.assign(
        children_short=np.where(short, sectors["children"], 0.0),
        weighted_ratio=sectors["ratio"].fillna(0.0) * sectors["children"],
    )
    table = sectors.groupby("wijknr", as_index=False).agg(
        children=("children", "sum"),
        children_short=("children_short", "sum"),
        weighted_ratio=("weighted_ratio", "sum"),
    )
    table["places_per_child_within_radius"] = table["weighted_ratio"] / table["children"]
    table.insert(1, "wijk", table["wijknr"].map(workspace.wijk_names()))
    table = table.drop(columns="weighted_ratio")
    if args.by == "city":
        total = table["children"].sum()
        table = pd.DataFrame(
            [
                {
                    "wijknr": 0,
                    "wijk": "Gent",
                    "children": total,
                    "children_short": table["children_short"].sum(),
                    "places_per_child_within_radius": (
                        table["places_per_child_within_radius"] * table["children"]
                    ).sum()
                    / total,
                }
            ]
        )
    params = workspace.params
    note = (
        f"lager, school year {args.year}-{args.year + 1}: places and children within "
        f"{params.walking_radius_m:.0f} m walking (straight line x {params.detour_factor}) of "
        "each sector; children_short live where the radius holds fewer places than children"
    )
    if args.json:
        payload = {"note": note, "rows": _records(table), "provenance": workspace.provenance()}
        _emit(args, payload, table)
    else:
        print(note)
        _emit(args, None, table.rename(columns={"places_per_child_within_radius": "ratio"}))
    return 0


def run_backtest(args: argparse.Namespace) -> int:
    """MAPE and bias of the forecast against observed pupils."""
    from capacityplanner.geodata.params_io import read_observed
    from capacityplanner.models.backtest import backtest

    workspace = open_workspace(args)
    observed = read_observed(args.observed)
    unknown_level = sorted(set(observed["level"]) - set(LEVELS))
    if unknown_level:
        raise InputError(f"Observed pupils file: unknown level {unknown_level[0]!r}.")
    unknown_wijk = sorted(set(observed["wijknr"]) - set(workspace.wijknrs))
    if unknown_wijk:
        raise InputError(f"Observed pupils file: unknown wijk {unknown_wijk[0]}.")
    frames = []
    for year in sorted(set(observed["year"])):
        workspace.check_year(int(year))
        frames.append(workspace.balance(int(year))[["wijknr", "level", "year", "demand"]])
    result = backtest(pd.concat(frames, ignore_index=True), observed)
    _emit(args, {"rows": _records(result), "provenance": workspace.provenance()}, result)
    return 0
