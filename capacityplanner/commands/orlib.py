"""``capacityplanner orlib``: solve an OR-Library location instance exactly.

Checks the optimiser against published optima::

    capacityplanner orlib pmed pmed1.txt --json
    capacityplanner orlib cap capa.txt --capacity 8000
    capacityplanner orlib pmedcap pmedcap01.txt --time-limit 60

``--json`` prints ``{"objective", "proven_optimal", "gap", "seconds"}``.
"""

from __future__ import annotations

import argparse
import json
import math
import time

from capacityplanner.errors import InputError
from capacityplanner.geodata.orlib import read_cap, read_pmed, read_pmedcap
from capacityplanner.models.optimise.cpmp import solve_cpmp
from capacityplanner.models.optimise.facility import solve_facility
from capacityplanner.models.optimise.mip import LocationSolution
from capacityplanner.models.optimise.pmedian import solve_pmedian

PROBLEMS = {
    "pmed": "uncapacitated p-median (OR-Library pmed1-40)",
    "cap": "capacitated facility location, split demand (cap41-134, capa/b/c)",
    "pmedcap": "capacitated p-median, single assignment (pmedcap01-10)",
}


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``orlib`` subcommand."""
    parser = subparsers.add_parser(
        "orlib",
        help="solve an OR-Library location instance to proven optimality",
        description="Solve an OR-Library location instance to proven optimality. "
        + "; ".join(f"{key}: {text}" for key, text in PROBLEMS.items())
        + ".",
    )
    parser.add_argument("problem", choices=sorted(PROBLEMS), help="instance format")
    parser.add_argument("file", help="instance file")
    parser.add_argument(
        "--capacity",
        type=float,
        default=None,
        help="site capacity for cap files whose capacity field is the word 'capacity' (capa/b/c)",
    )
    parser.add_argument(
        "--time-limit", type=float, default=None, metavar="S", help="stop after S seconds"
    )
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    parser.set_defaults(handler=run)


def solve_file(
    problem: str, path: str, *, capacity: float | None = None, time_limit: float | None = None
) -> tuple[LocationSolution, float]:
    """Read and solve one instance file.

    Parameters
    ----------
    problem : str
        ``"pmed"``, ``"cap"`` or ``"pmedcap"``.
    path : str
        Instance file.
    capacity : float, optional
        Capacity for capa/b/c files.
    time_limit : float, optional
        Seconds for the solver.

    Returns
    -------
    tuple of LocationSolution and float
        The solution and the wall time including reading the file.
    """
    began = time.perf_counter()
    if time_limit is not None and not time_limit > 0:
        raise InputError(f"--time-limit must be a positive number of seconds, got {time_limit}.")
    if capacity is not None and not capacity >= 0:
        raise InputError(f"--capacity must be a non-negative number, got {capacity}.")
    if problem == "pmed":
        inst = read_pmed(path)
        solution = solve_pmedian(inst.cost, inst.weight, inst.p, time_limit=time_limit)
    elif problem == "cap":
        inst = read_cap(path, capacity)
        solution = solve_facility(
            inst.capacity, inst.fixed_cost, inst.demand, inst.cost, time_limit=time_limit
        )
    elif problem == "pmedcap":
        inst = read_pmedcap(path)
        solution = solve_cpmp(inst.cost, inst.demand, inst.capacity, inst.p, time_limit=time_limit)
    else:  # argparse restricts the choices
        raise InputError(f"unknown problem {problem!r}; choose pmed, cap or pmedcap.")
    return solution, time.perf_counter() - began


def _number(value: float) -> float | None:
    return float(value) if math.isfinite(value) else None


def run(args: argparse.Namespace) -> int:
    """Handler of ``capacityplanner orlib``; returns the exit status."""
    solution, seconds = solve_file(
        args.problem, args.file, capacity=args.capacity, time_limit=args.time_limit
    )
    if args.json:
        print(
            json.dumps(
                {
                    "objective": _number(solution.objective),
                    "proven_optimal": solution.proven_optimal,
                    "gap": _number(solution.gap),
                    "seconds": round(seconds, 3),
                }
            )
        )
        return 0
    if not math.isfinite(solution.objective):
        print(
            f"{args.file}: no feasible solution" + (" (proven)" if solution.proven_optimal else "")
        )
        return 0
    state = "proven optimal" if solution.proven_optimal else f"gap {100 * solution.gap:.4f}%"
    sites = " ".join(str(j + 1) for j in solution.open_sites)
    print(f"{args.file}: {PROBLEMS[args.problem]}")
    print(f"objective  {solution.objective:.12g} ({state})")
    print(f"open sites {sites}")
    print(f"time       {seconds:.2f} s")
    return 0
