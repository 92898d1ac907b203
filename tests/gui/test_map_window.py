"""The map window: layers drawn and hidden, selection sync, identify, find, zoom, language."""

from map_support import CREDIT, X0, Y0, device_pos, pixel
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor

from capacityplanner.gui.map_canvas import Tool

PARK = QColor("#b7dba0")


def close(c1, c2, tol=12):
    return all(abs(a - b) <= tol for a, b in zip(c1.getRgb()[:3], c2.getRgb()[:3], strict=True))


def test_hiding_a_layer_in_the_tree_stops_drawing_it(window):
    assert close(pixel(window.canvas, 400, 400), PARK)
    item = window.layer_tree.layer_item("parken")
    item.setCheckState(0, Qt.CheckState.Unchecked)
    assert window.map_model.layer("parken").visible is False
    assert not close(pixel(window.canvas, 400, 400), PARK)
    item.setCheckState(0, Qt.CheckState.Checked)
    assert close(pixel(window.canvas, 400, 400), PARK)


def test_selecting_a_wijk_in_the_table_highlights_it_on_the_map(window):
    before = pixel(window.canvas, 1300, 300)
    window.attribute_table.set_layer("wijken")
    window.attribute_table.select_rows([1])  # Beta
    assert window.map_model.selection("wijken") == [1]
    after = pixel(window.canvas, 1300, 300)
    assert after != before
    # the highlight tints towards yellow: more red+green than blue
    assert after.red() > after.blue() and after.green() > after.blue()
    assert not close(pixel(window.canvas, 2300, 300), after)  # Gamma not highlighted


def test_clicking_the_map_selects_the_row_in_the_table(window, qtbot):
    window.attribute_table.set_layer("wijken")
    window.layer_tree.set_current_layer("wijken")
    window.set_tool(Tool.SELECT)
    qtbot.mouseClick(
        window.canvas, Qt.MouseButton.LeftButton, pos=device_pos(window.canvas, 2300, 300)
    )
    assert window.map_model.selection("wijken") == [2]
    assert window.attribute_table.selected_ids() == [2]


def test_table_sorting_keeps_selection_on_the_right_feature(window):
    table = window.attribute_table
    table.set_layer("wijken")
    column = table.table_model._columns.index("population_2024")
    table.view.sortByColumn(column, Qt.SortOrder.DescendingOrder)
    first = table.proxy.mapToSource(table.proxy.index(0, 0)).row()
    assert table.table_model.fid(first) == 2  # Gamma has the largest population
    table.view.selectRow(0)
    assert window.map_model.selection("wijken") == [2]


def test_identify_explains_feature_and_its_source(window, qtbot):
    window.set_tool(Tool.IDENTIFY)
    qtbot.mouseClick(
        window.canvas, Qt.MouseButton.LeftButton, pos=device_pos(window.canvas, 1500, 800)
    )
    report = window.identify_panel.report
    assert report is not None
    assert report.layer == "scholen_basis" and report.fid == 0
    assert report.illustrative is True
    assert report.source == CREDIT
    assert ("name", "School A") in report.attributes
    panel = window.identify_panel
    shown = [panel.tree.topLevelItem(i).text(1) for i in range(panel.tree.topLevelItemCount())]
    assert "School A" in shown
    assert CREDIT in panel.header.text() and "Illustratief" in panel.header.text()
    assert window.canvas.marked == ("scholen_basis", 0)


def test_identify_on_empty_map_clears_the_panel(window, qtbot):
    window.set_tool(Tool.IDENTIFY)
    window.identify("scholen_basis", 0)
    window.map_model.set_visible("wijken", False)
    window.map_model.set_visible("wegen", False)
    window.map_model.set_visible("parken", False)
    qtbot.mouseClick(
        window.canvas, Qt.MouseButton.LeftButton, pos=device_pos(window.canvas, 800, 100)
    )
    assert window.identify_panel.report is None


def test_find_street_selects_and_zooms_to_it(window):
    full = window.canvas.extent()
    place = window.find_box.find("korenmarkt")
    assert place is not None and place.layer == "wegen"
    assert sorted(window.map_model.selection("wegen")) == [0, 1]
    xmin, ymin, xmax, ymax = window.canvas.extent()
    assert xmin <= X0 + 1100 and xmax >= X0 + 1600 and ymin <= Y0 + 500 <= ymax
    assert (xmax - xmin) < (full[2] - full[0])
    assert window.attribute_table.layer_name == "wegen"


def test_find_wijk_by_name_and_unknown_name(window, qtbot):
    assert window.find_box.find("Gamma").layer == "wijken"
    assert window.map_model.selection("wijken") == [2]
    with qtbot.waitSignal(window.find_box.notFound):
        assert window.find_box.find("Nowhere street") is None
    window.find_box.ensure_index()  # built on focus or lookup
    names = window.find_box.completer_.model().stringList()
    assert "Veldstraat" in names and "Alpha" in names


def test_wheel_zoom_and_drag_pan_change_the_extent(window, qtbot):
    canvas = window.canvas
    before = canvas.extent()
    canvas.zoom_by(2.0, QPointF(canvas.width() / 2, canvas.height() / 2))
    zoomed = canvas.extent()
    assert (zoomed[2] - zoomed[0]) == __import__("pytest").approx((before[2] - before[0]) / 2)
    window.set_tool(Tool.PAN)
    start = QPoint(canvas.width() // 2, canvas.height() // 2)
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(canvas, start + QPoint(100, 0))
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=start + QPoint(100, 0))
    panned = canvas.extent()
    assert panned[0] < zoomed[0]  # content moved right: the view moved west
    window.act_zoom_full.trigger()
    assert canvas.extent()[2] - canvas.extent()[0] > zoomed[2] - zoomed[0]


def test_box_zoom_shows_the_box(window, qtbot):
    canvas = window.canvas
    window.set_tool(Tool.ZOOM)
    a, b = device_pos(canvas, 1000, 0), device_pos(canvas, 2000, 1000)
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=QPoint(a.x(), b.y()))
    qtbot.mouseMove(canvas, QPoint(b.x(), a.y()))
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=QPoint(b.x(), a.y()))
    xmin, ymin, xmax, ymax = canvas.extent()
    assert xmin <= X0 + 1010 and xmax >= X0 + 1990
    assert xmax - xmin < 2000


def test_language_switch_retranslates_menus(window):
    assert window.file_menu.title() == "&Bestand"
    assert window.layers_dock.windowTitle() == "Lagen"
    window.set_language("en")
    assert window.file_menu.title() == "&File"
    assert window.layers_dock.windowTitle() == "Layers"
    assert window.layer_tree.layer_item("scholen_basis").text(0).endswith("(illustrative)")
    window.set_language("nl")
    assert window.file_menu.title() == "&Bestand"
    assert window.layer_tree.layer_item("scholen_basis").text(0).endswith("(illustratief)")


def test_language_change_event_alone_retranslates(window, qtbot):
    """Switching the translator from elsewhere (not the menu) also retranslates."""
    window.languages.set_language("en")
    qtbot.waitUntil(lambda: window.view_menu.title() == "&View")
    assert window.find_box.placeholderText().startswith("Find")
    window.languages.set_language("nl")
    qtbot.waitUntil(lambda: window.view_menu.title() == "Beel&d")


def test_status_bar_shows_credit_notice_and_scale(window, qtbot):
    assert window.credit_label.text() == CREDIT
    assert "Illustratieve gegevens" in window.notice_label.text()
    assert window.notice_label.isVisible()
    assert window.scale_label.text().startswith("Schaal 1:")
    qtbot.mouseMove(window.canvas, device_pos(window.canvas, 1500, 500))
    assert "X" in window.coord_label.text() and "Y" in window.coord_label.text()
