"""Brede sites: the shared fixed cost and the two city rules."""

import numpy as np
import pandas as pd
import pytest
import scipy.sparse as sp

from capacityplanner.models.optimise import PlanningProblem, PlanOptions, solve_plan


def one_point_problem(candidates: pd.DataFrame, levels, demand) -> PlanningProblem:
    """One demand point; every candidate sits 100 m away, within reach."""
    pts = pd.DataFrame({"point_id": ["p"], "x": [0.0], "y": [0.0], "wijknr": [1], **demand})
    existing = pd.DataFrame(columns=["site_id", "x", "y", "wijknr"])
    dist = {lv: sp.csr_matrix(np.full((1, len(candidates)), 100.0)) for lv in levels}
    return PlanningProblem.from_frames(pts, existing, candidates, dist, levels=levels)


def cands(rows):
    base = {"x": 100.0, "y": 0.0, "wijknr": 1, "cost_per_place": 0.0}
    return pd.DataFrame([{**base, **r} for r in rows])


def brede_choice_problem():
    # A hosts both functions; B only lager, C only kinderopvang.
    return one_point_problem(
        cands(
            [
                {"site_id": "A", "max_lager": 200, "max_kinderopvang": 40, "fixed_cost": 1.0e6},
                {"site_id": "B", "max_lager": 200, "max_kinderopvang": 0, "fixed_cost": 0.8e6},
                {"site_id": "C", "max_lager": 0, "max_kinderopvang": 40, "fixed_cost": 0.8e6},
            ]
        ),
        ("lager", "kinderopvang"),
        {"lager": [100.0], "kinderopvang": [20.0]},
    )


def test_without_saving_two_single_function_sites_are_cheaper():
    r = solve_plan(brede_choice_problem(), PlanOptions(brede_saving=0.0))
    # A with both functions costs 2.0e6; B + C cost 1.6e6
    assert set(r.new_sites["site_id"]) == {"B", "C"}
    assert r.brede_sites.empty
    assert r.costs.investment == pytest.approx(1.6e6)
    assert r.costs.brede_saving == 0


def test_brede_saving_makes_the_shared_site_win():
    r = solve_plan(brede_choice_problem(), PlanOptions(brede_saving=0.5))
    # A with two functions: 2 x 1.0e6 - 0.5 x 1.0e6 = 1.5e6 < 1.6e6
    assert r.new_sites["site_id"].tolist() == ["A"]
    row = r.brede_sites.iloc[0]
    assert row["site_id"] == "A" and row["functions"] == "basis+kinderopvang"
    assert row["fixed_cost"] == pytest.approx(2.0e6)
    assert row["brede_saving"] == pytest.approx(0.5e6)
    assert r.costs.brede_saving == pytest.approx(0.5e6)
    assert r.costs.investment == pytest.approx(1.5e6)


def test_a_single_function_site_saves_nothing():
    prob = one_point_problem(
        cands([{"site_id": "A", "max_lager": 200, "fixed_cost": 1.0e6}]),
        ("lager",),
        {"lager": [100.0]},
    )
    r = solve_plan(prob, PlanOptions(brede_saving=0.4))
    assert r.costs.investment == pytest.approx(1.0e6)
    assert r.costs.brede_saving == 0
    assert not r.new_sites["brede"].iloc[0]


def bso_rule_problem():
    # B is cheaper but cannot host out-of-school care.
    return one_point_problem(
        cands(
            [
                {
                    "site_id": "A",
                    "max_lager": 200,
                    "max_bso": 50,
                    "max_kinderopvang": 30,
                    "fixed_cost": 1.0e6,
                },
                {
                    "site_id": "B",
                    "max_lager": 200,
                    "max_bso": 0,
                    "max_kinderopvang": 0,
                    "fixed_cost": 0.9e6,
                },
            ]
        ),  # fmt: skip
        ("lager",),
        {"lager": [100.0]},
    )


def test_rule_every_new_basis_school_gets_bso():
    free = solve_plan(bso_rule_problem(), PlanOptions(brede_saving=0.25))
    assert free.new_sites["site_id"].tolist() == ["B"]
    ruled = solve_plan(bso_rule_problem(), PlanOptions(brede_saving=0.25, rule_basis_with_bso=True))
    row = ruled.new_sites.iloc[0]
    assert row["site_id"] == "A"
    assert row["functions"] == "basis+bso"
    # two functions at 1e6 with a 25% saving on the second
    assert ruled.costs.investment == pytest.approx(1.75e6)


def test_rule_every_new_site_is_a_brede_site():
    r = solve_plan(bso_rule_problem(), PlanOptions(brede_saving=0.25, rule_brede_standard=True))
    row = r.new_sites.iloc[0]
    assert row["site_id"] == "A"
    assert set(row["functions"].split("+")) == {"basis", "kinderopvang", "bso"}
    assert bool(row["brede"])
    # three functions: 3 x 1e6 - 2 x 0.25 x 1e6
    assert r.costs.investment == pytest.approx(2.5e6)
    assert r.costs.brede_saving == pytest.approx(0.5e6)


def test_brede_rule_adds_a_school_to_a_childcare_site():
    prob = one_point_problem(
        cands([{"site_id": "A", "max_kinderopvang": 30, "max_lager": 100, "max_bso": 40,
                "fixed_cost": 1.0e6}]),
        ("kinderopvang",),
        {"kinderopvang": [20.0]},
    )  # fmt: skip
    r = solve_plan(prob, PlanOptions(brede_saving=0.25, rule_brede_standard=True))
    assert set(r.new_sites["functions"].iloc[0].split("+")) == {"basis", "kinderopvang", "bso"}


def test_options_can_plan_a_subset_of_the_levels():
    r = solve_plan(brede_choice_problem(), PlanOptions(levels=["kinderopvang"], brede_saving=0.5))
    assert r.levels == ("kinderopvang",)
    assert r.new_sites["site_id"].tolist() == ["C"]
    assert set(r.allocation["level"]) == {"kinderopvang"}
