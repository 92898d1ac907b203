"""Infeasible plans are explained in words (which demand, which limit, by how much)."""

import numpy as np
import pandas as pd
import pytest
import scipy.sparse as sp

from capacityplanner.models.optimise import PlanningProblem, PlanOptions, solve_plan


def reach(points, sites, limit):
    d = np.hypot(points["x"].to_numpy()[:, None] - sites["x"].to_numpy()[None, :],
                 points["y"].to_numpy()[:, None] - sites["y"].to_numpy()[None, :])  # fmt: skip
    return sp.csr_matrix(np.where(d <= limit, np.maximum(d, 1.0), 0.0))


def problem(xs, demand, cand_xs, cand_max, existing_cap=0, fixed=1e6, wijk_names=None):
    n = len(xs)
    pts = pd.DataFrame(
        {
            "point_id": [f"p{i}" for i in range(n)],
            "x": list(xs),
            "y": [0.0] * n,
            "wijknr": list(range(1, n + 1)),
            "wijk": wijk_names or [f"Wijk{i}" for i in range(1, n + 1)],
            "lager": list(demand),
        }
    )
    ex = pd.DataFrame(
        {"site_id": ["E1"], "x": [0.0], "y": [0.0], "wijknr": [1], "capacity_lager": [existing_cap],
         "cost_per_place": [0.0], "max_extra_places": [0], "status": ["open"]}
    )  # fmt: skip
    cands = pd.DataFrame(
        {
            "site_id": [f"C{i}" for i in range(len(cand_xs))],
            "x": list(cand_xs),
            "y": [0.0] * len(cand_xs),
            "wijknr": [1] * len(cand_xs),
            "max_lager": list(cand_max),
            "fixed_cost": [fixed] * len(cand_xs),
            "cost_per_place": [0.0] * len(cand_xs),
        }
    )
    sites = pd.concat([ex[["x", "y"]], cands[["x", "y"]]], ignore_index=True)
    return PlanningProblem.from_frames(pts, ex, cands, {"lager": reach(pts, sites, 1500.0)})


def test_unreachable_point_is_named_with_its_wijk():
    prob = problem([0.0, 10_000.0], [50.0, 30.0], [500.0], [200],
                   wijk_names=["Binnenstad", "Drongen"])  # fmt: skip
    r = solve_plan(prob, PlanOptions(model="cover-cost"))
    assert r.status == "infeasible"
    assert not r.has_plan
    reason = r.explanation.reasons[0]
    assert reason["kind"] == "unreachable"
    assert reason["points"] == ["p1"] and reason["children"] == pytest.approx(30)
    assert "Drongen" in r.explanation.text_en and "p1" in r.explanation.text_en
    assert "Drongen" in r.explanation.text_nl and "30" in r.explanation.text_nl
    assert "Binnenstad" not in r.explanation.text_en


def test_allow_unmet_turns_the_same_problem_into_a_plan_with_unmet_demand():
    prob = problem([0.0, 10_000.0], [50.0, 30.0], [500.0], [200])
    r = solve_plan(prob, PlanOptions(model="cover-cost", allow_unmet=True))
    assert r.status == "optimal"
    assert r.unmet.to_dict("records") == [
        {"wijknr": 2, "level": "lager", "reason": "out_of_reach", "children": 30.0}
    ]
    assert r.travel.set_index("level").loc["lager", "share_within"] == pytest.approx(50 / 80)


def test_total_capacity_too_small_says_by_how_much():
    prob = problem([0.0, 500.0], [150.0, 150.0], [500.0], [100], existing_cap=80)
    r = solve_plan(prob, PlanOptions(model="cover-cost"))
    assert r.status == "infeasible"
    reason = r.explanation.reasons[0]
    assert reason["kind"] == "capacity"
    assert reason["short"] == pytest.approx(300 - 80 - 100)
    assert "120 places short" in r.explanation.text_en
    assert "120 plaatsen tekort" in r.explanation.text_nl


def test_local_capacity_shortage_names_the_wijk():
    # enough places in total, but the far point's only reachable site is too small
    prob = problem([0.0, 3000.0], [50.0, 120.0], [0.0, 3000.0], [500, 100])
    r = solve_plan(prob, PlanOptions(model="cover-cost"))
    assert r.status == "infeasible"
    reason = r.explanation.reasons[0]
    assert reason["kind"] == "local_capacity"
    assert reason["children"] == pytest.approx(20)
    assert "Wijk2" in r.explanation.text_en


def test_budget_too_small_reports_the_cheapest_plan():
    prob = problem([0.0, 3000.0], [50.0, 50.0], [0.0, 3000.0], [100, 100], fixed=1.0e6)
    r = solve_plan(prob, PlanOptions(model="cover-cost", budget=1.5e6))
    assert r.status == "infeasible"
    reason = r.explanation.reasons[0]
    assert reason["kind"] == "budget"
    assert reason["needed"] == pytest.approx(2.0e6)
    assert "EUR 2.0 million" in r.explanation.text_en
    assert "€ 2,0 miljoen" in r.explanation.text_nl


def test_site_limit_too_small_reports_the_fewest_sites_needed():
    prob = problem([0.0, 3000.0, 6000.0], [50.0, 50.0, 50.0], [0.0, 3000.0, 6000.0],
                   [100, 100, 100])  # fmt: skip
    r = solve_plan(prob, PlanOptions(model="min-sites", max_new_sites=2))
    assert r.status == "infeasible"
    kinds = {x["kind"]: x for x in r.explanation.reasons}
    assert kinds["max_sites"]["needed"] == 3 and kinds["max_sites"]["limit"] == 2
    assert "At least 3 new sites" in r.explanation.text_en
