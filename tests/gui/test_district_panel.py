"""The district panel: a wijk picked anywhere shows its numbers per level and their sources."""

import pytest
from planning_support import as_float, close_window, inside_point, planner
from PySide6.QtCore import QPointF

from capacityplanner.gui.map_canvas import Tool


@pytest.fixture(scope="module")
def app(qapp):
    window, workspace, objs = planner(qapp, "balance_view", "district_panel")
    yield window, workspace, objs["balance_view"], objs["district_panel"]
    close_window(window)


def wijk_rows(workspace, year, wijknr):
    table = workspace.balance(year)
    return table[table["wijknr"] == wijknr].set_index("level")


def assert_shows(panel, workspace, year, wijknr):
    shown = panel.shown_numbers()
    rows = wijk_rows(workspace, year, wijknr)
    assert set(shown) == set(rows.index)
    for level, figures in shown.items():
        for figure, text in figures.items():
            assert as_float(text) == pytest.approx(rows.loc[level, figure], abs=0.5), (
                level,
                figure,
            )


def test_picking_a_wijk_in_the_worst_list_shows_its_numbers(app):
    window, workspace, balance, panel = app
    balance.controls.year_spin.setValue(2024)
    item = balance.controls.worst.topLevelItem(1)
    balance.controls.worst.setCurrentItem(item)
    wijknr = balance.controls.worst_wijken()[1][0]
    assert panel.state.wijknr == wijknr
    assert panel.combo.currentData() == wijknr
    assert_shows(panel, workspace, 2024, wijknr)
    assert workspace.wijk_names()[wijknr] in panel.title.text()


def test_an_identify_click_on_the_map_picks_the_wijk_under_it(app, qtbot):
    window, workspace, _balance, panel = app
    wijken = workspace.wijken.set_index("wijknr")
    target = int(wijken.index[wijken.index != panel.state.wijknr][0])
    window.set_tool(Tool.IDENTIFY)
    x, y = window.canvas.transform.to_device(*inside_point(wijken.geometry.loc[target]))
    hit = window.canvas.identify_at(QPointF(x, y))
    assert hit is not None
    assert panel.state.wijknr == target
    assert_shows(panel, workspace, panel.state.year, target)


def test_selecting_a_wijk_in_the_attribute_table_picks_it(app):
    window, workspace, _balance, panel = app
    window.attribute_table.set_layer("wijken")
    row = 4
    wijknr = int(window.map_model.layer("wijken").frame["wijknr"].iloc[row])
    window.attribute_table.select_rows([row])
    assert panel.state.wijknr == wijknr


def test_a_new_school_year_updates_the_numbers_and_the_sources(app):
    _window, workspace, balance, panel = app
    panel.combo.setCurrentIndex(panel.combo.findData(7))
    balance.controls.year_spin.setValue(2031)
    assert_shows(panel, workspace, 2031, 7)
    sources = panel.sources.toPlainText()
    assert "2031-32" in sources  # capacity as of
    assert "1 January 2032" in sources or "1 januari 2032" in sources  # the population used
    assert "50%" in sources  # secundair inflow share from the parameters
    assert "scholen_basis" in sources  # illustrative layers named
    # the childcare line gives the coverage against the norms
    kin = wijk_rows(workspace, 2031, 7).loc["kinderopvang"]
    assert f"{round(100 * kin['coverage'])}%" in panel.childcare.text()
    # a row's tooltip names the layers its capacity comes from
    item = next(
        panel.table.topLevelItem(i)
        for i in range(panel.table.topLevelItemCount())
        if panel.table.topLevelItem(i).text(0) == "secundair"
    )
    assert "scholen_secundair" in item.toolTip(1)
