"""Cohort-component projection by area and single year of age.

The projection works on any set of areas (statistical sectors or wijken):

``pop[v, area, age, t]`` is the population of variant ``v`` on 1 January of
year ``base_year + t``. One step of the recursion, vectorised over variants,
areas and ages (the only Python loop is over years, which is sequential by
nature)::

    pop[:, :, a + 1, t + 1] = pop[:, :, a, t] * survival * (1 + migration[area, a])
                              + housing[area, a + 1, t + 1]
    pop[:, :, 0, t + 1]     = births[:, area, t] * infant_survival + housing[area, 0, t + 1]

Births of calendar year ``Y`` are age 0 on 1 January ``Y + 1``; dwellings
completed in calendar year ``Y`` add their residents to the population of
1 January ``Y + 1`` (from there on they age with their cohort).

With ``hold_young_adults`` (default), ages 18-24 keep the base year's numbers
per area plus what housing projects add: in a student city arrivals replace
leavers, which a rate on the small cohorts of 17-year-olds cannot express.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from capacityplanner.errors import InputError
from capacityplanner.models.levels import BASE_LEVELS, N_AGES, age_weights
from capacityplanner.models.params import AGE_BANDS, AREA_CLASSES, VARIANTS, ForecastParams


@dataclass
class ProjectionInputs:
    """Arrays the projection runs on, for one set of areas.

    Attributes
    ----------
    area_ids : numpy.ndarray
        Area keys (sector codes or wijk numbers), length ``n``.
    area_wijknr : numpy.ndarray
        The wijk of each area (for wijken: the area itself), length ``n``.
    area_class : numpy.ndarray
        Index into :data:`~capacityplanner.models.params.AREA_CLASSES` per area.
    base_population : numpy.ndarray
        ``(n, 25)``: population by single year of age on 1 January of the base year.
    births : numpy.ndarray
        ``(3, n, n_years)``: births per variant (low, mid, high) and area in calendar
        years ``base_year .. base_year + n_years - 1``.
    housing : pandas.DataFrame
        Dwellings completed: columns ``area_index``, ``dwelling_type``, ``year``,
        ``dwellings``.
    """

    area_ids: np.ndarray
    area_wijknr: np.ndarray
    area_class: np.ndarray
    base_population: np.ndarray
    births: np.ndarray
    housing: pd.DataFrame = field(
        default_factory=lambda: pd.DataFrame(
            {"area_index": [], "dwelling_type": [], "year": [], "dwellings": []}
        )
    )

    @property
    def n_areas(self) -> int:
        """Number of areas."""
        return len(self.area_ids)


@dataclass
class Forecast:
    """Projected population and resident demand per level.

    Attributes
    ----------
    area_ids, area_wijknr : numpy.ndarray
        As in :class:`ProjectionInputs`.
    years : numpy.ndarray
        Calendar years of the population axis (1 January), ``base_year .. end_year + 1``.
    population : numpy.ndarray
        ``(3, n, 25, n_years)`` by variant, area, age and year.
    params : ForecastParams
        The parameters that produced it.
    housing_population : numpy.ndarray
        ``(n, 25, n_years)``: the part of the population that housing projects added
        (including their ageing), for "what does this project add" questions.
    """

    area_ids: np.ndarray
    area_wijknr: np.ndarray
    years: np.ndarray
    population: np.ndarray
    params: ForecastParams
    housing_population: np.ndarray

    @property
    def school_years(self) -> np.ndarray:
        """School years the forecast covers (each uses the next 1 January)."""
        return self.years[:-1]

    def year_index(self, school_year: int) -> int:
        """Index on the population axis of the 1 January that ``school_year`` uses."""
        first, last = int(self.school_years[0]), int(self.school_years[-1])
        if not first <= school_year <= last:
            raise InputError(
                f"School year {school_year} lies outside the forecast, which covers "
                f"school years {first}-{last} (base year {self.params.base_year})."
            )
        return school_year + 1 - int(self.years[0])

    def variant_index(self, variant: str | None = None) -> int:
        """Index of ``variant`` (default: the parameters' birth variant)."""
        variant = variant or self.params.birth_variant
        if variant not in VARIANTS:
            raise InputError(f"Variant {variant!r} is not one of low, mid, high.")
        return VARIANTS.index(variant)

    def resident_demand(self, variant: str | None = None) -> np.ndarray:
        """Demand of the residents per area, base level and school year.

        Returns
        -------
        numpy.ndarray
            ``(n, len(BASE_LEVELS), n_school_years)``; level order as
            :data:`~capacityplanner.models.levels.BASE_LEVELS`.
        """
        weights = level_weight_matrix(self.params)  # (levels, ages)
        pop = self.population[self.variant_index(variant)][:, :, 1:]  # 1 Jan Y+1
        return np.einsum("nat,la->nlt", pop, weights)

    def population_frame(self, variant: str | None = None) -> pd.DataFrame:
        """Long table ``area, wijknr, age, year, population`` for one variant."""
        pop = self.population[self.variant_index(variant)]
        n, ages, years = pop.shape
        return pd.DataFrame(
            {
                "area": np.repeat(self.area_ids, ages * years),
                "wijknr": np.repeat(self.area_wijknr, ages * years),
                "age": np.tile(np.repeat(np.arange(ages), years), n),
                "year": np.tile(self.years, n * ages),
                "population": pop.reshape(-1),
            }
        )


#: Ages held at the base year's numbers when ``hold_young_adults`` is set.
YOUNG_ADULTS = slice(18, N_AGES)


def level_weight_matrix(params: ForecastParams) -> np.ndarray:
    """Weights ``(levels, ages)`` turning population into resident demand per base level."""
    weights = age_weights(params.age2_kleuter_share)
    rates = {
        "kinderopvang": params.kinderopvang_use,
        "kleuter": params.kleuter_participation,
        "lager": params.lager_participation,
        "secundair": params.secundair_participation,
        "bso": params.bso_use,
        "jeugd": params.jeugd_participation,
    }
    return np.vstack([weights[level] * rates[level] for level in BASE_LEVELS])


def band_matrix(values: dict[str, float]) -> np.ndarray:
    """Spread per-band values over single ages: rates repeat, no division."""
    out = np.zeros(N_AGES)
    for band, (low, high) in AGE_BANDS.items():
        out[low : high + 1] = values.get(band, 0.0)
    return out


def housing_additions(
    housing: pd.DataFrame, params: ForecastParams, n_areas: int, n_years: int
) -> np.ndarray:
    """Residents aged 0-24 that completed dwellings add, by area, age and year.

    Parameters
    ----------
    housing : pandas.DataFrame
        Columns ``area_index``, ``dwelling_type``, ``year`` (calendar year of
        completion) and ``dwellings``.
    params : ForecastParams
        Gives ``children_per_dwelling`` per dwelling type and age band; a band's
        value is the number of residents of that band per dwelling, spread evenly
        over its single years of age.
    n_areas, n_years : int
        Shape of the result (years on the population axis).

    Returns
    -------
    numpy.ndarray
        ``(n_areas, 25, n_years)``: additions to the population of 1 January.
    """
    out = np.zeros((n_areas, N_AGES, n_years))
    if housing is None or len(housing) == 0:
        return out
    types = sorted(params.children_per_dwelling)
    unknown = sorted(set(housing["dwelling_type"]) - set(types))
    if unknown:
        raise InputError(
            f"Housing project dwelling type {unknown[0]!r} has no children per dwelling "
            f"in the parameters (known: {', '.join(types)})."
        )
    per_age = np.vstack(
        [
            band_matrix(params.children_per_dwelling[t])
            / np.array([AGE_BANDS[b][1] - AGE_BANDS[b][0] + 1 for b in _band_of_age()])
            for t in types
        ]
    )  # (types, ages)
    type_index = housing["dwelling_type"].map({t: i for i, t in enumerate(types)}).to_numpy()
    t_index = housing["year"].to_numpy(dtype=int) + 1 - params.base_year
    keep = (t_index >= 1) & (t_index < n_years)
    area = housing["area_index"].to_numpy(dtype=int)[keep]
    dwellings = housing["dwellings"].to_numpy(dtype=float)[keep]
    residents = dwellings[:, None] * per_age[type_index[keep]]  # (rows, ages)
    np.add.at(out, (area[:, None], np.arange(N_AGES)[None, :], t_index[keep][:, None]), residents)
    return out


def _band_of_age() -> list[str]:
    names = []
    for age in range(N_AGES):
        names.append(next(b for b, (lo, hi) in AGE_BANDS.items() if lo <= age <= hi))
    return names


def project(inputs: ProjectionInputs, params: ForecastParams) -> Forecast:
    """Run the cohort-component projection for all three birth variants.

    Parameters
    ----------
    inputs : ProjectionInputs
        Base population, births and housing projects per area.
    params : ForecastParams
        Survival, migration, children per dwelling and the horizon.

    Returns
    -------
    Forecast
        Population from 1 January of the base year to 1 January ``end_year + 1``,
        so every school year from the base year to ``end_year`` has its population.
    """
    params.validate()
    n = inputs.n_areas
    n_years = params.end_year - params.base_year + 2
    births = inputs.births
    if births.shape[0] != len(VARIANTS) or births.shape[1] != n:
        raise InputError("Births must be given for the low, mid and high variant of every area.")
    if births.shape[2] < n_years - 1:
        last = params.base_year + births.shape[2] - 1
        raise InputError(
            f"Births run until {last}, but the forecast to {params.end_year} needs births "
            f"until {params.end_year}."
        )
    if np.any(births < 0) or np.any(~np.isfinite(births)):
        raise InputError("Births contain a negative or missing value.")
    if inputs.base_population.shape != (n, N_AGES):
        raise InputError("The base population must hold every age 0-24 for every area.")
    if np.any(inputs.base_population < 0) or np.any(~np.isfinite(inputs.base_population)):
        raise InputError("The base population contains a negative or missing count.")

    migration = np.vstack([band_matrix(params.migration[c]) for c in AREA_CLASSES])
    growth = params.survival * (1.0 + migration[inputs.area_class])  # (n, ages)
    housing = housing_additions(inputs.housing, params, n, n_years)

    pop = np.empty((len(VARIANTS), n, N_AGES, n_years))
    pop[:, :, :, 0] = inputs.base_population[None]
    from_housing = np.zeros((n, N_AGES, n_years))
    for t in range(n_years - 1):
        pop[:, :, 1:, t + 1] = (
            pop[:, :, :-1, t] * growth[None, :, :-1] + housing[None, :, 1:, t + 1]
        )
        pop[:, :, 0, t + 1] = births[:, :, t] * params.infant_survival + housing[None, :, 0, t + 1]
        from_housing[:, 1:, t + 1] = from_housing[:, :-1, t] * growth[:, :-1]
        from_housing[:, :, t + 1] += housing[:, :, t + 1]
        if params.hold_young_adults:
            pop[:, :, YOUNG_ADULTS, t + 1] = (
                inputs.base_population[None, :, YOUNG_ADULTS]
                + from_housing[None, :, YOUNG_ADULTS, t + 1]
            )
    years = np.arange(params.base_year, params.base_year + n_years)
    return Forecast(
        area_ids=inputs.area_ids,
        area_wijknr=inputs.area_wijknr,
        years=years,
        population=pop,
        params=params,
        housing_population=from_housing,
    )
