"""Uncapacitated p-median: published optima of pmed1-5 and a brute-force check."""

from itertools import combinations
from pathlib import Path

import numpy as np
import pytest

from capacityplanner.geodata.orlib import read_pmed
from capacityplanner.models.optimise.pmedian import greedy_interchange, solve_pmedian

SHARED = (Path(__file__).parents[2] / "../shared/benchmarks").resolve()
PMED = SHARED / "pmed"


def published_optima() -> dict[str, float]:
    lines = (PMED / "pmedopt.txt").read_text().splitlines()[1:]
    return {name: float(value) for name, value in (line.split() for line in lines if line.strip())}


@pytest.mark.skipif(
    not (PMED / "pmedopt.txt").exists(),
    reason=f"OR-Library pmed instances not found in {PMED}",
)
@pytest.mark.parametrize("number", [1, 2, 3, 4, 5])
def test_pmed_reaches_published_optimum(number):
    inst = read_pmed(PMED / f"pmed{number}.txt")
    solution = solve_pmedian(inst.cost, inst.weight, inst.p)
    assert solution.proven_optimal
    assert solution.objective == pytest.approx(published_optima()[inst.name], rel=1e-6)
    # The reported cost is the cost of the reported sites.
    assert solution.open_sites.size == inst.p
    assert inst.cost[:, solution.open_sites].min(axis=1).sum() == solution.objective
    assert np.array_equal(
        inst.cost[np.arange(inst.num_clients), solution.assignment],
        inst.cost[:, solution.open_sites].min(axis=1),
    )


def brute_force(cost, weight, p):
    return min(
        (weight * cost[:, list(sites)].min(axis=1)).sum()
        for sites in combinations(range(cost.shape[1]), p)
    )


@pytest.mark.parametrize("seed", [0, 1, 2, 3])
def test_weighted_rectangular_instance_matches_enumeration(seed):
    rng = np.random.default_rng(seed)
    clients, sites = rng.uniform(0, 100, (40, 2)), rng.uniform(0, 100, (12, 2))
    cost = np.round(np.linalg.norm(clients[:, None] - sites[None], axis=2), 1)
    weight = rng.integers(1, 9, 40).astype(float)
    for p in (1, 3, 5):
        solution = solve_pmedian(cost, weight, p)
        assert solution.proven_optimal
        assert solution.objective == pytest.approx(brute_force(cost, weight, p), rel=1e-9)


def test_interchange_leaves_no_improving_swap():
    rng = np.random.default_rng(7)
    cost = rng.integers(1, 100, (30, 15)).astype(float)
    weight = np.ones(30)
    sites = greedy_interchange(cost, weight, 4)
    value = cost[:, sites].min(axis=1).sum()
    for out in sites:
        for j in set(range(15)) - set(sites):
            swapped = [s for s in sites if s != out] + [j]
            assert cost[:, swapped].min(axis=1).sum() >= value
