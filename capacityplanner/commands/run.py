"""``capacityplanner run SCENARIO``: forecast, balance and plan, stored in the scenario."""

from __future__ import annotations

import argparse
import json
import sys

from capacityplanner.commands.forecast import add_scenario_arguments


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the run command."""
    parser = subparsers.add_parser(
        "run", help="run forecast, balance and optimisation of a scenario and store the results"
    )
    parser.add_argument("name", metavar="SCENARIO")
    parser.add_argument("--no-plan", action="store_true", help="forecast and balance only")
    parser.add_argument("--data", metavar="GPKG", help="data set (default: the shipped Ghent data)")
    parser.add_argument("--json", action="store_true")
    add_scenario_arguments(parser)
    parser.set_defaults(handler=run_command)


def run_command(args: argparse.Namespace) -> int:
    """Load, run, save; print what was stored."""
    from capacityplanner.geodata.dataset import load_dataset
    from capacityplanner.scenarios.session import run_scenario
    from capacityplanner.scenarios.storage import open_repository

    dataset = load_dataset(args.data)
    with open_repository(args.db, create=False) as repo:
        scenario = repo.load(args.name)

        def progress(fraction, message):
            if not args.json:
                print(f"  {message}", file=sys.stderr)

        run_scenario(scenario, dataset, plan=not args.no_plan, progress=progress)
        repo.save(scenario)
    summary = scenario.results.get("plan_summary")
    payload = {
        "scenario": scenario.name,
        "version": scenario.version,
        "results": {name: len(table) for name, table in scenario.results.items()},
        "plan_status": None if summary is None else summary["status"].iloc[0],
        "proven_optimal": None if summary is None else bool(summary["proven_optimal"].iloc[0]),
    }
    if args.json:
        json.dump(payload, sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        print(f"Scenario {scenario.name!r} run and saved (version {scenario.version}).")
        for name, rows in payload["results"].items():
            print(f"  {name}: {rows} rows")
        if summary is not None:
            print(summary["summary_nl"].iloc[0])
    return 0
