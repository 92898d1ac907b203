"""``capacityplanner scenario ...`` on both back-ends, and scenarios made from the data set."""

from __future__ import annotations

import json

import pytest

from capacityplanner import cli
from capacityplanner.scenarios.defaults import layer_hash
from capacityplanner.scenarios.storage import open_repository


@pytest.fixture
def run(monkeypatch, capsys):
    if "scenario" not in cli.COMMAND_MODULES:
        monkeypatch.setattr(cli, "COMMAND_MODULES", (*cli.COMMAND_MODULES, "scenario"))

    def _run(*argv: str) -> tuple[int, str, str]:
        status = cli.main(list(argv))
        out = capsys.readouterr()
        return status, out.out, out.err

    return _run


def test_scenario_commands_end_to_end(run, db_url, samples):
    status, out, _ = run("scenario", "new", "Basis", "--db", db_url, "--author", "Els", "--json")
    assert status == 0
    created = json.loads(out)
    assert created["name"] == "Basis" and created["author"] == "Els"
    assert {"wijken", "scholen_basis", "woonprojecten"} <= set(created["layer_refs"])
    assert created["capacity_changes"] > 0

    assert run("scenario", "copy", "Basis", "Tondelier 800", "--db", db_url)[0] == 0
    status, out, _ = run("scenario", "list", "--db", db_url, "--json")
    listed = {s["name"]: s for s in json.loads(out)}
    assert set(listed) == {"Basis", "Tondelier 800"}
    assert listed["Tondelier 800"]["parent"] == "Basis"

    status, out, _ = run("scenario", "show", "Tondelier 800", "--db", db_url)
    assert status == 0 and "branched from: Basis" in out and "woonprojecten" in out

    # Give the two scenarios results to compare.
    with open_repository(db_url) as repo:
        for name, shift in (("Basis", 0.0), ("Tondelier 800", 100.0)):
            sc = repo.load(name)
            sc.results["balance"] = samples.balance(shift)
            repo.save(sc)
    status, out, _ = run("scenario", "diff", "Basis", "Tondelier 800", "--db", db_url, "--json")
    rows = {r["figure"]: r for r in json.loads(out)}
    assert rows["citywide shortfall lager"]["Tondelier 800 - Basis"] == pytest.approx(-300.0)
    status, out, _ = run(
        "scenario", "diff", "Basis", "Tondelier 800", "--table", "balance", "--db", db_url
    )
    assert status == 0 and "Tondelier 800 - Basis" in out

    assert run("scenario", "rename", "Tondelier 800", "Tondelier", "--db", db_url)[0] == 0
    assert run("scenario", "delete", "Basis", "--db", db_url)[0] == 0
    status, out, _ = run("scenario", "list", "--db", db_url)
    assert "Tondelier" in out and "Basis" in out  # Basis still named as the parent
    assert [
        s["name"] for s in json.loads(run("scenario", "list", "--db", db_url, "--json")[1])
    ] == ["Tondelier"]


def test_bad_requests_are_one_line_errors(run, db_url, tmp_path):
    status, _, err = run("scenario", "show", "X", "--db", str(tmp_path / "missing.gpkg"))
    assert status == 2 and "missing.gpkg does not exist" in err
    assert not (tmp_path / "missing.gpkg").exists()
    assert run("scenario", "list", "--db", db_url)[0] == 0
    status, _, err = run("scenario", "show", "Nope", "--db", db_url)
    assert status == 2 and err.startswith("error: There is no scenario named 'Nope'")
    assert "Traceback" not in err
    status, _, err = run("scenario", "copy", "Nope", "X", "--db", db_url)
    assert status == 2
    status, _, err = run("scenario", "diff", "A", "--db", db_url)
    assert status == 2 and "at least two" in err


def test_default_database_comes_from_the_environment(run, tmp_path, monkeypatch):
    monkeypatch.setenv("CAPACITYPLANNER_DB", str(tmp_path / "team.gpkg"))
    status, out, _ = run("scenario", "list")
    assert status == 0 and "No scenarios" in out
    assert (tmp_path / "team.gpkg").exists()


def test_layer_hash_follows_content(samples):
    sites = samples.sites()
    assert layer_hash(sites) == layer_hash(samples.sites())
    moved = sites.copy()
    moved.geometry = moved.geometry.translate(0.001, 0)
    assert layer_hash(moved) != layer_hash(sites)
    edited = sites.copy()
    edited.loc[2, "max_lager"] += 1
    assert layer_hash(edited) != layer_hash(sites)
    assert layer_hash(sites.iloc[::-1]) != layer_hash(sites)
