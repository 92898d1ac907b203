"""Workflow 1 on the shipped data: the balance map, its classes and the five worst wijken."""

import pandas as pd
import pytest
from planning_support import as_float, close_window, inside_point, level_rows, planner

from capacityplanner.gui.balance_style import SHORT_COLORS, SURPLUS_COLORS
from capacityplanner.gui.balance_view import BALANCE_LAYER


@pytest.fixture(scope="module")
def app(qapp):
    window, workspace, objs = planner(qapp, "balance_view")
    yield window, workspace, objs["balance_view"]
    close_window(window)


@pytest.fixture
def view(app):
    window, workspace, view = app
    controls = view.controls
    controls.level_combo.setCurrentIndex(controls.level_combo.findData("basis"))
    controls.year_spin.setValue(2024)
    controls.as_of_check.setChecked(False)
    return window, workspace, view


def fills(layer):
    symbols = layer.style.symbols()
    codes = layer.style.assign(layer.frame)
    return pd.Series(
        [symbols[c].fill if c >= 0 else None for c in codes], index=layer.frame["wijknr"]
    )


def test_basis_2024_colours_the_wijken_short_of_places_red(view):
    window, workspace, _view = view
    layer = window.map_model.layer(BALANCE_LAYER)
    expected = level_rows(workspace, 2024, "basis")
    colour = fills(layer)
    short = expected["shortfall"] > 0.5
    assert short.sum() >= 5
    assert colour[short[short].index].isin(SHORT_COLORS).all()
    assert colour[short[~short].index].isin(SURPLUS_COLORS).all()
    # the figures on the layer are the workspace's balance
    frame = layer.frame.set_index("wijknr")
    assert (frame["balance"] - expected["balance"].loc[frame.index]).abs().max() <= 0.5
    # the largest shortfall gets the darkest red
    worst = expected["shortfall"].idxmax()
    assert colour[worst] == SHORT_COLORS[-1]
    assert layer.visible and layer.illustrative  # the sites are illustrative


def test_the_map_draws_red_where_short_and_green_where_spare(view):
    window, workspace, _view = view
    model = window.map_model
    shown = {lyr.name: lyr.visible for lyr in model.layers}
    for lyr in model.layers:
        model.set_visible(lyr.name, lyr.name == BALANCE_LAYER)
    try:
        expected = level_rows(workspace, 2024, "basis")
        wijken = workspace.wijken.set_index("wijknr")
        image = window.canvas.grab().toImage()

        def colour_at(wijknr):
            x, y = window.canvas.transform.to_device(*inside_point(wijken.geometry.loc[wijknr]))
            return image.pixelColor(round(x), round(y))

        worst = colour_at(expected["shortfall"].idxmax())
        spare = colour_at(expected["balance"].idxmax())
        assert worst.red() > worst.green() + 60
        assert spare.green() > spare.red()
    finally:
        for name, visible in shown.items():
            model.set_visible(name, visible)


def test_the_five_worst_wijken_are_listed_in_order_of_shortfall(view):
    _window, workspace, view = view
    expected = level_rows(workspace, 2024, "basis").sort_values("shortfall", ascending=False)
    listed = view.controls.worst_wijken()
    assert [w for w, _name, _s in listed] == list(expected.index[:5])
    assert [name for _w, name, _s in listed] == list(expected["wijk"].iloc[:5])
    for (_w, _name, shown), real in zip(listed, expected["shortfall"].iloc[:5], strict=True):
        assert shown == pytest.approx(real, abs=0.5)
    # the citywide figure is total demand minus total capacity
    city = workspace.city_balance(2024).set_index("level").loc["basis", "shortfall"]
    text = view.controls.city_label.text()
    assert f"{round(city):,}".replace(",", "") in text.replace(".", "").replace(",", "").replace(
        "\u00a0", ""
    )


def test_changing_year_and_level_redraws_the_layer_and_the_list(view):
    window, workspace, view = view
    controls = view.controls
    controls.year_spin.setValue(2030)
    controls.level_combo.setCurrentIndex(controls.level_combo.findData("secundair"))
    layer = window.map_model.layer(BALANCE_LAYER)
    expected = level_rows(workspace, 2030, "secundair")
    frame = layer.frame.set_index("wijknr")
    assert set(frame["level"]) == {"secundair"} and set(frame["year"]) == {2030}
    assert (frame["balance"] - expected["balance"].loc[frame.index]).abs().max() <= 0.5
    assert "2030-31" in layer.title and "secundair" in layer.title
    worst = expected.sort_values("shortfall", ascending=False).index[:5]
    assert [w for w, _n, _s in controls.worst_wijken()] == list(worst)


def test_capacity_as_of_gives_the_published_secundair_shortfall(view):
    """DATA.md: the published 2024-25 secundair shortfall (2,264) counts expansions to 2021;
    counting the planned Campus Offerlaan (+220, from 2024) too gives 2,044."""
    _window, workspace, view = view
    controls = view.controls
    controls.level_combo.setCurrentIndex(controls.level_combo.findData("secundair"))
    controls.as_of_spin.setValue(2023)
    controls.as_of_check.setChecked(True)
    rows = level_rows(workspace, 2024, "secundair", capacity_as_of=2023)
    layer_frame = view.layer.frame
    # the layer holds whole places per wijk: 25 roundings of at most half a place each
    assert abs(layer_frame["demand"].sum() - layer_frame["capacity"].sum() - 2264) <= 12.5
    assert round(rows["demand"].sum() - rows["capacity"].sum()) == 2264
    controls.as_of_check.setChecked(False)
    layer_frame = view.layer.frame
    assert abs(layer_frame["demand"].sum() - layer_frame["capacity"].sum() - 2044) <= 12.5


def test_a_capacity_edit_in_the_workspace_recomputes_the_layer(view):
    window, workspace, view = view
    before = view.layer.frame.set_index("wijknr")[["capacity", "balance"]].copy()
    worst = before["balance"].idxmin()
    school = workspace.layers["scholen_basis"]
    site = school[school["wijknr"] == worst]["site_id"].iloc[0]
    changes = workspace.capacity_changes
    extra = pd.DataFrame(
        [
            {
                "change_id": "T-1",
                "site_id": site,
                "layer": "scholen_basis",
                "level": "lager",
                "places": 200,
                "school_year": 2024,
                "project": "test",
                "status": "gepland",
                "illustrative": 0,
            }
        ]
    )
    workspace.set_capacity_changes(pd.concat([changes, extra], ignore_index=True))
    try:
        after = view.layer.frame.set_index("wijknr")
        assert after.loc[worst, "capacity"] - before.loc[worst, "capacity"] == 200
        # the balance improves by the places minus the inflow they draw (pupils from outside)
        assert 150 < after.loc[worst, "balance"] - before.loc[worst, "balance"] <= 200
        shown = view.controls.worst_wijken()
        if worst in [w for w, _n, _s in shown]:
            row = [w for w, _n, _s in shown].index(worst)
            assert (
                as_float(view.controls.worst.topLevelItem(row).text(4))
                == after.loc[worst, "capacity"]
            )
    finally:
        workspace.set_capacity_changes(changes)
    assert view.layer.frame.set_index("wijknr")["balance"][worst] == pytest.approx(
        before.loc[worst, "balance"]
    )
