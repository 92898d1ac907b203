"""The briefing sentences on children left without a place, and why.

Where they live (the wijken with most unserved children) and the reasons of
:mod:`.unmet`: out of reach of every site, no viable site in reach (the
sites in reach are full and too few children are left over for a new site of
the minimum size), the city rules, the budget or site limit, or a place costing more than
the model's penalty for an unserved child.
"""

from __future__ import annotations

from .problem import FUNCTION_OF_LEVEL
from .result import PlanResult
from .wording import FUNCTION_NAMES, LEVEL_NAMES, fmt_eur, fmt_number, join_and, wijk_label

#: Unserved children below this total are not worth a sentence.
MIN_REPORTED = 0.5


def _where(result: PlanResult, lang: str, limit: int = 3) -> str:
    """``in A (12 lager onderwijs)`` or ``vooral in A (..), B (..)`` when more wijken."""
    per = result.unmet.groupby(["wijknr", "level"], as_index=False)["children"].sum()
    per = per[per["children"] >= MIN_REPORTED]
    totals = per.groupby("wijknr")["children"].sum().sort_values(ascending=False)
    items = []
    for wijknr in totals.index[:limit]:
        rows = per[per["wijknr"] == wijknr].sort_values("children", ascending=False)
        levels = ", ".join(
            f"{fmt_number(r.children, lang)} {LEVEL_NAMES[lang][r.level]}"
            for r in rows.itertuples()
        )
        items.append(f"{wijk_label(result, wijknr, lang)} ({levels})")
    if len(totals) > limit:
        return ("vooral in " if lang == "nl" else "mostly in ") + "; ".join(items)
    return "in " + join_and(items, lang)


def _minimum_text(result: PlanResult, levels: list[str], lang: str) -> str:
    """``secundaire school: 300 plaatsen`` for the levels' functions with a minimum."""
    items = []
    for f in dict.fromkeys(FUNCTION_OF_LEVEL[lv] for lv in levels):
        minimum = result.minimum_places.get(f, 0.0)
        if minimum > 0:
            unit = "plaatsen" if lang == "nl" else "places"
            items.append(f"{FUNCTION_NAMES[lang][f]}: {fmt_number(minimum, lang)} {unit}")
    return "; ".join(items)


def _subject(part: float, total: float, lang: str) -> tuple[str, str]:
    """(``Zij``/``They``, ``hen``/``them``) or (``12 van hen``, ``12 van hen``)."""
    if part >= total - MIN_REPORTED:
        return ("Zij", "hen") if lang == "nl" else ("They", "them")
    n = fmt_number(part, lang)
    return (f"{n} van hen", f"{n} van hen") if lang == "nl" else (f"{n} of them", f"{n} of them")


def unmet_sentences(result: PlanResult, lang: str) -> list[str]:
    """Sentences on the unserved children of ``result`` (or that every child has a place)."""
    nl = lang == "nl"
    total = sum(result.unmet_total().values())
    if total < MIN_REPORTED:
        return [
            "Elk kind krijgt een plaats binnen de maximale afstand."
            if nl
            else "Every child gets a place within the maximum distance."
        ]
    n = fmt_number(total, lang)
    where = _where(result, lang)
    out = [
        f"{n} kinderen krijgen geen plaats binnen de maximale afstand, {where}."
        if nl
        else f"{n} children get no place within the maximum distance, {where}."
    ]
    for reason, part in result.unmet_by_reason().items():
        if part < MIN_REPORTED:
            continue
        who, whom = _subject(part, total, lang)
        levels = list(
            dict.fromkeys(result.unmet.loc[result.unmet["reason"] == reason, "level"].tolist())
        )
        if reason == "out_of_reach":
            out.append(
                f"{who} wonen buiten de maximale afstand van elke bestaande of kandidaat-site "
                "die hun een plaats kan bieden."
                if nl
                else f"{who} live beyond the maximum distance of every existing or candidate "
                "site that could offer them a place."
            )
        elif reason == "no_viable_site":
            minimum = _minimum_text(result, levels, lang)
            if nl:
                text = (
                    f"Voor {whom} ligt er geen haalbare site binnen bereik: de sites die ze "
                    "kunnen bereiken zitten vol en kunnen niet verder uitbreiden"
                )
                if minimum:
                    text += (
                        ", en rond de kandidaat-sites in hun buurt wonen te weinig kinderen "
                        f"zonder plaats voor een nieuwe site van minimale omvang ({minimum})"
                    )
            else:
                text = (
                    f"For {whom} no viable site is in reach: the sites they can reach are full "
                    "and cannot grow"
                )
                if minimum:
                    text += (
                        ", and too few children without a place live near the candidate sites "
                        f"in reach to fill a new site of minimum size ({minimum})"
                    )
            out.append(text + ".")
        elif reason == "rules":
            out.append(
                f"Voor {whom} kunnen de kandidaat-sites binnen bereik niet aan de stadsregels "
                "voldoen (buitenschoolse opvang bij elke nieuwe basisschool, of elke nieuwe site "
                "een brede site)."
                if nl
                else f"For {whom} the candidate sites in reach cannot meet the city rules "
                "(out-of-school care with every new basis school, or every new site a brede site)."
            )
        elif reason == "limits":
            out.append(
                f"{who} blijven zonder plaats door het budget of het aantal nieuwe sites."
                if nl
                else f"{who} are left without a place by the budget or the number of new sites."
            )
        else:
            penalty = max((result.unmet_penalty.get(lv, 0.0) for lv in levels), default=0.0)
            amount = ""
            if result.model == "cover-cost" and penalty > 0:
                amount = f" ({fmt_eur(penalty, lang)} {'per kind' if nl else 'per child'})"
            out.append(
                f"Voor {whom} zou een plaats meer kosten dan wat het model aanrekent voor een "
                f"kind zonder plaats{amount}."
                if nl
                else f"For {whom} a place would cost more than the penalty the model counts for "
                f"a child without a place{amount}."
            )
    return out
