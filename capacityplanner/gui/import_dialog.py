"""Workflow 6, "real data arrives": import the city's layer and a capacity table, mapping shown.

The dialog reads the chosen file (and a table joined to it by a key such as
``instellingsnummer``), shows which column fills each field of the role,
lets the user change that mapping and check again, and lists every problem
in one sentence each. Only a file without problems can be imported; it then
replaces the illustrative layer in the workspace and on the map, and every
view recomputes. A refused import changes nothing.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAction, QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from capacityplanner.geodata.importer import read_layer
from capacityplanner.geodata.problems import ImportResult, problem
from capacityplanner.geodata.roles import ROLES
from capacityplanner.gui.import_apply import (
    LAYER_ROLES,
    apply_import,
    file_columns,
    import_context,
    import_files,
)
from capacityplanner.gui.planning_state import planning_menu, shared_state
from capacityplanner.render.defaults import layer_title
from capacityplanner.scenarios.workspace import Workspace

__all__ = ["ImportDialog", "import_files", "install"]

PROBLEM = QColor("#a50f15")
FILE_FILTER = "Geodata (*.gpkg *.geojson *.json *.shp *.zip *.csv *.xlsx);;All files (*)"
TABLE_FILTER = "Tables (*.csv *.xlsx);;All files (*)"


class ImportDialog(QDialog):
    """Choose a file, its role and a joined table; check, fix the mapping, import.

    Parameters
    ----------
    window : MainWindow
        Gets the imported layer on its map.
    workspace : Workspace
        Gets the imported layer; everything computed from it updates.
    """

    def __init__(self, window, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent or window)
        self.window_ = window
        self.workspace = workspace
        self.result: ImportResult | None = None
        self.summary = ""
        self.setMinimumSize(640, 560)
        self.file_edit = QLineEdit(self)
        self.file_button = QPushButton(self)
        self.role_combo = QComboBox(self)
        self.role_combo.addItem("", "")
        for role in LAYER_ROLES:
            self.role_combo.addItem(role, role)
        self.layer_edit = QLineEdit(self)
        self.join_edit = QLineEdit(self)
        self.join_button = QPushButton(self)
        self.key_edit = QLineEdit(self)
        self.check_button = QPushButton(self)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.mapping_label = QLabel(self)
        self.mapping = QTableWidget(0, 3, self)
        self.mapping.verticalHeader().hide()
        self.mapping.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.mapping.horizontalHeader().setStretchLastSection(True)
        self.problems_label = QLabel(self)
        self.problems = QListWidget(self)
        self.problems.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.import_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.import_button.setEnabled(False)

        form = QFormLayout()
        self.file_label, self.role_label, self.layer_label = (
            QLabel(self),
            QLabel(self),
            QLabel(self),
        )
        self.join_label, self.key_label = QLabel(self), QLabel(self)
        form.addRow(self.file_label, self._row(self.file_edit, self.file_button))
        form.addRow(self.role_label, self.role_combo)
        form.addRow(self.layer_label, self.layer_edit)
        form.addRow(self.join_label, self._row(self.join_edit, self.join_button))
        form.addRow(self.key_label, self.key_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.check_button, 0, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.status)
        layout.addWidget(self.mapping_label)
        layout.addWidget(self.mapping, 3)
        layout.addWidget(self.problems_label)
        layout.addWidget(self.problems, 2)
        layout.addWidget(self.buttons)

        self.file_button.clicked.connect(self._browse_file)
        self.join_button.clicked.connect(self._browse_join)
        self.check_button.clicked.connect(lambda: self.check(keep_mapping=True))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        for edit in (self.file_edit, self.join_edit, self.key_edit, self.layer_edit):
            edit.textEdited.connect(self._inputs_changed)
        self.role_combo.currentIndexChanged.connect(self._inputs_changed)
        self.retranslate_ui()

    @staticmethod
    def _row(edit: QLineEdit, button: QPushButton) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(edit, 1)
        row.addWidget(button)
        return row

    # -- inputs ----------------------------------------------------------------
    def set_inputs(
        self,
        path: str | Path,
        role: str | None = None,
        join: str | Path | None = None,
        key: str | None = None,
        layer: str | None = None,
    ) -> None:
        """Fill the file, role, table and key fields (as a user would)."""
        self.file_edit.setText(str(path))
        self.role_combo.setCurrentIndex(max(0, self.role_combo.findData(role or "")))
        self.join_edit.setText(str(join or ""))
        self.key_edit.setText(key or "")
        self.layer_edit.setText(layer or "")
        self._inputs_changed()

    def _browse_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Layer to import"), "", FILE_FILTER)
        if path:
            self.file_edit.setText(path)
            self._inputs_changed()

    def _browse_join(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Table to join"), "", TABLE_FILTER)
        if path:
            self.join_edit.setText(path)
            self._inputs_changed()

    def _inputs_changed(self, *_args) -> None:
        self.result = None
        self.import_button.setEnabled(False)
        self.mapping.setRowCount(0)
        self.problems.clear()
        self.status.setText(self.tr("Check the file to see its column mapping."))

    # -- checking --------------------------------------------------------------
    def user_mapping(self) -> dict[str, str]:
        """Field -> column as the mapping table shows it (empty fields left out)."""
        out = {}
        for row in range(self.mapping.rowCount()):
            combo = self.mapping.cellWidget(row, 1)
            field = self.mapping.item(row, 0).data(Qt.ItemDataRole.UserRole) if combo else None
            if combo is not None and combo.currentData():
                out[field] = combo.currentData()
        return out

    def set_mapping(self, field: str, column: str) -> None:
        """Choose ``column`` for ``field`` in the mapping table (as a user would)."""
        for row in range(self.mapping.rowCount()):
            if self.mapping.item(row, 0).data(Qt.ItemDataRole.UserRole) == field:
                combo = self.mapping.cellWidget(row, 1)
                combo.setCurrentIndex(max(0, combo.findData(column)))
                return
        raise KeyError(field)

    def check(self, keep_mapping: bool = True) -> ImportResult | None:
        """Read the file with the current inputs and mapping; show mapping and problems."""
        path = self.file_edit.text().strip()
        if not path:
            self.status.setText(self.tr("Choose a file first."))
            return None
        role = self.role_combo.currentData() or None
        join = self.join_edit.text().strip() or None
        key = self.key_edit.text().strip() or None
        layer = self.layer_edit.text().strip() or None
        mapping = self.user_mapping() if keep_mapping else {}
        result = read_layer(
            path, layer, role, mapping, join=join, key=key, context=import_context(self.workspace)
        )
        if result.role is not None and result.role not in LAYER_ROLES:
            result.problems.append(
                problem(result.path.name, f"holds a {result.role} table, not a map layer")
            )
        self.result = result
        if result.role and not role:
            self.role_combo.blockSignals(True)
            self.role_combo.setCurrentIndex(max(0, self.role_combo.findData(result.role)))
            self.role_combo.blockSignals(False)
        columns = file_columns(path, layer, result.role, join, key) if result.role in ROLES else []
        self._show_mapping(result, columns)
        self._show_problems(result)
        self.import_button.setEnabled(result.loadable)
        return result

    def _show_mapping(self, result: ImportResult, columns: list[str]) -> None:
        self.mapping.setRowCount(0)
        if result.role not in ROLES:
            return
        spec = ROLES[result.role]
        bold = QFont(self.font())
        bold.setBold(True)
        self.mapping.setRowCount(len(spec.fields))
        for row, fs in enumerate(spec.fields):
            item = QTableWidgetItem(fs.name)
            item.setData(Qt.ItemDataRole.UserRole, fs.name)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            if fs.required:
                item.setFont(bold)
                item.setToolTip(self.tr("Required"))
            self.mapping.setItem(row, 0, item)
            combo = QComboBox(self.mapping)
            combo.addItem(self.tr("— not in the file —"), "")
            for c in columns:
                combo.addItem(c, c)
            chosen = result.mapping.get(fs.name, "")
            combo.setCurrentIndex(max(0, combo.findData(chosen)))
            combo.currentIndexChanged.connect(self._mapping_edited)
            self.mapping.setCellWidget(row, 1, combo)
            note = QTableWidgetItem(self.tr("required") if fs.required and not chosen else fs.label)
            note.setFlags(Qt.ItemFlag.ItemIsEnabled)
            if fs.required and not chosen:
                note.setForeground(QBrush(PROBLEM))
            self.mapping.setItem(row, 2, note)

    def _mapping_edited(self, *_args) -> None:
        self.import_button.setEnabled(False)
        self.status.setText(self.tr("The mapping changed: check again before importing."))

    def _show_problems(self, result: ImportResult) -> None:
        self.problems.clear()
        for p in result.problems:
            item = QListWidgetItem(p.message)
            item.setForeground(QBrush(PROBLEM))
            self.problems.addItem(item)
        for w in result.warnings:
            self.problems.addItem(QListWidgetItem(w))
        name = result.path.name
        if result.loadable:
            text = (
                self.tr("%1 can be loaded as %2: %3 features.")
                .replace("%1", name)
                .replace("%2", layer_title(result.role))
                .replace("%3", str(result.feature_count))
            )
        else:
            text = (
                self.tr("%1 cannot be loaded: %2 problems (listed below); nothing will change.")
                .replace("%1", name)
                .replace("%2", str(len(result.problems)))
            )
        if result.join is not None:
            j = result.join
            text += " " + (
                self.tr("Joined %1 by %2: %3 features matched, %4 without a row, %5 rows unused.")
                .replace("%1", j.table_file)
                .replace("%2", j.layer_key)
                .replace("%3", str(j.matched))
                .replace("%4", str(len(j.unmatched_layer)))
                .replace("%5", str(len(j.unmatched_table)))
            )
        self.status.setText(text)

    # -- importing -------------------------------------------------------------
    def accept(self) -> None:
        """Import the checked file (checked again with the shown mapping first)."""
        result = self.check(keep_mapping=True)
        if result is None or not result.loadable:
            return
        self.summary = apply_import(self.window_, self.workspace, result)
        super().accept()

    # -- language --------------------------------------------------------------
    def retranslate_ui(self) -> None:
        """Every text in the current language."""
        self.setWindowTitle(self.tr("Import the city's data"))
        self.file_label.setText(self.tr("File"))
        self.file_button.setText(self.tr("Browse…"))
        self.role_label.setText(self.tr("Replaces"))
        self.role_combo.setItemText(0, self.tr("(guess from the file)"))
        for i, role in enumerate(LAYER_ROLES, start=1):
            self.role_combo.setItemText(i, f"{layer_title(role)} ({role})")
        self.layer_label.setText(self.tr("Layer or sheet"))
        self.layer_edit.setPlaceholderText(self.tr("only when the file holds several"))
        self.join_label.setText(self.tr("Join table"))
        self.join_edit.setPlaceholderText(self.tr("optional: capacities per school (CSV or XLSX)"))
        self.join_button.setText(self.tr("Browse…"))
        self.key_label.setText(self.tr("Join key"))
        self.key_edit.setPlaceholderText(self.tr("instellingsnummer (or LAYERCOLUMN=TABLECOLUMN)"))
        self.check_button.setText(self.tr("Check"))
        self.mapping_label.setText(self.tr("Column mapping (bold fields are required)"))
        self.mapping.setHorizontalHeaderLabels(
            [self.tr("Field"), self.tr("Column in the file"), self.tr("What it is")]
        )
        self.problems_label.setText(self.tr("Problems and notes"))
        self.import_button.setText(self.tr("Import"))
        if self.result is None:
            self.status.setText(self.tr("Check the file to see its column mapping."))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


class _ImportAction(QAction):
    """The menu entry; retranslates itself."""

    def __init__(self, window, workspace: Workspace) -> None:
        super().__init__(window)
        self.window_, self.workspace = window, workspace
        self.triggered.connect(self.open_dialog)
        window.installEventFilter(self)
        self.retranslate_ui()

    def open_dialog(self) -> ImportDialog:
        dialog = ImportDialog(self.window_, self.workspace)
        dialog.open()
        return dialog

    def retranslate_ui(self) -> None:
        self.setText(self.tr("Import the city's data…"))
        self.setToolTip(
            self.tr("Replace an illustrative layer by the city's own (schools, childcare …)")
        )

    def eventFilter(self, obj, event) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        return False


def install(window, workspace: Workspace) -> QAction:
    """Add "Import the city's data…" to the Planning menu.

    Returns
    -------
    QAction
        Triggering it opens an :class:`ImportDialog`; ``action.open_dialog()``
        returns the dialog.
    """
    shared_state(window, workspace)  # picking and recomputing views share it
    action = _ImportAction(window, workspace)
    planning_menu(window).addAction(action)
    return action
