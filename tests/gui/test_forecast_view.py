"""Forecast charts: the low-mid-high band, demand against capacity, what housing adds."""

import numpy as np
import pytest
from matplotlib.collections import PolyCollection
from planning_support import close_window, planner


@pytest.fixture(scope="module")
def app(qapp):
    window, workspace, objs = planner(qapp, "forecast_view")
    yield window, workspace, objs["forecast_view"]
    close_window(window)


def band_at(collection, x):
    """Lowest and highest y of a fill_between band at ``x``."""
    v = collection.get_paths()[0].vertices
    ys = v[np.isclose(v[:, 0], x), 1]
    return ys.min(), ys.max()


def line(ax, gid):
    return next(ln for ln in ax.get_lines() if ln.get_gid() == gid)


def band(ax, gid):
    return next(c for c in ax.collections if c.get_gid() == gid)


def test_city_demand_chart_has_the_low_mid_high_band(app):
    _window, workspace, view = app
    view.state.set_wijk(0)
    view.state.set_level("basis")
    view.set_chart("demand")
    ax = view.axes
    demand_band = band(ax, "demand band")
    assert isinstance(demand_band, PolyCollection)
    for year in (2030, 2040):
        low, high = band_at(demand_band, year)
        cities = {
            v: workspace.city_balance(year, variant=v).set_index("level") for v in ("low", "high")
        }
        assert low == pytest.approx(cities["low"].loc["basis", "demand"], rel=1e-9)
        assert high == pytest.approx(cities["high"].loc["basis", "demand"], rel=1e-9)
        assert low < high
    mid = line(ax, "demand mid")
    x, y = mid.get_data()
    i = list(x).index(2035)
    assert y[i] == pytest.approx(
        workspace.city_balance(2035).set_index("level").loc["basis", "demand"]
    )


def test_wijk_chart_follows_the_picked_wijk_and_shows_its_capacity(app):
    _window, workspace, view = app
    view.set_chart("demand")
    view.state.set_level("secundair")
    view.state.set_wijk(7)
    assert view.area_combo.currentData() == 7
    assert workspace.wijk_names()[7] in view.axes.get_title()
    capacity = line(view.axes, "capacity")
    x, y = capacity.get_data()
    for year in (2024, 2027, 2035):
        rows = workspace.balance(year)
        row = rows[(rows["wijknr"] == 7) & (rows["level"] == "secundair")].iloc[0]
        assert y[list(x).index(year)] == pytest.approx(row["capacity"])
        low, high = band_at(band(view.axes, "demand band"), year)
        assert low <= row["demand"] + 1e-6 <= high + 2e-6


def test_population_chart_draws_each_age_band_with_its_range(app):
    _window, workspace, view = app
    view.state.set_wijk(0)
    view.set_chart("population")
    for name in ("0-2", "3-5", "6-11", "12-17"):
        assert isinstance(band(view.axes, f"band {name}"), PolyCollection)
    forecast = workspace.forecast("sector")
    t = list(forecast.years).index(2040)
    x, y = line(view.axes, "mid 6-11").get_data()
    low, high = band_at(band(view.axes, "band 6-11"), 2040)
    assert low == pytest.approx(forecast.population[0][:, 6:12, t].sum())
    assert high == pytest.approx(forecast.population[2][:, 6:12, t].sum())
    mid = forecast.population[1][:, 6:12, t].sum()
    assert y[list(x).index(2040)] == pytest.approx(mid)


def test_housing_chart_shows_the_extra_children_of_one_project(app):
    """Tondelier: 800 apartments completed evenly in 2026-2028 add, on 1 January 2027,
    a third of them times the children per apartment of ages 0-17 (the parameters)."""
    _window, workspace, view = app
    view.set_chart("housing")
    projects = workspace.housing_projects()
    tondelier = projects[projects["name"] == "Tondelier"].iloc[0]
    view.set_project(str(tondelier["project_id"]))
    assert "Tondelier" in view.axes.get_title()
    bars = [p for p in view.axes.patches if p.get_height() > 0]
    total_2027 = sum(
        p.get_height() for p in bars if abs(p.get_x() + p.get_width() / 2 - 2027) < 0.01
    )
    per = workspace.params.children_per_dwelling["appartement"]
    expected = 800 / 3 * (per["0-5"] + per["6-11"] + per["12-17"])
    assert total_2027 == pytest.approx(expected, rel=1e-3)
    assert "kleuter +" in view.summary.text()
