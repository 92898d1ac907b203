"""A paragraph a planner can paste into a briefing, in Dutch and English.

:func:`summary_nl` and :func:`summary_en` describe a :class:`PlanResult`:
what is proposed (new sites, brede sites, expansions, closures, places per
level), what it costs (and what sharing saves), how far children travel,
what stays unmet and why (:mod:`.unmet`), and how sure the answer is
(proven optimal or the gap). Places are whole numbers; amounts are rounded
for a briefing (millions with one decimal, else to the thousand euro).
Numbers follow the language: ``1.240`` and ``€ 2,5 miljoen`` in Dutch,
``1,240`` and ``EUR 2.5 million`` in English.
"""

from __future__ import annotations

from .problem import FUNCTION_OF_LEVEL
from .result import PlanResult
from .summary_unmet import unmet_sentences
from .wording import FUNCTION_NAMES, LEVEL_NAMES, fmt_eur, fmt_number, fmt_percent, join_and
from .wording import school_year as _school_year
from .wording import wijk_label as _wijk

__all__ = ["fmt_eur", "fmt_number", "fmt_percent", "summary_en", "summary_nl"]

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


def _level_places(value: float, level: str, lang: str) -> str:
    """``1.150 plaatsen secundair onderwijs`` / ``1,150 secondary school places``."""
    name = LEVEL_NAMES[lang][level]
    if lang == "nl":
        return f"{fmt_number(value, lang)} plaats{'en' if round(value) != 1 else ''} {name}"
    return f"{fmt_number(value, lang)} {name} place{'s' if round(value) != 1 else ''}"


def _places(result: PlanResult, lang: str) -> str:
    added = result.places_added()
    items = [_level_places(v, lv, lang) for lv, v in added.items() if v >= 0.5]
    if lang == "nl":
        items = [i.replace(" plaats", " nieuwe plaats", 1) for i in items]
    return join_and(items, lang)


def _functions(functions: str, brede: bool, lang: str) -> str:
    names = [FUNCTION_NAMES[lang].get(f, f) for f in functions.split("+") if f]
    if brede:
        return ("brede site met " if lang == "nl" else "brede site with ") + join_and(names, lang)
    return join_and(names, lang)


def _site_list(result: PlanResult, lang: str, limit: int = 6) -> str:
    items = []
    for row in result.new_sites.itertuples():
        places = [
            _level_places(getattr(row, f"places_{lv}"), lv, lang)
            for lv in result.levels
            if getattr(row, f"places_{lv}") >= 0.5
        ]
        where = _wijk(result, row.wijknr, lang)
        what = ""
        if row.brede or not places:
            what = _functions(row.functions, bool(row.brede), lang) + ("; " if places else "")
        items.append(f"{row.name} in {where} ({what}{', '.join(places)})")
    text = "; ".join(items[:limit])
    if len(items) > limit:
        more = len(items) - limit
        text += f"; en {more} andere" if lang == "nl" else f"; and {more} more"
    return text


def _expansion_list(result: PlanResult, lang: str, limit: int = 6) -> str:
    frame = result.expanded_sites.copy()
    cols = [f"places_{lv}" for lv in result.levels]
    frame["added"] = frame[cols].sum(axis=1)
    frame = frame.sort_values("added", ascending=False)
    unit = "plaatsen" if lang == "nl" else "places"
    items = [
        f"{row.name} in {_wijk(result, row.wijknr, lang)} (+{fmt_number(row.added, lang)}"
        + (f" {unit})" if k == 0 else ")")
        for k, row in enumerate(frame.head(limit).itertuples())
    ]
    text = "; ".join(items)
    if len(frame) > limit:
        more = len(frame) - limit
        text += f"; en {more} andere" if lang == "nl" else f"; and {more} more"
    return text


def _unplanned_functions(result: PlanResult) -> list[str]:
    """Functions opened on new sites (by the city rules) whose places were not planned."""
    planned = {FUNCTION_OF_LEVEL[lv] for lv in result.levels}
    opened = {f for funcs in result.new_sites["functions"] for f in funcs.split("+") if f}
    return [f for f in FUNCTION_NAMES["en"] if f in opened - planned]


def _proposal(result: PlanResult, lang: str) -> str:
    nl = lang == "nl"
    n_new = len(result.new_sites)
    n_brede = len(result.brede_sites)
    n_exp = len(result.expanded_sites)
    n_closed = len(result.closed_sites)
    places = _places(result, lang)
    if nl:
        parts = [f"{n_new} nieuwe site{'s' if n_new != 1 else ''}"]
        if n_brede and n_brede == n_new:
            parts = [f"{n_new} nieuwe brede site{'s' if n_new != 1 else ''}"]
        elif n_brede:
            parts[0] += f" (waarvan {n_brede} brede site{'s' if n_brede != 1 else ''})"
        if n_exp:
            parts.append(f"uitbreiding van {n_exp} bestaande site{'s' if n_exp != 1 else ''}")
        if n_closed:
            parts.append(f"sluiting van {n_closed} site{'s' if n_closed != 1 else ''}")
        text = "Voorstel: " + join_and(parts, lang)
        return text + (f", samen {places}." if places else ".")
    parts = [f"{n_new} new site{'s' if n_new != 1 else ''}"]
    if n_brede and n_brede == n_new:
        parts = [f"{n_new} new brede site{'s' if n_new != 1 else ''}"]
    elif n_brede:
        parts[0] += f" ({n_brede} of them brede site{'s' if n_brede != 1 else ''})"
    if n_exp:
        parts.append(f"expanding {n_exp} existing site{'s' if n_exp != 1 else ''}")
    if n_closed:
        parts.append(f"closing {n_closed} site{'s' if n_closed != 1 else ''}")
    text = "Proposal: " + join_and(parts, lang)
    return text + (f", adding {places}." if places else ".")


def _costs(result: PlanResult, lang: str) -> list[str]:
    nl = lang == "nl"
    c = result.costs
    details = []
    if c.fixed:
        fixed = fmt_eur(c.fixed - c.brede_saving, lang)
        if c.brede_saving:
            saved = fmt_eur(c.brede_saving, lang)
            fixed += (
                f", na {saved} besparing door brede sites"
                if nl
                else f", after brede sites save {saved}"
            )
        details.append(("vaste kosten " if nl else "fixed costs ") + fixed)
    if c.new_places:
        label = "plaatsen op nieuwe sites " if nl else "places at new sites "
        details.append(label + fmt_eur(c.new_places, lang))
    if c.expansion:
        details.append(("uitbreidingen " if nl else "expansions ") + fmt_eur(c.expansion, lang))
    text = ("Investering " if nl else "Investment ") + fmt_eur(c.investment, lang)
    if details:
        text += " (" + "; ".join(details) + ")"
    if result.budget is not None:
        text += (" binnen een budget van " if nl else " within a budget of ") + fmt_eur(
            result.budget, lang
        )
    out = [text + "."]
    if c.closure_saving:
        saved = fmt_eur(c.closure_saving, lang)
        out.append(f"Sluitingen besparen {saved}." if nl else f"Closures save {saved}.")
    return out


def _travel(result: PlanResult, lang: str) -> str:
    nl = lang == "nl"
    travel = []
    for row in result.travel.itertuples():
        if row.served <= 0:
            continue
        name = LEVEL_NAMES[lang][row.level]
        mean, p90 = fmt_number(row.mean_m, lang), fmt_number(row.p90_m, lang)
        travel.append(
            f"{name} gemiddeld {mean} m, 90% binnen {p90} m"
            if nl
            else f"{name} {mean} m on average, 90% within {p90} m"
        )
    if not travel:
        return ""
    return ("Afstand: " if nl else "Travel: ") + "; ".join(travel) + "."


def _proof(result: PlanResult, lang: str) -> str:
    nl = lang == "nl"
    secs = f"{result.solve_seconds:.1f}"
    if nl:
        secs = secs.replace(".", ",")
    gap = fmt_percent(result.mip_gap or 0.0, lang, 2)
    if result.proven_optimal:
        return (
            f"Dit plan is bewezen optimaal (gap {gap}), berekend in {secs} s."
            if nl
            else f"This plan is proven optimal (gap {gap}), computed in {secs} s."
        )
    return (
        f"Dit plan is niet bewezen optimaal: het ligt hoogstens {gap} van het optimum "
        f"(berekend in {secs} s)."
        if nl
        else f"This plan is not proven optimal: it is at most {gap} from the optimum "
        f"(computed in {secs} s)."
    )


def _places_cap(result: PlanResult, lang: str) -> list[str]:
    """p-median: the shortfall, beyond which places are built only where needed."""
    if not result.places_cap:
        return []
    parts = join_and([_level_places(v, f, lang) for f, v in result.places_cap.items()], lang)
    if lang == "nl":
        return [
            f"Het tekort is {parts}; het plan bouwt er enkel meer bij waar kinderen anders "
            "geen plaats krijgen of een nieuwe site haar minimale omvang nodig heeft."
        ]
    return [
        f"The shortfall is {parts}; the plan builds more only where children would "
        "otherwise get no place or a new site needs its minimum size."
    ]


def _summary(result: PlanResult, lang: str) -> str:
    nl = lang == "nl"
    out: list[str] = []
    year = _school_year(result.year)
    if year:
        head = f"Plan voor schooljaar {year}" if nl else f"Plan for school year {year}"
    else:
        head = "Plan"
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

    out.append(_proposal(result, lang))
    if len(result.new_sites):
        out.append(("Nieuwe sites: " if nl else "New sites: ") + _site_list(result, lang) + ".")
    if len(result.expanded_sites):
        out.append(
            ("Uitbreidingen: " if nl else "Expansions: ") + _expansion_list(result, lang) + "."
        )
        if result.min_expansion > 0:
            least = fmt_number(result.min_expansion, lang)
            out.append(
                f"Een bestaande site groeit met minstens {least} plaatsen of niet."
                if nl
                else f"An existing site grows by at least {least} places or not at all."
            )
    unplanned = _unplanned_functions(result)
    if unplanned:
        names = join_and([FUNCTION_NAMES[lang][f] for f in unplanned], lang)
        out.append(
            f"Deze berekening plant de plaatsen voor {names} op de nieuwe sites niet."
            if nl
            else f"This calculation does not plan the places for {names} on the new sites."
        )
    out.extend(_places_cap(result, lang))
    out.extend(_costs(result, lang))
    travel = _travel(result, lang)
    if travel:
        out.append(travel)
    out.extend(unmet_sentences(result, lang))
    out.append(_proof(result, lang))
    return " ".join(out)


def summary_nl(result: PlanResult) -> str:
    """Dutch paragraph describing ``result`` for a briefing."""
    return _summary(result, "nl")


def summary_en(result: PlanResult) -> str:
    """English paragraph describing ``result`` for a briefing."""
    return _summary(result, "en")
