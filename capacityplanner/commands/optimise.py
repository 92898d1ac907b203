"""``capacityplanner optimise``: propose sites on the shipped data and parameters."""

from __future__ import annotations

import argparse
import json
import sys

import numpy as np
import pandas as pd

from capacityplanner.commands.forecast import add_scenario_arguments, open_workspace
from capacityplanner.models.params import VARIANTS

PLAN_LEVELS = ("basis", "kinderopvang", "kleuter", "lager", "secundair", "bso", "jeugd")


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the optimise command."""
    parser = subparsers.add_parser("optimise", help="propose new and expanded sites (exact, HiGHS)")
    parser.add_argument(
        "--model",
        choices=["cover-cost", "p-median", "max-cover", "min-sites"],
        default="cover-cost",
    )
    parser.add_argument(
        "--level",
        action="append",
        choices=PLAN_LEVELS,
        help="level to plan (repeatable; default secundair)",
    )
    parser.add_argument("--year", type=int, default=2024, help="target school year (default 2024)")
    parser.add_argument(
        "--max-distance", type=float, metavar="M", help="metres, for every level planned"
    )
    parser.add_argument("--budget", type=float, metavar="EUR")
    parser.add_argument(
        "--sites", type=int, metavar="P", help="new sites (p-median) or at most P new sites"
    )
    parser.add_argument(
        "--brede-saving",
        type=float,
        default=0.25,
        help="share of fixed cost saved per extra function",
    )
    parser.add_argument(
        "--brede-standard", action="store_true", help="every new site is a brede site"
    )
    parser.add_argument(
        "--basis-with-bso", action="store_true", help="every new basis school gets bso"
    )
    parser.add_argument(
        "--allow-unmet",
        action="store_true",
        help="leave demand unserved at a penalty (out of reach, or too few children for a "
        "new site of minimum size) instead of failing",
    )
    parser.add_argument(
        "--places-beyond-shortfall",
        action="store_true",
        help="p-median: build places beyond the shortfall wherever they shorten travel "
        "(by default the plan adds at most the shortfall's places)",
    )
    parser.add_argument(
        "--min-places",
        action="append",
        metavar="FUNCTION=N",
        help="minimum places of a function opened on a new site (repeatable; functions basis, "
        "secundair, kinderopvang, bso, jeugd; 0 disables; default basis=150 secundair=300 "
        "kinderopvang=14 bso=20 jeugd=30)",
    )
    parser.add_argument(
        "--min-expansion",
        type=float,
        default=0.0,
        metavar="N",
        help="an existing site grows by at least N places (all levels together) or not at all "
        "(default 0: no minimum)",
    )
    parser.add_argument("--distance", choices=["network", "straight"], default="network")
    parser.add_argument("--time-limit", type=float, metavar="S")
    parser.add_argument("--params", metavar="FILE", help="parameter file (TOML)")
    parser.add_argument("--variant", choices=VARIANTS)
    parser.add_argument("--data", metavar="GPKG")
    parser.add_argument(
        "--lang", choices=["nl", "en"], default=argparse.SUPPRESS, help="language of the summary"
    )
    parser.add_argument("--json", action="store_true")
    add_scenario_arguments(parser)
    parser.set_defaults(handler=run_optimise)


def plan_to_dict(result) -> dict:
    """A JSON-ready dict of a plan result."""

    def frame(df: pd.DataFrame) -> list[dict]:
        return json.loads(df.to_json(orient="records", double_precision=6))

    return {
        "model": result.model,
        "levels": list(result.levels),
        "year": result.year,
        "status": result.status,
        "proven_optimal": bool(result.proven_optimal),
        "mip_gap": result.mip_gap,
        "objective": result.objective,
        "solve_seconds": result.solve_seconds,
        "costs": {
            "fixed": result.costs.fixed,
            "brede_saving": result.costs.brede_saving,
            "new_places": result.costs.new_places,
            "expansion": result.costs.expansion,
            "investment": result.costs.investment,
        },
        "sites": frame(result.sites),
        "travel": frame(result.travel),
        "unmet": frame(result.unmet),
        "explanation": None if result.explanation is None else result.explanation.text_en,
        "notes": list(result.notes),
        "minimum_places": dict(result.minimum_places),
        "min_expansion": result.min_expansion,
    }


def min_places_option(items: list[str] | None) -> dict[str, float]:
    """``--min-places`` values over the defaults: ``["secundair=250"]`` -> a full mapping."""
    from capacityplanner.errors import InputError
    from capacityplanner.models.optimise.problem import DEFAULT_MIN_NEW_PLACES

    minimum = dict(DEFAULT_MIN_NEW_PLACES)
    for item in items or []:
        key, sep, value = item.partition("=")
        try:
            number = float(value)
        except ValueError:
            number = float("nan")
        if not sep or not key.strip() or not number >= 0:
            raise InputError(
                f"--min-places {item!r} is not FUNCTION=N with N 0 or more places "
                "(e.g. secundair=250)."
            )
        minimum[key.strip()] = number
    return minimum


def run_optimise(args: argparse.Namespace) -> int:
    """Build the planning problem, solve it, print the plan."""
    from capacityplanner.errors import InputError
    from capacityplanner.models.optimise import summary_en, summary_nl
    from capacityplanner.scenarios.session import solve_settings

    min_places = min_places_option(args.min_places)
    if not args.min_expansion >= 0:
        raise InputError(f"--min-expansion must be 0 or more places; got {args.min_expansion:g}.")
    workspace = open_workspace(args)
    settings = {
        "model": args.model,
        "levels": args.level or ["secundair"],
        "year": args.year,
        "max_distance": args.max_distance or {},
        "distance": args.distance,
        "variant": args.variant,
        "budget": args.budget,
        "sites": args.sites,
        "brede_saving": args.brede_saving,
        "basis_with_bso": args.basis_with_bso,
        "brede_standard": args.brede_standard,
        "allow_unmet": args.allow_unmet,
        "places_within_shortfall": not args.places_beyond_shortfall,
        "min_places": min_places,
        "min_expansion": args.min_expansion,
        "time_limit": args.time_limit,
    }

    def progress(fraction, message):
        if not args.json:
            print(f"  {message}", file=sys.stderr)

    result = solve_settings(workspace, settings, progress=progress)
    language = getattr(args, "lang", None) or "nl"
    summary = summary_nl(result) if language == "nl" else summary_en(result)
    if args.json:
        payload = plan_to_dict(result)
        payload["summary_nl"] = summary_nl(result)
        payload["summary_en"] = summary_en(result)
        payload["provenance"] = workspace.provenance()
        json.dump(payload, sys.stdout, indent=2, ensure_ascii=False, default=_json_default)
        sys.stdout.write("\n")
    else:
        print(summary)
        if len(result.sites):
            with pd.option_context("display.width", 200, "display.max_columns", 30):
                print(result.sites.drop(columns=["x", "y"], errors="ignore").to_string(index=False))
        if len(result.travel):
            print(result.travel.to_string(index=False))
    return 0 if result.status in ("optimal", "feasible") else 1


def _json_default(value):
    if isinstance(value, np.integer):
        return int(value)
    if isinstance(value, np.floating):
        return float(value)
    if isinstance(value, np.bool_):
        return bool(value)
    raise TypeError(type(value).__name__)
