"""Time the forecast and the balance on the shipped Ghent data.

Run: ``.venv/bin/python benchmarks/bench_forecast.py``. Prints the median of
repeated runs (after a warm-up) for:

* the full projection at sector level (254 sectors x 25 ages x 28 years x 3 variants);
* the projection at wijk level (25 wijken);
* the balance of one school year (every wijk and level, from the cached projection).
"""

from __future__ import annotations

import statistics
import time

from capacityplanner.geodata.dataset import load_dataset
from capacityplanner.models.forecast import project
from capacityplanner.models.forecast_inputs import build_inputs
from capacityplanner.models.params import ForecastParams
from capacityplanner.scenarios.workspace import Workspace


def median_ms(func, repeat: int = 30) -> float:
    func()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    dataset = load_dataset()
    params = ForecastParams()
    workspace = Workspace(dataset, params)
    stadsdeel = dict(zip(workspace.wijken["wijknr"], workspace.wijken["stadsdeel"], strict=True))
    args = (
        dataset.table("bevolking"),
        dataset.table("geboorten"),
        stadsdeel,
        params,
        workspace.housing_projects(),
    )
    sector_inputs = build_inputs(*args, level="sector")
    wijk_inputs = build_inputs(*args, level="wijk")
    shape = (3, sector_inputs.n_areas, 25, params.end_year - params.base_year + 2)
    print(f"population array (variants, areas, ages, years): {shape}")
    print(f"projection, sector level: {median_ms(lambda: project(sector_inputs, params)):.1f} ms")
    print(f"projection, wijk level:   {median_ms(lambda: project(wijk_inputs, params)):.1f} ms")
    print(
        f"inputs + projection, sector level: "
        f"{median_ms(lambda: project(build_inputs(*args, level='sector'), params)):.1f} ms"
    )
    workspace.forecast("sector")
    print(
        f"balance, one school year (cached projection): "
        f"{median_ms(lambda: workspace.balance(2024, 2018)):.1f} ms"
    )


if __name__ == "__main__":
    main()
