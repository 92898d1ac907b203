"""Branch and bound over the open sites of the capacitated p-median problem.

The LP relaxation of the single-assignment model is weak where sites open
half-way: on pmedcap08 two groups of three sites sit at ``y = 1/2``, each
group serving a cluster of customers that needs two whole sites. HiGHS
branches on sites and assignments alike and needs thousands of nodes there.
This search branches on the sites only:

* each node is the LP with some sites forced open or closed, re-solved by
  the dual simplex from the basis HiGHS holds;
* where fractional sites share customers and their number is fractional
  (the half-open groups), the node branches on the number of open sites in
  that group and the sites near it (``<= floor`` or ``>= ceil``);
  otherwise on one site, chosen by reliability branching (strong branching
  on up to six sites nearest one half until a site has pseudo-costs, then
  its pseudo-costs);
* a node whose LP opens whole sites ``S`` is settled: a Lagrangian bound of
  the assignment to ``S`` (one 0/1 knapsack per site, multipliers from the
  node LP) or else the exact assignment (a small HiGHS MIP) decides whether
  ``S`` holds a cheaper solution, and the cut ``sum_{j in S} y_j <= p - 1``
  then excludes ``S`` everywhere; cover inequalities of the open sites'
  capacities are added there too, and so are the knapsack cuts of the
  Lagrangian bound's multipliers (no set of customers within a site's
  capacity is worth more to it than its knapsack), which the LP then keeps
  for every node where those sites open: on pmedcap08 the search otherwise
  settles some 65 near-optimal site sets one by one;
* reduced costs close or open sites for the node's subtree.

A node is pruned when its bound cannot beat the incumbent by ``margin``
(just under 1 for whole-number costs), so the search ends with the
incumbent proven optimal.
"""

from __future__ import annotations

import os
import threading
import time
from dataclasses import dataclass, field

import numpy as np
import scipy.sparse as sp
from scipy.sparse.csgraph import connected_components

from capacityplanner.models.optimise.cpmp_lagrange import knapsack_items, site_knapsacks
from capacityplanner.models.optimise.cpmp_lp import (
    FRACTIONAL,
    LpTimeUp,
    NodeLp,
    RowPool,
    assign_exactly,
    single_assignment_model,
)

__all__ = ["BranchOutcome", "branch_on_sites"]

_RELIABLE = 1  # strong-branching samples per direction before pseudo-costs are trusted
_STRONG_CANDIDATES = 6  # sites closest to one half that may be strong-branched at a node
_SETTLE_STEPS = 10  # subgradient steps of the Lagrangian bound of a whole-site node
_SETTLE_MORE = 20  # further steps while that bound still rises (each may save an exact MIP)
_FLAT_STEPS = 3  # the bound has stopped rising after this many steps without a rise
_RISE = 1e-4  # relative rise of the bound that counts
_STEAL_FROM = 2  # an idle worker takes a node only from a stack at least this deep
_CUT_SLACK = 1e-7  # relative slack of a knapsack cut's bound, against rounding
_VIOLATED = 1e-6  # relative violation from which a knapsack cut is added
_WORKERS = 2  # node LPs solved at once, each in its own HiGHS instance and thread


@dataclass
class BranchOutcome:
    """What the site branch and bound established.

    Attributes
    ----------
    upper : float
        Cost of the best solution known (the incumbent passed in, or better).
    assignment : numpy.ndarray or None
        Its serving site per customer.
    bound : float
        Proven lower bound on the optimum.
    proven : bool
        True when the search finished, so ``upper`` is optimal.
    stats : dict
        Nodes, strong-branching solves, settled site sets, cuts.
    """

    upper: float
    assignment: np.ndarray | None
    bound: float
    proven: bool
    stats: dict = field(default_factory=dict)


def _fractional_group(values, m, ii, jj, frac, cost):
    """Sites to branch on as a group, or ``None``.

    Fractional sites that share a customer form groups; the group whose
    number of open sites is furthest from a whole number is widened to
    every site at most as far (summed over the group's customers) as its
    farthest member, so that the branch cannot be dodged by moving the
    half-open sites next door; when the widened set opens a whole number of
    sites, the group itself is returned. Either way the number of open sites
    in the returned set is fractional, so both branches cut the LP solution.
    """
    x = values[m:]
    is_frac = np.zeros(m, dtype=bool)
    is_frac[frac] = True
    split = (x > FRACTIONAL) & is_frac[jj]
    n = cost.shape[0]
    graph = sp.coo_matrix((np.ones(split.sum()), (ii[split], n + jj[split])), shape=(n + m, n + m))
    _, label = connected_components(graph.tocsr(), directed=False)
    y = values[:m]
    best, best_score = None, 1e-6
    for lab in np.unique(label[n + frac]):
        group = frac[label[n + frac] == lab]
        if group.size < 2:
            continue
        total = y[group].sum()
        score = min(total - np.floor(total), np.ceil(total) - total)
        if score > best_score:
            best, best_score = group, score
    if best is None:
        return None
    customers = np.unique(ii[split & np.isin(jj, best)])
    spread = cost[customers].sum(axis=0)
    wide = np.flatnonzero(spread <= spread[best].max() + 1e-9)
    total = y[wide].sum()
    if min(total - np.floor(total), np.ceil(total) - total) > 1e-6:
        return wide
    return best  # the sites next door make the number whole: branch on the group itself


def _violated_covers(values, m, col_of, weight, size):
    """Cover inequalities ``sum_{i in C} x_ij <= (|C| - 1) y_j`` the LP violates.

    Per open site, customers are taken in order of ``(1 - x_ij / y_j)`` per
    unit of demand until they overfill the capacity; the cover is violated
    when those terms sum below 1. Returns the columns and coefficients of
    each (``<= 0``).
    """
    y = values[:m]
    found = []
    for j in np.flatnonzero(y > FRACTIONAL):
        col = col_of[:, j]
        items = np.flatnonzero(col >= 0)
        share = np.clip(values[col[items]] / y[j], 0.0, 1.0)
        items, share = items[share > FRACTIONAL], share[share > FRACTIONAL]
        if weight[items].sum() <= size[j]:
            continue
        order = np.argsort((1.0 - share) / np.maximum(weight[items], 1e-9), kind="stable")
        fill = np.cumsum(weight[items[order]])
        take = order[: int(np.searchsorted(fill, size[j], side="right")) + 1]
        if (1.0 - share[take]).sum() < 1.0 - 1e-4:
            members = items[take]
            found.append((np.r_[col[members], j], np.r_[np.ones(members.size), 1.0 - members.size]))
    return found


def _knapsack_cuts(values, lam, best, m, col_of, cost, sites):
    """Knapsack cuts ``sum_i g_ij x_ij <= U_j y_j`` of ``sites`` that the LP point violates.

    With multipliers ``lam`` a customer is worth ``g_ij = lam_i - c_ij`` to
    site ``j``; only those worth something enter the cut. ``U_j`` (``best``,
    one per site, from :func:`.site_knapsacks` at ``lam``) is the most a set
    of them within the capacity is worth, so every solution satisfies the
    cut (at ``y_j = 0`` nothing is served there), while an LP that splits
    customers between sites can exceed it.

    Returns
    -------
    list of tuple of numpy.ndarray
        Columns and coefficients of each violated cut (``<= 0``).
    """
    y = values[:m]
    gain = lam[:, None] - cost[:, sites]
    worth = (col_of[:, sites] >= 0) & (gain > 0)
    found = []
    for k, j in enumerate(sites):
        if y[j] <= FRACTIONAL:
            continue
        items = np.flatnonzero(worth[:, k])
        cols = col_of[items, j]
        limit = best[k] + _CUT_SLACK * (1.0 + abs(best[k]))  # rounding must not cut a solution
        violation = float(gain[items, k] @ values[cols]) - limit * y[j] if items.size else 0.0
        if violation > _VIOLATED * (1.0 + abs(best[k])):
            found.append((np.r_[cols, j], np.r_[gain[items, k], -limit]))
    return found


def _assignment_bound(cost, keep, weight, size, sites, lam, cut):
    """Lagrangian bound of assigning every customer to one of ``sites``.

    Starts from the node LP's assignment duals ``lam`` and takes
    ``_SETTLE_STEPS`` subgradient steps, then up to ``_SETTLE_MORE`` more
    while the bound still rises; stops as soon as the bound exceeds ``cut``.
    Returns the bound, and the multipliers of the first steps with the
    sites' knapsack values at them (for the knapsack cuts).
    """
    allowed = keep[:, sites]
    c = np.where(allowed, cost[:, sites], 0.0)
    cap = size[sites]
    lam = lam.copy()
    best, best_lam, best_kv = -np.inf, lam.copy(), None
    first = None  # the multipliers and knapsack values of the first steps
    flat = 0  # steps since the bound last rose
    for step in range(_SETTLE_STEPS + _SETTLE_MORE + 1):
        if step == _SETTLE_STEPS + 1:
            first = (best_lam, best_kv)
        value = np.where(allowed, lam[:, None] - c, -np.inf)
        kv, took = site_knapsacks(value, weight, cap, keep=True)
        bound = float(lam.sum() - kv.sum())
        if bound > best:
            flat = 0 if bound > best + _RISE * (1.0 + abs(best)) else flat + 1
            best, best_lam, best_kv = bound, lam.copy(), kv
        else:
            flat += 1
        if best > cut or (step >= _SETTLE_STEPS and flat >= _FLAT_STEPS):
            break
        grad = 1.0 - knapsack_items(took, weight, cap, np.arange(sites.size)).sum(axis=1)
        norm = float(grad @ grad)
        if norm == 0:
            break
        lam += (cut + 1.0 - bound) / norm * grad
    return (best, *(first or (best_lam, best_kv)))


def _fractional_sites(values: np.ndarray, m: int) -> tuple[np.ndarray, np.ndarray]:
    """The site values of an LP solution and the sites open a fractional amount."""
    y = values[:m]
    return y, np.flatnonzero(np.abs(y - np.round(y)) > FRACTIONAL)


class _Halt(Exception):
    """The deadline or the LP budget stops the search; ``node`` goes back on the stack."""

    def __init__(self, node: tuple) -> None:
        super().__init__("search halted")
        self.node = node


class _SiteSearch:
    """What the workers share: the node stack, the incumbent, pseudo-costs and cut pool.

    Each worker owns one :class:`NodeLp`; HiGHS releases the interpreter
    lock while it solves, so two workers keep two cores busy. A node is a
    tuple of the site lower and upper bounds, its parent's LP bound and the
    bounds of pool rows. Shared counters and the incumbent change under
    ``cond``'s lock.
    """

    def __init__(self, cost, demand, capacity, p, keep, margin, upper, assignment, limits, workers):
        n, m = cost.shape
        self.cost, self.demand, self.capacity, self.p, self.keep = cost, demand, capacity, p, keep
        self.ii, self.jj = np.nonzero(keep)
        self.whole = bool(
            np.all(demand == np.round(demand)) and np.all(capacity == np.round(capacity))
        )
        self.weight, self.size = demand.astype(int), capacity.astype(int)
        self.col_of = np.full((n, m), -1)
        self.col_of[self.ii, self.jj] = m + np.arange(self.ii.size)
        self.margin, self.upper, self.assignment = margin, upper, assignment
        self.deadline, self.solve_limit, self.strong_candidates, self.threads = limits
        self.pool = RowPool()
        self.pseudo_sum = np.zeros((2, m))
        self.pseudo_count = np.zeros((2, m))
        self.stats = {"nodes": 0, "strong_solves": 0, "settled_sets": 0, "settled_by_bound": 0}
        self.stats |= {"group_branches": 0, "covers": 0, "knapsack_cuts": 0}
        self.stacks: list[list[tuple]] = [[] for _ in range(workers)]
        self.root = -np.inf
        self.solves = 0
        self.cond = threading.Condition()
        self.busy = 0
        self.halted = False
        self.failure: BaseException | None = None

    def open_nodes(self) -> list[tuple]:
        """Every node waiting on a stack."""
        return [node for stack in self.stacks for node in stack]

    def _take(self, me: int) -> tuple | None:
        """The newest node of worker ``me``'s stack, else the oldest of another's.

        Another worker keeps its last node: in a narrow tree a helper that
        took it would only re-solve from a distant basis what the owner
        solves from a near one.
        """
        if self.stacks[me]:
            return self.stacks[me].pop()
        for stack in self.stacks:
            if len(stack) >= _STEAL_FROM:
                return stack.pop(0)
        return None

    def work(self, lp: NodeLp, me: int = 0, nodes: int | None = None) -> None:
        """Take nodes until the search ends (or ``nodes`` are done).

        Each worker searches depth first on its own stack, so that its LP
        re-solves from a nearby basis; an idle worker takes the shallowest
        node of another that has two or more.
        """
        done = 0
        while nodes is None or done < nodes:
            with self.cond:
                node = self._take(me)
                while node is None and self.busy and not self.halted:
                    self.cond.wait()
                    node = self._take(me)
                if self.halted or node is None:
                    if node is not None:
                        self.stacks[me].append(node)
                    self.cond.notify_all()
                    return
                self.busy += 1
            failure = None
            try:
                children = self._process(node, lp)
            except _Halt as halt:
                children, failure = [halt.node], halt
            except BaseException as error:  # re-raised by branch_on_sites in its thread
                children, failure = [node], error
            with self.cond:
                if failure is not None:
                    self.halted = True
                    if not isinstance(failure, _Halt):
                        self.failure = self.failure or failure
                self.stacks[me].extend(children)
                self.busy -= 1
                self.cond.notify_all()
            done += 1

    def _add_cuts(self, cuts: list, key: str) -> None:
        """Add rows ``cols . vals <= 0`` to the pool and count them under ``key``."""
        for cols, vals in cuts:
            self.pool.add(cols, vals, -np.inf, 0.0)
        self._count(key, len(cuts))

    def _count(self, key: str, k: int = 1) -> None:
        with self.cond:
            self.stats[key] += k

    def _solve(self, lp: NodeLp, node: tuple, lo, hi, rows, cut) -> tuple:
        """One LP solve within the budget; ``node`` is what to resume from."""
        with self.cond:
            if self.halted or (self.solve_limit is not None and self.solves >= self.solve_limit):
                raise _Halt(node)
            self.solves += 1
        try:  # the deadline also stops the strong-branching LPs of one node
            return lp.solve(lo, hi, rows, cut, self.pool, deadline=self.deadline)
        except LpTimeUp:
            raise _Halt(node) from None

    def _process(self, node: tuple, lp: NodeLp) -> list[tuple]:
        """Solve one node; return the nodes to push (the last is taken first)."""
        lo, hi, parent, rows = node
        if self.deadline is not None and time.perf_counter() > self.deadline:
            raise _Halt(node)
        cut = self.upper - self.margin
        if parent > cut:
            return []
        m, n = self.cost.shape[1], self.cost.shape[0]
        z, values = self._solve(lp, node, lo, hi, rows, cut)
        with self.cond:
            self.stats["nodes"] += 1
            if self.stats["nodes"] == 1:
                self.root = z
                self.stats["root_bound"] = round(float(z), 6) if np.isfinite(z) else None
        if values is None or z > cut:
            return []
        y, frac = _fractional_sites(values, m)
        if frac.size == 0 and self.whole:
            covers = _violated_covers(values, m, self.col_of, self.weight, self.size)
            self._add_cuts(covers, "covers")
            if covers:
                z, values = self._solve(lp, (lo, hi, z, rows), lo, hi, rows, cut)
                if values is None or z > cut:
                    return []
                y, frac = _fractional_sites(values, m)
        reduced, row_dual = lp.duals()
        cut = min(cut, self.upper - self.margin)  # another worker may have improved it
        if z > cut:
            return []
        lo, hi = lo.copy(), hi.copy()
        hi[(y < 1e-9) & (reduced[:m] > cut - z)] = 0.0
        lo[(y > 1 - 1e-9) & (-reduced[:m] > cut - z)] = 1.0
        if frac.size == 0:
            return self._settle(lo, hi, z, rows, np.flatnonzero(y > 0.5), row_dual[:n], cut, values)
        group = _fractional_group(values, m, self.ii, self.jj, frac, self.cost)
        if group is not None:
            r = self.pool.group(group)
            total = float(y[group].sum())
            self._count("group_branches")
            low, high = rows.get(r, (-np.inf, np.inf))
            fewer = rows | {r: (low, min(high, float(np.floor(total))))}
            more = rows | {r: (max(low, float(np.ceil(total))), high)}
            return [(lo, hi, z, fewer), (lo.copy(), hi.copy(), z, more)]
        return self._branch_site(lp, lo, hi, z, rows, y, frac, cut)

    def _settle(self, lo, hi, z, rows, sites, lam, cut, values) -> list[tuple]:
        """A node opening whole sites: bound or solve their assignment, then exclude them.

        The knapsack cuts of the bound's multipliers that ``values`` (the
        node's LP solution) violates join the pool.
        """
        settled = False
        if self.whole and np.isfinite(cut):
            bound, lam, knapsacks = _assignment_bound(
                self.cost, self.keep, self.weight, self.size, sites, lam, cut
            )
            settled = bound > cut
            m = self.cost.shape[1]
            cuts = _knapsack_cuts(values, lam, knapsacks, m, self.col_of, self.cost, sites)
            self._add_cuts(cuts, "knapsack_cuts")
        if settled:
            self._count("settled_by_bound")
        else:
            left = None if self.deadline is None else max(self.deadline - time.perf_counter(), 0.01)
            obj, where, proven = assign_exactly(
                self.cost, self.demand, self.capacity, sites, keep=self.keep,
                cutoff=cut + 0.5 * self.margin if np.isfinite(cut) else None,
                time_limit=left, threads=self.threads,
            )  # fmt: skip
            self._count("settled_sets")
            with self.cond:
                if obj < self.upper:
                    self.upper, self.assignment = obj, where
            if not proven:
                raise _Halt((lo, hi, z, rows))
        self.pool.add(sites, np.ones(sites.size), -np.inf, float(self.p - 1))
        return [(lo, hi, z, rows)]

    def _branch_site(self, lp, lo, hi, z, rows, y, frac, cut) -> list[tuple]:
        """Branch on one site: reliability branching, depth first to the side the LP leans to."""
        score = np.empty(frac.size)
        forced = False
        may_probe = np.zeros(frac.size, dtype=bool)
        nearest_half = np.argsort(np.abs(y[frac] - 0.5), kind="stable")
        may_probe[nearest_half[: self.strong_candidates]] = True
        pseudo_sum, pseudo_count = self.pseudo_sum, self.pseudo_count
        for pos, j in enumerate(frac):
            gains = []
            for side in (0, 1):
                share = y[j] if side == 0 else 1.0 - y[j]
                if pseudo_count[side, j] < _RELIABLE and not may_probe[pos]:
                    gains.append(share)  # no estimate yet: the fraction itself
                    continue
                if pseudo_count[side, j] < _RELIABLE:
                    lo2, hi2 = lo.copy(), hi.copy()
                    lo2[j] = hi2[j] = float(side)
                    child, _ = self._solve(lp, (lo, hi, z, rows), lo2, hi2, rows, cut)
                    self._count("strong_solves")
                    gain = min(child, cut + 1e3) - z
                    pseudo_sum[side, j] += gain / share
                    pseudo_count[side, j] += 1
                    if child > cut:
                        # Nothing better on that side: fix the site the other way.
                        lo[j] = hi[j] = float(1 - side)
                        forced = True
                    gains.append(gain)
                else:
                    gains.append(pseudo_sum[side, j] / pseudo_count[side, j] * share)
            score[pos] = max(gains[0], 1e-6) * max(gains[1], 1e-6)
        if forced:
            return [(lo, hi, z, rows)]
        j = frac[int(np.argmax(score))]
        down = (lo.copy(), hi.copy(), z, rows)
        down[1][j] = 0.0
        up = (lo.copy(), hi.copy(), z, rows)
        up[0][j] = 1.0
        return [down, up] if y[j] >= 0.5 else [up, down]


def branch_on_sites(
    cost: np.ndarray,
    demand: np.ndarray,
    capacity: np.ndarray,
    p: int,
    keep: np.ndarray,
    *,
    y_lower: np.ndarray,
    y_upper: np.ndarray,
    upper: float,
    assignment: np.ndarray | None,
    margin: float,
    deadline: float | None = None,
    solve_limit: int | None = None,
    strong_candidates: int = _STRONG_CANDIDATES,
    threads: int | None = None,
    workers: int | None = None,
    lp: NodeLp | None = None,
) -> BranchOutcome:
    """Search the open-site sets for a solution cheaper than ``upper - margin``.

    Parameters
    ----------
    cost : numpy.ndarray
        ``(customers, sites)`` cost.
    demand, capacity : numpy.ndarray
        Customer demands and site capacities.
    p : int
        Number of sites to open.
    keep : numpy.ndarray of bool
        ``(customers, sites)`` pairs that may occur in a solution cheaper
        than ``upper``.
    y_lower, y_upper : numpy.ndarray
        Sites already forced open (lower 1) or closed (upper 0).
    upper, assignment : float and numpy.ndarray or None
        The incumbent (``inf`` and ``None`` when there is none).
    margin : float
        A solution must be cheaper than ``upper - margin`` to count as
        better (just under 1 for whole-number costs).
    deadline : float, optional
        ``time.perf_counter()`` value at which to stop unproven.
    solve_limit : int, optional
        Node and strong-branching LP solves after which to stop unproven.
    strong_candidates : int
        Sites nearest one half that a node may strong-branch.
    threads : int, optional
        HiGHS thread count of the exact assignments.
    workers : int, optional
        Node LPs solved at once, each in its own thread (default: two, or
        one on a single core). The optimum does not depend on it; the
        order of the nodes, and so their number, does.
    lp : NodeLp, optional
        The LP to start from, built over the pairs of ``keep`` in
        ``numpy.nonzero`` order (e.g. :meth:`NodeLp.restrict` of the root
        relaxation); by default a new one.

    Returns
    -------
    BranchOutcome

    Raises
    ------
    LpTrouble
        When HiGHS ends a node LP without an answer (the caller falls back
        to HiGHS's own branch and bound).
    """
    m = cost.shape[1]
    count = workers if workers is not None else _WORKERS
    count = max(1, min(count, os.cpu_count() or 1))
    search = _SiteSearch(
        cost, demand, capacity, p, keep, margin, upper, assignment,
        (deadline, solve_limit, strong_candidates, threads), count,
    )  # fmt: skip
    ii, jj = search.ii, search.jj
    if lp is None:
        model = single_assignment_model(cost, demand, capacity, p, ii, jj)
        lp = NodeLp(model, np.r_[y_upper, np.ones(ii.size)], m, (ii, jj), demand)
    first = lp
    search.stacks[0].append(
        (np.asarray(y_lower, float).copy(), np.asarray(y_upper, float).copy(), -np.inf, {})
    )
    search.work(first, nodes=1)  # the root, so that the others start from its basis
    lps = [first] + [first.clone() for _ in range(count - 1) if search.open_nodes()]
    helpers = [
        threading.Thread(target=search.work, args=(lp, k), daemon=True)
        for k, lp in enumerate(lps[1:], start=1)
    ]
    for helper in helpers:
        helper.start()
    search.work(first)
    for helper in helpers:
        helper.join()
    if search.failure is not None:
        raise search.failure
    stats = search.stats | {"lp_solves": sum(lp.solves for lp in lps), "workers": len(lps)}
    if search.halted:
        bound = min([search.upper, *(node[2] for node in search.open_nodes())])
        stats["status"] = "time_limit"
        return BranchOutcome(search.upper, search.assignment, max(bound, search.root), False, stats)
    stats["status"] = "optimal"
    return BranchOutcome(search.upper, search.assignment, search.upper, True, stats)
