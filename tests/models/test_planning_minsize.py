"""Minimum size of a new site, whole places, p-median with p viable sites, unmet reasons."""

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
from capacityplanner.models.optimise.formulation import whole_children


def line_problem(demand, xs, existing, candidates, level="secundair", limit=1500.0):
    """Points on a line (wijk i+1 each); straight-line reach within ``limit``."""
    pts = pd.DataFrame(
        {
            "point_id": [f"p{i}" for i in range(len(xs))],
            "x": list(xs),
            "y": 0.0,
            "wijknr": list(range(1, len(xs) + 1)),
            "wijk": [f"Wijk{i + 1}" for i in range(len(xs))],
            level: list(demand),
        }
    )
    site_x = np.r_[existing["x"].to_numpy(float), candidates["x"].to_numpy(float)]
    d = np.abs(pts["x"].to_numpy()[:, None] - site_x[None, :])
    mat = sp.csr_matrix(np.where(d <= limit, np.maximum(d, 1.0), 0.0))
    return PlanningProblem.from_frames(pts, existing, candidates, {level: mat}, levels=(level,))


def existing_full(cap=100.0, level="secundair", status="open", extra=0, cpp=1000.0):
    return pd.DataFrame(
        {"site_id": ["E1"], "name": ["School E1"], "x": [0.0], "y": [0.0], "wijknr": [1],
         f"capacity_{level}": [cap], "cost_per_place": [cpp], "max_extra_places": [extra],
         "status": [status]}
    )  # fmt: skip


def far_candidate(level="secundair", max_places=200):
    return pd.DataFrame(
        {"site_id": ["C1"], "name": ["Candidate C1"], "x": [3000.0], "y": [0.0], "wijknr": [2],
         f"max_{level}": [max_places], "fixed_cost": [1.0e6], "cost_per_place": [10_000.0]}
    )  # fmt: skip


def pocket_problem(children):
    """p0 (100) fills E1; p1 (``children``) 3 km away can only reach the candidate C1."""
    return line_problem([100.0, children], [0.0, 3000.0], existing_full(), far_candidate())


def test_no_site_is_opened_for_three_children_below_the_minimum_size():
    options = PlanOptions(allow_unmet=True, min_new_places={"secundair": 10})
    r = solve_plan(pocket_problem(3.0), options)
    assert r.status == "optimal" and r.proven_optimal
    assert r.new_sites.empty
    assert r.costs.investment == 0
    # penalty 2 x (10,000 + 1e6 / 10) per child: 3 children cost less than a 10-place site
    assert r.unmet.to_dict("records") == [
        {"wijknr": 2, "level": "secundair", "reason": "no_viable_site", "children": 3.0}
    ]
    en, nl = summary_en(r), summary_nl(r)
    assert "3 children get no place" in en and "Wijk2" in en
    assert "no viable site is in reach" in en and "secondary school: 10 places" in en
    assert "geen haalbare site binnen bereik" in nl and "secundaire school: 10 plaatsen" in nl


def test_without_a_minimum_the_same_three_children_get_a_site():
    r = solve_plan(pocket_problem(3.0), PlanOptions(allow_unmet=True, min_new_places={}))
    assert r.new_sites["site_id"].tolist() == ["C1"]
    assert float(r.new_sites["places_secundair"].iloc[0]) == 3
    assert r.unmet.empty


def test_enough_children_open_a_site_of_at_least_the_minimum_size():
    r = solve_plan(
        pocket_problem(8.0), PlanOptions(allow_unmet=True, min_new_places={"secundair": 10})
    )
    # 8 children would cost 8 x 220,001 unserved; the 10-place site costs 1.1 million
    site = r.new_sites.iloc[0]
    assert site["site_id"] == "C1"
    assert site["places_secundair"] == 10
    assert r.costs.investment == pytest.approx(1.0e6 + 10 * 10_000)
    assert r.unmet.empty


def test_a_candidate_smaller_than_the_minimum_cannot_host_the_function():
    prob = line_problem([100.0, 60.0], [0.0, 3000.0], existing_full(), far_candidate(max_places=50))
    r = solve_plan(prob, PlanOptions(min_new_places={"secundair": 80}))
    assert r.status == "infeasible"
    kinds = [x["kind"] for x in r.explanation.reasons]
    assert kinds == ["too_small"]
    assert "too small for the minimum size" in r.explanation.text_en
    assert "Wijk2" in r.explanation.text_en and "80 places" in r.explanation.text_en
    assert "te klein" in r.explanation.text_nl


def test_places_are_whole_and_cover_the_children_placed():
    # 120.6 and 47.5 children: whole children 121 and 47 (largest remainder, total 168)
    prob = line_problem(
        [120.6, 47.5], [0.0, 3000.0], existing_full(extra=50, status="expandable"),
        far_candidate(), level="secundair",
    )  # fmt: skip
    r = solve_plan(prob, PlanOptions(min_new_places={}))
    grown = r.expanded_sites.iloc[0]
    new = r.new_sites.iloc[0]
    assert grown["places_secundair"] == 21 and new["places_secundair"] == 47
    placed = r.allocation.groupby("site_id")["children"].sum()
    assert placed["E1"] <= 100 + grown["places_secundair"] + 1e-6
    assert placed["C1"] <= new["places_secundair"] + 1e-6
    assert r.costs.expansion == pytest.approx(21 * 1000)
    assert r.costs.new_places == pytest.approx(47 * 10_000)
    # with integer places switched off the same plan builds fractional places
    frac = solve_plan(prob, PlanOptions(min_new_places={}, integer_places=False))
    assert frac.expanded_sites["places_secundair"].iloc[0] == pytest.approx(20.6)


def test_whole_children_keep_the_total():
    d = np.array([0.4, 0.4, 0.4, 2.5, 1.3])
    out = whole_children(d)
    assert out.sum() == 5 and np.all(out == np.round(out))
    assert np.all(np.abs(out - d) < 1)
    assert out.tolist() == [0.0, 0.0, 1.0, 3.0, 1.0] or out.tolist() == [1.0, 0.0, 0.0, 3.0, 1.0]


def p_median_problem():
    """100 pupils at x=0; four candidates, only W within reach of them."""
    cands = pd.DataFrame(
        {
            "site_id": ["W", "A", "B", "C"],
            "x": [0.0, 9000.0, 12000.0, 15000.0],
            "y": 0.0,
            "wijknr": [1, 2, 3, 4],
            "max_secundair": [500, 500, 40, 500],
            "fixed_cost": [1e6, 1e6, 0.5e6, 2e6],
            "cost_per_place": [1000.0] * 4,
        }
    )
    empty = existing_full().iloc[0:0]
    return line_problem([100.0], [0.0], empty, cands, limit=5000.0)


def test_p_median_opens_exactly_p_sites_each_of_viable_size():
    prob = p_median_problem()
    r = solve_plan(prob, PlanOptions(model="p-median", p=2, min_new_places={"secundair": 60}))
    assert r.status == "optimal"
    sites = r.new_sites.set_index("site_id")
    assert len(sites) == 2
    assert "W" in sites.index and "B" not in sites.index  # B holds 40 < 60 places
    assert (sites["places_secundair"] >= 60).all()
    assert sites.loc["W", "places_secundair"] == 100  # the pupils, no more (least cost)
    # the cheaper second site: A (1e6 + 60 places) rather than C (2e6 + 60 places)
    assert set(sites.index) == {"W", "A"}
    assert r.costs.investment == pytest.approx(2e6 + 160 * 1000)


def test_p_median_cannot_fill_p_with_an_empty_site_under_a_tight_budget():
    prob = p_median_problem()
    options = PlanOptions(model="p-median", p=2, budget=1.5e6, min_new_places={"secundair": 60})
    r = solve_plan(prob, options, explain=False)
    assert r.status == "infeasible"  # no 0-place site to make up the count


def test_max_cover_reports_budget_as_the_reason():
    prob = pocket_problem(50.0)
    r = solve_plan(prob, PlanOptions(model="max-cover", budget=0.0, min_new_places={}))
    assert r.unmet.to_dict("records") == [
        {"wijknr": 2, "level": "secundair", "reason": "limits", "children": 50.0}
    ]
    assert "by the budget or the number of new sites" in summary_en(r)


def test_default_minimum_sizes_and_bad_keys():
    options = PlanOptions()
    assert options.min_new_places["secundair"] == 300
    assert options.min_new_places["kinderopvang"] == 14
    # a basis school of 150 counts two thirds for lager alone
    assert options.function_minimum("basis", ("lager",)) == 100
    assert options.function_minimum("basis", ("kleuter", "lager")) == 150
    with pytest.raises(InputError, match="min_new_places"):
        solve_plan(pocket_problem(3.0), PlanOptions(min_new_places={"school": 10}))


def test_command_line_minimum_places_option(capsys):
    from capacityplanner.cli import main
    from capacityplanner.commands.optimise import min_places_option

    assert min_places_option(["secundair=250", "bso=0"])["secundair"] == 250
    assert min_places_option(None)["basis"] == 150
    assert main(["optimise", "--distance", "straight", "--min-places", "secundair"]) == 2
    assert "FUNCTION=N" in capsys.readouterr().err


def test_children_left_out_by_the_city_rules_are_reported_so():
    cand = far_candidate(level="lager")
    cand["max_bso"] = 0  # no room for out-of-school care beside a new basis school
    prob = line_problem([100.0, 120.0], [0.0, 3000.0], existing_full(level="lager"), cand,
                        level="lager")  # fmt: skip
    free = solve_plan(prob, PlanOptions(allow_unmet=True))
    assert free.new_sites["site_id"].tolist() == ["C1"] and free.unmet.empty
    ruled = solve_plan(prob, PlanOptions(allow_unmet=True, rule_basis_with_bso=True))
    assert ruled.new_sites.empty
    assert ruled.unmet["reason"].tolist() == ["rules"]
    assert "cannot meet the city rules" in summary_en(ruled)
    assert "stadsregels" in summary_nl(ruled)
