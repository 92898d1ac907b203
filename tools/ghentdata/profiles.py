"""Assumed (illustrative) profiles per wijk: who lives where.

Every number here is an assumption of the generator, not a statistic. They are
written to ``DATA_NOTES.md`` by the build so a reader can see them.
"""

from __future__ import annotations

#: The dense 19th-century belt: younger families, more children per inhabitant,
#: higher deprivation, the fewest places per child.
BELT = {
    4: "Brugse Poort - Rooigem",
    7: "Rabot - Blaisantvest",
    13: "Dampoort",
    2: "Sluizeken - Tolhuis - Ham",
    18: "Ledeberg",
    9: "Bloemekenswijk",
    20: "Nieuw Gent - UZ",
}

#: Children (0-17) per inhabitant relative to the city average (before normalising).
CHILD_FACTOR = {
    1: 0.55, 2: 1.35, 3: 0.80, 4: 1.45, 5: 0.90, 6: 0.85, 7: 1.50, 8: 1.10, 9: 1.35,
    10: 1.20, 11: 1.00, 12: 1.05, 13: 1.40, 14: 1.10, 15: 1.00, 16: 1.05, 17: 1.00,
    18: 1.35, 19: 1.00, 20: 1.30, 21: 0.80, 22: 0.85, 23: 1.05, 24: 1.05, 25: 1.10,
}  # fmt: skip

#: Young adults (18-24, many of them students) per inhabitant relative to the average.
STUDENT_FACTOR = {
    1: 3.20, 2: 1.30, 3: 2.40, 4: 1.00, 5: 1.20, 6: 1.50, 7: 1.00, 8: 0.55, 9: 0.80,
    10: 0.70, 11: 0.50, 12: 0.55, 13: 1.10, 14: 0.60, 15: 0.80, 16: 0.60, 17: 1.10,
    18: 1.10, 19: 1.00, 20: 2.20, 21: 1.60, 22: 2.00, 23: 0.55, 24: 0.55, 25: 0.50,
}  # fmt: skip

#: Latent deprivation level per wijk (0 = least, 1 = most deprived).
DEPRIVATION_BASE = {
    1: 0.35, 2: 0.75, 3: 0.40, 4: 0.85, 5: 0.30, 6: 0.35, 7: 0.90, 8: 0.30, 9: 0.70,
    10: 0.65, 11: 0.30, 12: 0.20, 13: 0.80, 14: 0.30, 15: 0.35, 16: 0.20, 17: 0.35,
    18: 0.75, 19: 0.10, 20: 0.70, 21: 0.20, 22: 0.40, 23: 0.10, 24: 0.15, 25: 0.10,
}  # fmt: skip

#: Citywide births per calendar year, 2010-2023 (illustrative "observed" series:
#: a peak mid-decade, a dip around 2020, a recovery towards 2024).
BIRTHS_OBSERVED = {
    2010: 3050, 2011: 3120, 2012: 3180, 2013: 3150, 2014: 3210, 2015: 3170, 2016: 3120,
    2017: 3060, 2018: 2990, 2019: 2930, 2020: 2870, 2021: 2900, 2022: 2960, 2023: 3010,
}  # fmt: skip
#: Births per year assumed for the cohorts born before 2010 (ages 14-17 in 2024).
BIRTHS_BEFORE_2010 = 2950


#: Share of a birth cohort still living in Ghent at age a (families with young
#: children move out to the suburbs): 0.975 at age 0, minus 1.2 points a year to
#: age 10, then 0.85 up to age 17.
def retention(age: int) -> float:
    """Share of a Ghent birth cohort still living in the city at ``age`` (0-17)."""
    return 0.975 - 0.012 * min(age, 10) if age <= 10 else 0.85


#: Citywide population aged 18..24 on 1 Jan 2024 (students move in from 18).
YOUNG_ADULTS = {18: 3900, 19: 5300, 20: 5900, 21: 6000, 22: 5700, 23: 5100, 24: 4500}

#: Projected citywide births: (value in 2024, yearly growth until the turn year,
#: turn year, yearly growth afterwards). The mid variant falls 1% a year to 2040
#: (fertility keeps easing, as it has in Flanders since 2015) and then holds, so
#: school demand rises until about 2030, as the policy note expects, and then
#: eases; high holds the recovery of the early 2020s, low falls faster.
BIRTH_VARIANTS = {
    "low": (2990.0, -0.016, 2040, -0.005),
    "mid": (3040.0, -0.010, 2040, 0.0),
    "high": (3090.0, 0.003, 2035, 0.002),
}

#: Basis capacity relative to the wijk's own pupils (before scaling to the
#: citywide total): the belt has fewer places than children, the centre and the
#: outer wijken more.
BASIS_SUPPLY_FACTOR = {
    1: 1.25, 2: 0.80, 3: 1.10, 4: 0.78, 5: 1.10, 6: 1.20, 7: 0.76, 8: 1.00, 9: 0.82,
    10: 0.95, 11: 1.15, 12: 1.05, 13: 0.78, 14: 1.00, 15: 0.95, 16: 1.05, 17: 1.00,
    18: 0.80, 19: 1.10, 20: 0.85, 21: 1.15, 22: 1.05, 23: 1.10, 24: 1.05, 25: 1.10,
}  # fmt: skip

#: Share of the citywide secondary capacity per wijk (relative weights): centre
#: and main roads; pupils travel and half come from outside the city.
SECUNDAIR_WEIGHT = {
    1: 5.0, 2: 1.0, 3: 1.5, 4: 0.6, 5: 1.6, 6: 2.0, 7: 0.5, 8: 1.0, 9: 0.5,
    10: 0.5, 11: 0.0, 12: 1.0, 13: 0.8, 14: 1.6, 15: 0.5, 16: 1.0, 17: 0.8,
    18: 0.6, 19: 0.0, 20: 0.5, 21: 1.8, 22: 2.0, 23: 0.6, 24: 1.0, 25: 1.0,
}  # fmt: skip

#: Childcare coverage (places / children 0-2) aimed at per wijk before the
#: non-belt wijken are scaled to reach the citywide total.
CHILDCARE_COVERAGE = {
    4: 0.27,
    7: 0.28,
    13: 0.30,
    2: 0.31,
    18: 0.35,
    9: 0.38,
    20: 0.42,
}
#: Relative coverage of the other wijken (scaled so the citywide total is hit).
CHILDCARE_OTHER = {
    1: 0.90, 3: 0.85, 5: 0.80, 6: 0.85, 8: 0.62, 10: 0.50, 11: 0.55, 12: 0.62, 14: 0.65,
    15: 0.58, 16: 0.70, 17: 0.62, 19: 0.80, 21: 0.85, 22: 0.75, 23: 0.80, 24: 0.66, 25: 0.68,
}  # fmt: skip
