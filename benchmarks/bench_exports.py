"""Time and size of the council exports on the shipped Ghent data set.

Run: ``.venv/bin/python benchmarks/bench_exports.py [outdir]``. Prints the
HTML map size and time (all 14,266 streets, 158 parks, 420 sites), the
XLSX and GeoPackage times. The balance is synthetic (the exporters do not care).
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

from capacityplanner.export.balance_layer import balance_wide
from capacityplanner.export.gpkg_styles import (
    add_total_places,
    balance_style_spec,
    export_styled_gpkg,
    site_style_spec,
)
from capacityplanner.export.html_map import export_html_map
from capacityplanner.export.tables import export_csv, export_tables_xlsx
from capacityplanner.geodata.dataset import load_dataset
from capacityplanner.models.levels import LEVELS

SITES = (
    "scholen_basis",
    "scholen_secundair",
    "kinderopvang",
    "jeugdinfrastructuur",
    "kandidaatsites",
)


def main(outdir: Path) -> None:
    ds = load_dataset()
    wijken = ds.layer("wijken")
    rng = np.random.default_rng(0)
    rows = []
    for year in range(2024, 2031):
        for level in LEVELS:
            cap = rng.integers(100, 1500, len(wijken)).astype(float)
            dem = cap + rng.integers(-300, 300, len(wijken))
            rows.append(
                pd.DataFrame(
                    {
                        "wijknr": wijken["wijknr"],
                        "level": level,
                        "year": year,
                        "capacity": cap,
                        "demand": dem,
                    }
                )
            )
    bal = pd.concat(rows, ignore_index=True)
    bal["balance"] = bal["capacity"] - bal["demand"]
    bal["shortfall"] = (-bal["balance"]).clip(lower=0)
    sites = {k: ds.layer(k) for k in SITES}

    for precision in (6, 5):
        t = time.perf_counter()
        out = export_html_map(
            outdir / f"kaart_p{precision}.html",
            wijken,
            bal,
            sites,
            ds.layer("wegen"),
            ds.layer("parken"),
            year=2024,
            level="basis",
            precision=precision,
        )
        print(
            f"html precision={precision}: {time.perf_counter() - t:.2f} s, {out.stat().st_size / 1e6:.2f} MB"
        )
    t = time.perf_counter()
    export_tables_xlsx(outdir / "tabellen.xlsx", {"Saldo": bal}, {"variant": "mid"})
    print(f"xlsx ({len(bal)} rows): {time.perf_counter() - t:.2f} s")
    t = time.perf_counter()
    export_csv(outdir / "saldo.csv", bal)
    print(f"csv: {time.perf_counter() - t:.2f} s")
    wide = balance_wide(wijken, bal, 2024)
    cand = add_total_places(sites["kandidaatsites"])
    t = time.perf_counter()
    export_styled_gpkg(
        outdir / "plan.gpkg",
        {"saldo": wide, "kandidaatsites": cand},
        {
            "saldo": balance_style_spec(wide, "shortfall_basis"),
            "kandidaatsites": site_style_spec(cand),
        },
    )
    print(f"gpkg: {time.perf_counter() - t:.2f} s")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp(prefix="cp-bench-")))
