"""Workflow 1, "where is the gap?": the balance map, its controls and the five worst wijken.

:func:`install` adds a map layer ``balans`` (the wijken coloured by the
balance of the chosen level and school year: red short, green spare) and a
dock with the level, school year, births variant and "capacity as of"
controls, the citywide figure and the five wijken with the largest
shortfall. The layer is recomputed whenever the workspace changes.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QLocale, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from capacityplanner.errors import InputError
from capacityplanner.gui.balance_style import balance_frame, balance_style
from capacityplanner.gui.planning_state import (
    FIRST_YEAR,
    LAST_YEAR,
    PlanningState,
    add_planning_dock,
    level_title,
    places,
    school_year_text,
    shared_state,
    variant_title,
)
from capacityplanner.models.levels import LEVELS
from capacityplanner.models.params import VARIANTS
from capacityplanner.render.layer import MapLayer
from capacityplanner.scenarios.workspace import Workspace

__all__ = ["BALANCE_LAYER", "BalanceControls", "BalanceView", "install"]

#: Name of the balance layer in the map model.
BALANCE_LAYER = "balans"
#: How many wijken the worst list shows.
N_WORST = 5


class BalanceControls(QWidget):
    """Level, school year, variant, capacity date; the city figure and the worst wijken."""

    def __init__(self, state: PlanningState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.level_combo = QComboBox(self)
        for level in LEVELS:
            self.level_combo.addItem(level, level)
        self.year_spin = QSpinBox(self)
        self.year_spin.setRange(FIRST_YEAR, LAST_YEAR)
        self.year_label = QLabel(self)
        self.variant_combo = QComboBox(self)
        for variant in VARIANTS:
            self.variant_combo.addItem(variant, variant)
        self.as_of_check = QCheckBox(self)
        self.as_of_spin = QSpinBox(self)
        self.as_of_spin.setRange(2018, LAST_YEAR)
        self.as_of_spin.setValue(2021)
        self.as_of_spin.setEnabled(False)
        self.city_label = QLabel(self)
        self.city_label.setWordWrap(True)
        self.city_label.setTextFormat(Qt.TextFormat.RichText)
        self.worst_title = QLabel(self)
        self.worst = QTreeWidget(self)
        self.worst.setRootIsDecorated(False)
        self.worst.setColumnCount(5)
        self.worst.setAlternatingRowColors(True)
        self.worst.setUniformRowHeights(True)
        header = self.worst.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #a50f15;")
        self.message.hide()

        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        self.level_label, self.year_title, self.variant_label = (
            QLabel(self),
            QLabel(self),
            QLabel(self),
        )
        form.addRow(self.level_label, self.level_combo)
        year_row = QHBoxLayout()
        year_row.addWidget(self.year_spin)
        year_row.addWidget(self.year_label, 1)
        form.addRow(self.year_title, year_row)
        form.addRow(self.variant_label, self.variant_combo)
        as_of_row = QHBoxLayout()
        as_of_row.addWidget(self.as_of_check)
        as_of_row.addWidget(self.as_of_spin, 1)
        form.addRow(as_of_row)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(form)
        layout.addWidget(self.city_label)
        layout.addWidget(self.worst_title)
        layout.addWidget(self.worst, 1)
        layout.addWidget(self.message)

        self.sync_from_state()
        self.level_combo.currentIndexChanged.connect(
            lambda i: state.set_level(self.level_combo.itemData(i))
        )
        self.year_spin.valueChanged.connect(state.set_year)
        self.variant_combo.currentIndexChanged.connect(
            lambda i: state.set_variant(self.variant_combo.itemData(i))
        )
        self.as_of_check.toggled.connect(self._as_of_changed)
        self.as_of_spin.valueChanged.connect(self._as_of_changed)
        self.worst.currentItemChanged.connect(self._worst_picked)
        state.settingsChanged.connect(self.sync_from_state)
        self.retranslate_ui()

    def sync_from_state(self) -> None:
        """Show the state's level, year and variant in the controls."""
        for widget in (self.level_combo, self.year_spin, self.variant_combo):
            widget.blockSignals(True)
        self.level_combo.setCurrentIndex(self.level_combo.findData(self.state.level))
        self.year_spin.setValue(self.state.year)
        self.variant_combo.setCurrentIndex(self.variant_combo.findData(self.state.variant))
        for widget in (self.level_combo, self.year_spin, self.variant_combo):
            widget.blockSignals(False)
        self.year_label.setText(
            self.tr("school year %1").replace("%1", school_year_text(self.state.year))
        )

    def _as_of_changed(self, *_args) -> None:
        on = self.as_of_check.isChecked()
        self.as_of_spin.setEnabled(on)
        self.state.set_capacity_as_of(self.as_of_spin.value() if on else None)

    def _worst_picked(self, item: QTreeWidgetItem | None, *_args) -> None:
        if item is not None:
            self.state.set_wijk(int(item.data(0, Qt.ItemDataRole.UserRole)))

    def show_figures(self, rows, city) -> None:
        """Fill the city figure and the worst list from one level's rows and the city row."""
        self.message.hide()
        state = self.state
        as_of = (
            ""
            if state.capacity_as_of is None
            else " "
            + self.tr("(capacity as of %1)").replace("%1", school_year_text(state.capacity_as_of))
        )
        if city["shortfall"] > 0.5:
            verdict = self.tr("<b>%1 places short</b> citywide").replace(
                "%1", places(city["shortfall"])
            )
        else:
            verdict = self.tr("<b>%1 places spare</b> citywide").replace(
                "%1", places(city["balance"])
            )
        self.city_label.setText(
            f"{verdict}{as_of}<br>"
            + self.tr("demand %1, capacity %2; %3 of %4 wijken short")
            .replace("%1", places(city["demand"]))
            .replace("%2", places(city["capacity"]))
            .replace("%3", str(int((rows["shortfall"] > 0.5).sum())))
            .replace("%4", str(len(rows)))
        )
        worst = (
            rows[rows["shortfall"] > 0.5].sort_values("shortfall", ascending=False).head(N_WORST)
        )
        self.worst.blockSignals(True)
        self.worst.clear()
        for rank, (_i, row) in enumerate(worst.iterrows(), start=1):
            item = QTreeWidgetItem(
                [
                    str(rank),
                    str(row["wijk"]),
                    places(row["shortfall"]),
                    places(row["demand"]),
                    places(row["capacity"]),
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, int(row["wijknr"]))
            for col in (0, 2, 3, 4):
                item.setTextAlignment(
                    col, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                )
            item.setForeground(2, Qt.GlobalColor.darkRed)
            self.worst.addTopLevelItem(item)
        self.worst.blockSignals(False)
        if not len(worst):
            self.worst_title.setText(self.tr("No wijk is short of places."))
        else:
            self.worst_title.setText(self.tr("Wijken with the largest shortfall"))

    def show_error(self, text: str) -> None:
        """Say why the balance cannot be shown (the controls stay usable)."""
        self.message.setText(text)
        self.message.show()

    def worst_wijken(self) -> list[tuple[int, str, float]]:
        """The listed wijken: (wijknr, name, shortfall), worst first."""
        out = []
        for i in range(self.worst.topLevelItemCount()):
            item = self.worst.topLevelItem(i)
            shortfall = QLocale().toDouble(item.text(2))[0]
            out.append((int(item.data(0, Qt.ItemDataRole.UserRole)), item.text(1), shortfall))
        return out

    def retranslate_ui(self) -> None:
        """Every text in the current language."""
        self.level_label.setText(self.tr("Level"))
        self.year_title.setText(self.tr("School year"))
        self.variant_label.setText(self.tr("Births"))
        for i, level in enumerate(LEVELS):
            self.level_combo.setItemText(i, level_title(level))
        for i, variant in enumerate(VARIANTS):
            self.variant_combo.setItemText(i, variant_title(variant))
        self.as_of_check.setText(self.tr("Capacity as of school year"))
        self.as_of_check.setToolTip(
            self.tr(
                "Count only the places opened by this school year (e.g. 2021: the expansions realised by then)"
            )
        )
        self.worst.setHeaderLabels(
            ["#", self.tr("Wijk"), self.tr("Short"), self.tr("Demand"), self.tr("Capacity")]
        )
        self.year_label.setText(
            self.tr("school year %1").replace("%1", school_year_text(self.state.year))
        )

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


class BalanceView(QWidget):
    """Keeps the ``balans`` map layer and the controls in step with the state.

    Parameters
    ----------
    window : MainWindow
        Gives ``map_model`` and ``attribute_table``.
    state : PlanningState
        Level, year, variant and workspace.
    """

    def __init__(self, window, state: PlanningState) -> None:
        super().__init__(window)
        self.window_ = window
        self.state = state
        self.dock = None
        self.controls = BalanceControls(state, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.controls)
        state.settingsChanged.connect(self.refresh)
        state.dataChanged.connect(lambda _what: self.refresh())
        self.refresh()

    @property
    def layer(self) -> MapLayer | None:
        """The balance layer, when it is on the map."""
        model = self.window_.map_model
        return model.layer(BALANCE_LAYER) if BALANCE_LAYER in model else None

    def layer_title(self) -> str:
        """Title of the layer: level and school year."""
        return (
            self.tr("Balance %1, %2")
            .replace("%1", self.state.level)
            .replace("%2", school_year_text(self.state.year))
        )

    def refresh(self) -> None:
        """Recompute the balance and redraw the layer, the city figure and the list."""
        state = self.state
        try:
            table = state.balance()
            wijken = state.workspace.wijken
        except (InputError, KeyError) as exc:
            self.controls.show_error(exc.message if isinstance(exc, InputError) else str(exc))
            return
        rows = table[table["level"] == state.level]
        # citywide: total demand minus total capacity (not the sum of the wijken's shortfalls)
        city_row = {
            "capacity": rows["capacity"].sum(),
            "demand": rows["demand"].sum(),
        }
        city_row["balance"] = city_row["capacity"] - city_row["demand"]
        city_row["shortfall"] = max(city_row["demand"] - city_row["capacity"], 0.0)
        frame = balance_frame(wijken, rows, state.capacity_year)
        style = balance_style(frame["balance"])
        self._put_layer(frame, style)
        self.controls.show_figures(rows, city_row)

    def _put_layer(self, frame, style) -> None:
        model = self.window_.map_model
        layer = self.layer
        description = self.tr(
            "Capacity minus demand per wijk (demand = residents + the share of pupils from "
            "outside Ghent). Red: short of places; green: places to spare."
        )
        if layer is None or len(layer.frame) != len(frame):
            visible = True if layer is None else layer.visible
            layer = MapLayer(
                BALANCE_LAYER,
                frame,
                style,
                title=self.layer_title(),
                group="demografie",
                visible=visible,
                illustrative=self._illustrative(),
                source=str(self.state.workspace.dataset.info.get("credit", "")),
                description=description,
            )
            model.add_layer(layer)
        else:
            layer.frame = frame
            layer.title = self.layer_title()
            layer.illustrative = self._illustrative()
            layer.description = description
            model.set_style(BALANCE_LAYER, style)
        table = getattr(self.window_, "attribute_table", None)
        if table is not None and table.layer_name == BALANCE_LAYER:
            table.set_layer(BALANCE_LAYER)

    def _illustrative(self) -> bool:
        """The balance rests on illustrative data while any site layer or the demography is."""
        dataset = self.state.workspace.dataset
        layers = self.state.workspace.layers
        names = [
            n
            for n in ("scholen_basis", "scholen_secundair", "kinderopvang", "jeugdinfrastructuur")
            if n in layers
        ]
        site_flags = [
            bool(layers[n]["illustrative"].eq(1).any()) if "illustrative" in layers[n] else False
            for n in names
        ]
        return any(site_flags) or bool(dataset.is_illustrative("bevolking"))

    def retranslate_ui(self) -> None:
        """Dock title, layer title and legend in the current language."""
        if self.dock is not None:
            self.dock.setWindowTitle(self.tr("Capacity balance"))
        if self.layer is not None:
            self.refresh()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


def install(window, workspace: Workspace) -> BalanceView:
    """Add the balance layer and its dock ("Balance") to ``window``.

    Parameters
    ----------
    window : MainWindow
        Uses ``map_model``, ``add_dock``, ``menuBar``.
    workspace : Workspace
        Computes the balance; its changes redraw the layer.

    Returns
    -------
    BalanceView
        ``.controls`` holds the level/year/variant widgets and the worst list;
        the layer is ``window.map_model.layer("balans")``.
    """
    state = shared_state(window, workspace)
    view = BalanceView(window, state)
    add_planning_dock(window, view, "balance", Qt.DockWidgetArea.LeftDockWidgetArea, 340)
    return view
