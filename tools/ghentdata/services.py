"""Illustrative childcare (kinderopvang) and youth-infrastructure sites."""

from __future__ import annotations

import numpy as np
import pandas as pd

from . import profiles as P
from .placement import Picker, site_frame
from .schools import _change
from .util import largest_remainder

#: Share of childcare places that are income-related, citywide.
INCOME_RELATED_SHARE = 0.85
CHILDCARE_SITE_SIZE = 42
#: Named childcare projects: new sites (capacity from capaciteitswijzigingen)
#: or one extra group at an existing site.
NEW_CHILDCARE = [
    {"name": "Kinderopvang Dampoort", "wijknr": 13, "street": None, "places": 42, "year": 2025,
     "project": "Kinderopvang Dampoort/Sint-Amandsberg +42"},
    {"name": "Kinderopvang Stationsbuurt-Noord", "wijknr": 22, "street": None, "places": 28,
     "year": 2025, "project": "Kinderopvang Stationsbuurt-Noord +28"},
    {"name": "Kinderopvang De Tondelier", "wijknr": 7, "street": "Tondelierlaan", "places": 42,
     "year": 2027, "project": "Kinderopvang De Tondelier +42"},
    {"name": "Kinderopvang Baudelopark", "wijknr": 1, "street": "Baudelostraat", "places": 28,
     "year": 2026, "project": "Baudelopark-complex (jeugdhuis, kinderopvang, nachtopvang)"},
]  # fmt: skip
LEDEBERG_GROUP = {
    "wijknr": 18,
    "places": 14,
    "year": 2025,
    "project": "Kinderopvang Ledeberg +1 leefgroep",
}

YOUTH_TYPES = {"jeugdbeweging": 70, "jeugdhuis": 20, "polyvalente zaal": 15}
YOUTH_CAPACITY = {
    "jeugdbeweging": (60, 250),
    "jeugdhuis": (40, 150),
    "polyvalente zaal": (100, 400),
}
YOUTH_NAME = {"jeugdhuis": "Jeugdhuis", "polyvalente zaal": "Zaal"}
MOVEMENTS = np.array(["Chiro", "Scouts", "KSA", "KLJ", "Jeugdwerking"])
NEW_YOUTH = [
    {"name": "Jeugdruimte Campus Offerlaan", "wijknr": 5, "street": "Offerlaan", "type": "jeugdhuis",
     "places": 80, "year": 2024, "approx": 0},
    {"name": "Jeugdhuis Wondelgem (bij het nieuwe zwembad)", "wijknr": 8, "street": None,
     "type": "jeugdhuis", "places": 100, "year": 2026, "approx": 1},
    {"name": "Jeugdgebouw De Porre", "wijknr": 15, "street": "Wijkpark De Porre",
     "type": "polyvalente zaal", "places": 120, "year": 2025, "approx": 0},
    {"name": "Jeugdruimte Dok Zuid", "wijknr": 2, "street": "Dok-Zuid", "type": "jeugdhuis",
     "places": 80, "year": 2023, "approx": 0},
    {"name": "Jeugdhuis Baudelopark", "wijknr": 1, "street": "Baudelostraat", "type": "jeugdhuis",
     "places": 100, "year": 2026, "approx": 0},
    {"name": "Jeugdruimte De Tondelier (Jong vzw)", "wijknr": 7, "street": "Tondelierlaan",
     "type": "jeugdhuis", "places": 60, "year": 2027, "approx": 0},
]  # fmt: skip


def childcare_places_per_wijk(demand: pd.DataFrame, total: int) -> np.ndarray:
    """Places per wijk: fixed low coverage in the belt, the rest scaled to ``total``."""
    kids = demand["kids02"].to_numpy()
    wnr = demand.index.to_numpy()
    belt = np.array([P.CHILDCARE_COVERAGE.get(k, np.nan) for k in wnr])
    other = np.array([P.CHILDCARE_OTHER.get(k, np.nan) for k in wnr])
    belt_places = np.nansum(belt * kids)
    scale = (total - belt_places) / np.nansum(other * kids)
    weights = np.where(np.isnan(belt), other * scale, belt) * kids
    return largest_remainder(weights, total)


def kinderopvang(
    demand: pd.DataFrame, total: int, picker: Picker, rng: np.random.Generator
) -> tuple[pd.DataFrame, list[dict]]:
    """Childcare sites as of 2018 summing exactly to ``total`` places."""
    places_w = childcare_places_per_wijk(demand, total)
    frames = []
    streets: set[str] = set()
    for k, pl in zip(demand.index.to_numpy(), places_w, strict=True):
        n = max(1, int(round(pl / CHILDCARE_SITE_SIZE)))
        picked = picker.pick(int(k), n, min_dist=200, classes=(5, 6, 7), used_streets=streets)
        f = site_frame(picked, "KO", 1, [f"Kinderdagverblijf {s}" for s in picked["street"]])
        f["places"] = largest_remainder(rng.uniform(0.5, 1.5, n), int(pl))
        frames.append(f)
    sites = pd.concat(frames, ignore_index=True)
    n = len(sites)
    belt = sites["wijknr"].isin(list(P.BELT)).to_numpy()
    u = rng.uniform(0.3, 1.7, n) * np.where(belt, 0.5, 1.0)
    non_income = largest_remainder(
        sites["places"].to_numpy() * u, total - round(INCOME_RELATED_SHARE * total)
    )
    sites["income_related_places"] = sites["places"] - non_income
    sites["opened"] = rng.integers(1975, 2019, n)
    new = []
    for spec in NEW_CHILDCARE:
        streets_ = [spec["street"]] if spec["street"] else None
        picked = picker.pick(spec["wijknr"], 1, streets=streets_, classes=(5, 6, 7), reuse=True)
        f = site_frame(picked, "KO", 1, [spec["name"]], approximate=0 if spec["street"] else 1)
        f["places"] = 0
        f["income_related_places"] = 0
        f["opened"] = spec["year"]
        new.append(f)
    sites = pd.concat([sites, *new], ignore_index=True)
    sites["site_id"] = [f"KO-{i + 1:03d}" for i in range(len(sites))]
    changes = []
    for spec, sid in zip(NEW_CHILDCARE, sites["site_id"].tail(len(NEW_CHILDCARE)), strict=True):
        changes.append(
            _change(
                sid,
                "kinderopvang",
                "kinderopvang",
                spec["places"],
                spec["year"],
                spec["project"],
                "gepland",
            )
        )
    led = sites[(sites["wijknr"] == LEDEBERG_GROUP["wijknr"]) & (sites["opened"] <= 2018)]
    changes.append(
        _change(
            led["site_id"].iloc[0],
            "kinderopvang",
            "kinderopvang",
            LEDEBERG_GROUP["places"],
            LEDEBERG_GROUP["year"],
            LEDEBERG_GROUP["project"],
            "gepland",
        )
    )
    return sites, changes


def jeugd(
    demand: pd.DataFrame, picker: Picker, rng: np.random.Generator
) -> tuple[pd.DataFrame, list[dict]]:
    """Youth houses, youth-movement premises and multi-purpose halls."""
    weights = {
        "jeugdbeweging": demand["kids6_17"].to_numpy(),
        "jeugdhuis": demand["youth12_24"].to_numpy(),
        "polyvalente zaal": demand["pop"].to_numpy(),
    }
    counts = {t: largest_remainder(weights[t], n) for t, n in YOUTH_TYPES.items()}
    frames = []
    for j, k in enumerate(demand.index.to_numpy()):
        types = [t for t in YOUTH_TYPES for _ in range(int(counts[t][j]))]
        if not types:
            continue
        picked = picker.pick(int(k), len(types), min_dist=200, used_streets=set())
        f = site_frame(picked, "JGD", 1, [""] * len(types))
        f["type"] = types
        frames.append(f)
    sites = pd.concat(frames, ignore_index=True)
    n = len(sites)
    lo = sites["type"].map({t: v[0] for t, v in YOUTH_CAPACITY.items()}).to_numpy()
    hi = sites["type"].map({t: v[1] for t, v in YOUTH_CAPACITY.items()}).to_numpy()
    sites["capacity"] = np.round(lo + rng.random(n) * (hi - lo), -1).astype("int64")
    mv = rng.choice(MOVEMENTS, n)
    sites["name"] = [
        f"{m} {s}" if t == "jeugdbeweging" else f"{YOUTH_NAME[t]} {s}"
        for t, m, s in zip(sites["type"], mv, sites["street"], strict=True)
    ]
    sites["opened"] = rng.integers(1960, 2019, n)
    new = []
    for spec in NEW_YOUTH:
        streets_ = [spec["street"]] if spec["street"] else None
        picked = picker.pick(spec["wijknr"], 1, streets=streets_, reuse=True)
        f = site_frame(picked, "JGD", 1, [spec["name"]], approximate=spec["approx"])
        f["type"] = spec["type"]
        f["capacity"] = 0
        f["opened"] = spec["year"]
        new.append(f)
    sites = pd.concat([sites, *new], ignore_index=True)
    sites["site_id"] = [f"JGD-{i + 1:03d}" for i in range(len(sites))]
    changes = [
        _change(
            sid,
            "jeugdinfrastructuur",
            "jeugd",
            spec["places"],
            spec["year"],
            spec["name"],
            "gepland",
        )
        for spec, sid in zip(NEW_YOUTH, sites["site_id"].tail(len(NEW_YOUTH)), strict=True)
    ]
    return sites, changes
