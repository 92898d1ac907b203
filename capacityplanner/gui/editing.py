"""Editing the plan's inputs with undo: housing projects, candidate sites, capacities, parameters.

``install(window, workspace)`` adds an *Edit* menu and toolbar: Undo
(Ctrl+Z) and Redo (Ctrl+Shift+Z), *Add housing project* and *Add candidate
site* (click the map, fill in a small form), *Change capacity...* (the
selected site, or any site: "+200 places from 2026") and *Forecast
parameters...*. Every edit is a :class:`QUndoCommand` that replaces one
piece of the :class:`~capacityplanner.scenarios.workspace.Workspace`
(a layer, the capacity changes, the parameters); the workspace notifies its
observers (forecast, balance, map) and the edited map layers are redrawn.
"""

from __future__ import annotations

from enum import Enum

import geopandas as gpd
import pandas as pd
import shapely
import shiboken6
from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QDialog, QMessageBox, QToolBar

from capacityplanner.errors import InputError
from capacityplanner.gui.dict_translator import ensure_translator
from capacityplanner.gui.edit_forms import (
    CandidateSiteForm,
    CapacityChangeForm,
    HousingProjectForm,
    ParametersDialog,
)
from capacityplanner.models.capacity import CAPACITY_FIELDS
from capacityplanner.render.defaults import default_layer
from capacityplanner.scenarios.workspace import Workspace

__all__ = ["EditController", "PlaceMode", "WorkspaceEdit", "install"]

CRS = 31370
CAPACITY_TABLE = "capaciteitswijzigingen"


class PlaceMode(Enum):
    """What a left click on the map adds."""

    NONE = "none"
    HOUSING = "woonprojecten"
    CANDIDATE = "kandidaatsites"


class WorkspaceEdit(QUndoCommand):
    """Replace one part of the workspace (``layer:<name>``, ``capacity`` or ``params``).

    ``redo`` puts ``after`` in, ``undo`` puts ``before`` back; both are whole
    values (a layer, a table, a parameter set), so undo is exact.
    """

    def __init__(self, controller: EditController, text: str, what: str, before, after) -> None:
        super().__init__(text)
        self.controller = controller
        self.what = what
        self.before = before
        self.after = after

    def redo(self) -> None:  # noqa: D102
        self.controller.apply(self.what, self.after)

    def undo(self) -> None:  # noqa: D102
        self.controller.apply(self.what, self.before)


class EditController(QObject):
    """Edits with undo and the map-click tools of one main window.

    Attributes
    ----------
    undo_stack : QUndoStack
    act_undo, act_redo, act_add_housing, act_add_candidate, act_change_capacity,
    act_parameters : QAction
    menu : QMenu
        The Edit menu.
    """

    def __init__(self, window, workspace: Workspace) -> None:
        super().__init__(window)
        self.setObjectName("edit_controller")
        self.window = window
        self.workspace = workspace
        self.undo_stack = QUndoStack(self)
        self.mode = PlaceMode.NONE
        self._press: QPoint | None = None
        self._make_actions()
        self._make_menu()
        window.canvas.installEventFilter(self)
        window.installEventFilter(self)
        workspace.changed.append(self._workspace_changed)
        if hasattr(window, "languageChanged"):
            window.languageChanged.connect(lambda _lang: self.retranslate())
        if hasattr(window, "tool_group"):
            window.tool_group.triggered.connect(lambda _act: self.set_mode(PlaceMode.NONE))
        self.retranslate()

    # -- building -----------------------------------------------------------
    def _make_actions(self) -> None:
        w = self.window
        self.act_undo = QAction(w)
        self.act_undo.setShortcuts([QKeySequence.StandardKey.Undo])
        self.act_undo.triggered.connect(self.undo_stack.undo)
        self.act_redo = QAction(w)
        self.act_redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.act_redo.triggered.connect(self.undo_stack.redo)
        self.undo_stack.canUndoChanged.connect(self.act_undo.setEnabled)
        self.undo_stack.canRedoChanged.connect(self.act_redo.setEnabled)
        self.undo_stack.undoTextChanged.connect(lambda _t: self._undo_texts())
        self.undo_stack.redoTextChanged.connect(lambda _t: self._undo_texts())
        self.act_undo.setEnabled(False)
        self.act_redo.setEnabled(False)
        self.act_add_housing = QAction(w, checkable=True)
        self.act_add_housing.setObjectName("act_add_housing")
        self.act_add_housing.toggled.connect(
            lambda on: self.set_mode(PlaceMode.HOUSING if on else PlaceMode.NONE)
        )
        self.act_add_candidate = QAction(w, checkable=True)
        self.act_add_candidate.setObjectName("act_add_candidate")
        self.act_add_candidate.toggled.connect(
            lambda on: self.set_mode(PlaceMode.CANDIDATE if on else PlaceMode.NONE)
        )
        self.act_change_capacity = QAction(w)
        self.act_change_capacity.triggered.connect(self.change_capacity_dialog)
        self.act_parameters = QAction(w)
        self.act_parameters.triggered.connect(self.parameters_dialog)

    def _make_menu(self) -> None:
        w = self.window
        bar = w.menuBar()
        self.menu = bar.addMenu("")
        self.menu.setObjectName("edit_menu")
        view = getattr(w, "view_menu", None)
        if view is not None:  # Edit comes right after File, before View
            bar.insertMenu(view.menuAction(), self.menu)
        for act in (self.act_undo, self.act_redo):
            self.menu.addAction(act)
        self.menu.addSeparator()
        for act in (self.act_add_housing, self.act_add_candidate, self.act_change_capacity):
            self.menu.addAction(act)
        self.menu.addSeparator()
        self.menu.addAction(self.act_parameters)
        self.toolbar = QToolBar(w)
        self.toolbar.setObjectName("edit_toolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for act in (
            self.act_undo,
            self.act_redo,
            self.act_add_housing,
            self.act_add_candidate,
            self.act_change_capacity,
        ):
            self.toolbar.addAction(act)
        w.addToolBarBreak(Qt.ToolBarArea.TopToolBarArea)  # a row of its own under the map tools
        w.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.toolbar)

    def retranslate(self) -> None:
        """Texts of the menu and actions in the current language."""
        self.menu.setTitle(self.tr("&Edit"))
        self._undo_texts()
        self.act_add_housing.setText(self.tr("Add housing project"))
        self.act_add_housing.setToolTip(self.tr("Click the map where the dwellings will be built"))
        self.act_add_candidate.setText(self.tr("Add candidate site"))
        self.act_add_candidate.setToolTip(
            self.tr("Click the map where a new school or brede site could be built")
        )
        self.act_change_capacity.setText(self.tr("Change capacity..."))
        self.act_change_capacity.setToolTip(
            self.tr("Add or remove places at the selected site from a school year on")
        )
        self.act_parameters.setText(self.tr("Forecast parameters..."))
        self.toolbar.setWindowTitle(self.tr("Edit tools"))

    def _undo_texts(self) -> None:
        if not all(map(shiboken6.isValid, (self.undo_stack, self.act_undo, self.act_redo))):
            return  # the window is closing
        undo, redo = self.undo_stack.undoText(), self.undo_stack.redoText()
        self.act_undo.setText(self.tr("Undo %1").replace("%1", undo).strip(" :"))
        self.act_redo.setText(self.tr("Redo %1").replace("%1", redo).strip(" :"))
        # the toolbar shows the short word, the tooltip and the menu say what is undone
        self.act_undo.setIconText(self.tr("Undo %1").replace("%1", "").strip(" :"))
        self.act_redo.setIconText(self.tr("Redo %1").replace("%1", "").strip(" :"))
        self.act_undo.setToolTip(self.act_undo.text())
        self.act_redo.setToolTip(self.act_redo.text())

    # -- map clicks ---------------------------------------------------------
    def set_mode(self, mode: PlaceMode) -> None:
        """Make a left click on the map add a housing project, a candidate site or nothing."""
        self.mode = mode
        for act, m in ((self.act_add_housing, PlaceMode.HOUSING),
                       (self.act_add_candidate, PlaceMode.CANDIDATE)):  # fmt: skip
            if act.isChecked() != (mode == m):
                act.blockSignals(True)
                act.setChecked(mode == m)
                act.blockSignals(False)
        canvas = self.window.canvas
        if mode is PlaceMode.NONE:
            if hasattr(self.window, "set_tool"):
                self.window.set_tool(canvas.tool)  # restores the tool's cursor
        else:
            canvas.setCursor(Qt.CursorShape.CrossCursor)
            self.window.statusBar().showMessage(
                self.tr("Click the map to place it; Esc stops."), 5000
            )

    def eventFilter(self, obj, event) -> bool:  # noqa: N802
        etype = event.type()
        if obj is self.window:
            if etype == QEvent.Type.LanguageChange:
                self.retranslate()
            return False
        if self.mode is PlaceMode.NONE or obj is not self.window.canvas:
            return False
        if etype == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Escape:
            self.set_mode(PlaceMode.NONE)
            return True
        if etype == QEvent.Type.MouseButtonPress and event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position().toPoint()
            return True
        if etype == QEvent.Type.MouseButtonRelease and event.button() == Qt.MouseButton.LeftButton:
            press, self._press = self._press, None
            pos = event.position().toPoint()
            if press is not None and (pos - press).manhattanLength() <= 6:
                x, y = self.window.canvas.transform.to_map(pos.x(), pos.y())
                self.place(x, y)
            return True
        return False

    def place(self, x: float, y: float) -> bool:
        """Ask for the details of the object the current mode adds at map ``(x, y)``."""
        try:
            if self.mode is PlaceMode.HOUSING:
                return self.add_housing_project(x, y)
            if self.mode is PlaceMode.CANDIDATE:
                return self.add_candidate_site(x, y)
        except InputError as exc:
            self._error(exc.message)
        except Exception as exc:  # noqa: BLE001 - an event filter must not raise
            self._error(
                self.tr("The edit failed: %1").replace("%1", str(exc) or type(exc).__name__)
            )
        return False

    # -- edits --------------------------------------------------------------
    def _where(self, x: float, y: float) -> tuple[str | None, int | None, str]:
        """Sector code, wijk number and a readable place name of point ``(x, y)``."""
        point = shapely.Point(x, y)
        sector, wijknr, label = None, None, ""
        sectors = self.workspace.layers.get("sectoren")
        if sectors is not None and len(sectors):
            hit = sectors[sectors.geometry.contains(point)]
            if len(hit):
                sector = str(hit["sector_code"].iloc[0])
                label = str(hit["sector_naam"].iloc[0]) if "sector_naam" in hit else sector
        wijken = self.workspace.layers.get("wijken")
        if wijken is not None and len(wijken):
            hit = wijken[wijken.geometry.contains(point)]
            if len(hit):
                wijknr = int(hit["wijknr"].iloc[0])
                label = f"{label}, {hit['wijk'].iloc[0]}" if label else str(hit["wijk"].iloc[0])
        return sector, wijknr, label

    def add_housing_project(self, x: float, y: float) -> bool:
        """Ask for a housing project at ``(x, y)`` and add it; False when cancelled."""
        sector, wijknr, label = self._where(x, y)
        if sector is None:
            raise InputError(
                "This point lies outside Ghent's statistical sectors; click inside the city."
            )
        form = HousingProjectForm(label, self.window)
        if form.exec() != QDialog.DialogCode.Accepted:
            return False
        values = form.values()
        if values["last_year"] < values["first_year"]:
            raise InputError("The last year of completion lies before the first year.")
        layer = self.workspace.layers.get("woonprojecten")
        new_id = _next_id(layer, "site_id", "WON-N")
        row = {
            "site_id": new_id,
            "project_id": new_id,
            "name": values["name"],
            "wijknr": wijknr or 0,
            "street": "",
            "location_approximate": 0,
            "illustrative": 0,
            "sector_code": sector,
            "dwelling_type": values["dwelling_type"],
            "dwellings": values["dwellings"],
            "first_year": values["first_year"],
            "last_year": values["last_year"],
        }
        self._push_row("woonprojecten", row, x, y, self.tr("add housing project %1"), values)
        return True

    def add_candidate_site(self, x: float, y: float) -> bool:
        """Ask for a candidate site at ``(x, y)`` and add it; False when cancelled."""
        _sector, wijknr, label = self._where(x, y)
        if wijknr is None:
            raise InputError("This point lies outside Ghent's wijken; click inside the city.")
        form = CandidateSiteForm(label, self.window)
        if form.exec() != QDialog.DialogCode.Accepted:
            return False
        values = form.values()
        layer = self.workspace.layers.get("kandidaatsites")
        row = {
            "site_id": _next_id(layer, "site_id", "KAN-N"),
            "wijknr": wijknr,
            "street": "",
            "location_approximate": 0,
            "illustrative": 0,
            **values,
        }
        self._push_row("kandidaatsites", row, x, y, self.tr("add candidate site %1"), values)
        return True

    def _push_row(self, name: str, row: dict, x: float, y: float, text: str, values) -> None:
        before = self.workspace.layers.get(name)
        new = gpd.GeoDataFrame([row], geometry=[shapely.Point(x, y)], crs=CRS)
        if before is None or len(before) == 0:
            after = new
            before = new.iloc[0:0] if before is None else before
        else:
            if before.geometry.name != new.geometry.name:
                new = new.rename_geometry(before.geometry.name)
            after = pd.concat([before, new[[c for c in new.columns if c in before.columns]]])
            after = gpd.GeoDataFrame(after.reset_index(drop=True), crs=before.crs)
        text = text.replace("%1", str(values["name"]))
        self.undo_stack.push(WorkspaceEdit(self, text, f"layer:{name}", before, after))

    def site_choices(self) -> list[tuple[str, str, str]]:
        """(site_id, layer, label) of every site with a capacity."""
        out = []
        for layer in CAPACITY_FIELDS:
            frame = self.workspace.layers.get(layer)
            if frame is None or "site_id" not in frame:
                continue
            names = frame["name"] if "name" in frame else frame["site_id"]
            for site_id, name in zip(frame["site_id"], names, strict=True):
                out.append((str(site_id), layer, f"{name} ({site_id})"))
        return out

    def selected_site(self) -> str | None:
        """Site id of the feature selected (or identified) in a site layer, if any."""
        model = self.window.map_model
        for layer in CAPACITY_FIELDS:
            if layer in model and model.selection(layer):
                fid = model.selection(layer)[0]
                return str(model.layer(layer).frame.loc[fid, "site_id"])
        marked = getattr(self.window.canvas, "marked", None)
        if marked and marked[0] in CAPACITY_FIELDS and marked[0] in model:
            frame = model.layer(marked[0]).frame
            if marked[1] in frame.index:
                return str(frame.loc[marked[1], "site_id"])
        return None

    def change_capacity_dialog(self) -> bool:
        """Ask for a capacity change of the selected site and apply it."""
        form = CapacityChangeForm(self.site_choices(), self.selected_site(), self.window)
        if form.exec() != QDialog.DialogCode.Accepted:
            return False
        try:
            self.change_capacity(**form.values())
        except InputError as exc:
            self._error(exc.message)
            return False
        return True

    def change_capacity(
        self, site_id: str, layer: str, level: str, places: int, school_year: int, project: str = ""
    ) -> None:
        """Add ``places`` at ``site_id`` for ``level`` from ``school_year`` on (undoable)."""
        if level not in CAPACITY_FIELDS.get(layer, {}):
            raise InputError(f"Site {site_id} in layer {layer} has no {level} places to change.")
        if places == 0:
            raise InputError("A capacity change of 0 places changes nothing.")
        before = self.workspace.capacity_changes
        row = {
            "change_id": _next_id(before, "change_id", "CHG-N"),
            "site_id": site_id,
            "layer": layer,
            "level": level,
            "places": int(places),
            "school_year": int(school_year),
            "project": project or "",
            "status": "gepland",
            "illustrative": 0,
        }
        after = pd.concat([before, pd.DataFrame([row])], ignore_index=True)
        sign = "+" if places > 0 else ""
        text = self.tr("%1 places at %2 from %3").replace("%1", f"{sign}{places}")
        text = text.replace("%2", site_id).replace("%3", str(school_year))
        self.undo_stack.push(WorkspaceEdit(self, text, "capacity", before, after))

    def parameters_dialog(self) -> bool:
        """Edit the forecast parameters (undoable)."""
        dialog = ParametersDialog(self.workspace.params, self.window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        try:
            self.set_params(dialog.new_params())
        except InputError as exc:
            self._error(exc.message)
            return False
        return True

    def set_params(self, params) -> None:
        """Replace the forecast parameters (validated; undoable)."""
        params.validate()
        before = self.workspace.params
        self.undo_stack.push(
            WorkspaceEdit(self, self.tr("forecast parameters"), "params", before, params)
        )

    # -- applying -----------------------------------------------------------
    def apply(self, what: str, value) -> None:
        """Put ``value`` in the workspace (called by the undo commands)."""
        if what == "capacity":
            self.workspace.set_capacity_changes(value)
        elif what == "params":
            self.workspace.set_params(value)
        elif what.startswith("layer:"):
            self.workspace.set_layer(what.split(":", 1)[1], value)

    def _workspace_changed(self, what: str) -> None:
        """Redraw a map layer the workspace replaced (an edit, undo, a scenario opened)."""
        if not shiboken6.isValid(self) or not shiboken6.isValid(self.window):
            if self._workspace_changed in self.workspace.changed:
                self.workspace.changed.remove(self._workspace_changed)
            return
        model = self.window.map_model
        frame = self.workspace.layers.get(what)
        if not isinstance(frame, gpd.GeoDataFrame):
            if frame is None and what in model:
                model.remove_layer(what)
            return
        order = [lyr.name for lyr in reversed(model.layers)]
        old = model.layer(what) if what in model else None
        new = default_layer(
            what,
            frame,
            illustrative=old.illustrative if old else False,
            source=old.source if old else "",
            description=old.description if old else "",
        )
        if old is not None:
            new.visible = old.visible or self.mode.value == what
            new.group = old.group
            new.labels = old.labels
        model.add_layer(new)
        if old is not None:
            model.set_order(order)
        if what in ("woonprojecten", "kandidaatsites") and not new.visible:
            model.set_visible(what, True)

    def _error(self, text: str) -> None:
        QMessageBox.warning(self.window, self.tr("Edit"), text)


def _next_id(frame: pd.DataFrame | None, column: str, prefix: str) -> str:
    """``<prefix>001``, ``<prefix>002``...: the first not yet in ``frame[column]``."""
    used = set() if frame is None or column not in frame else set(frame[column].astype(str))
    n = 1
    while f"{prefix}{n:03d}" in used:
        n += 1
    return f"{prefix}{n:03d}"


def install(window, workspace: Workspace) -> EditController:
    """Add the Edit menu, the edit toolbar and map-click tools to ``window``.

    Returns
    -------
    EditController
        Holds the ``undo_stack`` and the actions.
    """
    ensure_translator()
    return EditController(window, workspace)
