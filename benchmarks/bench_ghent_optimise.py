"""Benchmark: a Ghent-scale planning model (brede sites on) to a proven optimum.

Run from the repository root::

    .venv/bin/python benchmarks/bench_ghent_optimise.py            # Ghent data if present
    .venv/bin/python benchmarks/bench_ghent_optimise.py --data synthetic
    .venv/bin/python benchmarks/bench_ghent_optimise.py --distances street

Ghent case (``resources/ghent.gpkg``): 254 sector demand points plus the
entry points of secondary pupils from outside Ghent, the existing
scholen_basis / scholen_secundair / kinderopvang sites with their capacity
as of the target school year (2018 capacity plus realised and planned
changes up to that year), the 100 kandidaatsites; three levels:
lager (ages 6-11), secundair (12-17 plus inflow at the entry points equal
to the resident pupils: about half of Ghent's secondary pupils come from
outside), kinderopvang (ages 0-1 plus half of age 2, times the Flemish
coverage norm of 52%: places needed, not children). Population is the data
set's base year (1 January 2024). Distances: straight line x 1.3 (or the
street network): lager and kinderopvang 1.5 km walking, secundair 5 km
cycling. Demand weight 1 + deprivation_index. Model: cover-cost with unmet
demand allowed at a penalty (some sectors have no site within reach),
brede saving 25%, every new basis school gets bso, gap 0.

Synthetic case: :func:`synthetic_ghent_problem` (seed 0): 254 + 6 points,
300 existing sites, 100 candidates, same levels and limits.

Reports wall time of building and solving, the gap, what the plan proposes
and the peak resident memory of the process.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time

import numpy as np
import pandas as pd

from capacityplanner.models.optimise import PlanningProblem, PlanOptions, solve_plan, summary_en
from capacityplanner.models.optimise.synthetic import synthetic_ghent_problem

LIMITS = {"lager": 1_500.0, "kinderopvang": 1_500.0, "secundair": 5_000.0}
MODES = {"lager": "walk", "kinderopvang": "walk", "secundair": "bike"}
COVERAGE_NORM = 0.52


def ghent_problem(year: int, distances: str) -> PlanningProblem:
    from capacityplanner.geodata.dataset import load_dataset
    from capacityplanner.geodata.network import (
        default_entry_points,
        euclidean_matrix,
        sector_demand_points,
    )

    ds = load_dataset()
    sectoren = ds.layer("sectoren")
    wegen = ds.layer("wegen")
    pts = sector_demand_points(sectoren, wegen)
    pop = ds.table("bevolking").pivot_table(
        index="sector_code", columns="age", values="population", aggfunc="sum", fill_value=0.0
    )
    pop = pop.reindex(pts["sector_code"]).fillna(0.0)
    ages = lambda a, b: pop[[c for c in pop.columns if a <= c <= b]].sum(axis=1).to_numpy()  # noqa: E731
    sectors = pd.DataFrame(
        {
            "point_id": pts["sector_code"].to_numpy(),
            "x": pts.geometry.x.to_numpy(),
            "y": pts.geometry.y.to_numpy(),
            "wijknr": pts["wijknr"].to_numpy(),
            "wijk": pts["wijk"].to_numpy(),
            "deprivation_index": pts["deprivation_index"].to_numpy(),
            "lager": ages(6, 11),
            "secundair": ages(12, 17),
            "kinderopvang": (ages(0, 1) + 0.5 * pop[2].to_numpy()) * COVERAGE_NORM,
        }
    )
    entry = default_entry_points()
    inflow = sectors["secundair"].sum()
    entries = pd.DataFrame(
        {
            "point_id": "IN: " + entry["name"],
            "x": entry["x"],
            "y": entry["y"],
            "wijknr": 0,
            "wijk": "instroom",
            "deprivation_index": 0.0,
            "lager": 0.0,
            "secundair": entry["share"] * inflow,
            "kinderopvang": 0.0,
        }
    )
    demand = pd.concat([sectors, entries], ignore_index=True)

    changes = ds.table("capaciteitswijzigingen")
    changes = changes[changes["school_year"] <= year]
    added = changes.pivot_table(index="site_id", columns="level", values="places", aggfunc="sum")
    frames = []
    for layer, cap_cols in (
        ("scholen_basis", {"lager": "capacity_lager"}),
        ("scholen_secundair", {"secundair": "capacity_secundair"}),
        ("kinderopvang", {"kinderopvang": "places"}),
    ):
        lay = ds.layer(layer)
        lay = lay[lay["opened"] <= year]
        f = pd.DataFrame(
            {
                "site_id": lay["site_id"].to_numpy(),
                "name": lay["name"].to_numpy(),
                "x": lay.geometry.x.to_numpy(),
                "y": lay.geometry.y.to_numpy(),
                "wijknr": lay["wijknr"].to_numpy(),
                "cost_per_place": lay.get(
                    "cost_per_place", pd.Series(25_000.0, lay.index)
                ).to_numpy(),
                "max_extra_places": lay.get("max_extra_places", pd.Series(0, lay.index)).to_numpy(),
                "status": "expandable" if layer != "kinderopvang" else "open",
            }
        )
        for lv in LIMITS:
            base = lay[cap_cols[lv]].to_numpy(float) if lv in cap_cols else np.zeros(len(lay))
            extra = added.reindex(lay["site_id"])[lv].fillna(0).to_numpy() if lv in added else 0
            f[f"capacity_{lv}"] = base + extra
        frames.append(f)
    existing = pd.concat(frames, ignore_index=True)
    kand = ds.layer("kandidaatsites")
    candidates = pd.DataFrame(kand.drop(columns="geometry"))
    candidates["x"] = kand.geometry.x.to_numpy()
    candidates["y"] = kand.geometry.y.to_numpy()

    origins = demand[["x", "y"]].to_numpy()
    sites = np.vstack([existing[["x", "y"]].to_numpy(), candidates[["x", "y"]].to_numpy()])
    mats = {}
    if distances == "street":
        from capacityplanner.geodata.network import StreetNetwork

        nets = {}
        for lv, limit in LIMITS.items():
            mode = MODES[lv]
            if mode not in nets:
                nets[mode] = StreetNetwork.from_wegen(wegen, mode)
            mats[lv] = nets[mode].distance_matrix(origins, sites, limit_m=limit)
    else:
        for lv, limit in LIMITS.items():
            mats[lv] = euclidean_matrix(origins, sites, detour_factor=1.3, limit_m=limit)
    return PlanningProblem.from_frames(
        demand, existing, candidates, mats, levels=tuple(LIMITS), year=year, alpha=1.0,
        max_distance=LIMITS,
    )  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", choices=["auto", "ghent", "synthetic"], default="auto")
    parser.add_argument("--distances", choices=["euclidean", "street"], default="euclidean")
    parser.add_argument("--year", type=int, default=2024)
    parser.add_argument("--model", default="cover-cost")
    parser.add_argument("--budget", type=float, default=None)
    parser.add_argument("--max-new-sites", type=int, default=None)
    parser.add_argument("--time-limit", type=float, default=300.0)
    parser.add_argument(
        "--min-expansion", type=float, default=0.0, help="smallest expansion of an existing site"
    )
    args = parser.parse_args(argv)

    from capacityplanner.paths import GHENT_GPKG

    data = args.data
    if data == "auto":
        data = "ghent" if GHENT_GPKG.exists() else "synthetic"
    t0 = time.perf_counter()
    if data == "ghent":
        problem = ghent_problem(args.year, args.distances)
    else:
        problem = synthetic_ghent_problem(0, year=args.year)
    t_build = time.perf_counter() - t0
    nnz = {lv: m.nnz for lv, m in problem.distances.items()}
    print(
        f"data={data} distances={args.distances if data == 'ghent' else 'euclidean'} "
        f"points={problem.n_points} existing={problem.n_existing} "
        f"candidates={problem.n_candidates} reachable pairs={nnz}"
    )
    print("demand:", {lv: round(float(problem.demand[lv].sum())) for lv in problem.levels})
    options = PlanOptions(
        model=args.model,
        budget=args.budget,
        max_new_sites=args.max_new_sites,
        brede_saving=0.25,
        rule_basis_with_bso=True,
        allow_unmet=True,
        mip_rel_gap=0.0,
        time_limit=args.time_limit,
        p=args.max_new_sites,
        min_expansion_places=args.min_expansion,
    )
    t1 = time.perf_counter()
    result = solve_plan(problem, options)
    t_solve = time.perf_counter() - t1
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"problem built in {t_build:.2f} s; model built and solved in {t_solve:.2f} s")
    print(
        f"status={result.status} proven_optimal={result.proven_optimal} "
        f"gap={result.mip_gap} peak RSS={peak_mib:.0f} MiB"
    )
    print(f"costs: {result.costs}  investment={result.costs.investment:,.0f}")
    print(result.sites[result.sites["kind"] == "new"].to_string(max_cols=20))
    print(f"expanded sites: {len(result.expanded_sites)}")
    print(result.travel.round(3).to_string())
    print("unmet:", {k: round(v) for k, v in result.unmet_total().items()})
    print(summary_en(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
