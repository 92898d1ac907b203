"""Capacitated p-median (single assignment): published optima of pmedcap01-03."""

from pathlib import Path

import numpy as np
import pytest

from capacityplanner.geodata.orlib import read_pmedcap
from capacityplanner.models.optimise.cpmp import solve_cpmp

SHARED = (Path(__file__).parents[2] / "../shared/benchmarks").resolve()
PMEDCAP = SHARED / "pmedcap"


@pytest.mark.skipif(
    not (PMEDCAP / "pmedcap01.txt").exists(),
    reason=f"OR-Library pmedcap instances not found in {PMEDCAP}",
)
@pytest.mark.parametrize("number", [1, 2, 3])
def test_pmedcap_reaches_published_optimum(number):
    inst = read_pmedcap(PMEDCAP / f"pmedcap{number:02d}.txt")
    solution = solve_cpmp(inst.cost, inst.demand, inst.capacity, inst.p)
    assert solution.proven_optimal
    assert solution.objective == pytest.approx(inst.best_known, rel=1e-6)
    served = np.bincount(solution.assignment, weights=inst.demand, minlength=inst.num_sites)
    assert np.all(served <= inst.capacity)
    assert set(solution.assignment) <= set(solution.open_sites)
    assert solution.open_sites.size == inst.p


def test_capacity_forces_a_farther_site():
    # Customers 0 and 1 both prefer site 0, which holds only one of them.
    cost = np.array([[0.0, 5.0], [1.0, 9.0]])
    solution = solve_cpmp(cost, np.array([2.0, 2.0]), np.array([2.0, 2.0]), p=2)
    assert solution.proven_optimal
    assert list(solution.assignment) == [1, 0]
    assert solution.objective == 6.0
