"""``capacityplanner export {map,atlas,html,xlsx,gpkg,report}``: council exports.

Every format is written from the same workspace (data set, parameters,
scenario) and carries the credit line, the illustrative-data notice and the
tool version. Bad arguments (unknown level, a school year outside the
forecast, an output path that cannot be written) give one sentence and exit
status 2.
"""

from __future__ import annotations

import argparse
import sys

from capacityplanner.models.params import VARIANTS

FORMATS = ("map", "atlas", "html", "xlsx", "gpkg", "report")


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the export command."""
    parser = subparsers.add_parser(
        "export",
        help="write a map (PDF/PNG), district atlas, HTML map, spreadsheet, GeoPackage or briefing",
        description="Write a council export of the balance of one level and school year.",
    )
    parser.add_argument("format", choices=FORMATS, help="what to write")
    parser.add_argument("--out", required=True, metavar="PATH", help="output file")
    parser.add_argument("--level", default="basis", help="level key (default basis)")
    parser.add_argument(
        "--levels",
        metavar="L1,L2",
        help="levels of the atlas tables and charts (default kinderopvang,basis,secundair,bso)",
    )
    parser.add_argument(
        "--year", type=int, help="school year Y, meaning Y-(Y+1) (default: base year)"
    )
    parser.add_argument(
        "--lang", choices=["nl", "en"], default=argparse.SUPPRESS, help="language (default nl)"
    )
    parser.add_argument("--view", choices=["balance", "sites"], default="balance", help="map view")
    parser.add_argument("--dpi", type=float, default=None, help="PNG resolution (default 200)")
    parser.add_argument("--paper", choices=["A4", "A3"], default="A4")
    parser.add_argument(
        "--orientation", choices=["portrait", "landscape"], default="landscape", help="map page"
    )
    parser.add_argument(
        "--plan",
        action="store_true",
        help="run the optimiser (cover-cost, straight-line distances) for --level and show its proposal",
    )
    parser.add_argument(
        "--scenario", metavar="NAME", help="scenario to export (default: the data as is)"
    )
    parser.add_argument("--db", metavar="URL", help="scenario database")
    parser.add_argument("--params", metavar="FILE", help="parameter file (TOML)")
    parser.add_argument("--variant", choices=VARIANTS, help="birth variant (default: mid)")
    parser.add_argument("--data", metavar="GPKG", help="data set (default: the shipped Ghent data)")
    parser.add_argument("--quiet", action="store_true", help="no progress messages")
    parser.set_defaults(handler=run_export)


def workspace_for(args: argparse.Namespace):
    """The workspace the export is computed from (a stored scenario with ``--scenario``)."""
    from capacityplanner.commands.forecast import open_workspace

    return open_workspace(args)


def _levels(text: str | None) -> tuple[str, ...]:
    from capacityplanner.export.atlas import DEFAULT_LEVELS

    if not text:
        return tuple(DEFAULT_LEVELS)
    return tuple(part.strip() for part in text.split(",") if part.strip())


def run_export(args: argparse.Namespace) -> int:
    """Check the arguments, build the workspace and write the chosen export."""
    from capacityplanner.export.jobs import ExportRequest, check_request
    from capacityplanner.export.jobs import run_export as write_export
    from capacityplanner.scenarios.session import solve_settings

    png = str(args.out).lower().endswith(".png")
    request = ExportRequest(
        kind=args.format,
        path=args.out,
        level=args.level,
        year=args.year,
        view=args.view,
        paper=args.paper,
        orientation=args.orientation,
        dpi=args.dpi if args.dpi is not None else (200.0 if png else 300.0),
        language=getattr(args, "lang", None) or "nl",
        levels=_levels(args.levels),
    )
    workspace = workspace_for(args)
    check_request(request, workspace)  # every bad choice fails here, before any work
    year = request.year if request.year is not None else workspace.params.base_year
    plan = None
    if args.plan:
        if not args.quiet:
            print(f"  planning {args.level} {year} ...", file=sys.stderr)
        settings = {"levels": [args.level], "year": year, "distance": "straight"}
        plan = solve_settings(workspace, settings)

    def progress(fraction: float, message: str) -> None:
        if not args.quiet and args.format == "atlas":
            print(f"  {fraction:4.0%} {message}", file=sys.stderr)

    out = write_export(request, workspace, plan=plan, progress=progress)
    if not args.quiet:
        print(str(out))
    return 0
