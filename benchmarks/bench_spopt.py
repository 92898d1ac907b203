"""Time spopt (PySAL, default CBC through PuLP) on pmed1-10 and pmedcap01-10.

Runs in its own environment (``benchmarks/setup_spopt.sh`` creates
``benchmarks/.venv-spopt``)::

    benchmarks/.venv-spopt/bin/python benchmarks/bench_spopt.py [NAMES...]

Each instance gets at most ``--time-limit`` seconds of CBC (default 300);
an instance CBC does not finish is recorded as ``"> 300 s"``. pmed uses
``PMedian.from_cost_matrix`` on the shortest-path matrix (weights 1);
pmedcap uses the same model with ``facility_capacities`` (spopt's
capacitated p-median: binary assignment, sum of weights within the
capacity); as spopt multiplies cost by weight, the cost passed is
``distance / demand`` with weights = demand, so the objective is the plain
distance sum of the OR-Library instances. Results go to a JSON file.
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import sys
import time
from pathlib import Path

import numpy as np
import pulp
import spopt
from spopt.locate import PMedian

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
from capacityplanner.geodata.orlib import read_pmed, read_pmedcap  # noqa: E402

SHARED = (REPO / "../shared/benchmarks").resolve()
DEFAULT = [f"pmed{k}" for k in range(1, 11)] + [f"pmedcap{k:02d}" for k in range(1, 11)]


def run_one(name: str, time_limit: float) -> dict:
    began = time.perf_counter()
    if name.startswith("pmedcap"):
        inst = read_pmedcap(SHARED / "pmedcap" / f"{name}.txt")
        model = PMedian.from_cost_matrix(
            inst.cost / inst.demand[:, None],
            inst.demand,
            p_facilities=inst.p,
            facility_capacities=inst.capacity,
        )
        optimum = inst.best_known
    else:
        inst = read_pmed(SHARED / "pmed" / f"{name}.txt")
        model = PMedian.from_cost_matrix(inst.cost, inst.weight, p_facilities=inst.p)
        lines = (SHARED / "pmed" / "pmedopt.txt").read_text().splitlines()[1:]
        optimum = {a: float(b) for a, b in (line.split() for line in lines if line.strip())}[name]
    solver = pulp.PULP_CBC_CMD(msg=False, timeLimit=time_limit)
    model.solve(solver, results=False)
    seconds = time.perf_counter() - began
    status = pulp.LpStatus[model.problem.status]
    objective = pulp.value(model.problem.objective)
    # PuLP reports "Optimal" also when CBC stops at its time limit with a
    # solution; a run at the limit is therefore counted as not finished.
    finished = status == "Optimal" and seconds < time_limit
    return {
        "instance": name,
        "seconds": round(seconds, 2),
        "finished": bool(finished),
        "status": status,
        "objective": None if objective is None else float(objective),
        "optimum": optimum,
        "at_optimum": objective is not None and abs(objective - optimum) <= 1e-6 * optimum,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", default=DEFAULT)
    parser.add_argument("--time-limit", type=float, default=300.0)
    parser.add_argument("--out", type=Path, default=REPO / "benchmarks" / "results_spopt.json")
    args = parser.parse_args()
    results = []
    meta = {
        "spopt": spopt.__version__,
        "pulp": pulp.__version__,
        "numpy": np.__version__,
        "python": platform.python_version(),
        "time_limit": args.time_limit,
        "started": time.strftime("%Y-%m-%d %H:%M:%S"),
    }
    for name in args.names:
        row = run_one(name, args.time_limit)
        row["maxrss_mib"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
        results.append(row)
        shown = f"{row['seconds']:.2f} s" if row["finished"] else f"> {args.time_limit:.0f} s"
        print(f"{name:10s} {shown:>10s} {row['status']:10s} {row['objective']}", flush=True)
        args.out.write_text(json.dumps({"meta": meta, "results": results}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
