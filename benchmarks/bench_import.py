"""Time the importer on realistic sizes: the 254 Ghent sectors, a 20,000-row Belgian CSV,
a 20,000-feature GeoPackage joined to a capacity spreadsheet, and a Statbel population table.

Run: .venv/bin/python benchmarks/bench_import.py
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd

from capacityplanner.geodata.context import context_from_gpkg
from capacityplanner.geodata.importer import read_layer

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "ghent"
N = 20_000


def timed(label, fn):
    t0 = time.perf_counter()
    result = fn()
    dt = time.perf_counter() - t0
    print(f"{label:55s} {dt:7.2f} s  loadable={result.loadable} features={result.feature_count:,}")
    return result


def main() -> None:
    rng = np.random.default_rng(0)
    context = context_from_gpkg()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        sectors = DATA / "gent-sectors.geojson"
        if sectors.exists():
            timed(
                "gent-sectors.geojson (254 polygons, 4 repaired)",
                lambda: read_layer(sectors, context=context),
            )
        x = rng.uniform(101_000, 108_000, N)
        y = rng.uniform(190_000, 198_000, N)
        csv = tmp / "scholen.csv"
        lines = ["naam;x;y;capaciteit kleuter;capaciteit lager"]
        lines += [
            f"School é {i};{a:.1f};{b:.1f};{i % 300};1.{i % 900 + 100}".replace(".", ",", 1)
            for i, (a, b) in enumerate(zip(x, y, strict=True))
        ]
        csv.write_bytes("\n".join(lines).encode("cp1252"))
        timed(
            f"CSV cp1252 ; decimal commas ({N:,} rows)",
            lambda: read_layer(csv, role="scholen_basis", context=context),
        )
        gpkg = tmp / "scholen.gpkg"
        gpd.GeoDataFrame(
            {"naam": [f"S{i}" for i in range(N)], "instellingsnummer": np.arange(N).astype(str)},
            geometry=gpd.points_from_xy(x, y),
            crs=31370,
        ).to_file(gpkg, layer="scholen")
        xlsx = tmp / "capaciteit.xlsx"
        pd.DataFrame(
            {
                "instellingsnummer": np.arange(N),
                "capaciteit kleuter": rng.integers(0, 300, N),
                "capaciteit lager": rng.integers(0, 600, N),
            }
        ).to_excel(xlsx, index=False)
        timed(
            f"GeoPackage + XLSX join by instellingsnummer ({N:,})",
            lambda: read_layer(gpkg, role="scholen_basis", join=xlsx, context=context),
        )
        if context.sectors is not None:
            codes = context.sectors["sector_code"].to_numpy()
            pop = pd.DataFrame(
                {
                    "CD_SECTOR": np.repeat(codes, 2 * 20),
                    "CD_SEX": np.tile(np.repeat(["M", "F"], 20), len(codes)),
                    "CD_AGE": np.tile([f"{a}" for a in range(20)], 2 * len(codes)),
                    "MS_POPULATION": rng.integers(0, 40, 40 * len(codes)),
                }
            )
            pcsv = tmp / "statbel.csv"
            pop.to_csv(pcsv, sep="|", index=False)
            timed(
                f"Statbel population ({len(pop):,} rows)",
                lambda: read_layer(pcsv, role="bevolking", context=context),
            )


if __name__ == "__main__":
    main()
