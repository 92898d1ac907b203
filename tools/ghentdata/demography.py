"""Estimated population by sector and age, births, and the deprivation index."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd

from . import profiles as P
from .util import largest_remainder

BASE_YEAR = 2024
AGES = np.arange(25)


def deprivation(sectoren: gpd.GeoDataFrame, rng: np.random.Generator) -> pd.DataFrame:
    """Illustrative deprivation indicators and index per sector (0-1).

    A latent level per sector is the wijk's assumed level plus noise; each
    indicator is a linear function of it plus its own noise; the index is the
    mean of the four indicators, each min-max scaled over the sectors, scaled
    to 0-1 again.
    """
    n = len(sectoren)
    base = sectoren["wijknr"].map(P.DEPRIVATION_BASE).to_numpy(float)
    z = np.clip(base + rng.normal(0, 0.10, n), 0, 1)
    ind = pd.DataFrame(
        {
            "youth_unemployment_18_24": np.clip(
                0.06 + 0.26 * z + rng.normal(0, 0.02, n), 0.02, 0.6
            ),
            "low_education_share": np.clip(0.12 + 0.38 * z + rng.normal(0, 0.03, n), 0.03, 0.8),
            "social_assistance_share": np.clip(
                0.005 + 0.09 * z + rng.normal(0, 0.008, n), 0.0, 0.3
            ),
            "vacancy_share": np.clip(0.015 + 0.06 * z + rng.normal(0, 0.01, n), 0.0, 0.3),
        }
    ).round(3)
    scaled = (ind - ind.min()) / (ind.max() - ind.min())
    idx = scaled.mean(axis=1)
    ind["deprivation_index"] = ((idx - idx.min()) / (idx.max() - idx.min())).round(3)
    return ind


def citywide_age_totals() -> np.ndarray:
    """Population of Ghent by single year of age 0-24 on 1 Jan 2024 (assumed)."""
    out = np.zeros(25)
    for a in range(18):
        born = BASE_YEAR - 1 - a
        births = P.BIRTHS_OBSERVED.get(born, P.BIRTHS_BEFORE_2010)
        out[a] = births * P.retention(a)
    for a, v in P.YOUNG_ADULTS.items():
        out[a] = v
    return out


def birth_shares(wijken: gpd.GeoDataFrame, rng: np.random.Generator) -> pd.DataFrame:
    """Each wijk's share of the city's births, per year 2010-2050.

    Proportional to population x child factor, with a small trend per wijk
    (+0.6 %/year in the belt, -0.2 %/year elsewhere, stopping after 2023) and,
    for the observed years, 3 % noise.
    """
    w = wijken["population_2024"].to_numpy(float) * wijken["wijknr"].map(P.CHILD_FACTOR).to_numpy()
    belt = wijken["wijknr"].isin(list(P.BELT)).to_numpy()
    trend = np.where(belt, 0.006, -0.002)
    years = np.arange(2010, 2051)
    t = np.minimum(years, 2023) - 2023
    shares = w[None, :] * (1 + trend[None, :] * t[:, None])
    noise = np.where(years[:, None] <= 2023, rng.normal(1, 0.03, shares.shape), 1.0)
    shares = shares * noise
    shares = shares / shares.sum(axis=1, keepdims=True)
    return pd.DataFrame(shares, index=years, columns=wijken["wijknr"].to_numpy())


def births_table(shares: pd.DataFrame) -> pd.DataFrame:
    """Births per wijk and year: observed 2010-2023, low/mid/high 2024-2050."""
    rows = []
    for year, total in P.BIRTHS_OBSERVED.items():
        per_wijk = largest_remainder(shares.loc[year].to_numpy(), total)
        rows += [
            (int(k), year, "observed", float(v))
            for k, v in zip(shares.columns, per_wijk, strict=True)
        ]
    for variant, (start, g1, turn, g2) in P.BIRTH_VARIANTS.items():
        for year in range(BASE_YEAR, 2051):
            n1 = min(year, turn) - BASE_YEAR
            n2 = max(0, year - turn)
            total = start * (1 + g1) ** n1 * (1 + g2) ** n2
            vals = np.round(shares.loc[year].to_numpy() * total, 1)
            rows += [
                (int(k), year, variant, float(v)) for k, v in zip(shares.columns, vals, strict=True)
            ]
    out = pd.DataFrame(rows, columns=["wijknr", "year", "variant", "births"])
    order = {"observed": 0, "low": 1, "mid": 2, "high": 3}
    out["_v"] = out["variant"].map(order)
    out = out.sort_values(["wijknr", "_v", "year"]).drop(columns="_v").reset_index(drop=True)
    return out


def population(
    wijken: gpd.GeoDataFrame, sectoren: gpd.GeoDataFrame, shares: pd.DataFrame
) -> tuple[np.ndarray, pd.DataFrame]:
    """Sector totals (int) and the ``bevolking`` table (ages 0-24, float).

    A wijk's total is spread over its sectors in proportion to residential
    street length (integers, largest remainder); the ages follow the sector
    totals, so a sector without inhabitants has no children. Ages 0-13 follow the wijk's share of the births of their
    birth year; ages 14-17 population x child factor; ages 18-24 population x
    student factor. Within a wijk, children lean towards the more deprived
    sectors (weight street length x (1 + 0.6 x (index - wijk mean))).
    """
    totals = citywide_age_totals()
    wnr = wijken["wijknr"].to_numpy()
    pop_w = wijken["population_2024"].to_numpy(float)
    child = wijken["wijknr"].map(P.CHILD_FACTOR).to_numpy()
    stud = wijken["wijknr"].map(P.STUDENT_FACTOR).to_numpy()
    wijk_age = np.zeros((len(wnr), 25))
    for a in range(25):
        if a <= 13:
            s = shares.loc[BASE_YEAR - 1 - a].to_numpy()
        elif a <= 17:
            s = pop_w * child**0.6
            s = s / s.sum()
        else:
            s = pop_w * stud
            s = s / s.sum()
        wijk_age[:, a] = totals[a] * s

    street = sectoren["residential_street_m"].to_numpy(float)
    sec_w = sectoren["wijknr"].to_numpy()
    dep = sectoren["deprivation_index"].to_numpy(float)
    sector_pop = np.zeros(len(sectoren), dtype=np.int64)
    rows = []
    for i, k in enumerate(wnr):
        m = np.flatnonzero(sec_w == k)
        sector_pop[m] = largest_remainder(street[m], int(pop_w[i]))
        sp = sector_pop[m].astype(float)
        share_all = sp / sp.sum()
        lean = np.clip(1 + 0.6 * (dep[m] - np.average(dep[m], weights=sp)), 0.2, None)
        share_child = sp * lean / (sp * lean).sum()
        for a in range(25):
            share = share_child if a <= 17 else share_all
            vals = wijk_age[i, a] * share
            for j, v in zip(m, vals, strict=True):
                rows.append((j, int(k), a, float(v)))
    bev = pd.DataFrame(rows, columns=["_row", "wijknr", "age", "population"])
    bev["sector_code"] = sectoren["sector_code"].to_numpy()[bev["_row"]]
    bev["population"] = bev["population"].round(3)
    bev = bev.sort_values(["sector_code", "age"]).reset_index(drop=True)
    return sector_pop, bev[["sector_code", "wijknr", "age", "population"]]
