"""Workflow 2 on the command line and the storage: expand a school, run, compare."""

import json

import pandas as pd
import pytest

from capacityplanner.cli import main
from capacityplanner.geodata.dataset import load_dataset
from capacityplanner.scenarios.session import run_scenario, workspace_from_scenario
from capacityplanner.scenarios.storage import open_repository


def cli_json(capsys, *argv):
    assert main([*argv, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


@pytest.fixture(scope="module")
def dataset():
    return load_dataset()


def test_expanding_a_school_changes_its_wijk_and_the_city(tmp_path, capsys, dataset):
    db = str(tmp_path / "project.gpkg")
    assert main(["scenario", "new", "basis", "--db", db]) == 0
    assert main(["scenario", "copy", "basis", "uitbreiding", "--db", db]) == 0
    capsys.readouterr()
    school = dataset.layer("scholen_basis").iloc[0]
    with open_repository(db) as repo:
        scenario = repo.load("uitbreiding")
        extra = pd.DataFrame(
            [
                {
                    "site_id": school["site_id"],
                    "layer": "scholen_basis",
                    "level": "lager",
                    "places": 200,
                    "school_year": 2026,
                    "project": "test",
                    "status": "gepland",
                    "illustrative": 0,
                }
            ]
        )
        scenario.capacity_changes = pd.concat([scenario.capacity_changes, extra], ignore_index=True)
        repo.save(scenario)

    def lager(name, year, by="city"):
        argv = [
            "balance",
            "--year",
            str(year),
            "--level",
            "lager",
            "--by",
            by,
            "--scenario",
            name,
            "--db",
            db,
        ]
        return cli_json(capsys, *argv)

    assert lager("uitbreiding", 2026)["capacity"] == lager("basis", 2026)["capacity"] + 200
    assert lager("uitbreiding", 2025)["capacity"] == lager("basis", 2025)["capacity"]
    wijk = {r["wijknr"]: r for r in lager("uitbreiding", 2026, by="wijk")["rows"]}
    base = {r["wijknr"]: r for r in lager("basis", 2026, by="wijk")["rows"]}
    nr = int(school["wijknr"])
    assert wijk[nr]["capacity"] == base[nr]["capacity"] + 200
    # the wijk's balance improves by the 200 places, less the small share of pupils from
    # outside Ghent (4% for lager) that follows capacity
    assert 180 < wijk[nr]["balance"] - base[nr]["balance"] <= 200
    other = next(n for n in wijk if n != nr)
    assert wijk[other]["capacity"] == base[other]["capacity"]

    for name in ("basis", "uitbreiding"):
        assert main(["run", name, "--no-plan", "--db", db]) == 0
    capsys.readouterr()
    assert (
        main(
            [
                "scenario",
                "diff",
                "basis",
                "uitbreiding",
                "--table",
                "balance",
                "--year",
                "2026",
                "--level",
                "lager",
                "--db",
                db,
                "--json",
            ]
        )
        == 0
    )
    diff = json.loads(capsys.readouterr().out)
    assert "uitbreiding" in json.dumps(diff)


def test_run_stores_a_plan_with_its_proof(tmp_path, dataset):
    db = str(tmp_path / "project.gpkg")
    from capacityplanner.scenarios.defaults import scenario_from_dataset

    scenario = scenario_from_dataset("plan", dataset)
    scenario.params["optimiser"] = {
        "levels": ["secundair"],
        "year": 2024,
        "sites": 3,
        "distance": "straight",
        "brede_standard": True,
    }
    run_scenario(scenario, dataset)
    with open_repository(db) as repo:
        repo.save(scenario)
        stored = repo.load("plan")
    summary = stored.results["plan_summary"].iloc[0]
    assert summary["status"] == "optimal" and bool(summary["proven_optimal"])
    sites = stored.results["plan_sites"]
    new = sites[sites["kind"] == "new"]
    assert 1 <= len(new) <= 3
    assert new["brede"].all()
    assert "bewezen optimaal" in summary["summary_nl"]
    # the stored workspace reproduces the stored balance
    again = workspace_from_scenario(stored, dataset).balance(2024)
    first = stored.results["balance"]
    first = first[first["year"] == 2024].reset_index(drop=True)
    pd.testing.assert_series_equal(again["shortfall"], first["shortfall"], check_names=False)


def test_a_plan_made_in_the_workspace_is_saved_with_the_scenario(tmp_path, dataset):
    from capacityplanner.scenarios.defaults import scenario_from_dataset
    from capacityplanner.scenarios.session import plan_results, update_scenario

    scenario = scenario_from_dataset("met plan", dataset)
    workspace = workspace_from_scenario(scenario, dataset)
    settings = {
        "levels": ["secundair"],
        "year": 2024,
        "sites": 2,
        "distance": "straight",
        "budget": None,
    }
    workspace.set_plan(plan_results(workspace, settings), settings)
    update_scenario(scenario, workspace)
    with open_repository(str(tmp_path / "p.gpkg")) as repo:
        repo.save(scenario)
        stored = repo.load("met plan")
    assert stored.params["optimiser"]["sites"] == 2 and "budget" not in stored.params["optimiser"]
    reopened = workspace_from_scenario(stored, dataset)
    pd.testing.assert_frame_equal(
        reopened.plan_results["plan_sites"].reset_index(drop=True),
        workspace.plan_results["plan_sites"].reset_index(drop=True),
        check_dtype=False,
    )
