"""Hit-testing follows edits (rtree), layer order and styles, errors in a message box, Ghent data."""

import shapely
from map_support import CREDIT, X0, Y0, device_pos, pixel
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QMessageBox

from capacityplanner.errors import InputError
from capacityplanner.gui.map_canvas import Tool
from capacityplanner.render.style import GraduatedStyle, Symbol


def hits(window, x, y):
    return [
        h
        for h in window.canvas.features_at(device_pos(window.canvas, x, y))
        if h[0] == "scholen_basis"
    ]


def test_rtree_index_follows_added_moved_and_removed_features(window, qtbot):
    layer = window.map_model.layer("scholen_basis")
    assert hits(window, 600, 100) == []
    fid = layer.add_feature(
        shapely.Point(X0 + 600, Y0 + 100), name="New school", capacity_lager=300
    )
    window.map_model.notify_features_changed("scholen_basis")
    assert fid == 2 and fid in layer.spatial_index
    assert hits(window, 600, 100) == [("scholen_basis", fid)]
    window.set_tool(Tool.IDENTIFY)
    qtbot.mouseClick(
        window.canvas, Qt.MouseButton.LeftButton, pos=device_pos(window.canvas, 600, 100)
    )
    assert window.identify_panel.report.fid == fid
    assert ("name", "New school") in window.identify_panel.report.attributes

    layer.move_feature(fid, shapely.Point(X0 + 800, Y0 + 300))
    window.map_model.notify_features_changed("scholen_basis")
    assert hits(window, 600, 100) == []
    assert hits(window, 800, 300) == [("scholen_basis", fid)]

    window.map_model.select("scholen_basis", [fid])
    layer.remove_feature(fid)
    window.map_model.notify_features_changed("scholen_basis")
    assert hits(window, 800, 300) == []
    assert fid not in layer.spatial_index
    assert window.map_model.selection("scholen_basis") == []


def test_moving_a_layer_up_draws_it_on_top(window):
    """The park lies inside wijk Alpha; giving wijken a fill shows which layer is on top."""
    red = "#ff0000"
    window.map_model.set_style("wijken", GraduatedStyle("wijknr", []))  # draws nothing
    window.map_model.set_style(
        "wijken",
        GraduatedStyle.from_values(
            "wijknr", [1, 2, 3], 1, base=Symbol(fill=red, stroke=None), colors=None
        ),
    )
    park = QColor("#b7dba0")
    order = [lyr.name for lyr in window.map_model.layers]
    assert order.index("parken") < order.index("wijken")  # wijken above parks by default
    assert pixel(window.canvas, 400, 400) == QColor(red)
    window.layer_tree.set_current_layer("wijken")
    for _ in range(3):
        window.layer_tree.down.click()
    order = [lyr.name for lyr in window.map_model.layers]
    assert order.index("parken") > order.index("wijken")
    assert pixel(window.canvas, 400, 400) == park
    assert window.layer_tree.names_top_first().index(
        "parken"
    ) < window.layer_tree.names_top_first().index("wijken")


def test_graduated_style_shows_classes_in_the_tree(window):
    style = GraduatedStyle.from_values("population_2024", [1000, 2000, 3000], 3, method="equal")
    window.map_model.set_style("wijken", style)
    item = window.layer_tree.layer_item("wijken")
    labels = [item.child(i).text(0) for i in range(item.childCount())]
    assert labels == [c.label for c in style.classes]
    assert len(labels) == 3


def test_input_error_is_one_sentence_in_a_message_box(window, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    window.show_error(InputError("File schools.csv, row 4: field capacity is not a number."))
    assert shown == ["File schools.csv, row 4: field capacity is not a number."]


def test_uncaught_error_shows_a_message_and_app_keeps_running(window, monkeypatch, qapp):
    from capacityplanner.gui import app as app_module

    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    try:
        raise InputError("Layer scholen_basis has no geometry column.")
    except InputError as exc:
        app_module._excepthook(type(exc), exc, exc.__traceback__)
    assert shown == ["Layer scholen_basis has no geometry column."]
    assert window.isVisible()


def test_style_dialog_builds_graduated_and_categorized_styles(window):
    from capacityplanner.gui.style_dialog import StyleDialog

    dialog = StyleDialog(window.map_model.layer("wijken"), window)
    dialog.kind.setCurrentIndex(dialog.kind.findData("graduated"))
    dialog.field.setCurrentIndex(dialog.field.findData("population_2024"))
    dialog.classes.setValue(2)
    style = dialog.style()
    assert style.kind == "graduated" and len(style.classes) == 2
    dialog.field.setCurrentIndex(dialog.field.findData("wijk"))  # text field: categories
    style = dialog.style()
    assert style.kind == "categorized"
    assert [c.value for c in style.categories] == ["Alpha", "Beta", "Gamma"]


def test_app_opens_on_the_ghent_data_in_dutch(qtbot):
    from capacityplanner.gui.app import create_main_window

    window, languages = create_main_window(lang=None)
    qtbot.addWidget(window)
    window.show()
    assert languages.language == "nl"
    assert window.file_menu.title() == "&Bestand"
    assert len(window.map_model.layer("wegen")) == 14266
    assert window.map_model.layer("scholen_basis").illustrative
    assert not window.map_model.layer("wijken").illustrative
    assert window.credit_label.text().startswith("Bron: Stad Gent")
    xmin, ymin, xmax, ymax = window.canvas.extent()
    assert xmin < 104700 < xmax and ymin < 194000 < ymax  # the Korenmarkt is in view
    assert xmax - xmin < 60000
    assert window.find_box.find("Korenmarkt").layer == "wegen"
    languages.set_language("nl")
    assert CREDIT.startswith("Bron")


def test_dragging_a_layer_into_another_group_reorders_the_model(window, qtbot):
    tree = window.layer_tree
    item = tree.layer_item("parken")
    source = item.parent()
    target = next(
        tree.tree.topLevelItem(i)
        for i in range(tree.tree.topLevelItemCount())
        if tree.tree.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole + 2) == "plan"
    )
    # what an internal drag and drop does to the items, then the drop handler
    target.insertChild(0, source.takeChild(source.indexOfChild(item)))
    tree.tree.dropped.emit()
    layer = window.map_model.layer("parken")
    assert layer.group == "plan"
    assert window.map_model.layers[-1].name == "parken"  # drawn last, on top
    assert tree.names_top_first()[0] == "parken"


def test_box_select_picks_the_features_inside(window, qtbot):
    window.layer_tree.set_current_layer("wegen")
    window.set_tool(Tool.SELECT)
    a, b = device_pos(window.canvas, 1050, 600), device_pos(window.canvas, 1700, 400)
    qtbot.mousePress(window.canvas, Qt.MouseButton.LeftButton, pos=a)
    qtbot.mouseMove(window.canvas, b)
    qtbot.mouseRelease(window.canvas, Qt.MouseButton.LeftButton, pos=b)
    assert window.map_model.selection("wegen") == [0, 1]  # both Korenmarkt segments
    assert window.attribute_table.layer_name == "wegen"
    assert window.attribute_table.selected_ids() == [0, 1]
