"""The district atlas: one PDF with a city summary page and a page per wijk.

Every page shows a map (the city, or zoomed to the wijk with the rest of the
city dimmed), the balance per level and school year as a small table, and a
chart of the balance per level over the years; the title block and the
footer (sources, licence, illustrative notice, version, date) are those of
the map page. Long runs report progress and can be cancelled between pages.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from capacityplanner.errors import InputError
from capacityplanner.export.atlas_pages import (
    TEXTS,
    atlas_page,
    atlas_years,
    balance_series,
    clipped_view,
    focus_layers,
    wijk_extents,
)
from capacityplanner.export.labels import level_label, school_year
from capacityplanner.export.map_pdf import page_provenance
from capacityplanner.export.page import (
    PageSpec,
    check_output_path,
    creator,
    export_language,
    page_footer,
)
from capacityplanner.export.views import balance_view, check_level
from capacityplanner.models.optimise.solver import CancelToken, is_cancelled
from capacityplanner.render.page import frame_points
from capacityplanner.render.page_furniture import PageHeader
from capacityplanner.render.pdf import PdfDocument
from capacityplanner.render.print_layout import draw_atlas_page

__all__ = ["DEFAULT_LEVELS", "ProgressCallback", "atlas_years", "balance_series", "export_atlas"]

#: Levels an atlas shows unless told otherwise.
DEFAULT_LEVELS: tuple[str, ...] = ("kinderopvang", "basis", "secundair", "bso")
ProgressCallback = Callable[[float, str], None]


def export_atlas(
    path: str | Path,
    workspace,
    year: int,
    levels: Sequence[str] = DEFAULT_LEVELS,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
    *,
    map_level: str | None = None,
    language: str = "nl",
    scenario: str | None = None,
    paper: str = "A4",
    dpi: float = 300.0,
    plan=None,
    map_frames: list[tuple[float, float, float, float]] | None = None,
) -> Path | None:
    """Write the district atlas: a city summary page, then one page per wijk.

    Parameters
    ----------
    path : str or Path
        Output ``.pdf``.
    workspace : Workspace
        Data, parameters and edits.
    year : int
        School year ``Y`` (Y-(Y+1)) of the maps and the first table column.
    levels : sequence of str
        Levels in the tables and charts.
    progress : callable, optional
        ``progress(fraction, message)`` after each page.
    cancel : threading.Event or callable, optional
        Checked before each page; when set, the partial file is removed and
        None is returned.
    map_level : str, optional
        Level whose shortfall colours the maps (default: the first of ``levels``
        among basis, secundair, kinderopvang).
    language : {"nl", "en"}
    scenario : str, optional
        Scenario name printed in subtitles and footers.
    paper : {"A4", "A3"}
        Pages are portrait.
    dpi : float
        Resolution of the PDF's coordinate grid.
    plan : PlanResult, optional
        Proposed sites drawn on the maps.
    map_frames : list, optional
        When given, receives each page's map frame ``(left, top, width, height)``
        in points (1/72 inch) from the page's top-left corner.

    Returns
    -------
    pathlib.Path or None
        The file written, or None when cancelled.
    """
    levels = [check_level(lv) for lv in levels]
    if not levels:
        raise InputError("The atlas needs at least one level.")
    map_level = check_level(
        map_level
        or next((lv for lv in ("basis", "secundair", "kinderopvang") if lv in levels), levels[0])
    )
    spec = PageSpec(paper, "portrait", dpi)
    out = check_output_path(path, (".pdf",))
    workspace.check_year(year)
    chart_years, table_years = atlas_years(year, workspace.params.end_year)
    frames = {y: workspace.balance(y) for y in chart_years}
    view = balance_view(
        workspace,
        map_level,
        year,
        language=language,
        plan=plan,
        scenario=scenario,
        balance=frames[year],
    )
    provenance = page_provenance(workspace, view, language=language, scenario=scenario)
    footer = page_footer(provenance, workspace.dataset.info.get("licence"))
    t = TEXTS[language]
    title = t["doc"].format(year=school_year(year))
    wijken = workspace.wijken.sort_values("wijknr")
    pages = len(wijken) + 1
    city_rows = frames[year][frames[year]["level"] == map_level]
    lead = t["wijken_short"].format(
        n=int((city_rows["shortfall"] > 0.5).sum()),
        total=len(wijken),
        level=level_label(map_level, language).lower(),
        year=school_year(year),
    )

    def page_content(page: int, right: str):
        if page == 0:
            header = PageHeader(title, view.subtitle, right)
            series = balance_series(frames, levels)
            return t["city"], atlas_page(
                header, footer, view, view.extent, series, levels, year, table_years, language, lead
            )
        row = wijken.iloc[page - 1]
        nr = int(row["wijknr"])
        what = t["wijk"].format(nr=nr, name=row["wijk"])
        extent, shown = wijk_extents(row.geometry)
        stadsdeel = t["stadsdeel"].format(name=row.get("stadsdeel", ""))
        header = PageHeader(what, f"{stadsdeel} · {view.subtitle}", right)
        zoomed = clipped_view(view, shown, focus_layers(workspace, nr, wijken))
        series = balance_series(frames, levels, nr)
        return what, atlas_page(
            header, footer, zoomed, extent, series, levels, year, table_years, language
        )

    cancelled = False
    with export_language(language), PdfDocument(out, spec, title, creator(language)) as doc:
        for page in range(pages):
            if is_cancelled(cancel):
                cancelled = True
                break
            right = f"{provenance.date_text()}\n{t['page'].format(page=page + 1, pages=pages)}"
            what, content = page_content(page, right)
            frame = draw_atlas_page(doc.new_page(), spec, content)
            if map_frames is not None:
                map_frames.append(frame_points(spec, frame))
            if progress is not None:
                progress(
                    (page + 1) / pages, t["progress"].format(page=page + 1, pages=pages, what=what)
                )
    if cancelled:
        out.unlink(missing_ok=True)
        return None
    return out
