"""Travel modes: which road classes each mode may use, in which direction, and how fast.

The street layer ``wegen`` (see ``docs/DATA.md``) carries ``road_class`` (0 motorway ..
10 paths, -1 unknown) and ``rijrichting`` (``D`` both ways, ``FT`` one-way in digitising
direction, ``TF`` one-way against it, ``N`` no motor traffic, null = both ways).

Rules
-----
* ``walk`` and ``bike`` use every segment except motorways (road class 0), in both
  directions: one-way streets bind cars only.
* ``car`` uses every segment except paths (road class 10) and segments with
  ``rijrichting`` ``N``; ``FT``/``TF`` are one-way.
* Speeds: walking 4.8 km/h and cycling 15 km/h on every class; car speeds per road class
  (:data:`CAR_SPEEDS_KMH`), urban values for Ghent where most local streets are zone 30.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from capacityplanner.errors import InputError

MODES: tuple[str, ...] = ("walk", "bike", "car")

#: Walking speed in km/h.
WALK_KMH: float = 4.8
#: Cycling speed in km/h.
BIKE_KMH: float = 15.0
#: Car speed in km/h per road class (0 motorway .. 9; -1 unknown). Class 10 (paths) is closed.
CAR_SPEEDS_KMH: dict[int, float] = {
    0: 100.0,
    1: 70.0,
    2: 50.0,
    3: 50.0,
    4: 40.0,
    5: 30.0,
    6: 30.0,
    7: 30.0,
    8: 20.0,
    9: 20.0,
    -1: 30.0,
}

_DIRECTIONS = {"D": (True, True), "FT": (True, False), "TF": (False, True), "N": (True, True)}


def check_mode(mode: str) -> str:
    """Return ``mode`` if it is one of :data:`MODES`, else raise :class:`InputError`."""
    if mode not in MODES:
        raise InputError(f"Travel mode {mode!r} is unknown; use one of {', '.join(MODES)}.")
    return mode


def default_speeds_kmh(mode: str) -> dict[int, float]:
    """Speed in km/h per road class for ``mode`` (classes a mode cannot use are left out).

    Parameters
    ----------
    mode : {"walk", "bike", "car"}

    Returns
    -------
    dict
        ``{road_class: km/h}``.
    """
    check_mode(mode)
    if mode == "car":
        return dict(CAR_SPEEDS_KMH)
    speed = WALK_KMH if mode == "walk" else BIKE_KMH
    return {rc: speed for rc in range(-1, 11) if rc != 0}


def clean_attributes(
    road_class: pd.Series, rijrichting: pd.Series
) -> tuple[np.ndarray, np.ndarray]:
    """Validate ``road_class`` and ``rijrichting`` of the ``wegen`` layer.

    Returns the road class as int array (-1 for missing) and ``rijrichting`` as an array of
    upper-case codes with ``""`` for null.

    Raises
    ------
    InputError
        When a road class is not a whole number from -1 to 10 or a ``rijrichting`` code is
        not one of D, FT, TF, N or empty.
    """
    rc = pd.to_numeric(road_class, errors="coerce")
    rc = rc.fillna(-1)
    bad = ~rc.between(-1, 10) | (rc != np.round(rc))
    if bad.any():
        pos = int(np.flatnonzero(bad.to_numpy())[0])
        raise InputError(
            f"Layer wegen, feature {pos + 1}, field road_class: {road_class.iloc[pos]!r} is not "
            "a road class from -1 to 10."
        )
    rr = rijrichting.astype(object).where(rijrichting.notna(), "")
    rr = rr.astype(str).str.strip().str.upper()
    bad = ~rr.isin(["", *_DIRECTIONS])
    if bad.any():
        pos = int(np.flatnonzero(bad.to_numpy())[0])
        raise InputError(
            f"Layer wegen, feature {pos + 1}, field rijrichting: {rijrichting.iloc[pos]!r} is "
            "not one of D, FT, TF, N or empty."
        )
    return rc.to_numpy(dtype=np.int64), rr.to_numpy(dtype=object)


def permissions(
    mode: str, road_class: np.ndarray, rijrichting: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Which segments ``mode`` may travel forward (digitising direction) and backward.

    Parameters
    ----------
    mode : {"walk", "bike", "car"}
    road_class : ndarray of int
    rijrichting : ndarray of str
        Upper-case codes, ``""`` for null (see :func:`clean_attributes`).

    Returns
    -------
    forward, backward : ndarray of bool
    """
    check_mode(mode)
    if mode in ("walk", "bike"):
        ok = road_class != 0
        return ok.copy(), ok.copy()
    ok = (road_class != 10) & (rijrichting != "N")
    forward = ok & (rijrichting != "TF")
    backward = ok & (rijrichting != "FT")
    return forward, backward


def speeds_m_per_min(
    mode: str, road_class: np.ndarray, speeds_kmh: Mapping[int, float] | None = None
) -> np.ndarray:
    """Speed in metres per minute of each segment for ``mode`` (NaN where not defined)."""
    table = default_speeds_kmh(mode) if speeds_kmh is None else dict(speeds_kmh)
    for rc, v in table.items():
        if not v > 0:
            raise InputError(f"Speed for road class {rc} ({mode}) must be positive, not {v!r}.")
    lookup = np.full(12, np.nan)
    for rc, v in table.items():
        if -1 <= int(rc) <= 10:
            lookup[int(rc) + 1] = float(v)
    return lookup[road_class + 1] * 1000.0 / 60.0
