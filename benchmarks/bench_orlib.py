"""Time the exact location solvers on the OR-Library instances.

    .venv/bin/python benchmarks/bench_orlib.py [NAMES...] [--spopt benchmarks/results_spopt.json]

Names: pmed1-20, cap41-cap104, capa_8000/10000/12000/14000, pmedcap01-10
(default: all). Every instance runs in a fresh process, so the peak
resident memory (``resource.getrusage`` maxrss) is that instance's own.
Writes ``benchmarks/results_orlib.json`` and prints a Markdown table; with
``--spopt`` (the JSON of ``bench_spopt.py``) it adds spopt's time and the
ratio.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = (REPO / "../shared/benchmarks").resolve()

PMED = [f"pmed{k}" for k in range(1, 21)]
CAP = [
    "cap41", "cap42", "cap43", "cap44", "cap51", "cap61", "cap62", "cap63", "cap64",
    "cap71", "cap72", "cap73", "cap74", "cap101", "cap102", "cap103", "cap104",
]  # fmt: skip
CAPA = [f"capa_{c}" for c in (8000, 10000, 12000, 14000)]
PMEDCAP = [f"pmedcap{k:02d}" for k in range(1, 11)]
ALL = PMED + CAP + CAPA + PMEDCAP


def optimum_of(name: str) -> float:
    if name.startswith("pmedcap"):
        return float((SHARED / "pmedcap" / f"{name}.txt").read_text().split()[1])
    if name.startswith("pmed"):
        table = (SHARED / "pmed" / "pmedopt.txt").read_text().splitlines()[1:]
    else:
        table = (SHARED / "cap" / "optima.txt").read_text().splitlines()
    return {a: float(b) for a, b in (line.split() for line in table if line.strip())}[name]


def run_one(name: str, time_limit: float) -> dict:
    """Solve one instance in this process; return its figures."""
    from capacityplanner.commands.orlib import solve_file

    if name.startswith("pmedcap"):
        problem, path, capacity = "pmedcap", SHARED / "pmedcap" / f"{name}.txt", None
    elif name.startswith("pmed"):
        problem, path, capacity = "pmed", SHARED / "pmed" / f"{name}.txt", None
    elif name.startswith("capa_"):
        problem, path, capacity = "cap", SHARED / "cap" / "capa.txt", float(name.split("_")[1])
    else:
        problem, path, capacity = "cap", SHARED / "cap" / f"{name}.txt", None
    solution, seconds = solve_file(problem, str(path), capacity=capacity, time_limit=time_limit)
    optimum = optimum_of(name)
    return {
        "instance": name,
        "seconds": round(seconds, 3),
        "objective": solution.objective,
        "optimum": optimum,
        "at_optimum": abs(solution.objective - optimum) <= 1e-6 * abs(optimum),
        "proven_optimal": solution.proven_optimal,
        "gap": solution.gap,
        "maxrss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "stats": {k: v for k, v in solution.stats.items() if isinstance(v, int | float | str)},
    }


def versions() -> dict:
    import highspy
    import numpy
    import scipy

    h = highspy.Highs()
    return {
        "python": platform.python_version(),
        "numpy": numpy.__version__,
        "scipy": scipy.__version__,
        "highs": f"{h.versionMajor()}.{h.versionMinor()}.{h.versionPatch()}",
        "cpu": platform.processor() or platform.machine(),
        "cores": os.cpu_count(),
    }


def table(results: list[dict], spopt: dict[str, dict]) -> str:
    lines = [
        "| instance | optimum | ours (s) | proven | peak RSS (MiB) | spopt+CBC (s) | spopt / ours |",
        "|---|---:|---:|:---:|---:|---:|---:|",
    ]
    for row in results:
        other = spopt.get(row["instance"])
        if other is None:
            theirs, ratio = "", ""
        elif other["finished"]:
            theirs = f"{other['seconds']:.2f}"
            ratio = f"{other['seconds'] / row['seconds']:.1f}"
        else:
            theirs = f"> {other.get('limit', 300):.0f}"
            ratio = f"> {other.get('limit', 300) / row['seconds']:.0f}"
        ok = "yes" if row["proven_optimal"] and row["at_optimum"] else "NO"
        lines.append(
            f"| {row['instance']} | {row['optimum']:.12g} | {row['seconds']:.2f} | {ok} | "
            f"{row['maxrss_mib']:.0f} | {theirs} | {ratio} |"
        )
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", default=ALL)
    parser.add_argument("--time-limit", type=float, default=300.0)
    parser.add_argument("--one", help=argparse.SUPPRESS)
    parser.add_argument("--spopt", type=Path, default=None, help="results of bench_spopt.py")
    parser.add_argument("--out", type=Path, default=REPO / "benchmarks" / "results_orlib.json")
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one, args.time_limit)))
        return 0
    results = []
    meta = versions() | {"started": time.strftime("%Y-%m-%d %H:%M:%S")}
    for name in args.names:
        done = subprocess.run(
            [sys.executable, __file__, "--one", name, "--time-limit", str(args.time_limit)],
            capture_output=True,
            text=True,
            check=True,
        )
        row = json.loads(done.stdout.strip().splitlines()[-1])
        results.append(row)
        print(
            f"{name:11s} {row['seconds']:8.2f} s  proven={row['proven_optimal']}  "
            f"objective={row['objective']:.12g}  optimum={row['optimum']:.12g}  "
            f"rss={row['maxrss_mib']:.0f} MiB",
            flush=True,
        )
        args.out.write_text(json.dumps({"meta": meta, "results": results}, indent=1))
    pmed_total = sum(r["seconds"] for r in results if r["instance"] in PMED)
    print(f"\npmed total: {pmed_total:.1f} s")
    spopt = {}
    if args.spopt is not None and args.spopt.exists():
        data = json.loads(args.spopt.read_text())
        limit = data["meta"]["time_limit"]
        spopt = {r["instance"]: r | {"limit": limit} for r in data["results"]}
    print(table(results, spopt))
    return 0


if __name__ == "__main__":
    sys.exit(main())
