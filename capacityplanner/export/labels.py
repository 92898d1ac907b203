"""Words the exports print: level names, figure names and units, in Dutch and English."""

from __future__ import annotations

from capacityplanner.export.provenance import check_language

__all__ = ["LEVEL_LABELS", "FIELD_LABELS", "UNITS", "level_label", "field_label", "school_year"]

#: Display name of each level key.
LEVEL_LABELS: dict[str, dict[str, str]] = {
    "nl": {
        "kinderopvang": "Kinderopvang",
        "kleuter": "Kleuteronderwijs",
        "lager": "Lager onderwijs",
        "basis": "Basisonderwijs",
        "secundair": "Secundair onderwijs",
        "bso": "Buitenschoolse opvang",
        "jeugd": "Jeugdwerk",
    },
    "en": {
        "kinderopvang": "Childcare",
        "kleuter": "Nursery school (kleuter)",
        "lager": "Primary school (lager)",
        "basis": "Basisonderwijs (kleuter + lager)",
        "secundair": "Secondary school",
        "bso": "Out-of-school care",
        "jeugd": "Youth work",
    },
}

#: Display name of common columns.
FIELD_LABELS: dict[str, dict[str, str]] = {
    "nl": {
        "wijknr": "Wijknr",
        "wijk": "Wijk",
        "level": "Niveau",
        "year": "Schooljaar",
        "capacity": "Capaciteit",
        "demand": "Vraag",
        "balance": "Saldo",
        "shortfall": "Tekort",
        "coverage": "Dekkingsgraad",
        "places": "Plaatsen",
        "name": "Naam",
        "site_id": "Site",
        "brede": "Brede site",
        "cost": "Kost",
        "distance_m": "Afstand",
    },
    "en": {
        "wijknr": "District no.",
        "wijk": "District (wijk)",
        "level": "Level",
        "year": "School year",
        "capacity": "Capacity",
        "demand": "Demand",
        "balance": "Balance",
        "shortfall": "Shortfall",
        "coverage": "Coverage",
        "places": "Places",
        "name": "Name",
        "site_id": "Site",
        "brede": "Brede site",
        "cost": "Cost",
        "distance_m": "Distance",
    },
}

#: Unit of common columns (printed under the header in spreadsheets).
UNITS: dict[str, dict[str, str]] = {
    "nl": {
        "capacity": "plaatsen",
        "demand": "kinderen",
        "balance": "plaatsen",
        "shortfall": "plaatsen",
        "places": "plaatsen",
        "coverage": "%",
        "cost": "EUR",
        "distance_m": "m",
    },
    "en": {
        "capacity": "places",
        "demand": "children",
        "balance": "places",
        "shortfall": "places",
        "places": "places",
        "coverage": "%",
        "cost": "EUR",
        "distance_m": "m",
    },
}


def level_label(level: str, language: str = "nl") -> str:
    """Display name of a level key (the key itself when unknown)."""
    return LEVEL_LABELS[check_language(language)].get(level, level)


def field_label(name: str, language: str = "nl") -> str:
    """Display name of a column (the column name itself when unknown)."""
    return FIELD_LABELS[check_language(language)].get(name, name)


def school_year(year: int) -> str:
    """School year ``Y`` written as ``Y-(Y+1)``, e.g. ``2024-25``.

    Examples
    --------
    >>> school_year(2024)
    '2024-25'
    """
    return f"{year}-{(year + 1) % 100:02d}"
