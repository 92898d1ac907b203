"""Illustrative basis and secundair schools and their capacity changes."""

from __future__ import annotations

import numpy as np
import pandas as pd

from . import profiles as P
from .placement import Picker, site_frame
from .util import largest_remainder

BASIS_NAMES = {
    "vrij": "Vrije Basisschool",
    "stedelijk": "Stedelijke Basisschool",
    "GO!": "GO! Basisschool",
}
SECUNDAIR_NAMES = {"vrij": "Vrij Instituut", "stedelijk": "Stedelijk Lyceum", "GO!": "GO! Atheneum"}
NETWORKS = np.array(["vrij", "stedelijk", "GO!"])
#: Network shares assumed for existing schools (basis, secundair).
BASIS_NETWORK_P = [0.50, 0.30, 0.20]
SECUNDAIR_NETWORK_P = [0.55, 0.20, 0.25]
#: Existing basis schools renamed after the named city schools (location unknown offline).
NAMED_BASIS = {
    "Bert Carlier": {"wijknr": 13, "level": "kleuter", "places": 34, "year": 2025},
    "'t Groen Drieske": {"wijknr": 9, "level": "lager", "places": 120, "year": 2026},
}
#: New city basis schools (600 places together); capacity comes from capaciteitswijzigingen.
NEW_BASIS = [
    {"name": "Stedelijke Basisschool Koningin Fabiolalaan", "wijknr": 22,
     "street": "Koningin Fabiolalaan", "opened": 2025, "kleuter": 80, "lager": 120},
    {"name": "Stedelijke Basisschool Brugse Poort", "wijknr": 4,
     "street": None, "opened": 2026, "kleuter": 80, "lager": 120},
    {"name": "Stedelijke Basisschool De Tondelier", "wijknr": 7,
     "street": "Tondelierlaan", "opened": 2027, "kleuter": 80, "lager": 120},
]  # fmt: skip
SCHOOL_SIZE_BASIS = 370
SCHOOL_SIZE_SECUNDAIR = 950


#: Seed of the bso places, apart from the school layer's own draws.
BSO_SEED = 2502
#: bso places of a new basis school, as a share of its school places.
BSO_SHARE_NEW = 0.3


def _inst(prefix: str, i: int) -> str:
    return f"ILL-{prefix}{i:04d}"


def basis(
    demand: pd.DataFrame, total: int, picker: Picker, rng: np.random.Generator
) -> tuple[pd.DataFrame, list[dict]]:
    """Basis schools with capacity as of 2018 summing exactly to ``total``.

    Returns the site table (with x/y) and the capacity-change rows.
    """
    wnr = demand.index.to_numpy()
    weights = demand["basis"].to_numpy() * np.array([P.BASIS_SUPPLY_FACTOR[k] for k in wnr])
    cap_w = largest_remainder(weights, total)
    frames = []
    streets: set[str] = set()
    for k, cap in zip(wnr, cap_w, strict=True):
        n = max(1, int(round(cap / SCHOOL_SIZE_BASIS)))
        picked = picker.pick(int(k), n, min_dist=350, classes=(4, 5, 6, 7), used_streets=streets)
        sizes = largest_remainder(rng.uniform(0.65, 1.35, n), int(cap))
        f = site_frame(picked, "BAS", 1, [""] * n)
        f["size"] = sizes
        frames.append(f)
    sites = pd.concat(frames, ignore_index=True)
    n = len(sites)
    sites["network"] = rng.choice(NETWORKS, n, p=BASIS_NETWORK_P)
    kshare = rng.uniform(0.33, 0.42, n)
    sites["capacity_kleuter"] = np.round(sites["size"] * kshare).astype("int64")
    sites["capacity_lager"] = sites["size"] - sites["capacity_kleuter"]
    sites["opened"] = rng.integers(1880, 2016, n)
    sites["cost_per_place"] = np.round(rng.uniform(15000, 28000, n), -2)
    sites["max_extra_places"] = np.where(
        rng.random(n) < 0.25, 0, np.round(rng.uniform(20, 200, n), -1)
    ).astype("int64")
    sites["name"] = [
        f"{BASIS_NAMES[nw]} {st}" for nw, st in zip(sites["network"], sites["street"], strict=True)
    ]
    # named existing city schools: the first school in the chosen wijk
    for name, spec in NAMED_BASIS.items():
        i = sites.index[sites["wijknr"] == spec["wijknr"]][0]
        sites.loc[i, ["name", "network", "location_approximate"]] = [
            f"Stedelijke Basisschool {name}",
            "stedelijk",
            1,
        ]
    # new schools (open after 2018): capacity 0 here, places in capaciteitswijzigingen
    new = []
    for spec in NEW_BASIS:
        streets = [spec["street"]] if spec["street"] else None
        picked = picker.pick(spec["wijknr"], 1, streets=streets, classes=(5, 6, 7), reuse=True)
        f = site_frame(picked, "BAS", 1, [spec["name"]], approximate=0 if spec["street"] else 1)
        f["network"] = "stedelijk"
        f["capacity_kleuter"] = 0
        f["capacity_lager"] = 0
        f["opened"] = spec["opened"]
        f["cost_per_place"] = 22000.0
        f["max_extra_places"] = 100
        new.append(f)
    sites = pd.concat([sites, *new], ignore_index=True)
    sites["site_id"] = [f"BAS-{i + 1:03d}" for i in range(len(sites))]
    sites["instellingsnummer"] = [_inst("B", i + 1) for i in range(len(sites))]

    changes = []
    for spec, site in zip(NEW_BASIS, sites.tail(len(NEW_BASIS)).itertuples(), strict=True):
        for level in ("kleuter", "lager"):
            changes.append(
                _change(
                    site.site_id,
                    "scholen_basis",
                    level,
                    spec[level],
                    spec["opened"],
                    f"Nieuwe school: {spec['name']}",
                    "gepland",
                )
            )
    # out-of-school care (bso) in the school: 22-32% of its places (own generator, so the
    # other fields do not change with it); every new school gets bso (city rule)
    bso_rng = np.random.default_rng(BSO_SEED)
    school_places = sites["capacity_kleuter"] + sites["capacity_lager"]
    sites["capacity_bso"] = np.round(
        school_places * bso_rng.uniform(0.22, 0.32, len(sites))
    ).astype("int64")
    for spec, site in zip(NEW_BASIS, sites.tail(len(NEW_BASIS)).itertuples(), strict=True):
        places = round(BSO_SHARE_NEW * (spec["kleuter"] + spec["lager"]))
        changes.append(
            _change(
                site.site_id,
                "scholen_basis",
                "bso",
                places,
                spec["opened"],
                f"Nieuwe school: {spec['name']} (bso)",
                "gepland",
            )
        )
    for name, spec in NAMED_BASIS.items():
        sid = sites.loc[sites["name"] == f"Stedelijke Basisschool {name}", "site_id"].iloc[0]
        changes.append(
            _change(
                sid,
                "scholen_basis",
                spec["level"],
                spec["places"],
                spec["year"],
                f"Uitbreiding {name}",
                "gepland",
            )
        )
    return sites.drop(columns="size"), changes


def secundair(
    total: int, wijknrs: np.ndarray, picker: Picker, rng: np.random.Generator
) -> tuple[pd.DataFrame, list[dict]]:
    """Secondary schools (centre, main roads) summing exactly to ``total``."""
    weights = np.array([P.SECUNDAIR_WEIGHT[k] for k in wijknrs])
    cap_w = largest_remainder(weights, total)
    frames = []
    streets: set[str] = {"Offerlaan"}
    for k, cap in zip(wijknrs, cap_w, strict=True):
        if cap == 0:
            continue
        n = max(1, int(round(cap / SCHOOL_SIZE_SECUNDAIR)))
        f_parts = []
        if k == 5:  # Campus Offerlaan (stedelijk), one of the existing schools of the wijk
            f_parts.append(picker.pick(5, 1, streets=["Offerlaan"], reuse=True))
        rest = n - len(f_parts)
        if rest:
            f_parts.append(
                picker.pick(
                    int(k),
                    rest,
                    min_dist=500,
                    classes=(2, 3, 4, 5),
                    used_streets=streets,
                    taken=pd.concat(f_parts) if f_parts else None,
                )
            )
        picked = pd.concat(f_parts)
        f = site_frame(picked, "SEC", 1, [""] * n)
        f["capacity_secundair"] = largest_remainder(rng.uniform(0.6, 1.4, n), int(cap))
        frames.append(f)
    sites = pd.concat(frames, ignore_index=True)
    n = len(sites)
    sites["network"] = rng.choice(NETWORKS, n, p=SECUNDAIR_NETWORK_P)
    sites["opened"] = rng.integers(1850, 2012, n)
    sites["cost_per_place"] = np.round(rng.uniform(20000, 35000, n), -2)
    sites["max_extra_places"] = np.where(
        rng.random(n) < 0.2, 0, np.round(rng.uniform(50, 300, n), -1)
    ).astype("int64")
    sites["name"] = [
        f"{SECUNDAIR_NAMES[nw]} {st}"
        for nw, st in zip(sites["network"], sites["street"], strict=True)
    ]
    off = sites.index[sites["street"] == "Offerlaan"][0]
    sites.loc[off, ["name", "network"]] = ["Stedelijke school Campus Offerlaan", "stedelijk"]
    sites["site_id"] = [f"SEC-{i + 1:03d}" for i in range(n)]
    sites["instellingsnummer"] = [_inst("S", i + 1) for i in range(n)]
    changes = [
        _change(
            sites.loc[off, "site_id"],
            "scholen_secundair",
            "secundair",
            220,
            2024,
            "Uitbreiding Campus Offerlaan",
            "gepland",
        )
    ]
    return sites, changes


def realised_expansions(
    basis_sites: pd.DataFrame,
    sec_sites: pd.DataFrame,
    basis_total: int,
    sec_total: int,
    rng: np.random.Generator,
) -> list[dict]:
    """Expansions realised in school years 2019-2021 by schools of all networks.

    Basis expansions favour the belt (three times the chance of other wijken);
    the totals are hit exactly by largest-remainder rounding.
    """
    out = []
    old = basis_sites[basis_sites["opened"] <= 2018]
    p = np.where(old["wijknr"].isin(list(P.BELT)), 3.0, 1.0)
    pick = _pick_all_networks(old, 24, p / p.sum(), rng)
    places = largest_remainder(rng.uniform(0.5, 1.5, len(pick)), basis_total)
    levels = rng.choice(["kleuter", "lager"], len(pick), p=[0.4, 0.6])
    years = rng.choice([2019, 2020, 2021], len(pick))
    for (_, s), v, lv, y in zip(pick.iterrows(), places, levels, years, strict=True):
        out.append(
            _change(
                s["site_id"],
                "scholen_basis",
                lv,
                int(v),
                int(y),
                f"Uitbreiding {s['name']}",
                "gerealiseerd",
            )
        )
    pick = _pick_all_networks(sec_sites, 12, None, rng)
    places = largest_remainder(rng.uniform(0.5, 1.5, len(pick)), sec_total)
    years = rng.choice([2019, 2020, 2021], len(pick))
    for (_, s), v, y in zip(pick.iterrows(), places, years, strict=True):
        out.append(
            _change(
                s["site_id"],
                "scholen_secundair",
                "secundair",
                int(v),
                int(y),
                f"Uitbreiding {s['name']}",
                "gerealiseerd",
            )
        )
    return out


def _pick_all_networks(sites: pd.DataFrame, n: int, p, rng: np.random.Generator) -> pd.DataFrame:
    for _ in range(100):
        idx = rng.choice(len(sites), n, replace=False, p=p)
        pick = sites.iloc[np.sort(idx)]
        if set(pick["network"]) == set(NETWORKS):
            return pick
    raise RuntimeError("could not pick expansions across all networks")


def _change(site_id, layer, level, places, year, project, status) -> dict:
    return {
        "site_id": site_id,
        "layer": layer,
        "level": level,
        "places": int(places),
        "school_year": int(year),
        "project": project,
        "status": status,
        "illustrative": 1,
    }
