"""Every assumption of the forecast and the balance, as one typed object.

Each field carries its unit and the source of its default in the field's
metadata, so the GUI, exports and ``--json`` output can show where a number
comes from. :meth:`ForecastParams.to_dict` / :meth:`ForecastParams.from_dict`
give the plain structure that ``geodata.params_io`` reads and writes as TOML.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

from capacityplanner.errors import InputError
from capacityplanner.models.levels import BASE_LEVELS

#: Age bands used for migration and children per dwelling (inclusive bounds).
AGE_BANDS: dict[str, tuple[int, int]] = {
    "0-5": (0, 5),
    "6-11": (6, 11),
    "12-17": (12, 17),
    "18-24": (18, 24),
}
#: Area classes for migration: the dense centre (stadsdelen Binnenstad and
#: Kernstad) and the rest of the city.
AREA_CLASSES: tuple[str, ...] = ("centrum", "rand")
#: Stadsdelen counted as ``centrum``.
CENTRE_STADSDELEN: tuple[str, ...] = ("Binnenstad", "Kernstad")
VARIANTS: tuple[str, ...] = ("low", "mid", "high")


def _meta(unit: str, source: str) -> dict[str, str]:
    return {"unit": unit, "source": source}


def _default_migration() -> dict[str, dict[str, float]]:
    return {
        # Families with young children leave the dense centre as the children grow
        # (to the outer wijken and beyond the city); students arrive at 18-24.
        "centrum": {"0-5": -0.025, "6-11": -0.01, "12-17": -0.01, "18-24": 0.02},
        # The outer wijken hold their children (arrivals from the centre make up for
        # those who leave the city) and lose young adults to the centre.
        "rand": {"0-5": 0.0, "6-11": 0.0, "12-17": 0.0, "18-24": -0.02},
    }


def _default_children_per_dwelling() -> dict[str, dict[str, float]]:
    return {
        "appartement": {"0-5": 0.12, "6-11": 0.07, "12-17": 0.04, "18-24": 0.08},
        "eengezinswoning": {"0-5": 0.35, "6-11": 0.30, "12-17": 0.22, "18-24": 0.10},
        "sociale woning": {"0-5": 0.30, "6-11": 0.30, "12-17": 0.25, "18-24": 0.12},
    }


def _default_inflow() -> dict[str, float]:
    return {
        "kinderopvang": 0.0,
        "kleuter": 0.04,
        "lager": 0.04,
        "secundair": 0.50,
        "bso": 0.0,
        "jeugd": 0.0,
    }


@dataclass
class ForecastParams:
    """Assumptions of the cohort-component projection and the demand per level.

    All rates are shares in [0, 1] unless stated; migration rates are net
    annual shares of the age group (negative = net out-migration).
    """

    base_year: int = field(
        default=2024,
        metadata=_meta("year (population on 1 January)", "the data set's base year"),
    )
    end_year: int = field(
        default=2050,
        metadata=_meta("school year", "horizon of Masterplan 'Ruimte voor Onderwijs' (2050)"),
    )
    birth_variant: str = field(
        default="mid",
        metadata=_meta("low|mid|high", "births projection variant in the data set (geboorten)"),
    )
    births_series: dict[int, float] = field(
        default_factory=dict,
        metadata=_meta(
            "births per calendar year, citywide",
            "user-given series; empty = use the variant. Spread over wijken by the variant's shares",
        ),
    )
    infant_survival: float = field(
        default=0.9965,
        metadata=_meta(
            "share", "Statbel: infant mortality in Flanders about 3.5 per 1,000 live births"
        ),
    )
    survival: float = field(
        default=0.9998,
        metadata=_meta(
            "annual share, ages 0-24",
            "Statbel life tables, Flemish Region: mortality 0.1-0.3 per 1,000 at ages 1-24",
        ),
    )
    migration: dict[str, dict[str, float]] = field(
        default_factory=_default_migration,
        metadata=_meta(
            "net annual share per area class and age band",
            "illustrative assumption shaped on Gent in cijfers: families leave the 19th-"
            "century belt as children grow (citywide about -1% a year for ages 0-11, as the "
            "data set's cohort retention); students arrive at 18-24",
        ),
    )
    children_per_dwelling: dict[str, dict[str, float]] = field(
        default_factory=_default_children_per_dwelling,
        metadata=_meta(
            "children per new dwelling, per age band (spread evenly over its ages)",
            "illustrative 'kindfactoren' in the range Flemish planning studies use "
            "(0.1-0.3 children 0-17 per apartment, 0.5-0.9 per family house)",
        ),
    )
    hold_young_adults: bool = field(
        default=True,
        metadata=_meta(
            "yes/no",
            "Ghent is a student city: students arriving at 18-21 replace those who leave, so "
            "ages 18-24 keep the base year's numbers per area (plus housing projects) instead "
            "of ageing the small cohorts of 17-year-olds; no school level uses ages 18-24",
        ),
    )
    kinderopvang_use: float = field(
        default=0.65,
        metadata=_meta(
            "share of children 0-2.5 needing a place",
            "assumption: Kind en Gezin reports 60-70% use of formal childcare in the cities",
        ),
    )
    kleuter_participation: float = field(
        default=0.98,
        metadata=_meta("share of children 2.5-5", "AGODI: kleuterparticipatie about 98%"),
    )
    lager_participation: float = field(
        default=1.0, metadata=_meta("share of children 6-11", "compulsory education")
    )
    secundair_participation: float = field(
        default=1.0, metadata=_meta("share of children 12-17", "compulsory education until 18")
    )
    bso_use: float = field(
        default=0.30,
        metadata=_meta(
            "share of children 2.5-11 needing out-of-school care",
            "assumption: city of Ghent BSO/IBO use rate, illustrative",
        ),
    )
    jeugd_participation: float = field(
        default=0.25,
        metadata=_meta(
            "share of young people 6-17 in youth work",
            "assumption: one in four young people in a youth movement or youth house",
        ),
    )
    age2_kleuter_share: float = field(
        default=0.5,
        metadata=_meta(
            "share of age 2 in kleuter",
            "product brief: the children who start at 2.5 (half of age 2)",
        ),
    )
    inflow_share: dict[str, float] = field(
        default_factory=_default_inflow,
        metadata=_meta(
            "share of pupils living outside Ghent, per level",
            "product brief: about one in two secondary pupils in Ghent live outside the "
            "city; basis is mostly local (assumed 4%)",
        ),
    )
    walking_radius_m: float = field(
        default=1500.0,
        metadata=_meta("metres walking", "neighbourhood-bound primary school: 1.5 km walk"),
    )
    detour_factor: float = field(
        default=1.3,
        metadata=_meta(
            "network / straight-line distance",
            "common urban detour index (1.2-1.4); street distances come with the optimiser",
        ),
    )

    # ------------------------------------------------------------------ checks
    def validate(self) -> ForecastParams:
        """Check every value; raise :class:`InputError` naming the field and value.

        Returns
        -------
        ForecastParams
            ``self``, for chaining.
        """
        if self.end_year < self.base_year:
            raise InputError(
                f"Parameter end_year = {self.end_year} lies before base_year = {self.base_year}."
            )
        if self.birth_variant not in VARIANTS:
            raise InputError(
                f"Parameter birth_variant = {self.birth_variant!r} is not one of low, mid, high."
            )
        for name in (
            "infant_survival",
            "survival",
            "kinderopvang_use",
            "kleuter_participation",
            "lager_participation",
            "secundair_participation",
            "bso_use",
            "jeugd_participation",
            "age2_kleuter_share",
        ):
            _check_share(name, getattr(self, name))
        for year, births in self.births_series.items():
            if not _is_number(births) or births < 0:
                raise InputError(
                    f"Parameter births_series[{year}] = {births!r} must be a number of "
                    "births of at least 0."
                )
        for area in AREA_CLASSES:
            if area not in self.migration:
                raise InputError(f"Parameter migration lacks the area class {area!r}.")
        for area, bands in self.migration.items():
            if area not in AREA_CLASSES:
                raise InputError(
                    f"Parameter migration has an unknown area class {area!r} "
                    f"(expected {', '.join(AREA_CLASSES)})."
                )
            _check_bands(f"migration.{area}", bands, low=-1.0, high=1.0)
        for dwelling_type, bands in self.children_per_dwelling.items():
            _check_bands(f"children_per_dwelling.{dwelling_type}", bands, low=0.0, high=10.0)
        for level, share in self.inflow_share.items():
            if level not in BASE_LEVELS:
                raise InputError(f"Parameter inflow_share has an unknown level {level!r}.")
            _check_share(f"inflow_share.{level}", share, high_open=True)
        if not _is_number(self.walking_radius_m) or self.walking_radius_m <= 0:
            raise InputError(
                f"Parameter walking_radius_m = {self.walking_radius_m!r} must be positive."
            )
        if not _is_number(self.detour_factor) or self.detour_factor < 1:
            raise InputError(f"Parameter detour_factor = {self.detour_factor!r} must be >= 1.")
        return self

    # -------------------------------------------------------------- conversion
    def to_dict(self) -> dict[str, Any]:
        """Plain nested dict (TOML-ready: string keys, no ``None``)."""
        data = dataclasses.asdict(self)
        data["births_series"] = {str(k): float(v) for k, v in self.births_series.items()}
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any], source: str = "parameters") -> ForecastParams:
        """Build from a (partial) nested dict; missing fields keep their defaults.

        Parameters
        ----------
        data : dict
            Field values; nested dicts (migration, rates per level) are merged into
            the defaults so a file may give only what it changes.
        source : str
            Name used in error messages (e.g. the file name).

        Raises
        ------
        InputError
            For an unknown field, a value of the wrong type, or a value out of range.
        """
        known = {f.name: f for f in dataclasses.fields(cls)}
        params = cls()
        for key, value in data.items():
            if key not in known:
                raise InputError(f"{source}: unknown parameter {key!r}.")
            default = getattr(params, key)
            if key == "births_series":
                value = _parse_births_series(value, source)
            elif isinstance(default, dict):
                if not isinstance(value, dict):
                    raise InputError(f"{source}: parameter {key!r} must be a table.")
                value = _merge(default, value, f"{source}: parameter {key}")
            elif isinstance(default, bool) != isinstance(value, bool) or not isinstance(
                value, type(default)
            ):
                if isinstance(default, float) and _is_number(value):
                    value = float(value)
                else:
                    raise InputError(
                        f"{source}: parameter {key!r} = {value!r} must be a "
                        f"{type(default).__name__}."
                    )
            setattr(params, key, value)
        return params.validate()

    @classmethod
    def describe(cls) -> list[dict[str, str]]:
        """Unit and source of every parameter (for provenance tables and exports)."""
        defaults = cls()
        return [
            {
                "parameter": f.name,
                "default": str(getattr(defaults, f.name)),
                "unit": f.metadata.get("unit", ""),
                "source": f.metadata.get("source", ""),
            }
            for f in dataclasses.fields(cls)
        ]


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and value == value


def _check_share(name: str, value: Any, high_open: bool = False) -> None:
    upper_ok = value < 1 if high_open else value <= 1
    if not _is_number(value) or value < 0 or not upper_ok:
        bound = "[0, 1)" if high_open else "[0, 1]"
        raise InputError(f"Parameter {name} = {value!r} must be a share in {bound}.")


def _check_bands(name: str, bands: dict[str, float], low: float, high: float) -> None:
    for band, value in bands.items():
        if band not in AGE_BANDS:
            raise InputError(
                f"Parameter {name} has an unknown age band {band!r} "
                f"(expected {', '.join(AGE_BANDS)})."
            )
        if not _is_number(value) or not low <= value <= high:
            raise InputError(
                f"Parameter {name}.{band} = {value!r} must lie between {low} and {high}."
            )


def _merge(default: dict, given: dict, where: str) -> dict:
    merged = {k: (dict(v) if isinstance(v, dict) else v) for k, v in default.items()}
    for key, value in given.items():
        if isinstance(value, dict):
            base = merged.get(key, {})
            if not isinstance(base, dict):
                raise InputError(f"{where}.{key} must be a number, not a table.")
            merged[key] = _merge(base, value, f"{where}.{key}")
        else:
            if not _is_number(value):
                raise InputError(f"{where}.{key} = {value!r} must be a number.")
            merged[key] = float(value)
    return merged


def _parse_births_series(value: Any, source: str) -> dict[int, float]:
    if not isinstance(value, dict):
        raise InputError(f"{source}: parameter 'births_series' must be a table of year = births.")
    series: dict[int, float] = {}
    for year, births in value.items():
        try:
            year_int = int(year)
        except (TypeError, ValueError):
            raise InputError(
                f"{source}: births_series has a key {year!r} that is not a year."
            ) from None
        if not _is_number(births):
            raise InputError(f"{source}: births_series[{year}] = {births!r} is not a number.")
        series[year_int] = float(births)
    return series
