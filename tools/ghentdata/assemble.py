"""Run the build steps in order and write the GeoPackage."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pyogrio

from . import demography, notes, plans, schools, services, sources
from .placement import Picker, street_candidates, to_layer

COMMON = ["site_id", "name", "wijknr", "street", "location_approximate", "illustrative"]
COLUMNS = {
    "scholen_basis": [*COMMON, "instellingsnummer", "network", "capacity_kleuter", "capacity_lager",
                      "capacity_bso", "opened", "cost_per_place", "max_extra_places"],
    "scholen_secundair": [*COMMON, "instellingsnummer", "network", "capacity_secundair", "opened",
                          "cost_per_place", "max_extra_places"],
    "kinderopvang": [*COMMON, "places", "income_related_places", "opened"],
    "jeugdinfrastructuur": [*COMMON, "type", "capacity", "opened"],
    "kandidaatsites": [*COMMON, "max_kleuter", "max_lager", "max_secundair", "max_kinderopvang",
                       "max_bso", "max_jeugd", "fixed_cost", "cost_per_place"],
    "woonprojecten": [*COMMON, "project_id", "sector_code", "dwelling_type", "dwellings",
                      "first_year", "last_year"],
}  # fmt: skip


@dataclass(frozen=True)
class Config:
    """Inputs of one build."""

    source: Path
    out: Path
    seed: int
    basis_capacity: int
    secundair_capacity: int
    kinderopvang_places: int
    shortfall_basis: int
    shortfall_secundair: int
    realised_basis: int
    realised_secundair: int


def rng_for(seed: int, step: int) -> np.random.Generator:
    """An independent generator per build step, so steps do not shift each other."""
    return np.random.default_rng([seed, step])


def wijk_demand(wijken: gpd.GeoDataFrame, bevolking: pd.DataFrame) -> pd.DataFrame:
    """Per-wijk age groups of the base year used to size the site layers."""
    by = bevolking.pivot_table(index="wijknr", columns="age", values="population", aggfunc="sum")
    out = pd.DataFrame(index=by.index)
    out["basis"] = 0.5 * by[1] + by.loc[:, 2:10].sum(axis=1)
    out["secundair"] = 2 * by.loc[:, 11:16].sum(axis=1)
    out["kids02"] = by.loc[:, 0:2].sum(axis=1)
    out["kids6_17"] = by.loc[:, 6:17].sum(axis=1)
    out["youth12_24"] = by.loc[:, 12:24].sum(axis=1)
    out["pop"] = wijken.set_index("wijknr")["population_2024"]
    return out.loc[wijken["wijknr"].to_numpy()]


def build(cfg: Config) -> dict[str, object]:
    """Build every layer and table, write ``cfg.out`` and DATA_NOTES.md; return figures."""
    src = cfg.source
    wijken = sources.read_wijken(src)
    sectoren = sources.read_sectoren(src, wijken)
    grens = sources.read_gemeentegrens(src)
    wegen = sources.read_wegen(src)
    parken = sources.read_parken(src)
    speel = sources.read_speelterreinen(src)

    sectoren["residential_street_m"] = sources.residential_street_length(sectoren, wegen)
    dep = demography.deprivation(sectoren, rng_for(cfg.seed, 1))
    sectoren = sectoren.join(dep)
    shares = demography.birth_shares(wijken, rng_for(cfg.seed, 2))
    geboorten = demography.births_table(shares)
    sector_pop, bevolking = demography.population(wijken, sectoren, shares)
    sectoren["population_2024"] = sector_pop
    sectoren = sectoren[
        ["sector_code", "sector_naam", "wijknr", "wijk", "residential_street_m", "population_2024",
         "deprivation_index", "youth_unemployment_18_24", "low_education_share",
         "social_assistance_share", "vacancy_share", "geometry"]
    ]  # fmt: skip
    demand = wijk_demand(wijken, bevolking)

    cand = street_candidates(wegen, wijken, sectoren, parken)
    picker = Picker(cand, rng_for(cfg.seed, 3))
    basis, ch_b = schools.basis(demand, cfg.basis_capacity, picker, rng_for(cfg.seed, 4))
    sec, ch_s = schools.secundair(
        cfg.secundair_capacity, wijken["wijknr"].to_numpy(), picker, rng_for(cfg.seed, 5)
    )
    ch_r = schools.realised_expansions(
        basis, sec, cfg.realised_basis, cfg.realised_secundair, rng_for(cfg.seed, 6)
    )
    ko, ch_k = services.kinderopvang(demand, cfg.kinderopvang_places, picker, rng_for(cfg.seed, 7))
    jgd, ch_j = services.jeugd(demand, picker, rng_for(cfg.seed, 8))
    kan = plans.kandidaatsites(picker, rng_for(cfg.seed, 9))
    won = plans.woonprojecten(picker)

    changes = pd.DataFrame(ch_r + ch_b + ch_s + ch_k + ch_j)
    changes = changes.sort_values(["school_year", "layer", "site_id", "level"], kind="stable")
    changes.insert(0, "change_id", [f"CHG-{i + 1:03d}" for i in range(len(changes))])
    changes = changes.reset_index(drop=True)

    layers: dict[str, gpd.GeoDataFrame] = {
        "wijken": wijken,
        "sectoren": sectoren,
        "gemeentegrens": grens,
        "wegen": wegen,
        "parken": parken,
        "speelterreinen": speel,
        "scholen_basis": to_layer(basis, COLUMNS["scholen_basis"]),
        "scholen_secundair": to_layer(sec, COLUMNS["scholen_secundair"]),
        "kinderopvang": to_layer(ko, COLUMNS["kinderopvang"]),
        "jeugdinfrastructuur": to_layer(jgd, COLUMNS["jeugdinfrastructuur"]),
        "kandidaatsites": to_layer(kan, COLUMNS["kandidaatsites"]),
        "woonprojecten": to_layer(won, COLUMNS["woonprojecten"]),
    }
    tables = {"bevolking": bevolking, "geboorten": geboorten, "capaciteitswijzigingen": changes}
    figures = notes.figures(cfg, layers, tables, demand)
    info = notes.dataset_info(cfg, figures)
    tables["dataset_info"] = info
    write_gpkg(cfg.out, layers, tables, info)
    notes.write_notes(cfg.out.parent / "DATA_NOTES.md", cfg, figures)
    return figures


def write_gpkg(
    out: Path,
    layers: dict[str, gpd.GeoDataFrame],
    tables: dict[str, pd.DataFrame],
    info: pd.DataFrame,
) -> None:
    """Write every layer and table to a fresh GeoPackage (replacing ``out``)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.stem + ".tmp" + out.suffix)
    if tmp.exists():
        tmp.unlink()
    desc = dict(zip(info["key"], info["value"], strict=True))
    # a fixed timestamp in gpkg_contents keeps rebuilt files byte-identical
    pyogrio.set_gdal_config_options({"OGR_CURRENT_DATE": "2024-01-01T00:00:00.000Z"})
    for name, gdf in layers.items():
        pyogrio.write_dataframe(
            gdf,
            tmp,
            layer=name,
            driver="GPKG",
            promote_to_multi=False if name == "wegen" else None,
            layer_options={"DESCRIPTION": desc.get(f"layer_description:{name}", "")},
        )
    for name, df in tables.items():
        pyogrio.write_dataframe(
            df,
            tmp,
            layer=name,
            driver="GPKG",
            layer_options={"DESCRIPTION": desc.get(f"layer_description:{name}", "")},
        )
    tmp.replace(out)
