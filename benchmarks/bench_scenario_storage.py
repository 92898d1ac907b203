"""Time saving and loading a scenario that holds every layer of the shipped data set.

    .venv/bin/python benchmarks/bench_scenario_storage.py [POSTGRES_URL]

The scenario carries all layers and tables of ``resources/ghent.gpkg`` as edited
layers (14,266 street segments, 254 sectors, ...), which is far more than a real
scenario holds, on a GeoPackage project file and, if a URL is given (or
``CAPACITYPLANNER_TEST_PG_URL`` is set), on PostgreSQL/PostGIS.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from capacityplanner.geodata.dataset import load_dataset
from capacityplanner.scenarios.model import Scenario
from capacityplanner.scenarios.storage import mask_url, open_repository


def bench(url: str, scenario: Scenario, repeat: int = 3) -> dict[str, float]:
    with open_repository(url) as repo:
        if repo.exists(scenario.name):
            repo.delete(scenario.name)
        scenario.version = 0
        saves, loads = [], []
        for _ in range(repeat):
            t = time.perf_counter()
            repo.save(scenario)
            saves.append(time.perf_counter() - t)
            t = time.perf_counter()
            repo.load(scenario.name)
            loads.append(time.perf_counter() - t)
        repo.delete(scenario.name)
    return {"save": statistics.median(saves), "load": statistics.median(loads)}


def main() -> None:
    ds = load_dataset()
    layers = {**ds.layers, **ds.tables}
    rows = sum(len(v) for v in layers.values())
    scenario = Scenario("benchmark", layers=layers)
    print(f"{len(layers)} tables, {rows} rows")
    with tempfile.TemporaryDirectory() as tmp:
        r = bench(str(Path(tmp) / "project.gpkg"), scenario)
        print(f"GeoPackage file: save {r['save']:.2f} s, load {r['load']:.2f} s")
    pg = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("CAPACITYPLANNER_TEST_PG_URL")
    if pg:
        r = bench(pg, scenario)
        print(f"PostGIS {mask_url(pg)}: save {r['save']:.2f} s, load {r['load']:.2f} s")


if __name__ == "__main__":
    main()
