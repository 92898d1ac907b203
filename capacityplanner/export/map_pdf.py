"""A council-ready map page as vector PDF or PNG, drawn by the shared renderer offscreen.

The page holds a title, a subtitle (scenario, school year, level), the date,
the map frame with scale bar and north arrow, the legend, and a footer with
the data sources and licence credit, the illustrative-data notice whenever
illustrative layers are shown, and the tool version. The PDF is vector; the
PNG is rasterised at the chosen resolution. This module composes the page;
:mod:`capacityplanner.render.print_layout` draws it.

Examples
--------
>>> from capacityplanner.export.views import balance_view      # doctest: +SKIP
>>> view = balance_view(workspace, "basis", 2024)                # doctest: +SKIP
>>> export_map("tekort.pdf", view, provenance=page_provenance(workspace, view))  # doctest: +SKIP
"""

from __future__ import annotations

from pathlib import Path

from capacityplanner.errors import InputError
from capacityplanner.export.page import (
    PageSpec,
    check_output_path,
    creator,
    export_language,
    page_footer,
)
from capacityplanner.export.provenance import Provenance
from capacityplanner.export.views import MapView
from capacityplanner.render import print_layout
from capacityplanner.render.page_furniture import PageHeader
from capacityplanner.render.pdf import write_pdf_page, write_png
from capacityplanner.render.print_layout import MapPage, MapPageLayout

__all__ = [
    "MAX_PNG_DPI",
    "MapPageLayout",
    "export_map",
    "layout_map_page",
    "map_page",
    "page_provenance",
]

#: Highest PNG resolution (an A3 page at 600 dpi is already 7016 x 9921 pixels).
MAX_PNG_DPI = 600


def page_provenance(
    workspace, view: MapView | None = None, *, language: str = "nl", scenario: str | None = None
) -> Provenance:
    """Credit, notice, version and date for a page of ``workspace``'s data.

    The notice is printed when ``view`` shows illustrative data (or, without a
    view, when any layer of the data set is illustrative).
    """
    info = workspace.dataset.info
    if view is not None:
        illustrative = view.illustrative
    else:
        illustrative = any(workspace.dataset.is_illustrative(n) for n in workspace.layers)
    kwargs = {"credit": str(info["credit"])} if info.get("credit") else {}
    return Provenance(
        illustrative=bool(illustrative), scenario=scenario, language=language, **kwargs
    )


def map_page(view: MapView, provenance: Provenance, licence: str | None = None) -> MapPage:
    """The texts and the map of a one-map page, in the provenance's language."""
    return MapPage(
        PageHeader(view.title, view.subtitle, provenance.date_text()),
        page_footer(provenance, licence),
        view.picture(provenance.language),
    )


def layout_map_page(
    spec: PageSpec, view: MapView, provenance: Provenance, licence: str | None = None
) -> MapPageLayout:
    """Where title block, map frame, legend and footer go on the map page (device pixels)."""
    return print_layout.layout_map_page(spec, map_page(view, provenance, licence))


def export_map(
    path: str | Path,
    view: MapView,
    *,
    provenance: Provenance,
    licence: str | None = None,
    paper: str = "A4",
    orientation: str = "landscape",
    dpi: float = 300.0,
) -> Path:
    """Write ``view`` as a one-page map: vector PDF (``.pdf``) or PNG (``.png``) at ``dpi``.

    Parameters
    ----------
    path : str or Path
        Output file; the extension chooses the format.
    view : MapView
        A named view (:func:`~capacityplanner.export.views.build_view`) or the
        current map (:func:`~capacityplanner.export.views.current_map_view`).
    provenance : Provenance
        Credit, illustrative notice, scenario, version, date and language.
    licence : str, optional
        Licence of the data (printed after the credit line).
    paper : {"A4", "A3"}
    orientation : {"portrait", "landscape"}
    dpi : float
        PNG resolution; for the PDF, the resolution of its coordinate grid.

    Returns
    -------
    pathlib.Path
        The file written.
    """
    spec = PageSpec(paper, orientation, dpi)
    out = check_output_path(path, (".pdf", ".png"))
    if out.suffix.lower() == ".png" and dpi > MAX_PNG_DPI:
        raise InputError(f"A PNG of {dpi:g} dpi is too large; choose at most {MAX_PNG_DPI} dpi.")
    page = map_page(view, provenance, licence)
    with export_language(provenance.language):
        if out.suffix.lower() == ".pdf":
            write_pdf_page(
                out,
                spec,
                view.title,
                creator(provenance.language),
                lambda painter: print_layout.draw_map_page(painter, spec, page),
            )
        else:
            write_png(out, spec, lambda painter: print_layout.draw_map_page(painter, spec, page))
    return out
