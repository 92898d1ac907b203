"""The attribute table, kept in sync with the map selection."""

from __future__ import annotations

import numpy as np
import pandas as pd
from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from capacityplanner.render.legend import layer_title
from capacityplanner.render.map_model import MapModel

__all__ = ["AttributeTable", "GeoDataFrameModel"]

SORT_ROLE = Qt.ItemDataRole.UserRole + 10


class GeoDataFrameModel(QAbstractTableModel):
    """A read-only table model over the attribute columns of a (Geo)DataFrame.

    Row ``r`` is the frame's ``r``-th feature; :meth:`fid` gives its id.
    ``SORT_ROLE`` returns raw values so numbers sort as numbers.
    """

    def __init__(self, frame: pd.DataFrame | None = None, parent=None) -> None:
        super().__init__(parent)
        self._values: list[np.ndarray] = []
        self._numeric: list[bool] = []
        self._n = 0
        self._columns: list[str] = []
        self._ids = np.empty(0, dtype=np.int64)
        self._row_of: dict[int, int] = {}
        if frame is not None:
            self.set_frame(frame)

    def set_frame(self, frame: pd.DataFrame) -> None:
        """Show ``frame`` (geometry column left out)."""
        self.beginResetModel()
        geo = getattr(frame, "geometry", None)
        geo_name = geo.name if geo is not None and hasattr(frame, "crs") else None
        self._columns = [c for c in frame.columns if c != geo_name]
        # one object array per column: cell access without pandas' indexing overhead
        self._values = [frame[c].to_numpy(dtype=object) for c in self._columns]
        self._numeric = [pd.api.types.is_numeric_dtype(frame[c].dtype) for c in self._columns]
        self._n = len(frame)
        self._ids = frame.index.to_numpy()
        self._row_of = {int(f): r for r, f in enumerate(self._ids.tolist())}
        self.endResetModel()

    def fid(self, row: int) -> int:
        """Feature id of ``row``."""
        return int(self._ids[row])

    def row(self, fid: int) -> int:
        """Row of feature ``fid`` (-1 if absent)."""
        return self._row_of.get(int(fid), -1)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else self._n

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._columns)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ):
        if not index.isValid():
            return None
        value = self._values[index.column()][index.row()]
        missing = value is None or value is pd.NA or (isinstance(value, float) and np.isnan(value))
        if role == Qt.ItemDataRole.DisplayRole:
            if missing:
                return ""
            if isinstance(value, float | np.floating):
                return f"{value:,.2f}".replace(",", " ") if abs(value) < 1e6 else f"{value:.4g}"
            return str(value)
        if role == SORT_ROLE:
            if missing:
                return None
            return value.item() if isinstance(value, np.generic) else value
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if self._numeric[index.column()]:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ):  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._columns[section] if section < len(self._columns) else None
        return str(self.fid(section)) if section < len(self._ids) else None


class AttributeTable(QWidget):
    """Table of one layer's features; selecting rows selects them on the map and back.

    Parameters
    ----------
    model : MapModel
        The layers and the selection.
    parent : QWidget, optional
    fill : bool
        Open on a layer at once (the wijken, if there are any). When False the
        layer list is filled but the table stays empty until :meth:`set_layer`
        (the main window fills it once the map is drawn).

    Signals
    -------
    zoomToSelectionRequested()
        The "Zoom to selection" button was pressed.
    """

    zoomToSelectionRequested = Signal()

    def __init__(
        self, model: MapModel, parent: QWidget | None = None, *, fill: bool = True
    ) -> None:
        super().__init__(parent)
        self.model = model
        self.layer_name = ""
        self.table_model = GeoDataFrameModel(parent=self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.table_model)
        self.proxy.setSortRole(SORT_ROLE)
        self.view = QTableView(self)
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.proxy.sort(-1)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().setDefaultSectionSize(20)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.horizontalHeader().setResizeContentsPrecision(50)  # column widths from 50 rows
        self.layer_label = QLabel(self)
        self.combo = QComboBox(self)
        self.count_label = QLabel(self)
        self.zoom_button = QPushButton(self)
        self.clear_button = QPushButton(self)
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.layer_label)
        bar.addWidget(self.combo, 1)
        bar.addWidget(self.count_label)
        bar.addStretch(1)
        bar.addWidget(self.zoom_button)
        bar.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addLayout(bar)
        layout.addWidget(self.view)
        self._syncing = False
        self.combo.currentIndexChanged.connect(self._combo_changed)
        self.view.selectionModel().selectionChanged.connect(self._rows_selected)
        self.zoom_button.clicked.connect(self.zoomToSelectionRequested)
        self.clear_button.clicked.connect(
            lambda: self.model.clear_selection(self.layer_name or None)
        )
        model.selectionChanged.connect(self._map_selection_changed)
        model.layersChanged.connect(self._fill_combo)
        model.layerChanged.connect(self._layer_changed)
        self.retranslate()
        self._fill_combo(open_layer=fill)

    # -- public -------------------------------------------------------------
    def set_layer(self, name: str) -> None:
        """Show the features of layer ``name``."""
        if name not in self.model:
            return
        i = self.combo.findData(name)
        if i >= 0 and self.combo.currentIndex() != i:
            self.combo.setCurrentIndex(i)  # calls back into set_layer
            return
        self.layer_name = name
        self.table_model.set_frame(self.model.layer(name).frame)
        self.view.resizeColumnsToContents()
        self._map_selection_changed(name)

    def ensure_filled(self) -> None:
        """Show the layer picked in the layer list if the table is still empty (``fill=False``)."""
        name = self.combo.currentData()
        if not self.layer_name and name:
            self.set_layer(name)

    def select_rows(self, rows: list[int]) -> None:
        """Select source rows (as a user clicking them would)."""
        sel = QItemSelection()
        last = self.table_model.columnCount() - 1
        for r in rows:
            sel.select(self.table_model.index(r, 0), self.table_model.index(r, last))
        self.view.selectionModel().select(
            self.proxy.mapSelectionFromSource(sel), QItemSelectionModel.SelectionFlag.ClearAndSelect
        )

    def selected_ids(self) -> list[int]:
        """Feature ids of the selected rows."""
        rows = {self.proxy.mapToSource(i).row() for i in self.view.selectionModel().selectedRows()}
        return [self.table_model.fid(r) for r in sorted(rows)]

    def retranslate(self) -> None:
        """Texts in the current language."""
        self.layer_label.setText(self.tr("Layer:"))
        self.zoom_button.setText(self.tr("Zoom to selection"))
        self.clear_button.setText(self.tr("Clear selection"))
        for i in range(self.combo.count()):
            name = self.combo.itemData(i)
            if name in self.model:
                self.combo.setItemText(i, layer_title(self.model.layer(name)))
        self._update_count()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- internals ----------------------------------------------------------
    def _fill_combo(self, open_layer: bool = True) -> None:
        current = self.layer_name
        self.combo.blockSignals(True)
        self.combo.clear()
        for layer in reversed(self.model.layers):
            self.combo.addItem(layer_title(layer), layer.name)
        if not open_layer:  # show the layer the table will open on, without filling it
            self.combo.setCurrentIndex(max(self.combo.findData("wijken"), 0))
            self.combo.blockSignals(False)
            return
        self.combo.blockSignals(False)
        if current in self.model:
            self.combo.setCurrentIndex(self.combo.findData(current))
            self.set_layer(current)
        elif "wijken" in self.model:  # the table opens on the wijken
            self.set_layer("wijken")
        elif self.combo.count():
            self._combo_changed(self.combo.currentIndex())

    def _combo_changed(self, index: int) -> None:
        name = self.combo.itemData(index)
        if name:
            self.layer_name = ""
            self.set_layer(name)

    def _layer_changed(self, name: str) -> None:
        if (
            name == self.layer_name
            and len(self.model.layer(name).frame) != self.table_model.rowCount()
        ):
            self.set_layer(name)

    def _rows_selected(self, *_args) -> None:
        if self._syncing or not self.layer_name:
            return
        self._syncing = True
        try:
            self.model.select(self.layer_name, self.selected_ids())
        finally:
            self._syncing = False
        self._update_count()

    def _map_selection_changed(self, name: str) -> None:
        if name != self.layer_name or self._syncing:
            self._update_count()
            return
        self._syncing = True
        try:
            rows = [
                r for r in (self.table_model.row(f) for f in self.model.selection(name)) if r >= 0
            ]
            self.select_rows(rows)
            if rows:
                self.view.scrollTo(self.proxy.mapFromSource(self.table_model.index(rows[0], 0)))
        finally:
            self._syncing = False
        self._update_count()

    def _update_count(self) -> None:
        n = len(self.model.selection(self.layer_name)) if self.layer_name else 0
        total = self.table_model.rowCount()
        self.count_label.setText(
            self.tr("%1 of %2 selected").replace("%1", str(n)).replace("%2", str(total))
        )
