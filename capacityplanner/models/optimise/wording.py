"""Words and numbers of the briefing texts, in Dutch and English.

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

FUNCTION_NAMES = {
    "nl": {
        "basis": "basisschool",
        "secundair": "secundaire school",
        "kinderopvang": "kinderopvang",
        "bso": "bso",
        "jeugd": "jeugdwerk",
    },
    "en": {
        "basis": "nursery-primary school",
        "secundair": "secondary school",
        "kinderopvang": "childcare",
        "bso": "out-of-school care",
        "jeugd": "youth work",
    },
}


def fmt_number(value: float, lang: str) -> str:
    """Whole number with the language's thousands separator."""
    text = f"{round(value):,}"
    return text.replace(",", ".") if lang == "nl" else text


def fmt_eur(value: float, lang: str) -> str:
    """An amount in euro for a briefing.

    Millions with one decimal (``€ 2,5 miljoen``), amounts from 10,000 to
    the thousand (``€ 318.000``), smaller ones to the euro.
    """
    if abs(value) >= 1e6 - 5e4:
        num = f"{value / 1e6:,.1f}"
        if lang == "nl":
            num = num.replace(",", " ").replace(".", ",").replace(" ", ".")
            return f"€ {num} miljoen"
        return f"EUR {num} million"
    if abs(value) >= 10_000:
        value = round(value, -3)
    return ("€ " if lang == "nl" else "EUR ") + fmt_number(value, lang)


def fmt_percent(share: float, lang: str, digits: int = 0) -> str:
    """A share as a percentage with the language's decimal mark."""
    text = f"{100 * share:.{digits}f}"
    return (text.replace(".", ",") if lang == "nl" else text) + "%"


def school_year(year: int | None) -> str:
    """``2024`` -> ``2024-25``."""
    return f"{year}-{(year + 1) % 100:02d}" if year is not None else ""


def wijk_label(result: PlanResult, wijknr: int, lang: str) -> str:
    """The wijk's name (0: pupils arriving from outside Ghent)."""
    if wijknr == 0:
        return "instroom van buiten Gent" if lang == "nl" else "inflow from outside Ghent"
    return result.wijk_names.get(int(wijknr), f"wijk {int(wijknr)}")


def join_and(items: list[str], lang: str) -> str:
    """``a, b and c`` / ``a, b en c``."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + (" en " if lang == "nl" else " and ") + items[-1]
