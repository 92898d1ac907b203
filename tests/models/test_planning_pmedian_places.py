"""p-median builds the places the shortfall needs, not every place that shortens a trip."""

import pytest
from test_planning_minsize import existing_full, far_candidate, line_problem

from capacityplanner.models.optimise import PlanOptions, solve_plan, summary_en, summary_nl


def added_places(result) -> float:
    return float(result.sites["places_secundair"].clip(lower=0).sum())


def problem():
    """p0 (100 at x=0) and p1 (100 at x=3 km); E1 at x=0 holds 150 and may grow by 100.

    The shortfall is 50 places. Both points reach E1 and the candidate C1 at p1 (4 km).
    """
    return line_problem(
        [100.0, 100.0],
        [0.0, 3000.0],
        existing_full(cap=150.0, status="expandable", extra=100),
        far_candidate(max_places=200),
        limit=4000.0,
    )


def test_p_median_adds_no_more_places_than_the_shortfall():
    r = solve_plan(problem(), PlanOptions(model="p-median", p=1, min_new_places={}))
    assert r.status == "optimal" and r.proven_optimal
    assert set(r.new_sites["site_id"]) == {"C1"}
    assert r.places_cap == {"secundair": 50.0}
    assert added_places(r) == pytest.approx(50.0)
    # 50 of p1's children at C1, the other 50 travel 3 km to E1, which is full again
    assert r.unmet.empty
    assert "The shortfall is 50 secondary school places; the plan builds more only" in (
        summary_en(r)
    )
    assert "Het tekort is 50 plaatsen secundair onderwijs" in summary_nl(r)


def test_without_the_limit_every_place_that_shortens_travel_is_built():
    options = PlanOptions(model="p-median", p=1, min_new_places={}, places_within_shortfall=False)
    r = solve_plan(problem(), options)
    assert r.places_cap == {}
    assert added_places(r) == pytest.approx(100.0)  # all of p1's children at C1
    assert "shortfall" not in summary_en(r)


def test_places_beyond_the_shortfall_only_for_a_minimum_size_or_a_child_without_place():
    # minimum 80: C1 must hold 80 although the shortfall is 50
    options = PlanOptions(model="p-median", p=1, min_new_places={"secundair": 80})
    r = solve_plan(problem(), options)
    assert r.places_cap == {"secundair": 50.0}
    assert r.new_sites["places_secundair"].tolist() == [80.0]
    assert added_places(r) == pytest.approx(80.0)
    # E1 holds 150 but only p0 reaches it: p1's 100 children need 100 places at C1
    far = line_problem(
        [100.0, 100.0], [0.0, 3000.0],
        existing_full(cap=150.0, status="expandable", extra=100), far_candidate(max_places=200),
        limit=1500.0,
    )  # fmt: skip
    r = solve_plan(far, PlanOptions(model="p-median", p=1, min_new_places={}))
    assert r.unmet.empty
    assert r.new_sites["places_secundair"].tolist() == [100.0]
    assert added_places(r) == pytest.approx(100.0)
