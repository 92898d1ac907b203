"""Scenarios side by side."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from capacityplanner.errors import InputError
from capacityplanner.scenarios.compare import (
    compare_balance,
    compare_sites,
    compare_summary,
    compare_table,
)
from capacityplanner.scenarios.model import Scenario


@pytest.fixture
def three(samples):
    base = Scenario("Basis", results={"balance": samples.balance()})
    expansion = Scenario("Uitbreiding", results={"balance": samples.balance(shift=50.0)})
    plan = Scenario(
        "Plan",
        results={
            "balance": samples.balance(shift=100.0),
            "plan_sites": pd.DataFrame(
                {
                    "site_id": ["KS-001", "KS-002", "BAS-010"],
                    "name": ["Tondelier", "Dok Zuid", "Bert Carlier"],
                    "kind": ["new", "new", "expanded"],
                    "brede": [True, False, False],
                    "cost": [4.0e6, 3.0e6, 0.5e6],
                    "places_lager": [240, 0, 34],
                    "places_secundair": [0, 600, 0],
                }
            ),
            "plan_allocation": pd.DataFrame(
                {
                    "level": ["lager", "lager", "secundair"],
                    "children": [100.0, 300.0, 50.0],
                    "distance": [400.0, 800.0, 2500.0],
                }
            ),
        },
    )
    return base, expansion, plan


def test_summary_gives_headline_figures_per_scenario(three):
    table = compare_summary(three)
    assert list(table.columns) == [
        "Basis",
        "Uitbreiding",
        "Plan",
        "Uitbreiding - Basis",
        "Plan - Basis",
    ]
    # Citywide lager: demand 520+310+400 = 1230, capacity 500+300+450 = 1250.
    assert table.loc["citywide shortfall lager", "Basis"] == pytest.approx(-20.0)
    # +50 places in each of 3 wijken.
    assert table.loc["citywide shortfall lager", "Uitbreiding - Basis"] == pytest.approx(-150.0)
    assert table.loc["wijken short lager", "Basis"] == 2  # wijk 1 (520>500), wijk 2 (310>300)
    assert table.loc["wijken short lager", "Plan"] == 0
    assert table.loc["new sites", "Plan"] == 2
    assert table.loc["expanded sites", "Plan"] == 1
    assert table.loc["brede sites", "Plan"] == 1
    assert table.loc["cost EUR", "Plan"] == pytest.approx(7.5e6)
    assert np.isnan(table.loc["cost EUR", "Basis"])
    assert table.loc["mean travel m lager", "Plan"] == pytest.approx(700.0)  # (100*400+300*800)/400
    assert table.loc["max travel m secundair", "Plan"] == pytest.approx(2500.0)


def test_balance_side_by_side_per_wijk_and_level(three):
    table = compare_balance(three, level="secundair")
    assert table.index.names == ["wijknr", "level", "year"]
    assert len(table) == 3
    row = table.loc[(2, "secundair", 2024)]
    assert row[("balance", "Basis")] == pytest.approx(-60.0)
    assert row[("balance", "Plan - Basis")] == pytest.approx(100.0)
    assert row[("shortfall", "Plan")] == pytest.approx(0.0)


def test_sites_proposed_by_each_scenario(three):
    base, expansion, plan = three
    other = Scenario(
        "Alternatief",
        results={
            "plan_sites": pd.DataFrame(
                {
                    "site_id": ["KS-002"],
                    "name": ["Dok Zuid"],
                    "kind": ["new"],
                    "places_secundair": [450],
                }
            )
        },
    )
    table = compare_sites([base, plan, other])
    assert list(table.index) == ["BAS-010", "KS-001", "KS-002"]
    assert table.loc["KS-001", "Plan"] == 240
    assert np.isnan(table.loc["KS-001", "Alternatief"])
    assert table.loc["KS-002", "Alternatief"] == 450
    assert table["Basis"].isna().all()


def test_compare_table_and_bad_requests(three):
    table = compare_table(three, "balance", ["wijknr"], ["capacity"])
    assert table.loc[1, ("capacity", "Plan - Basis")] == pytest.approx(200.0)  # 2 levels x 100
    with pytest.raises(InputError, match="at least two"):
        compare_summary(three[:1])
    with pytest.raises(InputError, match="no column 'cost'"):
        compare_table(three, "balance", ["wijknr"], ["cost"])


def test_balance_difference_is_second_minus_first():
    from capacityplanner.scenarios.compare import balance_difference, compare_balance
    from capacityplanner.scenarios.model import Scenario as Sc

    def sc(name, values):
        return Sc(
            name=name,
            results={
                "balance": pd.DataFrame(
                    {
                        "wijknr": [1, 2],
                        "level": ["lager", "lager"],
                        "year": [2026, 2026],
                        "balance": values,
                        "shortfall": [0.0, 0.0],
                    }
                )
            },
        )

    table = compare_balance([sc("a", [10.0, -5.0]), sc("b", [210.0, -5.0])], year=2026)
    diff = balance_difference(table, "lager", "a", "b", 2026).set_index("wijknr")
    assert diff.loc[1, "difference"] == 200 and diff.loc[2, "difference"] == 0
    with pytest.raises(InputError, match="secundair"):
        balance_difference(table, "secundair", "a", "b")
