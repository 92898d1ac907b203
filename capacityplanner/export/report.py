"""The one-page briefing report of a scenario: plain-language summary, key table, main map.

The summary says in a few sentences how many places the city lacks for one
level and school year, which wijken are worst off, where the balance goes in
the years after, and, when a plan is given, the optimiser's own paragraph
(:func:`~capacityplanner.models.optimise.summary_nl` / ``summary_en``). The key
table lists the citywide balance of every level; the map is the balance view
with the plan's proposed sites.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from capacityplanner.export.labels import level_label, school_year
from capacityplanner.export.map_pdf import page_provenance
from capacityplanner.export.page import (
    PageSpec,
    check_output_path,
    creator,
    export_language,
    page_footer,
)
from capacityplanner.export.page_figures import Table, TableCell, format_count
from capacityplanner.export.views import balance_view, check_level
from capacityplanner.models.levels import LEVELS
from capacityplanner.render.page import frame_points
from capacityplanner.render.page_furniture import PageHeader
from capacityplanner.render.pdf import write_pdf_page
from capacityplanner.render.print_layout import BriefingPage, draw_briefing_page

__all__ = ["balance_summary", "export_report", "plan_summary"]

_T = {
    "nl": {
        "title": "Briefing: {level}, schooljaar {year}",
        "city": (
            "In schooljaar {year} telt Gent {capacity} plaatsen {level} voor een vraag van "
            "{demand} kinderen: {verdict} over de hele stad (totale vraag min totale capaciteit)."
        ),
        "short": "een tekort van {n} plaatsen",
        "surplus": "{n} plaatsen meer dan nodig",
        "wijken": " {n} van de {total} wijken komen plaatsen tekort; het grootst is het tekort in {list}.",
        "no_wijken": " Geen enkele wijk komt plaatsen tekort.",
        "later": " Tegen schooljaar {year} wordt dat {verdict}, met de capaciteit die dan gepland is.",
        "coverage": (
            " De dekkingsgraad (plaatsen per kind van 0 tot 2 jaar) is {cov}; de Vlaamse norm is "
            "52%, de Barcelona-norm 33%. {n} wijken zitten onder de Barcelona-norm."
        ),
        "level": "Niveau",
        "capacity": "Capaciteit",
        "demand": "Vraag",
        "balance": "Saldo",
        "wijken_short": "Wijken met tekort",
        "table": "Kerncijfers voor de hele stad, schooljaar {year}",
        "plan": "Voorstel van de optimalisatie",
        "map": "Kaart",
    },
    "en": {
        "title": "Briefing: {level}, school year {year}",
        "city": (
            "In school year {year} Ghent has {capacity} {level} places for a demand of "
            "{demand} children: {verdict} across the city (total demand minus total capacity)."
        ),
        "short": "a shortfall of {n} places",
        "surplus": "{n} places more than needed",
        "wijken": " {n} of the {total} wijken are short of places; the largest shortfalls are in {list}.",
        "no_wijken": " No wijk is short of places.",
        "later": " By school year {year} this becomes {verdict}, with the capacity planned by then.",
        "coverage": (
            " Coverage (places per child aged 0 to 2) is {cov}; the Flemish norm is 52%, the "
            "Barcelona norm 33%. {n} wijken are under the Barcelona norm."
        ),
        "level": "Level",
        "capacity": "Capacity",
        "demand": "Demand",
        "balance": "Balance",
        "wijken_short": "Wijken short",
        "table": "Key figures for the whole city, school year {year}",
        "plan": "Proposal of the optimiser",
        "map": "Map",
    },
}


def _verdict(balance: float, language: str) -> str:
    t = _T[language]
    if balance < -0.5:
        return t["short"].format(n=format_count(-balance, language))
    return t["surplus"].format(n=format_count(balance, language))


def balance_summary(
    workspace,
    year: int,
    level: str,
    language: str = "nl",
    later_year: int | None = None,
) -> str:
    """A few plain sentences on the balance of ``level`` in school year ``year``.

    Parameters
    ----------
    workspace : Workspace
    year : int
        School year ``Y`` (Y-(Y+1)).
    level : str
        Level key.
    language : {"nl", "en"}
    later_year : int, optional
        A later school year to look ahead to (default: six years on, within the forecast).
    """
    check_level(level)
    t = _T[language]
    table = workspace.balance(year)
    rows = table[table["level"] == level]
    capacity, demand = float(rows["capacity"].sum()), float(rows["demand"].sum())
    text = t["city"].format(
        year=school_year(year),
        capacity=format_count(capacity, language),
        level=level_label(level, language).lower(),
        demand=format_count(demand, language),
        verdict=_verdict(capacity - demand, language),
    )
    short = rows[rows["shortfall"] > 0.5].sort_values("shortfall", ascending=False)
    if len(short):
        worst = ", ".join(
            f"{r.wijk} ({format_count(r.shortfall, language)})" for r in short.head(5).itertuples()
        )
        text += t["wijken"].format(n=len(short), total=len(rows), list=worst)
    else:
        text += t["no_wijken"]
    if level == "kinderopvang" and "coverage" in rows.columns:
        children = rows["children_0_2"].sum() if "children_0_2" in rows.columns else None
        if children:
            cov = capacity / float(children)
            under = int((rows["coverage"] < 0.33).sum())
            pct = f"{cov:.1%}" if language == "en" else f"{cov * 100:.1f}%".replace(".", ",")
            text += t["coverage"].format(cov=pct, n=under)
    later = later_year if later_year is not None else min(year + 6, workspace.params.end_year)
    if later > year:
        future = workspace.balance(later)
        frows = future[future["level"] == level]
        text += t["later"].format(
            year=school_year(later),
            verdict=_verdict(float(frows["capacity"].sum() - frows["demand"].sum()), language),
        )
    return text


def plan_summary(plan, language: str = "nl") -> str:
    """The optimiser's paragraph for a plan result, in ``language``."""
    from capacityplanner.models.optimise import summary_en, summary_nl

    return summary_nl(plan) if language == "nl" else summary_en(plan)


def _key_rows(city: pd.DataFrame, language: str) -> list[list[TableCell]]:
    rows = []
    order = {lv: i for i, lv in enumerate(LEVELS)}
    for r in sorted(city.itertuples(), key=lambda r: order.get(r.level, 99)):
        balance = float(r.capacity - r.demand)
        rows.append(
            [
                TableCell(level_label(r.level, language)),
                TableCell(format_count(r.capacity, language)),
                TableCell(format_count(r.demand, language)),
                TableCell(format_count(balance, language, signed=True), short=balance < -0.5),
                TableCell(str(int(getattr(r, "wijken_short", 0) or 0))),
            ]
        )
    return rows


def export_report(
    path: str | Path,
    workspace,
    year: int,
    level: str = "basis",
    plan=None,
    *,
    language: str = "nl",
    scenario: str | None = None,
    paper: str = "A4",
    dpi: float = 300.0,
    map_frames: list[tuple[float, float, float, float]] | None = None,
) -> Path:
    """Write the one-page briefing (portrait PDF) of a scenario, optionally with a plan.

    Parameters
    ----------
    path : str or Path
        Output ``.pdf``.
    workspace : Workspace
        Data, parameters and edits of the scenario.
    year : int
        School year ``Y`` (Y-(Y+1)).
    level : str
        Level the summary and the map are about.
    plan : PlanResult, optional
        A plan: its paragraph joins the summary and its sites the map.
    language : {"nl", "en"}
    scenario : str, optional
        Scenario name.
    paper : {"A4", "A3"}
    dpi : float
        Resolution of the PDF's coordinate grid.
    map_frames : list, optional
        When given, receives the map frame ``(left, top, width, height)`` in
        points (1/72 inch) from the page's top-left corner.

    Returns
    -------
    pathlib.Path
        The file written.
    """
    check_level(level)
    spec = PageSpec(paper, "portrait", dpi)
    out = check_output_path(path, (".pdf",))
    workspace.check_year(year)
    t = _T[language]
    balance = workspace.balance(year)
    view = balance_view(
        workspace, level, year, language=language, plan=plan, scenario=scenario, balance=balance
    )
    provenance = page_provenance(workspace, view, language=language, scenario=scenario)
    licence = workspace.dataset.info.get("licence")
    summary = balance_summary(workspace, year, level, language)
    plan_text = plan_summary(plan, language) if plan is not None else ""
    city = workspace.city_balance(year)
    title = t["title"].format(level=level_label(level, language).lower(), year=school_year(year))
    page = BriefingPage(
        PageHeader(title, view.subtitle, provenance.date_text()),
        page_footer(provenance, licence),
        summary,
        view.picture(language),
        t["table"].format(year=school_year(year)),
        Table(
            [t["level"], t["capacity"], t["demand"], t["balance"], t["wijken_short"]],
            _key_rows(city, language),
            points=7.5,
        ),
        plan_heading=t["plan"],
        plan_text=plan_text,
    )
    with export_language(language):
        frame = write_pdf_page(
            out, spec, title, creator(language), lambda p: draw_briefing_page(p, spec, page)
        )
    if map_frames is not None:
        map_frames.append(frame_points(spec, frame))
    return out
