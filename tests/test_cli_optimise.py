"""Workflow 4 on the command line: propose sites for the secondary shortfall."""

import json

import pytest

from capacityplanner.cli import main


def optimise(capsys, *argv):
    status = main(["optimise", "--distance", "straight", "--json", *argv])
    out = capsys.readouterr().out
    return status, json.loads(out)


def test_at_most_three_new_sites_within_budget_with_proof(capsys):
    status, plan = optimise(
        capsys,
        "--level",
        "secundair",
        "--year",
        "2024",
        "--sites",
        "3",
        "--budget",
        "80000000",
        "--allow-unmet",
    )
    assert status == 0
    assert plan["status"] == "optimal" and plan["proven_optimal"] is True
    assert plan["mip_gap"] == pytest.approx(0.0, abs=1e-6)
    new = [s for s in plan["sites"] if s["kind"] == "new"]
    assert 1 <= len(new) <= 3
    assert plan["costs"]["investment"] <= 80_000_000 * (1 + 1e-6)
    assert "bewezen optimaal" in plan["summary_nl"]
    assert "proven optimal" in plan["summary_en"]
    travel = plan["travel"][0]
    assert travel["level"] == "secundair" and 0 < travel["mean_m"] <= travel["p90_m"]
    assert plan["provenance"]["illustrative"]


def test_brede_standard_makes_every_new_site_a_brede_site(capsys):
    status, plan = optimise(
        capsys,
        "--level",
        "secundair",
        "--sites",
        "2",
        "--brede-standard",
        "--allow-unmet",
    )
    assert status == 0
    new = [s for s in plan["sites"] if s["kind"] == "new"]
    assert new and all(s["brede"] for s in new)
    assert all("kinderopvang" in s["functions"] and "bso" in s["functions"] for s in new)
    assert plan["costs"]["brede_saving"] > 0


def test_unreachable_demand_is_explained_not_a_solver_status(capsys):
    status, plan = optimise(capsys, "--level", "lager", "--max-distance", "150")
    assert status == 1
    assert plan["status"] == "infeasible"
    assert "cannot reach" in plan["explanation"] or "reach" in plan["explanation"]


def test_bad_level_or_year_gives_one_sentence(capsys):
    assert main(["optimise", "--year", "1990", "--distance", "straight"]) == 2
    assert "outside the forecast" in capsys.readouterr().err
