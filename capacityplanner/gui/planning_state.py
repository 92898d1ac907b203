"""What the planning views share: level, school year, variant, capacity date and the wijk.

The balance map, the district panel and the forecast charts look at the same
question ("basis, school year 2024-25, middle births variant, wijk 7"). One
:class:`PlanningState` per main window holds that question and the
:class:`~capacityplanner.scenarios.workspace.Workspace` that answers it;
every view observes its signals. :func:`shared_state` finds or creates it, so
each view's ``install(window, workspace)`` can be called on its own.
"""

from __future__ import annotations

import pandas as pd
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale, QObject, Qt, Signal
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QWidget

from capacityplanner.models.levels import LEVELS
from capacityplanner.models.params import VARIANTS
from capacityplanner.scenarios.workspace import Workspace

__all__ = [
    "FIRST_YEAR",
    "LAST_YEAR",
    "PlanningState",
    "add_planning_dock",
    "level_title",
    "places",
    "planning_menu",
    "school_year_text",
    "shared_state",
    "tabify_with",
    "variant_title",
]

FIRST_YEAR = 2024
LAST_YEAR = 2050
_OBJECT_NAME = "planning_state"
_MENU_NAME = "planning_menu"


_LEVEL_TITLES = {
    "kinderopvang": QT_TRANSLATE_NOOP("Planning", "Childcare"),
    "kleuter": QT_TRANSLATE_NOOP("Planning", "Nursery school"),
    "lager": QT_TRANSLATE_NOOP("Planning", "Primary school"),
    "basis": QT_TRANSLATE_NOOP("Planning", "Basis (nursery + primary)"),
    "secundair": QT_TRANSLATE_NOOP("Planning", "Secondary school"),
    "bso": QT_TRANSLATE_NOOP("Planning", "Out-of-school care"),
    "jeugd": QT_TRANSLATE_NOOP("Planning", "Youth work"),
}
_VARIANT_TITLES = {
    "low": QT_TRANSLATE_NOOP("Planning", "low births"),
    "mid": QT_TRANSLATE_NOOP("Planning", "middle births"),
    "high": QT_TRANSLATE_NOOP("Planning", "high births"),
}


def level_title(level: str, with_key: bool = True) -> str:
    """The level in the interface language (its key in brackets)."""
    if level not in _LEVEL_TITLES:
        return level
    title = QCoreApplication.translate("Planning", _LEVEL_TITLES[level])
    return f"{title} ({level})" if with_key else title


def variant_title(variant: str) -> str:
    """The births variant in the interface language."""
    if variant not in _VARIANT_TITLES:
        return variant
    return QCoreApplication.translate("Planning", _VARIANT_TITLES[variant])


def school_year_text(year: int) -> str:
    """``2024-25`` for school year 2024."""
    return f"{year}-{(year + 1) % 100:02d}"


def places(x: float) -> str:
    """A whole number of places in the interface locale."""
    return QLocale().toString(float(round(x)), "f", 0)


class PlanningState(QObject):
    """The question every planning view answers, and the workspace that answers it.

    Parameters
    ----------
    workspace : Workspace
        Data set, parameters and edits.
    parent : QObject, optional
        Usually the main window.

    Signals
    -------
    settingsChanged()
        Level, school year, variant or capacity date changed.
    wijkChanged(int)
        Another wijk was picked (0: none).
    dataChanged(str)
        The workspace changed (a layer replaced, capacity edited ...); the
        argument names what changed.
    """

    settingsChanged = Signal()
    wijkChanged = Signal(int)
    dataChanged = Signal(str)

    def __init__(self, workspace: Workspace, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(_OBJECT_NAME)
        self.workspace = workspace
        self.level = "basis"
        self.year = max(FIRST_YEAR, workspace.params.base_year)
        self.variant = workspace.params.birth_variant
        #: Count capacity opened by this school year (None: the chosen school year).
        self.capacity_as_of: int | None = None
        self.wijknr = 0
        self._cache: dict[tuple, pd.DataFrame] = {}
        callback = self._workspace_changed
        workspace.changed.append(callback)
        # stop listening when the window goes (the workspace may live on)
        self.destroyed.connect(
            lambda *_: callback in workspace.changed and workspace.changed.remove(callback)
        )

    # -- the question --------------------------------------------------------
    def set_level(self, level: str) -> None:
        """Choose a level key (:data:`~capacityplanner.models.levels.LEVELS`)."""
        if level not in LEVELS:
            raise ValueError(f"unknown level {level!r}")
        if level != self.level:
            self.level = level
            self.settingsChanged.emit()

    def set_year(self, year: int) -> None:
        """Choose the school year ``Y`` (Y-(Y+1))."""
        year = int(year)
        if year != self.year:
            self.year = year
            self.settingsChanged.emit()

    def set_variant(self, variant: str) -> None:
        """Choose the births variant (low, mid, high)."""
        if variant not in VARIANTS:
            raise ValueError(f"unknown variant {variant!r}")
        if variant != self.variant:
            self.variant = variant
            self.settingsChanged.emit()

    def set_capacity_as_of(self, year: int | None) -> None:
        """Count capacity as of school year ``year`` (None: the chosen school year)."""
        year = None if year is None else int(year)
        if year != self.capacity_as_of:
            self.capacity_as_of = year
            self.settingsChanged.emit()

    def set_wijk(self, wijknr: int | None) -> None:
        """Pick a wijk by number (None or 0: none)."""
        wijknr = int(wijknr or 0)
        if wijknr != self.wijknr:
            self.wijknr = wijknr
            self.wijkChanged.emit(wijknr)

    @property
    def capacity_year(self) -> int:
        """The school year whose capacity is counted."""
        return self.year if self.capacity_as_of is None else self.capacity_as_of

    # -- answers ---------------------------------------------------------------
    def balance(self, year: int | None = None) -> pd.DataFrame:
        """Balance per wijk and level for ``year`` (default the chosen year), cached.

        Raises
        ------
        InputError
            When the workspace cannot compute it (a bad layer or year).
        """
        year = self.year if year is None else int(year)
        key = (year, self.capacity_as_of, self.variant)
        if key not in self._cache:
            self._cache[key] = self.workspace.balance(
                year, capacity_as_of=self.capacity_as_of, variant=self.variant
            )
        return self._cache[key]

    def level_balance(self) -> pd.DataFrame:
        """Rows of the chosen level in the chosen year, one per wijk."""
        table = self.balance()
        return table[table["level"] == self.level].reset_index(drop=True)

    def _workspace_changed(self, what: str) -> None:
        self._cache.clear()
        self.dataChanged.emit(what)


def shared_state(window: QObject, workspace: Workspace) -> PlanningState:
    """The window's :class:`PlanningState` for ``workspace`` (created on first use).

    On creation, picking a feature on the map (identify click, or selecting
    one feature with the select tool or in the attribute table) of a layer
    with a ``wijknr`` field (the wijken, the balance, a school ...) picks
    its wijk.
    """
    for state in window.findChildren(PlanningState, _OBJECT_NAME):
        if state.workspace is workspace:
            return state
    state = PlanningState(workspace, window)
    model = getattr(window, "map_model", None)
    canvas = getattr(window, "canvas", None)

    def pick(layer: str, fid: int) -> None:
        if model is None or layer not in model:
            return
        frame = model.layer(layer).frame
        if fid not in frame.index:
            return
        if "wijknr" in frame.columns:
            value = pd.to_numeric(pd.Series([frame.at[fid, "wijknr"]]), errors="coerce").iloc[0]
            if pd.notna(value):
                state.set_wijk(int(value))
                return
        # a street, park ...: the wijk it lies in
        geom = frame.geometry.loc[fid]
        if geom is None or geom.is_empty:
            return
        wijken = workspace.wijken
        inside = wijken[wijken.geometry.contains(geom.representative_point())]
        if len(inside):
            state.set_wijk(int(inside["wijknr"].iloc[0]))

    def selection_changed(layer: str) -> None:
        ids = model.selection(layer)
        if len(ids) == 1:
            pick(layer, ids[0])

    if canvas is not None:
        canvas.featureIdentified.connect(pick)
    if model is not None:
        model.selectionChanged.connect(selection_changed)
    return state


def tabify_with(window: QMainWindow, dock: QDockWidget, other: str) -> None:
    """Put ``dock`` in a tab beside the dock called ``other`` (if there is one) and show it."""
    target = window.findChild(QDockWidget, other)
    if target is not None and target is not dock:
        window.tabifyDockWidget(target, dock)
    dock.show()
    dock.raise_()


def planning_menu(window: QMainWindow) -> QMenu:
    """The window's "Planning" menu (created on first use) for the planning views' actions."""
    menu = window.findChild(QMenu, _MENU_NAME)
    if menu is None:
        menu = window.menuBar().addMenu(QCoreApplication.translate("Planning", "&Planning"))
        menu.setObjectName(_MENU_NAME)
    return menu


def add_planning_dock(
    window: QMainWindow,
    view: QWidget,
    name: str,
    area: Qt.DockWidgetArea,
    size: int,
    *,
    beside: str | None = None,
) -> QDockWidget:
    """Put a planning view in a dock of ``window`` and list it in the "Planning" menu.

    Parameters
    ----------
    window : MainWindow
        Uses ``add_dock``, ``resizeDocks`` and ``menuBar``.
    view : QWidget
        The view; it gets the dock as ``view.dock`` and has ``retranslate_ui()``
        called once the dock is there (so the dock gets its title).
    name : str
        Dock name (object name ``dock_<name>``).
    area : Qt.DockWidgetArea
        Where the dock goes.
    size : int
        Width (left/right areas) or height (top/bottom) of the dock, in pixels.
    beside : str, optional
        Object name of a dock to put this one in a tab beside (if it exists).

    Returns
    -------
    QDockWidget
        The dock (also ``view.dock``).
    """
    dock = window.add_dock(view, name, area)
    view.dock = dock
    if beside is not None:
        tabify_with(window, dock, beside)
    view.retranslate_ui()
    vertical = area in (Qt.DockWidgetArea.TopDockWidgetArea, Qt.DockWidgetArea.BottomDockWidgetArea)
    orientation = Qt.Orientation.Vertical if vertical else Qt.Orientation.Horizontal
    window.resizeDocks([dock], [size], orientation)
    planning_menu(window).addAction(dock.toggleViewAction())
    return dock
