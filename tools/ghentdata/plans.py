"""Illustrative candidate sites for new builds and planned housing projects."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .placement import Picker, site_frame

#: Candidate sites per wijk (100 in all) and the plot type assumed there.
CANDIDATES = {
    # outer wijken: large plots
    8: 6, 11: 3, 12: 6, 14: 6, 16: 5, 19: 5, 23: 5, 24: 6, 25: 6,
    # the dense belt: small plots
    2: 3, 4: 3, 7: 3, 9: 3, 13: 3, 18: 3, 20: 4,
    # centre and the rest of the 19th/20th-century city: medium plots
    1: 4, 3: 2, 5: 4, 6: 2, 10: 4, 15: 3, 17: 3, 21: 4, 22: 4,
}  # fmt: skip
OUTER = {8, 11, 12, 14, 16, 19, 23, 24, 25}
BELT = {2, 4, 7, 9, 13, 18, 20}
#: Per plot type: ranges of maximum places per level, probability that the plot
#: can take a secondary school, fixed cost and cost per place (EUR).
PLOT = {
    "groot": {"kleuter": (100, 150), "lager": (200, 300), "secundair": (600, 1200), "p_sec": 0.5,
              "kinderopvang": (28, 84), "bso": (100, 250), "jeugd": (60, 150),
              "fixed": (4.0e6, 6.0e6), "per_place": (15000, 25000)},
    "middel": {"kleuter": (60, 120), "lager": (120, 240), "secundair": (300, 800), "p_sec": 0.4,
               "kinderopvang": (14, 56), "bso": (60, 150), "jeugd": (40, 120),
               "fixed": (3.0e6, 5.0e6), "per_place": (20000, 30000)},
    "klein": {"kleuter": (40, 90), "lager": (60, 180), "secundair": (200, 500), "p_sec": 0.2,
              "kinderopvang": (14, 42), "bso": (40, 120), "jeugd": (20, 80),
              "fixed": (2.0e6, 4.0e6), "per_place": (25000, 35000)},
}  # fmt: skip

WOONPROJECTEN = [
    {"name": "Tondelier", "wijknr": 7, "street": "Tondelierlaan", "dwelling_type": "appartement",
     "dwellings": 800, "first_year": 2026, "last_year": 2028},
    {"name": "Oude Dokken", "wijknr": 2, "street": "Dok-Noord", "dwelling_type": "appartement",
     "dwellings": 1000, "first_year": 2024, "last_year": 2030},
    {"name": "Nieuw Gent (vernieuwing sociale woningen)", "wijknr": 20, "street": None,
     "dwelling_type": "sociale woning", "dwellings": 400, "first_year": 2026, "last_year": 2030},
    {"name": "Arsenaalsite", "wijknr": 15, "street": "Arsenaalstraat", "dwelling_type": "appartement",
     "dwellings": 600, "first_year": 2027, "last_year": 2031},
    {"name": "The Loop", "wijknr": 23, "street": None, "dwelling_type": "appartement",
     "dwellings": 500, "first_year": 2027, "last_year": 2033},
    {"name": "Woonerf Oostakker", "wijknr": 12, "street": None, "dwelling_type": "eengezinswoning",
     "dwellings": 120, "first_year": 2026, "last_year": 2027},
]  # fmt: skip


def _plot_type(k: int) -> str:
    return "groot" if k in OUTER else "klein" if k in BELT else "middel"


def kandidaatsites(picker: Picker, rng: np.random.Generator) -> pd.DataFrame:
    """About 100 candidate sites, half of each wijk's next to a park where possible."""
    frames = []
    streets: set[str] = set()
    for k, n in sorted(CANDIDATES.items()):
        near = (n + 1) // 2
        a = picker.pick(k, near, min_dist=400, near_park_m=150, used_streets=streets)
        b = (
            picker.pick(k, n - near, min_dist=400, taken=a, used_streets=streets)
            if n > near
            else a.iloc[:0]
        )
        picked = pd.concat([a, b])
        f = site_frame(picked, "KAN", 1, [f"Kandidaatsite {s}" for s in picked["street"]])
        f["plot"] = _plot_type(k)
        frames.append(f)
    sites = pd.concat(frames, ignore_index=True)
    n = len(sites)
    for col in ("kleuter", "lager", "secundair", "kinderopvang", "bso", "jeugd"):
        lo = sites["plot"].map(lambda t, c=col: PLOT[t][c][0]).to_numpy(float)
        hi = sites["plot"].map(lambda t, c=col: PLOT[t][c][1]).to_numpy(float)
        v = lo + rng.random(n) * (hi - lo)
        step = 14 if col == "kinderopvang" else 10
        v = np.round(v / step) * step
        if col == "secundair":
            p = sites["plot"].map(lambda t: PLOT[t]["p_sec"]).to_numpy()
            v = np.where(rng.random(n) < p, v, 0)
        sites[f"max_{col}"] = v.astype("int64")
    for col, key, dec in (("fixed_cost", "fixed", -4), ("cost_per_place", "per_place", -2)):
        lo = sites["plot"].map(lambda t, c=key: PLOT[t][c][0]).to_numpy(float)
        hi = sites["plot"].map(lambda t, c=key: PLOT[t][c][1]).to_numpy(float)
        sites[col] = np.round(lo + rng.random(n) * (hi - lo), dec)
    sites["site_id"] = [f"KAN-{i + 1:03d}" for i in range(n)]
    return sites


def woonprojecten(picker: Picker) -> pd.DataFrame:
    """The planned housing projects on their streets (approximate where unknown)."""
    frames = []
    for i, spec in enumerate(WOONPROJECTEN):
        streets = [spec["street"]] if spec["street"] else None
        picked = picker.pick(spec["wijknr"], 1, streets=streets, classes=(6, 7), reuse=True)
        f = site_frame(picked, "WON", i + 1, [spec["name"]], approximate=0 if spec["street"] else 1)
        f["project_id"] = f"WP-{i + 1:02d}"
        for c in ("dwelling_type", "dwellings", "first_year", "last_year"):
            f[c] = spec[c]
        frames.append(f)
    return pd.concat(frames, ignore_index=True)
