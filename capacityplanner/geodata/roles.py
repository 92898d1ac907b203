"""Roles a layer can fill and the fields each needs (docs/DATA.md).

A *role* is what the planner uses a layer for (``scholen_basis``, ``wijken``
...). Each field lists the column names that usually hold it, best first;
:mod:`capacityplanner.geodata.columns` uses them to guess a file's mapping.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class FieldSpec:
    """One field of a role.

    Attributes
    ----------
    name : str
        Field name in the loaded layer (docs/DATA.md).
    kind : str
        ``text``, ``key`` (identifier kept as text), ``count`` (whole, >= 0:
        capacities, places), ``amount`` (>= 0: costs), ``year``, ``int``, ``number``.
    required : bool
        Whether the role cannot do without it.
    names : tuple of str
        Column names (normalised, see :func:`normalize`) that hold it, best first.
    pattern : str
        A regular expression on normalised names, tried after ``names``.
    what : str
        How messages call it.
    """

    name: str
    kind: str
    required: bool
    names: tuple[str, ...] = ()
    pattern: str = ""
    what: str = ""

    @property
    def label(self) -> str:
        """How messages call the field."""
        return self.what or self.name.replace("_", " ")


@dataclass(frozen=True)
class RoleSpec:
    """What a role needs.

    Attributes
    ----------
    name : str
        Role (= layer or table name in the data set).
    geometry : str or None
        ``point``, ``polygon``, or None for a table.
    fields : tuple of FieldSpec
    key : str or None
        Field that identifies a feature, used to join tables.
    id_prefix : str
        Prefix of generated ``site_id`` values for site layers ("" for others).
    """

    name: str
    geometry: str | None
    fields: tuple[FieldSpec, ...]
    key: str | None = None
    id_prefix: str = ""

    def field(self, name: str) -> FieldSpec:
        """The field called ``name``."""
        for spec in self.fields:
            if spec.name == name:
                return spec
        raise KeyError(name)

    @property
    def field_names(self) -> list[str]:
        """All field names, in order."""
        return [f.name for f in self.fields]


def _f(
    name: str,
    kind: str,
    required: bool,
    names: Iterable[str] = (),
    pattern: str = "",
    what: str = "",
) -> FieldSpec:
    return FieldSpec(name, kind, required, tuple(names) or (name,), pattern, what)


_NAME = (
    "name",
    "naam",
    "schoolnaam",
    "naam_school",
    "instellingsnaam",
    "roepnaam",
    "titel",
    "omschrijving",
)
_SITE_ID = _f(
    "site_id",
    "key",
    False,
    ("site_id", "siteid", "locatie_id", "vestiging_id", "vestigingsplaats_id"),
)
_WIJKNR = _f("wijknr", "int", False, ("wijknr", "wijk_nr", "wijknummer", "wijk_id"))
_STREET = _f(
    "street",
    "text",
    False,
    ("street", "straat", "straatnaam", "adres", "address", "straat_en_nummer"),
)
_OPENED = _f(
    "opened",
    "year",
    False,
    ("opened", "opening", "geopend", "schooljaar_opening", "jaar_opening", "startjaar"),
)
_COST = _f(
    "cost_per_place",
    "amount",
    False,
    ("cost_per_place", "kost_per_plaats", "kostprijs_per_plaats"),
    what="cost per place",
)
_MAX_EXTRA = _f(
    "max_extra_places",
    "count",
    False,
    ("max_extra_places", "max_extra_plaatsen", "uitbreiding_max"),
)
_INSTELLING = _f(
    "instellingsnummer",
    "key",
    False,
    (
        "instellingsnummer",
        "instellingsnr",
        "instelnr",
        "instelling_nr",
        "instelling",
        "schoolnummer",
        "school_nr",
        "instellingscode",
    ),
)
_NETWORK = _f("network", "text", False, ("network", "onderwijsnet", "net", "koepel", "net_school"))
_COMMON = (_SITE_ID, _WIJKNR, _STREET)


def _capacity(level: str) -> FieldSpec:
    return _f(
        f"capacity_{level}",
        "count",
        True,
        (
            f"capacity_{level}",
            f"capaciteit_{level}",
            f"cap_{level}",
            f"plaatsen_{level}",
            f"{level}_capaciteit",
            f"{level}_plaatsen",
        ),
        pattern=rf"(capac|plaats|cap).*{level[:5]}|{level[:5]}.*(capac|plaats|cap)",
        what=f"{level} capacity",
    )


ROLES: dict[str, RoleSpec] = {
    spec.name: spec
    for spec in (
        RoleSpec(
            "scholen_basis",
            "point",
            (
                _f("name", "text", True, _NAME),
                _INSTELLING,
                _NETWORK,
                _capacity("kleuter"),
                _capacity("lager"),
                *_COMMON,
                _OPENED,
                _COST,
                _MAX_EXTRA,
            ),
            key="instellingsnummer",
            id_prefix="BAS",
        ),
        RoleSpec(
            "scholen_secundair",
            "point",
            (
                _f("name", "text", True, _NAME),
                _INSTELLING,
                _NETWORK,
                _capacity("secundair"),
                *_COMMON,
                _OPENED,
                _COST,
                _MAX_EXTRA,
            ),
            key="instellingsnummer",
            id_prefix="SEC",
        ),
        RoleSpec(
            "kinderopvang",
            "point",
            (
                _f("name", "text", True, _NAME + ("naam_opvang", "voorziening")),
                _f(
                    "places",
                    "count",
                    True,
                    (
                        "places",
                        "plaatsen",
                        "aantal_plaatsen",
                        "kindplaatsen",
                        "erkende_plaatsen",
                        "capaciteit",
                        "capacity",
                    ),
                    pattern=r"plaats|capac",
                    what="number of places",
                ),
                _f(
                    "income_related_places",
                    "count",
                    False,
                    (
                        "income_related_places",
                        "inkomensgerelateerde_plaatsen",
                        "ikt_plaatsen",
                        "plaatsen_ikt",
                    ),
                    pattern=r"inkomen",
                    what="income-related places",
                ),
                *_COMMON,
                _OPENED,
            ),
            key="site_id",
            id_prefix="KO",
        ),
        RoleSpec(
            "jeugdinfrastructuur",
            "point",
            (
                _f("name", "text", True, _NAME),
                _f(
                    "type",
                    "text",
                    True,
                    ("type", "soort", "categorie", "aard", "type_infrastructuur"),
                ),
                _f(
                    "capacity",
                    "count",
                    True,
                    ("capacity", "capaciteit", "plaatsen", "max_personen", "max_bezetting"),
                    what="capacity",
                ),
                *_COMMON,
                _OPENED,
            ),
            key="site_id",
            id_prefix="JEU",
        ),
        RoleSpec(
            "kandidaatsites",
            "point",
            (
                _f("name", "text", True, _NAME + ("site", "perceel")),
                *(
                    _f(
                        f"max_{lvl}",
                        "count",
                        False,
                        (f"max_{lvl}", f"max_plaatsen_{lvl}"),
                        what=f"maximum {lvl} places",
                    )
                    for lvl in ("kleuter", "lager", "secundair", "kinderopvang", "bso", "jeugd")
                ),
                _f(
                    "fixed_cost",
                    "amount",
                    True,
                    ("fixed_cost", "vaste_kost", "vaste_kosten", "investering"),
                    what="fixed cost",
                ),
                _f("cost_per_place", "amount", True, _COST.names, what="cost per place"),
                *_COMMON,
            ),
            key="site_id",
            id_prefix="KAN",
        ),
        RoleSpec(
            "woonprojecten",
            "point",
            (
                _f("project_id", "key", False, ("project_id", "projectnummer", "project_nr", "id")),
                _f("name", "text", True, _NAME + ("project", "projectnaam")),
                _f(
                    "sector_code",
                    "key",
                    False,
                    ("sector_code", "nis9_code", "cd_sector", "statsec"),
                ),
                _f(
                    "dwelling_type",
                    "text",
                    False,
                    ("dwelling_type", "woningtype", "type_woning", "type"),
                ),
                _f(
                    "dwellings",
                    "count",
                    True,
                    ("dwellings", "woningen", "aantal_woningen", "wooneenheden", "units"),
                    pattern=r"woning|wooneenh",
                    what="number of dwellings",
                ),
                _f(
                    "first_year",
                    "year",
                    True,
                    ("first_year", "startjaar", "jaar_start", "oplevering_start", "oplevering"),
                    what="first year of completion",
                ),
                _f(
                    "last_year",
                    "year",
                    False,
                    ("last_year", "eindjaar", "jaar_eind", "oplevering_eind"),
                    what="last year of completion",
                ),
                _WIJKNR,
                _STREET,
            ),
            key="project_id",
        ),
        RoleSpec(
            "wijken",
            "polygon",
            (
                _f(
                    "wijknr",
                    "int",
                    True,
                    ("wijknr", "wijk_nr", "wijknummer", "nr"),
                    what="district number",
                ),
                # stadswijken-gent: `naam` is the stadsdeel, so `wijk` must win; ggw7 has only `naam`.
                _f(
                    "wijk",
                    "text",
                    True,
                    ("wijk", "wijknaam", "naam_wijk", "district", "name", "naam"),
                    what="district name",
                ),
                _f("stadsdeel", "text", False, ("stadsdeel", "stadsdeelnaam", "naam")),
                _f("area_km2", "amount", False, ("area_km2", "oppervlakte_km2", "opp_km2")),
                _f(
                    "population_2024",
                    "count",
                    False,
                    ("population_2024", "bevolking_2024", "inwoners", "population"),
                ),
            ),
            key="wijknr",
        ),
        RoleSpec(
            "sectoren",
            "polygon",
            (
                _f(
                    "sector_code",
                    "key",
                    True,
                    (
                        "sector_code",
                        "nis9_code",
                        "cd_sector",
                        "statsec",
                        "nis9",
                        "sectorcode",
                        "code_sector",
                    ),
                    what="sector code",
                ),
                _f(
                    "sector_naam",
                    "text",
                    False,
                    ("sector_naam", "sectornaam", "statsec_naam", "tx_sector_descr_nl", "naam"),
                ),
                # Not required: without it the district is found from the wijken layer.
                _f(
                    "wijknr",
                    "int",
                    False,
                    ("wijknr", "wijk_nr", "wijknummer"),
                    what="district number",
                ),
                _f("wijk", "text", False, ("wijk", "wijknaam")),
                _f(
                    "population_2024",
                    "count",
                    False,
                    ("population_2024", "bevolking_2024", "inwoners", "ms_population"),
                ),
            ),
            key="sector_code",
        ),
        RoleSpec(
            "bevolking",
            None,
            (
                _f(
                    "sector_code",
                    "key",
                    True,
                    ("sector_code", "cd_sector", "nis9_code", "statsec", "sectorcode"),
                    what="sector code",
                ),
                _f(
                    "age",
                    "int",
                    True,
                    (
                        "age",
                        "cd_age",
                        "leeftijd",
                        "leeftijdsklasse",
                        "cd_age_group",
                        "age_group",
                        "tx_age_group",
                        "leeftijdsgroep",
                    ),
                    what="age",
                ),
                _f(
                    "population",
                    "number",
                    True,
                    ("population", "ms_population", "bevolking", "aantal", "inwoners", "ms_pop"),
                    what="population",
                ),
                _f("wijknr", "int", False, ("wijknr",)),
            ),
            key="sector_code",
        ),
    )
}

#: The roles that are site layers (points with a ``site_id``).
SITE_ROLES = tuple(name for name, spec in ROLES.items() if spec.id_prefix)
