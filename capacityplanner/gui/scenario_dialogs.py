"""The scenario list dialog and the comparison dialog of the scenario manager."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
from PySide6.QtCore import QEvent, QLocale, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

__all__ = ["CompareDialog", "ScenarioDialog", "frame_model"]


def frame_model(frame: pd.DataFrame, parent=None) -> QStandardItemModel:
    """A read-only item model of ``frame`` (index as the first columns, numbers localised)."""
    flat = frame.reset_index()
    flat.columns = [
        " ".join(str(p) for p in c if str(p)) if isinstance(c, tuple) else str(c)
        for c in flat.columns
    ]
    model = QStandardItemModel(len(flat), len(flat.columns), parent)
    model.setHorizontalHeaderLabels(list(flat.columns))
    loc = QLocale()
    for j, column in enumerate(flat.columns):
        values = flat[column].to_numpy()
        numeric = pd.api.types.is_numeric_dtype(flat[column])
        for i, value in enumerate(values):
            if numeric and not isinstance(value, bool):
                text = "" if pd.isna(value) else loc.toString(float(value), "f", 0)
            else:
                text = (
                    ""
                    if value is None or (isinstance(value, float) and pd.isna(value))
                    else str(value)
                )
            item = QStandardItem(text)
            item.setEditable(False)
            if numeric:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            model.setItem(i, j, item)
    return model


class ScenarioDialog(QDialog):
    """The scenarios of the project: open, new from current, branch, compare, delete.

    Parameters
    ----------
    manager : ScenarioManager
        Does the work; the dialog only lists and asks.
    """

    def __init__(self, manager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scenario_dialog")
        self.manager = manager
        self.project_label = QLabel(self)
        self.project_label.setWordWrap(True)
        self.table = QTableWidget(0, 5, self)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.doubleClicked.connect(lambda _i: self._open())
        self.buttons = {
            key: QPushButton(self)
            for key in ("open", "new", "branch", "compare", "delete", "close")
        }
        self.buttons["open"].clicked.connect(self._open)
        self.buttons["new"].clicked.connect(self._new)
        self.buttons["branch"].clicked.connect(self._branch)
        self.buttons["compare"].clicked.connect(self._compare)
        self.buttons["delete"].clicked.connect(self._delete)
        self.buttons["close"].clicked.connect(self.accept)
        row = QHBoxLayout()
        for key in ("open", "new", "branch", "compare", "delete"):
            row.addWidget(self.buttons[key])
        row.addStretch(1)
        row.addWidget(self.buttons["close"])
        layout = QVBoxLayout(self)
        layout.addWidget(self.project_label)
        layout.addWidget(self.table)
        layout.addLayout(row)
        self.resize(720, 380)
        self.retranslate()

    def selected_names(self) -> list[str]:
        """Names of the selected scenarios, in list order."""
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.table.item(r, 0).text() for r in rows]

    def select(self, names: list[str]) -> None:
        """Select the scenarios called ``names``."""
        self.table.clearSelection()
        mode = self.table.selectionMode()
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.MultiSelection)
        for r in range(self.table.rowCount()):
            if self.table.item(r, 0).text() in names:
                self.table.selectRow(r)
        self.table.setSelectionMode(mode)

    def refresh(self) -> None:
        """Reload the list from the project."""
        self.project_label.setText(
            self.tr("Project: %1").replace("%1", self.manager.project_display())
        )
        infos = self.manager.list()
        self.table.setRowCount(len(infos))
        loc = QLocale()
        current = self.manager.scenario.name if self.manager.scenario else None
        for i, info in enumerate(infos):
            modified = loc.toString(info.modified.astimezone(), QLocale.FormatType.ShortFormat)
            values = [info.name, info.parent or "", info.author, modified, str(info.version)]
            for j, value in enumerate(values):
                item = QTableWidgetItem(value)
                if info.name == current:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.table.setItem(i, j, item)
        self.table.resizeColumnsToContents()

    def showEvent(self, event) -> None:  # noqa: N802
        self.refresh()
        super().showEvent(event)

    def _one(self) -> str | None:
        names = self.selected_names()
        if len(names) != 1:
            self.manager.inform(self.tr("Select one scenario."))
            return None
        return names[0]

    def _open(self) -> None:
        name = self._one()
        if name and self.manager.open(name):
            self.refresh()

    def _new(self) -> None:
        name = self.manager.ask_name(self.tr("New scenario from the current state"), "")
        if name and self.manager.new_from_current(name):
            self.refresh()

    def _branch(self) -> None:
        source = self._one()
        if not source:
            return
        name = self.manager.ask_name(
            self.tr("Branch of %1").replace("%1", source), f"{source} - variant"
        )
        if name and self.manager.branch(source, name):
            self.refresh()

    def _compare(self) -> None:
        names = self.selected_names()
        if len(names) < 2:
            self.manager.inform(self.tr("Select two or more scenarios to compare."))
            return
        self.manager.show_compare(names, self)

    def _delete(self) -> None:
        name = self._one()
        if name and self.manager.delete(name):
            self.refresh()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        """Texts in the current language."""
        self.setWindowTitle(self.tr("Scenarios"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Scenario"),
                self.tr("Branched from"),
                self.tr("Author"),
                self.tr("Last saved"),
                self.tr("Version"),
            ]
        )
        texts = {
            "open": self.tr("Open"),
            "new": self.tr("New from current..."),
            "branch": self.tr("Branch..."),
            "compare": self.tr("Compare"),
            "delete": self.tr("Delete"),
            "close": self.tr("Close"),
        }
        for key, text in texts.items():
            self.buttons[key].setText(text)
        if self.isVisible():
            self.refresh()


class CompareDialog(QDialog):
    """Headline figures and the balance per wijk of two or more scenarios side by side."""

    def __init__(
        self,
        names: list[str],
        summary: pd.DataFrame,
        balance: pd.DataFrame,
        parent=None,
        year: int | None = None,
        recompute: Callable[[int], tuple[pd.DataFrame, pd.DataFrame] | None] | None = None,
        show_map: Callable[[pd.DataFrame, str, int], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("compare_dialog")
        self.names = names
        self.recompute = recompute
        self.tabs = QTabWidget(self)
        self.summary_view = QTableView(self)
        self.balance_view = QTableView(self)
        for view in (self.summary_view, self.balance_view):
            view.verticalHeader().setVisible(False)
        self.year_label = QLabel(self)
        self.year_spin = QSpinBox(self)
        self.year_spin.setRange(2000, 2100)
        self.year_spin.setValue(year or 2024)
        self.year_spin.setEnabled(recompute is not None)
        self.year_spin.valueChanged.connect(self.set_year)
        top = QHBoxLayout()
        top.addWidget(self.year_label)
        top.addWidget(self.year_spin)
        top.addStretch(1)
        # the difference map: second scenario minus the first, one level
        self.map_level = QComboBox(self)
        for level in ("basis", "kleuter", "lager", "secundair", "kinderopvang", "bso", "jeugd"):
            self.map_level.addItem(level, level)
        self.map_button = QPushButton(self)
        self.map_button.setObjectName("difference_map_button")
        self.map_button.setEnabled(show_map is not None and len(names) >= 2)
        self.map_button.clicked.connect(self.show_difference_map)
        self.show_map = show_map
        top.addWidget(self.map_level)
        top.addWidget(self.map_button)
        self.show_tables(summary, balance)
        self.tabs.addTab(self.summary_view, "")
        self.tabs.addTab(self.balance_view, "")
        close = QPushButton(self)
        close.clicked.connect(self.accept)
        self.close_button = close
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs)
        layout.addWidget(close, alignment=Qt.AlignmentFlag.AlignRight)
        self.resize(900, 520)
        self.retranslate()

    def figure_label(self, figure: str) -> str:
        """A headline figure's name (``citywide shortfall lager``) in the current language."""
        prefixes = {
            "citywide shortfall": self.tr("citywide shortfall"),
            "wijken short": self.tr("wijken short"),
            "new sites": self.tr("new sites"),
            "expanded sites": self.tr("expanded sites"),
            "brede sites": self.tr("brede sites"),
            "cost EUR": self.tr("cost EUR"),
            "mean travel m": self.tr("mean travel m"),
            "max travel m": self.tr("max travel m"),
        }
        for key, text in prefixes.items():
            if str(figure).startswith(key):
                return text + str(figure)[len(key) :]
        return str(figure)

    def show_tables(self, summary: pd.DataFrame, balance: pd.DataFrame) -> None:
        """Show new comparison tables."""
        self.summary_frame, self.balance_frame = summary, balance
        shown = summary.rename(index=self.figure_label)
        shown.index.name = self.tr("figure")
        self.summary_view.setModel(frame_model(shown, self))
        self.balance_view.setModel(frame_model(balance, self))
        for view in (self.summary_view, self.balance_view):
            view.resizeColumnsToContents()

    def set_year(self, year: int) -> None:
        """Compare the scenarios in school year ``year``."""
        if self.year_spin.value() != year:
            self.year_spin.setValue(year)  # comes back here through valueChanged
            return
        tables = self.recompute(year) if self.recompute is not None else None
        if tables is not None:
            self.show_tables(*tables)

    def show_difference_map(self) -> None:
        """Colour the wijken by the second scenario's balance minus the first's."""
        if self.show_map is not None:
            self.show_map(self.balance_frame, self.map_level.currentData(), self.year_spin.value())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        """Texts in the current language."""
        self.year_label.setText(self.tr("School year"))
        self.map_button.setText(self.tr("Difference on the map"))
        if self.isVisible():
            self.show_tables(self.summary_frame, self.balance_frame)
        self.setWindowTitle(self.tr("Compare: %1").replace("%1", " / ".join(self.names)))
        self.tabs.setTabText(0, self.tr("Headline figures"))
        self.tabs.setTabText(1, self.tr("Balance per wijk"))
        self.close_button.setText(self.tr("Close"))
