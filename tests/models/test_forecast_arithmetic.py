"""Arithmetic of the cohort-component projection, on small constructed inputs."""

import numpy as np
import pandas as pd
import pytest

from capacityplanner.errors import InputError
from capacityplanner.models.balance import balance_by_wijk, city_balance
from capacityplanner.models.capacity import capacity_records
from capacityplanner.models.forecast import ProjectionInputs, project
from capacityplanner.models.forecast_inputs import build_inputs
from capacityplanner.models.params import ForecastParams

NO_MIGRATION = {
    "centrum": {"0-5": 0.0, "6-11": 0.0, "12-17": 0.0, "18-24": 0.0},
    "rand": {"0-5": 0.0, "6-11": 0.0, "12-17": 0.0, "18-24": 0.0},
}


def closed_params(**changes) -> ForecastParams:
    params = ForecastParams(
        survival=1.0,
        infant_survival=1.0,
        migration=NO_MIGRATION,
        end_year=2030,
        hold_young_adults=False,
    )
    for key, value in changes.items():
        setattr(params, key, value)
    return params.validate()


def toy_inputs(n_years: int = 7, births: float = 100.0) -> ProjectionInputs:
    rng = np.random.default_rng(1)
    base = rng.uniform(50, 150, size=(2, 25))
    return ProjectionInputs(
        area_ids=np.array(["A", "B"]),
        area_wijknr=np.array([1, 2]),
        area_class=np.array([0, 1]),
        base_population=base,
        births=np.full((3, 2, n_years), births),
    )


def test_cohort_ages_exactly_one_year_per_year_without_deaths_or_migration():
    inputs = toy_inputs()
    forecast = project(inputs, closed_params())
    pop = forecast.population[1]
    for t in range(1, 7):
        np.testing.assert_allclose(pop[:, t:, t], inputs.base_population[:, : 25 - t])
    # births of year Y are age 0 on 1 January Y+1
    np.testing.assert_allclose(pop[:, 0, 1:], 100.0)


def test_survival_and_migration_shrink_a_cohort_geometrically():
    params = closed_params(survival=0.99)
    params.migration = {
        "centrum": {"0-5": -0.1, "6-11": -0.1, "12-17": -0.1, "18-24": -0.1},
        "rand": dict(NO_MIGRATION["rand"]),
    }
    inputs = toy_inputs()
    pop = project(inputs, params).population[1]
    # area A is centrum: a cohort aged 3 in the base year, two years later
    expected = inputs.base_population[0, 3] * (0.99 * 0.9) ** 2
    assert pop[0, 5, 2] == pytest.approx(expected)
    assert pop[1, 5, 2] == pytest.approx(inputs.base_population[1, 3] * 0.99**2)


def test_housing_project_adds_exactly_its_children_and_they_age():
    params = closed_params()
    params.children_per_dwelling = {
        "appartement": {"0-5": 0.6, "6-11": 0.0, "12-17": 0.0, "18-24": 0.0}
    }
    inputs = toy_inputs()
    without = project(inputs, params).population[1]
    inputs.housing = pd.DataFrame(
        {"area_index": [1], "dwelling_type": ["appartement"], "year": [2026], "dwellings": [100]}
    )
    forecast = project(inputs, params)
    extra = forecast.population[1] - without
    # completed in 2026 -> residents on 1 January 2027 (index 3): 0.6 * 100 over ages 0-5
    np.testing.assert_allclose(extra[1, 0:6, 3], 10.0)
    assert extra[1, :, 3].sum() == pytest.approx(60.0)
    assert extra[0].sum() == 0.0
    assert extra[1, :, :3].sum() == 0.0
    # a year later the same children are one year older
    np.testing.assert_allclose(extra[1, 1:7, 4], 10.0)
    np.testing.assert_allclose(forecast.housing_population[1, :, 3:5], extra[1, :, 3:5])


def _tables():
    rows = []
    for code, wijk in (("S1", 1), ("S2", 1), ("S3", 2)):
        for age in range(25):
            rows.append({"sector_code": code, "wijknr": wijk, "age": age, "population": 10.0})
    bevolking = pd.DataFrame(rows)
    births = pd.DataFrame(
        [
            {"wijknr": w, "year": y, "variant": v, "births": b}
            for w in (1, 2)
            for y in range(2024, 2031)
            for v, b in (("low", 18.0), ("mid", 20.0), ("high", 22.0))
        ]
    )
    return bevolking, births


def test_sector_and_wijk_level_agree_and_births_split_by_age0_share():
    bevolking, births = _tables()
    params = closed_params()
    stadsdeel = {1: "Binnenstad", 2: "Oost"}
    sector = project(build_inputs(bevolking, births, stadsdeel, params, level="sector"), params)
    wijk = project(build_inputs(bevolking, births, stadsdeel, params, level="wijk"), params)
    summed = np.zeros_like(wijk.population)
    np.add.at(summed, (slice(None), np.searchsorted([1, 2], sector.area_wijknr)), sector.population)
    np.testing.assert_allclose(summed, wijk.population)
    # wijk 1 has two sectors with equal age-0 counts: each gets half of its 20 births
    assert sector.population[1, 0, 0, 1] == pytest.approx(10.0)


def test_user_births_series_replaces_variant_births():
    bevolking, births = _tables()
    params = closed_params(births_series={2025: 400.0})
    forecast = project(build_inputs(bevolking, births, {1: "Oost", 2: "Oost"}, params), params)
    assert forecast.population[1, :, 0, 2].sum() == pytest.approx(400.0)
    # low/high keep their ratio to mid
    assert forecast.population[0, :, 0, 2].sum() == pytest.approx(400.0 * 0.9)


def test_coverage_is_places_over_children_0_2_and_city_shortfall_is_totals():
    bevolking, births = _tables()
    params = closed_params()
    forecast = project(build_inputs(bevolking, births, {1: "Oost", 2: "Oost"}, params), params)
    sites = {
        "kinderopvang": pd.DataFrame(
            {
                "site_id": ["K1", "K2"],
                "wijknr": [1, 2],
                "places": [30, 5],
                "income_related_places": [27, 5],
                "opened": [2000, 2000],
            }
        ),
        "scholen_basis": pd.DataFrame(
            {
                "site_id": ["B1"],
                "wijknr": [1],
                "capacity_kleuter": [100],
                "capacity_lager": [200],
                "opened": [2000],
            }
        ),
    }
    records = capacity_records(sites, None)
    table = balance_by_wijk(forecast, records, 2024, np.array([1, 2]))
    kin = table[table["level"] == "kinderopvang"].set_index("wijknr")
    # 1 Jan 2025: ages 0 (births 2024), 1 and 2 (base ages 0 and 1) -> 20 births + 2 x 20 in wijk 1
    assert kin.loc[1, "children_0_2"] == pytest.approx(20 + 20 + 20)
    assert kin.loc[1, "coverage"] == pytest.approx(30 / 60)
    assert kin.loc[1, "income_related_share"] == pytest.approx(0.9)
    city = city_balance(table).set_index("level")
    basis = table[table["level"] == "basis"]
    assert city.loc["basis", "demand"] == pytest.approx(basis["demand"].sum())
    assert city.loc["basis", "shortfall"] == pytest.approx(max(basis["demand"].sum() - 300.0, 0.0))
    # the citywide shortfall nets surpluses against shortfalls
    assert city.loc["basis", "shortfall"] <= basis["shortfall"].sum()


def test_capacity_counts_from_the_school_year_it_opens():
    bevolking, births = _tables()
    params = closed_params()
    forecast = project(build_inputs(bevolking, births, {1: "Oost", 2: "Oost"}, params), params)
    sites = {
        "scholen_secundair": pd.DataFrame(
            {
                "site_id": ["S1", "S2"],
                "wijknr": [1, 2],
                "capacity_secundair": [100, 50],
                "opened": [2000, 2026],
            }
        )
    }
    changes = pd.DataFrame(
        {"site_id": ["S1"], "level": ["secundair"], "places": [20], "school_year": [2025]}
    )
    records = capacity_records(sites, changes)

    def capacity(year, as_of=None):
        table = balance_by_wijk(forecast, records, year, np.array([1, 2]), as_of)
        return table[table["level"] == "secundair"]["capacity"].sum()

    assert capacity(2024) == 100
    assert capacity(2025) == 120
    assert capacity(2026) == 170
    assert capacity(2026, as_of=2024) == 100


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"survival": 1.2}, "survival"),
        ({"bso_use": -0.1}, "bso_use"),
        ({"births_series": {2025: -5.0}}, "births_series[2025]"),
        ({"end_year": 2010}, "end_year"),
    ],
)
def test_bad_parameters_name_the_field_and_value(changes, field):
    params = ForecastParams()
    for key, value in changes.items():
        setattr(params, key, value)
    with pytest.raises(InputError, match=field.replace("[", r"\[").replace("]", r"\]")):
        params.validate()


def test_negative_births_and_missing_ages_are_refused():
    bevolking, births = _tables()
    params = closed_params()
    bad_births = births.copy()
    bad_births.loc[3, "births"] = -1.0
    with pytest.raises(InputError, match="negative"):
        build_inputs(bevolking, bad_births, {1: "Oost", 2: "Oost"}, params)
    no_age_7 = bevolking[bevolking["age"] != 7]
    with pytest.raises(InputError, match="age 7"):
        build_inputs(no_age_7, births, {1: "Oost", 2: "Oost"}, params)
    with pytest.raises(InputError, match="unknown wijk 2"):
        build_inputs(bevolking, births, {1: "Oost"}, params)


def test_year_outside_forecast_is_refused():
    bevolking, births = _tables()
    params = closed_params()
    forecast = project(build_inputs(bevolking, births, {1: "Oost", 2: "Oost"}, params), params)
    with pytest.raises(InputError, match="2019"):
        forecast.year_index(2019)


def test_young_adults_keep_their_base_numbers_in_a_student_city():
    inputs = toy_inputs()
    params = closed_params(hold_young_adults=True)
    pop = project(inputs, params).population[1]
    np.testing.assert_allclose(pop[:, 18:, 5], inputs.base_population[:, 18:])
    # children still age
    np.testing.assert_allclose(pop[:, 5:18, 5], inputs.base_population[:, 0:13])
