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
SUFFIXES = {
    "map": (".pdf", ".png"),
    "atlas": (".pdf",),
    "html": (".html",),
    "xlsx": (".xlsx",),
    "gpkg": (".gpkg",),
    "report": (".pdf",),
}


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
    """The workspace the export is computed from (scenario support hooks in here).

    Returns
    -------
    workspace : Workspace
    scenario : str or None
        Name printed on the exports.
    """
    from capacityplanner.commands.forecast import open_workspace

    return open_workspace(args), args.scenario


def _levels(text: str | None) -> list[str]:
    from capacityplanner.export.atlas import DEFAULT_LEVELS
    from capacityplanner.export.views import check_level

    if not text:
        return list(DEFAULT_LEVELS)
    return [check_level(part.strip()) for part in text.split(",") if part.strip()]


def _plan(workspace, level: str, year: int, quiet: bool):
    from capacityplanner.models.optimise import PlanOptions, solve_plan
    from capacityplanner.scenarios.plan_inputs import (
        PlanInputSettings,
        build_planning_problem,
        expand_levels,
    )

    levels = expand_levels([level])
    problem = build_planning_problem(
        workspace, PlanInputSettings(levels=levels, year=year, distance="straight")
    )
    if not quiet:
        print(f"  planning {', '.join(levels)} {year} ...", file=sys.stderr)
    return solve_plan(problem, PlanOptions(model="cover-cost", levels=levels, allow_unmet=True))


def run_export(args: argparse.Namespace) -> int:
    """Validate the arguments, build the workspace and write the chosen export."""
    from capacityplanner.export.page import PageSpec, check_output_path
    from capacityplanner.export.views import check_level

    language = getattr(args, "lang", None) or "nl"
    level = check_level(args.level)
    levels = _levels(args.levels)
    dpi = (
        args.dpi
        if args.dpi is not None
        else (200.0 if str(args.out).lower().endswith(".png") else 300.0)
    )
    PageSpec(args.paper, args.orientation, dpi)  # checks paper, orientation and dpi
    out = check_output_path(args.out, SUFFIXES[args.format])
    workspace, scenario = workspace_for(args)
    year = args.year if args.year is not None else workspace.params.base_year
    workspace.check_year(year)
    workspace.balance(year)  # a year the forecast cannot answer fails here, before any file
    plan = _plan(workspace, level, year, args.quiet) if args.plan else None
    writer = _WRITERS[args.format]
    writer(
        args,
        workspace,
        out,
        level=level,
        levels=levels,
        year=year,
        language=language,
        dpi=dpi,
        plan=plan,
        scenario=scenario,
    )
    if not args.quiet:
        print(str(out))
    return 0


def _write_map(args, workspace, out, *, level, levels, year, language, dpi, plan, scenario):
    from capacityplanner.export.map_pdf import export_map, page_provenance
    from capacityplanner.export.views import build_view

    view = build_view(
        args.view, workspace, level, year, language=language, plan=plan, scenario=scenario
    )
    export_map(
        out,
        view,
        provenance=page_provenance(workspace, view, language=language, scenario=scenario),
        licence=workspace.dataset.info.get("licence"),
        paper=args.paper,
        orientation=args.orientation,
        dpi=dpi,
    )


def _write_atlas(args, workspace, out, *, level, levels, year, language, dpi, plan, scenario):
    from capacityplanner.export.atlas import export_atlas

    def progress(fraction: float, message: str) -> None:
        if not args.quiet:
            print(f"  {message}", file=sys.stderr)

    export_atlas(
        out,
        workspace,
        year,
        levels,
        progress=progress,
        map_level=level,
        language=language,
        scenario=scenario,
        paper=args.paper,
        dpi=dpi,
        plan=plan,
    )


def _write_report(args, workspace, out, *, level, levels, year, language, dpi, plan, scenario):
    from capacityplanner.export.report import export_report

    export_report(
        out,
        workspace,
        year,
        level,
        plan,
        language=language,
        scenario=scenario,
        paper=args.paper,
        dpi=dpi,
    )


def _provenance(workspace, language: str, scenario: str | None):
    from capacityplanner.export.map_pdf import page_provenance

    return page_provenance(workspace, None, language=language, scenario=scenario)


def _site_layers(workspace) -> dict:
    from capacityplanner.export.views import SITE_LAYER_ORDER

    names = [*reversed(SITE_LAYER_ORDER), "kandidaatsites"]
    return {n: workspace.layers[n] for n in names if n in workspace.layers}


def _write_html(args, workspace, out, *, level, levels, year, language, dpi, plan, scenario):
    from capacityplanner.export.html_map import export_html_map
    from capacityplanner.export.views import plan_sites_frame

    export_html_map(
        out,
        workspace.wijken,
        workspace.balance(year),
        _site_layers(workspace),
        workspace.layers.get("wegen"),
        workspace.layers.get("parken"),
        {"voorstel": plan_sites_frame(plan)} if plan is not None and len(plan.sites) else None,
        year=year,
        level=level,
        provenance=_provenance(workspace, language, scenario),
        language=language,
    )


def _write_xlsx(args, workspace, out, *, level, levels, year, language, dpi, plan, scenario):
    import pandas as pd

    from capacityplanner.export.tables import export_tables_xlsx

    names = {
        "nl": ("Saldo per wijk", "Saldo stad", "Saldo stad per jaar", "Voorstel"),
        "en": ("Balance per wijk", "Balance city", "City balance by year", "Proposal"),
    }[language]
    last = min(year + 15, workspace.params.end_year)
    per_year = pd.concat(
        [workspace.city_balance(y) for y in range(year, last + 1)], ignore_index=True
    )
    sheets = {
        names[0]: workspace.balance(year),
        names[1]: workspace.city_balance(year),
        names[2]: per_year,
    }
    if plan is not None and len(plan.sites):
        sheets[names[3]] = plan.sites.drop(columns=["x", "y"], errors="ignore")
    params = workspace.params.to_dict()
    assumptions = {k: v for k, v in params.items()}
    export_tables_xlsx(
        out,
        sheets,
        assumptions,
        provenance=_provenance(workspace, language, scenario),
        language=language,
    )


def _write_gpkg(args, workspace, out, *, level, levels, year, language, dpi, plan, scenario):
    from capacityplanner.export.balance_layer import balance_wide
    from capacityplanner.export.gpkg_styles import (
        add_total_places,
        balance_style_spec,
        export_styled_gpkg,
        site_style_spec,
    )
    from capacityplanner.export.html_map import SITE_COLORS
    from capacityplanner.export.views import plan_sites_frame

    wide = balance_wide(workspace.wijken, workspace.balance(year), year)
    balance_name = f"saldo_{year}"
    layers = {balance_name: wide}
    styles = {balance_name: balance_style_spec(wide, f"shortfall_{level}", language)}
    for name, frame in _site_layers(workspace).items():
        if len(frame) == 0:
            continue
        with_total = add_total_places(frame)
        layers[name] = with_total
        styles[name] = site_style_spec(
            with_total, color=SITE_COLORS.get(name, "#4d4d4d"), brede_field=None
        )
    if plan is not None and len(plan.sites):
        proposal = add_total_places(plan_sites_frame(plan))
        layers["voorstel"] = proposal
        styles["voorstel"] = site_style_spec(proposal, color="#b2182b", name="voorstel")
    export_styled_gpkg(out, layers, styles, provenance=_provenance(workspace, language, scenario))


_WRITERS = {
    "map": _write_map,
    "atlas": _write_atlas,
    "html": _write_html,
    "xlsx": _write_xlsx,
    "gpkg": _write_gpkg,
    "report": _write_report,
}
