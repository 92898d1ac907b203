"""A paragraph a planner can paste into a briefing, in Dutch and English.

:func:`summary_nl` and :func:`summary_en` describe a :class:`PlanResult`:
what is proposed (new sites, brede sites, expansions, closures, places per
level), what it costs (and what sharing saves), how far children travel,
what stays unmet, and how sure the answer is (proven optimal or the gap).
Numbers follow the language: ``1.240`` and ``€ 2,5 miljoen`` in Dutch,
``1,240`` and ``EUR 2.5 million`` in English.
"""

from __future__ import annotations

from .result import PlanResult

LEVEL_NAMES = {
    "nl": {
        "kinderopvang": "kinderopvang",
        "kleuter": "kleuteronderwijs",
        "lager": "lager onderwijs",
        "basis": "basisonderwijs",
        "secundair": "secundair onderwijs",
        "bso": "buitenschoolse opvang",
        "jeugd": "jeugdwerk",
    },
    "en": {
        "kinderopvang": "childcare",
        "kleuter": "nursery school",
        "lager": "primary school",
        "basis": "basisonderwijs (nursery and primary)",
        "secundair": "secondary school",
        "bso": "out-of-school care",
        "jeugd": "youth work",
    },
}

MODEL_NAMES = {
    "nl": {
        "cover-cost": "het tekort wegwerken tegen de laagste kost",
        "p-median": "de kortste afstand met een vast aantal nieuwe sites",
        "max-cover": "zoveel mogelijk kinderen bedienen binnen het budget",
        "min-sites": "het tekort wegwerken met zo weinig mogelijk nieuwe sites",
    },
    "en": {
        "cover-cost": "close the shortfall at least cost",
        "p-median": "shortest travel with a fixed number of new sites",
        "max-cover": "serve as many children as the budget allows",
        "min-sites": "close the shortfall with as few new sites as possible",
    },
}


def fmt_number(value: float, lang: str) -> str:
    """Whole number with the language's thousands separator."""
    text = f"{round(value):,}"
    return text.replace(",", ".") if lang == "nl" else text


def fmt_eur(value: float, lang: str) -> str:
    """An amount in euro: millions with one decimal, else whole euros."""
    if abs(value) >= 1e6:
        num = f"{value / 1e6:,.1f}"
        if lang == "nl":
            num = num.replace(",", " ").replace(".", ",").replace(" ", ".")
            return f"€ {num} miljoen"
        return f"EUR {num} million"
    return ("€ " if lang == "nl" else "EUR ") + fmt_number(value, lang)


def fmt_percent(share: float, lang: str, digits: int = 0) -> str:
    text = f"{100 * share:.{digits}f}"
    return (text.replace(".", ",") if lang == "nl" else text) + "%"


def _school_year(year: int | None) -> str:
    return f"{year}-{(year + 1) % 100:02d}" if year is not None else ""


def _wijk(result: PlanResult, wijknr: int, lang: str) -> str:
    if wijknr == 0:
        return "instroom van buiten Gent" if lang == "nl" else "inflow from outside Ghent"
    return result.wijk_names.get(int(wijknr), f"wijk {int(wijknr)}")


def _places(result: PlanResult, lang: str) -> str:
    added = result.places_added()
    parts = [
        f"{LEVEL_NAMES[lang][lv]} {fmt_number(v, lang)}" for lv, v in added.items() if v >= 0.5
    ]
    return ", ".join(parts)


def _site_list(result: PlanResult, lang: str, limit: int = 6) -> str:
    items = []
    for row in result.new_sites.itertuples():
        places = sum(getattr(row, f"places_{lv}") for lv in result.levels)
        funcs = row.functions.replace("+", " + ")
        where = _wijk(result, row.wijknr, lang)
        if lang == "nl":
            kind = "brede site: " if row.brede else ""
            items.append(
                f"{row.name} in {where} ({kind}{funcs}; {fmt_number(places, lang)} plaatsen)"
            )
        else:
            kind = "brede site: " if row.brede else ""
            items.append(
                f"{row.name} in {where} ({kind}{funcs}; {fmt_number(places, lang)} places)"
            )
    text = "; ".join(items[:limit])
    if len(items) > limit:
        text += " ..."
    return text


def _summary(result: PlanResult, lang: str) -> str:
    nl = lang == "nl"
    out: list[str] = []
    year = _school_year(result.year)
    head = ("Plan voor schooljaar " + year) if nl and year else ("Plan" if nl else "Plan")
    if not nl and year:
        head = f"Plan for school year {year}"
    out.append(f"{head} ({MODEL_NAMES[lang][result.model]}).")

    if result.status == "infeasible":
        out.append("Er is geen plan mogelijk." if nl else "No plan is possible.")
        if result.explanation is not None:
            out.append(result.explanation.text_nl if nl else result.explanation.text_en)
        return " ".join(out)
    if not result.has_plan:
        out.append(
            "De berekening is gestopt voor er een plan was."
            if nl
            else "The calculation stopped before any plan was found."
        )
        return " ".join(out)
    if result.status == "cancelled":
        out.append(
            "De berekening werd afgebroken; dit is het beste plan tot dan."
            if nl
            else "The calculation was cancelled; this is the best plan found until then."
        )

    n_new = len(result.new_sites)
    n_brede = len(result.brede_sites)
    n_exp = len(result.expanded_sites)
    n_closed = len(result.closed_sites)
    places = _places(result, lang)
    if nl:
        parts = [f"{n_new} nieuwe site{'s' if n_new != 1 else ''}"]
        if n_brede:
            parts[0] += f" (waarvan {n_brede} brede site{'s' if n_brede != 1 else ''})"
        if n_exp:
            parts.append(f"uitbreiding van {n_exp} bestaande site{'s' if n_exp != 1 else ''}")
        if n_closed:
            parts.append(f"sluiting van {n_closed} site{'s' if n_closed != 1 else ''}")
        text = "Voorstel: " + " en ".join(parts)
        out.append(text + (f", samen nieuwe plaatsen voor {places}." if places else "."))
    else:
        parts = [f"{n_new} new site{'s' if n_new != 1 else ''}"]
        if n_brede:
            parts[0] += f" ({n_brede} of them brede site{'s' if n_brede != 1 else ''})"
        if n_exp:
            parts.append(f"expanding {n_exp} existing site{'s' if n_exp != 1 else ''}")
        if n_closed:
            parts.append(f"closing {n_closed} site{'s' if n_closed != 1 else ''}")
        text = "Proposal: " + " and ".join(parts)
        out.append(text + (f", adding places for {places}." if places else "."))
    if n_new:
        out.append(("Nieuwe sites: " if nl else "New sites: ") + _site_list(result, lang) + ".")

    c = result.costs
    if nl:
        text = f"Investering {fmt_eur(c.investment, lang)}"
        details = []
        if c.fixed:
            details.append(f"vaste kosten {fmt_eur(c.fixed - c.brede_saving, lang)}")
        if c.brede_saving:
            details.append(f"brede sites besparen {fmt_eur(c.brede_saving, lang)}")
        if c.new_places:
            details.append(f"plaatsen op nieuwe sites {fmt_eur(c.new_places, lang)}")
        if c.expansion:
            details.append(f"uitbreidingen {fmt_eur(c.expansion, lang)}")
    else:
        text = f"Investment {fmt_eur(c.investment, lang)}"
        details = []
        if c.fixed:
            details.append(f"fixed costs {fmt_eur(c.fixed - c.brede_saving, lang)}")
        if c.brede_saving:
            details.append(f"brede sites save {fmt_eur(c.brede_saving, lang)}")
        if c.new_places:
            details.append(f"places at new sites {fmt_eur(c.new_places, lang)}")
        if c.expansion:
            details.append(f"expansions {fmt_eur(c.expansion, lang)}")
    if details:
        text += " (" + "; ".join(details) + ")"
    if result.budget is not None:
        text += (" binnen een budget van " if nl else " within a budget of ") + fmt_eur(
            result.budget, lang
        )
    out.append(text + ".")
    if c.closure_saving:
        out.append(
            f"Sluitingen besparen {fmt_eur(c.closure_saving, lang)}."
            if nl
            else f"Closures save {fmt_eur(c.closure_saving, lang)}."
        )

    travel = []
    for row in result.travel.itertuples():
        if row.served <= 0:
            continue
        name = LEVEL_NAMES[lang][row.level]
        if nl:
            travel.append(
                f"{name} gemiddeld {fmt_number(row.mean_m, lang)} m, 90% binnen "
                f"{fmt_number(row.p90_m, lang)} m"
            )
        else:
            travel.append(
                f"{name} {fmt_number(row.mean_m, lang)} m on average, 90% within "
                f"{fmt_number(row.p90_m, lang)} m"
            )
    if travel:
        out.append(("Afstand: " if nl else "Travel: ") + "; ".join(travel) + ".")

    unmet = result.unmet_total()
    if sum(unmet.values()) >= 0.5:
        worst = result.unmet.sort_values("children", ascending=False).head(3)
        where = ", ".join(
            f"{_wijk(result, r.wijknr, lang)} ({fmt_number(r.children, lang)} "
            f"{LEVEL_NAMES[lang][r.level]})"
            for r in worst.itertuples()
        )
        total = fmt_number(sum(unmet.values()), lang)
        out.append(
            f"{total} kinderen krijgen geen plaats binnen de maximale afstand, vooral: {where}."
            if nl
            else f"{total} children get no place within the maximum distance, mostly: {where}."
        )
    else:
        out.append(
            "Elk kind krijgt een plaats binnen de maximale afstand."
            if nl
            else "Every child gets a place within the maximum distance."
        )

    secs = f"{result.solve_seconds:.1f}"
    if nl:
        secs = secs.replace(".", ",")
    gap = fmt_percent(result.mip_gap or 0.0, lang, 2)
    if result.proven_optimal:
        out.append(
            f"Dit plan is bewezen optimaal (gap {gap}), berekend in {secs} s."
            if nl
            else f"This plan is proven optimal (gap {gap}), computed in {secs} s."
        )
    else:
        out.append(
            f"Dit plan is niet bewezen optimaal: het ligt hoogstens {gap} van het optimum "
            f"(berekend in {secs} s)."
            if nl
            else f"This plan is not proven optimal: it is at most {gap} from the optimum "
            f"(computed in {secs} s)."
        )
    return " ".join(out)


def summary_nl(result: PlanResult) -> str:
    """Dutch paragraph describing ``result`` for a briefing."""
    return _summary(result, "nl")


def summary_en(result: PlanResult) -> str:
    """English paragraph describing ``result`` for a briefing."""
    return _summary(result, "en")
