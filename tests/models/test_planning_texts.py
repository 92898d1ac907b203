"""The briefing paragraphs carry the plan's key numbers in Dutch and English."""

import numpy as np
import pandas as pd
import pytest
import scipy.sparse as sp

from capacityplanner.models.optimise import (
    PlanningProblem,
    PlanOptions,
    solve_plan,
    summary_en,
    summary_nl,
)


def brede_problem(extra_far_point=False):
    xs = [0.0, 200.0] + ([9000.0] if extra_far_point else [])
    pts = pd.DataFrame(
        {
            "point_id": [f"p{i}" for i in range(len(xs))],
            "x": xs,
            "y": [0.0] * len(xs),
            "wijknr": [5, 6, 7][: len(xs)],
            "wijk": ["Rabot - Blaisantvest", "Brugse Poort", "Zwijnaarde"][: len(xs)],
            "lager": [600.0, 640.0] + ([25.0] if extra_far_point else []),
            "kinderopvang": [30.0, 26.0] + ([0.0] if extra_far_point else []),
        }
    )
    ex = pd.DataFrame(
        {"site_id": ["E1"], "x": [0.0], "y": [0.0], "wijknr": [5], "capacity_lager": [1000],
         "capacity_kinderopvang": [0], "cost_per_place": [15_000.0], "max_extra_places": [0]}
    )  # fmt: skip
    cands = pd.DataFrame(
        {"site_id": ["K1"], "name": ["Tondelier"], "x": [100.0], "y": [0.0], "wijknr": [5],
         "max_lager": [300], "max_kinderopvang": [60], "max_bso": [100],
         "fixed_cost": [2.0e6], "cost_per_place": [20_000.0]}
    )  # fmt: skip
    sites = pd.concat([ex[["x", "y"]], cands[["x", "y"]]], ignore_index=True)
    d = np.abs(pts["x"].to_numpy()[:, None] - sites["x"].to_numpy()[None, :])
    mat = sp.csr_matrix(np.where(d <= 1500, np.maximum(d, 1.0), 0.0))
    return PlanningProblem.from_frames(
        pts, ex, cands, {"lager": mat, "kinderopvang": mat}, year=2026
    )


def test_summary_names_sites_costs_and_proof_in_both_languages():
    r = solve_plan(brede_problem(), PlanOptions(brede_saving=0.25, rule_basis_with_bso=True))
    # K1 opens basis + kinderopvang + bso: 3 x 2e6 - 2 x 0.25 x 2e6 = 5e6 fixed,
    # 240 lager + 56 kinderopvang places at 20,000 = 5.92e6
    assert r.costs.investment == pytest.approx(5.0e6 + 296 * 20_000)
    en, nl = summary_en(r), summary_nl(r)
    assert "2026-27" in en and "2026-27" in nl
    assert "1 new brede site" in en
    assert "1 nieuwe brede site" in nl
    assert "Tondelier" in en and "Rabot - Blaisantvest" in nl
    assert "240 primary school places" in en and "240 nieuwe plaatsen lager onderwijs" in nl
    assert "56 childcare places" in en and "56 nieuwe plaatsen kinderopvang" in nl
    assert "EUR 10.9 million" in en and "€ 10,9 miljoen" in nl
    assert "brede sites save EUR 1.0 million" in en
    assert "€ 1,0 miljoen besparing door brede sites" in nl
    # bso opens by the rule, but its places are not part of this plan: say so
    assert "does not plan the places for out-of-school care" in en
    assert "plant de plaatsen voor bso op de nieuwe sites niet" in nl
    assert "proven optimal" in en and "bewezen optimaal" in nl
    assert "Every child gets a place" in en and "Elk kind krijgt een plaats" in nl


def test_summary_reports_unmet_demand_and_where():
    r = solve_plan(brede_problem(extra_far_point=True), PlanOptions(allow_unmet=True))
    en, nl = summary_en(r), summary_nl(r)
    assert "25 children get no place" in en and "Zwijnaarde" in en
    assert "25 kinderen krijgen geen plaats" in nl and "Zwijnaarde" in nl
    # the far point reaches no site at all: that is the reason given
    assert "beyond the maximum distance of every existing or candidate site" in en
    assert "buiten de maximale afstand van elke bestaande of kandidaat-site" in nl


def test_summary_of_an_infeasible_plan_carries_the_explanation():
    r = solve_plan(brede_problem(extra_far_point=True), PlanOptions())
    assert r.status == "infeasible"
    assert "No plan is possible" in summary_en(r) and "Zwijnaarde" in summary_en(r)
    assert "Er is geen plan mogelijk" in summary_nl(r) and "Zwijnaarde" in summary_nl(r)
