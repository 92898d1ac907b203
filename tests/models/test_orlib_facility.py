"""Capacitated facility location (split demand): published optima of cap41-44."""

from pathlib import Path

import numpy as np
import pytest

from capacityplanner.geodata.orlib import read_cap
from capacityplanner.models.optimise.facility import solve_facility

SHARED = (Path(__file__).parents[2] / "../shared/benchmarks").resolve()
CAP = SHARED / "cap"


def published_optima() -> dict[str, float]:
    lines = (CAP / "optima.txt").read_text().splitlines()
    return {name: float(value) for name, value in (line.split() for line in lines if line.strip())}


@pytest.mark.skipif(
    not (CAP / "optima.txt").exists(), reason=f"OR-Library cap instances not found in {CAP}"
)
@pytest.mark.parametrize("name", ["cap41", "cap42", "cap43", "cap44"])
def test_cap_reaches_published_optimum(name):
    inst = read_cap(CAP / f"{name}.txt")
    solution = solve_facility(inst.capacity, inst.fixed_cost, inst.demand, inst.cost)
    assert solution.proven_optimal
    assert solution.objective == pytest.approx(published_optima()[name], rel=1e-6)
    flows = solution.flows
    # Every customer fully served, only from open sites, within capacity.
    assert flows.sum(axis=1) == pytest.approx(np.ones(inst.num_customers))
    closed = np.setdiff1d(np.arange(inst.num_sites), solution.open_sites)
    assert np.all(flows[:, closed] == 0)
    assert np.all(inst.demand @ flows <= inst.capacity + 1e-6)


def test_split_demand_is_used_when_it_pays():
    # Two sites of capacity 6 each, one customer of demand 10: the demand
    # must be split, and the cheaper site takes as much as it can.
    solution = solve_facility(
        capacity=np.array([6.0, 6.0]),
        fixed_cost=np.array([1.0, 1.0]),
        demand=np.array([10.0]),
        cost=np.array([[10.0, 20.0]]),
    )
    assert solution.proven_optimal
    assert solution.flows[0] == pytest.approx([0.6, 0.4])
    assert solution.objective == pytest.approx(2 + 6 + 8)


def test_too_little_capacity_reports_no_solution():
    solution = solve_facility(np.array([3.0]), np.array([1.0]), np.array([5.0]), np.array([[1.0]]))
    assert solution.objective == np.inf
