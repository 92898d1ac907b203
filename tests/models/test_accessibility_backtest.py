"""Walking-radius balance and backtest on constructed cases."""

import numpy as np
import pandas as pd
import pytest

from capacityplanner.models.accessibility import radius_balance
from capacityplanner.models.backtest import backtest


def test_radius_balance_counts_places_and_children_within_network_radius():
    points = np.array([[0.0, 0.0], [1000.0, 0.0], [5000.0, 0.0]])
    demand = np.array([100.0, 50.0, 30.0])
    sites = np.array([[0.0, 0.0], [900.0, 0.0]])
    capacity = np.array([80.0, 40.0])
    # 1,300 m walking with detour 1.3 = 1,000 m straight
    result = radius_balance(points, demand, sites, capacity, radius_m=1300, detour_factor=1.3)
    assert result["places_within"].tolist() == [120.0, 120.0, 0.0]
    assert result["children_within"].tolist() == [150.0, 150.0, 30.0]
    assert result["balance"].tolist() == [-30.0, -30.0, -30.0]
    assert result["ratio"].iloc[0] == pytest.approx(0.8)


def test_backtest_reports_mape_and_bias_of_a_constructed_forecast():
    observed = pd.DataFrame(
        {
            "wijknr": [1, 1, 2, 2],
            "level": ["lager"] * 4,
            "year": [2024, 2025, 2024, 2025],
            "pupils": [100.0, 200.0, 100.0, 100.0],
        }
    )
    # wijk 1: +10% and -10%; wijk 2: +20% both years
    forecast = observed.rename(columns={"pupils": "demand"}).assign(
        demand=[110.0, 180.0, 120.0, 120.0]
    )
    result = backtest(forecast, observed).set_index(["wijknr", "level"])
    assert result.loc[(1, "lager"), "mape"] == pytest.approx(10.0)
    assert result.loc[(1, "lager"), "bias"] == pytest.approx(0.0)
    assert result.loc[(2, "lager"), "mape"] == pytest.approx(20.0)
    assert result.loc[(2, "lager"), "bias"] == pytest.approx(20.0)
    # city: 2024 230 vs 200 (+15%), 2025 300 vs 300 (0%)
    assert result.loc[(0, "lager"), "mape"] == pytest.approx(7.5)
    assert result.loc[(0, "lager"), "years"] == 2
