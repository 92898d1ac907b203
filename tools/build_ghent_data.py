"""Build ``resources/ghent.gpkg``: the shipped Ghent data set.

Real layers come from the open data in ``../shared/data/ghent`` (see its
PROVENANCE.md); demographics and site layers are illustrative, generated here
deterministically (fixed seed, sorted output). Every assumption is written to
``DATA_NOTES.md`` next to the output. Usage::

    python tools/build_ghent_data.py [--source DIR] [--out resources/ghent.gpkg]

The calibration constants below are the citywide capacities as of school year
2018; they are the only numbers to change when the forecast is recalibrated:
capacity = the forecast's 2024-25 demand (``capacityplanner balance --year 2024
--level basis --by city --json``) minus the published shortfall; childcare
places = 51.5 % of the children aged 0-2 on 1 January 2025. Rebuild, then run
``tests/test_cli_forecast.py``.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

# --- calibration: citywide capacity as of school year 2018 (one line each) ---
BASIS_CAPACITY_2018 = 24994  # kleuter + lager places
SECUNDAIR_CAPACITY_2018 = 26587  # secondary places
KINDEROPVANG_PLACES_2018 = 4521  # childcare places (coverage 51.5 % of children 0-2 on 1 Jan 2025)
# --- published targets the capacities are calibrated against ---
SHORTFALL_2024_BASIS_2018 = 1912
SHORTFALL_2024_SECUNDAIR_2018 = 4268
REALISED_2019_2021_BASIS = 1195
REALISED_2019_2021_SECUNDAIR = 2004
SEED = 20240101

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

from ghentdata import assemble  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    """Build the data set; return the exit status."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--source", type=Path, default=ROOT.parent / "shared" / "data" / "ghent")
    ap.add_argument("--out", type=Path, default=ROOT / "resources" / "ghent.gpkg")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    config = assemble.Config(
        source=args.source,
        out=args.out,
        seed=SEED,
        basis_capacity=BASIS_CAPACITY_2018,
        secundair_capacity=SECUNDAIR_CAPACITY_2018,
        kinderopvang_places=KINDEROPVANG_PLACES_2018,
        shortfall_basis=SHORTFALL_2024_BASIS_2018,
        shortfall_secundair=SHORTFALL_2024_SECUNDAIR_2018,
        realised_basis=REALISED_2019_2021_BASIS,
        realised_secundair=REALISED_2019_2021_SECUNDAIR,
    )
    figures = assemble.build(config)
    for key, value in figures.items():
        print(f"{key}: {value}")
    print(f"written {args.out} in {time.perf_counter() - t0:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
