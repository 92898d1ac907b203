"""Opening the app: the map is drawn first; the table, the planning tools and the rest follow."""

import gc

import pytest
from ghent_window import needs_ghent

from capacityplanner.gui.app import TOOL_MODULES


def test_table_opens_on_the_wijken_once_the_map_is_drawn(window, qtbot):
    table = window.attribute_table
    qtbot.waitUntil(lambda: table.layer_name == "wijken")
    assert window.canvas.painted
    assert table.table_model.rowCount() == len(window.map_model.layer("wijken")) == 3
    assert table.combo.currentData() == "wijken"
    assert window.layer_tree.current_layer() == "wijken"
    assert window.canvas.active_layer == "wijken"


def test_a_layer_picked_before_the_first_paint_stays_in_the_table(qtbot, qapp, dataset):
    from capacityplanner.gui.main_window import MainWindow

    window = MainWindow(dataset)
    qtbot.addWidget(window)
    window.attribute_table.set_layer("wegen")
    window.show()
    qtbot.waitUntil(lambda: window.canvas.painted)
    qtbot.wait(50)  # the tasks queued for after the first paint have run
    assert window.attribute_table.layer_name == "wegen"
    assert window.attribute_table.table_model.rowCount() == len(window.map_model.layer("wegen"))


def test_tasks_given_after_the_first_paint_still_run(window, qtbot):
    ran = []
    qtbot.waitUntil(lambda: window.canvas.painted)
    window.after_first_paint(lambda: ran.append("late"))
    qtbot.waitUntil(lambda: ran == ["late"])


def test_start_up_work_runs_even_when_the_map_is_never_drawn(qtbot, qapp, dataset, monkeypatch):
    from capacityplanner.gui import main_window
    from capacityplanner.gui.main_window import MainWindow

    monkeypatch.setattr(main_window, "FIRST_PAINT_WAIT_MS", 50)
    window = MainWindow(dataset)  # never shown, as when the app opens minimised
    qtbot.addWidget(window)
    ran = []
    window.after_first_paint(lambda: ran.append("tools"))
    qtbot.waitUntil(lambda: ran == ["tools"], timeout=5000)
    assert not window.canvas.painted
    assert window.attribute_table.layer_name == "wijken"  # the table filled too


@needs_ghent
def test_the_app_opens_on_the_map_then_installs_every_planning_tool(qtbot):
    from capacityplanner.geodata.dataset import load_dataset
    from capacityplanner.gui.app import open_main_window

    dataset = load_dataset(defer_tables=True)  # as create_main_window reads it
    gc.disable()  # as the command line leaves it for the start-up
    try:
        window = open_main_window(dataset=dataset)
        qtbot.addWidget(window)
        assert window.isVisible()
        qtbot.waitUntil(lambda: bool(window.tools), timeout=60000)
        assert gc.isenabled()  # collection resumed once the map was drawn
    finally:
        gc.enable()
        gc.unfreeze()
    assert window.canvas.painted
    assert list(window.tools) == list(TOOL_MODULES)
    assert window.workspace is not None and window.workspace.dataset is dataset
    assert dataset.tables.pending == []  # read once the map was drawn
    assert window.attribute_table.layer_name == "wijken"
    assert window.attribute_table.table_model.rowCount() == len(dataset.layers["wijken"])


def test_no_command_opens_the_app_without_building_the_command_parser(monkeypatch):
    import capacityplanner.gui.app as app
    from capacityplanner import cli

    opened = []
    monkeypatch.setattr(app, "run_app", lambda lang=None: opened.append(lang) or 0)
    monkeypatch.setattr(cli, "build_parser", lambda: pytest.fail("command modules imported"))
    try:
        assert cli.main(["--lang", "en"]) == 0
        assert cli.main([]) == 0
    finally:
        gc.enable()
    assert opened == ["en", None]


def test_a_command_or_a_bad_option_still_goes_through_the_full_parser(capsys):
    from capacityplanner import cli

    assert cli.app_request(["--lang", "en", "forecast"]) == (False, None)
    assert cli.app_request(["--lang", "fr"]) == (False, None)
    with pytest.raises(SystemExit):
        cli.main(["--lang", "fr"])
    assert "invalid choice" in capsys.readouterr().err
