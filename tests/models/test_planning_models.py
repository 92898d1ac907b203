"""Hand-checkable instances for the four planning models, statuses and limits."""

import numpy as np
import pandas as pd
import pytest
import scipy.sparse as sp

from capacityplanner.errors import InputError
from capacityplanner.models.optimise import (
    PlanningProblem,
    PlanOptions,
    solve_plan,
    summary_en,
    summary_nl,
)


def reach(points: pd.DataFrame, sites: pd.DataFrame, limit: float) -> sp.csr_matrix:
    """Straight-line distances within ``limit`` (stored >= 1 m), sites in given order."""
    d = np.hypot(
        points["x"].to_numpy()[:, None] - sites["x"].to_numpy()[None, :],
        points["y"].to_numpy()[:, None] - sites["y"].to_numpy()[None, :],
    )
    return sp.csr_matrix(np.where(d <= limit, np.maximum(d, 1.0), 0.0))


def make(points, existing, candidates, limit=1500.0, level="lager", **kw) -> PlanningProblem:
    sites = pd.concat([existing[["x", "y"]], candidates[["x", "y"]]], ignore_index=True)
    levels = kw.pop("levels", (level,))
    dist = {lv: reach(points, sites, limit) for lv in levels}
    return PlanningProblem.from_frames(points, existing, candidates, dist, levels=levels, **kw)


def line_points(demand=(100.0, 100.0, 100.0), xs=(0.0, 1000.0, 2000.0), level="lager"):
    n = len(xs)
    return pd.DataFrame(
        {
            "point_id": [f"p{i}" for i in range(n)],
            "x": list(xs),
            "y": [0.0] * n,
            "wijknr": list(range(1, n + 1)),
            "wijk": [f"Wijk{i}" for i in range(1, n + 1)],
            level: list(demand),
        }
    )


def existing_e1(status="open", cap=100, extra=0, cpp=1000.0, closure=0.0):
    return pd.DataFrame(
        {
            "site_id": ["E1"],
            "x": [0.0],
            "y": [0.0],
            "wijknr": [1],
            "capacity_lager": [cap],
            "cost_per_place": [cpp],
            "max_extra_places": [extra],
            "status": [status],
            "closure_saving": [closure],
        }
    )


def three_candidates(max_lager=200, status=("candidate",) * 3):
    return pd.DataFrame(
        {
            "site_id": ["C1", "C2", "C3"],
            "x": [1000.0, 2000.0, 1500.0],
            "y": [0.0, 0.0, 0.0],
            "wijknr": [2, 3, 3],
            "max_lager": [max_lager] * 3,
            "fixed_cost": [1.0e6, 1.2e6, 3.0e6],
            "cost_per_place": [10_000.0] * 3,
            "status": list(status),
        }
    )


def new_ids(result) -> set[str]:
    return set(result.new_sites["site_id"])


def test_cover_cost_opens_the_cheapest_site_and_places_children_nearby():
    prob = make(line_points(), existing_e1(), three_candidates())
    r = solve_plan(prob, PlanOptions(model="cover-cost"))
    assert r.status == "optimal" and r.proven_optimal
    # E1 serves p0 (100 places); C1 reaches p1 and p2: 1e6 + 200 places x 10,000
    assert new_ids(r) == {"C1"}
    assert r.costs.investment == pytest.approx(3.0e6)
    assert float(r.new_sites["places_lager"].iloc[0]) == pytest.approx(200)
    alloc = r.allocation.set_index("point_id")
    assert alloc.loc["p0", "site_id"] == "E1"
    assert alloc.loc["p2", "site_id"] == "C1"
    assert alloc.loc["p2", "distance"] == pytest.approx(1000)
    travel = r.travel.set_index("level").loc["lager"]
    assert travel["share_within"] == pytest.approx(1.0)
    assert travel["mean_m"] == pytest.approx((100 * 1 + 100 * 1 + 100 * 1000) / 300)
    assert travel["p90_m"] == pytest.approx(1000)
    assert r.unmet.empty


def test_expandable_site_grows_but_an_open_one_does_not():
    cands = three_candidates()
    grown = solve_plan(
        make(line_points(), existing_e1("expandable", extra=200), cands), PlanOptions()
    )
    # expand E1 by 100 (for p1, 1,000 m away) at 1,000 EUR a place; p2 still needs C1 or C2
    assert grown.expanded_sites["site_id"].tolist() == ["E1"]
    assert float(grown.expanded_sites["places_lager"].iloc[0]) == pytest.approx(100)
    assert grown.costs.investment == pytest.approx(100 * 1000 + 1.0e6 + 100 * 10_000)
    fixed = solve_plan(make(line_points(), existing_e1("open", extra=200), cands), PlanOptions())
    assert fixed.expanded_sites.empty
    assert fixed.costs.investment == pytest.approx(3.0e6)


def test_expansion_adds_at_least_the_minimum_or_nothing():
    cands = three_candidates()
    # p1 needs 100 places; with a minimum of 150, E1 still grows (150 places at
    # 1,000 EUR beat opening a second site) and 50 stay free.
    grown = solve_plan(
        make(line_points(), existing_e1("expandable", extra=200), cands),
        PlanOptions(min_expansion_places=150),
    )
    assert float(grown.expanded_sites["places_lager"].iloc[0]) == pytest.approx(150)
    assert grown.costs.investment == pytest.approx(150 * 1000 + 1.0e6 + 100 * 10_000)
    assert "grows by at least 150 places or not at all" in summary_en(grown)
    assert "groeit met minstens 150 plaatsen of niet" in summary_nl(grown)
    # a minimum above the site's 200 possible extra places: it cannot grow
    kept = solve_plan(
        make(line_points(), existing_e1("expandable", extra=200), cands),
        PlanOptions(min_expansion_places=250),
    )
    assert kept.expanded_sites.empty
    assert kept.costs.investment == pytest.approx(3.0e6)
    with pytest.raises(InputError, match="min_expansion_places"):
        solve_plan(
            make(line_points(), existing_e1("expandable", extra=200), cands),
            PlanOptions(min_expansion_places=-1),
        )


def test_forced_open_candidate_is_opened_even_when_dearer():
    cands = three_candidates(status=("candidate", "candidate", "forced_open"))
    r = solve_plan(make(line_points(), existing_e1(), cands), PlanOptions())
    assert "C3" in new_ids(r)
    assert r.costs.investment == pytest.approx(3.0e6 + 200 * 10_000)


def test_excluded_candidate_is_never_used():
    cands = three_candidates(status=("excluded", "candidate", "candidate"))
    r = solve_plan(make(line_points(), existing_e1(), cands), PlanOptions())
    assert "C1" not in new_ids(r)
    assert new_ids(r) == {"C2"}  # 1.2e6 + 200 places, reaches p1 and p2


def test_closable_site_closes_only_when_the_closure_saves_more_than_it_costs():
    cands = three_candidates(max_lager=300)
    kept = solve_plan(
        make(line_points(), existing_e1("closable", closure=0.0), cands), PlanOptions()
    )
    assert kept.closed_sites.empty
    closed = solve_plan(
        make(line_points(), existing_e1("closable", closure=5.0e6), cands), PlanOptions()
    )
    assert closed.closed_sites["site_id"].tolist() == ["E1"]
    assert closed.costs.closure_saving == pytest.approx(5.0e6)
    # C1 now takes all 300 children: 1e6 + 300 x 10,000
    assert closed.costs.investment == pytest.approx(4.0e6)
    assert set(closed.allocation["site_id"]) == {"C1"}


def spread_instance(weights=(1.0, 2.0, 3.0)):
    """Three points 2 km apart (a triangle), a small candidate on each, a big one in the middle."""
    pts = line_points(xs=(0.0, 2000.0, 1000.0))
    pts["y"] = [0.0, 0.0, 1732.0]
    pts["weight"] = list(weights)
    cands = pd.DataFrame(
        {
            "site_id": ["S0", "S1", "S2", "BIG"],
            "x": [0.0, 2000.0, 1000.0, 1000.0],
            "y": [0.0, 0.0, 1732.0, 577.0],
            "wijknr": [1, 2, 3, 2],
            "max_lager": [150, 150, 150, 400],
            "fixed_cost": [1.0e6, 1.0e6, 1.0e6, 5.0e6],
            "cost_per_place": [0.0] * 4,
        }
    )
    empty = existing_e1().iloc[0:0]
    return make(pts, empty, cands, limit=1500.0)


def test_min_sites_needs_one_site_where_cover_cost_takes_three_cheap_ones():
    prob = spread_instance()
    cheap = solve_plan(prob, PlanOptions(model="cover-cost"))
    assert new_ids(cheap) == {"S0", "S1", "S2"}
    assert cheap.costs.investment == pytest.approx(3.0e6)
    fewest = solve_plan(prob, PlanOptions(model="min-sites"))
    assert new_ids(fewest) == {"BIG"}
    assert fewest.costs.investment == pytest.approx(5.0e6)


def test_max_new_sites_binds_in_cover_cost():
    r = solve_plan(spread_instance(), PlanOptions(model="cover-cost", max_new_sites=1))
    assert new_ids(r) == {"BIG"}


def test_max_cover_spends_the_budget_on_the_priority_points():
    prob = spread_instance()
    # 2 million buys two small sites; BIG (5 million) is out of reach
    r = solve_plan(prob, PlanOptions(model="max-cover", budget=2.0e6))
    assert r.status == "optimal"
    assert new_ids(r) == {"S1", "S2"}  # weights 2 and 3 beat weight 1
    assert r.costs.investment <= 2.0e6 + 1e-6
    assert r.unmet_total()["lager"] == pytest.approx(100)
    assert r.unmet["wijknr"].tolist() == [1]
    # with the priority reversed, the other end is served
    r2 = solve_plan(spread_instance((3.0, 2.0, 1.0)), PlanOptions(model="max-cover", budget=2e6))
    assert new_ids(r2) == {"S0", "S1"}


def test_max_cover_with_a_site_limit_instead_of_a_budget():
    r = solve_plan(spread_instance(), PlanOptions(model="max-cover", max_new_sites=1))
    assert new_ids(r) == {"BIG"}  # one site serving everyone beats any single small one
    assert r.unmet.empty


def test_p_median_minimises_weighted_distance():
    pts = line_points(demand=(100.0, 100.0), xs=(0.0, 4000.0), level="secundair")
    pts["weight"] = [1.0, 2.0]
    cands = pd.DataFrame(
        {
            "site_id": ["W", "M", "O"],
            "x": [0.0, 2000.0, 4000.0],
            "y": [0.0, 0.0, 0.0],
            "wijknr": [1, 2, 3],
            "max_secundair": [500, 500, 500],
            "fixed_cost": [1e6, 1e6, 1e6],
            "cost_per_place": [0.0] * 3,
        }
    )
    prob = make(pts, existing_e1().iloc[0:0], cands, limit=5000.0, level="secundair")
    one = solve_plan(prob, PlanOptions(model="p-median", p=1))
    # O: 100 x 4000 x 1 = 4e5; M: 100x2000x1 + 100x2000x2 = 6e5; W: 100x4000x2 = 8e5
    assert new_ids(one) == {"O"}
    assert one.objective == pytest.approx(4.0e5 + 100 * 1 * 2, rel=1e-6)
    two = solve_plan(prob, PlanOptions(model="p-median", p=2))
    assert new_ids(two) == {"W", "O"}


def test_p_median_respects_the_budget():
    pts = line_points(demand=(100.0, 100.0), xs=(0.0, 4000.0), level="secundair")
    cands = pd.DataFrame(
        {
            "site_id": ["W", "M", "O"],
            "x": [0.0, 2000.0, 4000.0],
            "y": [0.0, 0.0, 0.0],
            "wijknr": [1, 2, 3],
            "max_secundair": [500, 500, 500],
            "fixed_cost": [3e6, 1e6, 3e6],
            "cost_per_place": [0.0] * 3,
        }
    )
    prob = make(pts, existing_e1().iloc[0:0], cands, limit=5000.0, level="secundair")
    free = solve_plan(prob, PlanOptions(model="p-median", p=1))
    assert new_ids(free) in ({"W"}, {"O"}, {"M"})
    tight = solve_plan(prob, PlanOptions(model="p-median", p=1, budget=2e6))
    assert new_ids(tight) == {"M"}


def test_demand_weight_from_deprivation_index():
    pts = line_points()
    pts["deprivation_index"] = [0.0, 0.5, 1.0]
    prob = make(pts, existing_e1(), three_candidates(), alpha=2.0)
    assert prob.weight.tolist() == [1.0, 2.0, 3.0]


def test_bad_inputs_raise_input_error_naming_the_problem():
    pts = line_points()
    with pytest.raises(InputError, match="status"):
        make(pts, existing_e1(status="demolished"), three_candidates())
    with pytest.raises(InputError, match="shape"):
        PlanningProblem.from_frames(
            pts, existing_e1(), three_candidates(), {"lager": sp.csr_matrix((3, 2))}
        )
    with pytest.raises(InputError, match="lager"):
        PlanningProblem.from_frames(
            pts.drop(columns="lager"), existing_e1(), three_candidates(),
            {"lager": sp.csr_matrix((3, 4))},
        )  # fmt: skip
    prob = make(pts, existing_e1(), three_candidates())
    with pytest.raises(InputError, match="p-median"):
        solve_plan(prob, PlanOptions(model="p-median"))
    with pytest.raises(InputError, match="budget"):
        solve_plan(prob, PlanOptions(model="max-cover"))
    with pytest.raises(InputError, match="Unknown planning model"):
        solve_plan(prob, PlanOptions(model="cheapest"))


def test_progress_is_reported():
    seen = []
    solve_plan(
        make(line_points(), existing_e1(), three_candidates()),
        PlanOptions(),
        progress=lambda f, m: seen.append((f, m)),
    )
    assert seen[0][1].startswith("building")
    assert seen[-1] == (1.0, "plan ready")


def test_command_line_smallest_expansion(capsys):
    from capacityplanner.cli import main

    assert main(["optimise", "--distance", "straight", "--min-expansion", "-3"]) == 2
    err = capsys.readouterr().err
    assert "--min-expansion must be 0 or more places; got -3." in err
    assert "Traceback" not in err
