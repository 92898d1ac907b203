"""Time the street network on the shipped Ghent data.

Run: ``.venv/bin/python benchmarks/bench_network.py``. Prints the median wall-clock and CPU
time of repeated runs (after a warm-up; CPU time is the steadier figure on a busy machine)
for:

* building the graph of the whole city per mode (``StreetNetwork.from_wegen``);
* the 254 sector demand points;
* 254 demand points x 400 sites matrices: walk 1.5 km, bike 5 km, bike 20 min, car 10 min,
  car metres with a 10 min limit (route and limit in different units);
* the distance cache: a miss (compute + atomic write) and a hit (read the .npz).

The 400 sites are random points within 30 m of random street segments (seeded).
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

import numpy as np
import shapely

from capacityplanner.geodata.dataset import load_dataset
from capacityplanner.geodata.distance_cache import cached_distance_matrix, distance_key_parts
from capacityplanner.geodata.network import StreetNetwork, sector_demand_points


class Timing:
    """Median wall-clock and CPU milliseconds of repeated runs (after a warm-up)."""

    def __init__(self, func, repeat: int = 7) -> None:
        func()
        wall, cpu = [], []
        for _ in range(repeat):
            w0, c0 = time.perf_counter(), time.process_time()
            func()
            wall.append((time.perf_counter() - w0) * 1000)
            cpu.append((time.process_time() - c0) * 1000)
        self.wall, self.cpu = statistics.median(wall), statistics.median(cpu)

    def __format__(self, spec: str) -> str:
        return f"{self.wall:7.1f} ms wall {self.cpu:7.1f} ms cpu"


def sites_near_streets(wegen, n: int, seed: int = 42) -> np.ndarray:
    rng = np.random.default_rng(seed)
    lines = wegen.geometry.values[rng.integers(0, len(wegen), n)]
    on = shapely.line_interpolate_point(lines, rng.uniform(0, 1, n), normalized=True)
    return shapely.get_coordinates(on) + rng.uniform(-30, 30, (n, 2))


def main() -> None:
    ds = load_dataset()
    wegen, sectoren = ds.layer("wegen"), ds.layer("sectoren")
    print(f"wegen: {len(wegen)} segments; sectoren: {len(sectoren)}")
    nets = {}
    for mode in ("walk", "bike", "car"):
        ms = Timing(lambda mode=mode: StreetNetwork.from_wegen(wegen, mode))
        nets[mode] = StreetNetwork.from_wegen(wegen, mode)
        print(f"graph build {mode:4s}: {ms}   {nets[mode]!r}")
    ms = Timing(lambda: sector_demand_points(sectoren, wegen))
    print(f"sector demand points (254): {ms}")
    demand = shapely.get_coordinates(sector_demand_points(sectoren, wegen).geometry.values)
    sites = sites_near_streets(wegen, 400)
    cases = [
        ("walk", dict(limit_m=1500)),
        ("bike", dict(limit_m=5000)),
        ("bike", dict(limit_min=20, weight="minutes")),
        ("car", dict(limit_min=10, weight="minutes")),
        ("car", dict(limit_min=10, weight="metres")),
        ("walk", dict()),
    ]
    for mode, kw in cases:
        net = nets[mode]
        ms = Timing(lambda net=net, kw=kw: net.distance_matrix(demand, sites, **kw))
        m = net.distance_matrix(demand, sites, **kw)
        label = ", ".join(f"{k}={v}" for k, v in kw.items()) or "no limit"
        print(f"254 x 400 {mode:4s} {label:32s}: {ms}  nnz={m.nnz}")
    with tempfile.TemporaryDirectory() as tmp:
        bike = nets["bike"]
        parts = distance_key_parts(bike, demand, sites, limit_m=5000)

        def miss():
            for p in Path(tmp).glob("*.npz"):
                p.unlink()
            return cached_distance_matrix(
                Path(tmp), parts, lambda: bike.distance_matrix(demand, sites, limit_m=5000)
            )

        def hit():
            return cached_distance_matrix(Path(tmp), parts, lambda: 1 / 0)

        print(f"cache miss (bike 5 km, compute + write): {Timing(miss)}")
        miss()
        print(f"cache hit  (bike 5 km, key + read):      {Timing(hit)}")


if __name__ == "__main__":
    main()
