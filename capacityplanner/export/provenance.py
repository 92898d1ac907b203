"""The provenance text every export prints: credit line, illustrative notice, version, date.

Every council output (PDF page, HTML map, spreadsheet, GeoPackage) carries the
same few lines so a reader can trace a figure back to its data and the tool
that made it. :class:`Provenance` holds them once; each exporter asks it for
the texts in the export's language (``"nl"``, the working language, or ``"en"``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from capacityplanner import __version__

__all__ = [
    "DEFAULT_CREDIT",
    "ILLUSTRATIVE_NOTICE",
    "LANGUAGES",
    "TOOL_NAME",
    "Provenance",
    "check_language",
]

#: Credit line the data licence asks for (DATA.md).
DEFAULT_CREDIT = "Bron: Stad Gent (data.stad.gent), Provincies in Cijfers, Informatie Vlaanderen"
#: Languages the exports speak.
LANGUAGES: tuple[str, ...] = ("nl", "en")
#: Product name per language.
TOOL_NAME: dict[str, str] = {"nl": "Capaciteitsplanner Gent", "en": "Ghent capacity planner"}
#: The notice printed whenever illustrative layers are shown.
ILLUSTRATIVE_NOTICE: dict[str, str] = {
    "nl": (
        "Illustratieve gegevens: de locaties en capaciteiten van scholen, kinderopvang en "
        "jeugdinfrastructuur en de demografische prognose zijn gegenereerd voor demonstratie, "
        "niet door de stad vastgesteld."
    ),
    "en": (
        "Illustrative data: the locations and capacities of schools, childcare and youth "
        "infrastructure and the demographic forecast are generated for demonstration, "
        "not official city figures."
    ),
}
_MONTHS = {
    "nl": (
        "januari februari maart april mei juni juli augustus september oktober november december"
    ).split(),
    "en": (
        "January February March April May June July August September October November December"
    ).split(),
}
_LABELS = {
    "nl": {"made": "Gemaakt met", "on": "op", "scenario": "Scenario", "version": "versie"},
    "en": {"made": "Made with", "on": "on", "scenario": "Scenario", "version": "version"},
}


def check_language(language: str) -> str:
    """Return ``language`` if the exports speak it, else raise ``ValueError``."""
    if language not in LANGUAGES:
        raise ValueError(f"language must be one of {', '.join(LANGUAGES)}, not {language!r}")
    return language


@dataclass(frozen=True)
class Provenance:
    """Who and what made an export.

    Parameters
    ----------
    credit : str
        Data credit line (default: the Ghent data set's, :data:`DEFAULT_CREDIT`).
    illustrative : bool
        Whether illustrative layers are part of the export; then the notice is printed.
    notice : str, optional
        Illustrative notice; default :data:`ILLUSTRATIVE_NOTICE` in the export language.
    tool_version : str
        Version of the tool that wrote the export.
    created : datetime.date
        Date of the export (default: today).
    scenario : str, optional
        Name of the scenario the figures come from.
    language : {"nl", "en"}
        Language of the texts.

    Examples
    --------
    >>> p = Provenance(created=date(2025, 3, 5), tool_version="1.2.0")
    >>> p.date_text()
    '5 maart 2025'
    >>> p.version_text()
    'Gemaakt met Capaciteitsplanner Gent versie 1.2.0 op 5 maart 2025'
    """

    credit: str = DEFAULT_CREDIT
    illustrative: bool = True
    notice: str | None = None
    tool_version: str = __version__
    created: date = field(default_factory=date.today)
    scenario: str | None = None
    language: str = "nl"

    def __post_init__(self) -> None:
        check_language(self.language)

    @classmethod
    def from_info(cls, info: Mapping[str, Any], **overrides: Any) -> Provenance:
        """Build from a data set's ``dataset_info`` mapping (keys ``credit``, ``illustrative_notice``).

        The data set's notice is used only for the language it was written in
        (Dutch); an English export keeps the English default.
        """
        kwargs: dict[str, Any] = {}
        if info.get("credit"):
            kwargs["credit"] = str(info["credit"])
        kwargs.update(overrides)
        if (
            info.get("illustrative_notice")
            and "notice" not in overrides
            and kwargs.get("language", "nl") == "nl"
        ):
            kwargs["notice"] = str(info["illustrative_notice"])
        return cls(**kwargs)

    def notice_text(self) -> str:
        """The illustrative notice, or ``""`` when no illustrative layer is shown."""
        if not self.illustrative:
            return ""
        return self.notice or ILLUSTRATIVE_NOTICE[self.language]

    def date_text(self) -> str:
        """The export date written out, e.g. ``5 maart 2025`` or ``5 March 2025``."""
        d = self.created
        return f"{d.day} {_MONTHS[self.language][d.month - 1]} {d.year}"

    def version_text(self) -> str:
        """``Made with <tool> version <v> on <date>`` in the export language."""
        lab = _LABELS[self.language]
        return (
            f"{lab['made']} {TOOL_NAME[self.language]} {lab['version']} {self.tool_version} "
            f"{lab['on']} {self.date_text()}"
        )

    def lines(self) -> list[str]:
        """Footer lines in print order: credit, notice (if any), scenario (if any), version."""
        out = [self.credit]
        if self.notice_text():
            out.append(self.notice_text())
        if self.scenario:
            out.append(f"{_LABELS[self.language]['scenario']}: {self.scenario}")
        out.append(self.version_text())
        return out

    def as_rows(self) -> list[tuple[str, str]]:
        """``(key, text)`` pairs for an assumptions sheet or a metadata table."""
        rows = [("credit", self.credit)]
        if self.notice_text():
            rows.append(("illustrative_notice", self.notice_text()))
        if self.scenario:
            rows.append(("scenario", self.scenario))
        rows += [
            ("tool", TOOL_NAME[self.language]),
            ("tool_version", self.tool_version),
            ("created", self.created.isoformat()),
        ]
        return rows
