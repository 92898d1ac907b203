"""The main window: map canvas, layer tree, attribute table, identify, find."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QMessageBox,
    QToolBar,
    QWidget,
)

from capacityplanner.errors import InputError
from capacityplanner.gui.attribute_table import AttributeTable
from capacityplanner.gui.find import FindBox
from capacityplanner.gui.i18n import LANGUAGES, LanguageManager
from capacityplanner.gui.identify import IdentifyPanel, describe_feature
from capacityplanner.gui.layer_tree import LayerTree
from capacityplanner.gui.map_canvas import MapCanvas, Tool
from capacityplanner.gui.style_dialog import StyleDialog
from capacityplanner.render.defaults import LAYER_TITLES, layer_title, model_from_dataset
from capacityplanner.render.map_model import MapModel

if TYPE_CHECKING:
    from capacityplanner.scenarios.workspace import Workspace

__all__ = ["MainWindow"]

#: Milliseconds the start-up work waits for the first paint of the map; after that
#: it runs anyway (a window opened minimised or off screen is not painted).
FIRST_PAINT_WAIT_MS = 3000

DEFAULT_CREDIT = "Bron: Stad Gent (data.stad.gent), Provincies in Cijfers, Informatie Vlaanderen"


class MainWindow(QMainWindow):
    """The planner's main window.

    Parameters
    ----------
    dataset : Dataset, optional
        The data set to show (its spatial layers become map layers).
    languages : LanguageManager, optional
        Used by the Language menu; without it the menu is disabled.

    Attributes
    ----------
    workspace : Workspace or None
        Data set, parameters and edits; forecasts and balances come from it
        (made when first asked for: the map does not need it).
    map_model : MapModel
        The layer registry every view observes; add new layers (a balance
        choropleth, an optimiser proposal) with ``map_model.add_layer``.
    canvas : MapCanvas
    layer_tree : LayerTree
    attribute_table : AttributeTable
    identify_panel : IdentifyPanel
    find_box : FindBox
    tools : dict of str to object
        The planning tools, once :func:`capacityplanner.gui.app.install_tools`
        has installed them (empty before).
    """

    languageChanged = Signal(str)

    def __init__(
        self, dataset=None, languages: LanguageManager | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.dataset = dataset
        self._workspace: Workspace | None = None  # see the workspace property
        self.languages = languages
        self.map_model = MapModel(parent=self)
        if dataset is not None:
            model_from_dataset(dataset, self.map_model)
        info = getattr(dataset, "info", {}) or {}
        self.credit = str(info.get("credit") or DEFAULT_CREDIT)

        self.canvas = MapCanvas(self.map_model, self)
        self.setCentralWidget(self.canvas)
        self.layer_tree = LayerTree(self.map_model, self)
        # the table fills once the map is drawn (see after_first_paint)
        self.attribute_table = AttributeTable(self.map_model, self, fill=False)
        self.identify_panel = IdentifyPanel(self)
        self.layers_dock = self.add_dock(
            self.layer_tree, "layers", Qt.DockWidgetArea.LeftDockWidgetArea
        )
        self.identify_dock = self.add_dock(
            self.identify_panel, "identify", Qt.DockWidgetArea.RightDockWidgetArea
        )
        self.table_dock = self.add_dock(
            self.attribute_table, "table", Qt.DockWidgetArea.BottomDockWidgetArea
        )
        self.find_box = FindBox(self.map_model, self)
        self._after_paint: list[Callable[[], object]] = []
        self.tools: dict[str, object] = {}

        self._make_actions()
        self._make_menus_and_toolbar()
        self._make_status_bar()
        if "wijken" in self.map_model:  # the current layer; the table opens on it too
            self.layer_tree.set_current_layer("wijken")
            self.canvas.active_layer = "wijken"
        self._connect()
        self.set_tool(Tool.PAN)
        self.after_first_paint(self.attribute_table.ensure_filled)
        self.retranslate_ui()
        self.resize(1400, 900)
        self.resizeDocks([self.layers_dock], [290], Qt.Orientation.Horizontal)
        self.resizeDocks([self.identify_dock], [320], Qt.Orientation.Horizontal)
        self.identify_dock.hide()  # shown by the first identify: the map gets the room
        self.resizeDocks([self.table_dock], [190], Qt.Orientation.Vertical)

    # -- building -----------------------------------------------------------
    def add_dock(self, widget: QWidget, name: str, area: Qt.DockWidgetArea) -> QDockWidget:
        """Put ``widget`` in a dock (object name ``name``) and return the dock."""
        dock = QDockWidget(self)
        dock.setObjectName(f"dock_{name}")
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    def _make_actions(self) -> None:
        self.act_quit = QAction(self, shortcut=QKeySequence.StandardKey.Quit)
        self.act_quit.triggered.connect(self.close)
        self.act_zoom_full = QAction(self, shortcut=QKeySequence("Ctrl+Shift+F"))
        self.act_zoom_full.triggered.connect(self.canvas.zoom_full)
        self.act_zoom_layer = QAction(self)
        self.act_zoom_layer.triggered.connect(
            lambda: (
                self.layer_tree.current_layer()
                and self.canvas.zoom_to_layer(self.layer_tree.current_layer())
            )
        )
        self.act_zoom_selection = QAction(self, shortcut=QKeySequence("Ctrl+J"))
        self.act_zoom_selection.triggered.connect(self.canvas.zoom_to_selection)
        self.act_zoom_in = QAction(self, shortcut=QKeySequence.StandardKey.ZoomIn)
        self.act_zoom_in.triggered.connect(lambda: self.canvas.zoom_by(1.5))
        self.act_zoom_out = QAction(self, shortcut=QKeySequence.StandardKey.ZoomOut)
        self.act_zoom_out.triggered.connect(lambda: self.canvas.zoom_by(1 / 1.5))
        self.tool_group = QActionGroup(self)
        self.tool_actions: dict[Tool, QAction] = {}
        for tool in Tool:
            act = QAction(self, checkable=True)
            act.triggered.connect(lambda _checked=False, t=tool: self.set_tool(t))
            self.tool_group.addAction(act)
            self.tool_actions[tool] = act
        self.language_group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for code, native in LANGUAGES.items():
            act = QAction(native, self, checkable=True)
            act.setData(code)
            act.triggered.connect(lambda _checked=False, c=code: self.set_language(c))
            act.setEnabled(self.languages is not None)
            self.language_group.addAction(act)
            self.language_actions[code] = act
        if self.languages is not None:
            self.language_actions[self.languages.language].setChecked(True)

    def _make_menus_and_toolbar(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.file_menu.addAction(self.act_quit)
        self.view_menu = bar.addMenu("")
        for act in (
            self.act_zoom_full,
            self.act_zoom_layer,
            self.act_zoom_selection,
            self.act_zoom_in,
            self.act_zoom_out,
        ):
            self.view_menu.addAction(act)
        self.view_menu.addSeparator()
        for act in self.tool_actions.values():
            self.view_menu.addAction(act)
        self.view_menu.addSeparator()
        self.panels_menu = self.view_menu.addMenu("")
        for dock in (self.layers_dock, self.table_dock, self.identify_dock):
            self.panels_menu.addAction(dock.toggleViewAction())
        self.language_menu = bar.addMenu("")
        for act in self.language_actions.values():
            self.language_menu.addAction(act)
        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("map_toolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for act in self.tool_actions.values():
            self.toolbar.addAction(act)
        self.toolbar.addSeparator()
        for act in (self.act_zoom_full, self.act_zoom_layer, self.act_zoom_selection):
            self.toolbar.addAction(act)
        self.toolbar.addSeparator()
        self.toolbar.addWidget(self.find_box)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.toolbar)

    def _make_status_bar(self) -> None:
        status = self.statusBar()
        self.coord_label = QLabel(self)
        self.scale_label = QLabel(self)
        self.credit_label = QLabel(self.credit, self)
        self.credit_label.setStyleSheet("color: #555;")
        self.notice_label = QLabel(self)
        self.notice_label.setStyleSheet(
            "QLabel { background: #fff3c4; color: #7a4b00; border: 1px solid #e0b84c;"
            " border-radius: 3px; padding: 1px 6px; font-weight: bold; }"
        )
        # permanent widgets stay visible while a temporary message is shown
        self.coord_label.setMinimumWidth(160)
        self.coord_label.setToolTip("Lambert 72 (EPSG:31370)")
        self.scale_label.setMinimumWidth(130)
        for w in (self.coord_label, self.scale_label, self.credit_label, self.notice_label):
            status.addPermanentWidget(w)

    def _connect(self) -> None:
        self.canvas.firstPainted.connect(
            self._run_after_first_paint, Qt.ConnectionType.QueuedConnection
        )
        self.canvas.mouseMoved.connect(self._show_coordinates)
        self.canvas.extentChanged.connect(self._show_scale)
        self.canvas.featureIdentified.connect(self.identify)
        self.canvas.nothingIdentified.connect(lambda: self.identify_panel.show_report(None))
        self.map_model.layerChanged.connect(self._drop_stale_mark)
        self.layer_tree.currentLayerChanged.connect(self._layer_picked)
        self.layer_tree.zoomToLayerRequested.connect(self.canvas.zoom_to_layer)
        self.layer_tree.styleRequested.connect(self.edit_style)
        self.attribute_table.zoomToSelectionRequested.connect(self.canvas.zoom_to_selection)
        self.find_box.placeFound.connect(self.show_place)
        self.find_box.notFound.connect(
            lambda text: self.statusBar().showMessage(
                self.tr("Nothing found for “%1”.").replace("%1", text), 5000
            )
        )

    @property
    def workspace(self) -> Workspace | None:
        """The data, parameters and edits every view computes from (None without data)."""
        if self._workspace is None and self.dataset is not None:
            from capacityplanner.scenarios.workspace import Workspace

            self._workspace = Workspace(self.dataset)
        return self._workspace

    # -- start-up -----------------------------------------------------------
    def after_first_paint(self, task: Callable[[], object]) -> None:
        """Run ``task`` on a later turn of the event loop, once the map has been drawn.

        Work the first view of the map does not need (filling the attribute
        table, installing the planning tools) waits for it, so the city is on
        screen as early as possible. Tasks run in the order they were given, and
        not at all once the window is gone. If the map is not drawn within
        :data:`FIRST_PAINT_WAIT_MS` (e.g. the window opened minimised), they run
        then.
        """
        if self.canvas.painted:
            QTimer.singleShot(0, self, task)
            return
        if not self._after_paint:
            QTimer.singleShot(FIRST_PAINT_WAIT_MS, self, self._run_after_first_paint)
        self._after_paint.append(task)

    def _run_after_first_paint(self) -> None:
        tasks, self._after_paint = self._after_paint, []
        for task in tasks:  # one event each: a failing task does not stop the others
            QTimer.singleShot(0, self, task)

    # -- actions ------------------------------------------------------------
    def set_tool(self, tool: Tool) -> None:
        """Choose what a left click on the map does."""
        self.canvas.tool = tool
        self.tool_actions[tool].setChecked(True)
        cursor = {
            Tool.PAN: Qt.CursorShape.OpenHandCursor,
            Tool.ZOOM: Qt.CursorShape.CrossCursor,
        }.get(tool, Qt.CursorShape.ArrowCursor)
        self.canvas.setCursor(cursor)

    def identify(self, layer: str, fid: int) -> None:
        """Explain feature ``fid`` of ``layer`` in the identify panel."""
        self.identify_panel.show_report(describe_feature(self.map_model.layer(layer), fid))
        if self.canvas.marked != (layer, fid):
            self.canvas.mark(layer, fid)
        self.identify_dock.show()
        self.identify_dock.raise_()

    def show_place(self, layer: str, ids: list[int]) -> None:
        """Select a found street or wijk, show it in the table and zoom to it."""
        self.map_model.clear_selection()
        self.attribute_table.set_layer(layer)
        self.map_model.select(layer, ids)
        self.canvas.zoom_to_selection()

    def edit_style(self, name: str) -> None:
        """Open the style dialog for layer ``name``."""
        if name not in self.map_model:
            return
        dialog = StyleDialog(self.map_model.layer(name), self)
        if dialog.exec():
            try:
                self.map_model.set_style(name, dialog.style())
            except (InputError, ValueError, TypeError) as exc:
                self.show_error(exc)

    def set_language(self, lang: str) -> None:
        """Switch the interface language (``"nl"`` or ``"en"``)."""
        if self.languages is None:
            return
        self.languages.set_language(lang)
        self.language_actions[self.languages.language].setChecked(True)
        # Qt posts LanguageChange events; retranslate now so the switch is immediate
        self.retranslate_ui()
        for widget in (self.identify_panel, self.find_box, self.layer_tree):
            widget.retranslate()
        self.languageChanged.emit(self.languages.language)

    def show_error(self, exc: BaseException) -> None:
        """One clear sentence in a message box; the window stays usable."""
        text = (
            exc.message
            if isinstance(exc, InputError)
            else self.tr("Something went wrong: %1").replace("%1", str(exc) or type(exc).__name__)
        )
        QMessageBox.warning(self, self.tr("Ghent capacity planner"), text)

    # -- language -----------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        """Every text of the window in the current language."""
        retitled = False
        for layer in self.map_model.layers:
            if layer.name in LAYER_TITLES:  # added layers translate their own titles
                title = layer_title(layer.name)
                retitled |= title != layer.title
                layer.title = title
        self.setWindowTitle(self.tr("Ghent capacity planner"))
        self.file_menu.setTitle(self.tr("&File"))
        self.view_menu.setTitle(self.tr("&View"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.panels_menu.setTitle(self.tr("Panels"))
        self.act_quit.setText(self.tr("&Quit"))
        self.act_zoom_full.setText(self.tr("Zoom to full extent"))
        self.act_zoom_layer.setText(self.tr("Zoom to layer"))
        self.act_zoom_selection.setText(self.tr("Zoom to selection"))
        self.act_zoom_in.setText(self.tr("Zoom in"))
        self.act_zoom_out.setText(self.tr("Zoom out"))
        texts = {
            Tool.PAN: (self.tr("Pan"), self.tr("Drag the map; the wheel zooms")),
            Tool.ZOOM: (self.tr("Zoom box"), self.tr("Drag a rectangle to zoom in")),
            Tool.IDENTIFY: (
                self.tr("Identify"),
                self.tr("Click a feature to see what it is and where it comes from"),
            ),
            Tool.SELECT: (
                self.tr("Select"),
                self.tr("Click or drag to select features of the current layer; Shift adds"),
            ),
        }
        for tool, (text, tip) in texts.items():
            self.tool_actions[tool].setText(text)
            self.tool_actions[tool].setToolTip(tip)
        self.layers_dock.setWindowTitle(self.tr("Layers"))
        self.table_dock.setWindowTitle(self.tr("Attribute table"))
        self.identify_dock.setWindowTitle(self.tr("Identify"))
        self.toolbar.setWindowTitle(self.tr("Map tools"))
        self.notice_label.setText(
            self.tr(
                "⚠ Illustrative data: schools, childcare, youth sites and demographics are generated"
            )
        )
        self.notice_label.setToolTip(
            self.tr(
                "These layers are generated by a documented script and are not real; import the city's data to replace them."
            )
        )
        self._show_scale()
        if retitled:  # group titles and legends follow the language change themselves
            self.layer_tree.rebuild()
        self.attribute_table.retranslate()

    # -- status bar ---------------------------------------------------------
    def _show_coordinates(self, x: float, y: float) -> None:
        loc = QLocale()
        self.coord_label.setText(f"X {loc.toString(x, 'f', 0)}  Y {loc.toString(y, 'f', 0)}")

    def _show_scale(self) -> None:
        self.scale_label.setText(
            self.tr("Scale 1:%1").replace("%1", QLocale().toString(round(self.canvas.scale())))
        )

    def _layer_picked(self, name: str) -> None:
        if name:
            self.canvas.active_layer = name
            if name != self.attribute_table.layer_name:
                self.attribute_table.set_layer(name)

    def _drop_stale_mark(self, name: str) -> None:
        marked = self.canvas.marked
        if marked and marked[0] == name and marked[1] not in self.map_model.layer(name).frame.index:
            self.canvas.mark(None)
            self.identify_panel.show_report(None)
