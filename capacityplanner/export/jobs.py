"""One export request, checked and written: the plain function behind File > Export...

:class:`ExportRequest` names what to write (a map page, the district atlas,
the offline HTML map, the XLSX tables, the styled GeoPackage or the briefing
report), for which level and school year, on what paper and in which
language. :func:`check_request` turns bad choices into one-sentence
:class:`~capacityplanner.errors.InputError` before any work starts;
:func:`run_export` writes the file, reporting progress and honouring
cancellation (the atlas between pages).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from capacityplanner.errors import InputError
from capacityplanner.export.atlas import DEFAULT_LEVELS, export_atlas
from capacityplanner.export.map_pdf import MAX_PNG_DPI, export_map, page_provenance
from capacityplanner.export.page import PageSpec, check_output_path
from capacityplanner.export.provenance import check_language
from capacityplanner.export.views import (
    SITE_LAYER_ORDER,
    MapView,
    build_view,
    check_level,
    plan_sites_frame,
)
from capacityplanner.models.optimise.solver import CancelToken, is_cancelled

__all__ = ["KINDS", "MAP_VIEWS", "SUFFIXES", "ExportRequest", "check_request", "run_export"]

#: What can be exported.
KINDS: tuple[str, ...] = ("map", "atlas", "html", "xlsx", "gpkg", "report")
#: File extensions of each kind (the first is the default).
SUFFIXES: dict[str, tuple[str, ...]] = {
    "map": (".pdf", ".png"),
    "atlas": (".pdf",),
    "html": (".html",),
    "xlsx": (".xlsx",),
    "gpkg": (".gpkg",),
    "report": (".pdf",),
}
#: Map pages: the map as shown (``current``) or a named view.
MAP_VIEWS: tuple[str, ...] = ("current", "balance", "sites")
Progress = Callable[[float, str], None]


@dataclass
class ExportRequest:
    """Everything an export needs to know.

    Parameters
    ----------
    kind : {"map", "atlas", "html", "xlsx", "gpkg", "report"}
    path : str or Path
        Output file.
    level : str
        Level of the balance shown.
    year : int, optional
        School year ``Y`` (Y-(Y+1)); the base year when None.
    view : {"current", "balance", "sites"}
        Map pages only.
    paper : {"A4", "A3"}
    orientation : {"portrait", "landscape"}
        Map pages only; the atlas and the report are portrait.
    dpi : float
    language : {"nl", "en"}
    levels : tuple of str
        Levels of the atlas tables and charts.
    """

    kind: str
    path: str | Path
    level: str = "basis"
    year: int | None = None
    view: str = "current"
    paper: str = "A4"
    orientation: str = "landscape"
    dpi: float = 300.0
    language: str = "nl"
    levels: tuple[str, ...] = field(default=DEFAULT_LEVELS)


def check_request(request: ExportRequest, workspace) -> Path:
    """Check every choice of ``request``; return the output path (its folder is created).

    Raises
    ------
    InputError
        One sentence naming the bad choice.
    """
    if request.kind not in KINDS:
        raise InputError(f"Unknown export {request.kind!r}; choose one of {', '.join(KINDS)}.")
    if request.kind == "map" and request.view not in MAP_VIEWS:
        raise InputError(
            f"Unknown map view {request.view!r}; choose one of {', '.join(MAP_VIEWS)}."
        )
    check_language(request.language)
    check_level(request.level)
    for level in request.levels:
        check_level(level)
    orientation = request.orientation if request.kind == "map" else "portrait"
    PageSpec(request.paper, orientation, request.dpi)
    out = check_output_path(request.path, SUFFIXES[request.kind])
    if out.suffix.lower() == ".png" and request.dpi > MAX_PNG_DPI:
        raise InputError(
            f"A PNG of {request.dpi:g} dpi is too large; choose at most {MAX_PNG_DPI} dpi."
        )
    if needs_forecast(request):
        workspace.check_year(school_year_of(request, workspace))
    return out


def needs_forecast(request: ExportRequest) -> bool:
    """False only for a page of the current map, which shows the map as it is."""
    return not (request.kind == "map" and request.view == "current")


def school_year_of(request: ExportRequest, workspace) -> int:
    """The request's school year, or the workspace's base year."""
    return int(request.year if request.year is not None else workspace.params.base_year)


def run_export(
    request: ExportRequest,
    workspace,
    *,
    current: MapView | None = None,
    plan=None,
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
) -> Path | None:
    """Write the export of ``request``; None when cancelled (nothing is left behind).

    Parameters
    ----------
    request : ExportRequest
    workspace : Workspace
        Data, parameters and edits (its ``scenario_name`` is printed).
    current : MapView, optional
        The map as shown (:func:`~capacityplanner.export.views.current_map_view`),
        for a map page of the ``current`` view.
    plan : PlanResult, optional
        A plan whose proposed sites the maps, tables and layers show.
    progress : callable, optional
        ``progress(fraction, message)``.
    cancel : threading.Event or callable, optional
        Checked between steps (between pages for the atlas).
    """
    out = check_request(request, workspace)
    scenario = getattr(workspace, "scenario_name", None)
    language = request.language
    year = school_year_of(request, workspace)
    if is_cancelled(cancel):
        return None
    if request.kind == "atlas":
        return export_atlas(
            out,
            workspace,
            year,
            request.levels,
            progress=progress,
            cancel=cancel,
            map_level=request.level,
            language=language,
            scenario=scenario,
            paper=request.paper,
            dpi=request.dpi,
            plan=plan,
        )
    if request.kind == "map":
        if request.view == "current":
            if current is None:
                raise InputError("There is no current map to export; choose a named view.")
            view = current
        else:
            view = build_view(
                request.view,
                workspace,
                request.level,
                year,
                language=language,
                plan=plan,
                scenario=scenario,
            )
        export_map(
            out,
            view,
            provenance=page_provenance(workspace, view, language=language, scenario=scenario),
            licence=workspace.dataset.info.get("licence"),
            paper=request.paper,
            orientation=request.orientation,
            dpi=request.dpi,
        )
    elif request.kind == "report":
        from capacityplanner.export.report import export_report

        export_report(
            out,
            workspace,
            year,
            request.level,
            plan,
            language=language,
            scenario=scenario,
            paper=request.paper,
            dpi=request.dpi,
        )
    else:
        _WRITERS[request.kind](out, workspace, request.level, year, language, plan, scenario)
    if is_cancelled(cancel):
        out.unlink(missing_ok=True)
        return None
    if progress is not None:
        progress(1.0, str(out))
    return out


def _provenance(workspace, language: str, scenario: str | None):
    return page_provenance(workspace, None, language=language, scenario=scenario)


def _site_layers(workspace) -> dict:
    names = [*reversed(SITE_LAYER_ORDER), "kandidaatsites"]
    return {n: workspace.layers[n] for n in names if n in workspace.layers}


def _write_html(out, workspace, level, year, language, plan, scenario) -> None:
    from capacityplanner.export.html_map import export_html_map

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


def _write_xlsx(out, workspace, level, year, language, plan, scenario) -> None:
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
    export_tables_xlsx(
        out,
        sheets,
        dict(workspace.params.to_dict()),
        provenance=_provenance(workspace, language, scenario),
        language=language,
    )


def _write_gpkg(out, workspace, level, year, language, plan, scenario) -> None:
    from capacityplanner.export.balance_layer import balance_wide
    from capacityplanner.export.gpkg_styles import (
        add_total_places,
        balance_style_spec,
        export_styled_gpkg,
        site_style_spec,
    )
    from capacityplanner.export.site_palette import SITE_COLORS

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


_WRITERS = {"html": _write_html, "xlsx": _write_xlsx, "gpkg": _write_gpkg}
