"""Level keys and the age rules that turn a population into demand per level.

The definitions follow the product brief and hold everywhere:

* ages are whole years on 1 January;
* school year ``Y`` (``--year Y``, meaning Y-(Y+1)) uses the population of
  1 January ``Y + 1``;
* ``lager`` = ages 6-11, ``secundair`` = 12-17, ``kleuter`` = 3-5 plus half of
  age 2 (the children who start at 2.5), ``kinderopvang`` = ages 0-1 plus the
  other half of age 2, ``bso`` = a use rate of (half of age 2 plus 3-11),
  ``jeugd`` = a participation rate of 6-17;
* ``basis`` = ``kleuter`` + ``lager``.
"""

from __future__ import annotations

import numpy as np

#: Levels with their own capacity and demand.
BASE_LEVELS: tuple[str, ...] = ("kinderopvang", "kleuter", "lager", "secundair", "bso", "jeugd")
#: Every level key, including the sum level ``basis``.
LEVELS: tuple[str, ...] = (
    "kinderopvang",
    "kleuter",
    "lager",
    "basis",
    "secundair",
    "bso",
    "jeugd",
)
#: Levels made of other levels.
COMPOSITE_LEVELS: dict[str, tuple[str, ...]] = {"basis": ("kleuter", "lager")}
#: Highest single year of age held in the demographic data.
MAX_AGE = 24
N_AGES = MAX_AGE + 1


def age_weights(age2_kleuter_share: float = 0.5) -> dict[str, np.ndarray]:
    """Weight of each single year of age (0-24) in each base level.

    Parameters
    ----------
    age2_kleuter_share : float
        Share of the children aged 2 on 1 January who are in kleuter (start at
        2.5) rather than in childcare. The brief fixes it at one half.

    Returns
    -------
    dict of str to numpy.ndarray
        For each base level, an array of length 25 with the share of each age
        counted before use or participation rates are applied.
    """
    weights = {level: np.zeros(N_AGES) for level in BASE_LEVELS}
    weights["kinderopvang"][[0, 1]] = 1.0
    weights["kinderopvang"][2] = 1.0 - age2_kleuter_share
    weights["kleuter"][[3, 4, 5]] = 1.0
    weights["kleuter"][2] = age2_kleuter_share
    weights["lager"][6:12] = 1.0
    weights["secundair"][12:18] = 1.0
    weights["bso"][2] = age2_kleuter_share
    weights["bso"][3:12] = 1.0
    weights["jeugd"][6:18] = 1.0
    return weights


def expand_level(level: str) -> tuple[str, ...]:
    """Base levels that make up ``level`` (itself when it is a base level)."""
    if level in COMPOSITE_LEVELS:
        return COMPOSITE_LEVELS[level]
    if level in BASE_LEVELS:
        return (level,)
    raise ValueError(f"unknown level {level!r}; expected one of {', '.join(LEVELS)}")
