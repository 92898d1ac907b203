"""The forecast, balance and backtest commands on the shipped Ghent data."""

import json

import pytest

from capacityplanner.cli import main


def run_json(capsys, *argv):
    status = main([*argv, "--json"])
    out = capsys.readouterr().out
    assert status == 0, out
    return json.loads(out)


@pytest.mark.parametrize(
    ("level", "as_of", "published"),
    [
        ("basis", 2018, 1912),
        ("secundair", 2018, 4268),
        ("basis", 2021, 717),
        ("secundair", 2021, 2264),
    ],
)
def test_balance_reproduces_the_published_2024_shortfalls(capsys, level, as_of, published):
    result = run_json(
        capsys,
        "balance",
        "--year",
        "2024",
        "--level",
        level,
        "--by",
        "city",
        "--capacity-as-of",
        str(as_of),
    )
    assert result["year"] == 2024 and result["level"] == level
    assert result["shortfall"] == pytest.approx(published, rel=0.01)
    assert result["shortfall"] == pytest.approx(max(result["demand"] - result["capacity"], 0))
    assert result["provenance"]["data_version"]
    assert "scholen_basis" in result["provenance"]["illustrative"]


def test_childcare_coverage_matches_the_policy_note(capsys):
    result = run_json(
        capsys, "balance", "--year", "2024", "--level", "kinderopvang", "--by", "city"
    )
    assert 0.51 <= result["coverage"] <= 0.52
    assert result["wijken_under_barcelona"] >= 4
    assert 0.80 <= result["income_related_share"] <= 0.90


def test_demand_rises_until_about_2030_then_eases(capsys):
    demand = {}
    for year in (2024, 2027, 2030, 2033, 2040, 2050):
        row = run_json(capsys, "forecast", "--year", str(year))["rows"][0]
        demand[year] = row["demand_basis"] + row["demand_secundair"]
    assert demand[2024] < demand[2027] < demand[2030]
    assert demand[2050] < max(demand[2030], demand[2033])


def test_balance_per_wijk_sums_to_the_city(capsys):
    wijk = run_json(capsys, "balance", "--year", "2030", "--level", "secundair")
    city = run_json(capsys, "balance", "--year", "2030", "--level", "secundair", "--by", "city")
    rows = wijk["rows"]
    assert len(rows) == 25
    assert sum(r["demand"] for r in rows) == pytest.approx(city["demand"])
    assert sum(r["capacity"] for r in rows) == pytest.approx(city["capacity"])


def test_forecast_for_one_wijk_by_name_and_number(capsys):
    by_name = run_json(capsys, "forecast", "--wijk", "Rabot - Blaisantvest", "--year", "2027")
    by_number = run_json(capsys, "forecast", "--wijk", "7", "--year", "2027")
    assert by_name["rows"] == by_number["rows"]
    assert by_name["area"] == "Rabot - Blaisantvest"


def test_variants_are_ordered(capsys):
    low = run_json(capsys, "forecast", "--year", "2040", "--variant", "low")["rows"][0]
    high = run_json(capsys, "forecast", "--year", "2040", "--variant", "high")["rows"][0]
    assert low["age_0_2"] < high["age_0_2"]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["forecast", "--wijk", "Atlantis"], "No wijk is called 'Atlantis'"),
        (["forecast", "--wijk", "99"], "Wijk 99 does not exist"),
        (["balance", "--year", "2010"], "School year 2010 is outside the forecast"),
        (["balance", "--year", "2024", "--capacity-as-of", "2026"], "--capacity-as-of 2026"),
        (["forecast", "--params", "missing.toml"], "missing.toml does not exist"),
    ],
)
def test_bad_input_gives_one_sentence_and_status_2(capsys, argv, message):
    assert main(argv) == 2
    captured = capsys.readouterr()
    assert message in captured.err
    assert captured.out == ""
    assert "Traceback" not in captured.err


def test_bad_parameter_file_names_field_and_value(capsys, tmp_path):
    params = tmp_path / "p.toml"
    params.write_text("kleuter_participation = 1.4\n")
    assert main(["balance", "--year", "2024", "--params", str(params)]) == 2
    assert "kleuter_participation = 1.4" in capsys.readouterr().err


def test_parameters_change_the_result(capsys, tmp_path):
    params = tmp_path / "p.toml"
    params.write_text("[inflow_share]\nsecundair = 0.40\n")
    base = run_json(capsys, "balance", "--year", "2024", "--level", "secundair", "--by", "city")
    less = run_json(
        capsys,
        "balance",
        "--year",
        "2024",
        "--level",
        "secundair",
        "--by",
        "city",
        "--params",
        str(params),
    )
    assert less["demand"] < base["demand"]
    assert less["provenance"]["params"]["inflow_share"]["secundair"] == 0.40


def test_backtest_on_observed_counts(capsys, tmp_path):
    observed = tmp_path / "observed.csv"
    observed.write_text("wijknr;level;year;pupils\n7;lager;2024;700\n7;lager;2025;690\n")
    result = run_json(capsys, "backtest", str(observed))
    rows = {(r["wijknr"], r["level"]): r for r in result["rows"]}
    assert rows[(7, "lager")]["years"] == 2
    assert rows[(7, "lager")]["mape"] >= 0


def test_walking_radius_balance_for_lager(capsys):
    wijk = run_json(capsys, "balance", "--year", "2024", "--walking")
    city = run_json(capsys, "balance", "--year", "2024", "--walking", "--by", "city")
    rows = wijk["rows"]
    assert len(rows) == 25
    assert all(0 <= r["children_short"] <= r["children"] + 1e-9 for r in rows)
    assert sum(r["children"] for r in rows) == pytest.approx(city["rows"][0]["children"])
    lager = run_json(capsys, "balance", "--year", "2024", "--level", "lager", "--by", "city")
    assert city["rows"][0]["children"] == pytest.approx(lager["resident_demand"])
    assert main(["balance", "--year", "2024", "--walking", "--level", "secundair"]) == 2
    assert "lager onderwijs only" in capsys.readouterr().err


def test_an_imported_real_layer_is_no_longer_listed_as_illustrative():
    from capacityplanner.geodata.dataset import load_dataset
    from capacityplanner.scenarios.workspace import Workspace

    workspace = Workspace(load_dataset())
    assert "scholen_basis" in workspace.provenance()["illustrative"]
    real = workspace.layers["scholen_basis"].drop(columns="illustrative")
    workspace.set_layer("scholen_basis", real)
    assert "scholen_basis" not in workspace.provenance()["illustrative"]
    assert "scholen_secundair" in workspace.provenance()["illustrative"]
