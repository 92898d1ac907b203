"""Branch and bound over open sites for the capacitated p-median problem."""

import time
from pathlib import Path

import numpy as np
import pytest

from capacityplanner.geodata.orlib import read_pmedcap
from capacityplanner.models.optimise import cpmp_branch, cpmp_lp
from capacityplanner.models.optimise.cpmp import solve_cpmp
from capacityplanner.models.optimise.cpmp_lagrange import site_knapsacks

PMEDCAP = (Path(__file__).parents[2] / "../shared/benchmarks/pmedcap").resolve()
needs_orlib = pytest.mark.skipif(
    not (PMEDCAP / "pmedcap08.txt").exists(),
    reason=f"OR-Library pmedcap instances not found in {PMEDCAP}",
)


def _tight_instance(seed: int, n: int = 30, m: int = 30, p: int = 4):
    """Planar instance, sites at the first ``m`` customers, capacities 8 % above demand / p."""
    rng = np.random.default_rng(seed)
    xy = rng.integers(0, 100, size=(n, 2)).astype(float)
    cost = np.floor(np.hypot(*(xy[:, None, :] - xy[None, :m, :]).transpose(2, 0, 1)))
    demand = rng.integers(1, 20, size=n).astype(float)
    capacity = np.full(m, np.ceil(demand.sum() / p * 1.08))
    return cost, demand, capacity, p


def _check_feasible(solution, demand, capacity, p):
    served = np.bincount(solution.assignment, weights=demand, minlength=capacity.size)
    assert np.all(served <= capacity)
    assert set(solution.assignment) <= set(solution.open_sites)
    assert solution.open_sites.size == p


@pytest.mark.parametrize(("seed", "sites"), [(1, 30), (12, 30), (18, 30), (1, 12), (7, 12)])
def test_site_search_matches_highs_on_tight_instances(seed, sites):
    # These instances leave a gap after the Lagrangian phase, so the site
    # search branches; HiGHS on the full model is the independent reference.
    cost, demand, capacity, p = _tight_instance(seed, m=sites)
    reference = solve_cpmp(cost, demand, capacity, p, lagrangian=False, branch_sites=False)
    assert reference.proven_optimal
    for lagrangian, workers in ((True, 1), (True, 2), (False, 1), (False, 2)):
        solution = solve_cpmp(cost, demand, capacity, p, lagrangian=lagrangian, workers=workers)
        assert solution.proven_optimal
        assert solution.objective == reference.objective
        searched = solution.stats.get("lp_reduced_search", solution.stats)
        assert searched["nodes"] >= 1
        _check_feasible(solution, demand, capacity, p)


@needs_orlib
def test_pmedcap08_proven_by_the_site_search():
    # The LP opens two groups of three sites half-way (bound 768.7, optimum
    # 820); the search branches on those groups and proves the optimum.
    inst = read_pmedcap(PMEDCAP / "pmedcap08.txt")
    solution = solve_cpmp(inst.cost, inst.demand, inst.capacity, inst.p)
    assert solution.proven_optimal
    assert solution.objective == pytest.approx(inst.best_known, rel=1e-6)
    assert solution.stats["group_branches"] > 0
    _check_feasible(solution, inst.demand, inst.capacity, inst.p)


@needs_orlib
def test_time_limit_returns_a_solution_and_a_valid_bound():
    inst = read_pmedcap(PMEDCAP / "pmedcap08.txt")
    solution = solve_cpmp(inst.cost, inst.demand, inst.capacity, inst.p, time_limit=0.6)
    assert not solution.proven_optimal
    assert solution.bound <= inst.best_known <= solution.objective
    assert 0 < solution.gap < 0.1
    _check_feasible(solution, inst.demand, inst.capacity, inst.p)


@needs_orlib
def test_failed_node_lp_falls_back_to_highs(monkeypatch):
    def fail(self, *args, **kwargs):
        raise cpmp_lp.LpTrouble("Numerical difficulties")

    monkeypatch.setattr(cpmp_lp.NodeLp, "solve", fail)
    inst = read_pmedcap(PMEDCAP / "pmedcap09.txt")
    solution = solve_cpmp(inst.cost, inst.demand, inst.capacity, inst.p)
    assert solution.proven_optimal
    assert solution.objective == pytest.approx(inst.best_known, rel=1e-6)
    assert solution.stats["site_search"] == "stopped: Numerical difficulties"


def test_node_lp_failing_in_the_second_worker_falls_back_to_highs(monkeypatch):
    # The root is solved in the calling thread; the failure comes later, in
    # the second worker's thread, and must still reach the caller.
    solve = cpmp_lp.NodeLp.solve
    calls = []

    def fail_later(self, *args, **kwargs):
        calls.append(self)
        if self is not calls[0]:  # a clone: the second worker's LP
            raise cpmp_lp.LpTrouble("Numerical difficulties")
        return solve(self, *args, **kwargs)

    monkeypatch.setattr(cpmp_lp.NodeLp, "solve", fail_later)
    cost, demand, capacity, p = _tight_instance(1, m=12)  # a tree that keeps both workers busy
    reference = solve_cpmp(cost, demand, capacity, p, lagrangian=False, branch_sites=False)
    solution = solve_cpmp(cost, demand, capacity, p, lagrangian=False, workers=2)
    assert len(set(calls)) == 2
    assert solution.proven_optimal
    assert solution.objective == reference.objective
    assert solution.stats["site_search"] == "stopped: Numerical difficulties"


def test_group_branch_set_opens_a_fractional_number_of_sites():
    # Sites 0 and 1 share customer 0 and open 0.75 sites together; site 2
    # (0.25 open) lies as close to that customer, but adding it makes the
    # number whole (1.0), and branching on a whole number would repeat the
    # node forever. The group itself is returned instead.
    m = 3
    y = np.array([0.25, 0.5, 0.25])
    ii = np.array([0, 0, 1])
    jj = np.array([0, 1, 2])
    x = np.array([0.25, 0.5, 0.25])
    cost = np.array([[5.0, 9.0, 7.0], [8.0, 8.0, 0.0]])
    group = cpmp_branch._fractional_group(np.r_[y, x], m, ii, jj, np.arange(m), cost)
    assert list(group) == [0, 1]
    assert 0 < y[group].sum() % 1 < 1


@needs_orlib
def test_restricted_root_lp_resumes_from_the_root_basis():
    # The short searches start from the root relaxation with the columns its
    # reduced costs rule out deleted: the same optimum, without a simplex
    # iteration.
    inst = read_pmedcap(PMEDCAP / "pmedcap01.txt")
    n, m = inst.cost.shape
    ii, jj = np.nonzero(inst.demand[:, None] <= inst.capacity[None, :])
    model = cpmp_lp.single_assignment_model(inst.cost, inst.demand, inst.capacity, inst.p, ii, jj)
    root = cpmp_lp.NodeLp(model, np.ones(m + ii.size), m, (ii, jj), inst.demand)
    z, values = root.solve(np.zeros(m), np.ones(m))
    reduced, _ = root.duals()
    kept = (reduced[m:] <= 10) | (values[m:] > 1e-9)
    assert 0 < kept.sum() < ii.size / 2
    restricted = root.restrict(kept, np.ones(m))
    z_restricted, values_restricted = restricted.solve(np.zeros(m), np.ones(m))
    assert z_restricted == pytest.approx(z, rel=1e-9)
    assert restricted.h.getInfo().simplex_iteration_count == 0
    assert values_restricted.size == m + kept.sum()


def test_knapsack_cuts_hold_for_every_whole_assignment_and_cut_a_split_one():
    # Nine customers, capacity 10: whichever customers a site serves within its
    # capacity satisfy every cut; an LP point that splits a customer to fill
    # the site beyond what whole customers can is cut off.
    rng = np.random.default_rng(3)
    n, m = 9, 2
    weight = rng.integers(2, 7, size=n)
    size = np.array([10, 10])
    cost = rng.integers(1, 30, size=(n, m)).astype(float)
    lam = cost[:, 0] + rng.uniform(0.5, 8.0, size=n)  # every customer worth something to site 0
    col_of = m + np.arange(n * m).reshape(n, m)
    values = np.zeros(m + n * m)
    values[0] = 1.0  # site 0 open
    order = np.argsort(-(lam - cost[:, 0]) / weight)  # fill by worth per unit, splitting the last
    room = 10.0
    for i in order:
        take = min(1.0, room / weight[i])
        values[col_of[i, 0]] = take
        room -= take * weight[i]
        if room <= 0:
            break
    assert any(0 < values[col_of[i, 0]] < 1 for i in range(n))
    sites = np.array([0])
    best, _ = site_knapsacks(lam[:, None] - cost[:, sites], weight, size[sites], keep=False)
    cuts = cpmp_branch._knapsack_cuts(values, lam, best, m, col_of, cost, sites)
    assert len(cuts) == 1
    cols, coef = cuts[0]
    assert coef @ values[cols] > 0  # the split point violates the cut
    for mask in range(1 << n):
        served = np.array([(mask >> i) & 1 for i in range(n)], dtype=float)
        if served @ weight > size[0]:
            continue
        point = np.zeros_like(values)
        point[0] = 1.0
        point[col_of[:, 0]] = served
        assert coef @ point[cols] <= 1e-9
    point = np.zeros_like(values)  # site closed, nothing served there
    assert coef @ point[cols] <= 0


@needs_orlib
def test_knapsack_cuts_shorten_the_pmedcap08_search(monkeypatch):
    # With the optimum 820 given and one worker the search is deterministic.
    # Without the knapsack cuts it settles some 65 near-optimal site sets
    # one by one; with them the LP excludes most of those sets itself.
    inst = read_pmedcap(PMEDCAP / "pmedcap08.txt")
    m = inst.cost.shape[1]
    keep = inst.demand[:, None] <= inst.capacity[None, :]

    def search():
        return cpmp_branch.branch_on_sites(
            inst.cost, inst.demand, inst.capacity, inst.p, keep, y_lower=np.zeros(m),
            y_upper=np.ones(m), upper=inst.best_known, assignment=None, margin=1 - 1e-6,
            workers=1,
        )  # fmt: skip

    with_cuts = search()
    monkeypatch.setattr(cpmp_branch, "_knapsack_cuts", lambda *args: [])
    without = search()
    assert with_cuts.proven and without.proven
    assert with_cuts.stats["knapsack_cuts"] > 0
    assert with_cuts.stats["settled_by_bound"] < without.stats["settled_by_bound"] / 2
    assert with_cuts.stats["lp_solves"] < 0.8 * without.stats["lp_solves"]


@needs_orlib
def test_settling_bound_goes_on_while_it_rises_and_spares_the_exact_assignment(monkeypatch):
    # pmedcap01 with sites 11, 16, 18, 20, 47 open: the best assignment costs
    # 714, so the set cannot beat the optimum 713. The Lagrangian bound from
    # the node LP's duals is still below 712 after the first ten steps and
    # passes it a few steps later: the set is settled without a HiGHS MIP,
    # and the knapsack cuts keep the multipliers of the first ten steps.
    inst = read_pmedcap(PMEDCAP / "pmedcap01.txt")
    n, m = inst.cost.shape
    keep = inst.demand[:, None] <= inst.capacity[None, :]
    ii, jj = np.nonzero(keep)
    model = cpmp_lp.single_assignment_model(inst.cost, inst.demand, inst.capacity, inst.p, ii, jj)
    lp = cpmp_lp.NodeLp(model, np.ones(m + ii.size), m, (ii, jj), inst.demand)
    sites = np.array([11, 16, 18, 20, 47])
    whole = np.zeros(m)
    whole[sites] = 1.0
    lp.solve(whole, whole)
    duals = lp.duals()[1][:n]
    weight, size = inst.demand.astype(int), inst.capacity.astype(int)
    cut = 713 - (1 - 1e-6)

    def bound():
        return cpmp_branch._assignment_bound(inst.cost, keep, weight, size, sites, duals, cut)

    longer, lam, knapsacks = bound()
    monkeypatch.setattr(cpmp_branch, "_SETTLE_MORE", 0)
    first, first_lam, first_knapsacks = bound()
    assert first <= cut < longer <= 714
    np.testing.assert_array_equal(lam, first_lam)
    np.testing.assert_array_equal(knapsacks, first_knapsacks)
    exact = cpmp_lp.assign_exactly(inst.cost, inst.demand, inst.capacity, sites)[0]
    assert exact == 714


@needs_orlib
def test_time_limit_without_the_lp_stages_still_leaves_a_solution():
    # Without the LP stages (here switched off; also with fractional demands
    # or a large knapsack table) the site search starts from the p-median
    # start, so a short time limit still returns a feasible plan.
    inst = read_pmedcap(PMEDCAP / "pmedcap08.txt")
    solution = solve_cpmp(
        inst.cost, inst.demand, inst.capacity, inst.p, lagrangian=False, time_limit=0.05
    )
    assert not solution.proven_optimal
    assert np.isfinite(solution.objective)
    assert solution.objective <= solution.stats["start_upper"]
    assert solution.bound <= inst.best_known <= solution.objective
    _check_feasible(solution, inst.demand, inst.capacity, inst.p)


def test_node_lp_stops_at_its_deadline():
    cost, demand, capacity, p = _tight_instance(3)
    m = cost.shape[1]
    ii, jj = np.nonzero(demand[:, None] <= capacity[None, :])
    model = cpmp_lp.single_assignment_model(cost, demand, capacity, p, ii, jj)
    lp = cpmp_lp.NodeLp(model, np.ones(m + ii.size), m, (ii, jj), demand)
    with pytest.raises(cpmp_lp.LpTimeUp):
        lp.solve(np.zeros(m), np.ones(m), deadline=time.perf_counter() - 1.0)
    z, values = lp.solve(np.zeros(m), np.ones(m), deadline=time.perf_counter() + 60.0)
    assert np.isfinite(z) and values is not None
