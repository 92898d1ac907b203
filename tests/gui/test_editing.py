"""Edits with undo and redo: a capacity change moves the balance, a housing project the forecast."""

import ghent_window as fixtures
import numpy as np
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog

from capacityplanner.gui import editing
from capacityplanner.gui.edit_forms import CapacityChangeForm, HousingProjectForm

pytestmark = fixtures.needs_ghent
ghent_dataset = fixtures.ghent_dataset
ghent_window = fixtures.ghent_window
workspace = fixtures.workspace


def capacity(ws, level, year):
    table = ws.city_balance(year).set_index("level")
    return float(table.loc[level, "capacity"])


def test_raise_school_capacity_then_undo_and_redo(ghent_window, workspace, monkeypatch):
    ctrl = editing.install(ghent_window, workspace)
    schools = ghent_window.map_model.layer("scholen_basis").frame
    site = str(schools["site_id"].iloc[3])
    ghent_window.map_model.select("scholen_basis", [3])  # "select the school"
    seen = {}

    def fill(form):
        seen["site"] = form.values()["site_id"]
        form.level.setCurrentIndex(form.level.findData("lager"))
        form.places.setValue(200)
        form.school_year.setValue(2026)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(CapacityChangeForm, "exec", fill)
    before_2026 = capacity(workspace, "basis", 2026)
    before_2025 = capacity(workspace, "basis", 2025)
    heard = []
    workspace.changed.append(heard.append)

    ctrl.act_change_capacity.trigger()
    assert seen["site"] == site
    assert "capaciteitswijzigingen" in heard
    assert capacity(workspace, "basis", 2026) == before_2026 + 200
    assert capacity(workspace, "lager", 2026) - capacity(workspace, "lager", 2025) >= 200
    assert capacity(workspace, "basis", 2025) == before_2025  # counts from 2026 only
    assert ctrl.act_undo.isEnabled()
    assert "200" in ctrl.act_undo.text()

    assert QKeySequence("Ctrl+Z") in ctrl.act_undo.shortcuts()
    assert QKeySequence("Ctrl+Shift+Z") in ctrl.act_redo.shortcuts()
    ctrl.act_undo.trigger()
    assert capacity(workspace, "basis", 2026) == before_2026
    assert ctrl.act_redo.isEnabled()
    ctrl.act_redo.trigger()
    assert capacity(workspace, "basis", 2026) == before_2026 + 200
    row = workspace.capacity_changes.iloc[-1]
    assert (row["site_id"], row["level"], row["places"], row["school_year"]) == (
        site,
        "lager",
        200,
        2026,
    )


def test_add_housing_project_by_clicking_the_map(ghent_window, workspace, qtbot, monkeypatch):
    ctrl = editing.install(ghent_window, workspace)
    sectors = workspace.layers["sectoren"]
    sector = sectors.iloc[int(np.argmax(sectors.geometry.area.to_numpy()))]
    point = sector.geometry.representative_point()
    canvas = ghent_window.canvas
    canvas.zoom_to_bounds(sector.geometry.bounds)
    px, py = canvas.transform.to_device(point.x, point.y)

    def fill(form):
        form.name.setText("Testwijk")
        form.dwellings.setValue(800)
        form.first_year.setValue(2026)
        form.last_year.setValue(2028)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(HousingProjectForm, "exec", fill)
    forecast = workspace.forecast("sector")
    row = list(forecast.area_ids).index(sector["sector_code"])
    t = list(forecast.years).index(2030)
    children_before = forecast.population[forecast.variant_index(), row, :18, t].sum()
    n_before = len(workspace.layers["woonprojecten"])

    ctrl.act_add_housing.trigger()
    assert ctrl.mode is editing.PlaceMode.HOUSING
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=QPoint(round(px), round(py)))

    projects = workspace.layers["woonprojecten"]
    assert len(projects) == n_before + 1
    new = projects.iloc[-1]
    assert new["sector_code"] == sector["sector_code"] and new["dwellings"] == 800
    after = workspace.forecast("sector")
    children_after = after.population[after.variant_index(), row, :18, t].sum()
    assert children_after > children_before + 50  # 800 dwellings bring children
    layer = ghent_window.map_model.layer("woonprojecten")
    assert layer.visible and "Testwijk" in set(layer.frame["name"])

    ctrl.act_undo.trigger()
    assert len(workspace.layers["woonprojecten"]) == n_before
    again = workspace.forecast("sector")
    assert again.population[again.variant_index(), row, :18, t].sum() == children_before
    assert "Testwijk" not in set(ghent_window.map_model.layer("woonprojecten").frame["name"])

    ctrl.set_mode(editing.PlaceMode.NONE)
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=QPoint(round(px), round(py)))
    assert len(workspace.layers["woonprojecten"]) == n_before  # pan tool again: no form


def test_click_outside_ghent_says_so(ghent_window, workspace, qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    ctrl = editing.install(ghent_window, workspace)
    ctrl.act_add_housing.trigger()
    assert not ctrl.place(0.0, 0.0)
    assert shown and "outside" in shown[0]
    assert not ctrl.undo_stack.canUndo()


def test_parameter_edit_is_undoable(ghent_window, workspace):
    import dataclasses

    ctrl = editing.install(ghent_window, workspace)
    bso_before = float(workspace.city_balance(2026).set_index("level").loc["bso", "demand"])
    ctrl.set_params(dataclasses.replace(workspace.params, bso_use=0.6))
    bso_after = float(workspace.city_balance(2026).set_index("level").loc["bso", "demand"])
    assert bso_after > bso_before * 1.5
    ctrl.undo_stack.undo()
    assert workspace.params.bso_use == 0.30
    assert float(workspace.city_balance(2026).set_index("level").loc["bso", "demand"]) == bso_before
