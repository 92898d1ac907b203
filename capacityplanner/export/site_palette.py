"""Colour and display name of every site layer, shared by the HTML map and the map pages."""

from __future__ import annotations

#: Marker colour per site layer (the HTML map gives other layers further colours).
SITE_COLORS: dict[str, str] = {
    "scholen_basis": "#2166ac",
    "scholen_secundair": "#762a83",
    "kinderopvang": "#e08214",
    "jeugdinfrastructuur": "#1b7837",
    "kandidaatsites": "#777777",
}
#: Display name per site layer.
SITE_LAYER_NAMES: dict[str, dict[str, str]] = {
    "nl": {
        "scholen_basis": "Basisscholen",
        "scholen_secundair": "Secundaire scholen",
        "kinderopvang": "Kinderopvang",
        "jeugdinfrastructuur": "Jeugdinfrastructuur",
        "kandidaatsites": "Kandidaatsites",
    },
    "en": {
        "scholen_basis": "Primary schools",
        "scholen_secundair": "Secondary schools",
        "kinderopvang": "Childcare",
        "jeugdinfrastructuur": "Youth buildings",
        "kandidaatsites": "Candidate sites",
    },
}
